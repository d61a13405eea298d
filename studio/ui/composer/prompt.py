"""The prompt editor (Ctrl+Enter generates, Ctrl+Up/Down recall prompts) and its history list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.ui.composer.sources import carries_images

TOOLTIP_CHARS = 600


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerPrompt", text)


def _is_submit(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and bool(
        event.modifiers() & Qt.KeyboardModifier.ControlModifier
    )


def _recall_step(event: QKeyEvent) -> int:
    """+1 (older) for Ctrl+Up, -1 (newer) for Ctrl+Down, else 0."""
    if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()), 0)
    return 0


class KeyClaimer(Protocol):
    """A popup over the editor that takes some keys while it is open (the prompt library's
    ``/``): ``claims`` says which, ``handle`` acts on one (True: taken)."""

    def claims(self, event: QKeyEvent) -> bool: ...

    def handle(self, event: QKeyEvent) -> bool: ...


class PromptEditor(QPlainTextEdit):
    """Multi-line text with undo/redo. Ctrl+Enter asks to generate; images pasted or dropped here
    become references rather than text."""

    submitted = Signal()
    images_pasted = Signal(QMimeData)

    def __init__(
        self, history: Callable[[], list[str]] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.setTabChangesFocus(True)
        self._recall_index = -1  # -1: the user's own draft
        self._draft = ""
        self._recalling = False
        self._lines: tuple[int, int] | None = None
        self.popup_keys: KeyClaimer | None = None  # the prompt library's "/" popup
        self.context_actions: list[QAction] = []  # added to the editor's own context menu
        self.textChanged.connect(self._edited)

    def grow_with_text(self, fewest: int, most: int) -> None:
        """Be ``fewest`` lines tall, growing with the text up to ``most`` (then scroll)."""
        self._lines = (fewest, most)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _: self._fit())
        self._fit()

    def _fit(self) -> None:
        if self._lines is None:
            return
        fewest, most = self._lines
        lines = max(
            fewest, min(most, int(self.document().documentLayout().documentSize().height()))
        )
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * int(self.document().documentMargin())
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + frame)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()  # narrower means more wrapped lines

    def event(self, event: QEvent) -> bool:
        # Claim our keys before any window shortcut can (the editor already claims Ctrl+Return).
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            claimed = self.popup_keys is not None and self.popup_keys.claims(event)
            if claimed or _is_submit(event) or (self.history and _recall_step(event)):
                event.accept()
                return True
        if event.type() == QEvent.Type.KeyPress and self.popup_keys is not None:
            assert isinstance(event, QKeyEvent)  # before Tab moves the focus
            if self.popup_keys.claims(event) and self.popup_keys.handle(event):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if _is_submit(event):
            event.accept()
            self.submitted.emit()
            return
        if self.history is not None and (step := _recall_step(event)):
            event.accept()
            self.recall(step)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        menu = self.createStandardContextMenu(event.pos())
        if self.context_actions:
            menu.addSeparator()
            menu.addActions(self.context_actions)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())  # never exec(): the event loop keeps running

    def replace_text(self, text: str) -> None:
        """Put ``text`` in place of everything, as one undoable edit."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    # -- history ---------------------------------------------------------------------------

    def recall(self, step: int) -> None:
        """Show an older (+1) or newer (-1) prompt from the history; past the newest, the draft."""
        prompts = self.history() if self.history else []
        if not prompts:
            return
        if self._recall_index == -1:
            self._draft = self.toPlainText()
        index = max(-1, min(len(prompts) - 1, self._recall_index + step))
        if index == self._recall_index:
            return
        self._recalling = True
        try:
            self.replace_text(self._draft if index == -1 else prompts[index])
        finally:
            self._recalling = False
        self._recall_index = index

    def _edited(self) -> None:
        if not self._recalling:
            self._recall_index = -1

    # -- images become references ----------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802
        return carries_images(source) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        if carries_images(source):
            self.images_pasted.emit(source)
            return
        super().insertFromMimeData(source)


class PromptHistoryPopup(QFrame):
    """Recent prompts, newest first; type to filter, Enter or click to use one."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("promptHistory")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.search = QLineEdit()
        self.search.setObjectName("historySearch")
        self.search.setPlaceholderText(tr("Search recent prompts…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.search.installEventFilter(self)
        self.list = QListWidget()
        self.list.setObjectName("historyList")
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self._empty: QListWidgetItem | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.search)
        layout.addWidget(self.list)

    def open_at(self, position: QPoint, width: int, prompts: list[str]) -> None:
        self.list.clear()
        for prompt in prompts:
            item = QListWidgetItem(" ".join(prompt.split()))
            item.setData(Qt.ItemDataRole.UserRole, prompt)
            tip = prompt if len(prompt) <= TOOLTIP_CHARS else prompt[:TOOLTIP_CHARS] + "…"
            item.setToolTip(tip)
            self.list.addItem(item)
        self._empty = QListWidgetItem(tr("No prompts yet: the ones you send appear here."))
        self._empty.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(self._empty)
        self.search.clear()
        self.filter("")
        self.resize(max(width, 320), 360)
        self.move(position)
        self.show()
        self.search.setFocus(Qt.FocusReason.PopupFocusReason)

    def visible_items(self) -> list[QListWidgetItem]:
        return [
            self.list.item(i)
            for i in range(self.list.count())
            if not self.list.item(i).isHidden() and self.list.item(i) is not self._empty
        ]

    def filter(self, text: str) -> None:
        words = text.lower().split()
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item is self._empty:
                continue
            prompt = str(item.data(Qt.ItemDataRole.UserRole)).lower()
            item.setHidden(not all(word in prompt for word in words))
        visible = self.visible_items()
        if self._empty is not None:
            self._empty.setHidden(bool(visible))
        if self._empty is not None and not visible and text:
            self._empty.setText(tr("No recent prompt contains “{text}”.").format(text=text))
        self.list.setCurrentItem(visible[0] if visible else None)

    def _activated(self, item: QListWidgetItem) -> None:
        prompt = item.data(Qt.ItemDataRole.UserRole)
        if prompt is not None:
            self.close()
            self.chosen.emit(str(prompt))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.list.currentItem()
                if current is not None and not current.isHidden():
                    self._activated(current)
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                visible = self.visible_items()
                if visible:
                    current = self.list.currentItem()
                    index = visible.index(current) if current in visible else -1
                    step = 1 if event.key() == Qt.Key.Key_Down else -1
                    self.list.setCurrentItem(visible[max(0, min(len(visible) - 1, index + step))])
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
