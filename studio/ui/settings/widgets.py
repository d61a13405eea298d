"""Small pieces the settings tabs share: plain-text message lines and the remove confirmation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from studio.ui.icons import icon


def tr(text: str) -> str:
    return QCoreApplication.translate("SettingsWidgets", text)


def set_role(label: QLabel, role: str) -> None:
    """Restyle ``label`` as "error", "hint" or plain ("") text (theme.py's label roles)."""
    if label.property("role") != role:
        label.setProperty("role", role)
        label.style().unpolish(label)
        label.style().polish(label)


def message_label(name: str, role: str = "") -> QLabel:
    """A hidden, wrapping, plain-text line for messages (never rich text: relays' words go here)."""
    label = QLabel(objectName=name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setProperty("role", role)
    label.hide()
    return label


class RemoveConfirmation(QFrame):
    """'Remove “name” and its key?' inline, instead of a modal question."""

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("removeConfirmation")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm_button = QPushButton(
            icon("trash"), tr("Remove"), objectName="confirmRemoveButton"
        )
        self.confirm_button.clicked.connect(self._on_confirmed)
        self.keep_button = QPushButton(tr("Keep"), objectName="keepProfileButton")
        self.keep_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 8, 8, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.confirm_button)
        row.addWidget(self.keep_button)
        self.hide()

    def ask(self, name: str) -> None:
        self.text.setText(
            tr("Remove “{name}” and its key? This cannot be undone.").format(name=name)
        )
        self.show()
        self.keep_button.setFocus()

    def _on_confirmed(self) -> None:
        self.hide()
        self.confirmed.emit()
