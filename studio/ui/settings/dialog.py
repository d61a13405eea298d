"""Settings: relays, appearance and export in tabs; non-modal, resizable, nothing kept in it.

``SettingsDialog(services, parent).open()`` shows it without blocking the window; it deletes
itself when closed, so a typed key does not outlive it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from studio.ui.services import Services
from studio.ui.settings.appearance import AppearancePage
from studio.ui.settings.export import ExportPage
from studio.ui.settings.relays import RelaysPage


def tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


STYLE_SHEET = """
QLineEdit[invalid="true"], QSpinBox[invalid="true"] { border: 1px solid palette(bright-text);
    border-radius: 3px; }
QListWidget#profileList::item { padding: 4px; }
"""


class SettingsDialog(QDialog):
    profiles_changed = Signal()  # a relay profile was saved, renamed or removed

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("settingsDialog")
        self.setWindowTitle(tr("Settings"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        self.setMinimumSize(640, 440)
        self.resize(880, 640)
        self.setStyleSheet(STYLE_SHEET)

        self.relays = RelaysPage(services)
        self.relays.profiles_changed.connect(self.profiles_changed)
        self.appearance = AppearancePage(services)
        self.export = ExportPage(services)
        self.tabs = QTabWidget(objectName="settingsTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.relays, tr("Relays"))
        self.tabs.addTab(self.appearance, tr("Appearance"))
        self.tabs.addTab(self.export, tr("Export"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def open(self) -> None:
        """Show without blocking the window behind (QDialog.open() would be window-modal)."""
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.show()
        self.raise_()
        self.activateWindow()

    def show_relays(self, *, add: bool = False) -> None:
        """Bring the Relays tab forward; ``add`` starts a new profile (the welcome card's
        "Add a relay")."""
        self.tabs.setCurrentWidget(self.relays)
        if add:
            self.relays.add_relay()
