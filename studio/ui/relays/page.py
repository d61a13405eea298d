"""The Relays window: per relay (the current one first) its figures, honesty, a table per
model, charts and the claim list with "Export CSV…" / "Export JSON…".

Non-modal. Everything is asked through the bridge (the store's thread); pyqtgraph is imported
on a worker thread the first time the charts are needed, so opening never stalls the window.
"""

from __future__ import annotations

import asyncio
import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.engine.claims_export import claim_time, claims_csv, claims_json
from studio.ui.relays.texts import (
    DASH,
    amount_text,
    balance_text,
    latency_text,
    money_text,
    percent,
    reason_text,
    tr,
)
from studio.ui.services import Services

if TYPE_CHECKING:
    from studio.engine.ledger import Claim, Ledger, ProfileLedger
    from studio.protocols.billing import Balance
    from studio.ui.relays.charts import Charts

CHARTS = "studio.ui.relays.charts"  # pyqtgraph and numpy: imported on a worker thread
CHART_DAYS = 14  # the latency chart's last days with jobs (one query a day)
CLAIM_ROWS = 300  # claims listed in the table, newest; the export holds them all
FIGURES = (
    ("jobs", "Jobs"),
    ("outcome", "Succeeded / failed"),
    ("images", "Images"),
    ("success", "Success rate"),
    ("latency", "Time to image"),
    ("spend", "Spend"),
    ("balance", "Balance"),
    ("claims", "Paid, not delivered"),
)
HONESTY = (
    ("ratio_drift", "Ratio drift"),
    ("mask_ignored", "Mask ignored"),
    ("size_short", "Smaller than asked"),
    ("model_mismatch", "Another model answered"),
)


def _label(name: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)


