"""A row of checkable chips for one choice among a few (ratio, resolution), wrapping as needed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from studio.ui.flow_layout import FlowLayout

CHIP_STYLE = """
QToolButton { border: 1px solid palette(mid); border-radius: 6px; padding: 3px 8px;
    background: palette(button); min-width: 28px; }
QToolButton:hover { border-color: palette(highlight); }
QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight); }
QToolButton:disabled:checked { background: palette(mid); border-color: palette(mid); }
"""


class SegmentedButtons(QWidget):
    """One value among ``options``, or none when ``allow_none`` (click the chosen one again)."""

    changed = Signal(object)  # str | None, on a user's click only

    def __init__(self, *, allow_none: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.allow_none = allow_none
        self._buttons: dict[str, QToolButton] = {}
        self._value: str | None = None
        self._layout = FlowLayout(self, spacing=4)
        self.setStyleSheet(CHIP_STYLE)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_options(self, values: Sequence[str], tooltip: str = "") -> None:
        for button in self._buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons = {}
        for value in values:
            button = QToolButton(self)
            button.setText(value)
            button.setCheckable(True)
            button.setObjectName(f"chip-{value}")
            button.setToolTip(tooltip)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _checked=False, v=value: self._clicked(v))
            self._layout.addWidget(button)
            self._buttons[value] = button
        self.set_value(self._value if self._value in self._buttons else None)
        self.updateGeometry()

    def options(self) -> list[str]:
        return list(self._buttons)

    def button(self, value: str) -> QToolButton | None:
        return self._buttons.get(value)

    def value(self) -> str | None:
        return self._value

    def set_value(self, value: str | None) -> None:
        """Show ``value`` as chosen (no signal); an unknown value chooses nothing."""
        self._value = value if value in self._buttons else None
        for key, button in self._buttons.items():
            button.setChecked(key == self._value)

    def _clicked(self, value: str) -> None:
        if value == self._value and self.allow_none:
            self.set_value(None)
        else:
            self.set_value(value)
        self.changed.emit(self._value)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._layout.heightForWidth(width)
