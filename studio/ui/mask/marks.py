"""Marks drawn over the image: the brush outline and a selection being dragged.

They cannot follow the palette (they sit on any picture), so each is drawn twice: a dark line
under a light one, readable on dark and light pixels alike.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

DARK = QColor(0, 0, 0, 170)
LIGHT = QColor(255, 255, 255, 230)
CROSSHAIR_BELOW = 6.0  # logical px: smaller brushes show a crosshair instead of a circle
CROSSHAIR_ARM = 6.0


def outline_bounds(centre: QPointF, diameter: float) -> QRect:
    """Every logical pixel the outline (or the crosshair) can touch."""
    reach = max(diameter / 2, CROSSHAIR_ARM) + 3
    return QRectF(centre.x() - reach, centre.y() - reach, 2 * reach, 2 * reach).toAlignedRect()


def draw_outline(painter: QPainter, centre: QPointF, diameter: float) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if diameter < CROSSHAIR_BELOW:
        arm = CROSSHAIR_ARM
        lines = (
            (QPointF(centre.x() - arm, centre.y()), QPointF(centre.x() + arm, centre.y())),
            (QPointF(centre.x(), centre.y() - arm), QPointF(centre.x(), centre.y() + arm)),
        )
        for colour, width in ((DARK, 3.0), (LIGHT, 1.0)):
            painter.setPen(QPen(colour, width))
            for start, end in lines:
                painter.drawLine(start, end)
    else:
        radius = diameter / 2
        painter.setPen(QPen(DARK, 1.0))
        painter.drawEllipse(centre, radius + 1, radius + 1)
        painter.setPen(QPen(LIGHT, 1.0))
        painter.drawEllipse(centre, radius, radius)
    painter.restore()


def draw_selection(painter: QPainter, polygon: QPolygonF, open_end: bool) -> None:
    """A rectangle or lasso being dragged: marching-ants style dashes, dark under light."""
    if polygon.isEmpty():
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(DARK, 1.0))
    _draw(painter, polygon, open_end)
    dashes = QPen(LIGHT, 1.0, Qt.PenStyle.CustomDashLine)
    dashes.setDashPattern([4, 4])
    painter.setPen(dashes)
    _draw(painter, polygon, open_end)
    painter.restore()


def _draw(painter: QPainter, polygon: QPolygonF, open_end: bool) -> None:
    if open_end:
        painter.drawPolyline(polygon)
        if polygon.size() > 2 and not math.isclose(
            (polygon.first() - polygon.last()).manhattanLength(), 0.0
        ):
            closing = QPen(painter.pen())
            closing.setStyle(Qt.PenStyle.DotLine)
            painter.save()
            painter.setPen(closing)
            painter.drawLine(polygon.last(), polygon.first())
            painter.restore()
    else:
        painter.drawPolygon(polygon)
