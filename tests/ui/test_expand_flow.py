"""Expand canvas from the window: the enlarged picture and its mask land in the composer, and the
edit sent to the simulated relay paints only the new area."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageChops

from studio.domain.job import Job, JobState
from studio.domain.request import GenerationRequest, Reference
from studio.imaging.masks import mask_to_image
from studio.ui.context_menu import entries
from studio.ui.main_window import MainWindow
from studio.ui.outpaint.dialog import ExpandCanvasDialog
from tests.helpers.gui import context_action
from tests.ui.conftest import Harness
from tests.ui.test_gallery import click, outside_task


def _picture(path: Path, size: tuple[int, int]) -> Path:
    Image.effect_noise(size, 60).convert("RGB").save(path)
    return path


async def _expand(harness: Harness, window: MainWindow, ratio: str) -> ExpandCanvasDialog:
    dialog = [d for d in window.findChildren(ExpandCanvasDialog) if d.isVisible()][-1]
    await harness.until(dialog.expand_button.isEnabled)
    await outside_task(lambda: click(dialog.shapes.button(ratio)))
    await outside_task(lambda: click(dialog.expand_button))
    return dialog


def test_expand_from_the_gallery_then_generate_paints_only_the_new_area(
    harness: Harness, tmp_path: Path
) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()
    photo = _picture(tmp_path / "beach.png", (320, 240))
    assert "expand_canvas" in [entry[0] for entry in entries() if entry]
    composer = window.composer
    ended: list[Job] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        await window.ready()
        composer.set_request(GenerationRequest("more beach", "gpt-image-1"), "sim")
        window.actions_.expand_canvas.emit(Reference("beach.png", photo))  # the image menu
        await _expand(harness, window, "16:9")
        await harness.until(lambda: composer.mask is not None)
        assert "Canvas expanded" in window.statusBar().currentMessage()
        composer.generate()
        await harness.until(lambda: ended, within=30)

    harness.run(scenario())
    reference = composer.tray.references()[0]
    assert reference.name == "beach-expanded.png" and reference.data is not None
    with Image.open(io.BytesIO(reference.data)) as opened:
        expanded = opened.convert("RGB")
    width, height = expanded.size
    assert abs(width / height - 16 / 9) < 0.02 and height >= 240 and width >= 320
    mask = mask_to_image(composer.mask)
    assert mask.size == expanded.size
    # the photo sits inside the canvas unchanged
    with Image.open(photo) as opened:
        source = opened.convert("RGB")
    left = (width - 320) // 2
    top = (height - 240) // 2
    inner = expanded.crop((left, top, left + 320, top + 240))
    assert ImageChops.difference(inner, source).getbbox() is None
    assert mask.getpixel((0, 0)) == 255 and mask.getpixel((width // 2, height // 2)) == 0

    job = ended[0]
    assert job.state is JobState.SUCCEEDED, job.error
    record = harness.store.get(job.id)
    assert record is not None and record.images
    path = harness.store.image(record.images[0].id).result.path
    with Image.open(path) as opened:
        result = opened.convert("RGB")
    assert result.size == expanded.size
    changed = ImageChops.difference(result, expanded).convert("L").point(lambda v: 255 if v else 0)
    kept = mask.point(lambda v: 255 if v == 0 else 0)
    assert ImageChops.multiply(changed, kept).getbbox() is None  # the photo was not touched
    assert changed.getbbox() is not None  # the new area was painted


def test_expand_on_a_reference_tile_replaces_it(harness: Harness, tmp_path: Path) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()
    first = _picture(tmp_path / "first.png", (300, 200))
    second = _picture(tmp_path / "second.png", (64, 48))
    composer = window.composer

    async def scenario() -> None:
        await window.ready()
        composer.add_reference(Reference("first.png", first))
        composer.add_reference(Reference("second.png", second))
        await harness.until(lambda: len(composer.tray.tiles) == 2)
        action = context_action(composer.tray.tiles[1], "expand_canvas")
        assert action.isEnabled()
        action.trigger()
        await _expand(harness, window, "1:1")
        await harness.until(lambda: composer.tray.references()[0].name == "second-expanded.png")

    harness.run(scenario())
    names = [reference.name for reference in composer.tray.references()]
    assert names == ["second-expanded.png", "first.png"]  # replaced, moved first, no duplicate
    assert composer.mask is not None and (composer.mask.width, composer.mask.height) == (64, 64)


def test_expand_switches_to_a_model_that_can_fill_the_new_area(
    harness: Harness, tmp_path: Path
) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()
    photo = _picture(tmp_path / "field.png", (200, 200))
    composer = window.composer

    async def scenario() -> None:
        await window.ready()
        composer.set_request(GenerationRequest("a field", "flux-pro"), "sim")  # no masks, no refs
        window.actions_.expand_canvas.emit(Reference("field.png", photo))
        await _expand(harness, window, "16:9")
        await harness.until(lambda: composer.mask is not None)

    harness.run(scenario())
    assert composer.spec.id == "gpt-image-1"
    assert composer.tray.references()[0].name == "field-expanded.png"
    assert composer.request().mask is not None
    assert "gpt-image-1" in window.statusBar().currentMessage()
