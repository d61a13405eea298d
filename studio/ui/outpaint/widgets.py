"""The expand-canvas dialog's two drawings: the picture on its new canvas, and the anchor grid."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QImage, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QSizePolicy, QToolButton, QWidget

from studio.imaging.outpaint import Anchor, Layout

MARGIN = 8
CELL = 32
ANCHOR_STYLE = """
QToolButton { border: 1px solid palette(mid); border-radius: 6px; background: palette(button);
    padding: 0px; }
QToolButton:hover { border-color: palette(highlight); }
QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight); }
"""
_ARROWS = {  # (row step, column step) from the chosen anchor -> the glyph on that cell
    (0, 0): "●",
    (-1, -1): "↖",
    (-1, 0): "↑",
    (-1, 1): "↗",
    (0, -1): "←",
    (0, 1): "→",
    (1, -1): "↙",
    (1, 0): "↓",
    (1, 1): "↘",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("ExpandCanvasWidgets", text)


def anchor_names() -> dict[Anchor, str]:
    return {
        Anchor.TOP_LEFT: tr("Top left"),
        Anchor.TOP: tr("Top"),
        Anchor.TOP_RIGHT: tr("Top right"),
        Anchor.LEFT: tr("Left"),
        Anchor.CENTER: tr("Centre"),
        Anchor.RIGHT: tr("Right"),
        Anchor.BOTTOM_LEFT: tr("Bottom left"),
        Anchor.BOTTOM: tr("Bottom"),
        Anchor.BOTTOM_RIGHT: tr("Bottom right"),
    }


class CanvasPreview(QWidget):
    """The thumbnail where it will sit on the new canvas; the new area hatched."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("expandPreview")
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._pixmap: QPixmap | None = None
        self._layout: Layout | None = None
        self._status = tr("Reading the picture…")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(400, 300)

    def set_image(self, thumbnail: QImage) -> None:
        """The decoded thumbnail (made on a worker thread; the pixmap is made here)."""
        self._pixmap = QPixmap.fromImage(thumbnail)
        self.update()

    def set_status(self, text: str) -> None:
        """Shown instead of the picture while there is none (reading, unreadable)."""
        self._status = text
        self.update()

    def set_layout(self, layout: Layout | None) -> None:
        """Where the picture goes, or None to show it alone (nothing valid chosen)."""
        self._layout = layout
        self.update()

    @property
    def has_image(self) -> bool:
        return self._pixmap is not None

    def canvas_rect(self) -> QRectF | None:
        """Where the new canvas is drawn (None while there is no layout)."""
        if self._layout is None:
            return None
        return self._fitted(*self._layout.canvas_size)

    def _fitted(self, width: float, height: float) -> QRectF:
        bounds = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        scale = min(bounds.width() / width, bounds.height() / height)
        return QRectF(
            bounds.center().x() - width * scale / 2,
            bounds.center().y() - height * scale / 2,
            width * scale,
            height * scale,
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        palette = self.palette()
        if self._pixmap is None:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._status)
            return
        layout = self._layout
        if layout is None:
            size = self._pixmap.size()
            picture = self._fitted(size.width(), size.height())
        else:
            canvas = self._fitted(*layout.canvas_size)
            scale = canvas.width() / layout.canvas_size[0]
            self._paint_canvas(painter, palette, canvas)
            x, y = layout.offset
            width, height = layout.placed_size
            picture = QRectF(
                canvas.x() + x * scale, canvas.y() + y * scale, width * scale, height * scale
            )
        painter.drawPixmap(picture, self._pixmap, QRectF(self._pixmap.rect()))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
        painter.drawRect(picture.adjusted(-1, -1, 1, 1))

    def _paint_canvas(self, painter: QPainter, palette: QPalette, canvas: QRectF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRect(canvas)
        hatch = QBrush(palette.color(QPalette.ColorRole.Mid), Qt.BrushStyle.BDiagPattern)
        painter.setBrush(hatch)
        painter.drawRect(canvas)
        pen = QPen(palette.color(QPalette.ColorRole.Dark), 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(canvas.adjusted(0.5, 0.5, -0.5, -0.5))


class AnchorGrid(QWidget):
    """Nine buttons: where the picture stays; arrows point to where the canvas grows."""

    changed = Signal(object)  # Anchor, on a user's click

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("anchorGrid")
        self.setStyleSheet(ANCHOR_STYLE)
        self._anchor = Anchor.CENTER
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[Anchor, QToolButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for anchor, name in anchor_names().items():
            button = QToolButton(self)
            button.setObjectName(f"anchor-{anchor.value}")
            button.setCheckable(True)
            button.setFixedSize(CELL, CELL)
            button.setToolTip(tr("Keep the picture at: {place}").format(place=name))
            button.setAccessibleName(name)
            button.clicked.connect(lambda _=False, a=anchor: self._clicked(a))
            self.group.addButton(button)
            grid.addWidget(button, anchor.row, anchor.column)
            self.buttons[anchor] = button
        self.set_anchor(Anchor.CENTER)

    def anchor(self) -> Anchor:
        return self._anchor

    def set_anchor(self, anchor: Anchor) -> None:
        self._anchor = anchor
        for cell, button in self.buttons.items():
            step = (cell.row - anchor.row, cell.column - anchor.column)
            button.setText(_ARROWS.get(step, ""))
            button.setChecked(cell is anchor)

    def _clicked(self, anchor: Anchor) -> None:
        self.set_anchor(anchor)
        self.changed.emit(anchor)
