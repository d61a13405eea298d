"""The reference tray: drops, paste, gallery tiles, reorder, remove, preview, the model's limit."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QEnterEvent, QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.domain.request import Reference
from studio.ui.composer.sources import GALLERY_MIME, MOVE_MIME
from tests.ui.conftest import Harness
from tests.ui.test_composer_helpers import TWO_REFS, choose_model, drop, make_composer, png_file


def _files(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


async def _laid_out(harness: Harness, tray) -> None:
    """Wait for the tiles to be placed (layout runs on the event loop; no processEvents() in
    a coroutine: it loses worker-thread completions on the qasync loop)."""
    await harness.until(lambda: len({tile.pos().x() for tile in tray.tiles}) == len(tray.tiles))


def _names(panel) -> list[str]:
    return [reference.name for reference in panel.tray.references()]


def test_dropping_files_adds_them_up_to_the_models_limit(harness: Harness, tmp_path: Path) -> None:
    panel = make_composer(harness, TWO_REFS)
    tray = panel.tray
    a, b, c = (png_file(tmp_path, name) for name in ("a.png", "b.jpg", "c.png"))

    async def scenario() -> None:
        assert tray.count_label.text() == "0 / 2"
        assert drop(tray, _files(a, b))
        assert _names(panel) == ["a.png", "b.jpg"]
        assert [r.path for r in panel.tray.references()] == [a, b]
        assert tray.count_label.text() == "2 / 2"
        assert not tray.add_button.isVisible()  # full: nothing more to add
        assert not drop(tray, _files(c))
        assert _names(panel) == ["a.png", "b.jpg"]  # nothing past the limit
        assert tray.message.isVisible()
        assert tray.message.property("role") == "error"
        assert "two-refs takes at most 2 reference images" in tray.message.text()
        assert "c.png" in tray.message.text()
        await harness.until(lambda: all(tile.has_thumbnail for tile in tray.tiles))

    harness.run(scenario())


def test_files_that_are_not_images_are_named_and_skipped(harness: Harness, tmp_path: Path) -> None:
    panel = make_composer(harness)
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"%PDF-1.4")
    image = png_file(tmp_path, "ok.png")

    async def scenario() -> None:
        assert drop(panel.tray, _files(notes, image))
        assert _names(panel) == ["ok.png"]
        assert "Not an image: notes.pdf." in panel.tray.message.text()

    harness.run(scenario())


def test_a_model_without_references_says_so(harness: Harness, tmp_path: Path) -> None:
    panel = make_composer(harness, "dall-e-3")
    image = png_file(tmp_path, "ok.png")

    async def scenario() -> None:
        assert not drop(panel.tray, _files(image))
        assert panel.tray.references() == ()
        assert panel.tray.message.text() == "dall-e-3 does not take reference images."

    harness.run(scenario())


def test_paste_an_image_from_the_clipboard(harness: Harness) -> None:
    panel = make_composer(harness)
    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3366cc"))

    async def scenario() -> None:
        QGuiApplication.clipboard().setImage(picture)
        assert panel.paste()
        await harness.until(lambda: len(panel.tray.references()) == 1)
        reference = panel.tray.references()[0]
        assert reference.data is not None and reference.data.startswith(b"\x89PNG")
        assert reference.name == "pasted image.png"
        QGuiApplication.clipboard().setImage(picture)
        panel.tray.setFocus()
        QTest.keyClick(panel.tray, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        await harness.until(lambda: len(panel.tray.references()) == 2)
        QGuiApplication.clipboard().setText("just words")
        assert not panel.paste()
        assert "Nothing to paste" in panel.tray.message.text()

    harness.run(scenario())


def test_paste_image_files_and_an_image_link(harness: Harness, tmp_path: Path) -> None:
    panel = make_composer(harness)
    image = png_file(tmp_path, "copied.png")

    async def scenario() -> None:
        QGuiApplication.clipboard().setMimeData(_files(image))
        assert panel.paste()
        QGuiApplication.clipboard().setText("https://example.com/cats/tabby.webp")
        assert panel.paste()
        references = panel.tray.references()
        assert references[0] == Reference(name="copied.png", path=image)
        assert references[1] == Reference(
            name="tabby.webp", url="https://example.com/cats/tabby.webp"
        )

    harness.run(scenario())


def test_an_image_pasted_into_the_prompt_becomes_a_reference(harness: Harness) -> None:
    panel = make_composer(harness)
    picture = QImage(20, 20, QImage.Format.Format_RGB32)
    picture.fill(QColor("#22aa44"))

    async def scenario() -> None:
        QTest.keyClicks(panel.prompt, "a frog")
        QGuiApplication.clipboard().setImage(picture)
        QTest.keyClick(panel.prompt, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        await harness.until(lambda: len(panel.tray.references()) == 1)
        assert panel.prompt.toPlainText() == "a frog"

    harness.run(scenario())


def test_browser_drops_image_bytes_and_links(harness: Harness) -> None:
    panel = make_composer(harness)
    buffer = io.BytesIO()
    Image.new("RGB", (24, 16), (10, 200, 90)).save(buffer, "PNG")
    image_bytes = buffer.getvalue()

    async def scenario() -> None:
        dragged = QMimeData()
        dragged.setData("image/png", QByteArray(image_bytes))
        dragged.setUrls([QUrl("https://example.com/img/owl.png")])
        assert drop(panel.tray, dragged)
        link = QMimeData()
        link.setUrls([QUrl("https://example.com/pictures/heron.jpg?w=800")])
        assert drop(panel.tray, link)
        first, second = panel.tray.references()
        assert first == Reference(name="owl.png", data=image_bytes)
        assert second == Reference(
            name="heron.jpg", url="https://example.com/pictures/heron.jpg?w=800"
        )

    harness.run(scenario())


def test_a_gallery_result_dropped_uses_its_file(harness: Harness, tmp_path: Path) -> None:
    panel = make_composer(harness)
    blob = png_file(tmp_path / "blobs" / "ab", "ab12cd.png")

    async def scenario() -> None:
        mime = QMimeData()
        mime.setData(GALLERY_MIME, QByteArray(b"[7]"))
        mime.setUrls([QUrl.fromLocalFile(str(blob))])
        assert drop(panel.tray, mime)
        assert panel.tray.references() == (Reference(name="ab12cd.png", path=blob),)

    harness.run(scenario())


def test_reorder_by_dragging_and_by_keyboard(harness: Harness, tmp_path: Path) -> None:
    panel = make_composer(harness)
    tray = panel.tray
    paths = [png_file(tmp_path, name) for name in ("one.png", "two.png", "three.png")]

    async def scenario() -> None:
        assert drop(tray, _files(*paths))
        await _laid_out(harness, tray)
        moving = QMimeData()
        moving.setData(MOVE_MIME, QByteArray(b"2"))  # "three" dropped left of "one"
        first = tray.tiles[0]
        left_of_first = first.mapTo(tray, QPoint(4, first.height() // 2))
        assert drop(tray, moving, left_of_first)
        assert _names(panel) == ["three.png", "one.png", "two.png"]
        assert [tile.index for tile in tray.tiles] == [0, 1, 2]
        tile = tray.tiles[0]
        QTest.keyClick(tile, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
        assert _names(panel) == ["one.png", "three.png", "two.png"]

    harness.run(scenario())


def test_remove_with_the_cross_on_hover_and_the_delete_key(
    harness: Harness, tmp_path: Path
) -> None:
    panel = make_composer(harness)
    tray = panel.tray
    paths = [png_file(tmp_path, name) for name in ("one.png", "two.png", "three.png")]

    async def scenario() -> None:
        assert drop(tray, _files(*paths))
        await _laid_out(harness, panel.tray)
        tile = tray.tiles[1]
        assert not tile.remove_button.isVisible()
        inside = QPointF(tile.width() / 2, tile.height() / 2)
        # A real enter event: QTest.mouseMove would call processEvents() inside this coroutine.
        QApplication.sendEvent(tile, QEnterEvent(inside, inside, QPointF(tile.mapToGlobal(inside))))
        assert tile.remove_button.isVisible()
        QTest.mouseClick(tile.remove_button, Qt.MouseButton.LeftButton)
        assert _names(panel) == ["one.png", "three.png"]
        QTest.mouseClick(tray.tiles[0], Qt.MouseButton.LeftButton)
        QTest.keyClick(tray.tiles[0], Qt.Key.Key_Delete)
        assert _names(panel) == ["three.png"]
        assert tray.count_label.text() == "1 / 16"

    harness.run(scenario())


def test_double_click_opens_a_larger_preview(harness: Harness, tmp_path: Path) -> None:
    panel = make_composer(harness)
    image = png_file(tmp_path, "wide.png", (300, 120))

    async def scenario() -> None:
        assert drop(panel.tray, _files(image))
        await _laid_out(harness, panel.tray)
        QTest.mouseDClick(panel.tray.tiles[0], Qt.MouseButton.LeftButton)
        previews = [
            w for w in QApplication.topLevelWidgets() if w.objectName() == "referencePreview"
        ]
        assert len(previews) == 1 and previews[0].isVisible() and not previews[0].isModal()
        await harness.until(lambda: previews[0].loaded)
        assert previews[0].picture.pixmap is not None
        assert previews[0].picture.pixmap.width() == 300
        previews[0].close()

    harness.run(scenario())


def test_mask_button_follows_the_model_and_the_references(harness: Harness, tmp_path: Path) -> None:
    panel = make_composer(harness, "nano-banana")
    asked: list[int] = []
    panel.mask_painter_requested.connect(asked.append)

    async def scenario() -> None:
        assert not panel.mask_button.isEnabled()
        assert "nano-banana cannot edit with a mask" in panel.mask_button.toolTip()
        choose_model(panel, "gpt-image-1")
        assert not panel.mask_button.isEnabled()
        assert "Add a reference image first" in panel.mask_button.toolTip()
        assert drop(panel.tray, _files(png_file(tmp_path, "a.png")))
        assert panel.mask_button.isEnabled()
        QTest.mouseClick(panel.mask_button, Qt.MouseButton.LeftButton)
        assert asked == [0]

    harness.run(scenario())


def test_references_past_a_new_models_limit_are_kept_and_flagged(
    harness: Harness, tmp_path: Path
) -> None:
    panel = make_composer(harness)
    paths = [png_file(tmp_path, f"{n}.png") for n in range(3)]

    async def scenario() -> None:
        assert drop(panel.tray, _files(*paths))
        choose_model(panel, TWO_REFS)
        assert len(panel.tray.references()) == 3
        assert panel.tray.count_label.text() == "3 / 2"
        assert panel.tray.count_label.property("role") == "error"
        assert [tile.over_limit for tile in panel.tray.tiles] == [False, False, True]
        assert "two-refs takes at most 2 reference images" in panel.tray.message.text()

    harness.run(scenario())


def test_a_file_that_is_not_readable_stops_generate_with_its_name(
    harness: Harness, tmp_path: Path
) -> None:
    panel = make_composer(harness)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image at all")
    sent: list[object] = []
    panel.generate_requested.connect(lambda request, _profile: sent.append(request))

    async def scenario() -> None:
        QTest.keyClicks(panel.prompt, "a lamp")
        assert drop(panel.tray, _files(broken))
        await harness.until(lambda: panel.tray.tiles[0].failed)
        assert "could not be read" in panel.tray.tiles[0].toolTip()
        panel.generate()
        assert sent == []
        assert panel.error_label.text() == (
            "Not readable as an image: broken.png. Remove it to generate."
        )

    harness.run(scenario())