class RelaysPage(QWidget):
    """The window; :meth:`refresh` (re)loads the ledger, ``loaded`` says it is shown."""

    loaded = Signal()  # the ledger is in and the current relay's figures are shown
    exported = Signal(str)  # the path of a claim list just written

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.services = services
        self.bridge = services.bridge
        self.setObjectName("relaysPage")
        self.setWindowTitle(tr("Relays"))
        self.resize(1180, 820)
        self.ledger: Ledger | None = None
        self.claims: list[Claim] = []
        self.balances: dict[str, Balance | None] = {}  # each relay's answer (None: it tells none)
        self.charts: Charts | None = None
        self._generation = 0
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

        self.stack = QStackedWidget()
        self.message = _label("relaysEmpty")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setProperty("role", "hint")
        self.message.setText(tr("Reading the history…"))
        self.stack.addWidget(self.message)
        self.stack.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    # -- building --------------------------------------------------------------------------

    def _build_content(self) -> QWidget:
        self.relay_list = QListWidget()
        self.relay_list.setObjectName("relayList")
        self.relay_list.setMaximumWidth(240)
        self.relay_list.currentTextChanged.connect(self._show_relay)

        self.title = _label("relayTitle")
        self.title.setProperty("role", "title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        figures = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        self.figure_names: dict[str, QLabel] = {}
        for row, (key, name) in enumerate(FIGURES):
            self.figure_names[key] = QLabel(tr(name))
            self.figures[key] = _label(f"figure_{key}")
            figures.addWidget(self.figure_names[key], row, 0)
            figures.addWidget(self.figures[key], row, 1)
        honesty = QGridLayout()
        honesty.addWidget(_label("honestyTitle", tr("Did the relay keep its word?")), 0, 0, 1, 2)
        self.honesty: dict[str, QLabel] = {}
        for row, (key, name) in enumerate(HONESTY, start=1):
            self.honesty[key] = _label(f"honesty_{key}")
            honesty.addWidget(QLabel(tr(name)), row, 0)
            honesty.addWidget(self.honesty[key], row, 1)
        honesty.setRowStretch(len(HONESTY) + 1, 1)
        numbers = QHBoxLayout()
        numbers.addLayout(figures, 3)
        numbers.addSpacing(24)
        numbers.addLayout(honesty, 2)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("relayTabs")
        self.chart_room = QWidget()
        QVBoxLayout(self.chart_room).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.chart_room, tr("Charts"))
        self.models = _table(
            "modelTable", [tr("Model"), tr("Jobs"), tr("Images"), tr("Spend"), tr("Success")]
        )
        self.tabs.addTab(self.models, tr("Per model"))
        self.tabs.addTab(self._build_claims(), tr("Claims"))

        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.title)
        column.addLayout(numbers)
        column.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(self.relay_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 980])
        return splitter

    def _build_claims(self) -> QWidget:
        room = QWidget()
        layout = QVBoxLayout(room)
        intro = QLabel(
            tr(
                "Jobs that may have been billed without delivering their images: cut off "
                "mid-call, past the deadline, download expired, damaged image, success without "
                "an image. Export the list to ask the relay for a refund; a job resumed with "
                "its images leaves it."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)
        self.claim_table = _table(
            "claimTable",
            [tr("Time"), tr("Model"), tr("What happened"), tr("Request / task id"),
             tr("Missing"), tr("Estimated cost")],
        )  # fmt: skip
        self.claims_empty = _label(
            "claimsEmpty",
            tr("Nothing to claim: every job that may have been billed delivered its images."),
        )
        self.claims_empty.setProperty("role", "hint")
        self.claims_empty.hide()  # until the relay's claims are read
        layout.addWidget(self.claim_table, 1)
        layout.addWidget(self.claims_empty)
        self.claims_more = _label("claimsMore")
        self.claims_more.setProperty("role", "hint")
        self.claims_more.hide()
        layout.addWidget(self.claims_more)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export_csv = QPushButton(tr("Export CSV…"))
        self.export_csv.setObjectName("exportCsv")
        self.export_csv.clicked.connect(lambda: self._export("csv"))
        self.export_json = QPushButton(tr("Export JSON…"))
        self.export_json.setObjectName("exportJson")
        self.export_json.clicked.connect(lambda: self._export("json"))
        buttons.addWidget(self.export_csv)
        buttons.addWidget(self.export_json)
        layout.addLayout(buttons)
        return room

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the ledger again (off the GUI thread); the figures follow."""
        self._generation += 1
        generation = self._generation
        saved = self.services.profile_names()
        self.bridge.spawn(
            self.bridge.ledger(saved=saved), lambda found: self._loaded(found, generation)
        )

    def _loaded(self, ledger: Ledger, generation: int) -> None:
        if generation != self._generation:
            return
        self.ledger = ledger
        if not ledger.profiles:
            if self.services.profile_names():
                text = tr(
                    "No jobs yet. Generate an image: what each relay cost, delivered and hid "
                    "shows here, with the jobs to claim back."
                )
            else:
                text = tr(
                    "No relay yet. Add one in Settings → Relays (or try the demo): what each "
                    "relay cost, delivered and hid shows here once it has run jobs."
                )
            self.message.setText(text)
            self.stack.setCurrentIndex(0)
            self.loaded.emit()
            return
        current = self.bridge.default_profile
        names = [p.profile for p in ledger.profiles]
        names.sort(key=lambda name: name != current)  # the current relay first, stable
        chosen = self.relay_list.currentItem()
        keep = chosen.text() if chosen is not None and chosen.text() in names else names[0]
        self.relay_list.blockSignals(True)
        self.relay_list.clear()
        self.relay_list.addItems(names)
        self.relay_list.blockSignals(False)
        self.stack.setCurrentIndex(1)
        self.relay_list.setCurrentRow(names.index(keep))  # shows it

    def figures_of(self, name: str) -> ProfileLedger | None:
        if self.ledger is None:
            return None
        return next((p for p in self.ledger.profiles if p.profile == name), None)

    def _show_relay(self, name: str) -> None:
        figures = self.figures_of(name)
        if figures is None:
            return
        self.title.setText(name)
        shown = self.figures
        shown["jobs"].setText(str(figures.jobs))
        shown["outcome"].setText(f"{figures.succeeded} / {figures.failed}")
        shown["images"].setText(str(figures.images))
        shown["success"].setText(percent(figures.success_rate))
        shown["latency"].setText(latency_text(figures.latency_p50_ms, figures.latency_p95_ms))
        shown["spend"].setText(money_text(figures.spend, figures.markup))
        shown["balance"].setText(DASH)
        self._show_balance(None)
        shown["claims"].setText(
            tr("{count} job(s), about {amount}").format(
                count=figures.claims,
                amount=amount_text(figures.claims_amount, figures.spend.currency),
            )
        )
        for key, label in self.honesty.items():
            label.setText(percent(getattr(figures.honesty, key)))
        _fill(
            self.models,
            [
                [m.model, str(m.jobs), str(m.images), amount_text(m.spend.amount,
                 m.spend.currency), percent(m.success_rate)]
                for m in figures.by_model
            ],
        )  # fmt: skip
        generation = self._generation
        self.bridge.spawn(self.bridge.claims(name), lambda found: self._claims(name, found))
        self.bridge.spawn(self.bridge.balance(name), lambda found: self._balance(name, found))
        self.bridge.spawn(self._draw(figures, generation))

    def _current(self) -> str:
        item = self.relay_list.currentItem()
        return item.text() if item is not None else ""

    def _balance(self, name: str, balance: Balance | None) -> None:
        self.balances[name] = balance
        if name == self._current():
            self._show_balance(balance)

    def _show_balance(self, balance: Balance | None) -> None:
        """The balance with the time it was read, or no row at all (the relay does not tell)."""
        visible = balance is not None
        if balance is not None:
            self.figures["balance"].setText(balance_text(balance))
        self.figures["balance"].setVisible(visible)
        self.figure_names["balance"].setVisible(visible)

    def _claims(self, name: str, found: list[Claim]) -> None:
        if name != self._current():
            return
        self.claims = found
        _fill(
            self.claim_table,
            [
                [claim_time(c.created_at), c.model, reason_text(c.reason),
                 c.request_id or c.task_id or DASH, str(c.missing),
                 amount_text(c.amount, c.currency)]
                for c in found[-CLAIM_ROWS:]
            ],
        )  # fmt: skip
        more = len(found) - CLAIM_ROWS
        self.claims_more.setText(
            tr("The newest {shown} of {count} are listed; the export holds them all.").format(
                shown=CLAIM_ROWS, count=len(found)
            )
            if more > 0
            else ""
        )
        self.claims_more.setVisible(more > 0)
        self.claim_table.setVisible(bool(found))
        self.claims_empty.setVisible(not found)
        self.export_csv.setEnabled(bool(found))
        self.export_json.setEnabled(bool(found))
        self.loaded.emit()

    async def _draw(self, figures: ProfileLedger, generation: int) -> None:
        if self.charts is None:
            module: Any = await asyncio.to_thread(importlib.import_module, CHARTS)
            if self.charts is None:
                self.charts = module.Charts(self.chart_room)
                self.chart_room.layout().addWidget(self.charts)
        days = [day.day for day in figures.by_day][-CHART_DAYS:]
        latency = await self.bridge.latency_by_day(figures.profile, days)
        if generation != self._generation or figures.profile != self._current():
            return
        assert self.charts is not None
        self.charts.show_ledger(figures)
        self.charts.show_latency(latency)

    # -- export ----------------------------------------------------------------------------

    def _export(self, kind: str) -> None:
        name = self._current() or "relay"
        dialog = QFileDialog(self, tr("Export the claim list"))
        dialog.setObjectName("claimExportDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setDefaultSuffix(kind)
        files = tr("CSV files (*.csv)") if kind == "csv" else tr("JSON files (*.json)")
        dialog.setNameFilter(files)
        dialog.selectFile(f"claims-{name}.{kind}")
        claims = list(self.claims)
        dialog.fileSelected.connect(lambda path: self._write(Path(path), kind, claims))
        dialog.open()  # never exec(): the loop goes on

    def _write(self, path: Path, kind: str, claims: list[Claim]) -> None:
        text = claims_csv(claims) if kind == "csv" else claims_json(claims)

        async def write() -> str:
            await asyncio.to_thread(path.write_text, text, encoding="utf-8")
            return str(path)

        self.bridge.spawn(write(), self.exported.emit)
