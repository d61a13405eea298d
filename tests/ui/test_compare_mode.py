"""Compare mode, driven like a user: turn it on beside the model, add targets (one through a
relay that refuses the model), see what each leaves out and the total, press Ctrl+Enter, and
find the run as one row in the gallery's Runs tab; a compare that costs more than the
threshold asks first; the best result is marked from the row.

Two simulated relays over loopback: the session's ``sim``, and "relay-b", whose
``suffixed-names`` personality refuses the plain name gpt-image-2 (503, model_not_found).
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from studio.domain.job import JobState
from studio.domain.request import GenerationRequest
from studio.engine.composition import Target
from studio.simulator import SimulatorServer
from studio.store.history import Filters
from studio.store.runs import list_runs
from studio.ui.composer.compare_flow import CONFIRM_KEY
from studio.ui.gallery.runs_delegate import card_buttons
from studio.ui.main_window import MainWindow
from tests.ui.conftest import Harness
from tests.ui.test_composer_helpers import choose_model
from tests.ui.test_gallery import outside_task

RELAY_B = "relay-b"


@pytest.fixture(scope="module")
def relay_b_server() -> Iterator[SimulatorServer]:
    with SimulatorServer() as server:
        yield server


@pytest.fixture
def relay_b(relay_b_server: SimulatorServer, harness: Harness) -> SimulatorServer:
    """A second relay for the window, refusing the plain name gpt-image-2."""
    relay_b_server.reset()
    relay_b_server.set_personalities("suffixed-names")
    harness.resolver.given[RELAY_B] = replace(
        harness.profile, name=RELAY_B, base_url=relay_b_server.url
    )
    return relay_b_server


def _window(harness: Harness, confirm_above: float = 100.0) -> MainWindow:
    harness.services.preferences.settings.setValue(CONFIRM_KEY, confirm_above)
    window = harness.keep(MainWindow(harness.services))
    window.resize(1440, 900)
    window.show()
    return window


def _generate(window: MainWindow) -> None:
    prompt = window.composer.prompt
    prompt.setFocus()
    QTest.keyClick(prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _add_target(window: MainWindow, model: str, relay: str | None) -> None:
    """Like a user: the compare list's model picker (type the name, Enter), its relay, Add."""
    targets = window.composer.compare_targets
    QTest.mouseClick(targets.picker, Qt.MouseButton.LeftButton)
    popup = targets.picker.popup
    assert popup is not None and popup.isVisible()
    QTest.keyClicks(popup.search, model)
    QTest.keyClick(popup.search, Qt.Key.Key_Return)
    assert targets.picker.model() == model
    box = targets.relay_box
    box.setCurrentIndex(box.findData(relay or ""))
    QTest.mouseClick(targets.add_button, Qt.MouseButton.LeftButton)


async def _settled(harness: Harness, window: MainWindow) -> None:
    """The pickers' model lists are in (no request to a relay is left open at the end)."""
    pickers = (window.composer.picker, window.composer.compare_targets.picker)
    await harness.until(lambda: not any(p.relay is not None and p.relay.fetching for p in pickers))


def _paid(server: SimulatorServer) -> list[object]:
    return [entry for entry in server.log() if entry.kind == "paid"]


