"""Drops on the reference tray: files, images and links are added where they land; a tile
dragged within the tray moves there. A line marks the insertion point while dragging."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFrame

from studio.ui.composer.sources import GALLERY_MIME, MOVE_MIME, carries_images
from studio.ui.composer.tile import ReferenceTile


class TrayDrops:
    """Mixed into :class:`ReferenceTray` (a QWidget) before QWidget."""

    tiles: list[ReferenceTile]
    area: QFrame
    marker: QFrame

    if TYPE_CHECKING:  # provided by ReferenceTray

        def move_reference(self, source: int, target: int) -> None: ...
        def add_mime(
            self, mime: QMimeData, *, pasted: bool = False, at: int | None = None
        ) -> bool: ...
        def _changed(self) -> None: ...

    def _accepts(self, mime: QMimeData) -> bool:
        return (
            mime.hasFormat(MOVE_MIME)
            or mime.hasFormat(GALLERY_MIME)
            or carries_images(mime)
            or mime.hasUrls()
        )

    def _insertion_index(self, position: QPoint) -> int:
        """Where a drop at ``position`` (tray coordinates) goes: before the tile it is left of."""
        point = self.area.mapFrom(self, position)
        for index, tile in enumerate(self.tiles):
            box = tile.geometry()
            if point.y() < box.top():
                return index
            if point.y() <= box.bottom() and point.x() < box.center().x():
                return index
        return len(self.tiles)

    def _set_dropping(self, on: bool) -> None:
        self.area.setProperty("dropping", "true" if on else "false")
        self.area.style().unpolish(self.area)
        self.area.style().polish(self.area)
        if not on:
            self.marker.hide()

    def _show_marker(self, index: int) -> None:
        if index < len(self.tiles):
            box = self.tiles[index].geometry()
            self.marker.move(box.left() - 6, box.top())
        elif self.tiles:
            box = self.tiles[-1].geometry()
            self.marker.move(box.right() + 3, box.top())
        else:
            self.marker.hide()
            return
        self.marker.show()
        self.marker.raise_()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
            self._set_dropping(True)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if not self._accepts(event.mimeData()):
            event.ignore()
            return
        event.acceptProposedAction()
        self._show_marker(self._insertion_index(event.position().toPoint()))

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        self._set_dropping(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self._set_dropping(False)
        mime = event.mimeData()
        target = self._insertion_index(event.position().toPoint())
        if mime.hasFormat(MOVE_MIME):
            try:
                source = int(bytes(mime.data(MOVE_MIME).data()).decode())
            except ValueError:
                event.ignore()
                return
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self.move_reference(source, target)
            return
        if self.add_mime(mime, at=target):  # files are placed where they were dropped
            event.acceptProposedAction()
        else:
            event.ignore()
