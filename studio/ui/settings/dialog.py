"""Settings. STUB: replaced by the settings work package."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from studio.ui.services import Services


class SettingsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
