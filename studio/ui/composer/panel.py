"""The composer (left dock). STUB: replaced by the composer work package."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from studio.domain.request import GenerationRequest, Reference
from studio.ui.services import Services


class ComposerPanel(QWidget):
    generate_requested = Signal(object, str)  # GenerationRequest, profile name
    mask_painter_requested = Signal(int)  # reference index (issue 4/5)

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("composer"))

    def set_request(self, request: GenerationRequest, profile: str | None = None) -> None: ...

    def add_reference(self, reference: Reference, *, first: bool = False) -> None: ...

    def generate(self) -> None: ...

    def focus_prompt(self) -> None: ...

    def paste(self) -> bool:
        return False
