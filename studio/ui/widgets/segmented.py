"""A row of checkable chips for one choice among a few (ratio, resolution), wrapping as needed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from studio.ui.widgets.flow_layout import FlowLayout

CHIP_STYLE = """
QToolButton { border: 1px solid palette(mid); border-radius: 6px; padding: 3px 8px;
    background: palette(button); min-width: 28px; }
QToolButton:hover { border-color: palette(highlight); }
QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight); }
QToolButton:disabled:checked { background: palette(mid); border-color: palette(mid); }
"""


class SegmentedButtons(QWidget):
    """One value among ``options``, or none when ``allow_none`` (click the chosen one again).

    The chips wrap onto as many rows as the width needs. The height those rows take is given
    to the enclosing layout as this widget's minimum and preferred height at its current
    width, not as height-for-width: QFormLayout (the composer's options) keeps the row heights
    of one width while it caches the heights of two, and then lays its rows out with the other
    width's heights, putting the next row over the last rows of chips (issue 12). A resize
    that changes the number of rows asks the layout again.
    """

    changed = Signal(object)  # str | None, on a user's click only

    def __init__(self, *, allow_none: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.allow_none = allow_none
        self._buttons: dict[str, QToolButton] = {}
        self._value: str | None = None
        self._layout = FlowLayout(self, spacing=4)
        self._hinted_height = -1  # the rows' height last given to the layout
        self.setStyleSheet(CHIP_STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

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

    # -- size: the rows' height at the current width (see the class's docstring) --------------

    def _height_at(self, width: int) -> int:
        return self._layout.heightForWidth(max(width, self._layout.minimumSize().width()))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False  # the hints below carry it

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._height_at(width)

    def sizeHint(self) -> QSize:  # noqa: N802
        self._hinted_height = self._height_at(self.width())
        return QSize(self._layout.minimumSize().width(), self._hinted_height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._height_at(event.size().width()) != self._hinted_height:
            self.updateGeometry()  # more or fewer rows: the layout asks for the hints again
