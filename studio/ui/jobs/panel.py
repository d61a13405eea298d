"""The jobs panel (bottom dock): every job of this session and the interrupted ones from before.

Failures are shown in the job's row, in plain words, with the relay's own words below and the
actions that make sense (Retry, Edit request, Open settings). Never a dialog, never HTML.
"""

from __future__ import annotations

import time
from functools import partial

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.job import Job
from studio.engine.manager import Recovery
from studio.store.history import Filters, JobRecord
from studio.ui.jobs.delegate import JobDelegate
from studio.ui.jobs.entry import JobEntry, action_label
from studio.ui.jobs.model import ENTRY_ROLE, JobsModel
from studio.ui.services import Services

INTERRUPTED_AT_START = 20  # the most recent interrupted jobs shown when the studio starts


def tr(text: str) -> str:
    return QCoreApplication.translate("JobsPanel", text)


def summary_text(counts: dict[str, int]) -> str:
    """“2 running · 1 queued · 1 failed”; one phrasing fits every count."""
    parts = []
    for key, template in (
        ("running", tr("{count} running")),
        ("queued", tr("{count} queued")),
        ("failed", tr("{count} failed")),
        ("interrupted", tr("{count} interrupted")),
    ):
        if counts.get(key):
            parts.append(template.format(count=counts[key]))
    return " · ".join(parts) if parts else tr("Nothing running")


