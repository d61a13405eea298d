"""Choosing the model: a button that opens a searchable list grouped by family.

With a relay chosen, the list is the relay's own (``GET /v1/models``, see ``relay_list``):
the catalog's models it sells, its aliases under the entry they stand for, names the catalog
knows by pattern ("Other FLUX models"), image-looking names nobody knows ("Unknown"); names that
are not image models appear only to a search. Without a list, the catalog's models, with a quiet
note saying why.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOption,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind
from studio.domain.model_spec import ModelSpec, Operation, ProtocolId
from studio.settings.relay_models import Entry, Listing, Section, SectionKind, arrange, equivalent
from studio.ui import i18n
from studio.ui.composer.relay_list import RelayModels
from studio.ui.icons import icon
from studio.ui.services import Services

MODEL_ROLE = Qt.ItemDataRole.UserRole  # the name a row picks (none on headers)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1  # the words a search looks in
SEARCH_ONLY_ROLE = Qt.ItemDataRole.UserRole + 2  # a section shown only to a search


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerModel", text)


def capabilities(spec: ModelSpec, protocol: ProtocolId | None = None) -> str:
    """One quiet line: "images · refs ≤ 16 · mask"."""
    parts = [(protocol or spec.default_protocol).value]
    if spec.max_refs == 0:
        parts.append(tr("no refs"))
    elif spec.min_refs > 0:
        parts.append(tr("refs {low}–{high}").format(low=spec.min_refs, high=spec.max_refs))
    else:
        parts.append(tr("refs ≤ {count}").format(count=spec.max_refs))
    if spec.supports_mask:
        parts.append(tr("mask"))
    if spec.operations and Operation.GENERATE not in spec.operations:
        parts.append(tr("edits only"))
    if not spec.known:
        parts.append(tr("not in the catalog"))
    if spec.retired:
        parts.append(retired_tag(spec.retired))
    return " · ".join(parts)


def retired_tag(date: str) -> str:
    return tr("retired {date}").format(date=date)


def family_title(catalog: Catalog, family: str) -> str:
    label = catalog.families.get(family, {}).get("label")
    return str(label) if label else family


def section_title(section: Section) -> str:
    if section.kind is SectionKind.FAMILY:
        return section.title or section.family
    if section.kind is SectionKind.OTHER:
        if not section.title or section.family == "other":
            return tr("Other models")
        return tr("Other {family} models").format(family=section.title)
    if section.kind is SectionKind.UNKNOWN:
        return tr("Unknown")
    return tr("Other names from the relay")


def _outside_tooltip(section: Section) -> str:
    if section.kind is SectionKind.OTHER:
        return tr("Not in the catalog: offered with the settings of {family} models.").format(
            family=section.title or section.family
        )
    if section.kind is SectionKind.UNKNOWN:
        return tr("Not in the catalog: offered with generic settings.")
    return tr("By its name, not an image model.")


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [item.child(i) for i in range(item.childCount())]


def _when(seconds: float) -> str:
    moment = QDateTime.fromSecsSinceEpoch(int(seconds))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def _reason(relay: RelayModels) -> str:
    problem = relay.problem
    if problem is None:
        return tr("no answer")
    if problem.kind is ErrorKind.NETWORK:
        from studio.settings.check import unreachable_reason  # the HTTP stack loads later

        return unreachable_reason(problem)
    return problem.relay_message or i18n.message(problem)


def list_note(relay: RelayModels, listing: Listing) -> tuple[str, str]:
    """One quiet line on where the list comes from, and a tooltip with the details."""
    name = relay.profile
    if not name:
        return tr("No relay chosen: these are the catalog's models."), ""
    when = _when(relay.fetched_at) if relay.fetched_at is not None else ""
    if relay.fetching:
        if relay.models is not None:
            return tr("Asking {relay} for its models… (the list from {when} meanwhile)").format(
                relay=name, when=when
            ), ""
        return tr("Asking {relay} for its models…").format(relay=name), ""
    if relay.failed:
        reason = _reason(relay)
        short = reason if len(reason) <= 80 else reason[:79] + "…"
        if relay.models is not None and listing.image_count():
            text = tr("{relay} did not give its models ({reason}): its list from {when}.")
        else:
            text = tr("{relay} did not give its models ({reason}): the catalog's models.")
        return text.format(relay=name, reason=short, when=when), reason
    if relay.models is None:
        return tr("The catalog's models (Refresh asks {relay} for its own).").format(relay=name), ""
    if not listing.image_count():  # the list shown is the catalog's
        return tr("{relay} lists no image models: these are the catalog's models.").format(
            relay=name
        ), ""
    text = tr("{count} image models from {relay}, {when}.").format(
        count=listing.image_count(), relay=name, when=when
    )
    if hidden := listing.hidden():
        text += " " + tr("{count} other names are left out; a search finds them.").format(
            count=hidden
        )
    return text, ""


class ModelPopup(QFrame):
    """The list: type to filter, arrows to move, Enter to pick, Esc to close."""

    chosen = Signal(str)
    refresh_requested = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("modelPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.catalog = catalog
        self.search = QLineEdit()
        self.search.setObjectName("modelSearch")
        self.search.setPlaceholderText(tr("Search models…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.search.installEventFilter(self)
        self.note = QLabel(objectName="modelListNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # a relay's words may end up here
        self.note.setWordWrap(True)
        self.note.setProperty("role", "hint")
        self.refresh_button = QToolButton(objectName="refreshModelsButton")
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.setAutoRaise(True)
        self.refresh_button.setToolTip(tr("Ask the relay for its models again"))
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.list = QTreeWidget()
        self.list.setObjectName("modelList")
        self.list.setColumnCount(2)
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setIndentation(12)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setStretchLastSection(False)
        # The name sent to the relay is shown whole; a long label gives way first.
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setStyleSheet("QTreeWidget::item { padding: 3px 4px; }")
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        status = QHBoxLayout()
        status.setContentsMargins(0, 0, 0, 0)
        status.addWidget(self.note, 1)
        status.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        self.status_row = QWidget()
        self.status_row.setLayout(status)
        self.status_row.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.search)
        layout.addWidget(self.status_row)
        layout.addWidget(self.list)
        self._custom = QTreeWidgetItem()
        self.set_listing(arrange(catalog, None))

    # -- the rows --------------------------------------------------------------------------

    def set_listing(self, listing: Listing) -> None:
        """Show ``listing``; the search and the row under the cursor stay."""
        current = self.list.currentItem()
        picked = current.data(0, MODEL_ROLE) if current is not None else None
        self.list.clear()
        self._custom = QTreeWidgetItem()
        for section in listing.sections:
            self.list.addTopLevelItem(self._section_item(section))
        self._custom.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.list.addTopLevelItem(self._custom)
        self._custom.setHidden(True)
        self.list.expandAll()
        self.filter(self.search.text())
        for item in self.models():
            if picked and item.data(0, MODEL_ROLE) == picked:
                self.list.setCurrentItem(item)

    def set_note(self, text: str, tooltip: str = "", *, can_refresh: bool = False) -> None:
        """Where the list comes from (hidden when there is nothing to say)."""
        self.note.setText(text)
        self.note.setToolTip(tooltip)
        self.refresh_button.setEnabled(can_refresh)
        self.status_row.setVisible(bool(text))

    def _section_item(self, section: Section) -> QTreeWidgetItem:
        hint = self.palette().color(QPalette.ColorRole.PlaceholderText)
        header = QTreeWidgetItem([section_title(section)])
        header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        header.setData(0, SEARCH_ONLY_ROLE, section.kind is SectionKind.NOT_IMAGE)
        font = header.font(0)
        font.setBold(True)
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        header.setFont(0, font)
        header.setForeground(0, hint)
        for entry in section.entries:
            header.addChild(self._entry_item(section, entry))
        header.setFirstColumnSpanned(True)
        return header

    def _entry_item(self, section: Section, entry: Entry) -> QTreeWidgetItem:
        """One model row, with the relay's aliases for it as rows below."""
        hint = self.palette().color(QPalette.ColorRole.PlaceholderText)
        title = section_title(section)
        if section.kind is SectionKind.FAMILY:
            spec = self.catalog.get(entry.model)
            detail = entry.model if entry.label != entry.model else ""
            if spec.retired:  # still routed by some relays: offered, with its date
                detail = " · ".join(filter(None, [detail, retired_tag(spec.retired)]))
            item = QTreeWidgetItem([entry.label, detail])
            item.setToolTip(0, spec.notes or entry.model)
        else:
            item = QTreeWidgetItem([entry.model, ""])
            item.setToolTip(0, _outside_tooltip(section))
        item.setForeground(1, hint)
        item.setData(0, SEARCH_ROLE, f"{entry.label} {entry.model} {title}".lower())
        if entry.listed:
            item.setData(0, MODEL_ROLE, entry.model)
        else:  # the relay sells it only under other names: the rows below
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(0, hint)
            item.setToolTip(
                0, tr("This relay sells {model} under the names below.").format(model=entry.label)
            )
        for alias in entry.aliases:
            row = QTreeWidgetItem([alias, tr("relay name")])
            row.setForeground(1, hint)
            row.setData(0, MODEL_ROLE, alias)
            row.setData(0, SEARCH_ROLE, f"{alias} {entry.label} {entry.model} {title}".lower())
            row.setToolTip(
                0,
                tr("“{alias}” is this relay's name for {model}: the same settings.").format(
                    alias=alias, model=entry.label
                ),
            )
            item.addChild(row)
        return item

    def _headers(self) -> list[QTreeWidgetItem]:
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item for item in items if item is not self._custom]

    def models(self) -> list[QTreeWidgetItem]:
        """The visible rows that pick a model, top to bottom."""
        result = []
        for header in self._headers():
            if header.isHidden():
                continue
            for entry in _children(header):
                if entry.isHidden():
                    continue
                if entry.data(0, MODEL_ROLE):
                    result.append(entry)
                result += [alias for alias in _children(entry) if not alias.isHidden()]
        if not self._custom.isHidden():
            result.append(self._custom)
        return result

    def filter(self, text: str) -> None:
        words = text.lower().split()
        wanted = text.strip().lower()
        exact: QTreeWidgetItem | None = None

        def matches(item: QTreeWidgetItem) -> bool:
            haystack = str(item.data(0, SEARCH_ROLE) or "")
            return all(word in haystack for word in words)

        for header in self._headers():
            search_only = bool(header.data(0, SEARCH_ONLY_ROLE))
            shown = 0
            for entry in _children(header):
                entry_matches = matches(entry)
                aliases_shown = 0
                for alias in _children(entry):
                    visible = entry_matches or matches(alias)
                    alias.setHidden(not visible)
                    aliases_shown += visible
                    if visible and str(alias.data(0, MODEL_ROLE)).lower() == wanted:
                        exact = alias
                visible = (entry_matches or aliases_shown > 0) and (bool(words) or not search_only)
                entry.setHidden(not visible)
                shown += visible
                model = entry.data(0, MODEL_ROLE)
                if visible and model and str(model).lower() == wanted:
                    exact = entry
            header.setHidden(shown == 0)
        name = text.strip()
        show_custom = bool(name) and exact is None and " " not in name
        self._custom.setHidden(not show_custom)
        if show_custom:
            self._custom.setText(0, tr("Use the model name “{name}”").format(name=name))
            self._custom.setData(0, MODEL_ROLE, name)
        visible = self.models()
        if exact is None and visible:
            exact = visible[0]
        self.list.setCurrentItem(exact)

    def open_at(self, position: QPoint, width: int, current: str) -> None:
        self.search.clear()
        self.filter("")
        for item in self.models():
            if item.data(0, MODEL_ROLE) == current:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.resize(max(width, 520), 480)
        self.move(position)
        self.show()
        self.search.setFocus(Qt.FocusReason.PopupFocusReason)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        model = item.data(0, MODEL_ROLE)
        if model:
            self.close()
            self.chosen.emit(str(model))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.list.currentItem()
                if current is not None and not current.isHidden():
                    self._activated(current)
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._step(event)
                return True
        return super().eventFilter(watched, event)

    def _step(self, event: QKeyEvent) -> None:
        visible = self.models()
        if not visible:
            return
        current = self.list.currentItem()
        index = visible.index(current) if current in visible else -1
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8}.get(event.key(), -8)
        item = visible[max(0, min(len(visible) - 1, index + step))]
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class ModelPicker(QPushButton):
    """Shows the current model; opens :class:`ModelPopup`; ``model_chosen`` on a pick.

    Given ``services``, it follows the current relay's own list (:class:`RelayModels`): after a
    switch of relay the chosen model is kept when the relay has it, replaced by the relay's
    name for the same model when it has that instead, and marked "not on this relay" otherwise.
    """

    model_chosen = Signal(str)

    def __init__(
        self, catalog: Catalog, parent: QWidget | None = None, *, services: Services | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("modelButton")
        self.catalog = catalog
        self._model = ""
        self._detail = ""
        self._missing = False  # the relay's list lacks the chosen model
        self._check_after_switch = False
        self.popup: ModelPopup | None = None
        self.relay = RelayModels(services, parent=self) if services is not None else None
        if self.relay is not None:
            self.relay.changed.connect(self._on_list_changed)
            self.relay.switched.connect(self._on_switched)
        self.setStyleSheet(
            "QPushButton#modelButton { text-align: left; padding: 6px 28px 6px 10px; }"
        )
        self.setToolTip(tr("Choose the model (type to search)"))
        self.clicked.connect(self.open_popup)

    def model(self) -> str:
        return self._model

    @property
    def missing(self) -> bool:
        """The current relay's list does not have the chosen model."""
        return self._missing

    def set_model(self, model: str) -> None:
        self._model = model
        self._show_model()

    def _show_model(self) -> None:
        model = self._model
        spec = self.catalog.get(model)
        relay = self.relay
        self._missing = bool(
            model and relay is not None and relay.models is not None and model not in relay.models
        )
        label = spec.label if spec.known and spec.label and spec.label != model else model
        self._detail = model if label != model else ""
        tooltip = f"{model}\n{spec.notes}" if spec.notes else model
        if self._missing and relay is not None:
            self._detail = tr("not on this relay")
            tooltip += "\n" + tr("{relay} does not list {model}.").format(
                relay=relay.profile, model=model
            )
        self.setText(label)
        self.setToolTip(tooltip)
        self.update()

    def listing(self) -> Listing:
        """What the list shows now: the relay's models, or the catalog's."""
        if self.relay is None:
            return arrange(self.catalog, None)
        listing = self.relay.listing
        return listing if listing.image_count() else arrange(self.catalog, None)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """The label as usual; the model's id, quieter, and a down arrow on the right."""
        super().paintEvent(event)
        painter = QPainter(self)
        arrow = QStyleOption()
        arrow.initFrom(self)
        arrow.rect = self.rect().adjusted(self.width() - 24, 0, -10, 0)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorArrowDown, arrow, painter)
        if self._detail:
            label_width = self.fontMetrics().horizontalAdvance(self.text())
            room = self.rect().adjusted(label_width + 24, 0, -30, 0)
            detail = self.fontMetrics().elidedText(
                self._detail, Qt.TextElideMode.ElideMiddle, room.width()
            )
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                room, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, detail
            )

    def open_popup(self) -> None:
        if self.popup is None:
            self.popup = ModelPopup(self.catalog, self)
            self.popup.chosen.connect(self._picked)
            self.popup.refresh_requested.connect(self.refresh)
            self._update_popup()
        if self.relay is not None:
            self.relay.ensure_fresh()  # the answer updates the open list
        self.popup.open_at(self.mapToGlobal(QPoint(0, self.height())), self.width(), self._model)

    def refresh(self) -> None:
        """Ask the current relay for its models again."""
        if self.relay is not None:
            self.relay.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Typing on the focused button opens the list and starts the search."""
        text = event.text()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if text and text.isprintable() and not text.isspace() and plain:
            if self.popup is None or not self.popup.isVisible():
                self.open_popup()
            assert self.popup is not None
            self.popup.search.insert(text)
            return
        super().keyPressEvent(event)

    def _picked(self, model: str) -> None:
        if model != self._model:
            self.set_model(model)
            self.model_chosen.emit(model)

    # -- the relay's list ------------------------------------------------------------------

    def _update_popup(self) -> None:
        if self.popup is None:
            return
        self.popup.set_listing(self.listing())
        if self.relay is None:
            self.popup.set_note("")
            return
        text, tooltip = list_note(self.relay, self.relay.listing)
        can_refresh = bool(self.relay.profile) and not self.relay.fetching
        self.popup.set_note(text, tooltip, can_refresh=can_refresh)

    def _on_switched(self) -> None:
        self._check_after_switch = True

    def _on_list_changed(self) -> None:
        relay = self.relay
        assert relay is not None
        self._update_popup()
        if self._check_after_switch and relay.models is not None and self._model:
            found = equivalent(self.catalog, self._model, relay.models)
            if found is not None and found != self._model:
                self.set_model(found)
                self.model_chosen.emit(found)
        if not relay.fetching:  # the new relay's answer (or its absence) is in
            self._check_after_switch = False
        self._show_model()
