"""Small shapes drawn as paths (no font has to carry ★ or ⚠): badges and tile buttons."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap


def round_pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def star(rect: QRectF) -> QPainterPath:
    centre = rect.center()
    outer = min(rect.width(), rect.height()) / 2
    inner = outer * 0.45
    path = QPainterPath()
    for point in range(10):
        radius = outer if point % 2 == 0 else inner
        angle = -math.pi / 2 + point * math.pi / 5
        vertex = QPointF(
            centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle)
        )
        if point == 0:
            path.moveTo(vertex)
        else:
            path.lineTo(vertex)
    path.closeSubpath()
    return path


def triangle(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(rect.center().x(), rect.top())
    path.lineTo(rect.right(), rect.bottom())
    path.lineTo(rect.left(), rect.bottom())
    path.closeSubpath()
    return path


def draw_warning(painter: QPainter, rect: QRectF, fill: QColor, mark: QColor) -> None:
    """⚠: a filled triangle with an exclamation mark."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(round_pen(fill, max(1.0, rect.width() / 8)))
    painter.setBrush(fill)
    painter.drawPath(triangle(rect.adjusted(1, 1, -1, -1)))
    width = max(1.5, rect.width() / 9)
    painter.setPen(round_pen(mark, width))
    x = rect.center().x()
    painter.drawLine(
        QPointF(x, rect.top() + rect.height() * 0.38),
        QPointF(x, rect.bottom() - rect.height() * 0.32),
    )
    painter.drawPoint(QPointF(x, rect.bottom() - rect.height() * 0.15))
    painter.restore()


def draw_cross(painter: QPainter, rect: QRectF, colour: QColor, width: float = 1.6) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(round_pen(colour, width))
    painter.drawLine(rect.topLeft(), rect.bottomRight())
    painter.drawLine(rect.topRight(), rect.bottomLeft())
    painter.restore()


def draw_badge(painter: QPainter, rect: QRectF, palette: QPalette) -> None:
    """A dark translucent disc that keeps a glyph readable over any picture."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    disc = QColor(palette.color(QPalette.ColorRole.Shadow))
    disc.setAlpha(150)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(disc)
    painter.drawEllipse(rect)
    painter.restore()


def star_icon(palette: QPalette, size: int = 16) -> QIcon:
    """★ for the favourites toggle: outlined when off, filled in the accent colour when on."""
    icon = QIcon()
    for state, filled in ((QIcon.State.Off, False), (QIcon.State.On, True)):
        pixmap = QPixmap(QSize(size, size) * 2)
        pixmap.setDevicePixelRatio(2)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = palette.color(QPalette.ColorRole.Highlight if filled else QPalette.ColorRole.Text)
        painter.setPen(round_pen(colour, 1.3))
        painter.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
        painter.drawPath(star(QRectF(1.5, 1.5, size - 3, size - 3)))
        painter.end()
        icon.addPixmap(pixmap, QIcon.Mode.Normal, state)
    return icon


def search_icon(palette: QPalette, size: int = 16) -> QIcon:
    pixmap = QPixmap(QSize(size, size) * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(round_pen(palette.color(QPalette.ColorRole.PlaceholderText), 1.5))
    painter.drawEllipse(QRectF(2.5, 2.5, size * 0.5, size * 0.5))
    painter.drawLine(QPointF(size * 0.62, size * 0.62), QPointF(size - 2.5, size - 2.5))
    painter.end()
    return QIcon(pixmap)
