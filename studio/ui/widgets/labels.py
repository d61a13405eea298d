"""Small labels the rooms share: section headers and role-styled labels."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget


def section_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A quiet upper-case header (theme role "section")."""
    label = QLabel(text, parent)
    label.setProperty("role", "section")
    font = label.font()
    font.setCapitalization(QFont.Capitalization.AllUppercase)
    label.setFont(font)
    return label


def role_label(role: str, text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", role)
    return label


def set_role(label: QLabel, role: str) -> None:
    """Switch a label's theme role (hint → error) and let the style sheet see it."""
    if label.property("role") == role:
        return
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)