def test_compare_sends_one_run_and_a_failing_relay_leaves_the_others(
    harness: Harness, relay_b: SimulatorServer
) -> None:
    window = _window(harness)
    composer = window.composer
    ended: list[tuple[str, JobState]] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append((job.request.model, job.state)) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        await window.ready()
        await outside_task(lambda: QTest.keyClicks(composer.prompt, "a teapot on a windowsill"))
        await outside_task(lambda: choose_model(composer, "gpt-image-1"))
        window.composition.background = "transparent"  # gpt-image-2 cannot take it
        toggle = composer.compare_targets.toggle
        assert not toggle.isChecked() and not composer.compare_targets.isVisible()
        await outside_task(lambda: QTest.mouseClick(toggle, Qt.MouseButton.LeftButton))
        assert window.composition.targets == (Target("gpt-image-1"),)
        assert composer.compare_targets.isVisible()

        await outside_task(lambda: _add_target(window, "gpt-image-2", RELAY_B))
        await outside_task(lambda: _add_target(window, "nano-banana-2", None))
        assert window.composition.targets == (
            Target("gpt-image-1"),
            Target("gpt-image-2", profile=RELAY_B),
            Target("nano-banana-2"),
        )
        assert "× 3" in composer.generate_button.text()

        # What each target leaves out is said under it before anything is sent.
        rows = composer.compare_targets.rows
        await harness.until(lambda: rows[1].notes.isVisible())
        assert "gpt-image-2 cannot take the background" in rows[1].notes.text()
        assert "nano-banana-2 cannot take the background" in rows[2].notes.text()
        assert not rows[0].notes.isVisible()
        assert "· 3 targets" in composer.cost_label.text()
        assert not _paid(harness.sim) and not _paid(relay_b)

        await outside_task(lambda: _generate(window))
        await harness.until(lambda: len(ended) == 3)
        states = dict(ended)
        assert states["gpt-image-1"] is JobState.SUCCEEDED
        assert states["nano-banana-2"] is JobState.SUCCEEDED
        assert states["gpt-image-2"] is JobState.FAILED  # relay B: no channel for it

        # One run in the history, its three ordinary jobs in order.
        (run,) = list_runs(harness.store)
        assert run.kind == "compare" and run.title == "a teapot on a windowsill"
        records = harness.store.list_jobs(Filters(run_id=run.id), limit=10)
        assert {r.job.run_id for r in records} == {run.id}
        by_model = {r.job.request.model: r.job for r in records}
        assert by_model["gpt-image-1"].request.background == "transparent"
        assert by_model["gpt-image-2"].request.background is None  # left out, with a note
        assert by_model["gpt-image-2"].profile_name == RELAY_B
        assert any(w.code == "option_dropped" for w in by_model["gpt-image-2"].warnings)
        assert sorted(p.model for p in _paid(harness.sim)) == ["gpt-image-1", "nano-banana-2"]

        # The gallery turned to its Runs tab: one row, the three targets side by side.
        runs = window.gallery.runs
        assert runs.showing
        model = runs.page.model
        await harness.until(
            lambda: (
                model.rowCount() == 1
                and len(model.rows[0].cells) == 3
                and all(
                    cell.job is not None and cell.job.state.is_terminal
                    for cell in model.rows[0].cells
                )
                and model.rows[0].cells[0].image is not None
            )
        )
        cells = model.rows[0].cells
        assert [(c.model, c.profile) for c in cells] == [
            ("gpt-image-1", "sim"),
            ("gpt-image-2", RELAY_B),
            ("nano-banana-2", "sim"),
        ]
        assert cells[1].failed and cells[1].job.error is not None
        assert cells[2].image is not None
        assert runs.page.table.grab().width() > 0  # the cards paint

        # Undo brings compare mode back off step by step (the composition's own undo).
        while window.composition.targets:
            assert window.composition.undo()
        assert not composer.compare_targets.toggle.isChecked()
        assert "×" not in composer.generate_button.text()
        await _settled(harness, window)

    harness.run(scenario())


def test_a_compare_above_the_threshold_asks_first_and_cancel_sends_nothing(
    harness: Harness,
) -> None:
    window = _window(harness, confirm_above=0.05)
    composer = window.composer
    ended: list[JobState] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job.state) if job.state.is_terminal else None
    )

    def question() -> QMessageBox | None:
        asked = composer.compare.question
        return asked if asked is not None and asked.isVisible() else None

    async def scenario() -> None:
        await window.ready()
        window.composition.update(model="gpt-image-1", prompt="a lantern on a jetty")
        composer.prompt.setFocus()
        await outside_task(
            lambda: QTest.keyClick(composer.prompt, Qt.Key.Key_C, _ctrl_shift())
        )  # compare on
        assert window.composition.targets == (Target("gpt-image-1"),)
        await outside_task(lambda: _add_target(window, "gpt-image-1-mini", None))
        await harness.until(lambda: "· 2 targets" in composer.cost_label.text())
        assert "US$0.053" in composer.cost_label.text()  # 0.042 + 0.011

        await outside_task(lambda: _generate(window))
        await harness.until(lambda: question() is not None)
        asked = question()
        assert asked is not None
        assert "more than US$0.05" in asked.text()
        assert "gpt-image-1-mini @ sim: ≈ US$0.011" in asked.informativeText()
        asked.button(QMessageBox.StandardButton.Cancel).click()
        await harness.until(lambda: question() is None)
        # Cancel sent nothing: the relay saw only the pickers read its model list.
        assert [e.path for e in harness.sim.log() if e.kind != "models"] == []
        assert list_runs(harness.store) == []

        await outside_task(lambda: _generate(window))
        await harness.until(lambda: question() is not None)
        send = question().findChild(QPushButton, "sendCompare")
        assert send.text() == "Send to 2 targets"
        send.click()
        await harness.until(lambda: len(ended) == 2)
        assert ended == [JobState.SUCCEEDED, JobState.SUCCEEDED]
        assert len(_paid(harness.sim)) == 2
        assert len(list_runs(harness.store)) == 1
        await _settled(harness, window)

    harness.run(scenario())


