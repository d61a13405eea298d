"""What the engine tells its listeners (the CLI's progress line, the store, the UI bridge)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum

from studio.domain.job import Job
from studio.domain.results import ImageResult


class EventKind(StrEnum):
    STATE = "state"  # job.state changed
    TASK_ID = "task_id"  # an async task id arrived: persist it before anything else happens
    PROGRESS = "progress"  # job.progress changed
    WAITING = "waiting"  # a retry is waiting (rate limit, connection); see ``seconds``
    IMAGE_SAVED = "image_saved"  # an image is on disk; see ``image``
    PARTIAL_IMAGE = "partial_image"  # a draft of a streamed image; see ``partial`` (not saved)


@dataclass(frozen=True)
class JobEvent:
    job: Job
    kind: EventKind
    image: ImageResult | None = None
    seconds: float | None = None
    reason: str | None = None
    partial: bytes | None = None  # the draft's bytes (PARTIAL_IMAGE)
    index: int | None = None  # which draft (PARTIAL_IMAGE)


# Listeners may be coroutines: the engine awaits them, so "persisted before shown" holds.
Listener = Callable[[JobEvent], Awaitable[None] | None]
