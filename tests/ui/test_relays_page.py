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
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
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
from studio.simulator.billing import CREDIT_USD, spent_usd
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
        await harness.until(lambda: page.drawn == "sim")

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
        assert shown["figure_claims"] == f"2 jobs, about {relay.claims_amount:.4f} USD"
        # The balance the relay tells (its credit less what it billed), with when it was read.
        left = CREDIT_USD - spent_usd(harness.sim.state)
        amount, read = shown["figure_balance"].removesuffix(")").split(" USD (read ")
        assert amount == f"{left:.2f}"
        assert abs(datetime.strptime(read, "%Y-%m-%d %H:%M").timestamp() - time.time()) < 120
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
        await harness.until(lambda: page.drawn == "sim")
        await harness.until(lambda: "sim" in page.balances)
        assert page.balances["sim"] is None
        assert not page.figures["balance"].isVisible()  # the relay does not tell: no row
        assert not page.figure_names["balance"].isVisible()
        assert not page.export_csv.isEnabled() and page.claim_table.isHidden()
        assert page.claims_empty.text().startswith("Nothing to claim:")  # and what would be
        assert "would be listed here" in page.claims_empty.text()
        assert page.figures["claims"].text() == "none"
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


def _tab(page: RelaysPage, title: str) -> None:
    """Click the tab called ``title``, as a user would."""
    bar = page.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentIndex() == index


def test_the_relay_doctors_last_findings_show_with_when_they_were_found(
    harness: Harness,
) -> None:
    from studio.engine.doctor import (
        MSG_CLOCK_UNKNOWN,
        MSG_KEY_REFUSED,
        MSG_REACHED,
        Report,
        check,
    )
    from studio.settings.doctor_results import DoctorResults
    from studio.ui import i18n
    from studio.ui.settings.doctor_panel import check_label, verdict

    found = [
        check("reachable", True, MSG_REACHED, host="127.0.0.1", status=200, ms=12),
        check("key", False, MSG_KEY_REFUSED, status=401, said="invalid token"),
        check("clock", None, MSG_CLOCK_UNKNOWN),
    ]
    checked_at = 1_780_000_000.0
    DoctorResults().save("sim", Report("sim", found, checked_at=checked_at).record())
    when = datetime.fromtimestamp(checked_at).strftime("%Y-%m-%d %H:%M")
    window = harness.keep(MainWindow(harness.services))
    window.show()

    async def scenario() -> None:
        await window.ready()
        assert await run(harness, "a red kite", "gpt-image-1") is JobState.SUCCEEDED
        page = window.open_relays()
        await harness.until(lambda: page.findings is not None and "sim" in page.reports)
        await harness.until(lambda: page.drawn == "sim" and "sim" in page.balances)
        summary = page.check_summary.text()  # beside the honesty rates
        assert f"Checked {when}: OK 1 · Problem 1 · Unclear 1" in summary
        assert "See the findings" in summary
        _tab(page, "Relay check")
        assert page.findings is not None and page.findings.isVisible()
        assert page.check_when.text() == f"Checked {when}"
        assert page.findings.rows() == [
            (check_label(c.name), verdict(c.ok), i18n.message(c.notice)) for c in found
        ]
        assert page.findings.rows()[1] == (
            "Key accepted", "Problem", "The relay did not accept the key (HTTP 401): invalid token"
        )  # fmt: skip
        assert page.check_never.isHidden()

    harness.run(scenario())


def test_a_relay_never_checked_says_how_to_check_it(harness: Harness) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()

    async def scenario() -> None:
        await window.ready()
        assert await run(harness, "a red kite", "gpt-image-1") is JobState.SUCCEEDED
        page = window.open_relays()
        await harness.until(lambda: "sim" in page.reports)
        await harness.until(lambda: page.drawn == "sim" and "sim" in page.balances)
        assert page.reports["sim"] is None
        assert page.check_summary.text().startswith("Never checked · ")
        assert "How to check it" in page.check_summary.text()
        _tab(page, "Relay check")
        assert page.check_never.isVisible() and page.check_when.isHidden()
        assert "Settings → Relays → Relay check" in page.check_never.text()
        assert "“Check relay”" in page.check_never.text()

    harness.run(scenario())


@pytest.fixture
def chinese(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The studio's 简体中文 catalogue, compiled from the .ts file, installed for one test."""
    from PySide6.QtCore import QTranslator

    from studio.ui.i18n import compile_translation

    source = Path(__file__).resolve().parents[2] / "resources/translations/studio_zh_CN.ts"
    target = tmp_path / "studio_zh_CN.qm"
    assert compile_translation(source, target)
    translator = QTranslator()
    assert translator.load(str(target))
    qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= character <= "\u9fff" for character in text)


def test_in_chinese_no_word_of_the_page_stays_english(harness: Harness, chinese: None) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()

    async def scenario() -> None:
        await window.ready()
        assert await run(harness, "a red kite", "gpt-image-1") is JobState.SUCCEEDED
        assert await run(harness, "cut off [[sim:drop]]", "gpt-image-1") is JobState.FAILED
        page = window.open_relays()
        await harness.until(lambda: page.drawn == "sim" and "sim" in page.reports)
        await harness.until(lambda: "sim" in page.balances)
        assert page.windowTitle() == "中转站"
        assert page.figure_names["jobs"].text() == "任务数"
        assert page.figure_names["claims"].text() == "已付费未交付"
        assert page.findChild(QLabel, "honestyTitle").text() == "中转站守信了吗？"
        words = [label.text() for label in page.figure_names.values()]
        words += [page.tabs.tabText(i) for i in range(page.tabs.count())]
        for table in (page.models, page.claim_table):
            words += [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
        words += [page.export_csv.text(), page.export_json.text(), page.check_never.text()]
        words += [page.findChild(QLabel, "claimsIntro").text(), page.check_summary.text()]
        words += [page.figures[key].text() for key in ("spend", "claims", "balance")]
        words += [rows(page.claim_table)[0][2]]  # what happened to the claim
        english = [text for text in words if not _has_chinese(text)]
        assert english == []
        assert page.figures["claims"].text().startswith("1 个任务，约 ")
        assert page.figures["latency"].text().endswith(" 秒")
        assert page.charts is not None and page.charts.spend is not None
        assert page.charts.spend.getPlotItem().titleLabel.text == "每日花费"

    harness.run(scenario())


def test_in_chinese_the_empty_history_explains_itself(harness: Harness, chinese: None) -> None:
    page = harness.keep(RelaysPage(harness.services))
    page.show()

    async def scenario() -> None:
        page.refresh()
        await harness.until(lambda: page.message.text().startswith("还没有任务。"))
        assert "生成一张图片" in page.message.text()

    harness.run(scenario())


def test_the_shortcut_sheet_lists_the_relays_page(harness: Harness) -> None:
    from studio.ui.shortcuts import ShortcutSheet

    window = harness.keep(MainWindow(harness.services))
    window.show()
    harness.run(window.ready())
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F1)
    sheets = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutSheet)]
    assert sheets and sheets[-1].isVisible()
    texts = [label.text() for label in sheets[-1].findChildren(QLabel)]
    keys = QKeySequence("Ctrl+Shift+L").toString(QKeySequence.SequenceFormat.NativeText)
    row = texts.index(f"<b>{keys}</b>")
    assert texts[row + 1] == "Relays: what each relay cost and delivered"
    sheets[-1].close()
