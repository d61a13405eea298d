"""Choosing the model: a button that opens a searchable list grouped by family."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOption,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.catalog import Catalog
from studio.domain.model_spec import ModelSpec, Operation, ProtocolId
from studio.protocols.capabilities import CAPABILITIES

MODEL_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerModel", text)


def likely_operation(spec: ModelSpec, has_references: bool) -> Operation:
    """The operation ``plan_request`` picks when none is set: edit with references."""
    edits = Operation.EDIT in spec.operations
    if edits and (has_references or Operation.GENERATE not in spec.operations):
        return Operation.EDIT
    return Operation.GENERATE


def likely_protocol(spec: ModelSpec, has_references: bool) -> ProtocolId:
    """The protocol ``plan_request`` picks when none is chosen: the first that can do the job."""
    operation = likely_operation(spec, has_references)
    for protocol in spec.protocols:
        if operation in CAPABILITIES[protocol].operations:
            return protocol
    return spec.default_protocol


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
    return " · ".join(parts)


def family_title(catalog: Catalog, family: str) -> str:
    label = catalog.families.get(family, {}).get("label")
    return str(label) if label else family


class ModelPopup(QFrame):
    """The list: type to filter, arrows to move, Enter to pick, Esc to close."""

    chosen = Signal(str)

    def __init__(self, catalog: Catalog, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("modelPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.search = QLineEdit()
        self.search.setObjectName("modelSearch")
        self.search.setPlaceholderText(tr("Search models…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.search.installEventFilter(self)
        self.list = QTreeWidget()
        self.list.setObjectName("modelList")
        self.list.setColumnCount(2)
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setIndentation(8)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setStyleSheet("QTreeWidget::item { padding: 3px 4px; }")
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self._custom = QTreeWidgetItem()
        self._build(catalog)

    def _build(self, catalog: Catalog) -> None:
        hint = self.palette().color(QPalette.ColorRole.PlaceholderText)
        listed = set(catalog.ids())
        for family, specs in catalog.by_family().items():
            header = QTreeWidgetItem([family_title(catalog, family)])
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            header.setFirstColumnSpanned(True)
            font = header.font(0)
            font.setBold(True)
            font.setCapitalization(QFont.Capitalization.AllUppercase)
            font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
            header.setFont(0, font)
            header.setForeground(0, hint)
            self.list.addTopLevelItem(header)
            for spec in specs:
                if spec.id not in listed:
                    continue
                item = QTreeWidgetItem([spec.label or spec.id, spec.id if spec.label else ""])
                item.setData(0, MODEL_ROLE, spec.id)
                item.setToolTip(0, spec.notes or spec.id)
                item.setForeground(1, hint)
                header.addChild(item)
            header.setFirstColumnSpanned(True)
        self._custom.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.list.addTopLevelItem(self._custom)
        self._custom.setHidden(True)
        self.list.expandAll()

    def models(self) -> list[QTreeWidgetItem]:
        """The visible model rows, top to bottom."""
        result = []
        for top in range(self.list.topLevelItemCount()):
            header = self.list.topLevelItem(top)
            if header is self._custom:
                if not header.isHidden():
                    result.append(header)
                continue
            children = (header.child(i) for i in range(header.childCount()))
            result += [child for child in children if not child.isHidden()]
        return result

    def filter(self, text: str) -> None:
        words = text.lower().split()
        exact: QTreeWidgetItem | None = None
        for top in range(self.list.topLevelItemCount()):
            header = self.list.topLevelItem(top)
            if header is self._custom:
                continue
            family = header.text(0).lower()
            shown = 0
            for index in range(header.childCount()):
                item = header.child(index)
                model = str(item.data(0, MODEL_ROLE))
                haystack = f"{item.text(0)} {model} {family}".lower()
                visible = all(word in haystack for word in words)
                item.setHidden(not visible)
                shown += visible
                if model.lower() == text.strip().lower():
                    exact = item
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
        self.resize(max(width, 440), 460)
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
    """Shows the current model; opens :class:`ModelPopup`; ``model_chosen`` on a pick."""

    model_chosen = Signal(str)

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelButton")
        self.catalog = catalog
        self._model = ""
        self._detail = ""
        self.popup: ModelPopup | None = None
        self.setStyleSheet(
            "QPushButton#modelButton { text-align: left; padding: 6px 28px 6px 10px; }"
        )
        self.setToolTip(tr("Choose the model (type to search)"))
        self.clicked.connect(self.open_popup)

    def model(self) -> str:
        return self._model

    def set_model(self, model: str) -> None:
        self._model = model
        spec = self.catalog.get(model)
        label = spec.label if spec.known and spec.label and spec.label != model else model
        self._detail = model if label != model else ""
        self.setText(label)
        self.setToolTip(f"{model}\n{spec.notes}" if spec.notes else model)
        self.update()

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
        if self.popup is None:  # built on first use: the catalog does not change meanwhile
            self.popup = ModelPopup(self.catalog, self)
            self.popup.chosen.connect(self._picked)
        self.popup.open_at(self.mapToGlobal(QPoint(0, self.height())), self.width(), self._model)

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
