"""The zoom/pan viewer: fit or any scale, compare slider, mask overlay; HiDPI-correct.

``scale`` counts device pixels per image pixel, so 1:1 shows every image pixel on exactly one
screen pixel whatever the display's scale factor. Zoomed out, the picture is drawn smoothly
from the nearest halved copy; zoomed in, pixels stay crisp and only the visible part is drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.ui.detail.painting import (
    draw_message,
    draw_scaled,
    draw_split,
    fitted,
)
from studio.ui.pictures.checkerboard import checkerboard
from studio.ui.pictures.picture import Picture
from studio.ui.pictures.zoom import MARGIN, STEP, WheelZoom, clamped_scale

SPLIT_GRAB = 10  # logical px either side of the compare line that grab it


class ImageViewer(WheelZoom, QWidget):
    view_changed = Signal()  # scale or position changed
    split_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._image_size = QSize()
        self._picture: Picture | None = None
        self._preview: QImage | None = None
        self._message = ""
        self._fit_mode = True
        self._scale = 1.0
        self._offset = QPointF()  # logical position of the image's top-left corner
        self._other: Picture | None = None
        self._other_preview: QImage | None = None
        self._compare = False
        self._split = 0.5
        self._labels = ("", "")
        self._overlay: QImage | None = None
        self._overlay_on = False
        self._space = False
        self._drag: str | None = None  # "pan" | "split"
        self._drag_from = QPointF()
        self._checker: QBrush | None = None

    # -- content ---------------------------------------------------------------------------

    def start(self, size: QSize) -> None:
        """A new image of ``size`` pixels is coming: forget the old one, fit the new one."""
        self._image_size = QSize(size)
        self._picture = None
        self._preview = None
        self._message = ""
        self._other = None
        self._other_preview = None
        self._overlay = None
        self._fit_mode = True
        self._emit_view()

    def set_preview(self, image: QImage) -> None:
        if self._picture is None:
            self._preview = image
            self.update()

    def set_picture(self, picture: Picture) -> None:
        self._picture = picture
        self._preview = None
        self._message = ""
        if picture.size != self._image_size:
            self._image_size = picture.size
            self._emit_view()
        self.update()

    def set_message(self, text: str) -> None:
        self._message = text
        self.update()

    def has_picture(self) -> bool:
        return self._picture is not None

    def picture_size(self) -> QSize:
        return QSize(self._image_size)

    def set_other(self, picture: Picture | None, labels: tuple[str, str] = ("", "")) -> None:
        """The image to compare with (drawn left of the slider) and the two side labels."""
        self._other = picture
        self._labels = labels
        self.update()

    def has_other(self) -> bool:
        return self._other is not None

    def set_compare(self, on: bool) -> None:
        self._compare = on
        self._drag = None
        self.update()

    @property
    def comparing(self) -> bool:
        return self._compare

    @property
    def split(self) -> float:
        return self._split

    def set_split(self, value: float) -> None:
        value = min(max(value, 0.0), 1.0)
        if value != self._split:
            self._split = value
            self.split_changed.emit(value)
            self.update()

    def set_overlay(self, image: QImage | None) -> None:
        self._overlay = image
        self.update()

    def has_overlay(self) -> bool:
        return self._overlay is not None

    def set_overlay_visible(self, on: bool) -> None:
        self._overlay_on = on
        self.update()

    # -- geometry --------------------------------------------------------------------------

    def _dpr(self) -> float:
        return self.devicePixelRatioF() or 1.0

    def fit_scale(self) -> float:
        """Device px per image px that shows the whole image.

        Small images are not blown up beyond one image pixel per logical pixel (on a HiDPI
        screen that is still larger than 1:1, as every other picture on that screen).
        """
        if self._image_size.isEmpty():
            return 1.0
        width = max(self.width() - 2 * MARGIN, 1)
        height = max(self.height() - 2 * MARGIN, 1)
        logical = min(width / self._image_size.width(), height / self._image_size.height())
        return min(logical, 1.0) * self._dpr()

    @property
    def scale(self) -> float:
        return self.fit_scale() if self._fit_mode else self._scale

    @property
    def fitted_mode(self) -> bool:
        return self._fit_mode

    def image_rect(self) -> QRectF:
        """Where the image is drawn, in logical widget coordinates."""
        factor = self.scale / self._dpr()
        width = self._image_size.width() * factor
        height = self._image_size.height() * factor
        if self._fit_mode:
            return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
        return QRectF(self._offset.x(), self._offset.y(), width, height)

    def _clamped(self, offset: QPointF, width: float, height: float) -> QPointF:
        def axis(value: float, size: float, room: float) -> float:
            if size <= room:
                return (room - size) / 2
            return min(max(value, room - size), 0.0)

        return QPointF(
            axis(offset.x(), width, self.width()), axis(offset.y(), height, self.height())
        )

    def fit(self) -> None:
        self._fit_mode = True
        self._emit_view()

    def actual_size(self) -> None:
        self.set_scale(1.0)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.set_scale(self.scale * factor, anchor)

    def set_scale(self, scale: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``scale`` keeping the image point under ``anchor`` (default: centre) still."""
        if self._image_size.isEmpty():
            return
        scale = clamped_scale(scale)
        anchor = anchor if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        rect = self.image_rect()
        # the image point under the anchor, in image pixels
        old_factor = self.scale / self._dpr()
        point = QPointF((anchor.x() - rect.x()) / old_factor, (anchor.y() - rect.y()) / old_factor)
        new_factor = scale / self._dpr()
        offset = QPointF(anchor.x() - point.x() * new_factor, anchor.y() - point.y() * new_factor)
        self._fit_mode = False
        self._scale = scale
        self._offset = self._clamped(
            offset,
            self._image_size.width() * new_factor,
            self._image_size.height() * new_factor,
        )
        self._emit_view()

    def pan_by(self, dx: float, dy: float) -> None:
        if self._fit_mode:
            self._scale = self.fit_scale()
            self._offset = self.image_rect().topLeft()
            self._fit_mode = False
        rect = self.image_rect()
        self._offset = self._clamped(
            QPointF(rect.x() + dx, rect.y() + dy), rect.width(), rect.height()
        )
        self._emit_view()

    def _emit_view(self) -> None:
        self.update()
        self.view_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        if not self._fit_mode:
            rect = self.image_rect()
            self._offset = self._clamped(rect.topLeft(), rect.width(), rect.height())
        self.view_changed.emit()
        super().resizeEvent(event)

    def _split_x(self) -> float:
        return self.width() * self._split

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window).darker(108))
        rect = self.image_rect()
        if self._image_size.isEmpty():
            draw_message(painter, self, self._message)
            return
        if self._checker is None:
            self._checker = checkerboard(palette)
        painter.fillRect(rect.intersected(QRectF(self.rect())), self._checker)
        if self._compare and self._other is not None:
            split = self._split_x()
            painter.save()
            painter.setClipRect(QRectF(split, 0, self.width() - split, self.height()))
            self._draw_main(painter, rect)
            painter.restore()
            painter.save()
            painter.setClipRect(QRectF(0, 0, split, self.height()))
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Window).darker(108))
            other_rect = fitted(self._other.size, rect)
            painter.fillRect(other_rect.intersected(QRectF(self.rect())), self._checker)
            self._draw_picture(painter, self._other, None, other_rect)
            painter.restore()
        else:
            self._draw_main(painter, rect)
        if self._overlay_on and self._overlay is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(rect, self._overlay)
        if self._compare and self._other is not None:
            draw_split(painter, self, self._split_x(), self._labels)
        if self._message:
            draw_message(painter, self, self._message)

    def _draw_main(self, painter: QPainter, rect: QRectF) -> None:
        if self._picture is not None or self._preview is not None:
            self._draw_picture(painter, self._picture, self._preview, rect)
        else:
            painter.fillRect(rect, self.palette().color(QPalette.ColorRole.Mid))

    def _draw_picture(
        self, painter: QPainter, picture: Picture | None, preview: QImage | None, target: QRectF
    ) -> None:
        device_width = target.width() * self._dpr()
        if picture is not None:
            image = picture.level_for(device_width)
        elif preview is not None:
            image = preview
        else:
            return
        # smooth when a bigger copy is shrunk (or a thumbnail stretched); crisp pixels zoomed in
        smooth = image.width() > device_width + 0.5 or picture is None
        draw_scaled(painter, image, target, QRectF(self.rect()), smooth)

    # -- input -----------------------------------------------------------------------------

    def _near_split(self, position: QPointF) -> bool:
        return (
            self._compare
            and self._other is not None
            and abs(position.x() - self._split_x()) <= SPLIT_GRAB
        )

    def _update_cursor(self, position: QPointF) -> None:
        if self._drag == "pan":
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        elif self._drag == "split" or (not self._space and self._near_split(position)):
            self.setCursor(Qt.CursorShape.SplitHCursor)
        elif self._space or not self._fit_mode:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.unsetCursor()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() is not Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        position = event.position()
        if not self._space and self._near_split(position):
            self._drag = "split"
            self.set_split(position.x() / max(self.width(), 1))
        else:
            self._drag = "pan"
        self._drag_from = position
        self._update_cursor(position)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        position = event.position()
        if self._drag == "split":
            self.set_split(position.x() / max(self.width(), 1))
        elif self._drag == "pan":
            delta = position - self._drag_from
            self._drag_from = position
            self.pan_by(delta.x(), delta.y())
        self._update_cursor(position)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() is Qt.MouseButton.LeftButton:
            self._drag = None
            self._update_cursor(event.position())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Double-click toggles between fit and 1:1 around the pointer."""
        if event.button() is Qt.MouseButton.LeftButton and not self._near_split(event.position()):
            if self._fit_mode:
                self.set_scale(1.0, event.position())
            else:
                self.fit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        plain = not (event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and plain:
            self.zoom_by(STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore) and plain:
            self.zoom_by(1 / STEP)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down) and (
            not self._fit_mode
        ):
            step = 48
            dx = {Qt.Key.Key_Left: step, Qt.Key.Key_Right: -step}.get(Qt.Key(key), 0)
            dy = {Qt.Key.Key_Up: step, Qt.Key.Key_Down: -step}.get(Qt.Key(key), 0)
            self.pan_by(dx, dy)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self._update_cursor(QPointF(self.mapFromGlobal(self.cursor().pos())))
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self._space = False
        super().focusOutEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() in (event.Type.PaletteChange, event.Type.StyleChange):
            self._checker = None
        super().changeEvent(event)
