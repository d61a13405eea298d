"""The jobs list as a Qt model: newest first, one row per job, updated in place."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from studio.domain.job import Job, JobState
from studio.ui.jobs.entry import JobEntry

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class JobsModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._entries: list[JobEntry] = []
        self._by_id: dict[str, JobEntry] = {}

    # -- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return entry.plain_text(time.monotonic())
        if role == Qt.ItemDataRole.ToolTipRole:
            text = "\n".join(t for t in (entry.error_text(), entry.relay_text()) if t)
            return text or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- entries ---------------------------------------------------------------------------

    def entries(self) -> list[JobEntry]:
        return list(self._entries)

    def entry(self, job_id: str) -> JobEntry | None:
        return self._by_id.get(job_id)

    def index_of(self, job_id: str) -> QModelIndex:
        entry = self._by_id.get(job_id)
        if entry is None:
            return QModelIndex()
        return self.index(self._entries.index(entry))

    def _position_for(self, job: Job) -> int:
        """Newest first: before the first entry that is older."""
        for row, other in enumerate(self._entries):
            if (other.job.created_at, other.job.id) < (job.created_at, job.id):
                return row
        return len(self._entries)

    def upsert(self, job: Job, *, from_history: bool = False) -> tuple[JobEntry, bool]:
        """Add ``job`` or take in its news; returns the entry and whether it is new."""
        entry = self._by_id.get(job.id)
        if entry is not None:
            if from_history:
                return entry, False  # the live copy knows better than the stored one
            entry.observe(job)
            index = self.index_of(job.id)
            self.dataChanged.emit(index, index)
            return entry, False
        entry = JobEntry(job, from_history=from_history)
        entry.observe(job)
        row = self._position_for(job)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.insert(row, entry)
        self._by_id[job.id] = entry
        self.endInsertRows()
        return entry, True

    def touch(self, job_id: str) -> None:
        index = self.index_of(job_id)
        if index.isValid():
            self.dataChanged.emit(index, index)

    def touch_active(self, now: float) -> bool:
        """Refresh rows whose words change with time; True while there are any."""
        changing = False
        for row, entry in enumerate(self._entries):
            if entry.active or entry.waiting_until > now:
                changing = True
                index = self.index(row)
                self.dataChanged.emit(index, index)
        return changing

    def clear_finished(self) -> int:
        """Drop the rows of finished jobs; returns how many went."""
        keep = [entry for entry in self._entries if entry.active]
        gone = len(self._entries) - len(keep)
        if gone:
            self.beginResetModel()
            self._entries = keep
            self._by_id = {entry.id: entry for entry in keep}
            self.endResetModel()
        return gone

    def counts(self) -> dict[str, int]:
        counts = {"running": 0, "queued": 0, "failed": 0, "interrupted": 0, "done": 0}
        for entry in self._entries:
            state = entry.job.state
            if state is JobState.QUEUED:
                counts["queued"] += 1
            elif entry.active:
                counts["running"] += 1
            elif state is JobState.FAILED and not entry.retried:
                counts["failed"] += 1
            elif state is JobState.INTERRUPTED and not entry.retried:
                counts["interrupted"] += 1
            elif state is JobState.SUCCEEDED:
                counts["done"] += 1
        return counts
