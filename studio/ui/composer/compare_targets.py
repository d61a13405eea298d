"""Compare mode in the composer: the targets the same composition goes to, each a model and
(optionally) the relay that sends it.

The targets are the composition's ``targets`` (empty: compare is off); these widgets show them
and write the user's changes back, nothing more. Turning compare on makes the composition's
model the first target; "Add" appends the model chosen in this list's own picker (the
composition's model and settings stay as they are), through the relay chosen here or the
current one. Under each target, what the planned run says about it: what it leaves out, or why
it will not be sent (:meth:`CompareTargets.show_plan`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.engine.composition import Composition, Target
from studio.ui import i18n
from studio.ui.composer.model_picker import ModelPicker
from studio.ui.icons import icon
from studio.ui.services import Services
from studio.ui.widgets.labels import role_label, section_label

if TYPE_CHECKING:
    from studio.engine.runs import PlannedJob

COMPARE_KEYS = "Ctrl+Shift+C"
CURRENT_RELAY = ""  # the relay combo's data for "the current relay"


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerCompare", text)


def target_label(target: Target) -> str:
    """ "gpt-image-2 @ relay A", or the model and "current relay"."""
    if target.profile:
        return tr("{model} @ {relay}").format(model=target.model, relay=target.profile)
    return tr("{model} @ current relay").format(model=target.model)


def planned_lines(planned: PlannedJob) -> tuple[list[str], str | None]:
    """What the plan says about one target: the notes (left out, lowered), or the refusal."""
    if planned.refusal is not None:
        return [], tr("Not sent: {reason}").format(reason=i18n.message(planned.refusal))
    return [i18n.message(note) for note in planned.notes], None


def compare_button() -> QToolButton:
    """The Compare toggle beside the model's header."""
    button = QToolButton()
    button.setObjectName("compareToggle")
    button.setCheckable(True)
    button.setAutoRaise(True)
    button.setIcon(icon("compare"))
    button.setText(tr("Compare"))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    native = QKeySequence(COMPARE_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(
        tr("Send the same request to several models or relays, side by side ({keys})").format(
            keys=native
        )
    )
    return button


class TargetRow(QFrame):
    """One target: its name, a remove button, and what the plan says about it."""

    def __init__(self, index: int, target: Target, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"compareTarget{index}")
        self.target = target
        self.name = QLabel(target_label(target))
        self.name.setObjectName("targetName")
        self.name.setWordWrap(True)
        self.remove = QToolButton()
        self.remove.setObjectName("removeTarget")
        self.remove.setIcon(icon("close"))
        self.remove.setAutoRaise(True)
        self.remove.setToolTip(tr("Remove this target"))
        self.remove.setAccessibleName(tr("Remove {target}").format(target=target_label(target)))
        self.notes = role_label("hint")
        self.notes.setObjectName("targetNotes")
        self.notes.setWordWrap(True)
        self.notes.hide()
        self.refusal = role_label("error")
        self.refusal.setObjectName("targetRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.name, 1)
        top.addWidget(self.remove)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 4, 4, 4)
        column.setSpacing(2)
        column.addLayout(top)
        column.addWidget(self.notes)
        column.addWidget(self.refusal)
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ border-left: 2px solid palette(highlight); }}"
        )

    def show_plan(self, planned: PlannedJob | None) -> None:
        notes, refusal = planned_lines(planned) if planned is not None else ([], None)
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.refusal.setText(refusal or "")
        self.refusal.setVisible(refusal is not None)


