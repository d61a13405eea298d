"""Fusion with a tuned palette for light and dark, following the system unless chosen."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


ACCENT = QColor("#4f7cff")

_LIGHT = {
    QPalette.ColorRole.Window: "#f4f5f7",
    QPalette.ColorRole.WindowText: "#1d2026",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#eef0f3",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1d2026",
    QPalette.ColorRole.PlaceholderText: "#8a9099",
    QPalette.ColorRole.Text: "#1d2026",
    QPalette.ColorRole.Button: "#ffffff",
    QPalette.ColorRole.ButtonText: "#1d2026",
    QPalette.ColorRole.BrightText: "#d93025",
    QPalette.ColorRole.Mid: "#c9cdd4",
    QPalette.ColorRole.Dark: "#a3a9b3",
    QPalette.ColorRole.Light: "#ffffff",
    QPalette.ColorRole.Midlight: "#e3e6ea",
    QPalette.ColorRole.Shadow: "#767c86",
    QPalette.ColorRole.Link: "#3565e8",
}
_DARK = {
    QPalette.ColorRole.Window: "#1f2126",
    QPalette.ColorRole.WindowText: "#e6e8eb",
    QPalette.ColorRole.Base: "#17181c",
    QPalette.ColorRole.AlternateBase: "#25272d",
    QPalette.ColorRole.ToolTipBase: "#2b2e35",
    QPalette.ColorRole.ToolTipText: "#e6e8eb",
    QPalette.ColorRole.PlaceholderText: "#7d838d",
    QPalette.ColorRole.Text: "#e6e8eb",
    QPalette.ColorRole.Button: "#2a2d33",
    QPalette.ColorRole.ButtonText: "#e6e8eb",
    QPalette.ColorRole.BrightText: "#ff6b5e",
    QPalette.ColorRole.Mid: "#3a3e46",
    QPalette.ColorRole.Dark: "#111215",
    QPalette.ColorRole.Light: "#3b3f47",
    QPalette.ColorRole.Midlight: "#30333a",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Link: "#7aa2ff",
}


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def is_dark(theme: Theme) -> bool:
    return system_is_dark() if theme is Theme.SYSTEM else theme is Theme.DARK


def palette(dark: bool) -> QPalette:
    result = QPalette()
    for role, colour in (_DARK if dark else _LIGHT).items():
        result.setColor(role, QColor(colour))
    result.setColor(QPalette.ColorRole.Highlight, ACCENT)
    result.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    result.setColor(QPalette.ColorRole.Accent, ACCENT)
    disabled = QColor("#6b7079") if dark else QColor("#a0a6af")
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        result.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return result


STYLE_SHEET = """
QToolTip { padding: 4px 6px; }
QDockWidget::title { padding: 6px 8px; font-weight: 600; }
QPushButton#primary { background: palette(highlight); color: palette(highlighted-text);
    border: none; border-radius: 6px; padding: 8px 16px; font-weight: 600; }
QPushButton#primary:disabled { background: palette(mid); }
QLabel[role="section"] { font-size: 11px; font-weight: 700; letter-spacing: 0.5px;
    color: palette(placeholder-text); }
QLabel[role="hint"] { color: palette(placeholder-text); }
QLabel[role="error"] { color: palette(bright-text); }
QLabel#demoBadge { background: #f5a623; color: #1d2026; border-radius: 8px; padding: 2px 10px;
    font-weight: 700; }
"""


def apply(app: QApplication, theme: Theme) -> None:
    app.setStyle("Fusion")
    app.setPalette(palette(is_dark(theme)))
    app.setStyleSheet(STYLE_SHEET)
