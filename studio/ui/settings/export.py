"""The Export tab: the folder that exports go to by default."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.ui.icons import icon
from studio.ui.services import Services
from studio.ui.settings.widgets import message_label, set_role


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportPage", text)


class ExportPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPage")
        self.services = services
        self.picker: QFileDialog | None = None

        self.folder_edit = QLineEdit(objectName="exportFolderEdit")
        self.folder_edit.setText(str(services.preferences.export_folder))
        self.folder_edit.editingFinished.connect(self._on_edited)
        self.browse_button = QPushButton(icon("folder"), tr("Browse…"), objectName="browseButton")
        self.browse_button.clicked.connect(self.browse)
        self.folder_note = message_label("exportFolderNote", "hint")
        self.folder_note.show()

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.addRow(tr("Export to"), row)
        form.addRow("", self.folder_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(form)
        layout.addStretch(1)
        self._describe(services.preferences.export_folder)

    def browse(self) -> None:
        if self.picker is None:
            self.picker = QFileDialog(self, tr("Choose the export folder"))
            self.picker.setObjectName("exportFolderPicker")
            self.picker.setFileMode(QFileDialog.FileMode.Directory)
            self.picker.setOption(QFileDialog.Option.ShowDirsOnly, True)
            self.picker.fileSelected.connect(self.choose)
        self.picker.setDirectory(str(self.services.preferences.export_folder))
        self.picker.open()

    def choose(self, folder: str) -> None:
        """Use ``folder`` (as typed or picked) as the default export folder."""
        text = folder.strip()
        if not text:
            self.folder_edit.setText(str(self.services.preferences.export_folder))
            self._describe(self.services.preferences.export_folder)
            return
        path = Path(text).expanduser()
        self.folder_edit.setText(str(path))
        if not path.is_absolute():
            self._note(
                tr("Enter a full folder path, e.g. {example}.").format(
                    example=Path.home() / "Pictures"
                ),
                error=True,
            )
            return
        if path.exists() and not path.is_dir():
            self._note(tr("This is a file, not a folder. Choose a folder."), error=True)
            return
        self.services.preferences.export_folder = path
        self._describe(path)

    def _on_edited(self) -> None:
        if self.folder_edit.text().strip() != str(self.services.preferences.export_folder):
            self.choose(self.folder_edit.text())

    def _describe(self, path: Path) -> None:
        if path.is_dir():
            self._note(tr("Exports are saved here unless you choose another place."), error=False)
        else:
            self._note(
                tr("The folder does not exist yet; it is created at the first export."), error=False
            )

    def _note(self, text: str, *, error: bool) -> None:
        set_role(self.folder_note, "error" if error else "hint")
        self.folder_note.setText(text)
