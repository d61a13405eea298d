"""The batch's variables: a name and its values, comma-separated, a row each.

A ``{name}`` used by the prompts gets its row by itself; a row can be added by hand (for a file
whose lines use it) and removed. Values are split on commas (also the Chinese ，).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.ui.icons import icon


def tr(text: str) -> str:
    return QCoreApplication.translate("BatchDialog", text)


def split_values(text: str) -> list[str]:
    return [value.strip() for value in text.replace("，", ",").split(",") if value.strip()]


class VariableRow(QWidget):
    changed = Signal()
    remove_requested = Signal(object)  # this row

    def __init__(self, name: str = "", values: str = "") -> None:
        super().__init__()
        self.name = QLineEdit(name)
        self.name.setObjectName("variableName")
        self.name.setPlaceholderText(tr("name"))
        self.name.setMaximumWidth(110)
        self.values = QLineEdit(values)
        self.values.setObjectName("variableValues")
        self.values.setPlaceholderText(tr("values, comma-separated: cat, fox, hare"))
        self.values.setClearButtonEnabled(True)
        remove = QToolButton()
        remove.setObjectName("removeVariable")
        remove.setIcon(icon("close"))
        remove.setAutoRaise(True)
        remove.setToolTip(tr("Remove this variable"))
        remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.name.textChanged.connect(self.changed)
        self.values.textChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.name)
        row.addWidget(self.values, 1)
        row.addWidget(remove)

    def variable(self) -> tuple[str, list[str]]:
        return self.name.text().strip().strip("{}").strip(), split_values(self.values.text())


class VariablesEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[VariableRow] = []
        self._column = QVBoxLayout()
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(4)
        self.add_button = QPushButton(icon("add"), tr("Add variable"))
        self.add_button.setObjectName("addVariable")
        self.add_button.setFlat(True)
        self.add_button.clicked.connect(lambda: self.add("").name.setFocus())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._column)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def add(self, name: str, values: str = "") -> VariableRow:
        row = VariableRow(name, values)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self.remove)
        self.rows.append(row)
        self._column.addWidget(row)
        self.changed.emit()
        return row

    def remove(self, row: VariableRow) -> None:
        if row in self.rows:
            self.rows.remove(row)
            row.setParent(None)
            row.deleteLater()
            self.changed.emit()

    def row(self, name: str) -> VariableRow | None:
        for row in self.rows:
            if row.variable()[0] == name:
                return row
        return None

    def ensure(self, names: Iterable[str]) -> None:
        """A row for each name the prompts use (rows already there are kept)."""
        for name in names:
            if self.row(name) is None:
                empty = next((r for r in self.rows if not r.variable()[0]), None)
                if empty is not None:
                    empty.name.setText(name)
                else:
                    self.add(name)

    def variables(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for row in self.rows:
            name, values = row.variable()
            if name and values:
                found[name] = values
        return found