def _ctrl_shift() -> Qt.KeyboardModifier:
    return Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_refused_target_is_shown_with_its_reason_and_not_sent(harness: Harness) -> None:
    window = _window(harness)
    composer = window.composer

    async def scenario() -> None:
        await window.ready()
        window.composition.update(model="gpt-image-1", prompt="a kite")
        await outside_task(
            lambda: QTest.mouseClick(composer.compare_targets.toggle, Qt.MouseButton.LeftButton)
        )
        # dall-e-2 takes at most 1000 characters: a long prompt cannot be fitted to it
        window.composition.prompt = "a kite over the sea, " * 60
        await outside_task(lambda: _add_target(window, "dall-e-2", None))
        row = composer.compare_targets.rows[1]
        await harness.until(lambda: row.refusal.isVisible())
        assert row.refusal.text().startswith("Not sent:")
        assert "· one target" in composer.cost_label.text()

        await outside_task(lambda: _generate(window))
        await harness.until(lambda: len(list_runs(harness.store)) == 1)
        (run,) = list_runs(harness.store)
        await harness.until(
            lambda: len(harness.store.list_jobs(Filters(run_id=run.id), limit=5)) == 1
        )
        assert [e.model for e in harness.sim.log() if e.kind == "paid"] in ([], ["gpt-image-1"])
        runs = window.gallery.runs.page.model
        await harness.until(lambda: runs.rowCount() == 1 and len(runs.rows[0].cells) == 2)
        refused = runs.rows[0].cells[1]
        assert refused.job is None and refused.model == "dall-e-2"
        assert refused.refusal
        await _settled(harness, window)

    harness.run(scenario())


def test_the_best_is_marked_from_the_run_row_and_opens_in_compare(harness: Harness) -> None:
    window = _window(harness)
    composer = window.composer
    ended: list[JobState] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job.state) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        await window.ready()
        # The relay takes its time: the row is there, live, before the results are.
        prompt = "a red bicycle [[sim:latency=2]]"
        window.composition.update(model="gpt-image-1", prompt=prompt)
        await outside_task(
            lambda: QTest.mouseClick(composer.compare_targets.toggle, Qt.MouseButton.LeftButton)
        )
        await outside_task(lambda: _add_target(window, "flux-pro", None))
        await outside_task(lambda: _generate(window))
        page = window.gallery.runs.page
        model = page.model
        await harness.until(lambda: model.rowCount() == 1 and len(model.rows[0].cells) == 2)
        assert not ended and all(cell.live for cell in model.rows[0].cells)
        assert page.table.grab().width() > 0  # live cards paint (state and seconds)
        await harness.until(lambda: len(ended) == 2)
        await harness.until(
            lambda: (
                model.rowCount() == 1
                and len(model.rows[0].cells) == 2
                and all(c.image is not None for c in model.rows[0].cells)
            )
        )
        table = page.table
        rect = table.visualRect(model.index(0, 2))
        star = card_buttons(model.rows[0].cells[1], rect)["favourite"].center().toPoint()
        await outside_task(lambda: QTest.mouseMove(table.viewport(), star))
        await outside_task(
            lambda: QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=star)
        )
        image_id = model.rows[0].cells[1].image.id
        await harness.until(lambda: harness.store.image(image_id).favourite)
        await harness.until(lambda: model.rows and model.rows[0].cells[1].image.favourite)

        # F marks the current card too (the window's Favourite acts on the Runs selection).
        first = model.rows[0].cells[0].image.id
        await outside_task(
            lambda: QTest.mouseClick(
                table.viewport(),
                Qt.MouseButton.LeftButton,
                pos=table.visualRect(model.index(0, 1)).center(),
            )
        )
        assert window.gallery.selected_image_ids() == [first]
        window.activateWindow()
        table.setFocus()
        await harness.until(table.hasFocus)
        await outside_task(lambda: QTest.keyClick(table, Qt.Key.Key_F))
        await harness.until(lambda: harness.store.image(first).favourite)

        # Both cards selected: "Compare in detail" opens the detail view's compare.
        second = table.visualRect(model.index(0, 2)).center()
        await outside_task(
            lambda: QTest.mouseClick(
                table.viewport(),
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.ControlModifier,
                second,
            )
        )
        assert page.compare_button.isEnabled()
        await outside_task(lambda: QTest.mouseClick(page.compare_button, Qt.MouseButton.LeftButton))
        detail = window.detail
        await harness.until(lambda: detail.shown_image is not None)
        assert detail.view_bar.compare.isChecked()
        labels = [
            detail.view_bar.compare_with.itemText(i)
            for i in range(detail.view_bar.compare_with.count())
        ]
        assert labels[0] in ("gpt-image-1 @ sim", "flux-pro @ sim")
        await _settled(harness, window)

    harness.run(scenario())


