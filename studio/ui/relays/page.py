"""The Relays window: per relay (the current one first) its figures, whether it kept its word
(the honesty rates and the relay doctor's last findings), charts, a table per model and the
claim list with "Export CSV…" / "Export JSON…".

Non-modal, and it never stalls the window: each question goes through the bridge (the store's
thread, one relay at a time: the first view asks only the relay list and the current relay's
figures), and the heavy modules — pyqtgraph with numpy, the doctor's findings view — are
imported on a worker thread once the figures are shown. The charts come last, one plot per
turn of the event loop, so the window paints between them.
"""

from __future__ import annotations

import asyncio
import gc
import html
import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
from shiboken6 import Shiboken

from studio.domain.i18n import QT_TRANSLATE_NOOP
from studio.engine.claims_export import claims_csv, claims_json
from studio.ui.relays.texts import (
    DASH,
    amount_text,
    balance_text,
    checked_text,
    claims_text,
    latency_text,
    local_time,
    money_text,
    more_claims_text,
    never_checked_text,
    percent,
    reason_text,
)
from studio.ui.services import Services

if TYPE_CHECKING:
    from studio.engine.doctor import Report
    from studio.engine.ledger import Claim, ProfileLedger
    from studio.protocols.billing import Balance
    from studio.ui.relays.charts import Charts
    from studio.ui.settings.doctor_panel import FindingsView

CONTEXT = "RelayLedger"
CHARTS = "studio.ui.relays.charts"  # pyqtgraph and numpy: imported on a worker thread
DOCTOR = "studio.ui.settings.doctor_panel"  # how the relay doctor's findings are shown
CLAIM_ROWS = 300  # claims listed in the table, the newest; the export holds them all
PAINT_PAUSE = 0.01  # seconds between two plots: the window paints the one just made
FIGURES = (
    ("jobs", QT_TRANSLATE_NOOP("RelayLedger", "Jobs")),
    ("outcome", QT_TRANSLATE_NOOP("RelayLedger", "Succeeded / failed")),
    ("images", QT_TRANSLATE_NOOP("RelayLedger", "Images")),
    ("success", QT_TRANSLATE_NOOP("RelayLedger", "Success rate")),
    ("latency", QT_TRANSLATE_NOOP("RelayLedger", "Time to image")),
    ("spend", QT_TRANSLATE_NOOP("RelayLedger", "Spend")),
    ("balance", QT_TRANSLATE_NOOP("RelayLedger", "Balance")),
    ("claims", QT_TRANSLATE_NOOP("RelayLedger", "Paid, not delivered")),
)
HONESTY = (
    (
        "ratio_drift",
        QT_TRANSLATE_NOOP("RelayLedger", "Ratio drift"),
        QT_TRANSLATE_NOOP(
            "RelayLedger",
            "Of the jobs that delivered, those whose image came back in another aspect ratio "
            "than asked.",
        ),
    ),
    (
        "mask_ignored",
        QT_TRANSLATE_NOOP("RelayLedger", "Mask ignored"),
        QT_TRANSLATE_NOOP(
            "RelayLedger",
            "Of the edits with a mask that delivered, those whose image changed outside the "
            "mask too.",
        ),
    ),
    (
        "size_short",
        QT_TRANSLATE_NOOP("RelayLedger", "Smaller than asked"),
        QT_TRANSLATE_NOOP(
            "RelayLedger",
            "Of the jobs that delivered, those whose image has fewer pixels than asked.",
        ),
    ),
    (
        "model_mismatch",
        QT_TRANSLATE_NOOP("RelayLedger", "Another model answered"),
        QT_TRANSLATE_NOOP(
            "RelayLedger",
            "Of the jobs whose answer named a model, those that named another one than asked.",
        ),
    ),
)
MODEL_COLUMNS = (
    QT_TRANSLATE_NOOP("RelayLedger", "Model"),
    QT_TRANSLATE_NOOP("RelayLedger", "Jobs"),
    QT_TRANSLATE_NOOP("RelayLedger", "Images"),
    QT_TRANSLATE_NOOP("RelayLedger", "Spend"),
    QT_TRANSLATE_NOOP("RelayLedger", "Success rate"),
)
CLAIM_COLUMNS = (
    QT_TRANSLATE_NOOP("RelayLedger", "Time"),
    QT_TRANSLATE_NOOP("RelayLedger", "Model"),
    QT_TRANSLATE_NOOP("RelayLedger", "What happened"),
    QT_TRANSLATE_NOOP("RelayLedger", "Request / task id"),
    QT_TRANSLATE_NOOP("RelayLedger", "Missing"),
    QT_TRANSLATE_NOOP("RelayLedger", "Estimated cost"),
)
TABLE_SAMPLE_ROWS = 60  # rows measured when a table sizes its columns to their contents


