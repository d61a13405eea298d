"""The gallery's rows: this session's jobs on top, then the history, page by page.

Rows ``0 .. len(head)-1`` are job tiles of this session (running ones first, then failed ones,
newest first in each group); the rest are history rows, newest first: images, or failed jobs
when the status filter says "Failed". History pages come through the bridge on the
store's thread, one request at a time (``canFetchMore`` is false while one is out); answers for
a listing that has since changed are dropped.
"""

from __future__ import annotations

import json
import time
from bisect import bisect_right
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)

from studio.domain.job import Job, JobState
from studio.domain.results import ImageResult
from studio.ui.bridge import EngineBridge
from studio.ui.gallery.source import Page, Refresh, load_page, load_refresh
from studio.ui.gallery.texts import accessible_text, tooltip
from studio.ui.gallery.tiles import GalleryQuery, ImageTile, Item, JobTile, Tile, key_of, unpack

PAGE_SIZE = 200
MIME_IMAGE_IDS = "application/x-studio-image-ids"
TILE_ROLE = Qt.ItemDataRole.UserRole + 1
IMAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 2

ModelIndex = QModelIndex | QPersistentModelIndex


class GalleryModel(QAbstractListModel):
    listing_changed = Signal()  # rows came or went, or loading started or ended
    row_replaced = Signal(int)  # a live tile turned into its image on the same row

    def __init__(self, bridge: EngineBridge, parent: Any = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.query = GalleryQuery()
        self._session: dict[str, JobTile] = {}  # running or failed jobs of this session
        self._dismissed: set[str] = set()  # failed jobs retried or put away
        self._head: list[JobTile] = []
        self._history: list[Item] = []  # packed images, or job tiles under "Failed"
        self._saved_ids: set[int] = set()  # images shown from events, not yet from a page
        self._cursor: Any = None  # (created_at, id) of the last history row read
        self._generation = 0  # bumped by every new listing
        self._revision = 0  # bumped by every change to the rows
        self._busy = False  # a page or a refresh is on its way
        self._started = False  # the current listing's first request went out
        self._refresh_wanted = False
        self.loaded = False  # the current listing's first page is in
        self.exhausted = False
        self.failed = False

    # -- Qt's model interface --------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._head) + len(self._history)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        tile = self.tile(index.row()) if index.isValid() else None
        if tile is None:
            return None
        if role == TILE_ROLE:
            return tile
        if role == IMAGE_ID_ROLE:
            return tile.id if isinstance(tile, ImageTile) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(tile)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return accessible_text(tile)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        tile = self.tile(index.row()) if index.isValid() else None
        if tile is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if isinstance(tile, ImageTile):
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def canFetchMore(self, parent: ModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and not self._busy and not self.exhausted

    def fetchMore(self, parent: ModelIndex) -> None:  # noqa: N802
        if not parent.isValid():
            self._fetch()

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_IMAGE_IDS, "text/uri-list"]

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        """Image ids for the studio (the reference tray) and the files for everyone else."""
        rows = sorted({index.row() for index in indexes if index.isValid()})
        tiles = [tile for row in rows if isinstance(tile := self.tile(row), ImageTile)]
        mime = QMimeData()
        ids = [tile.id for tile in tiles]
        mime.setData(MIME_IMAGE_IDS, QByteArray(json.dumps(ids).encode()))
        blobs = self.bridge.blobs
        mime.setUrls([QUrl.fromLocalFile(str(tile.path(blobs))) for tile in tiles])
        return mime

    # -- reading rows ----------------------------------------------------------------------

    def tile(self, row: int) -> Tile | None:
        head = len(self._head)
        if 0 <= row < head:
            return self._head[row]
        if head <= row < head + len(self._history):
            return unpack(self._history[row - head])
        return None

    def image_id(self, row: int) -> int | None:
        offset = row - len(self._head)
        if 0 <= offset < len(self._history):
            item = self._history[offset]
            return item[0] if type(item) is tuple else None
        return None

    def row_of_image(self, image_id: int) -> int:
        for offset, item in enumerate(self._history):
            if type(item) is tuple and item[0] == image_id:
                return len(self._head) + offset
        return -1

    def live_rows(self) -> list[int]:
        return [row for row, tile in enumerate(self._head) if tile.live]

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def history_count(self) -> int:
        return len(self._history)

    # -- listings --------------------------------------------------------------------------

    def set_query(self, query: GalleryQuery) -> None:
        """Show a new listing from its first page (earlier answers are dropped)."""
        self.beginResetModel()
        self.query = query
        self._generation += 1
        self._revision += 1
        self._history = []
        self._saved_ids.clear()
        self._cursor = None
        self._head = sorted(
            (tile for tile in self._session.values() if self._shows(tile)), key=_head_order
        )
        self._started = False
        self._refresh_wanted = False
        self.exhausted = query.history_source is None
        self.loaded = self.exhausted
        self.failed = False
        self.endResetModel()
        self._fetch()
        self.listing_changed.emit()

    def refresh(self) -> None:
        """Read the loaded part of the listing again and apply only what changed, so the
        selection and the scroll position stay."""
        if self.query.history_source is None:
            return
        if self._busy or not self.loaded:  # after the answer on its way (it may be stale)
            self._refresh_wanted = True
            return
        self._busy = True
        generation, revision = self._generation, self._revision
        hidden = frozenset(tile.key for tile in self._head) | frozenset(self._dismissed)
        self.bridge.spawn(
            load_refresh(
                self.bridge,
                self.query,
                max(PAGE_SIZE, len(self._history)),
                list(self._history),
                hidden,
            ),
            lambda answer: self._on_refresh(generation, revision, answer),
        )

    def _fetch(self) -> None:
        if self._busy or self.exhausted:
            return
        self._busy = True
        self._started = True
        generation = self._generation
        self.bridge.spawn(
            load_page(self.bridge, self.query, PAGE_SIZE, self._cursor),
            lambda page: self._on_page(generation, page),
        )

    def _on_page(self, generation: int, page: Page) -> None:
        self._busy = False
        if generation == self._generation:
            hidden = {tile.key for tile in self._head} | self._dismissed | self._saved_ids
            items = [item for item in page.items if key_of(item) not in hidden]
            if page.cursor is not None:
                self._cursor = page.cursor
            self._append(items)
            self.exhausted = page.exhausted
            self.failed = page.failed
            self.loaded = True
            self.listing_changed.emit()
        self._next()

    def _on_refresh(self, generation: int, revision: int, answer: Refresh) -> None:
        self._busy = False
        if generation == self._generation:
            if revision != self._revision:
                self._refresh_wanted = True  # rows changed meanwhile: ask again
            elif not answer.failed:
                self._apply(answer)
        self._next()

    def _next(self) -> None:
        """What waited for the answer: a refresh, or the first page of a newer listing."""
        if self._refresh_wanted:
            self._refresh_wanted = False
            self.refresh()
        elif not self._started:
            self._fetch()

    def _append(self, items: list[Item]) -> None:
        if not items:
            return
        first = self.rowCount()
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        self._history.extend(items)
        self._revision += 1
        self.endInsertRows()

    def _apply(self, answer: Refresh) -> None:
        offset = len(self._head)
        for op in answer.ops:
            start = offset + op.index
            if op.kind == "remove":
                self.beginRemoveRows(QModelIndex(), start, start + op.count - 1)
                del self._history[op.index : op.index + op.count]
                self.endRemoveRows()
            elif op.kind == "insert":
                self.beginInsertRows(QModelIndex(), start, start + len(op.items) - 1)
                self._history[op.index : op.index] = op.items
                self.endInsertRows()
            else:
                self._history[op.index] = op.items[0]
                changed = self.index(start)
                self.dataChanged.emit(changed, changed)
        self._saved_ids.clear()  # every shown image now comes from the history
        self._cursor = answer.cursor
        self.exhausted = answer.exhausted
        if answer.ops:
            self._revision += 1
            self.listing_changed.emit()

    # -- this session's jobs ---------------------------------------------------------------

    def on_job_changed(self, job: Job) -> None:
        tile = self._session.get(job.id)
        if tile is None:
            if job.state in (JobState.SUCCEEDED, JobState.CANCELLED):
                return
            tile = self._session[job.id] = JobTile(job)
        tile.job = job
        tile.note_state()
        if not (tile.live or tile.failed):  # succeeded or cancelled: its images speak for it
            del self._session[job.id]
        self._place(tile)
        if tile.shown_state is not job.state:
            tile.shown_state = job.state
            self._repaint(tile)

    def on_job_waiting(self, job: Job, seconds: float, reason: str) -> None:
        del reason
        tile = self._session.get(job.id)
        if tile is not None:
            tile.retry_at = time.monotonic() + max(seconds, 0.0)

    def on_job_partial(self, job: Job, index: int, draft: object) -> None:
        """A streamed draft of a running job: its live tile shows the newest one."""
        tile = self._session.get(job.id)
        if tile is None or not tile.live or index < tile.draft_index:
            return
        tile.draft, tile.draft_index = draft, index
        if tile in self._head:
            changed = self.index(self._head.index(tile))
            self.dataChanged.emit(changed, changed)

    def on_image_saved(self, job: Job, image: ImageResult) -> None:
        tile = self._session.get(job.id)
        if tile is not None:
            tile.replaced = True
        if image.id is None or not self.query.shows_new_image(job):
            if tile is not None:
                self._place(tile)  # its image is not for this listing: the tile goes
            return
        new = ImageTile.from_result(image, time.time())
        self._saved_ids.add(new.id)
        row = self._head.index(tile) if tile is not None and tile in self._head else -1
        if row >= 0 and row == len(self._head) - 1:  # next to the history: change it in place
            self._head.pop()
            self._history.insert(0, new.pack())
            self._revision += 1
            changed = self.index(row)
            self.dataChanged.emit(changed, changed)
            self.row_replaced.emit(row)
        else:
            if row >= 0:
                self._remove_head_row(row)
            first = len(self._head)
            self.beginInsertRows(QModelIndex(), first, first)
            self._history.insert(0, new.pack())
            self._revision += 1
            self.endInsertRows()
        self.listing_changed.emit()

    def _shows(self, tile: JobTile) -> bool:
        if tile.failed:
            return (
                self.query.shows_failed
                and tile.key not in self._dismissed
                and self.query.matches_job(tile.job)
            )
        return (
            tile.live
            and not tile.replaced
            and self.query.shows_live
            and self.query.matches_job(tile.job)
        )

    def _place(self, tile: JobTile) -> None:
        """Put ``tile`` where the head's order wants it, or take it away."""
        current = self._head.index(tile) if tile in self._head else -1
        if not self._shows(tile) or tile.job.id not in self._session:
            if current >= 0:
                self._remove_head_row(current)
                self.listing_changed.emit()
            return
        others = [other for other in self._head if other is not tile]
        target = bisect_right([_head_order(other) for other in others], _head_order(tile))
        if current < 0:
            self.beginInsertRows(QModelIndex(), target, target)
            self._head.insert(target, tile)
            self._revision += 1
            self.endInsertRows()
            self.listing_changed.emit()
        elif current != target:
            destination = target if target < current else target + 1
            self.beginMoveRows(QModelIndex(), current, current, QModelIndex(), destination)
            self._head.pop(current)
            self._head.insert(target, tile)
            self._revision += 1
            self.endMoveRows()

    def _remove_head_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._head[row]
        self._revision += 1
        self.endRemoveRows()

    def _repaint(self, tile: JobTile) -> None:
        if tile in self._head:
            changed = self.index(self._head.index(tile))
            self.dataChanged.emit(changed, changed)

    # -- what the tiles' buttons do --------------------------------------------------------

    def cancel(self, row: int) -> None:
        tile = self.tile(row)
        if isinstance(tile, JobTile) and tile.live:
            self.bridge.cancel(tile.job.id)

    def retry(self, row: int) -> None:
        tile = self.tile(row)
        if isinstance(tile, JobTile) and tile.failed:
            self.bridge.retry(tile.job.id)
            self.dismiss(row)

    def resume(self, row: int) -> None:
        """Finish a job whose result (or task) was kept: nothing billable is sent."""
        tile = self.tile(row)
        if isinstance(tile, JobTile) and tile.failed and tile.job.resumable:
            self.bridge.resume(tile.job.id)

    def dismiss(self, row: int) -> None:
        """Put a failed tile away for this session (the job stays in the history)."""
        tile = self.tile(row)
        if not isinstance(tile, JobTile):
            return
        self._dismissed.add(tile.key)
        head = len(self._head)
        if row < head:
            self._remove_head_row(row)
        else:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._history[row - head]
            self._revision += 1
            self.endRemoveRows()
        self.listing_changed.emit()


def _head_order(tile: JobTile) -> tuple[bool, float]:
    return (tile.failed, -tile.job.created_at)