class CompareTargets(QWidget):
    """The list of targets and the row that adds one (shown while compare is on)."""

    def __init__(
        self, services: Services, composition: Composition, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareTargets")
        self.services = services
        self.composition = composition
        self.toggle = compare_button()
        self.rows: list[TargetRow] = []

        self.list_layout = QVBoxLayout()
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(4)
        self.relay_box = QComboBox()
        self.relay_box.setObjectName("targetRelay")
        self.relay_box.setToolTip(tr("The relay that sends the model added next"))
        self.relay_box.setAccessibleName(tr("Relay"))
        self.relay_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.relay_box.setMinimumContentsLength(10)
        self.picker = ModelPicker(services.catalog, services=services)
        self.picker.setObjectName("targetModel")
        self.picker.setStyleSheet(
            "QPushButton#targetModel { text-align: left; padding: 6px 28px 6px 10px; }"
        )
        self.picker.set_model(composition.model)
        self.add_button = QPushButton(icon("add"), tr("Add"))
        self.add_button.setObjectName("addTarget")
        self.hint = role_label("hint")
        self.hint.setObjectName("compareHint")
        self.hint.setWordWrap(True)
        self.hint.setText(
            tr("Choose a model and its relay, then add it. Generate sends the same request to "
               "every target; what one cannot take is left out for it.")
        )  # fmt: skip
        add_row = QHBoxLayout()
        add_row.setContentsMargins(0, 0, 0, 0)
        add_row.addWidget(self.relay_box, 1)
        add_row.addWidget(self.add_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(6)
        column.addWidget(section_label(tr("Compare on")))
        column.addLayout(self.list_layout)
        column.addWidget(self.picker)
        column.addLayout(add_row)
        column.addWidget(self.hint)

        self.toggle.toggled.connect(self._toggled)
        self.add_button.clicked.connect(self.add_current)
        self.relay_box.currentIndexChanged.connect(lambda _: self._update_add())
        self.picker.model_chosen.connect(self._picked)
        self.toggle_action = QAction(tr("Compare mode"), self)
        self.toggle_action.setShortcut(QKeySequence(COMPARE_KEYS))
        self.toggle_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.toggle_action.triggered.connect(self.toggle.click)
        composition.events.targets.connect(self._on_targets)
        services.bridge.profile_switched.connect(lambda _: self._on_targets(composition.targets))
        self.refresh_relays()
        self._on_targets(composition.targets)

    # -- the user's changes: written to the composition ------------------------------------

    def _toggled(self, on: bool) -> None:
        composition = self.composition
        if on and not composition.targets:
            self.picker.set_model(composition.model)
            composition.targets = (Target(composition.model),)
        elif not on and composition.targets:
            composition.targets = ()

    def chosen_relay(self) -> str | None:
        data = self.relay_box.currentData()
        return str(data) if data else None

    def _picked(self, model: str) -> None:
        self.picker.set_model(model)
        self._update_add()

    def add_current(self) -> None:
        """The model chosen in this list's picker, through the relay chosen here."""
        self.composition.add_target(Target(self.picker.model(), profile=self.chosen_relay()))

    def remove(self, index: int) -> None:
        self.composition.remove_target(index)

    # -- following the composition ---------------------------------------------------------

    def refresh_relays(self) -> None:
        """The relays the window knows (the current one first, as "Current relay")."""
        chosen = self.relay_box.currentData()
        self.relay_box.blockSignals(True)
        self.relay_box.clear()
        current = self.services.bridge.default_profile
        label = tr("Current relay ({name})").format(name=current) if current else ""
        self.relay_box.addItem(label or tr("Current relay"), CURRENT_RELAY)
        for name in self.services.profile_names():
            self.relay_box.addItem(name, name)
        index = self.relay_box.findData(chosen) if chosen is not None else 0
        self.relay_box.setCurrentIndex(max(0, index))
        self.relay_box.blockSignals(False)

    def _on_targets(self, targets: Sequence[Target]) -> None:
        on = bool(targets)
        self.toggle.blockSignals(True)
        self.toggle.setChecked(on)
        self.toggle.blockSignals(False)
        self.setVisible(on)
        self.refresh_relays()
        if [row.target for row in self.rows] != list(targets):
            for row in self.rows:
                row.setParent(None)
                row.deleteLater()
            self.rows = []
            for index, target in enumerate(targets):
                row = TargetRow(index, target, self)
                row.remove.clicked.connect(lambda _=False, i=index: self.remove(i))
                self.list_layout.addWidget(row)
                self.rows.append(row)
        for row in self.rows:
            row.name.setText(target_label(row.target))
        self._update_add()

    def _update_add(self) -> None:
        model = self.picker.model()
        taken = Target(model, profile=self.chosen_relay()) in self.composition.targets
        self.add_button.setEnabled(not taken)
        self.add_button.setToolTip(
            tr("{model} through this relay is a target already.").format(model=model)
            if taken
            else tr("Add {model} through the chosen relay").format(model=model)
        )

    def show_plan(self, planned: Sequence[PlannedJob] | None) -> None:
        """The plan of the targets shown now (None: not planned yet)."""
        by_index = {job.index: job for job in planned or ()}
        for index, row in enumerate(self.rows):
            row.show_plan(by_index.get(index))
