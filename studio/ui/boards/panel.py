"""The Boards sidebar: choose what the gallery shows (all images, those on no board, one
board), which board receives new results, and create, rename, delete and export boards.

Clicking a board (or "No board") shows it and makes it receive new results, as InvokeAI's
auto-add board follows the board clicked; "All images" shows everything and leaves new results
where they were going. The footer's picker changes the receiving board alone. The receiving
board is remembered between runs. Every question to the history goes through the bridge.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.store.boards import Board, BoardNameError, clean_name
from studio.ui.boards.board_list import ENTRY_ROLE, BoardList, Entry, Kind
from studio.ui.boards.exporter import BoardExporter
from studio.ui.boards.name_editor import NameEditor
from studio.ui.boards.texts import moved, name_problem, no_board
from studio.ui.icons import icon
from studio.ui.services import Services
from studio.ui.widgets.labels import section_label

RELOAD_MS = 300  # counts follow new images at most this often
NOTE_MS = 15000  # how long a note that all went well stays (problems stay until the next step)
SETTING = "boards/destination"
ALL: tuple[Kind, int | None] = ("all", None)
NEW = "new"


def tr(text: str) -> str:
    return QCoreApplication.translate("Boards", text)


class BoardsPanel(QWidget):
    board_chosen = Signal(object, bool, str)  # board id or None, "no board", the board's name
    message = Signal(str)  # a short status line

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.setObjectName("boardsPanel")
        self.services = services
        self.bridge = services.bridge
        self.boards: list[Board] = []
        self.loaded = False
        self._view: tuple[Kind, int | None] = ALL
        self._view_name = ""
        self._editing: int | str | None = None  # a board's id, NEW, or None
        self._pending_view: tuple[Kind, int | None] | None = None

        header = QHBoxLayout()
        header.setContentsMargins(12, 8, 6, 0)
        title = section_label(tr("Boards"))
        self.add_button = QToolButton()
        self.add_button.setObjectName("addBoard")
        self.add_button.setIcon(icon("add"))
        self.add_button.setAutoRaise(True)
        self.add_button.setToolTip(tr("New board"))
        self.add_button.setAccessibleName(tr("New board"))
        self.add_button.clicked.connect(self.new_board)
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.add_button)

        self.list = BoardList()
        self.editor = NameEditor(self.list.viewport())
        self.note = QLabel()
        self.note.setObjectName("boardMessage")
        self.note.setWordWrap(True)
        self.note.setContentsMargins(12, 0, 8, 0)
        # a long folder path must not widen the sidebar: the status bar and tooltip show it all
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note.setMinimumWidth(1)
        self.note.hide()
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_MS)
        self._note_timer.timeout.connect(lambda: self._say(""))
        self.exporter = BoardExporter(services)

        footer = QVBoxLayout()
        footer.setContentsMargins(12, 4, 8, 8)
        footer.setSpacing(4)
        caption = section_label(tr("New results go to"))
        self.destination_box = QComboBox()
        self.destination_box.setObjectName("boardDestination")
        self.destination_box.setToolTip(tr("The board that receives the images you generate"))
        self.destination_box.setAccessibleName(tr("New results go to"))
        caption.setBuddy(self.destination_box)
        footer.addWidget(caption)
        footer.addWidget(self.destination_box)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.exporter)
        layout.addLayout(footer)
        self.setMinimumWidth(170)

        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(RELOAD_MS)
        self._reload.timeout.connect(self.refresh)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.images_dropped.connect(self.move_images)
        self.list.rename_requested.connect(self.rename)
        self.list.delete_requested.connect(self.delete)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.verticalScrollBar().valueChanged.connect(lambda _: self._place_editor())
        self.editor.submitted.connect(self._on_name_submitted)
        self.editor.cancelled.connect(self._cancel_editing)
        self.exporter.finished.connect(self._on_export_finished)
        self.destination_box.activated.connect(self._on_destination_picked)
        self.bridge.boards_changed.connect(self.refresh)
        self.bridge.history_changed.connect(self._reload_soon)
        self.bridge.image_saved.connect(lambda *_: self._reload_soon())

        self.bridge.board_id = self._remembered()
        self._fill_destinations()
        self.refresh()

    # -- what others ask -------------------------------------------------------------------

    @property
    def destination(self) -> int | None:
        """The board receiving new results (None: no board)."""
        return self.bridge.board_id

    def choices(self) -> list[tuple[int | None, str]]:
        """Where images can be moved: "No board", then each board (the image menu's list)."""
        return [(None, no_board()), *((board.id, board.name) for board in self.boards)]

    def refresh(self) -> None:
        """Read the boards and their counts again (on the store's thread)."""
        self._reload.stop()
        self.bridge.spawn(self.bridge.boards(), self._fill)

    def _reload_soon(self) -> None:
        """At most one reading per RELOAD_MS, however many images arrive (a batch)."""
        if not self._reload.isActive():
            self._reload.start()

    def show_view(self, kind: Kind, board_id: int | None = None) -> None:
        """Select a row as a click would (the gallery follows)."""
        row = self.list.row_of((kind, board_id))
        if row >= 0:
            self.list.setCurrentRow(row)

    def set_destination(self, board_id: int | None) -> None:
        if board_id is not None and board_id not in {board.id for board in self.boards}:
            board_id = None
        self.bridge.board_id = board_id
        self.services.preferences.settings.setValue(SETTING, "" if board_id is None else board_id)
        self.list.destination = board_id
        self._fill_destinations()
        self.list.refresh_marks()  # the sparkle and the tooltips

    # -- the list --------------------------------------------------------------------------

    def _remembered(self) -> int | None:
        value = self.services.preferences.settings.value(SETTING, "")
        try:
            return int(str(value)) if str(value) else None
        except ValueError:
            return None

    def _fill(self, found: tuple[list[Board], int, int]) -> None:
        boards, everything, loose = found
        self.boards = boards
        first = not self.loaded
        self.loaded = True
        ids = {board.id for board in boards}
        if self.bridge.board_id is not None and self.bridge.board_id not in ids:
            self.set_destination(None)  # removed (here or by the command line)
        self.list.destination = self.bridge.board_id
        entries = [Entry("all", count=everything), Entry("none", count=loose)]
        entries += [Entry("board", board.id, board.name, board.images) for board in boards]
        wanted = self._pending_view or self._view
        if first and self.bridge.board_id is not None:
            wanted = ("board", self.bridge.board_id)  # back where the work was
        self._pending_view = None
        if wanted[0] == "board" and wanted[1] not in ids:
            wanted = ALL
        self.list.set_entries(entries, wanted)
        self._fill_destinations()
        self._announce(self.list.current_entry(), force=first)
        if self._editing == NEW:
            self._add_placeholder()
        self._place_editor()

    def _fill_destinations(self) -> None:
        box = self.destination_box
        box.blockSignals(True)
        choices = self.choices()
        shown = [(box.itemData(row), box.itemText(row)) for row in range(box.count())]
        if shown != choices:  # rebuilt only when boards came, went or were renamed
            box.clear()
            for board_id, name in choices:
                box.addItem(icon("folder" if board_id is not None else "close"), name, board_id)
        box.setCurrentIndex(max(0, box.findData(self.bridge.board_id)))
        box.blockSignals(False)

    def _on_destination_picked(self, index: int) -> None:
        value = self.destination_box.itemData(index)
        self.set_destination(value if isinstance(value, int) else None)
        name = self.destination_box.itemText(index)
        self.message.emit(tr("New results go to “{board}”.").format(board=name))

    def _on_current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        entry = self.list.entry(item)
        self._announce(entry)
        if entry.receives and entry.board_id != self.bridge.board_id:
            self.set_destination(entry.board_id)  # the clicked board receives new results

    def _announce(self, entry: Entry, force: bool = False) -> None:
        if (entry.key, entry.name) != (self._view, self._view_name) or force:
            self._view, self._view_name = entry.key, entry.name
            self.board_chosen.emit(entry.board_id, entry.kind == "none", entry.name)

    # -- creating and renaming -------------------------------------------------------------

    def new_board(self) -> None:
        """A new row to type the new board's name in."""
        if self._editing is not None:
            self._stop_editing()
        self._editing = NEW
        self._add_placeholder()
        self._say("")
        self._place_editor(opening=True)

    def rename(self, entry: Entry) -> None:
        if entry.kind != "board" or entry.board_id is None:
            return
        if self._editing is not None:
            self._stop_editing()
        self._editing = entry.board_id
        self._say("")
        self._place_editor(opening=True, text=entry.name)

    def _add_placeholder(self) -> None:
        if self.list.row_of(("new", None)) < 0:
            item = QListWidgetItem("")
            item.setData(ENTRY_ROLE, Entry("new"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.blockSignals(True)
            self.list.addItem(item)
            self.list.blockSignals(False)

    def _editing_row(self) -> int:
        if self._editing == NEW:
            return self.list.row_of(("new", None))
        if isinstance(self._editing, int):
            return self.list.row_of(("board", self._editing))
        return -1

    def _place_editor(self, opening: bool = False, text: str = "") -> None:
        row = self._editing_row()
        if row < 0:
            if self._editing is not None and not opening:
                self._stop_editing()  # the board went away meanwhile
            return
        self.list.scrollToItem(self.list.item(row))
        rect = self.list.item_rect(row)
        if opening:
            self.editor.open(rect, text)
        else:
            self.editor.setGeometry(rect.adjusted(32, 3, -6, -3))

    def _cancel_editing(self) -> None:
        self._stop_editing()
        self._say("")

    def _stop_editing(self) -> None:
        self._editing = None
        self.editor.close_editor()
        row = self.list.row_of(("new", None))
        if row >= 0:
            self.list.blockSignals(True)
            self.list.takeItem(row)
            self.list.blockSignals(False)
        self.list.setFocus()

    def _on_name_submitted(self, text: str) -> None:
        editing = self._editing
        if editing is None:
            return
        try:  # said at once when it can be; the history has the last word
            name = clean_name(text)
            taken = {b.name.casefold() for b in self.boards if b.id != editing}
            if name.casefold() in taken:
                raise BoardNameError(name, "taken")
        except BoardNameError as error:
            self._say(name_problem(error), error=True)
            self.editor.setFocus()
            return
        self.editor.busy = True
        self.bridge.spawn(self._save_name(editing, name))

    async def _save_name(self, editing: int | str, name: str) -> None:
        try:
            if isinstance(editing, int):
                board = await self.bridge.rename_board(editing, name)
            else:
                board = await self.bridge.add_board(name)
        except BoardNameError as error:
            self.editor.busy = False
            self._say(name_problem(error), error=True)
            self.editor.setFocus()
            if error.reason == "taken":
                self.refresh()  # made elsewhere (the command line): list it
            return
        self._stop_editing()
        if board is not None:
            self._say("")
            text = (
                tr("Board “{board}” renamed.")
                if isinstance(editing, int)
                else tr("Board “{board}” created: drag images onto it, or click it to work in it.")
            )
            self.message.emit(text.format(board=board.name))

    def _say(self, text: str, error: bool = False, fleeting: bool = False) -> None:
        self._note_timer.stop()
        if fleeting:
            self._note_timer.start()
        self.note.setText(text)
        self.note.setToolTip(text)
        self.note.setProperty("role", "error" if error else "hint")
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)
        self.note.setVisible(bool(text))

    # -- moving, deleting, exporting -------------------------------------------------------

    def move_images(self, image_ids: list[int], board_id: int | None) -> None:
        """Put images on a board (None: on no board); the gallery and counts follow."""
        names = {board.id: board.name for board in self.boards}

        async def go() -> None:
            try:
                count = await self.bridge.move_images(list(image_ids), board_id)
            except sqlite3.IntegrityError:  # removed meanwhile (by the command line)
                self.message.emit(tr("That board is gone."))
                self.refresh()
                return
            self.message.emit(moved(count, names.get(board_id) if board_id is not None else None))

        self.bridge.spawn(go())

    def delete(self, entry: Entry) -> None:
        """Ask first (the images stay), never blocking the window."""
        if entry.kind != "board" or entry.board_id is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Delete board"),
            tr("Delete the board “{board}”?").format(board=entry.name),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("deleteBoard")
        box.setInformativeText(
            tr(
                "Its {count} image(s) stay in your history: they will show under “No board”. "
                "Only the board goes."
            ).format(count=entry.count)
        )
        remove = box.addButton(tr("Delete board"), QMessageBox.ButtonRole.DestructiveRole)
        remove.setObjectName("deleteBoardButton")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._remove(entry) if button is remove else None)
        box.open()

    def _remove(self, entry: Entry) -> None:
        assert entry.board_id is not None
        if self._view == entry.key:
            self._pending_view = ALL

        def done(_removed: bool) -> None:
            self.message.emit(
                tr("Board “{board}” deleted: its images are under “No board”.").format(
                    board=entry.name
                )
            )

        self.bridge.spawn(self.bridge.remove_board(entry.board_id), done)

    def export(self, entry: Entry) -> None:
        if entry.kind == "board":
            self.exporter.choose_folder(entry)

    def _on_export_finished(self, text: str, failed: bool) -> None:
        self._say(text, error=failed, fleeting=not failed)
        self.message.emit(text)

    # -- the menu on a row -----------------------------------------------------------------

    def _context_menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        entry = self.list.entry(item) if item is not None else None
        menu = QMenu(self)
        menu.setObjectName("boardMenu")

        def add(name: str, text: str, slot: Callable[[], object], enabled: bool = True) -> None:
            action = menu.addAction(text)
            action.setObjectName(name)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _=False: slot())

        if entry is not None and entry.receives:
            add(
                "sendHere",
                tr("Send new results here"),
                lambda: self.set_destination(entry.board_id),
                entry.board_id != self.bridge.board_id,
            )
        if entry is not None and entry.kind == "board":
            add("renameBoard", tr("Rename…"), lambda: self.rename(entry))
            add("exportBoard", tr("Export images…"), lambda: self.export(entry), entry.count > 0)
            menu.addSeparator()
            add("deleteBoard", tr("Delete board…"), lambda: self.delete(entry))
            menu.addSeparator()
        add("newBoard", tr("New board"), self.new_board)
        menu.popup(self.list.viewport().mapToGlobal(position))
