"""The pattern behind transparent pixels, drawn under a picture in the viewer and the painter."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QPainter, QPalette, QPixmap


def checkerboard(palette: QPalette) -> QBrush:
    """The classic pattern behind transparent pixels, in two quiet palette tones."""
    tile = QPixmap(16, 16)
    tile.fill(palette.color(QPalette.ColorRole.Base))
    painter = QPainter(tile)
    dark = palette.color(QPalette.ColorRole.AlternateBase)
    painter.fillRect(0, 0, 8, 8, dark)
    painter.fillRect(8, 8, 8, 8, dark)
    painter.end()
    return QBrush(tile)
