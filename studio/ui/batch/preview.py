"""The batch's preview: each request it would send (line × target), its cost and notes, and —
once sent — how each is doing. A model over the plan: ten thousand rows cost nothing to show."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView, QWidget

from studio.domain.job import JobState
from studio.engine.runs import PlannedJob
from studio.ui import i18n
from studio.ui.batch.texts import money_text

Index = QModelIndex | QPersistentModelIndex
NUMBER, PROMPT, TARGET, COST, STATUS, NOTES = range(6)


def tr(text: str) -> str:
    return QCoreApplication.translate("BatchDialog", text)


def state_text(state: JobState) -> str:
    texts = {
        JobState.QUEUED: tr("queued"),
        JobState.PREPARING: tr("preparing"),
        JobState.SUBMITTED: tr("sent"),
        JobState.RUNNING: tr("running"),
        JobState.DOWNLOADING: tr("downloading"),
        JobState.SUCCEEDED: tr("done"),
        JobState.FAILED: tr("failed"),
        JobState.CANCELLED: tr("cancelled"),
        JobState.INTERRUPTED: tr("interrupted"),
    }
    return texts.get(state, str(state))


def notes_text(job: PlannedJob) -> str:
    if job.refusal is not None:
        return i18n.message(job.refusal)
    return " ".join(i18n.message(note) for note in job.notes)


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planned: list[PlannedJob] = []
        self.states: dict[int, JobState] = {}  # index in the run → its job's state

    def headers(self) -> list[str]:
        return ["#", tr("Prompt"), tr("Target"), tr("Cost"), tr("Status"), tr("Notes")]

    def set_plan(self, planned: list[PlannedJob]) -> None:
        self.beginResetModel()
        self.planned = planned
        self.states = {}
        self.endResetModel()

    def set_state(self, index: int, state: JobState) -> None:
        if self.states.get(index) is state or not 0 <= index < len(self.planned):
            return
        self.states[index] = state
        cell = self.index(index, STATUS)
        self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.planned)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 6

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        job = self.planned[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(job, column, role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.ForegroundRole:
            failed = self.states.get(job.index) in (JobState.FAILED, JobState.INTERRUPTED)
            if (column == NOTES and job.refusal is not None) or (column == STATUS and failed):
                return QApplication.palette().color(QPalette.ColorRole.BrightText)
            if column in (NUMBER, COST):
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, COST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, job: PlannedJob, column: int, tooltip: bool) -> str | None:
        if column == NUMBER:
            return str(job.index + 1)
        if column == PROMPT:
            return job.request.prompt if tooltip else " ".join(job.request.prompt.split())
        if column == TARGET:
            return job.target.label
        if column == COST:
            return None if job.refusal is not None else money_text(job.estimate)
        if column == STATUS:
            if job.refusal is not None:
                return tr("not sent")
            state = self.states.get(job.index)
            return state_text(state) if state is not None else None
        text = notes_text(job)
        return text or None


class PreviewView(QTableView):
    def __init__(self, model: PreviewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchPreview")
        self.setModel(model)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PROMPT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NOTES, QHeaderView.ResizeMode.Stretch)  # they share the room
        header.setStretchLastSection(False)
        for column, width in ((NUMBER, 36), (TARGET, 170), (COST, 72), (STATUS, 84), (NOTES, 250)):
            self.setColumnWidth(column, width)
        self.setColumnHidden(STATUS, True)  # shown once the batch is sent
