"""The detail viewer (right dock). STUB: replaced by the detail work package."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from studio.ui.services import Services


class DetailPanel(QWidget):
    action_requested = Signal(str, int)  # action name, image id

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("detail"))

    def show_image(self, image_id: int | None) -> None: ...
