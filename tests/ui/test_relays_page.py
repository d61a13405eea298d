"""The Relays page, driven like a user: opened from the menu with the keyboard, it shows the
figures the ledger engine computes for jobs run against the simulator (a cut-off call and an
expired download among them), the relay's balance, the claim list and its CSV export; and
empty states that explain."""

from __future__ import annotations

import csv
import dataclasses
import gc
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QToolButton,
)

from studio.domain.job import JobState
from studio.domain.request import GenerationRequest
from studio.engine.claims_export import claims_csv
from studio.engine.ledger import claims, ledger
from studio.settings.profiles import ProfileStore
from studio.settings.resolver import ProfileResolver
from studio.simulator import SimulatorServer
from studio.ui.main_window import MainWindow
from studio.ui.relays.page import RelaysPage
from tests.ui.conftest import Harness

LIST_GPT_IMAGE_1 = 0.042  # the catalog's list price per image (USD)


def texts(page: RelaysPage) -> dict[str, str]:
    return {label.objectName(): label.text() for label in page.findChildren(QLabel)}


def rows(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def opened(window: MainWindow) -> RelaysPage | None:
    page = getattr(window, "relays_page", None)
    return page if page is not None and page.isVisible() else None


async def run(harness: Harness, prompt: str, model: str) -> JobState:
    job = await harness.manager.run(GenerationRequest(prompt, model), "sim")
    return job.state


def test_the_page_shows_what_the_engine_computes_and_exports_the_claims(
    harness: Harness, tmp_path: Path
) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()

    async def scenario() -> None:
        await window.ready()
        states = [
            await run(harness, "a red kite", "gpt-image-1"),
            await run(harness, "lost [[sim:expired-url]]", "dall-e-3"),
            await run(harness, "cut off [[sim:drop]]", "gpt-image-1"),
        ]
        assert states == [JobState.SUCCEEDED, JobState.FAILED, JobState.FAILED]
        expected = await harness.manager.run_in_store(ledger, harness.store, harness.catalog)
        owed = await harness.manager.run_in_store(claims, harness.store, harness.catalog)
        [relay] = expected.profiles

        window.activateWindow()
        QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
        await harness.until(lambda: opened(window) is not None)
        page = opened(window)
        assert page is not None and not page.isModal()
        await harness.until(lambda: page.claim_table.rowCount() == 2)
        await harness.until(lambda: page.figures["balance"].isVisible())  # the sim tells it
        await harness.until(lambda: page.charts is not None)

        shown = texts(page)
        assert shown["relayTitle"] == "sim"
        assert [page.relay_list.item(i).text() for i in range(page.relay_list.count())] == ["sim"]
        assert (shown["figure_jobs"], shown["figure_outcome"], shown["figure_images"]) == (
            "3", "1 / 2", "1",
        )  # fmt: skip
        assert relay.success_rate == pytest.approx(1 / 3, abs=1e-5)
        assert shown["figure_success"] == "33.3%"
        p50, p95 = relay.latency_p50_ms, relay.latency_p95_ms
        assert p50 is not None and p95 is not None
        assert shown["figure_latency"] == f"p50 {p50 / 1000:.1f} s · p95 {p95 / 1000:.1f} s"
        # kite: the relay's usage priced per token; the cut-off call and the expired link:
        # the list price (dall-e-3 has no token prices) — a mixed figure, stated so.
        assert relay.spend.basis == "mixed" and relay.spend.amount is not None
        assert shown["figure_spend"] == (
            f"{relay.spend.amount:.4f} USD (mixed: relay's usage and list price)"
        )
        assert relay.claims == 2 and relay.claims_amount is not None
        assert shown["figure_claims"] == f"2 job(s), about {relay.claims_amount:.4f} USD"
        assert shown["figure_balance"].endswith(")") and " USD (read " in shown["figure_balance"]
        assert shown["honesty_ratio_drift"] == "0.0%"
        assert shown["honesty_mask_ignored"] == "–"  # no masked job: nothing to count
        assert shown["honesty_size_short"] == "0.0%"

        assert rows(page.models) == [
            [m.model, str(m.jobs), str(m.images), f"{m.spend.amount:.4f} USD",
             f"{m.success_rate * 100:.1f}%"]
            for m in relay.by_model
        ]  # fmt: skip
        assert [row[0] for row in rows(page.models)] == ["dall-e-3", "gpt-image-1"]

        claimed = rows(page.claim_table)
        assert [row[1:3] for row in claimed] == [
            ["dall-e-3", "download link expired"],
            ["gpt-image-1", "cut off mid-call or timed out"],
        ]
        assert claimed[1][5] == f"{LIST_GPT_IMAGE_1:.4f} USD"
        assert all(row[0].startswith(date.today().isoformat()) for row in claimed)

        page.tabs.setCurrentIndex(2)
        QTest.mouseClick(page.findChild(QPushButton, "exportCsv"), Qt.MouseButton.LeftButton)
        await harness.until(lambda: page.findChild(QFileDialog, "claimExportDialog") is not None)
        dialog = page.findChild(QFileDialog, "claimExportDialog")
        assert dialog.isVisible()  # opened with open(), never exec()
        target = tmp_path / "to the relay.csv"
        written: list[str] = []
        page.exported.connect(written.append)
        dialog.selectFile(str(target))
        dialog.accept()
        await harness.until(lambda: written == [str(target)])
        content = target.read_text(encoding="utf-8")
        assert content == claims_csv(owed)
        exported = list(csv.DictReader(io.StringIO(content)))
        assert [(r["job_id"], r["model"], r["reason"], r["relay"]) for r in exported] == [
            (c.job_id, c.model, c.reason, "sim") for c in owed
        ]
        assert [r["reason"] for r in exported] == ["result_expired", "fate_unknown"]
        assert exported[1]["estimated_cost"] == str(LIST_GPT_IMAGE_1)
        assert {(r["missing_images"], r["currency"], r["basis"]) for r in exported} == {
            ("1", "USD", "list-price")
        }

    harness.run(scenario())


def test_opened_from_the_view_menu_with_the_keyboard_it_says_there_are_no_jobs_yet(
    harness: Harness,
) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()

    async def scenario() -> None:
        await window.ready()
        window.activateWindow()
        QTest.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
        await harness.until(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        menu = QApplication.activePopupWidget()
        QTest.keyClick(menu, Qt.Key.Key_R)  # &Relays…
        await harness.until(lambda: opened(window) is not None)
        page = opened(window)
        assert page is not None
        await harness.until(lambda: page.message.text().startswith("No jobs yet."))
        assert page.stack.currentWidget() is page.message and page.message.isVisible()
        assert not page.relay_list.isVisible()
        assert "Generate an image" in page.message.text()

    harness.run(scenario())


def test_without_a_relay_the_page_says_how_to_add_one(harness: Harness) -> None:
    services = dataclasses.replace(harness.services, resolver=ProfileResolver(ProfileStore()))
    assert services.profile_names() == []
    page = harness.keep(RelaysPage(services))
    page.show()

    async def scenario() -> None:
        page.refresh()
        await harness.until(lambda: page.message.text().startswith("No relay yet."))
        assert "Settings → Relays" in page.message.text()

    harness.run(scenario())


@pytest.fixture
def marked_up(qapp: QApplication, sim: SimulatorServer, tmp_path: Path) -> Iterator[Harness]:
    instance = Harness(qapp, sim, tmp_path / "data", price_multiplier=1.5)
    try:
        yield instance
    finally:
        instance.close()
        qapp.processEvents()
        gc.collect()


def test_a_markup_is_stated_and_a_relay_without_a_balance_shows_none(marked_up: Harness) -> None:
    harness = marked_up
    harness.sim.set_personalities("no-billing")
    window = harness.keep(MainWindow(harness.services))
    window.show()

    async def scenario() -> None:
        await window.ready()
        assert await run(harness, "a red kite", "gpt-image-1") is JobState.SUCCEEDED
        expected = await harness.manager.run_in_store(
            lambda: ledger(harness.store, harness.catalog, markups={"sim": 1.5})
        )
        [relay] = expected.profiles
        QTest.mouseClick(_tool(window), Qt.MouseButton.LeftButton)  # the toolbar's "Relays"
        await harness.until(lambda: opened(window) is not None)
        page = opened(window)
        assert page is not None
        await harness.until(lambda: not page.claims_empty.isHidden())  # on the Claims tab
        assert relay.spend.amount is not None and relay.markup == 1.5
        assert page.figures["spend"].text() == (
            f"{relay.spend.amount:.4f} USD (from the relay's usage)"
            " — the relay's markup ×1.5 applied"
        )
        await harness.until(lambda: page.charts is not None)
        await harness.until(lambda: "sim" in page.balances)
        assert page.balances["sim"] is None
        assert not page.figures["balance"].isVisible()  # the relay does not tell: no row
        assert not page.figure_names["balance"].isVisible()
        assert not page.export_csv.isEnabled() and page.claim_table.isHidden()
        await harness.until(lambda: window.budget.spend_label.isVisible())  # all answers in

    harness.run(scenario())


def _tool(window: MainWindow) -> QToolButton:
    return window.findChild(QToolButton, "relaysButton")


def test_the_claims_json_export_is_the_cli_shape(harness: Harness) -> None:
    from studio.engine.claims_export import CLAIM_COLUMNS, claims_json

    async def scenario() -> None:
        await run(harness, "cut off [[sim:drop]]", "gpt-image-1")
        owed = await harness.manager.run_in_store(claims, harness.store, harness.catalog)
        [row] = json.loads(claims_json(owed))
        assert list(row) == list(CLAIM_COLUMNS)
        assert (row["reason"], row["relay"], row["estimated_cost"]) == (
            "fate_unknown", "sim", LIST_GPT_IMAGE_1,
        )  # fmt: skip

    harness.run(scenario())
