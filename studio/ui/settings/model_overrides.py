"""Per relay + model settings in the relay form: the name sent, the protocol, extra fields.

A list of the relay's model settings with Add / Remove, and below it the selected one's fields.
Extra fields are a JSON object, checked as they are typed: what is wrong is said right under
the field (invalid JSON, not an object, a field the studio sets itself, a secret). The rules are
``studio.settings.profiles.validate_override``'s; the engine applies the settings with
``studio.engine.overrides.apply_overrides``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.errors import InputError
from studio.domain.model_spec import ProtocolId
from studio.domain.profile import ModelOverride
from studio.settings import profiles as rules
from studio.ui import i18n
from studio.ui.icons import icon
from studio.ui.settings.widgets import message_label

EXTRA_HINT = '{"channel": "official"}'


def tr(text: str) -> str:
    return QCoreApplication.translate("ModelOverrides", text)


class OverrideError(Exception):
    """A model setting that cannot be saved: ``text`` says why, ``field`` is where to fix it."""

    def __init__(self, text: str, field: QWidget) -> None:
        super().__init__(text)
        self.text = text
        self.field = field


@dataclass
class _Draft:
    """One model setting as typed (the extra fields as text, checked on the way out)."""

    model: str = ""
    name_sent: str = ""
    protocol: ProtocolId | None = None
    extra: str = ""

    @classmethod
    def of(cls, override: ModelOverride) -> _Draft:
        extra = json.dumps(override.extra, ensure_ascii=False, indent=2) if override.extra else ""
        return cls(override.model, override.name_sent or "", override.protocol, extra)


def parse_extra(text: str) -> dict[str, Any]:
    """The extra fields typed as JSON; ValueError with a plain reason when they are not an
    object."""
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(
            tr("Not valid JSON: {reason} (line {line}, column {column}).").format(
                reason=error.msg, line=error.lineno, column=error.colno
            )
        ) from None
    if not isinstance(value, dict):
        raise ValueError(
            tr("Extra fields must be a JSON object, e.g. {example}.").format(example=EXTRA_HINT)
        )
    return value


@dataclass
class _Checked:
    override: ModelOverride | None = None
    problem: str = ""
    in_extra: bool = False  # the problem is in the extra fields


def _check(draft: _Draft) -> _Checked:
    model = draft.model.strip()
    if not model:
        return _Checked(problem=tr("Choose the model these settings are for."))
    try:
        extra = parse_extra(draft.extra)
    except ValueError as error:
        return _Checked(problem=str(error), in_extra=True)
    override = ModelOverride(model, draft.name_sent.strip() or None, draft.protocol, extra)
    try:
        rules.validate_override(override)
    except InputError as error:
        in_extra = error.template in (
            rules.MSG_OVERRIDE_EXTRA_OWN,
            rules.MSG_OVERRIDE_EXTRA_SECRET,
            rules.MSG_OVERRIDE_EXTRA_MIDJOURNEY,
            rules.MSG_OVERRIDE_EXTRA_NOT_OBJECT,
        )
        return _Checked(problem=i18n.message(error), in_extra=in_extra)
    return _Checked(override)


class ModelOverridesEditor(QWidget):
    """The relay's model settings: ``load`` them, edit, ``overrides()`` gives them back."""

    changed = Signal()  # the user edited something

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelOverrides")
        self._drafts: list[_Draft] = []
        self._loading = False
        self._read_only = False

        self.list = QListWidget(objectName="overrideList")
        self.list.setMaximumHeight(120)
        self.list.currentRowChanged.connect(self._on_row_changed)
        self.add_button = QPushButton(icon("add"), tr("Add model"), objectName="addOverrideButton")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(
            icon("trash"), tr("Remove"), objectName="removeOverrideButton"
        )
        self.remove_button.clicked.connect(self.remove_current)

        self.model_edit = QLineEdit(objectName="overrideModelEdit")
        self.model_edit.setPlaceholderText(tr("the model as picked in the composer"))
        self._suggestions = QStringListModel(self)
        completer = QCompleter(self._suggestions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.model_edit.setCompleter(completer)
        self.name_edit = QLineEdit(objectName="overrideNameEdit")
        self.name_edit.setPlaceholderText(tr("the same name"))
        self.name_edit.setToolTip(
            tr("The name this relay knows the model by, e.g. gpt-image-2-all.")
        )
        self.protocol_box = QComboBox(objectName="overrideProtocolBox")
        self.protocol_box.addItem(tr("As the catalog says"), None)
        for protocol in ProtocolId:
            self.protocol_box.addItem(protocol.value, protocol.value)
        self.protocol_box.setToolTip(
            tr("Used unless a protocol is chosen in the composer for the request.")
        )
        self.extra_edit = QPlainTextEdit(objectName="overrideExtraEdit")
        self.extra_edit.setPlaceholderText(EXTRA_HINT)
        self.extra_edit.setTabChangesFocus(True)
        self.extra_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.extra_edit.setToolTip(
            tr(
                "A JSON object added to every request body for this model. It cannot set what "
                "the studio sends itself (model, prompt, size…) and never holds a key."
            )
        )
        self.problem_label = message_label("overrideProblem", "error")

        self._build()
        self.model_edit.textEdited.connect(self._on_edited)
        self.name_edit.textEdited.connect(self._on_edited)
        self.protocol_box.currentIndexChanged.connect(self._on_edited)
        self.extra_edit.textChanged.connect(self._on_edited)
        self._show_draft(None)

    def _build(self) -> None:
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.fields = QWidget(objectName="overrideFields")
        rows = QFormLayout(self.fields)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows.addRow(tr("Model"), self.model_edit)
        rows.addRow(tr("Name sent"), self.name_edit)
        rows.addRow(tr("Protocol"), self.protocol_box)
        rows.addRow(tr("Extra fields"), self.extra_edit)
        rows.addRow("", self.problem_label)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        hint = QLabel(
            tr(
                "For a model on this relay: the name sent instead of the one picked, the "
                "protocol, and extra fields for the request body."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        column.addWidget(hint)
        column.addWidget(self.list)
        column.addLayout(buttons)
        column.addWidget(self.fields)

    # -- the public surface ----------------------------------------------------------------

    def load(self, overrides: tuple[ModelOverride, ...]) -> None:
        self._drafts = [_Draft.of(override) for override in overrides]
        self._loading = True
        try:
            self.list.clear()
            for draft in self._drafts:
                self.list.addItem(QListWidgetItem(self._row_text(draft)))
            self.list.setCurrentRow(0 if self._drafts else -1)
            self._show_draft(0 if self._drafts else None)
        finally:
            self._loading = False

    def protocol(self) -> ProtocolId | None:
        """The protocol chosen for the selected model (None: the catalog's)."""
        data = self.protocol_box.currentData()
        return ProtocolId(data) if data else None

    def set_suggestions(self, models: list[str]) -> None:
        """Names offered while typing the model (the catalog's)."""
        self._suggestions.setStringList(models)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setEnabled(not read_only)
        self._update_enabled()

    def overrides(self) -> tuple[ModelOverride, ...]:
        """The settings as edited; :class:`OverrideError` for the first one that cannot be
        saved (that one is selected, the field to fix named)."""
        result: list[ModelOverride] = []
        seen: set[str] = set()
        for row, draft in enumerate(self._drafts):
            checked = _check(draft)
            if checked.override is None:
                self.list.setCurrentRow(row)
                fix = self.extra_edit if checked.in_extra else self.model_edit
                self._show_problem(checked.problem, fix)
                raise OverrideError(checked.problem, fix)
            if checked.override.model in seen:
                self.list.setCurrentRow(row)
                text = QCoreApplication.translate("Errors", rules.MSG_OVERRIDE_TWICE).format(
                    model=checked.override.model
                )
                self._show_problem(text, self.model_edit)
                raise OverrideError(text, self.model_edit)
            seen.add(checked.override.model)
            result.append(checked.override)
        return tuple(result)

    def add(self) -> None:
        """A new, empty model setting, its model field focused."""
        self._drafts.append(_Draft())
        self.list.addItem(QListWidgetItem(self._row_text(self._drafts[-1])))
        self.list.setCurrentRow(len(self._drafts) - 1)
        self.model_edit.setFocus()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0 or self._read_only:
            return
        del self._drafts[row]
        self.list.takeItem(row)
        self._show_draft(self.list.currentRow() if self._drafts else None)
        self.changed.emit()

    # -- behaviour -------------------------------------------------------------------------

    def _row_text(self, draft: _Draft) -> str:
        parts = [draft.model.strip() or tr("(choose a model)")]
        if draft.name_sent.strip():
            parts.append("→ " + draft.name_sent.strip())
        if draft.protocol is not None:
            parts.append(draft.protocol.value)
        if draft.extra.strip():
            parts.append(tr("extra fields"))
        return " · ".join(parts)

    def _on_row_changed(self, row: int) -> None:
        self._show_draft(row if 0 <= row < len(self._drafts) else None)

    def _show_draft(self, row: int | None) -> None:
        draft = self._drafts[row] if row is not None else _Draft()
        loading, self._loading = self._loading, True
        try:
            self.model_edit.setText(draft.model)
            self.name_edit.setText(draft.name_sent)
            chosen = draft.protocol.value if draft.protocol is not None else None
            self.protocol_box.setCurrentIndex(max(0, self.protocol_box.findData(chosen)))
            self.extra_edit.setPlainText(draft.extra)
        finally:
            self._loading = loading
        self._update_enabled()
        checked = _check(draft) if row is not None else _Checked()
        self._show_problem(checked.problem if checked.in_extra else "", self.extra_edit)

    def _update_enabled(self) -> None:
        has_row = 0 <= self.list.currentRow() < len(self._drafts)
        self.fields.setEnabled(has_row and not self._read_only)
        self.remove_button.setEnabled(has_row and not self._read_only)

    def _on_edited(self, *_: object) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self._drafts):
            return
        draft = self._drafts[row]
        draft.model = self.model_edit.text()
        draft.name_sent = self.name_edit.text()
        draft.protocol = self.protocol()
        draft.extra = self.extra_edit.toPlainText()
        item = self.list.item(row)
        if item is not None:
            item.setText(self._row_text(draft))
        checked = _check(draft)
        # Typing is checked as it goes for the extra fields; the model may still be half-typed.
        self._show_problem(checked.problem if checked.in_extra else "", self.extra_edit)
        self.changed.emit()

    def _show_problem(self, text: str, field: QWidget | None = None) -> None:
        """Say ``text`` under the fields and outline ``field`` ("": all is well)."""
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        for widget in (self.extra_edit, self.model_edit):
            invalid = bool(text) and widget is field
            if bool(widget.property("invalid")) != invalid:
                widget.setProperty("invalid", invalid)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
