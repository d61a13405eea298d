"""Save prompt to library…: a name, tags, and the text (its ``{variables}`` named below)."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from studio.settings.prompt_library import SavedPrompt, parse_tags, variables_of
from studio.ui.bridge import EngineBridge
from studio.ui.prompts.texts import refusal_text, variables_text
from studio.ui.widgets.labels import role_label

NAME_CHARS = 40


def tr(text: str) -> str:
    return QCoreApplication.translate("PromptLibrary", text)


def suggested_name(text: str) -> str:
    """The prompt's first words, at most 40 characters."""
    words = " ".join(text.split())
    if len(words) <= NAME_CHARS:
        return words
    cut = words[:NAME_CHARS].rsplit(" ", 1)[0]
    return (cut or words[:NAME_CHARS]) + "…"


async def attempt(work: Awaitable[Any]) -> tuple[Any, Exception | None]:
    """(result, None), or (None, the refusal) for what the library or the disk refuses."""
    from studio.settings.prompt_library import PromptLibraryError

    try:
        return await work, None
    except (PromptLibraryError, OSError) as error:
        return None, error


def error_text(error: Exception) -> str:
    from studio.settings.prompt_library import PromptLibraryError

    if isinstance(error, PromptLibraryError):
        return refusal_text(error)
    reason = getattr(error, "strerror", None) or type(error).__name__
    return tr("The file could not be used: {reason}").format(reason=reason)


class SavePromptDialog(QDialog):
    saved = Signal(object)  # SavedPrompt, as stored

    def __init__(self, bridge: EngineBridge, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setObjectName("savePromptDialog")
        self.setWindowTitle(tr("Save prompt to library"))
        self.resize(520, 380)
        self._replacing = False
        self.name_edit = QLineEdit(suggested_name(text))
        self.name_edit.setObjectName("promptName")
        self.name_edit.textEdited.connect(self._edited)
        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("promptTags")
        self.tags_edit.setPlaceholderText(tr("e.g. product, poster (comma-separated)"))
        self.text_edit = QPlainTextEdit(text)
        self.text_edit.setObjectName("promptText")
        self.text_edit.textChanged.connect(self._show_variables)
        self.variables_label = role_label("hint")
        self.variables_label.setWordWrap(True)
        self.error_label = role_label("error")
        self.error_label.setObjectName("savePromptError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(tr("Name"), self.name_edit)
        form.addRow(tr("Tags"), self.tags_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("savePromptButton")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.variables_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._show_variables()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.name_edit.selectAll()

    def _show_variables(self) -> None:
        self.variables_label.setText(variables_text(variables_of(self.text_edit.toPlainText())))

    def _edited(self) -> None:
        if self._replacing:
            self._replacing = False
            self.save_button.setText(tr("Save"))
        self.error_label.hide()

    def save(self) -> None:
        prompt = SavedPrompt(
            self.name_edit.text(),
            self.text_edit.toPlainText(),
            parse_tags(self.tags_edit.text()),
        )
        self.save_button.setEnabled(False)
        replacing = self._replacing
        self.bridge.spawn(attempt(self.bridge.save_prompt(prompt, replacing)), self._saved)

    def _saved(self, outcome: tuple[SavedPrompt | None, Exception | None]) -> None:
        saved, error = outcome
        self.save_button.setEnabled(True)
        if error is not None:
            text = error_text(error)
            if getattr(error, "reason", "") == "taken":
                text += " " + tr("Save again to replace it.")
                self._replacing = True
                self.save_button.setText(tr("Replace"))
            self.error_label.setText(text)
            self.error_label.show()
            return
        self.saved.emit(saved)
        self.accept()
