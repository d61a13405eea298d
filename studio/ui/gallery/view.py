"""The gallery's grid: what a person does with it.

Square cells fill the width; Ctrl+wheel makes them bigger or smaller. Arrows move, Enter and
Space open, Ctrl+A selects everything loaded; other keys (Delete, F, Ctrl+Z) are left to the
window's actions. A right click asks for the menu on the selection; tiles drag out as image ids
and as files. The next page is asked for two screens before the end.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QDrag, QKeyEvent, QPainter, QPixmap, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView

from studio.ui.gallery.grid import TileGrid
from studio.ui.gallery.model import GalleryModel
from studio.ui.gallery.thumbnails import ThumbnailCache
from studio.ui.gallery.tiles import ImageTile

CELL_SIZES = (136, 168, 200, 240, 288, 344)
PREFETCH_SCREENS = 2  # ask for the next page this many screens before the end
ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class GalleryView(TileGrid):
    image_activated = Signal(int)
    context_requested = Signal(list, object)  # image ids, global QPoint

    def __init__(self, model: GalleryModel, thumbnails: ThumbnailCache) -> None:
        super().__init__(model, thumbnails)
        self.setObjectName("galleryView")
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu)
        self.doubleClicked.connect(self._on_double_clicked)
        self.verticalScrollBar().valueChanged.connect(self._prefetch)

    # -- tile size -------------------------------------------------------------------------

    def zoom(self, steps: int) -> None:
        sizes = CELL_SIZES
        nearest = min(range(len(sizes)), key=lambda i: abs(sizes[i] - self.cell_target))
        self.cell_target = sizes[max(0, min(len(sizes) - 1, nearest + steps))]
        anchor = self.currentIndex()
        self._fit_cells()
        if anchor.isValid():
            self.scrollTo(anchor, QAbstractItemView.ScrollHint.PositionAtCenter)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def repaint_live(self) -> None:
        """Once a second: the running tiles that can be seen, and nothing else."""
        visible = self.visible_rows()
        for row in self.gallery.live_rows():
            if row in visible:
                self.viewport().update(self.visualRect(self.gallery.index(row)))

    # -- loading ahead ---------------------------------------------------------------------

    def _prefetch(self, value: int) -> None:
        bar = self.verticalScrollBar()
        ahead = self.viewport().height() * PREFETCH_SCREENS
        if bar.maximum() - value <= ahead and self.gallery.canFetchMore(QModelIndex()):
            self.gallery.fetchMore(QModelIndex())

    # -- keys and clicks -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() in ACTIVATE_KEYS and plain:
            image_id = self.gallery.image_id(self.currentIndex().row())
            if image_id is not None:
                self.image_activated.emit(image_id)
                event.accept()
                return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802
        """Typing is not a search here (it would walk 100,000 rows); the search field is."""
        del search

    def _on_double_clicked(self, index: QModelIndex) -> None:
        image_id = self.gallery.image_id(index.row())
        if image_id is not None:
            self.image_activated.emit(image_id)

    def _on_context_menu(self, position: QPoint) -> None:
        index = self.indexAt(position)
        selection = self.selectionModel()
        if index.isValid() and not selection.isSelected(index):
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        image_ids = self.selected_image_ids()
        if image_ids:
            self.context_requested.emit(image_ids, self.viewport().mapToGlobal(position))

    # -- selection and dragging ------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        rows: set[int] = set()
        for selected in self.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        return sorted(rows)

    def selected_image_ids(self) -> list[int]:
        found = (self.gallery.image_id(row) for row in self.selected_rows())
        return [image_id for image_id in found if image_id is not None]

    def startDrag(self, supported: Qt.DropAction) -> None:  # noqa: N802
        rows = [row for row in self.selected_rows() if self.gallery.image_id(row) is not None]
        if not rows:
            return
        mime = self.gallery.mimeData([self.gallery.index(row) for row in rows])
        drag = QDrag(self)
        drag.setMimeData(mime)
        current = self.currentIndex().row()
        pixmap = self._drag_pixmap(current if current in rows else rows[0], len(rows))
        if pixmap is not None:
            drag.setPixmap(pixmap)
            scale = max(1.0, pixmap.devicePixelRatio())
            drag.setHotSpot(
                QPoint(int(pixmap.width() / scale / 2), int(pixmap.height() / scale / 2))
            )
        drag.exec(Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)

    def _drag_pixmap(self, row: int, count: int) -> QPixmap | None:
        tile = self.gallery.tile(row)
        if not isinstance(tile, ImageTile):
            return None
        source = self.thumbnails.pixmap(tile, self.tile_box())
        if source is None:
            return None
        ratio = source.devicePixelRatio()
        picture = source.scaled(
            int(96 * ratio),
            int(96 * ratio),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        picture.setDevicePixelRatio(ratio)
        if count > 1:
            painter = QPainter(picture)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            width = int(picture.width() / ratio)
            badge = QRect(width - 32, 4, 28, 20)
            palette = self.palette()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.highlight())
            painter.drawRoundedRect(badge, 10, 10)
            painter.setPen(palette.highlightedText().color())
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(count))
            painter.end()
        return picture
