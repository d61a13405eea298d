"""Midjourney follow-ups from the detail panel, like a user, against the simulated relay: the
relay's buttons under a grid, U1 makes an upscale, Vary (Region) paints on the image and sends
the modal with the mask."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops, ImageFilter
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton

from studio.domain.job import Job, JobState
from studio.domain.request import GenerationRequest
from studio.imaging.masks import mask_to_image
from studio.store.history import JobRecord
from studio.ui.detail.midjourney import MjButton, buttons_of, follow_up_request
from studio.ui.detail.panel import DetailPanel
from tests.helpers.gui import drag_stroke
from tests.ui.conftest import Harness
from tests.ui.test_detail import finished, open_panel
from tests.ui.test_gallery import outside_task

LEFT = Qt.MouseButton.LeftButton
NO_KEY = Qt.KeyboardModifier.NoModifier
GRID_LABELS = {"U1", "U2", "U3", "U4", "V1", "V2", "V3", "V4", "🔄"}
STROKE = [(200, 300), (400, 280), (600, 320)]  # image pixels, on a 1024×1024 upscale
BRUSH = 60


def _grid(harness: Harness) -> GenerationRequest:
    harness.sim.set_faults("async-duration=0.3")
    return GenerationRequest("a castle on a hill", "midjourney")


def _labels(panel: DetailPanel) -> set[str]:
    return {button.text() for button in panel.info.midjourney.buttons.values()}


def _button(panel: DetailPanel, label: str) -> QToolButton:
    button = panel.info.midjourney.findChild(QToolButton, f"mj_{label}")
    assert button is not None, label
    return button


def _ended(harness: Harness) -> list[Job]:
    """The jobs that end from now on."""
    ended: list[Job] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job) if job.state.is_terminal else None
    )
    return ended


async def _show(harness: Harness, panel: DetailPanel, record: JobRecord) -> None:
    image_id = record.images[0].id
    panel.show_image(image_id)
    await harness.until(lambda: panel.shown_image is not None and panel.shown_image.id == image_id)


def test_a_grid_shows_its_buttons_and_other_images_none(harness: Harness) -> None:
    panel = open_panel(harness)
    row = panel.info.midjourney

    async def scenario() -> None:
        grid = await finished(harness, _grid(harness))
        await _show(harness, panel, grid)
        assert row.isVisible()
        assert _labels(panel) == GRID_LABELS
        assert _button(panel, "U2").toolTip() == "Upscale image 2"
        assert _button(panel, "V3").toolTip() == "Variations of image 3"
        assert _button(panel, "🔄").toolTip() == "Run the prompt again"
        other = await finished(harness, GenerationRequest("a lighthouse", "gpt-image-1"))
        await _show(harness, panel, other)
        assert not row.isVisible()
        assert not row.buttons

    harness.run(scenario())


def test_u1_sends_an_upscale_whose_image_arrives(harness: Harness) -> None:
    panel = open_panel(harness)
    saved: list[Job] = []

    async def scenario() -> tuple[JobRecord, JobRecord]:
        grid = await finished(harness, _grid(harness))
        await _show(harness, panel, grid)
        ended = _ended(harness)
        harness.bridge.image_saved.connect(lambda job, image: saved.append(job))
        await outside_task(lambda: QTest.mouseClick(_button(panel, "U1"), LEFT))
        assert panel.info.midjourney.status.text() == "Sent: U1"
        await harness.until(lambda: ended, within=20)
        assert ended[0].state is JobState.SUCCEEDED, ended[0].error
        upscale = await harness.manager.run_in_store(harness.store.get, ended[0].id)
        assert upscale is not None and upscale.images
        return grid, upscale

    grid, upscale = harness.run(scenario())
    u1 = next(b["custom_id"] for b in grid.job.meta["buttons"] if b["label"] == "U1")
    follow = upscale.job.request.midjourney
    assert follow is not None and follow.custom_id == u1
    assert follow.task_id == grid.job.meta["mj_task_id"]
    assert upscale.job.request.prompt == "a castle on a hill"
    assert upscale.job.profile_name == "sim"
    assert [job.id for job in saved] == [upscale.job.id]  # its image arrived in the history
    actions = [e for e in harness.sim.log() if e.path == "/mj/submit/action"]
    assert len(actions) == 1 and actions[0].body["customId"] == u1


def test_vary_region_paints_on_the_image_and_sends_the_mask(harness: Harness) -> None:
    panel = open_panel(harness)

    async def upscaled() -> JobRecord:
        grid = await finished(harness, _grid(harness))
        u1 = next(b for b in buttons_of(grid.images[0], grid) if b.label == "U1")
        return await finished(harness, follow_up_request(grid, u1))

    async def scenario() -> tuple[JobRecord, JobRecord]:
        upscale = await upscaled()
        await _show(harness, panel, upscale)
        assert {"Vary (Region)", "Vary (Strong)", "Vary (Subtle)"} <= _labels(panel)
        ended = _ended(harness)
        await outside_task(lambda: QTest.mouseClick(_button(panel, "Vary (Region)"), LEFT))
        flow = panel.vary_region
        await harness.until(lambda: flow.painter is not None)
        painter = flow.painter
        assert painter is not None and painter.isVisible()
        await harness.until(lambda: painter.canvas.picture is not None)
        assert (painter.source.width(), painter.source.height()) == (1024, 1024)
        painter.canvas.set_brush_size(BRUSH)
        await outside_task(lambda: drag_stroke(painter.canvas, STROKE))
        done = painter.findChild(object, "primary")
        await outside_task(lambda: QTest.mouseClick(done, LEFT))
        await harness.until(lambda: flow.dialog is not None and flow.dialog.isVisible())
        dialog = flow.dialog
        assert dialog is not None and not dialog.isModal()
        assert dialog.prompt.toPlainText() == "a castle on a hill"
        dialog.prompt.selectAll()  # the prompt was selected on opening: typing replaces it
        await outside_task(lambda: QTest.keyClicks(dialog.prompt, "a red dragon"))
        assert dialog.prompt.toPlainText() == "a red dragon"
        await outside_task(lambda: QTest.mouseClick(dialog.confirm_button, LEFT))
        await harness.until(lambda: ended, within=20)
        assert flow.dialog is None
        assert ended[0].state is JobState.SUCCEEDED, ended[0].error
        region = await harness.manager.run_in_store(harness.store.get, ended[0].id)
        assert region is not None and region.images
        assert panel.info.midjourney.status.text() == "Sent: Vary (Region)"
        return upscale, region

    upscale, region = harness.run(scenario())
    request = region.job.request
    assert request.mask is not None and request.prompt == "a red dragon"
    assert request.midjourney is not None and "Inpaint" in (request.midjourney.custom_id or "")
    assert request.midjourney.task_id == upscale.job.meta["mj_task_id"]
    modal = [e for e in harness.sim.log() if e.kind == "paid" and e.path == "/mj/submit/modal"]
    assert len(modal) == 1
    assert modal[0].body["maskBase64"].startswith("data:image/png;base64,")

    painted = mask_to_image(request.mask)
    for x, y in STROKE:
        assert painted.getpixel((x, y)) == 255
    before = _rgb(upscale.images[0].result.path)
    after = _rgb(region.images[0].result.path)
    changed = ImageChops.difference(before, after).convert("L").point(lambda v: 255 if v else 0)
    near = painted.point(lambda v: 255 if v else 0).filter(ImageFilter.MaxFilter(9))
    outside = ImageChops.multiply(changed, near.point(lambda v: 0 if v else 255))
    assert outside.getbbox() is None  # nothing changed away from the painted area
    assert changed.getbbox() is not None  # and the painted area did change


def _rgb(path: Path | None) -> Image.Image:
    assert path is not None
    with Image.open(path) as opened:
        return opened.convert("RGB")


def test_follow_up_request_keeps_prompt_model_and_profile_task() -> None:
    from studio.domain.job import Job as DomainJob

    job = DomainJob("j1", GenerationRequest("a cat", "midjourney"), "sim")
    job.meta = {"mj_task_id": "42", "buttons": [{"custom_id": "MJ::JOB::upsample::1::h"}]}
    record = JobRecord(job, 0.0)
    request = follow_up_request(record, MjButton("MJ::JOB::upsample::1::h", "U1"))
    assert (request.prompt, request.model, request.mask) == ("a cat", "midjourney", None)
    assert request.midjourney is not None
    assert (request.midjourney.task_id, request.midjourney.custom_id) == (
        "42",
        "MJ::JOB::upsample::1::h",
    )


def test_vary_region_progress_stays_with_its_image(harness: Harness) -> None:
    panel = open_panel(harness)

    async def scenario() -> None:
        grid = await finished(harness, _grid(harness))
        u1 = next(b for b in buttons_of(grid.images[0], grid) if b.label == "U1")
        upscale = await finished(harness, follow_up_request(grid, u1))
        await _show(harness, panel, upscale)
        await outside_task(lambda: QTest.mouseClick(_button(panel, "Vary (Region)"), LEFT))
        await _show(harness, panel, grid)  # the user looks at another image meanwhile
        flow = panel.vary_region
        await harness.until(lambda: flow.painter is not None)
        assert not panel.info.midjourney.status.text()  # "Paint the area…" is not said here
        flow.close()

    harness.run(scenario())
