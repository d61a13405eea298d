"""Inpainting from the window, like a user: add a photo, paint its mask by hand, generate an edit
against the simulated relay — honest, then one that ignores the mask — and check the pixels."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops, ImageFilter
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from studio.domain.job import Job, JobState
from studio.domain.request import GenerationRequest, Reference
from studio.imaging.masks import mask_to_image
from studio.store.history import JobRecord
from studio.ui.main_window import MainWindow
from studio.ui.mask.window import MaskPainterWindow
from tests.helpers.gui import context_action, drag_stroke
from tests.ui.conftest import Harness
from tests.ui.test_gallery import outside_task

LEFT = Qt.MouseButton.LeftButton
NO_KEY = Qt.KeyboardModifier.NoModifier
STROKE = [(100, 150), (160, 140), (220, 150), (280, 160)]  # image pixels, on a 400×300 photo
BRUSH = 40


def _photo(folder: Path) -> Path:
    path = folder / "room.png"
    Image.effect_noise((400, 300), 60).convert("RGB").save(path)
    return path


async def _paint_mask(harness: Harness, window: MainWindow) -> MaskPainterWindow:
    """Click "Paint mask", wait for the painter, drag one stroke with the mouse, press Done."""
    button = window.composer.findChild(QPushButton, "maskButton")
    assert button is not None and button.isEnabled()
    await outside_task(lambda: QTest.mouseClick(button, LEFT))
    launcher = window.mask_painter
    await harness.until(launcher.is_open)
    painter = launcher.painter
    assert painter is not None
    await harness.until(lambda: painter.canvas.picture is not None)
    painter.canvas.set_brush_size(BRUSH)
    await outside_task(lambda: drag_stroke(painter.canvas, STROKE))
    assert not painter.document.is_empty()
    done = painter.findChild(QPushButton, "primary")
    await outside_task(lambda: QTest.mouseClick(done, LEFT))
    await harness.until(lambda: window.composer.mask is not None)
    return painter


async def _generate(harness: Harness, window: MainWindow) -> JobRecord:
    ended: list[Job] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job) if job.state.is_terminal else None
    )
    window.composer.generate()
    await harness.until(lambda: ended, within=30)
    assert ended[0].state is JobState.SUCCEEDED, ended[0].error
    record = await harness.manager.run_in_store(harness.store.get, ended[0].id)
    assert record is not None and record.images
    return record


def _image(harness: Harness, image_id: int) -> Image.Image:
    record = harness.store.image(image_id)
    assert record is not None and record.result.path is not None
    with Image.open(record.result.path) as opened:
        return opened.convert("RGB")


def _start(harness: Harness, tmp_path: Path, prompt: str) -> tuple[MainWindow, Path]:
    window = harness.keep(MainWindow(harness.services))
    window.show()
    photo = _photo(tmp_path)
    request = GenerationRequest(prompt, "gpt-image-1", references=(Reference("room.png", photo),))
    window.composer.set_request(request, "sim")
    return window, photo


def _changed(a: Image.Image, b: Image.Image) -> Image.Image:
    """255 where any channel differs."""
    return ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v else 0)


def test_a_hand_painted_mask_edits_only_the_painted_area(harness: Harness, tmp_path: Path) -> None:
    window, photo = _start(harness, tmp_path, "a lamp on the table")

    async def scenario() -> JobRecord:
        await window.ready()
        await _paint_mask(harness, window)
        return await _generate(harness, window)

    record = harness.run(scenario())
    mask = window.composer.mask
    assert mask is not None and (mask.width, mask.height) == (400, 300)
    painted = mask_to_image(mask)
    # the stroke is in the mask, far from it nothing is
    for x, y in STROKE:
        assert painted.getpixel((x, y)) == 255
    assert painted.getpixel((30, 30)) == 0 and painted.getpixel((380, 280)) == 0
    assert record.job.request.mask is not None  # stored with the job (detail overlay)

    with Image.open(photo) as opened:
        source = opened.convert("RGB")
    result = _image(harness, record.images[0].id)
    assert result.size == source.size
    changed = _changed(source, result)
    outside = ImageChops.multiply(changed, painted.point(lambda v: 255 if v == 0 else 0))
    assert outside.getbbox() is None  # not one pixel changed outside the painted mask
    assert changed.getbbox() is not None  # and the painted area did change
    assert not any(notice.code == "mask_ignored" for notice in record.job.warnings)


def test_a_relay_that_ignores_the_mask_is_caught_and_repaired(
    harness: Harness, tmp_path: Path
) -> None:
    harness.sim.set_faults("ignore-mask")
    window, photo = _start(harness, tmp_path, "a lamp on the table")

    async def scenario() -> int:
        await window.ready()
        await _paint_mask(harness, window)
        record = await _generate(harness, window)
        assert any(notice.code == "mask_ignored" for notice in record.job.warnings)
        original = record.images[0].id
        detail = window.detail
        detail.show_image(original)
        await harness.until(lambda: detail.info.fix_button is not None)
        warning = detail.findChild(object, "noticeText0").text()
        assert "ignored the mask" in warning
        await outside_task(lambda: QTest.mouseClick(detail.info.fix_button, LEFT))
        await harness.until(
            lambda: detail.shown_image is not None and detail.shown_image.id != original
        )
        await harness.until(detail.viewer.has_picture)
        return original

    original = harness.run(scenario())
    composite = window.detail.shown_image
    assert composite is not None and composite.derived_from == original
    mask = window.composer.mask
    assert mask is not None
    painted = mask_to_image(mask)
    with Image.open(photo) as opened:
        source = opened.convert("RGB")
    repaired = _image(harness, composite.id)
    # well outside the painted area (beyond the feather) the composite is the source, exactly
    far = painted.point(lambda v: 255 if v else 0).filter(ImageFilter.MaxFilter(31))
    keep = far.point(lambda v: 0 if v else 255)
    assert ImageChops.multiply(_changed(source, repaired), keep).getbbox() is None
    # and well inside (beyond the feather), the relay's pixels were kept
    relay = _image(harness, original)
    inside = painted.point(lambda v: 255 if v == 255 else 0).filter(ImageFilter.MinFilter(13))
    assert inside.getbbox() is not None
    assert ImageChops.multiply(_changed(relay, repaired), inside).getbbox() is None


def test_paint_a_mask_on_another_reference_makes_it_first(harness: Harness, tmp_path: Path) -> None:
    window, _ = _start(harness, tmp_path, "a lamp on the table")
    other = tmp_path / "other.png"
    Image.new("RGB", (120, 90), (10, 20, 30)).save(other)
    composer = window.composer

    async def scenario() -> None:
        await window.ready()
        composer.add_reference(Reference("other.png", other))
        await harness.until(lambda: len(composer.tray.tiles) == 2)
        action = context_action(composer.tray.tiles[1], "paint_mask")
        assert action.isEnabled()
        action.trigger()
        await harness.until(window.mask_painter.is_open)

    harness.run(scenario())
    assert [r.name for r in composer.tray.references()] == ["other.png", "room.png"]
    painter = window.mask_painter.painter
    assert painter is not None and (painter.source.width(), painter.source.height()) == (120, 90)
    painter.discard()


def test_edit_with_mask_switches_to_a_model_that_can_use_it(
    harness: Harness, tmp_path: Path
) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()
    composer = window.composer

    async def scenario() -> None:
        await window.ready()
        job = await harness.manager.run(GenerationRequest("a lamp", "gpt-image-1"), "sim")
        record = await harness.manager.run_in_store(harness.store.get, job.id)
        composer.set_request(GenerationRequest("a fox", "flux-pro"), "sim")  # no masks
        window.actions_.do("edit_with_mask", [record.images[0].id])  # menu / detail bar
        await harness.until(window.mask_painter.is_open)
        painter = window.mask_painter.painter
        await harness.until(lambda: painter.canvas.picture is not None)
        await outside_task(lambda: drag_stroke(painter.canvas, STROKE))
        done = painter.findChild(QPushButton, "primary")
        await outside_task(lambda: QTest.mouseClick(done, LEFT))
        await harness.until(lambda: composer.mask is not None)

    harness.run(scenario())
    assert composer.spec.id == "gpt-image-1"
    assert composer.request().mask is not None  # the mask will be sent
    message = window.statusBar().currentMessage()
    assert "Mask set on reference #1." in message and "gpt-image-1" in message


def test_the_painter_remembers_the_brush_and_overlay(harness: Harness, tmp_path: Path) -> None:
    window, _ = _start(harness, tmp_path, "a lamp on the table")
    button = window.composer.findChild(QPushButton, "maskButton")
    launcher = window.mask_painter

    async def open_painter() -> MaskPainterWindow:
        await outside_task(lambda: QTest.mouseClick(button, LEFT))
        await harness.until(launcher.is_open)
        painter = launcher.painter
        assert painter is not None
        await harness.until(lambda: painter.canvas.picture is not None)
        return painter

    async def scenario() -> tuple[float, float, float, str]:
        await window.ready()
        painter = await open_painter()
        first = painter.canvas.brush_size
        painter.canvas.setFocus()
        for _ in range(3):
            await outside_task(lambda: QTest.keyClick(painter.canvas, Qt.Key.Key_BracketRight))
        painter.status.opacity_slider.setValue(70)
        painter.canvas.set_overlay_colour(QColor("#2080ff"))
        grown = painter.canvas.brush_size
        assert grown > first
        await outside_task(lambda: QTest.keyClick(painter.canvas, Qt.Key.Key_Escape))  # Cancel
        await harness.until(lambda: not launcher.is_open())
        again = await open_painter()
        look = (again.canvas.brush_size, again.canvas.overlay_opacity)
        colour = again.canvas.overlay_colour.name()
        again.discard()
        return grown, *look, colour

    grown, brush, opacity, colour = harness.run(scenario())
    assert brush == grown and opacity == 0.7 and colour == "#2080ff"
    assert harness.services.preferences.painter.brush == grown


def test_editing_an_inpainted_result_starts_from_its_mask(harness: Harness, tmp_path: Path) -> None:
    window, _ = _start(harness, tmp_path, "a lamp on the table")

    async def scenario() -> bytes:
        await window.ready()
        await _paint_mask(harness, window)
        record = await _generate(harness, window)
        window.composer.tray.clear()
        window.actions_.do("edit_with_mask", [record.images[0].id])  # refine the result
        launcher = window.mask_painter
        await harness.until(launcher.is_open)
        painter = launcher.painter
        assert painter is not None
        await harness.until(lambda: not painter.document.is_empty())
        assert not painter.document.can_undo()  # where painting starts, not a step
        pixels = painter.document.gray_bytes()
        painter.discard()
        return pixels

    pixels = harness.run(scenario())
    first = window.composer.request().references[0]
    assert first.name.startswith("a-lamp-on-the")  # the result is now reference #1
    painted = Image.frombytes("L", (400, 300), pixels)
    for x, y in STROKE:
        assert painted.getpixel((x, y)) == 255
    assert painted.getpixel((30, 30)) == 0
