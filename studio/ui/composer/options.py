"""The model's settings, bound to the composition: the rows show what the model offers and the
protocol in use carries; an edit is written to the composition, whose rules (what a new model
keeps, a size against a ratio) decide what every control then shows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.model_spec import ModelSpec, ProtocolId
from studio.engine.composition import Composition, OptionValues
from studio.engine.composition.options import (
    LATE_ROWS,
    OPTION_FIELDS,
    fitting_ratio,
    format_allows,
    offered_rows,
)
from studio.protocols.capabilities import OPTIONS, offered_protocols
from studio.ui.composer.late_options import LateOptionWidgets, titles
from studio.ui.widgets.labels import section_label
from studio.ui.widgets.segmented import SegmentedButtons

SEED_MAX = 2**32 - 1


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerOptions", text)


# Each row of the form and the request option it sets.
ROW_OPTIONS = {
    **{row: names[0] for row, names in LATE_ROWS.items()},
    "ratio": "ratio",
    "resolution": "resolution",
    "size": "size",
    "n": "n",
    "quality": "quality",
    "style": "style",
    "format": "output_format",
    "background": "background",
    "seed": "seed",
}
EVERY_OPTION = frozenset(OPTIONS)


def unlisted_protocols(spec: ModelSpec) -> list[ProtocolId]:
    """The protocols the catalog does not list for ``spec``: the user may still choose one
    (they know their relay); the request then says so in a note."""
    offered = offered_protocols(spec)
    return [protocol for protocol in ProtocolId if protocol not in offered]


class OptionsForm(QWidget):
    """Ratio, resolution, size, n, quality, style, format, background, seed and protocol, and
    the late rows (``late_options``) — each a view of the composition's value."""

    def __init__(self, composition: Composition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.composition = composition
        self.spec: ModelSpec | None = None
        self.carried = EVERY_OPTION  # what the protocol in use sends (see set_carried)
        self._offered: dict[str, bool] = {}  # rows the model has choices for
        self._updating = False

        self.ratio_buttons = SegmentedButtons()
        self.ratio_buttons.setObjectName("ratioButtons")
        self.ratio_buttons.changed.connect(self._ratio_clicked)
        self.ratio_edit = QLineEdit()
        self.ratio_edit.setObjectName("ratioEdit")
        self.ratio_edit.setPlaceholderText(tr("W:H, e.g. 7:4"))
        self.ratio_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^\d{0,3}(:\d{0,3})?$"))
        )
        self.ratio_edit.setMaximumWidth(120)
        self.ratio_edit.textEdited.connect(self._ratio_typed)
        ratio_box = QWidget()
        ratio_layout = QVBoxLayout(ratio_box)
        ratio_layout.setContentsMargins(0, 0, 0, 0)
        ratio_layout.setSpacing(4)
        ratio_layout.addWidget(self.ratio_buttons)
        ratio_layout.addWidget(self.ratio_edit)

        self.resolution_buttons = SegmentedButtons()
        self.resolution_buttons.setObjectName("resolutionButtons")
        self.resolution_buttons.changed.connect(lambda _: self._user_changed())

        self.size_box = self._combo("sizeBox")
        self.size_box.currentIndexChanged.connect(self._size_chosen)
        self.n_box = QSpinBox()
        self.n_box.setObjectName("nBox")
        self.n_box.setMinimum(1)
        self.n_box.valueChanged.connect(lambda _: self._user_changed())
        self.quality_box = self._combo("qualityBox")
        self.style_box = self._combo("styleBox")
        self.format_box = self._combo("formatBox")
        self.background_box = self._combo("backgroundBox")
        for box in (self.quality_box, self.style_box, self.format_box, self.background_box):
            box.currentIndexChanged.connect(lambda _: self._user_changed())
        self.seed_edit = QLineEdit()
        self.seed_edit.setObjectName("seedEdit")
        self.seed_edit.setPlaceholderText(tr("random"))
        self.seed_edit.setClearButtonEnabled(True)
        self.seed_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\d{0,10}$")))
        self.seed_edit.setToolTip(
            tr("Leave empty for a random seed; the same seed repeats a look.")
        )
        self.seed_edit.textEdited.connect(lambda _: self._user_changed())
        self.late = LateOptionWidgets(self._combo, self._user_changed)
        self.format_box.currentIndexChanged.connect(lambda _: self._format_changed())
        self.protocol_box = self._combo("protocolBox")
        self.protocol_box.currentIndexChanged.connect(lambda _: self._user_changed())
        self.protocol_box.setToolTip(
            tr("How the request travels to the relay. Automatic uses the catalog's choice.")
        )
        self.advanced_toggle = QToolButton()
        self.advanced_toggle.setObjectName("advancedToggle")
        self.advanced_toggle.setText(tr("Advanced"))
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setAutoRaise(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.toggled.connect(self._show_advanced)

        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._rows: dict[str, QWidget] = {}
        self._add_row("ratio", tr("Ratio"), ratio_box)
        self._add_row("resolution", tr("Resolution"), self.resolution_buttons)
        self._add_row("size", tr("Size"), self.size_box)
        self._add_row("n", tr("Images"), self._left(self.n_box))
        rows = {
            "quality": (tr("Quality"), self.quality_box),
            "style": (tr("Style"), self.style_box),
            "format": (tr("Format"), self.format_box),
            "background": (tr("Background"), self.background_box),
            "seed": (tr("Seed"), self.seed_edit),
            **{key: (title, self.late.widget(key)) for key, title in titles().items()},
        }
        for key in ("series", "quality", "complexity", "style", "format", "compression",
                    "frames", "background", "fidelity", "moderation", "thinking", "watermark",
                    "safety", "seed"):  # fmt: skip
            self._add_row(key, *rows[key])
        self.form.addRow(self.advanced_toggle)
        self._add_row("protocol", tr("Protocol"), self.protocol_box)
        self.form.setRowVisible(self.protocol_box, False)
        labels = [self.form.labelForField(field) for field in self._rows.values()]
        widest = max(label.sizeHint().width() for label in labels)
        for label in labels:  # fields keep their place when rows come and go
            label.setMinimumWidth(widest)

    @staticmethod
    def _left(widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)
        layout.addStretch(1)
        return box

    @staticmethod
    def _combo(name: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return box

    def _add_row(self, key: str, title: str, field: QWidget) -> None:
        self.form.addRow(section_label(title), field)
        self._rows[key] = field

    def row_visible(self, key: str) -> bool:
        return not self.form.labelForField(self._rows[key]).isHidden()

    def _show_row(self, key: str, visible: bool) -> None:
        if key in ROW_OPTIONS:
            self._offered[key] = visible
            visible = visible and ROW_OPTIONS[key] in self.carried
            visible = visible and format_allows(key, self.format_box.currentData() or None)
        self.form.setRowVisible(self._rows[key], visible)

    def _format_changed(self) -> None:
        """Compression shows for jpeg/webp output, frames for gif."""
        for key in ("compression", "frames"):
            self._show_row(key, self._offered.get(key, False))

    def set_carried(self, carried: frozenset[str]) -> None:
        """Show only the rows whose option the chosen protocol sends; the others keep their
        values (a switch back brings them) but :meth:`values` leaves them out."""
        if carried == self.carried:
            return
        self.carried = carried
        for key, offered in self._offered.items():
            self._show_row(key, offered)

    def _show_advanced(self, shown: bool) -> None:
        self.advanced_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self._show_row("protocol", shown)

    # -- following the composition ---------------------------------------------------------

    def bind(self) -> None:
        """Show the composition now and follow its changes."""
        self.composition.changed.connect(self._on_composition_changed)
        self._on_composition_changed(frozenset({"model"}))

    def _on_composition_changed(self, names: frozenset[str]) -> None:
        composition = self.composition
        if "model" in names or self.spec is None:
            self._set_spec(composition.spec)
        self._show(composition.options)
        self.set_carried(composition.carried)

    def _set_spec(self, spec: ModelSpec) -> None:
        """The rows and choices ``spec`` offers (the values come from the composition)."""
        self.spec = spec
        self._updating = True
        try:
            self.ratio_buttons.set_options(spec.ratios)
            self._show_row("ratio", bool(spec.ratios) or spec.free_ratio)
            self.ratio_edit.setVisible(spec.free_ratio)
            if spec.fixed_resolution:
                self.resolution_buttons.set_options(
                    [spec.fixed_resolution], tr("Fixed: this model's name sets the resolution.")
                )
                self.resolution_buttons.set_value(spec.fixed_resolution)
            else:
                self.resolution_buttons.set_options(spec.resolutions)
            self.resolution_buttons.setEnabled(not spec.fixed_resolution)
            self._show_row("resolution", bool(spec.resolutions))
            self._fill(self.size_box, "size", spec.sizes, tr("From the ratio"))
            self.n_box.setMaximum(spec.n_max)
            self._show_row("n", spec.n_max > 1)
            self._fill(self.quality_box, "quality", spec.qualities, tr("Default"))
            self._fill(self.style_box, "style", spec.styles, tr("Default"))
            self._fill(self.format_box, "format", spec.output_formats, tr("Default"))
            self._fill(self.background_box, "background", spec.backgrounds, tr("Default"))
            self.late.set_spec(
                spec, lambda box, key, choices: self._fill(box, key, choices, tr("Default"))
            )
            for key, offered in offered_rows(spec).items():
                self._show_row(key, offered)
            self._show_row("seed", spec.seed)
            self._fill_protocols(spec)
        finally:
            self._updating = False

    def _fill_protocols(self, spec: ModelSpec) -> None:
        protocols = offered_protocols(spec)
        self.protocol_box.clear()
        self.protocol_box.addItem(
            tr("Automatic ({protocol})").format(protocol=spec.default_protocol.value), ""
        )
        for protocol in protocols:
            self.protocol_box.addItem(protocol.value, protocol.value)
        unlisted = unlisted_protocols(spec) if spec.known else []
        if unlisted:
            self.protocol_box.insertSeparator(self.protocol_box.count())
        for protocol in unlisted:
            self.protocol_box.addItem(
                tr("{protocol} (not listed for this model)").format(protocol=protocol.value),
                protocol.value,
            )
            self.protocol_box.setItemData(
                self.protocol_box.count() - 1,
                tr("The catalog does not list {protocol} for this model. It is sent that way "
                   "if you choose it, with a note: you know your relay.").format(
                    protocol=protocol.value
                ),
                Qt.ItemDataRole.ToolTipRole,
            )  # fmt: skip
        choices = len(protocols) + len(unlisted)
        self.advanced_toggle.setVisible(choices > 1)
        self._show_row("protocol", choices > 1 and self.advanced_toggle.isChecked())

    def _fill(self, box: QComboBox, key: str, choices: tuple[str, ...], default: str) -> None:
        box.clear()
        box.addItem(default, "")
        for choice in choices:
            box.addItem(choice.replace("_", " "), choice)
        self._show_row(key, bool(choices))

    # -- values ----------------------------------------------------------------------------

    def shown_values(self) -> OptionValues:
        """What the controls show (every row, hidden ones included)."""
        if self.spec is None:
            return OptionValues()
        if self.spec.free_ratio:
            ratio = self.ratio_edit.text().strip() or None
        else:
            ratio = self.ratio_buttons.value()
        seed_text = self.seed_edit.text().strip()
        protocol = self.protocol_box.currentData()
        return OptionValues(
            ratio=ratio,
            resolution=None if self.spec.fixed_resolution else self.resolution_buttons.value(),
            size=self.size_box.currentData() or None,
            n=self.n_box.value(),
            quality=self.quality_box.currentData() or None,
            style=self.style_box.currentData() or None,
            output_format=self.format_box.currentData() or None,
            background=self.background_box.currentData() or None,
            seed=min(int(seed_text), SEED_MAX) if seed_text and self.spec.seed else None,
            protocol=ProtocolId(protocol) if protocol else None,
            **self.late.values(),
        )

    def _show(self, values: OptionValues) -> None:
        self._updating = True
        try:
            if self.spec is not None:
                self.ratio_buttons.set_value(fitting_ratio(values.ratio, self.spec))
            if self.ratio_edit.text().strip() != (values.ratio or ""):
                self.ratio_edit.setText(values.ratio or "")  # not while it is being typed
            if self.spec is not None and not self.spec.fixed_resolution:
                self.resolution_buttons.set_value(values.resolution)
            self._choose(self.size_box, values.size)
            self.n_box.setValue(values.n)
            self._choose(self.quality_box, values.quality)
            self._choose(self.style_box, values.style)
            self._choose(self.format_box, values.output_format)
            self._choose(self.background_box, values.background)
            if self.seed_edit.text().strip() != ("" if values.seed is None else str(values.seed)):
                self.seed_edit.setText("" if values.seed is None else str(values.seed))
            self.late.show(values, self._choose)
            self._choose(self.protocol_box, values.protocol.value if values.protocol else None)
        finally:
            self._updating = False
        self._format_changed()

    @staticmethod
    def _choose(box: QComboBox, value: str | None) -> None:
        index = box.findData(value or "")
        box.setCurrentIndex(max(index, 0))

    # -- user changes: written to the composition ------------------------------------------

    def _user_changed(self) -> None:
        """What the user changed (the controls against the composition) becomes one step."""
        if self._updating or self.spec is None:
            return
        shown, held = self.shown_values(), self.composition.options
        changes = {
            name: getattr(shown, name)
            for name in OPTION_FIELDS
            if getattr(shown, name) != getattr(held, name)
        }
        if changes:
            self.composition.update(**changes)

    def _ratio_clicked(self, ratio: str | None) -> None:
        if not self._updating:
            self.composition.ratio = ratio

    def _ratio_typed(self, text: str) -> None:
        if not self._updating:
            self.composition.ratio = text.strip() or None

    def _size_chosen(self, _index: int) -> None:
        self._user_changed()
