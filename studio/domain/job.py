"""A job: one request sent to one relay, and everything that happened to it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from studio.domain.errors import StudioError
from studio.domain.model_spec import ProtocolId
from studio.domain.notice import Notice
from studio.domain.request import GenerationRequest
from studio.domain.results import ImageResult, Usage


class JobState(StrEnum):
    QUEUED = "queued"
    PREPARING = "preparing"
    SUBMITTED = "submitted"  # the paid request left; for async relays a task id may follow
    RUNNING = "running"  # an async task is being polled
    DOWNLOADING = "downloading"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"  # the studio stopped while a sync request was in flight

    @property
    def is_terminal(self) -> bool:
        return self in _TERMINAL


_TERMINAL = frozenset(
    {JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED, JobState.INTERRUPTED}
)


@dataclass(frozen=True)
class Placement:
    """Where a new job belongs: a run (a compare or a batch) at an index, and a board."""

    run_id: str | None = None
    run_index: int | None = None
    board_id: int | None = None


NOWHERE = Placement()


@dataclass
class Job:
    id: str
    request: GenerationRequest
    profile_name: str
    protocol: ProtocolId | None = None  # decided when the request is planned
    state: JobState = JobState.QUEUED
    task_id: str | None = None
    progress: float | None = None  # 0..100 when the relay reports it
    images: list[ImageResult] = field(default_factory=list)
    usage: Usage | None = None
    warnings: list[Notice] = field(default_factory=list)
    error: StudioError | None = None
    text: str | None = None  # words the model answered alongside (or instead of) images
    meta: dict[str, Any] = field(default_factory=dict)  # protocol extras, e.g. Midjourney buttons
    created_at: float = field(default_factory=time.time)
    # Ended before its images were saved, but they can still be had without paying again: the
    # results are kept (or their links are), or the relay's task can be asked again.
    resumable: bool = False
    # Where it belongs: a run (a compare or a batch, and its place in it) and a board.
    run_id: str | None = None
    run_index: int | None = None
    board_id: int | None = None
