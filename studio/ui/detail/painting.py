"""Drawing helpers for the viewer: scaled pictures, the compare line, labels on the picture."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

from studio.ui.pictures.scaling import covering

# Chrome drawn *on* the picture cannot follow the palette: whatever the image's colours, a dark
# translucent pill with white text and a white line with a soft shadow stay readable.
ON_IMAGE_BACK = QColor(0, 0, 0, 150)
ON_IMAGE_TEXT = QColor(255, 255, 255)
ON_IMAGE_SHADOW = QColor(0, 0, 0, 90)


def fitted(size: QSize, box: QRectF) -> QRectF:
    """``size`` scaled to fit inside ``box``, centred (aspect ratio kept)."""
    if size.isEmpty() or box.isEmpty():
        return QRectF(box)
    factor = min(box.width() / size.width(), box.height() / size.height())
    width, height = size.width() * factor, size.height() * factor
    return QRectF(
        box.x() + (box.width() - width) / 2, box.y() + (box.height() - height) / 2, width, height
    )


def draw_scaled(
    painter: QPainter, image: QImage, target: QRectF, bounds: QRectF, smooth: bool
) -> None:
    """``image`` stretched over ``target``, drawing only the part inside ``bounds`` and the clip.

    The source rectangle is rounded out to whole pixels so zoomed-in pixels line up exactly.
    """
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
    visible = target.intersected(bounds)
    if painter.hasClipping():
        visible = visible.intersected(painter.clipBoundingRect())
    if visible.isEmpty() or image.isNull():
        return
    source, drawn = covering(image.size(), target, visible)
    painter.drawImage(drawn, image, QRectF(source))


def draw_split(painter: QPainter, widget: QWidget, x: float, labels: tuple[str, str]) -> None:
    """The compare line at ``x`` with its round grip, and the names of the two sides."""
    palette = widget.palette()
    height = widget.height()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ON_IMAGE_SHADOW, 3))
    painter.drawLine(QPointF(x, 0), QPointF(x, height))
    painter.setPen(QPen(ON_IMAGE_TEXT, 1.5))
    painter.drawLine(QPointF(x, 0), QPointF(x, height))
    centre = QPointF(x, height / 2)
    painter.setBrush(palette.color(QPalette.ColorRole.Window))
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
    painter.drawEllipse(centre, 14, 14)
    painter.setBrush(palette.color(QPalette.ColorRole.WindowText))
    painter.setPen(Qt.PenStyle.NoPen)
    for direction in (-1, 1):
        tip = centre.x() + direction * 9
        back = tip - direction * 5
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(tip, centre.y()),
                    QPointF(back, centre.y() - 5),
                    QPointF(back, centre.y() + 5),
                ]
            )
        )
    left, right = labels
    draw_label(painter, left, QPointF(8, 8), Qt.AlignmentFlag.AlignLeft)
    draw_label(painter, right, QPointF(widget.width() - 8, 8), Qt.AlignmentFlag.AlignRight)


def draw_label(painter: QPainter, text: str, at: QPointF, side: Qt.AlignmentFlag) -> None:
    if not text:
        return
    metrics = painter.fontMetrics()
    width = metrics.horizontalAdvance(text) + 16
    height = metrics.height() + 8
    x = at.x() if side is Qt.AlignmentFlag.AlignLeft else at.x() - width
    box = QRectF(x, at.y(), width, height)
    path = QPainterPath()
    path.addRoundedRect(box, height / 2, height / 2)
    painter.fillPath(path, ON_IMAGE_BACK)
    painter.setPen(ON_IMAGE_TEXT)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def draw_message(painter: QPainter, widget: QWidget, text: str) -> None:
    if not text:
        return
    painter.setPen(widget.palette().color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(
        QRectF(widget.rect()).adjusted(16, 16, -16, -16),
        Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
        text,
    )
