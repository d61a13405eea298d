"""Typing a board's name in place, over its row: Enter saves, Esc gives up, clicking elsewhere
saves what was typed. The editor stays open while the name is refused (the panel says why)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from studio.store.boards import MAX_NAME


def tr(text: str) -> str:
    return QCoreApplication.translate("Boards", text)


class NameEditor(QLineEdit):
    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("boardNameEditor")
        self.setMaxLength(MAX_NAME + 20)  # longer is refused in words, not cut silently
        self.setPlaceholderText(tr("Board name"))
        self.setAccessibleName(tr("Board name"))
        self.original = ""
        self.busy = False  # a name is being saved: wait for the answer
        self.hide()

    def open(self, rect: QRect, text: str = "") -> None:
        self.original = text
        self.busy = False
        self.setGeometry(rect.adjusted(32, 3, -6, -3))
        self.setText(text)
        self.selectAll()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_editor(self) -> None:
        self.busy = False
        self.hide()

    def _submit(self) -> None:
        if not self.busy and self.isVisible():
            self.submitted.emit(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            if not self.busy:
                self.cancelled.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self._submit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if not self.isVisible() or self.busy:
            return
        if event.reason() in (
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.ActiveWindowFocusReason,
        ):
            return  # a menu or another window for a moment: keep typing after
        if self.text().strip() and self.text() != self.original:
            self._submit()
        else:
            self.cancelled.emit()
