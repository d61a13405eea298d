"""The jobs panel (bottom dock). STUB: replaced by the jobs work package."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from studio.ui.services import Services


class JobsPanel(QWidget):
    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("jobs"))
