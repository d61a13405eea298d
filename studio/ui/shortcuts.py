"""The keyboard shortcut sheet (F1 or Ctrl+/)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


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
        ("Ctrl+Z", tr("Undo moving to the trash")),
        ("F", tr("Favourite")),
        ("Ctrl+E", tr("Export")),
        ("Ctrl+R", tr("Reuse the settings of the selected image")),
        ("Ctrl+Shift+B", tr("Batch: many prompts at once")),
        ("Ctrl+Shift+C", tr("Compare: the same request on several models or relays")),
        ("/", tr("In the prompt: insert a saved prompt")),
        ("Ctrl+,", tr("Settings")),
        ("Ctrl+Shift+L", tr("Relays: what each relay cost and delivered")),
        ("Esc", tr("Close viewers")),
        ("F1", tr("This sheet")),
    ]


def painter_shortcuts() -> list[tuple[str, str]]:
    return [
        ("B", tr("Brush")),
        ("E", tr("Eraser")),
        ("X", tr("Swap brush and eraser")),
        ("R", tr("Rectangle selection")),
        ("L", tr("Lasso selection")),
        ("[ ]", tr("Smaller / bigger brush")),
        ("Ctrl+Z", tr("Undo the last step")),
        ("Ctrl+Shift+Z", tr("Redo")),
        ("+ −", tr("Zoom in / out (or the wheel)")),
        ("0", tr("Fit the image")),
        ("1", tr("Actual pixels (1:1)")),
        ("Space", tr("Hold and drag to pan (or the middle button)")),
        ("Esc", tr("Cancel")),
    ]


class ShortcutSheet(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(_grid(tr("Studio"), shortcuts()), 1)
        columns.addLayout(_grid(tr("Mask painter"), painter_shortcuts()), 1)
        layout.addLayout(columns)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _grid(title: str, entries: list[tuple[str, str]]) -> QGridLayout:
    grid = QGridLayout()
    grid.setHorizontalSpacing(24)
    grid.setVerticalSpacing(8)
    heading = QLabel(title)
    heading.setProperty("role", "section")
    grid.addWidget(heading, 0, 0, 1, 2)
    for row, (keys, text) in enumerate(entries, start=1):
        native = _native(keys)
        grid.addWidget(QLabel(f"<b>{native}</b>"), row, 0)
        grid.addWidget(QLabel(text), row, 1)
    grid.setRowStretch(len(entries) + 1, 1)
    return grid


def _native(keys: str) -> str:
    """Modifier combinations as this system writes them (⌘ on macOS); plain keys as they are."""
    if not any(modifier in keys for modifier in ("Ctrl+", "Shift+", "Alt+")):
        return keys
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) or keys
