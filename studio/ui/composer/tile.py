"""One reference in the tray: a rounded thumbnail with its number, × on hover, draggable."""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMimeData,
    QPoint,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QEnterEvent,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QMenu, QSizePolicy, QToolButton, QWidget

from studio.domain.request import Reference
from studio.ui.composer.sources import MOVE_MIME
from studio.ui.icons import icon

TILE = 72  # px, on the 4/8 grid
RADIUS = 8.0


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerTile", text)


class ReferenceTile(QWidget):
    remove_requested = Signal(object)  # the tile
    preview_requested = Signal(object)
    move_requested = Signal(object, int)  # the tile, -1 (earlier) or +1 (later)
    expand_requested = Signal(object)  # the tile: "Expand canvas…"
    mask_requested = Signal(object)  # the tile: "Paint a mask…" (it becomes #1)
    markup_requested = Signal(object)  # the tile: "Use as markup overlay" (it leaves the tray)

    def __init__(self, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referenceTile")
        self.reference = reference
        self.index = 0
        self.over_limit = False
        self.markup_offered = False  # the model takes a markup overlay (gpt-image-2.6)
        self._pixmap: QPixmap | None = None
        self._failed = False
        self._press: QPoint | None = None
        self.setFixedSize(TILE, TILE)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("removeReference")
        self.remove_button.setIcon(icon("close"))
        self.remove_button.setIconSize(QSize(12, 12))
        self.remove_button.setFixedSize(20, 20)
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_button.setToolTip(tr("Remove (Delete)"))
        self.remove_button.setStyleSheet(
            "QToolButton { background: palette(window); border: 1px solid palette(mid);"
            " border-radius: 10px; } QToolButton:hover { border-color: palette(highlight); }"
        )
        self.remove_button.move(TILE - 22, 2)
        self.remove_button.hide()
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self._describe()

    def _describe(self) -> None:
        ref = self.reference
        if self._failed:
            self.setToolTip(tr("“{name}” could not be read as an image.").format(name=ref.name))
            return
        where = ref.url or (str(ref.path) if ref.path else tr("pasted or dropped image"))
        tip = tr("#{number} · {name}\n{where}\nDouble-click to preview; drag to reorder.")
        self.setToolTip(tip.format(number=self.index + 1, name=ref.name, where=where))
        self.setAccessibleName(
            tr("Reference {number}: {name}").format(number=self.index + 1, name=ref.name)
        )

    # -- state -----------------------------------------------------------------------------

    def set_index(self, index: int, over_limit: bool) -> None:
        self.index = index
        self.over_limit = over_limit
        self._describe()
        self.update()

    def set_image(self, image: QImage) -> None:
        """The decoded thumbnail (made on a worker thread; the pixmap is made here)."""
        self._failed = image.isNull()
        self._pixmap = None if self._failed else QPixmap.fromImage(image)
        self._describe()
        self.update()

    @property
    def has_thumbnail(self) -> bool:
        return self._pixmap is not None

    @property
    def failed(self) -> bool:
        return self._failed

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        path = QPainterPath()
        path.addRoundedRect(rect, RADIUS, RADIUS)
        if self.over_limit:
            painter.setOpacity(0.35)
        painter.fillPath(path, palette.color(QPalette.ColorRole.AlternateBase))
        if self._pixmap is not None:
            painter.save()
            painter.setClipPath(path)
            source = self._pixmap.size()
            scale = max(rect.width() / source.width(), rect.height() / source.height())
            width, height = source.width() * scale, source.height() * scale
            target = QRectF(
                rect.center().x() - width / 2, rect.center().y() - height / 2, width, height
            )
            painter.drawPixmap(target, self._pixmap, QRectF(self._pixmap.rect()))
            painter.restore()
        else:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            if self.reference.is_remote:
                text = tr("link")
            elif self._failed:
                text = tr("unreadable")
            else:
                text = "…"
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setOpacity(1.0)
        self._paint_badge(painter, palette)
        ring = palette.color(QPalette.ColorRole.Highlight) if self.hasFocus() else None
        painter.setPen(QPen(ring or palette.color(QPalette.ColorRole.Mid), 2 if ring else 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _paint_badge(self, painter: QPainter, palette: QPalette) -> None:
        badge = QRectF(5, 5, 20, 18)
        shade = QColor(0, 0, 0, 150)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(shade)
        painter.drawRoundedRect(badge, 6, 6)
        painter.setPen(QColor("#ffffff"))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(self.index + 1))

    # -- hover, focus, keys ----------------------------------------------------------------

    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802
        self.remove_button.show()
        super().enterEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        if not self.hasFocus():
            self.remove_button.hide()
        super().leaveEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.remove_button.show()
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if not self.underMouse():
            self.remove_button.hide()
        self.update()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit(self)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and ctrl:
            self.move_requested.emit(self, -1 if key == Qt.Key.Key_Left else 1)
        elif key == Qt.Key.Key_Left:
            self.focusNextPrevChild(False)
        elif key == Qt.Key.Key_Right:
            self.focusNextPrevChild(True)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.preview_requested.emit(self)
        elif event.matches(QKeySequence.StandardKey.Paste):
            event.ignore()  # the tray pastes
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = None
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        local = not self.reference.is_remote and not self._failed
        paint = menu.addAction(tr("Paint a mask…"))
        paint.setObjectName("paint_mask")
        paint.setEnabled(local)
        paint.setToolTip(tr("Makes this image #1 and opens the mask painter on it"))
        paint.triggered.connect(lambda: self.mask_requested.emit(self))
        expand = menu.addAction(tr("Expand canvas…"))
        expand.setObjectName("expand_canvas")
        expand.setEnabled(local)
        expand.triggered.connect(lambda: self.expand_requested.emit(self))
        if self.markup_offered:
            markup = menu.addAction(tr("Use as markup overlay"))
            markup.setObjectName("use_as_markup")
            markup.setToolTip(
                tr("Takes this image out of the references: it is drawn over reference #1")
            )
            markup.triggered.connect(lambda: self.markup_requested.emit(self))
        menu.popup(event.globalPos())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.preview_requested.emit(self)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        distance = (event.position().toPoint() - self._press).manhattanLength()
        if distance < QApplication.startDragDistance():
            return
        self._press = None
        mime = QMimeData()
        mime.setData(MOVE_MIME, QByteArray(str(self.index).encode()))
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self.grab().scaled(48, 48, Qt.AspectRatioMode.KeepAspectRatio))
        drag.setHotSpot(QPoint(24, 24))
        drag.exec(Qt.DropAction.MoveAction)
