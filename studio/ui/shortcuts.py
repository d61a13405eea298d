"""The keyboard shortcut sheet (F1 or Ctrl+/)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


def shortcuts() -> list[tuple[str, str]]:
    return [
        ("Ctrl+Return", tr("Generate (in the prompt)")),
        ("Ctrl+V", tr("Paste an image as a reference")),
        ("Ctrl+F", tr("Search the prompts")),
        ("Space", tr("Quick look at the selected image")),
        ("Arrows", tr("Move in the gallery")),
        ("Delete", tr("Move the selected images to the trash")),
        ("Ctrl+Z", tr("Undo (trash, mask strokes)")),
        ("F", tr("Favourite")),
        ("Ctrl+E", tr("Export")),
        ("Ctrl+R", tr("Reuse the settings of the selected image")),
        ("Ctrl+,", tr("Settings")),
        ("Esc", tr("Close viewers")),
        ("F1", tr("This sheet")),
    ]


class ShortcutSheet(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        for row, (keys, text) in enumerate(shortcuts()):
            native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) or keys
            key_label = QLabel(f"<b>{native}</b>")
            grid.addWidget(key_label, row, 0)
            grid.addWidget(QLabel(text), row, 1)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