def tr(text: str) -> str:
    return QCoreApplication.translate("RelayLedger", text)


def _import_quietly(name: str) -> Any:
    """Import ``name`` (on a worker thread) with the garbage collector paused: a full pass in
    the middle of numpy's and pyqtgraph's import would hold the interpreter's lock — and stall
    the window — for tens of milliseconds. (Not ``gc.freeze()``: process-wide, for good.)"""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return importlib.import_module(name)
    finally:
        if collecting:
            gc.enable()


def _label(name: str, text: str = "", role: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


def _table(name: str, headers: tuple[str, ...], stretch: int) -> QTableWidget:
    """A read-only table; column ``stretch`` takes the room left, the others their contents'."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels([tr(header) for header in headers])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(TABLE_SAMPLE_ROWS)  # not every row of a long list
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], numbers: range) -> None:
    """``rows`` in ``table``; the columns in ``numbers`` aligned right."""
    table.setUpdatesEnabled(False)
    table.setRowCount(len(rows))
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column in numbers:
                item.setTextAlignment(right)
            table.setItem(row, column, item)
    table.setUpdatesEnabled(True)


class RelaysPage(QWidget):
    """The window; :meth:`refresh` reads the history again."""

    loaded = Signal()  # the current relay's figures and claim list are shown (or why none)
    charted = Signal(str)  # the charts show this relay
    exported = Signal(str)  # the path of a claim list just written

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.services = services
        self.bridge = services.bridge
        self.setObjectName("relaysPage")
        self.setWindowTitle(tr("Relays"))
        self.resize(1180, 820)
        self.claims: list[Claim] = []  # the claims listed (the newest)
        self.balances: dict[str, Balance | None] = {}  # each relay's answer (None: tells none)
        self.reports: dict[str, Report | None] = {}  # the doctor's last findings (None: never)
        self.charts: Charts | None = None
        self.findings: FindingsView | None = None
        self.drawn: str | None = None  # the relay the charts show
        self._figures: dict[str, ProfileLedger] = {}
        self._imports: dict[str, asyncio.Future[Any]] = {}
        self._generation = 0  # a refresh: what was read before is stale
        self._view = 0  # a relay shown: answers for an earlier one are dropped
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

        self.stack = QStackedWidget()
        self.message = _label("relaysEmpty", tr("Reading the history…"), "hint")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    # -- building --------------------------------------------------------------------------

    def _build_content(self) -> QWidget:
        self.relay_list = QListWidget()
        self.relay_list.setObjectName("relayList")
        self.relay_list.setMaximumWidth(220)
        self.relay_list.currentTextChanged.connect(self._show_relay)

        self.title = _label("relayTitle", role="title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        figures = QGridLayout()
        figures.setColumnStretch(1, 1)
        self.figures: dict[str, QLabel] = {}
        self.figure_names: dict[str, QLabel] = {}
        for row, (key, name) in enumerate(FIGURES):
            self.figure_names[key] = QLabel(tr(name))
            self.figures[key] = _label(f"figure_{key}")
            self.figures[key].setWordWrap(True)
            figures.addWidget(self.figure_names[key], row, 0, Qt.AlignmentFlag.AlignTop)
            figures.addWidget(self.figures[key], row, 1)
        figures.setRowStretch(len(FIGURES), 1)
        numbers = QHBoxLayout()
        numbers.addLayout(figures, 3)
        numbers.addSpacing(24)
        numbers.addLayout(self._build_honesty(), 2)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("relayTabs")
        self.chart_room = QWidget()
        QVBoxLayout(self.chart_room).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.chart_room, tr("Charts"))
        self.tabs.addTab(self._build_check(), tr("Relay check"))
        self.models = _table("modelTable", MODEL_COLUMNS, stretch=0)
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

    def _build_honesty(self) -> QGridLayout:
        """Did the relay keep its word? The rates the checks of its answers found, and what
        the relay doctor found when it was last run."""
        honesty = QGridLayout()
        honesty.setColumnStretch(1, 1)
        heading = _label("honestyTitle", tr("Did the relay keep its word?"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        honesty.addWidget(heading, 0, 0, 1, 2)
        self.honesty: dict[str, QLabel] = {}
        for row, (key, name, tip) in enumerate(HONESTY, start=1):
            self.honesty[key] = _label(f"honesty_{key}")
            named = QLabel(tr(name))
            for label in (named, self.honesty[key]):
                label.setToolTip(tr(tip))
            honesty.addWidget(named, row, 0)
            honesty.addWidget(self.honesty[key], row, 1)
        row = len(HONESTY) + 1
        honesty.addWidget(QLabel(tr("Relay check")), row, 0, Qt.AlignmentFlag.AlignTop)
        self.check_summary = QLabel(DASH)
        self.check_summary.setObjectName("checkSummary")
        self.check_summary.setWordWrap(True)
        self.check_summary.setTextFormat(Qt.TextFormat.RichText)
        self.check_summary.linkActivated.connect(
            lambda _: self.tabs.setCurrentWidget(self.check_room)
        )
        honesty.addWidget(self.check_summary, row, 1)
        honesty.setRowStretch(row + 1, 1)
        return honesty

    def _build_check(self) -> QWidget:
        self.check_room = QWidget()
        self.check_room.setObjectName("relayCheck")
        layout = QVBoxLayout(self.check_room)
        self.check_when = _label("checkWhen")
        self.check_never = _label("checkNever", never_checked_text(), "hint")
        self.check_never.setWordWrap(True)
        self.check_never.hide()
        layout.addWidget(self.check_when)
        layout.addWidget(self.check_never)
        layout.addStretch(1)  # the findings view takes its place once loaded
        return self.check_room

    def _build_claims(self) -> QWidget:
        room = QWidget()
        layout = QVBoxLayout(room)
        intro = _label(
            "claimsIntro",
            tr(
                "Jobs that may have been billed without delivering their images: cut off "
                "mid-call, past the deadline, download expired, damaged image, success without "
                "an image. Export the list to ask the relay for a refund; a job resumed with "
                "its images leaves it."
            ),
            "hint",
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.claim_table = _table("claimTable", CLAIM_COLUMNS, stretch=2)
        self.claims_empty = _label(
            "claimsEmpty",
            tr(
                "Nothing to claim: every job that may have been billed delivered its images. "
                "A job cut off mid-call, past its deadline or whose download expired would be "
                "listed here, with the relay's request id to quote."
            ),
            "hint",
        )
        self.claims_empty.setWordWrap(True)
        self.claims_empty.hide()  # until the relay's claims are read
        layout.addWidget(self.claim_table, 1)
        layout.addWidget(self.claims_empty)
        layout.addStretch(0)
        self.claims_more = _label("claimsMore", role="hint")
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
        """Read the history again (off the GUI thread); the current relay's figures follow."""
        self._generation += 1
        self._figures.clear()
        self.balances.clear()
        self.bridge.spawn(self._load(self._generation))

    async def _load(self, generation: int) -> None:
        names = await self.bridge.relays_in_history()
        if generation != self._generation or not Shiboken.isValid(self):
            return
        if not names:
            self._say_empty()
            return
        current = self.bridge.default_profile
        names.sort(key=lambda name: name != current)  # the current relay first, stable
        chosen = self._current()
        keep = chosen if chosen in names else names[0]
        self.relay_list.blockSignals(True)
        self.relay_list.clear()
        self.relay_list.addItems(names)
        self.relay_list.setCurrentRow(names.index(keep))
        self.relay_list.blockSignals(False)
        self._show_relay(keep)

    def _say_empty(self) -> None:
        if self.services.profile_names():
            text = tr(
                "No jobs yet. Generate an image: what each relay cost, delivered and hid "
                "shows here — spend per day, time to image, success per model — with the "
                "jobs to claim back."
            )
        else:
            text = tr(
                "No relay yet. Add one in Settings → Relays (or try the demo): what each "
                "relay cost, delivered and hid shows here once it has run jobs."
            )
        self.message.setText(text)
        self.stack.setCurrentIndex(0)
        self.loaded.emit()

    def figures_of(self, name: str) -> ProfileLedger | None:
        """The figures read for relay ``name`` (None: not read yet, or it has no jobs)."""
        return self._figures.get(name)

    def _current(self) -> str:
        item = self.relay_list.currentItem()
        return item.text() if item is not None else ""

    def _fresh(self, name: str, view: int) -> bool:
        """Whether an answer about relay ``name`` is still wanted (the page may be gone)."""
        return Shiboken.isValid(self) and view == self._view and name == self._current()

    def _show_relay(self, name: str) -> None:
        if not name:
            return
        self._view += 1
        view = self._view
        figures = self._figures.get(name)
        if figures is not None:
            self._show_figures(name, figures, view)
            return

        def read(found: ProfileLedger | None) -> None:
            if found is None:  # its jobs are gone since the list was read
                if self._fresh(name, view):
                    self.refresh()
                return
            self._figures[name] = found
            if self._fresh(name, view):
                self._show_figures(name, found, view)

        self.bridge.spawn(self.bridge.relay_figures(name), read)

    def _show_figures(self, name: str, figures: ProfileLedger, view: int) -> None:
        self.title.setText(name)
        shown = self.figures
        shown["jobs"].setText(str(figures.jobs))
        shown["outcome"].setText(f"{figures.succeeded} / {figures.failed}")
        shown["images"].setText(str(figures.images))
        shown["success"].setText(percent(figures.success_rate))
        shown["latency"].setText(latency_text(figures.latency_p50_ms, figures.latency_p95_ms))
        shown["spend"].setText(money_text(figures.spend, figures.markup))
        shown["claims"].setText(
            claims_text(figures.claims, figures.claims_amount, figures.spend.currency)
        )
        for key, label in self.honesty.items():
            label.setText(percent(getattr(figures.honesty, key)))
        self._show_balance(self.balances.get(name))
        _fill(
            self.models,
            [
                [m.model, str(m.jobs), str(m.images), amount_text(m.spend.amount,
                 m.spend.currency), percent(m.success_rate)]
                for m in figures.by_model
            ],
            numbers=range(1, 5),
        )  # fmt: skip
        self.stack.setCurrentIndex(1)
        bridge = self.bridge
        bridge.spawn(
            bridge.recent_claims(name, CLAIM_ROWS),
            lambda found: self._claims(name, figures, found, view),
        )
        if name not in self.balances:
            bridge.spawn(bridge.balance(name), lambda found: self._balance(name, found))

    def _balance(self, name: str, balance: Balance | None) -> None:
        self.balances[name] = balance
        if Shiboken.isValid(self) and name == self._current():
            self._show_balance(balance)

    def _show_balance(self, balance: Balance | None) -> None:
        """The balance with the time it was read, or no row at all (the relay does not tell,
        or has not answered yet)."""
        if balance is not None:
            self.figures["balance"].setText(balance_text(balance))
        self.figures["balance"].setVisible(balance is not None)
        self.figure_names["balance"].setVisible(balance is not None)

    def _claims(self, name: str, figures: ProfileLedger, found: list[Claim], view: int) -> None:
        if not self._fresh(name, view):
            return
        self.claims = found
        _fill(
            self.claim_table,
            [
                [local_time(c.created_at), c.model, reason_text(c.reason),
                 c.request_id or c.task_id or DASH, str(c.missing),
                 amount_text(c.amount, c.currency)]
                for c in found
            ],
            numbers=range(4, 6),
        )  # fmt: skip
        count = max(figures.claims, len(found))
        more = count > len(found)
        self.claims_more.setText(more_claims_text(len(found), count) if more else "")
        self.claims_more.setVisible(more)
        self.claim_table.setVisible(bool(found))
        self.claims_empty.setVisible(not found)
        self.export_csv.setEnabled(bool(found))
        self.export_json.setEnabled(bool(found))
        self.loaded.emit()
        for module in (CHARTS, DOCTOR):  # what the first view does not need, in this order
            self._module(module)
        self.bridge.spawn(self._check(name, view))
        self.bridge.spawn(self._draw(name, figures, view))

    # -- what loads after the first view ---------------------------------------------------

    def _module(self, name: str) -> asyncio.Future[Any]:
        """``name`` imported on a worker thread, once, after the imports asked before it (one
        at a time: each holds the interpreter's lock much of the time)."""
        future = self._imports.get(name)
        if future is None:
            earlier = list(self._imports.values())
            future = self._imports[name] = asyncio.ensure_future(self._import(name, earlier))
        return future

    @staticmethod
    async def _import(name: str, earlier: list[asyncio.Future[Any]]) -> Any:
        await asyncio.gather(*earlier, return_exceptions=True)
        if name in sys.modules:
            return sys.modules[name]
        if name == CHARTS:
            # numpy's BLAS starts a thread per core as it loads, holding the interpreter's
            # lock (the window stalls ~40 ms); the charts multiply no matrices.
            os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        return await asyncio.to_thread(_import_quietly, name)

    async def _check(self, name: str, view: int) -> None:
        """The relay doctor's last findings, shown as Settings shows them."""
        report = await self.bridge.doctor_findings(name)
        module = await self._module(DOCTOR)
        self.reports[name] = report
        if not self._fresh(name, view):
            return
        if self.findings is None:
            self.findings = module.FindingsView(self.check_room)
            layout = self.check_room.layout()
            layout.insertWidget(layout.count() - 1, self.findings, 1)
        self.findings.show_checks(report.checks if report is not None else [])
        self.findings.setVisible(report is not None)
        self.check_never.setVisible(report is None)
        self.check_when.setVisible(report is not None)
        link = tr("How to check it") if report is None else tr("See the findings")
        if report is None:
            summary = tr("Never checked")
        else:
            self.check_when.setText(checked_text(report.checked_at))
            counts = [
                (module.verdict(ok), sum(1 for c in report.checks if c.ok is ok))
                for ok in (True, False, None)
            ]
            verdicts = " · ".join(f"{word} {count}" for word, count in counts if count)
            summary = checked_text(report.checked_at)
            if verdicts:
                summary = tr("{checked}: {verdicts}").format(checked=summary, verdicts=verdicts)
        self.check_summary.setText(f'{html.escape(summary)} · <a href="#check">{link}</a>')

    async def _draw(self, name: str, figures: ProfileLedger, view: int) -> None:
        # Both imports done first: making plots while another module loads on a worker thread
        # would share the interpreter's lock with it, and stall.
        module, _ = await asyncio.gather(self._module(CHARTS), self._module(DOCTOR))
        days = [day.day for day in figures.by_day][-module.CHART_DAYS :]
        latency = await self.bridge.latency_by_day(name, days)
        if not self._fresh(name, view):
            return
        if self.charts is None:
            self.charts = module.Charts(self.chart_room)
            self.chart_room.layout().addWidget(self.charts)
        for _ in self.charts.draw(figures, latency):
            await asyncio.sleep(PAINT_PAUSE)  # the window paints the plot just made
            if not self._fresh(name, view):
                return
        self.drawn = name
        self.charted.emit(name)

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
        dialog.fileSelected.connect(lambda path: self._write(Path(path), kind, name))
        dialog.open()  # never exec(): the loop goes on

    def _write(self, path: Path, kind: str, name: str) -> None:
        """Every claim of relay ``name`` (not only those listed), written off the GUI thread."""
        shape = claims_csv if kind == "csv" else claims_json

        async def write() -> str:
            claims = await self.bridge.claims(name)
            text = await asyncio.to_thread(shape, claims)
            await asyncio.to_thread(path.write_text, text, encoding="utf-8")
            return str(path)

        self.bridge.spawn(write(), self.exported.emit)
