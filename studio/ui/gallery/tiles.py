"""What one gallery tile shows, and what the gallery asks the history for.

Tiles are small (``__slots__``): the gallery may hold 100,000 of them. They are made on the
store's thread from history records, and on the GUI thread from engine events.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from studio.domain.job import Job, JobState
from studio.domain.notice import Notice
from studio.domain.results import ImageResult
from studio.store.blobs import BlobStore
from studio.store.history import Filters, ImageRecord

DAY = 24 * 3600.0


class Status(StrEnum):
    ALL = "all"
    RUNNING = "running"
    FAILED = "failed"
    DONE = "done"


class Period(StrEnum):
    ANY = "any"
    TODAY = "today"
    WEEK = "week"
    MONTH = "month"

    def since(self, now: float | None = None) -> float | None:
        now = time.time() if now is None else now
        if self is Period.TODAY:
            return (
                datetime.fromtimestamp(now)
                .replace(hour=0, minute=0, second=0, microsecond=0)
                .timestamp()
            )
        if self is Period.WEEK:
            return now - 7 * DAY
        if self is Period.MONTH:
            return now - 30 * DAY
        return None


@dataclass(frozen=True)
class GalleryQuery:
    """The filter bar's choices. ``since`` is fixed when the choice is made, so every page of
    one listing agrees on it."""

    search: str = ""
    model: str | None = None
    profile: str | None = None
    period: Period = Period.ANY
    since: float | None = None
    favourites: bool = False
    status: Status = Status.ALL
    board_id: int | None = None  # the Boards sidebar's choice: one board's images…
    no_board: bool = False  # …or those on no board

    @property
    def is_default(self) -> bool:
        return self == GalleryQuery()

    @property
    def history_source(self) -> str | None:
        """What the history part lists: images, failed jobs, or nothing (running only)."""
        return {Status.RUNNING: None, Status.FAILED: "jobs"}.get(self.status, "images")

    @property
    def shows_live(self) -> bool:
        return self.status in (Status.ALL, Status.RUNNING) and not self.favourites

    @property
    def shows_failed(self) -> bool:
        return self.status in (Status.ALL, Status.FAILED) and not self.favourites

    def filters(self) -> Filters:
        state = {Status.DONE: JobState.SUCCEEDED.value, Status.FAILED: JobState.FAILED.value}
        return Filters(
            search=self.search.strip() or None,
            status=state.get(self.status),
            model=self.model,
            profile=self.profile,
            favourites=self.favourites,
            since=self.since,
            board_id=self.board_id,
            no_board=self.no_board,
        )

    def matches_job(self, job: Job) -> bool:
        """Whether ``job`` passes the filters that can be checked without the history."""
        text = self.search.strip().casefold()
        if text and text not in job.request.prompt.casefold():
            return False
        if self.model and job.request.model != self.model:
            return False
        if self.profile and job.profile_name != self.profile:
            return False
        if self.board_id is not None and job.board_id != self.board_id:
            return False
        if self.no_board and self.board_id is None and job.board_id is not None:
            return False
        return self.since is None or job.created_at >= self.since

    def shows_new_image(self, job: Job) -> bool:
        """Whether an image this session just saved belongs in the current listing."""
        return self.history_source == "images" and not self.favourites and self.matches_job(job)


# A history image as the gallery keeps it: a plain tuple of plain values. The garbage collector
# stops looking at such tuples, so 100,000 of them cost nothing when it runs (objects would).
PackedImage = tuple[int, float, str, str, int, int, str, bool, tuple[Notice, ...]]


@dataclass(slots=True, eq=False)
class ImageTile:
    """One image, unpacked for whoever draws or handles it."""

    id: int
    created_at: float
    sha256: str
    extension: str
    width: int
    height: int
    mime: str
    favourite: bool = False
    warnings: tuple[Notice, ...] = ()

    @property
    def key(self) -> int:
        return self.id

    @property
    def cursor(self) -> tuple[float, int]:
        return (self.created_at, self.id)

    def signature(self) -> tuple[object, ...]:
        return (self.id, self.favourite, len(self.warnings))

    def pack(self) -> PackedImage:
        return (
            self.id,
            self.created_at,
            self.sha256,
            self.extension,
            self.width,
            self.height,
            self.mime,
            self.favourite,
            self.warnings,
        )

    def path(self, blobs: BlobStore) -> Path:
        return blobs.path_for(self.sha256, self.extension)

    def result(self, blobs: BlobStore) -> ImageResult:
        """Enough of an ImageResult for the thumbnail maker."""
        return ImageResult(
            index=0,
            sha256=self.sha256,
            width=self.width,
            height=self.height,
            mime=self.mime,
            size_bytes=0,
            source="",
            path=self.path(blobs),
            id=self.id,
        )

    @classmethod
    def from_record(cls, record: ImageRecord) -> ImageTile:
        return cls.from_result(record.result, record.created_at, record.favourite)

    @classmethod
    def from_result(
        cls, result: ImageResult, created_at: float, favourite: bool = False
    ) -> ImageTile:
        extension = result.path.suffix.lstrip(".") if result.path else "png"
        return cls(
            id=int(result.id or 0),
            created_at=created_at,
            sha256=result.sha256,
            extension=_shared(extension),
            width=result.width,
            height=result.height,
            mime=_shared(result.mime),
            warnings=tuple(result.warnings) or (),
            favourite=favourite,
        )


_SHARED: dict[str, str] = {}


def _shared(text: str) -> str:
    """One string object per distinct extension or mime type, not one per tile."""
    return _SHARED.setdefault(text, text)


LIVE_STATES = frozenset(state for state in JobState if not state.is_terminal)
FAILED_STATES = frozenset({JobState.FAILED, JobState.INTERRUPTED})


@dataclass(slots=True, eq=False)
class JobTile:
    """A job of this session that is running or failed (or, under "Failed", one from before)."""

    job: Job
    sending_since: float | None = None  # time.monotonic() when the request left
    retry_at: float | None = None  # time.monotonic() when a waiting retry goes out
    shown_state: JobState | None = None  # the state last painted
    replaced: bool = False  # its images arrived and took its place
    draft: object | None = None  # the latest streamed draft (a QImage), shown while it runs
    draft_index: int = -1

    @property
    def key(self) -> str:
        return self.job.id

    @property
    def cursor(self) -> tuple[float, str]:
        return (self.job.created_at, self.job.id)

    @property
    def live(self) -> bool:
        return self.job.state in LIVE_STATES

    @property
    def failed(self) -> bool:
        return self.job.state in FAILED_STATES

    def signature(self) -> tuple[object, ...]:
        return (self.job.id, self.job.state.value)

    def note_state(self) -> None:
        sending = self.job.state not in (JobState.QUEUED, JobState.PREPARING)
        if sending and self.sending_since is None:
            self.sending_since = time.monotonic()


Tile = ImageTile | JobTile
Item = PackedImage | JobTile  # a history row as stored


def unpack(item: Item) -> Tile:
    return ImageTile(*item) if type(item) is tuple else item  # type: ignore[misc,return-value]


def key_of(item: Item) -> int | str:
    return item[0] if type(item) is tuple else item.key  # type: ignore[union-attr]


def cursor_of(item: Item) -> tuple[float, int] | tuple[float, str]:
    if type(item) is tuple:
        return (item[1], item[0])
    return item.cursor  # type: ignore[union-attr]


def signature_of(item: Item) -> tuple[object, ...]:
    if type(item) is tuple:
        return (item[0], item[7], len(item[8]))
    return item.signature()  # type: ignore[union-attr]
