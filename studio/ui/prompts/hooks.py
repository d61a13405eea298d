"""The prompt library joined to the composer's prompt: ``/`` searches it, "Save prompt to
library…" adds to it, and the library's manager puts a prompt in the composition."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from studio.engine.composition import Composition
from studio.settings.prompt_library import SavedPrompt
from studio.ui.composer.prompt import PromptEditor
from studio.ui.prompts.manager import PromptLibraryDialog
from studio.ui.prompts.save_dialog import SavePromptDialog
from studio.ui.prompts.slash import SlashCompleter
from studio.ui.services import Services


def tr(text: str) -> str:
    return QCoreApplication.translate("PromptLibrary", text)


class PromptLibraryHooks(QObject):
    message = Signal(str)  # a short status line

    def __init__(
        self,
        services: Services,
        composition: Composition,
        editor: PromptEditor,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.services = services
        self.bridge = services.bridge
        self.composition = composition
        self.editor = editor
        self.window = window
        self.prompts: list[SavedPrompt] | None = None  # None until read
        self._loading = False
        self.save_dialog: SavePromptDialog | None = None
        self.manager: PromptLibraryDialog | None = None
        self.slash = SlashCompleter(editor, lambda: self.prompts, services.language, self.load)
        self.save_action = QAction(tr("Save prompt to library…"), self)
        self.save_action.setObjectName("savePromptToLibrary")
        self.save_action.triggered.connect(self.save_prompt)
        editor.context_actions.append(self.save_action)
        self.bridge.prompts_changed.connect(self.load)
        self.load()

    def load(self) -> None:
        """Read the library (off the GUI thread); an open ``/`` list follows."""
        if self._loading:
            return
        self._loading = True

        def loaded(prompts: list[SavedPrompt]) -> None:
            self._loading = False
            self.prompts = prompts
            self.slash.refresh()

        self.bridge.spawn(self.bridge.saved_prompts(), loaded)

    def save_prompt(self) -> SavePromptDialog:
        """Save the prompt being composed (its text as the composition holds it)."""
        dialog = SavePromptDialog(self.bridge, self.composition.prompt.strip(), self.window)
        dialog.saved.connect(
            lambda prompt: self.message.emit(
                tr("“{name}” is in the prompt library: type / in the prompt to use it.").format(
                    name=prompt.name
                )
            )
        )
        if self.save_dialog is not None:
            self.save_dialog.deleteLater()
        self.save_dialog = dialog
        dialog.open()
        return dialog

    def open_manager(self) -> PromptLibraryDialog:
        from shiboken6 import Shiboken

        if self.manager is None or not Shiboken.isValid(self.manager):
            self.manager = PromptLibraryDialog(self.bridge, self.services.language, self.window)
            self.manager.use_requested.connect(self._use)
        self.manager.reload()
        self.manager.show()
        self.manager.raise_()
        self.manager.activateWindow()
        return self.manager

    def _use(self, text: str) -> None:
        self.composition.prompt = text
        self.editor.setFocus()
