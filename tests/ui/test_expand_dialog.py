"""Expand canvas…: choose a shape and where the picture stays with real clicks, get the enlarged
picture and its mask; what cannot be done is said in the dialog in plain words."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studio.domain.request import Mask, Reference
from studio.imaging.masks import mask_to_image
from studio.imaging.outpaint import OVERLAP, Anchor
from studio.ui.outpaint.dialog import ExpandCanvasDialog
from tests.ui.conftest import Harness
from tests.ui.test_composer_helpers import make_composer

COLOUR = (180, 60, 40)


def picture(folder: Path, name: str, size: tuple[int, int]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    Image.new("RGB", size, COLOUR).save(path)
    return path


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def make_dialog(harness: Harness, reference: Reference, services: bool = True):
    dialog = ExpandCanvasDialog(reference, harness.services if services else None)
    harness.keep(dialog)
    got: list[tuple[Reference, Mask]] = []
    dialog.expanded.connect(lambda ref, mask: got.append((ref, mask)))
    dialog.show()
    return dialog, got


def test_expand_to_16_9_keeping_the_picture_on_the_left(harness: Harness, tmp_path: Path) -> None:
    path = picture(tmp_path, "harbour.png", (300, 200))
    dialog, got = make_dialog(harness, Reference(name="harbour.png", path=path))

    async def scenario() -> None:
        await harness.until(lambda: dialog.expand_button.isEnabled())
        assert dialog.preview.has_image
        click(dialog.shapes.button("21:9"))
        assert dialog.size_label.text().startswith("504 × 216 px")
        click(dialog.shapes.button("16:9"))
        click(dialog.anchors.buttons[Anchor.LEFT])
        assert dialog.anchor() is Anchor.LEFT
        assert dialog.anchors.buttons[Anchor.LEFT].text() == "●"
        assert dialog.anchors.buttons[Anchor.CENTER].text() == "→"  # where the canvas grows
        assert dialog.size_label.text() == "368 × 208 px (the picture is 300 × 200)"
        assert "hatched area is new" in dialog.note_label.text()
        assert dialog.preview.canvas_rect() is not None
        click(dialog.expand_button)
        assert not dialog.expand_button.isEnabled()  # working: one click, one result
        await harness.until(lambda: got)

    harness.run(scenario())
    reference, mask = got[0]
    assert reference.name == "harbour-expanded.png" and reference.path is None
    image = opened(reference.data)
    assert image.size == (368, 208) == (mask.width, mask.height)
    assert image.getpixel((150, 100)) == COLOUR  # the original, on the left, untouched
    gray = mask_to_image(mask)
    assert gray.getpixel((360, 100)) == 255  # the new area on the right
    assert gray.getpixel((300 + 4, 100)) == 255
    assert gray.getpixel((300 - OVERLAP - 1, 100)) == 0  # the original, past the overlap
    assert 0 < gray.getpixel((298, 100)) < 255  # the feathered seam
    assert gray.getpixel((150, 1)) > 0  # thin band above: 208 is 4 px taller than 200…
    assert gray.getpixel((150, 100)) == 0
    assert not dialog.isVisible()  # done: the dialog closed itself


def test_the_shape_the_picture_already_has_is_explained_inline(
    harness: Harness, tmp_path: Path
) -> None:
    path = picture(tmp_path, "print.png", (400, 300))
    dialog, got = make_dialog(harness, Reference(name="print.png", path=path))

    async def scenario() -> None:
        await harness.until(lambda: dialog.expand_button.isEnabled())
        click(dialog.shapes.button("4:3"))
        assert dialog.error_label.isVisible()
        assert dialog.error_label.text() == (
            "“print.png” already has the 4:3 shape, so there is nothing to add. "
            "Choose another ratio or a larger size."
        )
        assert not dialog.expand_button.isEnabled()
        assert dialog.preview.canvas_rect() is None  # the picture alone
        click(dialog.shapes.button("1:1"))
        assert not dialog.error_label.isVisible()
        assert dialog.expand_button.isEnabled()
        assert dialog.size_label.text().startswith("400 × 400 px")

    harness.run(scenario())
    assert got == []


def test_a_custom_size_is_typed_and_enter_expands(harness: Harness, tmp_path: Path) -> None:
    path = picture(tmp_path, "tall.png", (200, 300))
    dialog, got = make_dialog(harness, Reference(name="tall.png", data=path.read_bytes()))

    async def scenario() -> None:
        await harness.until(lambda: dialog.expand_button.isEnabled())
        assert dialog.shapes.value() == "9:16"  # a portrait picture starts taller
        assert not dialog.width_box.isEnabled()
        click(dialog.shapes.button("custom"))
        assert dialog.width_box.isEnabled() and dialog.height_box.isEnabled()
        assert (dialog.width_box.value(), dialog.height_box.value()) == (216, 384)
        dialog.width_box.setFocus()
        QTest.keyClick(dialog.width_box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(dialog.width_box, "160")
        assert "smaller than “tall.png” (200×300)" in dialog.error_label.text()
        assert not dialog.expand_button.isEnabled()
        QTest.keyClick(dialog.width_box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(dialog.width_box, "320")
        assert not dialog.error_label.isVisible()
        assert dialog.size_label.text().startswith("320 × 384 px")
        click(dialog.anchors.buttons[Anchor.BOTTOM_RIGHT])
        QTest.keyClick(dialog.width_box, Qt.Key.Key_Return)
        await harness.until(lambda: got)

    harness.run(scenario())
    reference, mask = got[0]
    assert opened(reference.data).size == (320, 384)
    assert dialog.expansion is not None and dialog.expansion.offset == (120, 84)
    gray = mask_to_image(mask)
    assert gray.getpixel((10, 10)) == 255 and gray.getpixel((300, 300)) == 0


def test_an_unreadable_picture_is_said_in_plain_words(harness: Harness, tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"this is not a picture")
    dialog, got = make_dialog(harness, Reference(name="broken.png", path=broken))

    async def scenario() -> None:
        await harness.until(lambda: dialog.error_label.isVisible())
        assert dialog.error_label.text().startswith("“broken.png” is not an image.")
        assert not dialog.expand_button.isEnabled()
        assert not dialog.shapes.isEnabled()
        assert not dialog.preview.has_image

    harness.run(scenario())
    assert got == []


def test_a_canvas_larger_than_the_model_takes_is_reduced_and_says_so(
    harness: Harness, tmp_path: Path
) -> None:
    harness.services.preferences.model = "gpt-image-1"  # uploads up to 4096 × 4096
    path = picture(tmp_path, "small.png", (400, 300))
    dialog, _ = make_dialog(harness, Reference(name="small.png", path=path))

    async def scenario() -> None:
        await harness.until(lambda: dialog.expand_button.isEnabled())
        click(dialog.shapes.button("custom"))
        dialog.width_box.setValue(8000)
        dialog.height_box.setValue(8000)
        assert dialog.plan is not None and dialog.plan.scale < 1
        width, height = dialog.plan.canvas_size
        assert width * height <= 4096 * 4096
        assert "Everything is reduced to 51 %" in dialog.note_label.text()
        assert "16.8 megapixels" in dialog.note_label.text()

    harness.run(scenario())


def test_closing_while_it_works_drops_the_result(harness: Harness, tmp_path: Path) -> None:
    path = picture(tmp_path, "late.png", (64, 48))
    dialog, got = make_dialog(harness, Reference(name="late.png", path=path), services=False)

    async def scenario() -> None:
        await harness.until(lambda: dialog.expand_button.isEnabled())
        click(dialog.expand_button)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        await harness.until(lambda: not dialog._tasks)

    harness.run(scenario())
    assert got == []
    assert dialog.source is None  # the decoded picture is let go


def test_the_result_goes_to_the_composer_as_reference_one_with_its_mask(
    harness: Harness, tmp_path: Path
) -> None:
    """The wiring the window uses: add the picture first, then set the mask on it."""
    composer = make_composer(harness, "gpt-image-1")
    old = picture(tmp_path, "old.png", (64, 48))
    composer.add_reference(Reference(name="old.png", path=old))
    path = picture(tmp_path, "beach.png", (300, 200))
    dialog, got = make_dialog(harness, Reference(name="beach.png", path=path))

    def wire(reference: Reference, mask: Mask) -> None:
        composer.add_reference(reference, first=True)
        if composer.tray.references()[:1] == (reference,):
            composer.set_mask(mask)

    dialog.expanded.connect(wire)

    async def scenario() -> None:
        await harness.until(lambda: dialog.expand_button.isEnabled())
        click(dialog.shapes.button("1:1"))
        click(dialog.expand_button)
        await harness.until(lambda: got)
        composer.prompt.setFocus()
        QTest.keyClicks(composer.prompt, "more beach and sky")

    harness.run(scenario())
    from studio.engine.plan import plan_request

    request = composer.request()
    assert [r.name for r in request.references] == ["beach-expanded.png", "old.png"]
    assert request.mask is got[0][1]
    assert (request.mask.width, request.mask.height) == opened(request.references[0].data).size
    assert composer.mask_status.text() == "A mask is set on #1."
    plan_request(request, composer.spec)  # the engine takes it as a mask edit
