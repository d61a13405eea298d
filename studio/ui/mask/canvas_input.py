"""What the canvas does with the mouse, a pen and the keys it handles itself.

Left button: the current tool (a stroke, or a rectangle or lasso selection that adds to the
mask, or removes from it with Alt or in remove mode). Middle button, or Space + left button:
pan. A pen's pressure scales the brush. (The wheel zooms: ``studio.ui.pictures.zoom``.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import (
    QEnterEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPolygonF,
    QTabletEvent,
)

from studio.ui.mask.document import Tool
from studio.ui.mask.tools import Shape


class CanvasInput:
    """Mixed into MaskCanvas (before QWidget): its mouse, tablet, key and hover
    handlers. Works on the canvas's document, view, tool state and drag state."""

    def _removes(self, modifiers: Qt.KeyboardModifier) -> bool:
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        return (self.mode is Tool.ERASER) != alt

    def _press(
        self,
        position: QPointF,
        button: Qt.MouseButton,
        modifiers: Qt.KeyboardModifier,
        pressure: float,
    ) -> bool:
        if self._drag is not None:
            return True
        pans = button is Qt.MouseButton.MiddleButton or (
            button is Qt.MouseButton.LeftButton and self._space
        )
        if pans:
            self._drag = "pan"
            self._drag_from = position
        elif button is not Qt.MouseButton.LeftButton:
            return False
        elif self.shape is Shape.BRUSH:
            self._drag = "stroke"
            self.document.begin_stroke(self.mode, self.brush_size, self.hardness)
            self.document.stroke_to(self.image_point(position), pressure)
        else:
            self._drag = "rect" if self.shape is Shape.RECT else "lasso"
            point = self.image_point(position)
            self._selection = [point, point] if self.shape is Shape.RECT else [point]
            self._refresh_selection()
        self._pointer = position
        self._refresh_pointer()
        return True

    def _move(self, position: QPointF, pressure: float) -> None:
        self._pointer = position
        if self._drag == "pan":
            delta = position - self._drag_from
            self._drag_from = position
            self.pan_by(delta.x(), delta.y())
        elif self._drag == "stroke":
            self.document.stroke_to(self.image_point(position), pressure)
        elif self._drag == "rect":
            self._selection[1] = self.image_point(position)
            self._refresh_selection()
        elif self._drag == "lasso":
            self._selection.append(self.image_point(position))
            self._refresh_selection()
        self._refresh_pointer()
        self._emit_pointer(position)

    def _release(self, position: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        drag, self._drag = self._drag, None
        if drag == "stroke":
            self.document.end_stroke()
            self.edited.emit()
        elif drag in ("rect", "lasso"):
            tool = Tool.ERASER if self._removes(modifiers) else Tool.BRUSH
            polygon = QPolygonF(self._selection)
            self._refresh_selection()
            self._selection = []
            self._selection_bounds = QRect()
            if drag == "rect":
                area = polygon.boundingRect()
                rect = QRect(
                    QPoint(round(area.left()), round(area.top())),
                    QPoint(round(area.right()) - 1, round(area.bottom()) - 1),
                ).intersected(QRect(0, 0, self.document.width(), self.document.height()))
                if not rect.isEmpty():
                    self.document.fill_rect(rect, tool)
                    self.edited.emit()
            elif polygon.size() >= 3:
                self.document.fill_polygon(polygon, tool)
                self.edited.emit()
        self._pointer = position
        self._refresh_pointer()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if self._press(event.position(), event.button(), event.modifiers(), 1.0):
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._move(event.position(), 1.0)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        ends_pan = self._drag == "pan" and event.button() in (
            Qt.MouseButton.MiddleButton,
            Qt.MouseButton.LeftButton,
        )
        ends_left = self._drag in ("stroke", "rect", "lasso") and (
            event.button() is Qt.MouseButton.LeftButton
        )
        if ends_pan or ends_left:
            self._release(event.position(), event.modifiers())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        """A pen's pressure scales the brush; other tools take the mouse events Qt makes."""
        kind = event.type()
        pressure = max(event.pressure(), 0.0)
        position = event.position()
        if kind == QEvent.Type.TabletPress and self.shape is Shape.BRUSH and not self._space:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._press(position, event.button(), event.modifiers(), pressure)
        elif kind == QEvent.Type.TabletMove and self._drag == "stroke":
            self._move(position, pressure)
        elif kind == QEvent.Type.TabletRelease and self._drag == "stroke":
            self._release(position, event.modifiers())
        else:
            event.ignore()
            return
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self._space = True
                self._refresh_pointer()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self._space = False
                self._refresh_pointer()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self._space = False
        super().focusOutEvent(event)

    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802
        self._pointer = event.position()
        self._refresh_pointer()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self._pointer = None
        self._refresh_pointer()
        self.pointer_moved.emit(None)
        super().leaveEvent(event)