def test_compare_plan_keeps_the_composition_unchanged_for_plain_generate(harness: Harness) -> None:
    """Off again, Generate sends one ordinary job (no run)."""
    window = _window(harness)
    composer = window.composer
    ended: list[object] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        await window.ready()
        window.composition.update(model="gpt-image-1", prompt="a quiet harbour")
        toggle = composer.compare_targets.toggle
        await outside_task(lambda: QTest.mouseClick(toggle, Qt.MouseButton.LeftButton))
        await outside_task(lambda: QTest.mouseClick(toggle, Qt.MouseButton.LeftButton))
        assert window.composition.targets == ()
        await outside_task(lambda: _generate(window))
        await harness.until(lambda: len(ended) == 1)
        assert ended[0].run_id is None  # type: ignore[attr-defined]
        assert list_runs(harness.store) == []
        await _settled(harness, window)

    harness.run(scenario())


@pytest.fixture
def budgeted(qapp: QApplication, sim: SimulatorServer, tmp_path: Path) -> Iterator[Harness]:
    """The window's relay with a daily budget that one gpt-image-1 fits in, two do not."""
    instance = Harness(qapp, sim, tmp_path / "data", daily_budget=0.05)
    try:
        yield instance
    finally:
        instance.close()
        qapp.processEvents()
        gc.collect()


def test_the_relay_budget_counts_every_target_on_it(budgeted: Harness) -> None:
    harness = budgeted
    window = _window(harness)  # the cost threshold is far away: only the budget asks
    composer = window.composer

    async def scenario() -> None:
        await window.ready()
        window.composition.update(model="gpt-image-1", prompt="a paper crane")
        await outside_task(
            lambda: QTest.mouseClick(composer.compare_targets.toggle, Qt.MouseButton.LeftButton)
        )
        await outside_task(
            lambda: _add_target(window, "gpt-image-1-mini", None)
        )  # 0.042 + 0.011 > 0.05 on one relay
        await outside_task(lambda: _generate(window))
        await harness.until(lambda: composer.compare.question is not None)
        asked = composer.compare.question
        assert "would pass the daily budget of sim" in asked.text()
        asked.button(QMessageBox.StandardButton.Cancel).click()
        await harness.until(lambda: composer.compare.question is None)
        assert not _paid(harness.sim)
        await _settled(harness, window)

    harness.run(scenario())


