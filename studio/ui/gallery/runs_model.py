"""The Runs tab's rows: one run (a compare, a batch) per row, its jobs side by side.

Row ``r`` is a run, newest first; column 0 is the run itself (its prompt, when, how it went),
columns 1… its jobs in their order, a retry in place of the job it retried. The rows come from
the history through the bridge (the store's thread), a page of runs at a time; the engine's
events keep them live: a job's state, its images as they are saved, a retry taking its place.
A job of a run not listed yet (a run just sent) reads the list again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind, InputError
from studio.domain.job import Job, JobState
from studio.domain.results import ImageResult
from studio.store.history import JobRecord
from studio.store.runs import RunRecord
from studio.ui import i18n
from studio.ui.bridge import EngineBridge
from studio.ui.gallery.tiles import ImageTile

PAGE_SIZE = 50  # runs listed
MAX_CELLS = 24  # jobs shown in a row (a batch may have hundreds: "+N more")
RELOAD_DELAY_MS = 200
CELL_ROLE = Qt.ItemDataRole.UserRole + 1
RUN_ROLE = Qt.ItemDataRole.UserRole + 2

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(slots=True, eq=False)
class RunCell:
    """One target (one job) of a run."""

    index: int
    model: str
    profile: str
    job: Job | None = None  # None: the target was refused before sending
    refusal: str = ""  # why it was not sent, in the user's language
    image: ImageTile | None = None  # its first image (not in the trash)
    images: int = 0
    finished_at: float | None = None  # wall time it ended
    price: tuple[float, str] | None = None  # list price per image × the relay's markup

    @property
    def label(self) -> str:
        return f"{self.model} @ {self.profile}" if self.profile else self.model

    @property
    def live(self) -> bool:
        return self.job is not None and not self.job.state.is_terminal

    @property
    def failed(self) -> bool:
        return self.job is not None and self.job.state.is_terminal and self.image is None

    def seconds(self, now: float | None = None) -> float | None:
        if self.job is None:
            return None
        end = self.finished_at if self.finished_at is not None else (now or time.time())
        return max(0.0, end - self.job.created_at)

    def cost(self) -> tuple[float, str] | None:
        """≈ what it cost (delivered images), or is likely to (while it runs)."""
        if self.price is None or self.job is None:
            return None
        if self.job.state is JobState.SUCCEEDED:
            count = self.images
        elif self.live:
            count = max(self.job.request.n, self.job.request.max_images or 0)
        else:
            return None
        amount, currency = self.price
        return amount * count, currency


@dataclass(slots=True, eq=False)
class RunRow:
    run: RunRecord
    cells: list[RunCell] = field(default_factory=list)
    unseen: set[int] = field(default_factory=set)  # places in the run of the jobs not shown

    @property
    def more(self) -> int:
        return len(self.unseen)

    def cell_at(self, index: int) -> RunCell | None:
        return next((cell for cell in self.cells if cell.index == index), None)

    def counts(self) -> tuple[int, int, int]:
        """(done, failed or not sent, running)."""
        done = sum(1 for c in self.cells if c.job is not None and c.job.state is JobState.SUCCEEDED)
        running = sum(1 for c in self.cells if c.live)
        return done, len(self.cells) - done - running, running


def _refusal(entry: Any) -> str:
    if not isinstance(entry, dict) or not isinstance(entry.get("template"), str):
        return ""
    params = entry.get("params") if isinstance(entry.get("params"), dict) else {}
    return i18n.message(InputError(ErrorKind.INVALID_INPUT, entry["template"], **params))


def build_row(
    run: RunRecord,
    records: list[JobRecord],
    hidden: list[int],
    catalog: Catalog,
    markups: dict[str, float],
) -> RunRow:
    """A row from the history: the jobs shown (and the places of those not), and (a compare)
    the targets refused."""
    row = RunRow(run, unseen=set(hidden))
    for record in records:
        job = record.job
        shown = [image for image in record.images if image.trashed_at is None]
        cell = RunCell(
            index=job.run_index if job.run_index is not None else len(row.cells),
            model=job.request.model,
            profile=job.profile_name,
            job=job,
            image=ImageTile.from_record(shown[0]) if shown else None,
            images=len(shown),
            finished_at=record.updated_at if job.state.is_terminal else None,
            price=_price(catalog, job.request.model, markups.get(job.profile_name, 1.0)),
        )
        row.cells.append(cell)
    targets = run.spec.get("targets") if isinstance(run.spec, dict) else None
    if run.kind == "compare" and isinstance(targets, list):
        sent = {cell.index for cell in row.cells}
        for index, target in enumerate(targets):
            if index in sent or not isinstance(target, dict) or not target.get("refusal"):
                continue
            row.cells.append(
                RunCell(
                    index=index,
                    model=str(target.get("model") or ""),
                    profile=str(target.get("profile") or ""),
                    refusal=_refusal(target.get("refusal")),
                )
            )
        row.cells.sort(key=lambda cell: cell.index)
    return row


def _price(catalog: Catalog, model: str, markup: float) -> tuple[float, str] | None:
    price = catalog.get(model).price
    return None if price is None else (price.per_image * markup, price.currency)


class RunsModel(QAbstractTableModel):
    """Runs × their jobs (see the module's docstring)."""

    listing_changed = Signal()  # the rows were read again (or failed to be)

    def __init__(self, bridge: EngineBridge, catalog: Catalog, parent: Any = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.catalog = catalog
        self.rows: list[RunRow] = []
        self.search = ""
        self.loaded = False
        self._generation = 0
        self._reading = 0  # reads in flight
        self._stale = False  # an event came in while one was: its rows may predate it
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(RELOAD_DELAY_MS)
        self._reload.timeout.connect(self.refresh)
        bridge.job_submitted.connect(self.on_job)
        bridge.job_changed.connect(self.on_job)
        bridge.image_saved.connect(self.on_image_saved)
        bridge.run_started.connect(lambda _run: self.reload_soon())
        bridge.history_changed.connect(self.reload_soon)

    # -- Qt's model interface --------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid():
            return 0
        return 1 + max((len(row.cells) + (1 if row.more else 0) for row in self.rows), default=0)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == RUN_ROLE:
            return row
        cell = self.cell(index.row(), index.column())
        if role == CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row.run.title
            return cell.label if cell is not None else None
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if self.cell(index.row(), index.column()) is not None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.NoItemFlags

    # -- reading ---------------------------------------------------------------------------

    def cell(self, row: int, column: int) -> RunCell | None:
        if not 0 <= row < len(self.rows) or column < 1:
            return None
        cells = self.rows[row].cells
        return cells[column - 1] if column - 1 < len(cells) else None

    def image_id(self, row: int, column: int) -> int | None:
        cell = self.cell(row, column)
        return cell.image.id if cell is not None and cell.image is not None else None

    def find(self, run_id: str, index: int | None) -> tuple[int, int] | None:
        """(row, column) of a run's job at ``index``."""
        for r, row in enumerate(self.rows):
            if row.run.id != run_id:
                continue
            for c, cell in enumerate(row.cells, start=1):
                if cell.index == index:
                    return r, c
            return None
        return None

    def live_cells(self) -> list[tuple[int, int]]:
        return [
            (r, c)
            for r, row in enumerate(self.rows)
            for c, cell in enumerate(row.cells, start=1)
            if cell.live
        ]

    # -- loading ---------------------------------------------------------------------------

    def set_search(self, text: str) -> None:
        if text.strip() != self.search:
            self.search = text.strip()
            self.refresh()

    def reload_soon(self) -> None:
        """Read the runs again shortly: once for a burst of events (a batch's jobs), however
        long the burst goes on."""
        if not self._reload.isActive():
            self._reload.start()

    def refresh(self) -> None:
        """Read the runs again (newest first, the search applied)."""
        self._reload.stop()
        self._generation += 1
        self.bridge.spawn(self._load(self._generation, self.search))

    async def _load(self, generation: int, search: str) -> None:
        self._reading += 1
        try:
            found = await self.bridge.runs_page(search or None, PAGE_SIZE, MAX_CELLS)
            names = sorted({r.job.profile_name for _, records, _ in found for r in records})
            markups = await self.bridge.markups(names)
        except Exception:
            self._reading -= 1
            if generation == self._generation:
                self.loaded = True
                self.listing_changed.emit()
            raise
        self._reading -= 1
        if generation != self._generation:
            return  # another search was asked for meanwhile
        if self._stale and not self._reading:
            # An event applied to the old rows while this read was under way: the rows read
            # may be older than it. Read once more (the burst's events are not lost).
            self._stale = False
            self.reload_soon()
        rows = [
            build_row(run, records, hidden, self.catalog, markups) for run, records, hidden in found
        ]
        self.beginResetModel()
        self.rows = rows
        self.loaded = True
        self.endResetModel()
        self.listing_changed.emit()

    # -- live: engine events ---------------------------------------------------------------

    def on_job(self, job: Job) -> None:
        if job.run_id is None:
            return
        self._note_event()
        place = self.find(job.run_id, job.run_index)
        if place is None:
            row = next((row for row in self.rows if row.run.id == job.run_id), None)
            if row is None or len(row.cells) < MAX_CELLS:
                self.reload_soon()  # a run just sent, or a job of it read before it was saved
            elif job.run_index is not None and job.run_index not in row.unseen:
                self._count_unseen(row, job.run_index)  # a long batch: "+N more"
            return
        r, c = place
        cell = self.rows[r].cells[c - 1]
        if cell.job is not None and cell.job.id != job.id:  # a retry takes the failed one's place
            if job.created_at < cell.job.created_at:
                return
            cell.image, cell.images = None, 0
        cell.job = job
        cell.finished_at = time.time() if job.state.is_terminal else None
        if cell.price is None:
            cell.price = _price(self.catalog, job.request.model, 1.0)
        self._changed(r, c)

    def _count_unseen(self, row: RunRow, index: int) -> None:
        before = self.columnCount()
        wider = 1 + len(row.cells) + 1 > before  # its "+N more" card needs a column
        if wider:
            self.beginInsertColumns(QModelIndex(), before, before)
        row.unseen.add(index)
        if wider:
            self.endInsertColumns()
        r = self.rows.index(row)
        self._changed(r, len(row.cells) + 1)

    def on_image_saved(self, job: Job, image: ImageResult) -> None:
        if job.run_id is None or image.id is None:
            return
        self._note_event()
        place = self.find(job.run_id, job.run_index)
        if place is None:
            return
        r, c = place
        cell = self.rows[r].cells[c - 1]
        if cell.job is not None and cell.job.id != job.id:
            return
        if cell.image is None:
            cell.image = ImageTile.from_result(image, time.time())
        cell.images += 1
        self._changed(r, c)

    def _note_event(self) -> None:
        if self._reading:
            self._stale = True

    def _changed(self, row: int, column: int) -> None:
        first = self.index(row, 0)
        self.dataChanged.emit(first, self.index(row, column))