class JobsPanel(QWidget):
    reuse_requested = Signal(object)  # Job: put its request in the composer
    settings_requested = Signal()  # an auth/connection failure: open the relay settings
    summary_changed = Signal(str)  # "2 running · 1 queued · 1 failed"

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.bridge = services.bridge
        self.setObjectName("jobsPanel")
        self.model = JobsModel()
        self._summary = ""
        self.history_loaded = False  # the interrupted jobs from before are in

        self.summary = QLabel()
        self.summary.setObjectName("jobsSummary")
        self.summary.setProperty("role", "hint")
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearFinishedButton")
        self.clear_button.setText(tr("Clear finished"))
        self.clear_button.setToolTip(
            tr("Remove finished jobs from this list (not from the history)")
        )
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear_finished)
        header = QHBoxLayout()
        header.setContentsMargins(12, 4, 8, 4)
        header.addWidget(self.summary, 1)
        header.addWidget(self.clear_button)

        self.view = QListView()
        self.view.setObjectName("jobsList")
        self.view.setModel(self.model)
        self.delegate = JobDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMouseTracking(True)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.viewport().installEventFilter(self)

        self.empty = QLabel(tr("Jobs you start appear here, with their progress."))
        self.empty.setObjectName("jobsEmpty")
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack_host = QWidget()
        self.stack = QStackedLayout(self.stack_host)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.stack_host, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

        self.model.rowsInserted.connect(self._on_rows_changed)
        self.model.modelReset.connect(self._on_rows_changed)
        self.bridge.job_submitted.connect(self._on_job)
        self.bridge.job_changed.connect(self._on_job)
        self.bridge.job_waiting.connect(self._on_waiting)
        self.bridge.recovered.connect(self._on_recovered)
        self.bridge.spawn(
            self.bridge.jobs_page(Filters(status="interrupted"), INTERRUPTED_AT_START),
            self._on_interrupted_loaded,
        )
        self._on_rows_changed()
        self._changed()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(720, 150)  # a slim strip under the gallery; the gallery is the hero

    # -- engine news -----------------------------------------------------------------------

    def _on_job(self, job: Job) -> None:
        _, new = self.model.upsert(job)
        if not new:
            self._relayout(job.id)
        self._changed()

    def _on_waiting(self, job: Job, seconds: float, reason: str) -> None:
        entry, _ = self.model.upsert(job)
        entry.wait(reason, seconds)
        self._relayout(job.id)
        self._changed()

    def _on_recovered(self, recovery: Recovery) -> None:
        for job in recovery.resumed:
            self.model.upsert(job)
        for job in recovery.interrupted:
            self.model.upsert(job, from_history=True)
        self._changed()

    def _on_interrupted_loaded(self, records: list[JobRecord]) -> None:
        for record in records:
            self.model.upsert(record.job, from_history=True)
        self.history_loaded = True
        self._changed()

    def _relayout(self, job_id: str) -> None:
        """The row may have grown (an error arrived) or shrunk: lay the list out again."""
        index = self.model.index_of(job_id)
        if index.isValid():
            self.delegate.sizeHintChanged.emit(index)

    def _changed(self) -> None:
        counts = self.model.counts()
        text = summary_text(counts)
        self.summary.setText(text)
        if text != self._summary:
            self._summary = text
            self.summary_changed.emit(text)
        if self.model.touch_active(time.monotonic()) and not self.timer.isActive():
            self.timer.start()

    def _tick(self) -> None:
        if not self.model.touch_active(time.monotonic()):
            self.timer.stop()

    def _on_rows_changed(self, *_: object) -> None:
        has_rows = self.model.rowCount() > 0
        self.stack.setCurrentWidget(self.view if has_rows else self.empty)
        self.clear_button.setEnabled(has_rows)

    # -- what the user does ----------------------------------------------------------------

    @property
    def summary_line(self) -> str:
        return self._summary

    def entry(self, job_id: str) -> JobEntry | None:
        return self.model.entry(job_id)

    def row_text(self, job_id: str) -> str:
        """Everything the row says, as plain text (what a screen reader hears)."""
        entry = self.model.entry(job_id)
        return entry.plain_text(time.monotonic()) if entry else ""

    def button_rect(self, job_id: str, action: str):
        """Where the ``action`` button of a job's row is, in viewport coordinates (or None)."""
        index = self.model.index_of(job_id)
        entry = self.model.entry(job_id)
        if not index.isValid() or entry is None:
            return None
        return self.delegate.layout(self.view.visualRect(index), entry).buttons.get(action)

    def trigger(self, job_id: str, action: str) -> None:
        entry = self.model.entry(job_id)
        if entry is None or action not in entry.actions():
            return
        if action == "cancel":
            self.bridge.cancel(job_id)
        elif action == "retry":
            entry.retried = True  # one click, one new request: the button goes away
            self.bridge.retry(job_id)
            self._relayout(job_id)
            self.model.touch(job_id)
            self._changed()
        elif action in ("resume", "retry-save"):
            self.bridge.resume(job_id)
        elif action == "edit":
            self.reuse_requested.emit(entry.job)
        elif action == "settings":
            self.settings_requested.emit()

    def clear_finished(self) -> None:
        self.model.clear_finished()
        self._changed()

    def _context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():  # the menu key: the current row
            index = self.view.currentIndex()
        entry: JobEntry | None = index.data(ENTRY_ROLE) if index.isValid() else None
        if entry is None:
            return
        menu = QMenu(self)
        for name in entry.actions():
            action = menu.addAction(action_label(name))
            action.setObjectName(f"jobAction_{name}")
            action.setToolTip(entry.action_tip(name))
            action.triggered.connect(partial(self.trigger, entry.id, name))
        if entry.error_text():
            menu.addSeparator()
            copy = menu.addAction(tr("Copy message"))
            copy.triggered.connect(
                lambda: QGuiApplication.clipboard().setText(entry.plain_text(time.monotonic()))
            )
        if not menu.isEmpty():
            menu.popup(self.view.viewport().mapToGlobal(position))

    # -- the painted buttons ---------------------------------------------------------------

    def _hit(self, position) -> tuple[QModelIndex, JobEntry | None, str | None]:
        index = self.view.indexAt(position.toPoint())
        entry: JobEntry | None = index.data(ENTRY_ROLE) if index.isValid() else None
        if entry is None:
            return index, None, None
        return index, entry, self.delegate.button_at(self.view.visualRect(index), entry, position)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is not self.view.viewport():
            return False
        kind = event.type()
        if kind == QEvent.Type.Leave:
            self._set_hover(None)
            return False
        if not isinstance(event, QMouseEvent):
            return False
        index, entry, button = self._hit(event.position())
        key = (entry.id, button) if entry is not None and button is not None else None
        if kind == QEvent.Type.MouseMove:
            self._set_hover(key)
            return False
        if event.button() is not Qt.MouseButton.LeftButton:
            return False
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick) and key:
            self.delegate.pressed = key
            self.view.viewport().update(self.view.visualRect(index))
            return True
        if kind == QEvent.Type.MouseButtonRelease and self.delegate.pressed is not None:
            pressed, self.delegate.pressed = self.delegate.pressed, None
            self.view.viewport().update()
            if pressed == key:
                self.trigger(*pressed)
            return True
        return False

    def _set_hover(self, key: tuple[str, str] | None) -> None:
        if key != self.delegate.hovered:
            self.delegate.hovered = key
            self.view.viewport().update()
