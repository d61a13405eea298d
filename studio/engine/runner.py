"""Running one job from request to saved images: plan, prepare, submit, poll, save, check.

The paid request is submitted exactly once. Whatever happens after it left is turned into job
state and a plain message; the engine never sends it again on its own.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, Protocol

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind, RelayError, StudioError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.job import Job, JobState
from studio.domain.model_spec import Operation
from studio.domain.notice import Notice
from studio.domain.results import ImageResult, Usage
from studio.engine.events import EventKind, JobEvent, Listener
from studio.engine.plan import plan_request
from studio.engine.prepare import Prepared, prepare
from studio.engine.verify import verify_result
from studio.engine.workers import background_pool
from studio.imaging.results import (
    ValidatedImage,
    decode_base64_image,
    parse_data_url,
    validate_result,
)
from studio.protocols import protocol_for
from studio.protocols.base import Accepted, Completed, ImageProtocol, RawImage, TaskState
from studio.protocols.jsonbody import Blob
from studio.protocols.transport import RelayClient

log = logging.getLogger(__name__)

DOWNLOADS_AT_ONCE = 4
# Decoding and checking results is CPU work that holds the GIL in stretches: one worker does it,
# so it never competes with itself for the GIL against the window's thread.
IMAGE_WORKER = background_pool(1, "studio-results")

MSG_INTERNAL = QT_TRANSLATE_NOOP(
    ERRORS, "Something went wrong inside the studio ({what}). The details are in the log."
)
MSG_TASK_TIMEOUT = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay has not finished task {task_id} after {minutes} minutes. It may still finish: "
    "check again later.",
)
MSG_NO_IMAGE_SAVED = QT_TRANSLATE_NOOP(WARNINGS, "Image {number} could not be saved: {reason}")


class ResultSink(Protocol):
    """Where result bytes go. ``save`` is called in a worker thread and must have the bytes
    safely on disk (written, fsync'ed) before it returns."""

    def save(
        self,
        job: Job,
        index: int,
        image: ValidatedImage,
        raw: RawImage,
        warnings: tuple[Notice, ...],
    ) -> ImageResult: ...


@dataclass
class Runner:
    catalog: Catalog
    client: RelayClient
    sink: ResultSink
    listeners: list[Listener] = field(default_factory=list)
    max_poll_wait: float | None = None  # default: the profile's async max_wait

    async def emit(self, event: JobEvent) -> None:
        for listener in self.listeners:
            outcome = listener(event)
            if inspect.isawaitable(outcome):
                await outcome

    async def set_state(self, job: Job, state: JobState) -> None:
        if job.state is not state:
            job.state = state
            await self.emit(JobEvent(job, EventKind.STATE))

    async def on_wait(self, job: Job, reason: str, seconds: float) -> None:
        await self.emit(JobEvent(job, EventKind.WAITING, seconds=seconds, reason=reason))

    # -- the whole run ---------------------------------------------------------------------

    async def run(self, job: Job) -> Job:
        """Take ``job`` from queued to a final state; never raises except on cancellation."""
        return await self._guarded(job, self._run(job))

    async def resume(self, job: Job) -> Job:
        """Go on polling an async job whose task id was stored before a crash."""
        assert job.task_id and job.protocol, "only submitted async jobs can be resumed"
        return await self._guarded(job, self._resume(job))

    async def _guarded(self, job: Job, work: Coroutine[Any, Any, None]) -> Job:
        """Run ``work`` for ``job``, turning every failure into job state and a message."""
        previous_hook = self.client.on_wait
        self.client.on_wait = lambda reason, seconds: self.on_wait(job, reason, seconds)
        try:
            await work
        except asyncio.CancelledError:
            await self.set_state(job, JobState.CANCELLED)
            raise
        except StudioError as error:
            job.error = error
            await self.set_state(job, JobState.FAILED)
        except Exception as error:  # a bug: keep the studio alive and say so
            log.exception("job %s failed unexpectedly", job.id)
            job.error = StudioError(ErrorKind.INTERNAL, MSG_INTERNAL, what=type(error).__name__)
            await self.set_state(job, JobState.FAILED)
        finally:
            self.client.on_wait = previous_hook
        return job

    async def _run(self, job: Job) -> None:
        spec = self.catalog.get(job.request.model)
        await self.set_state(job, JobState.PREPARING)
        plan = plan_request(job.request, spec)
        job.protocol = plan.protocol
        job.warnings.extend(plan.notes)
        prepared = await prepare(job.request, spec, plan, self.client)
        job.warnings.extend(prepared.notes)
        protocol = protocol_for(plan.protocol, self.client.profile)
        await self.set_state(job, JobState.SUBMITTED)
        outcome = await protocol.submit(self.client, prepared.wire)
        if isinstance(outcome, Accepted):
            job.task_id = outcome.task_id
            await self.emit(JobEvent(job, EventKind.TASK_ID))
            outcome = await self.poll(job, protocol)
        await self.finish(job, outcome, prepared)

    async def _resume(self, job: Job) -> None:
        assert job.protocol is not None
        protocol = protocol_for(job.protocol, self.client.profile)
        await self.finish(job, await self.poll(job, protocol), None)

    # -- async tasks -----------------------------------------------------------------------

    async def poll(self, job: Job, protocol: ImageProtocol) -> Completed:
        assert job.task_id is not None
        options = self.client.profile.async_options
        max_wait = self.max_poll_wait if self.max_poll_wait is not None else options.max_wait
        started = time.monotonic()
        attempt = 0
        while True:
            # Quick first looks, then the profile's pace: short tasks finish sooner.
            await asyncio.sleep(min(options.poll_interval, 0.5 * 2**attempt))
            attempt += 1
            update = await protocol.poll(self.client, job.task_id)
            if update.state is TaskState.FAILED:
                raise update.error or RelayError(ErrorKind.TASK_FAILED, MSG_INTERNAL, what="task")
            if update.state is TaskState.SUCCEEDED and update.result is not None:
                return update.result
            if update.state is TaskState.RUNNING:
                await self.set_state(job, JobState.RUNNING)
            if update.progress is not None and update.progress != job.progress:
                job.progress = update.progress
                await self.emit(JobEvent(job, EventKind.PROGRESS))
            if time.monotonic() - started > max_wait:
                raise RelayError(
                    ErrorKind.SERVER,
                    MSG_TASK_TIMEOUT,
                    task_id=job.task_id,
                    minutes=round(max_wait / 60),
                )

    # -- results ---------------------------------------------------------------------------

    async def finish(self, job: Job, outcome: Completed, prepared: Prepared | None) -> None:
        job.usage = Usage(outcome.usage) if outcome.usage else None
        job.text = outcome.text
        job.meta.update(outcome.meta)
        if not outcome.images and job.request.operation is Operation.MJ_DESCRIBE:
            await self.set_state(job, JobState.SUCCEEDED)
            return
        await self.set_state(job, JobState.DOWNLOADING)
        gate = asyncio.Semaphore(DOWNLOADS_AT_ONCE)

        async def one(index: int, raw: RawImage) -> ImageResult | StudioError:
            async with gate:
                try:
                    return await self.save_one(job, index, raw, prepared)
                except StudioError as error:
                    return error

        outcomes = await asyncio.gather(*(one(i, raw) for i, raw in enumerate(outcome.images)))
        failures = [(i, o) for i, o in enumerate(outcomes) if isinstance(o, StudioError)]
        if len(failures) == len(outcomes):
            error = failures[0][1]
            error.may_be_billed = True  # the relay made the image(s): only fetching them failed
            raise error
        for index, error in failures:
            job.warnings.append(
                Notice(
                    "image_lost", MSG_NO_IMAGE_SAVED, {"number": index + 1, "reason": error.message}
                )
            )
        await self.set_state(job, JobState.SUCCEEDED)

    async def save_one(
        self, job: Job, index: int, raw: RawImage, prepared: Prepared | None
    ) -> ImageResult:
        downloaded = None
        if raw.b64 is None and raw.url is not None and not raw.url.startswith("data:"):
            downloaded = await self.client.download(raw.url)
        # Decoding, validating, checking and writing are one trip to a worker thread.
        loop = asyncio.get_running_loop()
        result, notices = await loop.run_in_executor(
            IMAGE_WORKER, self.store_image, job, index, raw, downloaded, prepared
        )
        if notices:
            job.warnings.extend(n for n in notices if n not in job.warnings)
        job.images.append(result)
        job.images.sort(key=lambda image: image.index)
        await self.emit(JobEvent(job, EventKind.IMAGE_SAVED, image=result))
        return result

    def store_image(
        self,
        job: Job,
        index: int,
        raw: RawImage,
        downloaded: bytes | None,
        prepared: Prepared | None,
    ) -> tuple[ImageResult, list[Notice]]:
        """Runs in a worker thread: bytes → validated → checked → durably saved."""
        data = downloaded if downloaded is not None else image_bytes(raw)
        validated = validate_result(data)
        notices = verify_result(job.request, validated, prepared)
        return self.sink.save(job, index, validated, raw, tuple(notices)), notices


def image_bytes(raw: RawImage) -> bytes:
    """The bytes of an image that came inline: base64 (maybe a blob) or a data URL."""
    if isinstance(raw.b64, Blob):
        return decode_base64_image(raw.b64.text() if raw.b64.escaped else raw.b64.raw)
    if raw.b64 is not None:
        return decode_base64_image(raw.b64)
    assert raw.url is not None and raw.url.startswith("data:")
    return parse_data_url(raw.url)[1]
