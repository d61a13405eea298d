"""The list of the Boards sidebar: "All images", "No board", then each board with its image
count. Gallery tiles dropped on a board (or on "No board") ask to move there; the board that
receives new results carries a small sparkle."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from studio.ui.boards.texts import all_images, no_board
from studio.ui.gallery.model import MIME_IMAGE_IDS
from studio.ui.icons import icon


def tr(text: str) -> str:
    return QCoreApplication.translate("Boards", text)


ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_HEIGHT = 32
BOARD_KEYS = (Qt.Key.Key_F2, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
ICON = 16
Kind = Literal["all", "none", "board", "new"]  # "new": the row a new name is typed in


@dataclass(frozen=True)
class Entry:
    """One row: every image, the images on no board, or a board."""

    kind: Kind
    board_id: int | None = None
    name: str = ""
    count: int = 0

    @property
    def key(self) -> tuple[Kind, int | None]:
        return (self.kind, self.board_id)

    @property
    def receives(self) -> bool:
        """Whether images can be put here (and new results sent here)."""
        return self.kind in ("none", "board")

    @property
    def label(self) -> str:
        return {"all": all_images, "none": no_board}.get(self.kind, lambda: self.name)()


def image_ids(data: bytes) -> list[int]:
    """The gallery's dragged image ids (an empty list when they can't be read)."""
    try:
        found = json.loads(data.decode())
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(found, list):
        return []
    return [value for value in found if isinstance(value, int) and not isinstance(value, bool)]


def _glyph(entry: Entry, selected: bool) -> QIcon:
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    if entry.kind == "all":
        return icon("fit", role)
    if entry.kind == "none" and not selected:
        return icon("folder", QPalette.ColorRole.PlaceholderText)
    return icon("folder", role)


class BoardDelegate(QStyledItemDelegate):
    """Icon, name (elided), the sparkle on the receiving board, the count in a quiet colour."""

    def __init__(self, board_list: BoardList) -> None:
        super().__init__(board_list)
        self.board_list = board_list

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, Entry):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        if entry.kind == "new":  # the name editor covers it
            option.state &= ~QStyle.StateFlag.State_Selected
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(12 + ICON + 8, 0, -10, 0)
        painter.save()
        glyph = QRect(option.rect.left() + 12, option.rect.center().y() - ICON // 2, ICON, ICON)
        _glyph(entry, selected).paint(painter, glyph)
        count = str(entry.count) if entry.kind != "new" else ""
        metrics = option.fontMetrics
        count_width = metrics.horizontalAdvance(count)
        quiet = palette.color(text_role)
        if not selected:
            quiet = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(quiet)
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, count)
        name_rect = rect.adjusted(0, 0, -count_width - 8, 0)
        receiving = entry.receives and entry.board_id == self.board_list.destination
        if receiving:
            name_rect.adjust(0, 0, -18, 0)
        font = QFont(option.font)
        if receiving:
            font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(palette.color(text_role))
        name = painter.fontMetrics().elidedText(
            entry.label, Qt.TextElideMode.ElideRight, name_rect.width()
        )
        painter.drawText(
            name_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name
        )
        if receiving:
            used = painter.fontMetrics().horizontalAdvance(name)
            mark = QRect(name_rect.left() + used + 4, rect.center().y() - 7, 14, 14)
            icon(
                "generate",
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight,
            ).paint(painter, mark)
        if index.row() == self.board_list.drop_row:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(option.rect.adjusted(2, 2, -2, -2), 6, 6)
        painter.restore()


class BoardList(QListWidget):
    images_dropped = Signal(list, object)  # image ids, board id (None: no board)
    rename_requested = Signal(object)  # Entry
    delete_requested = Signal(object)  # Entry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardList")
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setUniformItemSizes(True)
        self.setAccessibleName(tr("Boards"))
        self.destination: int | None = None  # the board receiving new results
        self.drop_row = -1
        self.setItemDelegate(BoardDelegate(self))
        self.itemDoubleClicked.connect(self._on_double_clicked)

    # -- the rows --------------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        return [self.entry(self.item(row)) for row in range(self.count())]

    @staticmethod
    def entry(item: QListWidgetItem | None) -> Entry:
        found = item.data(ENTRY_ROLE) if item is not None else None
        return found if isinstance(found, Entry) else Entry("all")

    def current_entry(self) -> Entry:
        return self.entry(self.currentItem())

    def row_of(self, key: tuple[Kind, int | None]) -> int:
        for row in range(self.count()):
            if self.entry(self.item(row)).key == key:
                return row
        return -1

    def set_entries(self, entries: list[Entry], current: tuple[Kind, int | None]) -> None:
        """Show ``entries`` with ``current`` selected, without telling anyone (signals off).
        The same rows with new counts are updated in place (a hover or a drag goes on)."""
        self.blockSignals(True)
        if [entry.key for entry in self.entries()] == [entry.key for entry in entries]:
            for row, entry in enumerate(entries):
                item = self.item(row)
                item.setText(entry.label)
                item.setData(ENTRY_ROLE, entry)
            self.refresh_marks()
            self.setCurrentRow(max(self.row_of(current), 0))
            self.blockSignals(False)
            return
        self.clear()
        for entry in entries:
            item = QListWidgetItem(entry.label)
            item.setData(ENTRY_ROLE, entry)
            item.setToolTip(self._tooltip(entry))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self._accessible(entry))
            self.addItem(item)
        row = self.row_of(current)
        self.setCurrentRow(max(row, 0))
        self.blockSignals(False)
        self.viewport().update()

    def refresh_marks(self) -> None:
        """The receiving board changed: its sparkle, the tooltips and the spoken texts."""
        for row in range(self.count()):
            item = self.item(row)
            entry = self.entry(item)
            item.setToolTip(self._tooltip(entry))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self._accessible(entry))
        self.viewport().update()

    def _tooltip(self, entry: Entry) -> str:
        if entry.kind == "all":
            return tr("Every image, whatever its board")
        lines = [tr("Drop images here to move them.")]
        if entry.board_id == self.destination:
            lines.insert(0, tr("New results go here."))
        if entry.kind == "board":
            lines.append(tr("Double-click or F2 to rename; right-click for more."))
        return "\n".join(lines)

    def _accessible(self, entry: Entry) -> str:
        text = tr("{name}, {count} image(s)").format(name=entry.label, count=entry.count)
        if entry.receives and entry.board_id == self.destination:
            text += ", " + tr("new results go here")
        return text

    def item_rect(self, row: int) -> QRect:
        return self.visualItemRect(self.item(row))

    # -- keys and clicks -------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Delete, Backspace and F2 on a board are the list's, not the window's shortcuts
        (Delete there trashes the gallery's selection)."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in BOARD_KEYS
            and self.current_entry().kind == "board"
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        entry = self.current_entry()
        if entry.kind == "board" and event.key() == Qt.Key.Key_F2:
            self.rename_requested.emit(entry)
            event.accept()
            return
        if entry.kind == "board" and event.key() in BOARD_KEYS[1:]:
            self.delete_requested.emit(entry)
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_double_clicked(self, item: QListWidgetItem) -> None:
        entry = self.entry(item)
        if entry.kind == "board":
            self.rename_requested.emit(entry)

    # -- drops: gallery tiles onto a board -------------------------------------------------

    def _target(self, event: QDragMoveEvent | QDropEvent) -> Entry | None:
        if not event.mimeData().hasFormat(MIME_IMAGE_IDS):
            return None
        item = self.itemAt(event.position().toPoint())
        entry = self.entry(item) if item is not None else None
        return entry if entry is not None and entry.receives else None

    def _show_drop_row(self, row: int) -> None:
        if row != self.drop_row:
            self.drop_row = row
            self.viewport().update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME_IMAGE_IDS):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        target = self._target(event)
        if target is None:
            self._show_drop_row(-1)
            event.ignore()
            return
        self._show_drop_row(self.row_of(target.key))
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        self._show_drop_row(-1)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        target = self._target(event)
        self._show_drop_row(-1)
        ids = image_ids(bytes(event.mimeData().data(MIME_IMAGE_IDS).data()))
        if target is None or not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.images_dropped.emit(ids, target.board_id)
