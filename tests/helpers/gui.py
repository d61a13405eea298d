"""Gestures several GUI tests share: a stroke dragged on the mask painter, a tile's menu."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from studio.ui.mask.canvas import MaskCanvas

LEFT = Qt.MouseButton.LeftButton
NO_KEY = Qt.KeyboardModifier.NoModifier


def drag_stroke(canvas: MaskCanvas, points: Sequence[tuple[float, float]]) -> None:
    """Press, move through ``points`` (image pixels, centres) and release, like a mouse.
    QTest processes events: call it from a plain loop callback (``outside_task``)."""

    def at(x: float, y: float) -> QPoint:
        return canvas.widget_point(QPointF(x + 0.5, y + 0.5)).toPoint()

    QTest.mousePress(canvas, LEFT, NO_KEY, at(*points[0]))
    for point in points[1:]:
        QTest.mouseMove(canvas, at(*point))
    QTest.mouseRelease(canvas, LEFT, NO_KEY, at(*points[-1]))


def context_action(widget: QWidget, name: str) -> QAction:
    """Open ``widget``'s context menu as a right click would and return its action ``name``
    (the menu is closed again: trigger the action to choose it)."""
    at = QPoint(5, 5)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, widget.mapToGlobal(at))
    QApplication.sendEvent(widget, event)
    menu = widget.findChildren(QMenu)[-1]
    action = menu.findChild(QAction, name)
    assert action is not None, f"no {name!r} in the menu"
    menu.close()
    return action
