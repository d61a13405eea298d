"""This session's jobs in the gallery: live tiles that turn into images, failed tiles, and
their buttons — against the simulated relay, through the real engine and bridge."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from studio.domain.job import Job, JobState
from studio.domain.request import GenerationRequest
from studio.ui import i18n
from studio.ui.gallery.delegate import buttons, progress_text
from studio.ui.gallery.panel import GalleryPanel
from studio.ui.gallery.texts import failure_text
from studio.ui.gallery.tiles import ImageTile, JobTile
from tests.ui.conftest import Harness
from tests.ui.test_gallery import click, open_panel, outside_task, seed, type_text


def first_tile(panel: GalleryPanel) -> object:
    return panel.model.tile(0)


def is_live(tile: object) -> bool:
    return isinstance(tile, JobTile) and tile.live


def is_failed(tile: object) -> bool:
    return isinstance(tile, JobTile) and tile.failed


async def click_button(panel: GalleryPanel, row: int, name: str) -> None:
    """Hover the tile (its buttons appear) and click one of them, like a person."""
    rect = panel.view.visualRect(panel.model.index(row))
    target = buttons(panel.model.tile(row), rect)[name].center()
    viewport = panel.view.viewport()
    await outside_task(lambda: QTest.mouseMove(viewport, target))
    await outside_task(lambda: click(viewport, target))


def no_dialog_shown() -> bool:
    return not any(
        isinstance(widget, QDialog) and widget.isVisible()
        for widget in QApplication.topLevelWidgets()
    )


def test_a_submitted_job_shows_a_live_tile_that_becomes_its_image(harness: Harness) -> None:
    seed(harness.store, ["an older picture", "another older one"])
    panel = open_panel(harness)
    inserted: list[tuple[int, int]] = []
    panel.model.rowsInserted.connect(lambda _, first, last: inserted.append((first, last)))
    saved: list[int] = []
    harness.bridge.image_saved.connect(lambda job, image: saved.append(image.id))

    async def scenario() -> None:
        await panel.first_page_loaded()
        inserted.clear()
        harness.bridge.submit(GenerationRequest("a kite over the sea [[sim:latency=1]]", "flux"))
        await harness.until(lambda: is_live(first_tile(panel)))
        assert panel.model.rowCount() == 3
        assert panel.stack.currentWidget() is panel.view
        assert panel._tick.isActive()  # elapsed seconds, once a second
        await harness.until(lambda: isinstance(first_tile(panel), ImageTile))
        await harness.until(lambda: not panel.model.live_rows())

    harness.run(scenario())
    assert inserted == [(0, 0)]  # the live tile came in; the image took its row
    assert panel.model.rowCount() == 3
    assert panel.model.image_id(0) == saved[0]
    assert not panel._tick.isActive()


def test_a_job_with_a_filter_it_does_not_match_leaves_the_grid_alone(harness: Harness) -> None:
    seed(harness.store, ["a snow leopard", "a red fox"])
    panel = open_panel(harness)
    finished: list[Job] = []
    harness.bridge.job_changed.connect(
        lambda job: finished.append(job) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        await panel.first_page_loaded()
        type_text(panel.filter_bar.search, "leopard")
        await harness.until(lambda: panel.model.query.search == "leopard" and panel.model.loaded)
        assert panel.model.rowCount() == 1
        harness.bridge.submit(GenerationRequest("a lighthouse at dusk", "flux"))
        harness.bridge.submit(GenerationRequest("a leopard asleep", "flux"))
        await harness.until(lambda: len(finished) == 2)

    harness.run(scenario())
    assert panel.model.rowCount() == 2  # only the matching image came in
    assert all(isinstance(panel.model.tile(row), ImageTile) for row in range(2))


def test_a_failing_job_shows_a_failed_tile_in_plain_words(harness: Harness) -> None:
    harness.sim.set_faults("401")
    panel = open_panel(harness)

    async def scenario() -> None:
        await panel.first_page_loaded()
        harness.bridge.submit(GenerationRequest("a lighthouse", "flux"))
        await harness.until(lambda: is_failed(first_tile(panel)))

    harness.run(scenario())
    tile = first_tile(panel)
    assert isinstance(tile, JobTile) and tile.job.error is not None
    message, relay = failure_text(tile)
    assert message == i18n.message(tile.job.error)
    assert "401" in message and "key" in message
    for text in (message, relay):
        assert "Traceback" not in text and "<html" not in text.lower()
    tip = panel.model.data(panel.model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert message in tip
    assert panel.stack.currentWidget() is panel.view  # not the welcome card
    assert no_dialog_shown()
    panel.view.grab()  # it paints (the message wrapped and elided) without trouble


def test_retry_on_a_failed_tile_sends_it_again(harness: Harness) -> None:
    harness.sim.set_faults("401")
    panel = open_panel(harness)

    async def scenario() -> None:
        await panel.first_page_loaded()
        harness.bridge.submit(GenerationRequest("a lighthouse", "flux"))
        await harness.until(lambda: is_failed(first_tile(panel)))
        harness.sim.set_faults("")
        await click_button(panel, 0, "retry")
        await harness.until(lambda: isinstance(first_tile(panel), ImageTile))

    harness.run(scenario())
    assert panel.model.rowCount() == 1  # the failed tile went; the retry's image is there
    assert harness.store.count_images() == 1


def test_a_tile_whose_result_was_kept_offers_resume_not_retry(harness: Harness) -> None:
    harness.sim.set_faults("download-500")
    panel = open_panel(harness)

    async def scenario() -> None:
        await panel.first_page_loaded()
        harness.bridge.submit(GenerationRequest("a lighthouse", "flux"))
        await harness.until(lambda: is_failed(first_tile(panel)))
        tile = first_tile(panel)
        rect = panel.view.visualRect(panel.model.index(0))
        assert set(buttons(tile, rect)) == {"resume", "dismiss"}  # Retry would pay again
        harness.sim.set_faults("")
        paid_before = harness.sim.state.stats()["paid_requests"]
        await click_button(panel, 0, "resume")
        await harness.until(lambda: isinstance(first_tile(panel), ImageTile))
        assert harness.sim.state.stats()["paid_requests"] == paid_before

    harness.run(scenario())
    assert harness.store.count_images() == 1


def test_cancel_on_a_live_tile_stops_the_job(harness: Harness) -> None:
    panel = open_panel(harness)
    states: list[JobState] = []
    harness.bridge.job_changed.connect(lambda job: states.append(job.state))

    async def scenario() -> None:
        await panel.first_page_loaded()
        harness.bridge.submit(GenerationRequest("a slow one [[sim:latency=20]]", "flux"))
        await harness.until(lambda: is_live(first_tile(panel)))
        await click_button(panel, 0, "cancel")
        await harness.until(lambda: JobState.CANCELLED in states)
        await harness.until(lambda: panel.model.rowCount() == 0)

    harness.run(scenario())
    assert panel.empty.kind == "demo"  # nothing left: how to start again (a relay is set)


def test_live_tiles_count_percent_for_async_and_seconds_for_sync() -> None:
    async_job = Job("a", GenerationRequest("x", "midjourney"), "sim", state=JobState.RUNNING)
    async_job.progress = 45.0
    async_tile = JobTile(async_job)
    async_tile.note_state()
    assert progress_text(async_tile, time.monotonic()) == ("45%", "Rendering…")

    sync_job = Job("s", GenerationRequest("x", "flux"), "sim", state=JobState.SUBMITTED)
    sync_tile = JobTile(sync_job)
    sync_tile.note_state()
    assert sync_tile.sending_since is not None
    figure, line = progress_text(sync_tile, sync_tile.sending_since + 12.4)
    assert figure == "12 s" and line == "Waiting for the relay…"

    queued = JobTile(Job("q", GenerationRequest("x", "flux"), "sim"))
    queued.note_state()
    assert progress_text(queued, time.monotonic()) == ("", "Queued")


def test_the_tick_stops_while_the_gallery_is_hidden(harness: Harness) -> None:
    panel = open_panel(harness)

    async def scenario() -> None:
        await panel.first_page_loaded()
        harness.bridge.submit(GenerationRequest("a slow one [[sim:latency=20]]", "flux"))
        await harness.until(lambda: is_live(first_tile(panel)))
        assert panel._tick.isActive() and panel._tick.interval() == 1000
        panel.hide()
        assert not panel._tick.isActive()
        panel.show()
        assert panel._tick.isActive()
        harness.bridge.cancel(first_tile(panel).job.id)  # type: ignore[union-attr]
        await harness.until(lambda: panel.model.rowCount() == 0)

    harness.run(scenario())


def test_hovering_a_live_tile_shows_its_cancel_button(harness: Harness) -> None:
    panel = open_panel(harness)

    async def scenario() -> None:
        await panel.first_page_loaded()
        harness.bridge.submit(GenerationRequest("a slow one [[sim:latency=20]]", "flux"))
        await harness.until(lambda: is_live(first_tile(panel)))
        rect = panel.view.visualRect(panel.model.index(0))
        cancel = buttons(first_tile(panel), rect)["cancel"]
        before = panel.view.viewport().grab().toImage().pixelColor(cancel.center())
        await outside_task(lambda: QTest.mouseMove(panel.view.viewport(), rect.center()))
        after = panel.view.viewport().grab().toImage().pixelColor(cancel.center())
        assert before != after  # a button was drawn there
        harness.bridge.cancel(first_tile(panel).job.id)  # type: ignore[union-attr]
        await harness.until(lambda: panel.model.rowCount() == 0)

    harness.run(scenario())


def test_a_streamed_job_shows_its_drafts_in_the_live_tile(
    qapp, sim, tmp_path
) -> None:
    from studio.ui.gallery.tiles import JobTile as Tile
    from tests.ui.conftest import Harness as FreshHarness

    harness = FreshHarness(qapp, sim, tmp_path / "data", stream_images=True, partial_images=2)
    try:
        panel = open_panel(harness)
        drafts: list[tuple[int, int, bool]] = []

        def on_draft(job, index, image) -> None:
            tile = panel.model._session.get(job.id)
            shown = isinstance(tile, Tile) and tile.draft is image
            drafts.append((index, max(image.width(), image.height()), shown))

        harness.bridge.job_partial.connect(on_draft)

        async def scenario() -> None:
            await panel.first_page_loaded()
            harness.bridge.submit(GenerationRequest("a streamed lantern", "gpt-image-1"))
            await harness.until(lambda: isinstance(first_tile(panel), ImageTile), within=30)

        harness.run(scenario())
        assert [index for index, _, _ in drafts] == [0, 1]
        assert all(side <= 512 and shown for _, side, shown in drafts)
    finally:
        harness.close()
