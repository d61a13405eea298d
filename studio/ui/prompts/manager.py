"""The prompt library's manager: list and search, rename, tags, text, delete, import, export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.settings.prompt_library import ImportReport, SavedPrompt, search, variables_of
from studio.ui.bridge import EngineBridge
from studio.ui.prompts.save_dialog import attempt, error_text
from studio.ui.prompts.texts import variables_text
from studio.ui.widgets.labels import role_label, set_role

JSON_FILTER = "JSON (*.json)"


def tr(text: str) -> str:
    return QCoreApplication.translate("PromptLibrary", text)


def import_text(report: ImportReport) -> str:
    parts = [tr("{count} added").format(count=len(report.added))]
    if report.renamed:
        parts.append(tr("{count} added under a new name").format(count=len(report.renamed)))
    if report.unchanged:
        parts.append(tr("{count} already here").format(count=len(report.unchanged)))
    if report.skipped:
        parts.append(tr("{count} without a name or text skipped").format(count=report.skipped))
    return tr("Imported: {parts}.").format(parts=", ".join(parts))


class PromptLibraryDialog(QDialog):
    use_requested = Signal(str)  # a prompt's text, for the composer's prompt

    def __init__(self, bridge: EngineBridge, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.language = language
        self.setObjectName("promptLibraryDialog")
        self.setWindowTitle(tr("Prompt library"))
        self.resize(820, 520)
        self.prompts: list[SavedPrompt] = []
        self._shown: SavedPrompt | None = None  # the prompt in the editor on the right
        self._filling = False
        self._build()
        bridge.prompts_changed.connect(self.reload)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText(tr("Search names, tags and text…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _: self._fill_list())
        self.list = QListWidget()
        self.list.setObjectName("libraryList")
        self.list.currentItemChanged.connect(self._current_changed)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.list, 1)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("libraryName")
        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("libraryTags")
        self.tags_edit.setPlaceholderText(tr("comma-separated"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("libraryText")
        for edit in (self.name_edit, self.tags_edit):
            edit.textEdited.connect(self._dirty)
        self.text_edit.textChanged.connect(self._text_changed)
        self.variables_label = role_label("hint")
        self.variables_label.setWordWrap(True)
        self.use_button = QPushButton(tr("Use in prompt"))
        self.use_button.setObjectName("libraryUse")
        self.use_button.clicked.connect(self._use)
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setObjectName("libraryDelete")
        self.delete_button.clicked.connect(self.ask_delete)
        self.save_button = QPushButton(tr("Save changes"))
        self.save_button.setObjectName("librarySave")
        self.save_button.clicked.connect(self.save_changes)
        form = QFormLayout()
        form.addRow(tr("Name"), self.name_edit)
        form.addRow(tr("Tags"), self.tags_edit)
        actions = QHBoxLayout()
        actions.addWidget(self.use_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        right = QWidget()
        editor = QVBoxLayout(right)
        editor.setContentsMargins(0, 0, 0, 0)
        editor.addLayout(form)
        editor.addWidget(self.text_edit, 1)
        editor.addWidget(self.variables_label)
        editor.addLayout(actions)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 520])

        self.status = role_label("hint")
        self.status.setObjectName("libraryStatus")
        self.status.setWordWrap(True)
        self.import_button = QPushButton(tr("Import…"))
        self.import_button.setObjectName("libraryImport")
        self.import_button.clicked.connect(self.choose_import)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.setObjectName("libraryExport")
        self.export_button.clicked.connect(self.choose_export)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        self._show(None)

    # -- the list --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the library again (off the GUI thread) and show it."""
        self.bridge.spawn(self.bridge.saved_prompts(), self._loaded)

    def _loaded(self, prompts: list[SavedPrompt]) -> None:
        self.prompts = prompts
        self._fill_list()

    def _fill_list(self) -> None:
        keep = self._shown.name if self._shown is not None else None
        found = search(self.prompts, self.search.text(), self.language)
        if not self.search.text().strip():
            found = list(self.prompts)
        self._filling = True
        self.list.clear()
        current = None
        for prompt in found:
            item = QListWidgetItem(prompt.name)
            item.setData(Qt.ItemDataRole.UserRole, prompt)
            item.setToolTip(" · ".join(prompt.tags))
            self.list.addItem(item)
            if prompt.name == keep:
                current = item
        self._filling = False
        if current is None and self.list.count():
            current = self.list.item(0)
        self.list.setCurrentItem(current)
        if current is None:
            self._show(None)

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def select(self, name: str) -> bool:
        for index in range(self.list.count()):
            if self.list.item(index).text() == name:
                self.list.setCurrentRow(index)
                return True
        return False

    def _current_changed(self, item: QListWidgetItem | None, previous: object) -> None:
        if self._filling:
            return
        if self.save_button.isEnabled():  # edits of the one shown before are kept
            self.save_changes()
        self._show(item.data(Qt.ItemDataRole.UserRole) if item is not None else None)

    # -- the prompt shown ------------------------------------------------------------------

    def _show(self, prompt: SavedPrompt | None) -> None:
        self._shown = prompt
        self._filling = True
        self.name_edit.setText(prompt.name if prompt else "")
        self.tags_edit.setText(", ".join(prompt.tags) if prompt else "")
        self.text_edit.setPlainText(prompt.text if prompt else "")
        self._filling = False
        for widget in (self.name_edit, self.tags_edit, self.text_edit):
            widget.setEnabled(prompt is not None)
        self.use_button.setEnabled(prompt is not None)
        self.delete_button.setEnabled(prompt is not None)
        self.save_button.setEnabled(False)
        self._show_variables()

    def _text_changed(self) -> None:
        self._show_variables()
        self._dirty()

    def _show_variables(self) -> None:
        names = variables_of(self.text_edit.toPlainText())
        self.variables_label.setText(variables_text(names) if self._shown else "")

    def _dirty(self) -> None:
        if not self._filling and self._shown is not None:
            self.save_button.setEnabled(True)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        set_role(self.status, "error" if error else "hint")

    def save_changes(self) -> None:
        """Rename, retag and rewrite the prompt shown, as edited."""
        shown = self._shown
        if shown is None:
            return
        self.save_button.setEnabled(False)
        name = self.name_edit.text()
        work = self.bridge.update_prompt(
            shown.name,
            new_name=name if name != shown.name else None,
            tags=self.tags_edit.text(),
            text=self.text_edit.toPlainText(),
        )

        def done(outcome: tuple[SavedPrompt | None, Exception | None]) -> None:
            saved, error = outcome
            if error is not None:
                self._say(error_text(error), error=True)
                self.save_button.setEnabled(True)
                return
            assert saved is not None
            if self._shown is shown:
                self._shown = saved
            self._say(tr("“{name}” saved.").format(name=saved.name))

        self.bridge.spawn(attempt(work), done)

    def _use(self) -> None:
        if self._shown is not None:
            self.use_requested.emit(self.text_edit.toPlainText())

    def ask_delete(self) -> QMessageBox | None:
        shown = self._shown
        if shown is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Delete prompt"),
            tr("Delete “{name}” from the library?").format(name=shown.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("deletePromptQuestion")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            if box.standardButton(button) is QMessageBox.StandardButton.Yes:
                self.delete(shown.name)

        box.buttonClicked.connect(answered)
        box.open()  # never exec(): the loop keeps running
        return box

    def delete(self, name: str) -> None:
        def done(outcome: tuple[None, Exception | None]) -> None:
            _, error = outcome
            if error is not None:
                self._say(error_text(error), error=True)
            else:
                self._say(tr("“{name}” deleted.").format(name=name))

        if self._shown is not None and self._shown.name == name:
            self._show(None)
        self.bridge.spawn(attempt(self.bridge.remove_prompt(name)), done)

    # -- files -----------------------------------------------------------------------------

    def choose_import(self) -> None:
        dialog = QFileDialog(self, tr("Import prompts"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(JSON_FILTER)
        dialog.fileSelected.connect(lambda path: self.import_file(Path(path)))
        dialog.open()

    def choose_export(self) -> None:
        dialog = QFileDialog(self, tr("Export prompts"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(JSON_FILTER)
        dialog.setDefaultSuffix("json")
        dialog.selectFile("prompts.json")
        dialog.fileSelected.connect(lambda path: self.export_file(Path(path)))
        dialog.open()

    def import_file(self, path: Path) -> None:
        def done(outcome: tuple[ImportReport | None, Exception | None]) -> None:
            report, error = outcome
            if error is not None:
                self._say(error_text(error), error=True)
            elif report is not None:
                self._say(import_text(report))

        self.bridge.spawn(attempt(self.bridge.import_prompts(path)), done)

    def export_file(self, path: Path) -> None:
        def done(outcome: tuple[int | None, Exception | None]) -> None:
            count, error = outcome
            if error is not None:
                self._say(error_text(error), error=True)
            else:
                self._say(tr("{count} prompts exported to {path}.").format(count=count, path=path))

        self.bridge.spawn(attempt(self.bridge.export_prompts(path)), done)
