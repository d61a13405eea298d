"""The gallery (centre). STUB: replaced by the gallery work package."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from studio.ui.services import Services


class GalleryPanel(QWidget):
    current_changed = Signal(object)  # image id or None
    image_activated = Signal(int)  # double-click / Enter / Space
    context_requested = Signal(list, object)  # image ids, global QPoint
    try_demo_requested = Signal()
    add_relay_requested = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("gallery"))
        self._loaded = asyncio.Event()
        self._loaded.set()

    async def first_page_loaded(self) -> None:
        await self._loaded.wait()

    def selected_image_ids(self) -> list[int]:
        return []

    def reload(self) -> None: ...

    def focus_search(self) -> None: ...
