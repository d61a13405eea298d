"""What the gallery says when it has nothing to show: first run, demo, no match, no history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

CARD_STYLE = """
QFrame#galleryEmptyCard { background: palette(base); border: 1px solid palette(midlight);
    border-radius: 12px; }
QPushButton#galleryAddRelay, QPushButton#galleryClearFilters { background: palette(button);
    border: 1px solid palette(mid); border-radius: 6px; padding: 7px 16px; }
QPushButton#galleryAddRelay:hover, QPushButton#galleryClearFilters:hover {
    background: palette(midlight); }
"""


def tr(text: str) -> str:
    return QCoreApplication.translate("GalleryEmpty", text)


class EmptyState(QWidget):
    try_demo = Signal()
    add_relay = Signal()
    clear_filters = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("galleryEmpty")
        self.kind = ""  # welcome | demo | no_match | board | failed
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(2)
        row = QHBoxLayout()
        row.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName("galleryEmptyCard")
        self.card.setStyleSheet(CARD_STYLE)
        self.card.setMaximumWidth(480)
        row.addWidget(self.card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)

        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(8)
        self.title = QLabel()
        self.title.setObjectName("galleryEmptyTitle")
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * 1.5)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.line = QLabel()
        self.line.setObjectName("galleryEmptyLine")
        self.line.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("galleryEmptyDetail")
        self.detail.setProperty("role", "hint")
        self.detail.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.line)
        layout.addWidget(self.detail)
        self.buttons = QWidget()
        buttons = QHBoxLayout(self.buttons)
        buttons.setContentsMargins(0, 16, 0, 0)
        buttons.setSpacing(8)
        # "primary": the theme's accent button
        self.try_demo_button = self._button("primary", tr("Try the demo"), self.try_demo)
        self.add_relay_button = self._button("galleryAddRelay", tr("Add a relay"), self.add_relay)
        self.clear_button = self._button(
            "galleryClearFilters", tr("Clear filters"), self.clear_filters
        )
        for button in (self.try_demo_button, self.add_relay_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.buttons)

    @staticmethod
    def _button(name: str, text: str, signal: Signal) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(signal.emit)
        return button

    def _show(self, kind: str, title: str, line: str, detail: str, buttons: set[str]) -> None:
        self.kind = kind
        self.title.setText(title)
        self.line.setText(line)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.try_demo_button.setVisible("demo" in buttons)
        self.add_relay_button.setVisible("relay" in buttons)
        self.clear_button.setVisible("clear" in buttons)
        self.buttons.setVisible(bool(buttons))

    def show_welcome(self) -> None:
        self._show(
            "welcome",
            tr("Welcome to Studio"),
            tr("Make images with your relay, or try everything first on the built-in demo."),
            tr("The demo runs on this computer: nothing is sent anywhere and nothing is billed."),
            {"demo", "relay"},
        )

    def show_demo_hint(self) -> None:
        self._show(
            "demo",
            tr("Your images will appear here"),
            tr("Type a prompt on the left and press Ctrl+Enter."),
            "",
            set(),
        )

    def show_no_match(self, search: str, filters: list[str]) -> None:
        title = (
            tr("No images match “{search}”").format(search=search)
            if search
            else tr("No images match these filters")
        )
        detail = " · ".join(filters)
        line = tr("Filters on: {filters}").format(filters=detail) if filters else ""
        self._show("no_match", title, line, "", {"clear"})

    def show_board(self, title: str, line: str) -> None:
        """An empty board (the Boards sidebar's choice, no other filter on)."""
        self._show("board", title, line, "", set())

    def show_failed(self) -> None:
        self._show(
            "failed",
            tr("The history could not be read"),
            tr("Your images are safe on disk. Restart Studio; if this stays, see the log."),
            "",
            set(),
        )
