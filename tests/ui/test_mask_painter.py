"""The mask painter, driven like a user: real mouse, wheel and key events on the canvas, the
real MaskDocument underneath; its pixels are checked after every gesture."""

from __future__ import annotations

import asyncio
import gc
import io
import itertools
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
import qasync
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPointingDevice,
    QTabletEvent,
    QWheelEvent,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QToolButton,
)
from shiboken6 import Shiboken

from studio.domain.errors import InputError
from studio.domain.request import Mask, Reference
from studio.imaging.masks import mask_from_image
from studio.ui.mask.canvas import MaskCanvas
from studio.ui.mask.document import Tool
from studio.ui.mask.mask_io import Convention
from studio.ui.mask.source import decode_reference
from studio.ui.mask.tools import Shape
from studio.ui.mask.window import MaskPainterWindow

T = TypeVar("T")
WIDTH, HEIGHT = 400, 300
LEFT = Qt.MouseButton.LeftButton
NO_KEY = Qt.KeyboardModifier.NoModifier


class Painter:
    """A painter window on a qasync loop; ``run`` drives an async scenario to its end."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        app.setQuitOnLastWindowClosed(False)  # closing a painter must not stop the loop
        self.loop = qasync.QEventLoop(app, already_running=False)
        asyncio.set_event_loop(self.loop)
        self.loop.set_default_executor(ThreadPoolExecutor(2, "test-mask"))
        self.windows: list[MaskPainterWindow] = []
        self.accepted: list[Mask] = []
        self.cancelled: list[bool] = []

    def open(self, source: QImage | None = None, mask: Mask | None = None) -> MaskPainterWindow:
        window = MaskPainterWindow(source or picture(), mask, title="test")
        window.accepted.connect(self.accepted.append)
        window.cancelled.connect(lambda: self.cancelled.append(True))
        window.resize(900, 640)
        window.show()
        window.activateWindow()
        self.windows.append(window)
        # the halved copies of the image are made in a worker thread: let that finish on a
        # running loop (QTest's event processing outside of one would start the task without it)
        self.run(self.until(lambda: window.canvas.picture is not None))
        return window

    def run(self, scenario: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(asyncio.wait_for(scenario, 20))

    async def until(self, condition: Callable[[], object]) -> None:
        deadline = self.loop.time() + 10
        while not condition():
            assert self.loop.time() < deadline, "the condition never came true"
            await asyncio.sleep(0.005)

    def close(self) -> None:
        async def shutdown() -> None:
            for window in self.windows:
                if Shiboken.isValid(window) and window.isVisible():
                    window.discard()
            await asyncio.sleep(0)

        self.loop.run_until_complete(shutdown())
        self.loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture
def painter(qapp: QApplication) -> Iterator[Painter]:
    instance = Painter(qapp)
    try:
        yield instance
    finally:
        instance.close()
        qapp.processEvents()
        gc.collect()  # qasync's timers must die on the GUI thread


def picture(width: int = WIDTH, height: int = HEIGHT, colour: str = "#808080") -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


def gone(window: MaskPainterWindow) -> bool:
    """Closed (and perhaps already deleted: the painter deletes itself on close)."""
    return not Shiboken.isValid(window) or not window.isVisible()


def mask_values(window: MaskPainterWindow) -> bytes:
    return window.document.gray_bytes()


def value(window: MaskPainterWindow, x: int, y: int) -> int:
    return mask_values(window)[y * window.document.width() + x]


def at(canvas: MaskCanvas, x: float, y: float) -> QPoint:
    """The widget position over the image position (x, y): pixel (x, y) covers the square from
    (x, y) to (x + 1, y + 1)."""
    return canvas.widget_point(QPointF(x, y)).toPoint()


def drag(
    canvas: MaskCanvas,
    points: list[tuple[float, float]],
    button: Qt.MouseButton = LEFT,
    modifiers: Qt.KeyboardModifier = NO_KEY,
) -> None:
    """Press at the first image point, move through the others, release at the last."""
    positions = [at(canvas, x, y) for x, y in points]
    QTest.mousePress(canvas, button, modifiers, positions[0])
    for position in positions[1:]:
        QTest.mouseMove(canvas, position)
    QTest.mouseRelease(canvas, button, modifiers, positions[-1])


def wheel(widget: MaskCanvas, position: QPoint, notches: int) -> None:
    where = QPointF(position)
    QApplication.sendEvent(
        widget,
        QWheelEvent(
            where,
            widget.mapToGlobal(where),
            QPoint(),
            QPoint(0, 120 * notches),
            Qt.MouseButton.NoButton,
            NO_KEY,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        ),
    )


def key(window: MaskPainterWindow, which: Qt.Key, modifiers=NO_KEY) -> None:
    QTest.keyClick(window.canvas, which, modifiers)


def hard_brush(window: MaskPainterWindow, size: float) -> None:
    window.canvas.set_brush_size(size)
    window.canvas.set_hardness(1.0)


def test_a_dragged_stroke_paints_along_the_path_and_nowhere_else(painter: Painter) -> None:
    window = painter.open()
    canvas = window.canvas
    assert canvas.zoom() == 1.0  # a small image is shown 1:1
    hard_brush(window, 20)
    drag(canvas, [(50, 150), *[(x, 150) for x in range(60, 251, 10)]])
    assert all(value(window, x, 150) == 255 for x in range(50, 251))  # continuous
    assert value(window, 150, 156) == 255 and value(window, 150, 144) == 255
    assert value(window, 150, 162) == 0 and value(window, 150, 138) == 0
    painted = sum(1 for byte in mask_values(window) if byte)
    assert 20 * 200 < painted < 22 * 200 + 500  # a band about 20 px wide, nothing else
    assert value(window, 350, 50) == 0 and value(window, 10, 10) == 0
    assert window.touched()


def test_one_fast_move_still_draws_a_continuous_line(painter: Painter) -> None:
    window = painter.open()
    hard_brush(window, 6)
    drag(window.canvas, [(20, 20), (300, 200)])  # one event: the dabs are interpolated
    for step in range(101):
        x = round(20 + 280 * step / 100)
        y = round(20 + 180 * step / 100)
        assert value(window, x, y) == 255, (x, y)


def test_the_eraser_removes_and_size_keys_step_in_proportion(painter: Painter) -> None:
    window = painter.open()
    canvas = window.canvas
    assert canvas.brush_size == 48
    key(window, Qt.Key.Key_BracketRight)
    assert canvas.brush_size == 58  # +20 %
    key(window, Qt.Key.Key_BracketLeft)
    key(window, Qt.Key.Key_BracketLeft)
    assert canvas.brush_size == 40
    canvas.set_brush_size(3)
    key(window, Qt.Key.Key_BracketLeft)
    assert canvas.brush_size == 2  # at least one pixel a step
    assert window.toolbar.size_value.text() == "2 px"

    key(window, Qt.Key.Key_E)
    assert (canvas.shape, canvas.mode) == (Shape.BRUSH, Tool.ERASER)
    assert window.toolbar.eraser.isChecked()
    key(window, Qt.Key.Key_X)
    assert canvas.mode is Tool.BRUSH and window.toolbar.brush.isChecked()
    key(window, Qt.Key.Key_X)
    assert canvas.mode is Tool.ERASER
    key(window, Qt.Key.Key_B)
    assert canvas.mode is Tool.BRUSH

    hard_brush(window, 30)
    drag(canvas, [(100, 100), (200, 100)])
    assert value(window, 150, 100) == 255
    key(window, Qt.Key.Key_E)
    canvas.set_brush_size(10)
    drag(canvas, [(150, 80), (150, 120)])
    assert value(window, 150, 100) == 0  # erased across the band
    assert value(window, 120, 100) == 255


def test_undo_and_redo_keys_restore_the_pixels_exactly(painter: Painter) -> None:
    window = painter.open()
    canvas = window.canvas
    canvas.set_hardness(0.3)  # soft edges: every level must come back
    blank = mask_values(window)
    drag(canvas, [(40, 40), (120, 90), (200, 60)])
    first = mask_values(window)
    drag(canvas, [(60, 200), (180, 120), (90, 60)])
    second = mask_values(window)
    assert blank != first != second
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mask_values(window) == first
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mask_values(window) == blank
    assert not window.toolbar.undo.isEnabled() and window.toolbar.redo.isEnabled()
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    key(window, Qt.Key.Key_Z, shift_ctrl)
    assert mask_values(window) == first
    key(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert mask_values(window) == second
    QTest.mouseClick(window.toolbar.undo, LEFT)
    assert mask_values(window) == first


def test_a_rectangle_selection_fills_and_alt_takes_away(painter: Painter) -> None:
    window = painter.open()
    canvas = window.canvas
    QTest.mouseClick(window.toolbar.rect, LEFT)
    assert canvas.shape is Shape.RECT
    drag(canvas, [(20, 30), (60, 60), (120, 90)])
    inside = [value(window, x, y) for y in range(30, 90) for x in range(20, 120)]
    assert set(inside) == {255}
    assert sum(1 for byte in mask_values(window) if byte) == 100 * 60
    drag(canvas, [(40, 40), (60, 60)], modifiers=Qt.KeyboardModifier.AltModifier)
    assert value(window, 50, 50) == 0 and value(window, 30, 35) == 255
    assert sum(1 for byte in mask_values(window) if byte) == 100 * 60 - 20 * 20
    QTest.mouseClick(window.toolbar.remove, LEFT)  # selections remove, without Alt
    assert canvas.mode is Tool.ERASER
    drag(canvas, [(100, 30), (120, 90)])
    assert value(window, 110, 50) == 0 and value(window, 90, 50) == 255


def test_a_lasso_fills_the_shape_drawn(painter: Painter) -> None:
    window = painter.open()
    canvas = window.canvas
    key(window, Qt.Key.Key_L)
    assert canvas.shape is Shape.LASSO and window.toolbar.lasso.isChecked()
    triangle = [(100, 50), (150, 150), (200, 250), (100, 250), (0, 250), (50, 150)]
    drag(canvas, [*triangle, (100, 50)])
    assert value(window, 100, 200) == 255  # inside
    assert value(window, 100, 60) == 255
    assert value(window, 20, 60) == 0 and value(window, 180, 60) == 0  # beside the apex
    assert value(window, 300, 200) == 0
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.is_empty()


def test_wheel_and_keys_zoom_around_the_pointer_and_fit_shows_all(painter: Painter) -> None:
    window = painter.open(picture(1600, 1200))
    canvas = window.canvas
    assert canvas.fitted() and canvas.zoom() < 1
    spot = at(canvas, 1000, 300)
    before = canvas.image_point(QPointF(spot))
    wheel(canvas, spot, 3)
    assert canvas.zoom() > 0.5 and not canvas.fitted()
    after = canvas.image_point(QPointF(spot))
    assert abs(after.x() - before.x()) < 1.5 and abs(after.y() - before.y()) < 1.5
    assert window.status.zoom_value.text() == f"{round(canvas.zoom() * 100)} %"

    QTest.mouseMove(canvas, spot)
    key(window, Qt.Key.Key_1)
    assert canvas.zoom() == 1.0
    after = canvas.image_point(QPointF(spot))
    assert abs(after.x() - before.x()) < 1.5 and abs(after.y() - before.y()) < 1.5
    key(window, Qt.Key.Key_Plus)
    assert canvas.zoom() == pytest.approx(1.25)
    key(window, Qt.Key.Key_Minus)
    key(window, Qt.Key.Key_Minus)
    assert canvas.zoom() == pytest.approx(0.8)

    key(window, Qt.Key.Key_0)
    assert canvas.fitted()
    corner, far = canvas.widget_point(QPointF(0, 0)), canvas.widget_point(QPointF(1600, 1200))
    assert corner.x() >= 0 and corner.y() >= 0
    assert far.x() <= canvas.width() and far.y() <= canvas.height()


def test_space_drag_and_the_middle_button_pan_without_painting(painter: Painter) -> None:
    window = painter.open(picture(1600, 1200))
    canvas = window.canvas
    key(window, Qt.Key.Key_1)
    start = QPoint(400, 300)
    before = canvas.image_point(QPointF(start))
    QTest.keyPress(canvas, Qt.Key.Key_Space)
    QTest.mousePress(canvas, LEFT, NO_KEY, start)
    QTest.mouseMove(canvas, start + QPoint(-30, -20))
    QTest.mouseMove(canvas, start + QPoint(-60, -40))
    QTest.mouseRelease(canvas, LEFT, NO_KEY, start + QPoint(-60, -40))
    QTest.keyRelease(canvas, Qt.Key.Key_Space)
    moved = canvas.image_point(QPointF(start))
    assert (moved.x() - before.x(), moved.y() - before.y()) == (60, 40)  # the image followed
    assert window.document.is_empty()

    QTest.mousePress(canvas, Qt.MouseButton.MiddleButton, NO_KEY, start)
    QTest.mouseMove(canvas, start + QPoint(25, 10))
    QTest.mouseRelease(canvas, Qt.MouseButton.MiddleButton, NO_KEY, start + QPoint(25, 10))
    back = canvas.image_point(QPointF(start))
    assert (back.x() - moved.x(), back.y() - moved.y()) == (-25, -10)
    assert window.document.is_empty()


def test_fill_invert_and_clear_buttons(painter: Painter) -> None:
    window = painter.open()
    bar = window.toolbar
    QTest.mouseClick(bar.fill, LEFT)
    assert set(mask_values(window)) == {255}
    QTest.mouseClick(bar.invert, LEFT)
    assert window.document.is_empty()
    QTest.mouseClick(bar.rect, LEFT)
    drag(window.canvas, [(0, 0), (200, 300)])
    QTest.mouseClick(bar.invert, LEFT)
    assert value(window, 100, 100) == 0 and value(window, 300, 100) == 255
    QTest.mouseClick(bar.clear, LEFT)
    assert window.document.is_empty()
    QTest.mouseClick(bar.undo, LEFT)
    assert value(window, 300, 100) == 255


def test_feather_gives_a_soft_edge_that_falls_steadily(painter: Painter) -> None:
    window = painter.open()
    key(window, Qt.Key.Key_R)
    drag(window.canvas, [(100, 100), (300, 200)])
    hard = mask_values(window)

    async def scenario() -> None:
        QTest.mouseClick(window.toolbar.feather, LEFT)
        assert window.toolbar.feather_menu.isVisible()
        window.toolbar.feather_radius.setValue(6)
        QTest.mouseClick(window.toolbar.feather_apply, LEFT)
        assert not window.toolbar.feather_menu.isVisible()
        assert window.is_busy() and not window.toolbar.done.isEnabled()
        await painter.until(lambda: not window.is_busy())

    painter.run(scenario())
    window.activateWindow()  # offscreen, no window manager hands it back after the popup
    painter.run(painter.until(window.isActiveWindow))
    row = [value(window, x, 150) for x in range(140, 60, -1)]  # inside → outside
    assert all(a >= b for a, b in itertools.pairwise(row))  # never rises
    assert row[0] == 255 and row[-1] == 0
    assert len({level for level in row if 0 < level < 255}) >= 8  # a real gradient
    assert "6 px" in window.status.message.text()
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mask_values(window) == hard  # one undo step


@pytest.mark.parametrize("convention", [Convention.BLACK_WHITE, Convention.ALPHA])
def test_save_and_load_round_trip(painter: Painter, tmp_path: Path, convention: Convention) -> None:
    window = painter.open()
    canvas = window.canvas
    if convention is Convention.ALPHA:  # alpha keeps every level: a soft stroke
        canvas.set_hardness(0.2)
        drag(canvas, [(50, 50), (300, 220)])
    else:  # black and white: hard shapes (near-binary masks are thresholded on load)
        key(window, Qt.Key.Key_R)
        drag(canvas, [(30, 40), (200, 140)])
        drag(canvas, [(250, 150), (350, 280)])
        drag(canvas, [(60, 60), (100, 100)], modifiers=Qt.KeyboardModifier.AltModifier)
    painted = mask_values(window)
    path = tmp_path / "mask.png"

    async def scenario() -> None:
        window.save_mask_file(str(path), convention)
        await painter.until(lambda: "Saved" in window.status.message.text())
        QTest.mouseClick(window.toolbar.clear, LEFT)
        assert window.document.is_empty()
        window.load_mask_file(str(path))
        await painter.until(lambda: not window.is_busy())

    painter.run(scenario())
    with Image.open(path) as saved:
        assert saved.mode == ("RGBA" if convention is Convention.ALPHA else "L")
        assert saved.size == (WIDTH, HEIGHT)
        if convention is Convention.ALPHA:  # transparent = edit
            assert saved.getchannel("A").getpixel((60, 60)) == 255 - painted[60 * WIDTH + 60]
    assert mask_values(window) == painted
    assert "Loaded" in window.status.message.text()


def test_a_mask_file_of_another_size_is_refused_in_plain_words(
    painter: Painter, tmp_path: Path
) -> None:
    window = painter.open()
    other = tmp_path / "small.png"
    Image.new("L", (64, 64), 255).save(other)

    async def scenario() -> None:
        window.load_mask_file(str(other))
        await painter.until(lambda: not window.is_busy())

    painter.run(scenario())
    text = window.status.message.text()
    assert "64 × 64" in text and "400 × 300" in text
    assert window.status.message.property("role") == "error"
    assert window.document.is_empty() and window.canvas.isEnabled()


def test_done_hands_over_a_mask_of_the_painted_pixels(painter: Painter) -> None:
    window = painter.open()
    window.canvas.set_hardness(0.5)
    drag(window.canvas, [(30, 30), (200, 120), (380, 40)])
    painted = mask_values(window)

    async def scenario() -> None:
        QTest.mouseClick(window.toolbar.done, LEFT)
        await painter.until(lambda: painter.accepted)

    painter.run(scenario())
    (mask,) = painter.accepted
    assert (mask.width, mask.height) == (WIDTH, HEIGHT)
    with Image.open(io.BytesIO(mask.png)) as decoded:
        assert decoded.mode == "L" and decoded.tobytes() == painted
    assert gone(window) and not painter.cancelled


def test_done_with_an_empty_mask_says_what_to_do(painter: Painter) -> None:
    window = painter.open()
    QTest.mouseClick(window.toolbar.done, LEFT)
    assert "empty" in window.status.message.text()
    assert window.status.message.property("role") == "error"
    assert window.isVisible() and not painter.accepted


def test_cancel_asks_only_when_something_was_painted(painter: Painter) -> None:
    untouched = painter.open()
    key(untouched, Qt.Key.Key_Escape)
    assert painter.cancelled == [True] and gone(untouched)

    window = painter.open()
    drag(window.canvas, [(50, 50), (100, 100)])
    key(window, Qt.Key.Key_Escape)
    box = window.findChild(QMessageBox, "discardMask")
    assert box is not None and box.isVisible() and box.text() == "Discard this mask?"
    assert not box.isModal() or box.windowModality() is not Qt.WindowModality.ApplicationModal
    box.findChild(QPushButton, "keepPaintingButton").click()
    assert window.isVisible() and painter.cancelled == [True]
    QTest.mouseClick(window.toolbar.cancel, LEFT)
    box = window.findChild(QMessageBox, "discardMask")
    box.findChild(QPushButton, "discardButton").click()
    assert painter.cancelled == [True, True] and gone(window)


def test_closing_the_window_is_cancel(painter: Painter) -> None:
    window = painter.open()
    drag(window.canvas, [(50, 50), (100, 100)])
    window.close()
    assert window.isVisible()  # asked first
    assert window.findChild(QMessageBox, "discardMask").isVisible()


def test_a_mask_set_before_is_where_painting_starts(painter: Painter) -> None:
    gray = Image.new("L", (WIDTH, HEIGHT), 0)
    gray.paste(200, (10, 20, 110, 70))
    window = painter.open(mask=mask_from_image(gray, "before.png"))

    async def scenario() -> None:
        await painter.until(lambda: not window.is_busy())

    painter.run(scenario())
    assert mask_values(window) == gray.tobytes()
    assert not window.touched()  # nothing to undo, nothing to lose
    drag(window.canvas, [(300, 200), (320, 220)])
    assert window.touched()


def test_the_brush_outline_follows_the_zoom_and_hides_the_cursor(painter: Painter) -> None:
    window = painter.open(picture(colour="#808080"))
    canvas = window.canvas
    canvas.set_brush_size(40)
    centre = at(canvas, 200, 150)
    QTest.mouseMove(canvas, centre)
    assert canvas.cursor().shape() is Qt.CursorShape.BlankCursor

    def ring_at(radius: float) -> bool:
        shot = canvas.grab().toImage()
        ring = shot.pixelColor(round(centre.x() + radius), centre.y())
        inside = shot.pixelColor(centre.x() + round(radius / 2), centre.y())
        return inside.name() == "#808080" and ring.name() != "#808080"

    assert ring_at(20)
    wheel(canvas, centre, 3)  # 1.25³ ≈ 1.95
    assert ring_at(20 * canvas.zoom())
    canvas.set_shape(Shape.RECT)
    assert canvas.cursor().shape() is Qt.CursorShape.CrossCursor


def test_overlay_colour_opacity_and_visibility(painter: Painter) -> None:
    window = painter.open(picture(colour="#ffffff"))
    canvas = window.canvas
    QTest.mouseClick(window.toolbar.fill, LEFT)
    middle = at(canvas, 200, 150)

    def shown() -> QColor:
        return canvas.grab().toImage().pixelColor(middle)

    window.set_overlay_colour(QColor("#0000ff"))
    window.status.opacity_slider.setValue(100)
    assert shown().name() == "#0000ff"
    window.status.opacity_slider.setValue(50)
    assert shown().blue() == 255 and 120 < shown().red() < 135
    assert window.status.opacity_value.text() == "50 %"
    QTest.mouseClick(window.status.show_mask, LEFT)
    assert not canvas.overlay_visible and shown().name() == "#ffffff"
    QTest.mouseClick(window.status.show_mask, LEFT)
    assert shown().name() != "#ffffff"


def test_pen_pressure_scales_the_brush(painter: Painter) -> None:
    window = painter.open()
    canvas = window.canvas
    hard_brush(window, 40)
    pen = QPointingDevice(
        "test pen",
        7,
        QPointingDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QPointingDevice.Capability.Position | QPointingDevice.Capability.Pressure,
        1,
        2,
    )

    def stroke(y: int, pressure: float) -> None:
        for kind, x in (
            (QEvent.Type.TabletPress, 100),
            (QEvent.Type.TabletMove, 200),
            (QEvent.Type.TabletRelease, 200),
        ):
            where = QPointF(at(canvas, x, y))
            event = QTabletEvent(
                kind,
                pen,
                where,
                canvas.mapToGlobal(where),
                pressure,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                NO_KEY,
                LEFT,
                Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else LEFT,
            )
            QApplication.sendEvent(canvas, event)

    stroke(80, 1.0)
    stroke(220, 0.25)

    def width(y: int) -> int:
        return sum(1 for row in range(y - 30, y + 31) if value(window, 150, row) > 127)

    assert 36 <= width(80) <= 42
    assert 7 <= width(220) <= 13


def test_a_reference_is_decoded_upright_and_a_link_is_refused(tmp_path: Path) -> None:
    sideways = Image.new("RGB", (60, 40), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera held on its side: turn 90° clockwise
    path = tmp_path / "photo.jpg"
    sideways.save(path, "JPEG", exif=exif)
    upright = decode_reference(Reference(name="photo.jpg", path=path))
    assert (upright.width(), upright.height()) == (40, 60)
    assert upright.format() is QImage.Format.Format_RGB32

    buffer = io.BytesIO()
    Image.new("RGBA", (30, 20), (0, 0, 0, 0)).save(buffer, "PNG")
    clear = decode_reference(Reference(name="clear.png", data=buffer.getvalue()))
    assert clear.format() is QImage.Format.Format_ARGB32_Premultiplied
    assert clear.size().toTuple() == (30, 20)

    with pytest.raises(InputError) as raised:
        decode_reference(Reference(name="cat.png", url="https://example.com/cat.png"))
    assert "cat.png" in raised.value.message


def test_the_toolbar_keeps_keyboard_focus_on_the_canvas(painter: Painter) -> None:
    window = painter.open()
    for button in window.toolbar.findChildren(QToolButton):
        assert button.focusPolicy() is Qt.FocusPolicy.NoFocus


def test_what_is_drawn_bit_by_bit_equals_a_fresh_drawing(painter: Painter) -> None:
    """The canvas redraws only what changed (strokes) and scrolls when panning: after all of
    that, what it shows must be exactly what drawing everything afresh shows."""
    source = picture(1600, 1200, "#3a6ea5")
    window = painter.open(source)
    canvas = window.canvas
    canvas.set_hardness(0.4)
    for scale in (0.6, 1.7):  # sampled smoothly, then crisp pixels
        canvas.zoom_by(scale / canvas.zoom())
        drag(canvas, [(500, 500), (700, 560), (900, 520)])
        QTest.mousePress(canvas, Qt.MouseButton.MiddleButton, NO_KEY, QPoint(300, 300))
        QTest.mouseMove(canvas, QPoint(260, 275))
        QTest.mouseMove(canvas, QPoint(200, 250))
        QTest.mouseRelease(canvas, Qt.MouseButton.MiddleButton, NO_KEY, QPoint(200, 250))
        drag(canvas, [(600, 700), (650, 400)])
        QTest.mouseMove(canvas, QPoint(5, 5))  # the outline away from the strokes
        bit_by_bit = canvas.grab().toImage()
        canvas.layers.invalidate()
        assert canvas.grab().toImage() == bit_by_bit, scale


def test_the_file_dialogs_do_not_block_and_their_choice_is_used(
    painter: Painter, tmp_path: Path
) -> None:
    window = painter.open()
    key(window, Qt.Key.Key_R)
    drag(window.canvas, [(10, 10), (90, 60)])
    painted = mask_values(window)
    path = tmp_path / "chosen.png"

    async def scenario() -> None:
        QTest.mouseClick(window.toolbar.save, LEFT)  # returns at once: the dialog is open()ed
        dialog = window.findChild(QFileDialog, "saveMaskDialog")
        assert dialog.isVisible() and dialog.acceptMode() is QFileDialog.AcceptMode.AcceptSave
        alpha = next(name for name in dialog.nameFilters() if "Transparent" in name)
        dialog.selectNameFilter(alpha)
        dialog.selectFile(str(path))
        dialog.accept()
        await painter.until(lambda: "Saved" in window.status.message.text())
        QTest.mouseClick(window.toolbar.clear, LEFT)
        QTest.mouseClick(window.toolbar.load, LEFT)
        dialog = window.findChild(QFileDialog, "loadMaskDialog")
        assert dialog.isVisible()
        dialog.selectFile(str(path))
        dialog.accept()
        await painter.until(lambda: "Loaded" in window.status.message.text())

    painter.run(scenario())
    with Image.open(path) as saved:
        assert saved.mode == "RGBA"  # the convention chosen in the dialog
    assert mask_values(window) == painted


def test_the_colour_dialog_sets_the_overlay_colour(painter: Painter) -> None:
    window = painter.open()
    QTest.mouseClick(window.status.colour, LEFT)
    dialog = window.findChild(QColorDialog, "maskColourDialog")
    assert dialog.isVisible()
    dialog.setCurrentColor(QColor("#20c060"))
    dialog.accept()
    assert window.canvas.overlay_colour.name() == "#20c060"