def test_runs_are_found_by_their_prompt(harness: Harness) -> None:
    window = _window(harness)
    composer = window.composer
    ended: list[object] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        await window.ready()
        await outside_task(
            lambda: QTest.mouseClick(composer.compare_targets.toggle, Qt.MouseButton.LeftButton)
        )
        for number, prompt in enumerate(("a blue door", "a yellow umbrella"), start=1):
            window.composition.prompt = prompt
            await outside_task(lambda: _generate(window))
            await harness.until(lambda n=number: len(ended) == n)
        page = window.gallery.runs.page
        await harness.until(lambda: page.model.rowCount() == 2)
        assert [row.run.title for row in page.model.rows] == ["a yellow umbrella", "a blue door"]
        await outside_task(lambda: QTest.keyClicks(page.search, "umbrel"))
        await harness.until(lambda: page.model.rowCount() == 1)
        assert page.model.rows[0].run.title == "a yellow umbrella"
        page.search.selectAll()
        await outside_task(lambda: QTest.keyClicks(page.search, "kite"))
        await harness.until(lambda: page.model.rowCount() == 0 and page.empty.isVisible())
        assert "“kite”" in page.empty.text()  # it says what found nothing
        await _settled(harness, window)

    harness.run(scenario())


def test_a_long_run_shows_its_first_cards_and_counts_the_rest(harness: Harness) -> None:
    """A batch of 30 jobs: the row keeps 24 cards and "+6 more"; its events do not make the
    Runs tab read the history again for every job."""
    from studio.engine.runs import plan_job
    from studio.ui.gallery.runs_model import MAX_CELLS

    window = _window(harness)
    page = window.gallery.runs.page
    reads: list[str | None] = []
    original = harness.bridge.runs_page

    async def counted(search: str | None, limit: int, cells: int) -> object:
        reads.append(search)
        return await original(search, limit, cells)

    harness.bridge.runs_page = counted  # type: ignore[method-assign]
    ended: list[object] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        await window.ready()
        window.gallery.runs.show_runs()
        request = GenerationRequest("a small stamp", "gpt-image-1-mini")
        target = Target("gpt-image-1-mini", profile="sim")
        planned = [
            plan_job(i, request, target, harness.catalog, harness.profile) for i in range(30)
        ]
        harness.bridge.send_run("batch", "stamps", planned)
        await harness.until(lambda: len(ended) == 30, within=60)
        await harness.until(
            lambda: (
                page.model.rowCount() == 1
                and page.model.rows[0].more == 30 - MAX_CELLS
                and not page.model.live_cells()
            )
        )
        row = page.model.rows[0]
        assert len(row.cells) == MAX_CELLS and row.run.kind == "batch"
        assert page.model.columnCount() == 1 + MAX_CELLS + 1  # the "+6 more" card
        assert len(reads) <= 12  # bursts of events are read once, not once per job
        assert page.table.grab().width() > 0

    harness.run(scenario())


def test_a_job_ending_while_the_runs_are_read_is_not_lost(harness: Harness) -> None:
    """The Runs tab reads the history again while a job of the run ends: the rows read are
    older than the end. The tab reads once more instead of showing the job running for ever."""
    from studio.engine.runs import plan_job

    window = _window(harness)
    page = window.gallery.runs.page
    original = harness.bridge.runs_page
    ended: list[object] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job) if job.state.is_terminal else None
    )
    hold = asyncio.Event()
    held: list[str] = []

    async def read(search: str | None, limit: int, cells: int) -> list[Any]:
        this_one = hold.is_set() and not held  # the read asked for while the job runs
        if this_one:
            held.append("reading")
        found = await original(search, limit, cells)
        if this_one:  # handed back only after the job ended and its events were shown
            await harness.until(lambda: bool(ended), within=30)
            await asyncio.sleep(0.3)
            held.append("returned")
        return found

    harness.bridge.runs_page = read  # type: ignore[method-assign]

    async def scenario() -> None:
        await window.ready()
        window.gallery.runs.show_runs()
        request = GenerationRequest("a held read [[sim:latency=1.5]]", "gpt-image-1-mini")
        target = Target("gpt-image-1-mini", profile="sim")
        planned = [plan_job(0, request, target, harness.catalog, harness.profile)]
        harness.bridge.send_run("batch", "held", planned)
        await harness.until(lambda: bool(page.model.live_cells()))
        assert not ended
        hold.set()
        page.model.refresh()  # as after a change elsewhere in the history
        await harness.until(lambda: "returned" in held, within=30)
        await harness.until(
            lambda: page.model.rowCount() == 1 and not page.model.live_cells(), within=10
        )
        cell = page.model.rows[0].cells[0]
        assert cell.job is not None and cell.job.state.is_terminal

    harness.run(scenario())
