"""Where a batch goes: one or more targets, "model @ relay" (each line is sent to each)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.engine.composition.model import Target
from studio.ui.icons import icon

ROW_LINES = 3  # the list is this many rows tall, then scrolls


def tr(text: str) -> str:
    return QCoreApplication.translate("BatchDialog", text)


class TargetsEditor(QWidget):
    changed = Signal()

    def __init__(
        self,
        models: Sequence[str],
        relays: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("batchTargets")
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.model_box = QComboBox()
        self.model_box.setObjectName("targetModel")
        self.model_box.setEditable(True)
        self.model_box.setMinimumContentsLength(12)
        self.model_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.model_box.addItems(list(models))
        self.model_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.model_box.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.model_box.setToolTip(tr("A model of the catalog, or any name the relay sells"))
        self.relay_box = QComboBox()
        self.relay_box.setObjectName("targetRelay")
        self.relay_box.addItems(list(relays))
        self.relay_box.setMinimumContentsLength(8)
        self.relay_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.relay_box.setToolTip(tr("The relay that sends it"))
        self.add_button = QToolButton()
        self.add_button.setIcon(icon("add"))
        self.add_button.setToolTip(tr("Add this target"))
        self.add_button.setObjectName("addTarget")
        self.add_button.clicked.connect(self._add_chosen)
        self.remove_button = QToolButton()
        self.remove_button.setIcon(icon("close"))
        self.remove_button.setToolTip(tr("Remove the chosen target"))
        self.remove_button.setObjectName("removeTarget")
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        choose = QHBoxLayout()
        choose.setSpacing(4)
        choose.addWidget(self.model_box, 3)
        choose.addWidget(self.relay_box, 2)
        choose.addWidget(self.add_button)
        choose.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list)
        layout.addLayout(choose)
        self._fit_height()

    def _fit_height(self) -> None:
        row = max(self.list.sizeHintForRow(0), self.fontMetrics().lineSpacing() + 6)
        self.list.setFixedHeight(ROW_LINES * row + 2 * self.list.frameWidth())

    def targets(self) -> list[Target]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def set_targets(self, targets: Sequence[Target]) -> None:
        self.list.clear()
        for target in targets:
            self._append(target)
        self.changed.emit()

    def add(self, target: Target) -> bool:
        """Add ``target`` unless it is there already."""
        if target in self.targets():
            return False
        self._append(target)
        self.changed.emit()
        return True

    def _append(self, target: Target) -> None:
        item = QListWidgetItem(target.label)
        item.setData(Qt.ItemDataRole.UserRole, target)
        if target.protocol is not None:
            item.setToolTip(tr("through the {protocol} protocol").format(protocol=target.protocol))
        self.list.addItem(item)
        self._fit_height()

    def _add_chosen(self) -> None:
        model = self.model_box.currentText().strip()
        if model and not any(ch.isspace() for ch in model):
            self.add(Target(model, profile=self.relay_box.currentText() or None))

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
