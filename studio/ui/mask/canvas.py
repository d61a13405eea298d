"""The canvas: the source image with the mask over it, painted on with the mouse or a pen.

Tools: brush and eraser (strokes, the document interpolates dabs between events), rectangle and
lasso selections that add to the mask or, with Alt or in remove mode, take away from it. Zoom
with the wheel around the pointer; pan with the middle button or Space + drag. The brush's
outline follows the pointer at the current zoom; the system cursor is hidden over the image.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.ui.mask.canvas_input import CanvasInput
from studio.ui.mask.document import MaskDocument, Tool
from studio.ui.mask.layers import Layers
from studio.ui.mask.marks import draw_outline, draw_selection, outline_bounds
from studio.ui.mask.tools import MAX_BRUSH, MIN_BRUSH, Shape, grown
from studio.ui.mask.viewport import Viewport
from studio.ui.pictures.checkerboard import checkerboard
from studio.ui.pictures.picture import Picture
from studio.ui.pictures.zoom import STEP, WheelZoom


class MaskCanvas(CanvasInput, WheelZoom, QWidget):
    view_changed = Signal()  # zoom or position
    tool_changed = Signal()  # shape or mode
    brush_changed = Signal()  # size or hardness
    pointer_moved = Signal(object)  # QPoint (image pixel under the pointer) or None
    edited = Signal()  # the user finished a stroke or a selection

    def __init__(
        self, document: MaskDocument, source: QImage, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("maskCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setTabletTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 180)
        self.document = document
        self.source = source
        self.picture: Picture | None = None
        self.view = Viewport(QSize(document.width(), document.height()))
        self.layers = Layers()
        self.shape = Shape.BRUSH
        self.mode = Tool.BRUSH  # add to the mask, or remove from it
        self.brush_size = 48.0
        self.hardness = 0.8
        self.overlay_colour = QColor(255, 64, 64)
        self.overlay_opacity = 0.5
        self.overlay_visible = True
        self._checker: QBrush | None = None
        self._drag: str | None = None  # "stroke" | "pan" | "rect" | "lasso"
        self._drag_from = QPointF()
        self._selection: list[QPointF] = []  # image px: rect corners or lasso points
        self._selection_bounds = QRect()  # logical px last drawn for the selection
        self._space = False
        self._pointer: QPointF | None = None  # logical px, while over the canvas
        self._outline = QRect()  # logical px last drawn for the brush outline
        self.layers.set_tint(self.overlay_colour)
        document.changed.connect(self._document_changed)

    # -- content ---------------------------------------------------------------------------

    def set_picture(self, picture: Picture) -> None:
        """The source's halved copies are ready: draw from them from now on."""
        self.picture = picture
        self.layers.invalidate(overlay=False)
        self.update()

    def set_document(self, document: MaskDocument) -> None:
        """Paint on ``document`` from now on (same size: e.g. a mask opened for more work)."""
        self.finish_drag()
        self.document.changed.disconnect(self._document_changed)
        self.document = document
        document.changed.connect(self._document_changed)
        self.layers.invalidate(base=False)
        self.update()

    def finish_drag(self) -> None:
        """End a stroke or drop a selection in progress (before undo, or when busy)."""
        if self._drag == "stroke":
            self.document.end_stroke()
            self.edited.emit()
        elif self._drag in ("rect", "lasso"):
            self._refresh_selection()
            self._selection = []
        self._drag = None
        self._refresh_pointer()

    def _document_changed(self, image_rect: QRect) -> None:
        device = self.view.device_rect(image_rect, pad=2 if self.view.scale < 1 else 1)
        self.layers.mark_overlay(device)
        if self.overlay_visible:
            self.update(self._logical(device))

    # -- tools -----------------------------------------------------------------------------

    def set_shape(self, shape: Shape) -> None:
        if shape is not self.shape:
            self.shape = shape
            self._refresh_pointer()
            self.tool_changed.emit()

    def set_mode(self, mode: Tool) -> None:
        if mode is not self.mode:
            self.mode = mode
            self.tool_changed.emit()

    def pick_brush(self) -> None:
        self.set_mode(Tool.BRUSH)
        self.set_shape(Shape.BRUSH)

    def pick_eraser(self) -> None:
        self.set_mode(Tool.ERASER)
        self.set_shape(Shape.BRUSH)

    def swap_mode(self) -> None:
        self.set_mode(Tool.ERASER if self.mode is Tool.BRUSH else Tool.BRUSH)

    def set_brush_size(self, size: float) -> None:
        size = min(max(float(size), MIN_BRUSH), MAX_BRUSH)
        if size != self.brush_size:
            self.brush_size = size
            self._refresh_pointer()
            self.brush_changed.emit()

    def grow_brush(self, steps: int) -> None:
        """`]` (+1) and `[` (-1): steps proportional to the size, at least one pixel."""
        self.set_brush_size(grown(self.brush_size, steps))

    def set_hardness(self, hardness: float) -> None:
        hardness = min(max(float(hardness), 0.0), 1.0)
        if hardness != self.hardness:
            self.hardness = hardness
            self.brush_changed.emit()

    # -- overlay ---------------------------------------------------------------------------

    def set_overlay_colour(self, colour: QColor) -> None:
        self.overlay_colour = QColor(colour)
        self.layers.set_tint(self.overlay_colour)
        self.update()

    def set_overlay_opacity(self, opacity: float) -> None:
        self.overlay_opacity = min(max(opacity, 0.0), 1.0)
        self.update()

    def set_overlay_visible(self, visible: bool) -> None:
        self.overlay_visible = visible
        self.update()

    # -- view ------------------------------------------------------------------------------

    def _dpr(self) -> float:
        return self.devicePixelRatioF() or 1.0

    def _device(self, logical: QPointF) -> QPointF:
        return logical * self._dpr()

    def _logical(self, device: QRect) -> QRect:
        dpr = self._dpr()
        if dpr == 1.0:
            return QRect(device)
        return QRectF(
            device.x() / dpr, device.y() / dpr, device.width() / dpr, device.height() / dpr
        ).toAlignedRect()

    def image_point(self, logical: QPointF) -> QPointF:
        """The image position (px, fractional) under a widget position."""
        return self.view.to_image(self._device(logical))

    def widget_point(self, image_point: QPointF) -> QPointF:
        return self.view.to_device(image_point) / self._dpr()

    def zoom(self) -> float:
        """Device px per image px (1.0 = 1:1)."""
        return self.view.scale

    def fitted(self) -> bool:
        return self.view.fitted

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.view.zoom_by(factor, None if anchor is None else self._device(anchor))
        self._view_moved()

    def _anchor(self) -> QPointF | None:
        """Keys zoom around the pointer when it is over the canvas, else around the centre."""
        pointer = self._pointer
        return pointer if pointer is not None and QRectF(self.rect()).contains(pointer) else None

    def zoom_in(self) -> None:
        self.zoom_by(STEP, self._anchor())

    def zoom_out(self) -> None:
        self.zoom_by(1 / STEP, self._anchor())

    def fit(self) -> None:
        self.view.fit()
        self._view_moved()

    def actual_size(self) -> None:
        anchor = self._anchor()
        self.view.set_scale(1.0, None if anchor is None else self._device(anchor))
        self._view_moved()

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the image by logical px."""
        dpr = self._dpr()
        scale = self.view.scale
        moved = self.view.pan_by(dx * dpr, dy * dpr)
        if self.view.scale != scale:
            self._view_moved()
        elif not moved.isNull():
            self.layers.scroll(moved)
            self._after_view_change()

    def _view_moved(self) -> None:
        self.layers.invalidate()
        self._after_view_change()

    def _after_view_change(self) -> None:
        self._selection_bounds = QRect()
        self.update()
        if self._pointer is not None:
            self._emit_pointer(self._pointer)
        self.view_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        dpr = self._dpr()
        device = QSize(math.ceil(self.width() * dpr), math.ceil(self.height() * dpr))
        self.view.resize(device, dpr)
        self.layers.resize(device)
        self.view_changed.emit()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._checker = None
            self.layers.invalidate(overlay=False)
        super().changeEvent(event)

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        palette = self.palette()
        if self._checker is None:
            self._checker = checkerboard(palette)
        background = palette.color(QPalette.ColorRole.Window).darker(108)
        self.layers.draw_base(self.view, self.picture, self.source, background, self._checker)
        if self.overlay_visible:  # read in place, never kept: the document writes into it
            self.layers.draw_overlay(self.view, self.document.image())
        rect = event.rect()
        dpr = self._dpr()
        source = QRectF(rect.x() * dpr, rect.y() * dpr, rect.width() * dpr, rect.height() * dpr)
        painter = QPainter(self)
        painter.drawPixmap(QRectF(rect), self.layers.base, source)
        if self.overlay_visible and self.overlay_opacity > 0:
            painter.setOpacity(self.overlay_opacity)
            painter.drawPixmap(QRectF(rect), self.layers.overlay, source)
            painter.setOpacity(1.0)
        if self._drag in ("rect", "lasso"):
            draw_selection(painter, self._selection_polygon(), self._drag == "lasso")
        if self._shows_outline():
            assert self._pointer is not None
            draw_outline(painter, self._pointer, self._outline_diameter())
        painter.end()

    def _outline_diameter(self) -> float:
        return self.brush_size * self.view.scale / self._dpr()

    def _shows_outline(self) -> bool:
        return (
            self._pointer is not None
            and self.shape is Shape.BRUSH
            and self._drag in (None, "stroke")
            and not self._space
            and self.view.contains(self._device(self._pointer))
        )

    def _selection_polygon(self) -> QPolygonF:
        if self._drag == "rect" and len(self._selection) == 2:
            first, last = (self.widget_point(point) for point in self._selection)
            corners = QRectF(first, last).normalized()
            return QPolygonF(corners)
        return QPolygonF([self.widget_point(point) for point in self._selection])

    def _refresh_pointer(self) -> None:
        """Redraw the brush outline (and pick the cursor) after the pointer, size or tool."""
        if not self._outline.isEmpty():
            self.update(self._outline)
        self._outline = QRect()
        if self._shows_outline():
            assert self._pointer is not None
            self._outline = outline_bounds(self._pointer, self._outline_diameter())
            self.update(self._outline)
        self._update_cursor()

    def _refresh_selection(self) -> None:
        bounds = self._selection_polygon().boundingRect().toAlignedRect().adjusted(-3, -3, 3, 3)
        self.update(self._selection_bounds.united(bounds))
        self._selection_bounds = bounds

    def _update_cursor(self) -> None:
        over_image = self._pointer is not None and self.view.contains(self._device(self._pointer))
        if self._drag == "pan":
            shape = Qt.CursorShape.ClosedHandCursor
        elif self._space:
            shape = Qt.CursorShape.OpenHandCursor
        elif not over_image and self._drag is None:
            shape = Qt.CursorShape.ArrowCursor
        elif self.shape is Shape.BRUSH:
            shape = Qt.CursorShape.BlankCursor  # the outline is drawn instead
        else:
            shape = Qt.CursorShape.CrossCursor
        if self.cursor().shape() is not shape:
            self.setCursor(shape)

    def _emit_pointer(self, logical: QPointF) -> None:
        point = self.image_point(logical)
        x, y = math.floor(point.x()), math.floor(point.y())
        inside = 0 <= x < self.document.width() and 0 <= y < self.document.height()
        self.pointer_moved.emit(QPoint(x, y) if inside else None)
