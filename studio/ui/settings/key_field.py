"""The API key field: masked, with an eye to check what was typed, never filled from the keyring.

It starts empty; its placeholder says where the stored key is ("•••• stored in the system
keyring"). Only a key the user types leaves it, through :meth:`KeyField.typed`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from studio.domain.keys import api_key_problem
from studio.settings.secrets import KeyStatus, key_variable
from studio.ui import i18n
from studio.ui.icons import icon


def tr(text: str) -> str:
    return QCoreApplication.translate("KeyField", text)


class KeyField(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(objectName="keyEdit")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.show_action = self.edit.addAction(
            icon("eye"), QLineEdit.ActionPosition.TrailingPosition
        )
        self.show_action.setObjectName("showKeyAction")
        self.show_action.setCheckable(True)
        self.show_action.toggled.connect(self._on_show)
        self.hint = QLabel(objectName="keyHint")
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.edit)
        column.addWidget(self.hint)
        self._on_show(False)

    def _on_show(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_action.setIcon(icon("eye-off" if shown else "eye"))
        self.show_action.setToolTip(
            tr("Hide the key you are typing") if shown else tr("Show the key you are typing")
        )

    def clear(self) -> None:
        """Forget what was typed (setText also empties the undo history) and mask the field."""
        self.edit.setText("")
        self.show_action.setChecked(False)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.show_action.setVisible(not read_only)

    def set_state(
        self, status: KeyStatus | None, *, profile_name: str = "", copied_from: str = ""
    ) -> None:
        """Say where the profile's key is, without ever showing it (None: not known yet)."""
        if copied_from:
            placeholder = tr("•••• the key of {name} will be copied").format(name=copied_from)
            hint = tr("Type a key to use another one.")
        elif status is KeyStatus.STORED:
            placeholder = tr("•••• stored in the system keyring")
            hint = tr("Type a new key to replace it; leave the field empty to keep it.")
        elif status is KeyStatus.SESSION_ONLY:
            placeholder = tr("•••• kept for this session only")
            hint = tr("No system keyring is available: the key is forgotten when Studio quits.")
        elif status is KeyStatus.FROM_ENVIRONMENT:
            placeholder = tr("•••• from the environment")
            hint = tr("The key comes from {variable}. Type one to store it instead.").format(
                variable=key_variable(profile_name)
            )
        elif status is KeyStatus.MISSING:
            placeholder = tr("Paste the API key the relay gave you")
            hint = tr("Kept in the system keyring, never in a file.")
        else:
            placeholder, hint = "", ""
        self.edit.setPlaceholderText(placeholder)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def set_built_in(self, has_key: bool) -> None:
        self.set_state(None)
        self.edit.setPlaceholderText(tr("•••• built in") if has_key else "")

    def problem(self) -> str | None:
        """Why the typed key cannot be a key, if it cannot: what a header cannot carry (named,
        the same rule as before every request), or spaces."""
        typed = self.edit.text().strip()
        if (error := api_key_problem(typed)) is not None:
            return i18n.message(error)
        if any(character.isspace() for character in typed):
            return tr("The API key contains spaces or line breaks. Paste only the key.")
        return None

    def typed(self) -> str | None:
        """The key the user typed, trimmed (None: nothing typed; keep the stored key)."""
        return self.edit.text().strip() or None
