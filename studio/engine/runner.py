"""Running one job from request to saved images: plan, prepare, submit, poll, save, check.

The paid request is submitted exactly once. Whatever happens after it left is turned into job
state and a plain message; the engine never sends it again on its own.

What the relay delivers is recorded in the result journal (``store.journal``) the moment it
arrives, before any download, and each image leaves the journal only once it is in the
history. A job that cannot finish saving (a link that keeps failing, a full disk, a locked
history, a deadline) ends *resumable*: :meth:`Runner.resume` finishes it later from the journal
or by asking the relay's task again — never by sending the request again.

Every failure says what it cost (``Billing``), decided here by one rule: before the request
left, nothing was billed; while it was being sent, the transport's verdict (a refusal, a
connection never made) stands, else it may have been billed; once the relay answered,
whatever fails afterwards may have been billed.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import re
from collections.abc import Coroutine, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from studio.catalog import Catalog
from studio.domain.errors import Billing, ErrorKind, RelayError, StudioError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.job import Job, JobState
from studio.domain.model_spec import Operation, ProtocolId
from studio.domain.notice import Notice
from studio.domain.redact import redact
from studio.domain.results import ImageResult, Usage
from studio.engine.adapt import (
    DROPPABLE,
    RefusalMemory,
    dropped_note,
    left_out_note,
    refused_parameters,
)
from studio.engine.events import EventKind, JobEvent, Listener
from studio.engine.overrides import apply_overrides
from studio.engine.plan import plan_request
from studio.engine.prepare import Prepared, prepare
from studio.engine.verify import verify_result
from studio.imaging._sniff import sniff
from studio.imaging.results import (
    MSG_UNSUPPORTED_FORMAT,
    ValidatedImage,
    decode_base64_image,
    parse_data_url,
    undecodable,
    validate_result,
)
from studio.protocols import protocol_for, request_ids
from studio.protocols.base import (
    Accepted,
    Completed,
    ImageProtocol,
    RawImage,
    TaskState,
    WireRequest,
)
from studio.protocols.images import streams
from studio.protocols.jsonbody import Blob
from studio.protocols.transport import RelayClient
from studio.store.history import HistoryBusyError
from studio.store.journal import GONE, SAVED, Delivery, ResultJournal
from studio.system.workers import background_pool

log = logging.getLogger(__name__)

DOWNLOADS_AT_ONCE = 4
GARBLED_POLLS = 5  # answers about a task that were not understood, in a row, before giving up
# Decoding and checking results is CPU work that holds the GIL in stretches: one worker does it,
# so it never competes with itself for the GIL against the window's thread.
IMAGE_WORKER = background_pool(1, "studio-results")

MSG_INTERNAL = QT_TRANSLATE_NOOP(
    ERRORS, "Something went wrong inside the studio ({what}). The details are in the log."
)
MSG_DEADLINE = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay's answer did not arrive within {seconds} s, the time limit for a job. The "
    "request was not sent again; the relay may still make the image.",
)
MSG_TASK_TIMEOUT = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay has not finished task {task_id} within {seconds} s, the time limit for a job. "
    "It may still finish: Resume asks again, without sending anything new.",
)
MSG_TASK_UNREACHABLE = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay does not answer about task {task_id} ({reason}). The task id is kept: Resume "
    "asks again, without sending anything new.",
)
MSG_RESULT_NOT_FETCHED = QT_TRANSLATE_NOOP(
    ERRORS,
    "Could not download image {number} from the relay ({reason}). The relay made it and its "
    "link is kept: Resume downloads it again, without sending anything new.",
)
MSG_SAVE_FAILED = QT_TRANSLATE_NOOP(
    ERRORS,
    "Could not save image {number}: {reason}. The image is kept: free some space or fix the "
    "folder's permissions, then press Retry save.",
)
MSG_HISTORY_BUSY = QT_TRANSLATE_NOOP(
    ERRORS,
    "Could not record image {number}: another program keeps the history database locked. The "
    "image is kept and is recorded when you press Retry save (or the next time the studio "
    "starts).",
)
MSG_INLINE_LOST = QT_TRANSLATE_NOOP(
    ERRORS,
    "Image {number} arrived inside the relay's answer, but the studio stopped before it could "
    "keep it.",
)
MSG_NOTHING_TO_RESUME = QT_TRANSLATE_NOOP(
    ERRORS,
    "There is nothing left to fetch for this job: its kept results were lost when the studio "
    "stopped.",
)
MSG_NO_IMAGE_SAVED = QT_TRANSLATE_NOOP(WARNINGS, "Image {number} could not be saved: {reason}")
MSG_STREAMED = QT_TRANSLATE_NOOP(
    WARNINGS,
    "Streamed, with {drafts} draft(s) shown while it was made (this relay's setting). Relays bill "
    "drafts as extra output.",
)
MSG_TASK_BY_SHAPE = QT_TRANSLATE_NOOP(
    WARNINGS, "The relay answered with a task to poll ({path}); the studio polls it."
)
MSG_CONVERTED = QT_TRANSLATE_NOOP(
    WARNINGS,
    "The relay sent a {format} image. It is kept as it was sent (exports write it), and shown "
    "as a PNG copy.",
)
MSG_UNSHOWABLE_KEPT = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay sent a {format} image, which the studio cannot show. It is kept as it was sent: "
    "{path}",
)

# Kinds of poll failures that mean the task is not (yet) known to the relay.
_UNKNOWN_TASK_WORDS = ("not exist", "not found", "no such task", "不存在", "未找到")


class ResultSink(Protocol):
    """Where result bytes go. ``save`` is called in a worker thread and must have the bytes
    safely on disk (written, fsync'ed) before it returns. ``kept`` is the relay's bytes already
    durable in a file, which a sink may link instead of writing again. ``keep_as_is`` stores
    bytes the studio cannot show, untouched, and says where."""

    def keep_as_is(self, job: Job, index: int, data: bytes, extension: str) -> Path: ...

    def save(
        self,
        job: Job,
        index: int,
        image: ValidatedImage,
        raw: RawImage,
        warnings: tuple[Notice, ...],
        *,
        kept: Any = None,
    ) -> ImageResult: ...


class JobStop(Exception):  # noqa: N818 - not an error: how a job ends when it is not "failed"
    """End the job in ``state`` with ``error`` (resumable or not)."""

    def __init__(self, state: JobState, error: StudioError, *, resumable: bool = False) -> None:
        super().__init__(error.message)
        self.state = state
        self.error = error
        self.resumable = resumable


class Deadline:
    """The moment a job must be over by (``asyncio`` loop time)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = asyncio.get_running_loop().time() + seconds

    def remaining(self) -> float:
        return self.at - asyncio.get_running_loop().time()

    def passed(self) -> bool:
        return self.remaining() <= 0


@dataclass
class Runner:
    catalog: Catalog
    client: RelayClient
    sink: ResultSink
    listeners: list[Listener] = field(default_factory=list)
    max_poll_wait: float | None = None  # default: the profile's async max_wait
    journal: ResultJournal = field(default_factory=lambda: ResultJournal(()))
    quirks: RefusalMemory | None = None  # what relays refused before (per relay and model)
    _sent: set[str] = field(default_factory=set, repr=False)  # the paid request started leaving
    _answered: set[str] = field(default_factory=set, repr=False)  # the relay answered it

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

    async def on_partial(self, job: Job, index: int, b64: str) -> None:
        """A draft of a streamed image: told, never saved (the final image is)."""
        try:
            draft = await asyncio.to_thread(decode_base64_image, b64)
        except StudioError:
            return  # a damaged draft is not worth a word: the final image is what counts
        await self.emit(JobEvent(job, EventKind.PARTIAL_IMAGE, partial=draft, index=index))

    # -- the whole run ---------------------------------------------------------------------

    async def run(self, job: Job) -> Job:
        """Take ``job`` from queued to a final state; never raises except on cancellation."""
        return await self._guarded(job, self._run(job))

    async def resume(self, job: Job) -> Job:
        """Finish a job whose answer (or task id) was kept: save what the journal holds, or
        poll its task again. Nothing is sent to the relay that could be billed."""
        self._sent.add(job.id)
        self._answered.add(job.id)
        return await self._guarded(job, self._resume(job))

    async def _guarded(self, job: Job, work: Coroutine[Any, Any, None]) -> Job:
        """Run ``work`` for ``job``, turning every failure into job state and a message."""
        previous_hook, previous_partial = self.client.on_wait, self.client.on_partial
        self.client.on_wait = lambda reason, seconds: self.on_wait(job, reason, seconds)
        self.client.on_partial = lambda index, b64: self.on_partial(job, index, b64)
        try:
            await work
        except asyncio.CancelledError:
            job.resumable = bool(self.journal.pending(job.id))
            await self.set_state(job, JobState.CANCELLED)
            raise
        except JobStop as stop:
            await self._end(job, stop.state, stop.error, resumable=stop.resumable)
        except StudioError as error:
            await self._end(job, JobState.FAILED, error)
        except Exception as error:  # a bug: keep the studio alive and say so
            log.exception("job %s failed unexpectedly", job.id)
            internal = StudioError(ErrorKind.INTERNAL, MSG_INTERNAL, what=type(error).__name__)
            await self._end(job, JobState.FAILED, internal)
        finally:
            self.client.on_wait, self.client.on_partial = previous_hook, previous_partial
            self._sent.discard(job.id)
            self._answered.discard(job.id)
        return job

    async def _end(
        self, job: Job, state: JobState, error: StudioError, *, resumable: bool = False
    ) -> None:
        error.billing = self._billing(job, error)
        job.error = error
        job.resumable = resumable or bool(self.journal.pending(job.id))
        await self.set_state(job, state)

    def _billing(self, job: Job, error: StudioError) -> Billing:
        """The one rule for what a failure cost (see the module's docstring)."""
        if job.id in self._answered:
            return Billing.MAY_BE_BILLED
        if job.id in self._sent:
            return error.billing or Billing.MAY_BE_BILLED
        return Billing.NOT_SENT

    async def _run(self, job: Job) -> None:
        spec = self.catalog.get(job.request.model)  # the options of the name the user picked
        await self.set_state(job, JobState.PREPARING)
        # The relay's own settings for this model (name sent, protocol, extra fields): the job
        # keeps the request as picked, the copy travels.
        request, notes = apply_overrides(job.request, self.client.profile)
        job.warnings.extend(notes)
        plan = plan_request(request, spec)
        job.protocol = plan.protocol
        job.warnings.extend(plan.notes)
        prepared = await prepare(request, spec, plan, self.client)
        job.warnings.extend(prepared.notes)
        protocol = protocol_for(plan.protocol, self.client.profile)
        if plan.protocol is ProtocolId.IMAGES and streams(prepared.wire, self.client.profile):
            drafts = self.client.profile.partial_images
            job.warnings.append(Notice("streamed", MSG_STREAMED, {"drafts": drafts}))
        deadline = Deadline(self.client.profile.job_timeout)
        wire = self._without_learned_refusals(job, prepared.wire)
        await self.set_state(job, JobState.SUBMITTED)
        self._sent.add(job.id)
        with request_ids.collecting() as receipt:
            try:
                async with asyncio.timeout(deadline.remaining()):
                    outcome = await self._submit_adapting(job, protocol, wire)
            except TimeoutError:
                error = RelayError(
                    ErrorKind.FATE_UNKNOWN, MSG_DEADLINE, seconds=round(deadline.seconds)
                )
                raise JobStop(JobState.INTERRUPTED, error) from None
            finally:  # whatever came of the call: the id a refund claim names (store.ledger)
                if receipt.request_id:
                    job.meta["request_id"] = receipt.request_id
        self._answered.add(job.id)
        if isinstance(outcome, Accepted):
            job.task_id = outcome.task_id
            if outcome.poll_path:  # where the answer's shape says to ask (task_shapes)
                job.meta["poll_path"] = outcome.poll_path
            if not protocol.polls or outcome.poll_path:  # a task nobody asked for, or elsewhere
                where = outcome.poll_path or self.client.profile.async_options.poll_path
                path = where.replace("{task_id}", outcome.task_id)
                job.warnings.append(Notice("task_by_shape", MSG_TASK_BY_SHAPE, {"path": path}))
            if not protocol.polls:  # how to poll is recorded with the task id: resumable
                job.protocol = ProtocolId.IMAGES_ASYNC
                protocol = protocol_for(job.protocol, self.client.profile)
            await self.emit(JobEvent(job, EventKind.TASK_ID))  # persisted before the first poll
            outcome = await self.poll(job, protocol, deadline)
        await self.finish(job, outcome, prepared)

    def _without_learned_refusals(self, job: Job, wire: WireRequest) -> WireRequest:
        if self.quirks is None:
            return wire
        learned = self.quirks.refused(self.client.profile.name, wire.model) & DROPPABLE
        return replace(wire, omit=learned) if learned else wire

    async def _submit_adapting(
        self, job: Job, protocol: ImageProtocol, wire: WireRequest
    ) -> Completed | Accepted:
        """Submit; when the relay refuses optional parameters by name (HTTP 400: not billed),
        once more without them, remembering them for this relay and model."""
        learned = wire.omit
        try:
            outcome = await protocol.submit(self.client, wire)
        except StudioError as error:
            names = refused_parameters(error, protocol.sent())
            if not names:
                raise
            model = wire.model  # the name the relay knows it by
            log.info("job %s: the relay refused %s; sending once more without", job.id, names)
            job.warnings.append(dropped_note(names, model))
            if self.quirks is not None:
                await asyncio.to_thread(
                    self.quirks.remember, self.client.profile.name, model, names
                )
            outcome = await protocol.submit(self.client, replace(wire, omit=wire.omit | names))
        if left_out := protocol.left_out & learned:
            job.warnings.append(left_out_note(left_out, wire.model))
        return outcome

    async def _resume(self, job: Job) -> None:
        job.error, job.resumable = None, False
        prepared = await self._prepared_again(job)
        pending = self.journal.pending(job.id)
        if pending:
            await self.set_state(job, JobState.DOWNLOADING)
            await self.deliver(job, pending, prepared)
            return
        if job.task_id and job.protocol:
            protocol = protocol_for(job.protocol, self.client.profile)
            if protocol.polls:
                await self.set_state(job, JobState.RUNNING)
                deadline = Deadline(self.client.profile.job_timeout)
                await self.finish(job, await self.poll(job, protocol, deadline), prepared)
                return
        raise RelayError(ErrorKind.BAD_RESULT, MSG_NOTHING_TO_RESUME)

    async def _prepared_again(self, job: Job) -> Prepared | None:
        """The request as it was prepared (for the result checks), read again from the kept
        inputs; None when that is not possible any more."""
        try:
            spec = self.catalog.get(job.request.model)
            request, _ = apply_overrides(job.request, self.client.profile)
            plan = plan_request(request, spec)
            return await prepare(request, spec, plan, self.client)
        except Exception:  # the checks are a bonus here: saving the images is what matters
            log.info("cannot check the results of %s against its request", job.id, exc_info=True)
            return None

    # -- async tasks -----------------------------------------------------------------------

    async def poll(self, job: Job, protocol: ImageProtocol, deadline: Deadline) -> Completed:
        """Ask the relay about the task until it is done, failed, or the deadline passed.

        A relay that does not know a freshly made task yet, or cannot be reached for a while,
        is asked again; only the relay saying the task failed ends it. At the deadline the job
        stays resumable (its task id is kept)."""
        assert job.task_id is not None
        options = self.client.profile.async_options
        max_wait = self.max_poll_wait if self.max_poll_wait is not None else options.max_wait
        limit = min(deadline.remaining(), max_wait)
        stop_at = asyncio.get_running_loop().time() + limit
        attempt = garbled = 0
        problem: StudioError | None = None
        while True:
            # Quick first looks, then the profile's pace: short tasks finish sooner.
            pause = poll_pause(options.poll_interval, attempt)
            left = stop_at - asyncio.get_running_loop().time()
            if left <= 0:
                raise self._poll_stop(job, problem, limit)
            await asyncio.sleep(min(pause, left))
            attempt += 1
            try:
                async with asyncio.timeout(max(stop_at - asyncio.get_running_loop().time(), 0)):
                    update = await protocol.poll(
                        self.client, job.task_id, job.meta.get("poll_path")
                    )
            except TimeoutError:
                raise self._poll_stop(job, problem, limit) from None
            except StudioError as error:
                if error.kind is ErrorKind.AUTH:  # fix the key, then resume
                    raise JobStop(JobState.FAILED, error, resumable=True) from None
                problem = error
                garbled = garbled + 1 if error.kind is ErrorKind.BAD_RESULT else 0
                if garbled >= GARBLED_POLLS:  # the same nonsense each time: stop asking for now
                    raise JobStop(JobState.FAILED, error, resumable=True) from None
                reason = "task-unknown" if _task_unknown(error) else "poll"
                log.info("poll %d of task %s failed: %s", attempt, job.task_id, error.message)
                await self.on_wait(job, reason, poll_pause(options.poll_interval, attempt))
                continue
            problem, garbled = None, 0
            if update.state is TaskState.FAILED:
                raise update.error or RelayError(ErrorKind.TASK_FAILED, MSG_INTERNAL, what="task")
            if update.state is TaskState.SUCCEEDED and update.result is not None:
                return update.result
            if update.state is TaskState.RUNNING:
                await self.set_state(job, JobState.RUNNING)
            if update.progress is not None and update.progress != job.progress:
                job.progress = update.progress
                await self.emit(JobEvent(job, EventKind.PROGRESS))

    def _poll_stop(self, job: Job, problem: StudioError | None, limit: float) -> JobStop:
        if problem is not None and not _task_unknown(problem):
            error = RelayError(
                ErrorKind.NETWORK,
                MSG_TASK_UNREACHABLE,
                task_id=job.task_id,
                reason=problem.message,
                relay_message=problem.relay_message,
            )
            return JobStop(JobState.FAILED, error, resumable=True)
        error = RelayError(
            ErrorKind.FATE_UNKNOWN, MSG_TASK_TIMEOUT, task_id=job.task_id, seconds=round(limit)
        )
        return JobStop(JobState.INTERRUPTED, error, resumable=True)

    # -- results ---------------------------------------------------------------------------

    async def finish(self, job: Job, outcome: Completed, prepared: Prepared | None) -> None:
        job.usage = Usage(outcome.usage) if outcome.usage else None
        job.text = redact(outcome.text) if outcome.text else outcome.text
        job.meta.update(outcome.meta)
        if not outcome.images and job.request.operation is Operation.MJ_DESCRIBE:
            await self.set_state(job, JobState.SUCCEEDED)
            return
        deliveries = [_delivery(index, raw) for index, raw in enumerate(outcome.images)]
        # Before any download: the links (and which images came inline) are on disk.
        await asyncio.to_thread(self.journal.open, job.id, deliveries)
        await self.set_state(job, JobState.DOWNLOADING)
        inline = {d.index: outcome.images[d.index] for d in deliveries if d.url is None}
        await self.deliver(job, deliveries, prepared, inline)

    async def deliver(
        self,
        job: Job,
        deliveries: list[Delivery],
        prepared: Prepared | None,
        inline: Mapping[int, RawImage] | None = None,
    ) -> None:
        """Save every delivery; what cannot be saved now stays in the journal (resumable)."""
        gate = asyncio.Semaphore(DOWNLOADS_AT_ONCE)
        inline = inline or {}
        saved = {image.index for image in job.images}
        for delivery in [d for d in deliveries if d.index in saved]:  # recorded before a crash
            await asyncio.to_thread(self.journal.mark, job.id, delivery.index, SAVED)
        deliveries = [d for d in deliveries if d.index not in saved]

        async def one(delivery: Delivery) -> ImageResult | StudioError:
            async with gate:
                try:
                    return await self.save_one(job, delivery, inline.get(delivery.index), prepared)
                except StudioError as error:
                    return error

        outcomes = await asyncio.gather(*(one(d) for d in deliveries))
        failures = [
            (d, o) for d, o in zip(deliveries, outcomes, strict=True) if isinstance(o, StudioError)
        ]
        kept = {d.index for d in self.journal.pending(job.id)}
        lost = [(d, e) for d, e in failures if d.index not in kept]
        if lost and not kept and not job.images:
            raise lost[0][1]  # nothing came of it: the error says it all
        for delivery, error in lost:  # the others were saved (or are kept): say which is gone
            job.warnings.append(
                Notice(
                    "image_lost",
                    MSG_NO_IMAGE_SAVED,
                    {"number": delivery.index + 1, "reason": error.message},
                )
            )
        if kept:
            error = next(e for d, e in failures if d.index in kept)
            raise JobStop(JobState.FAILED, error, resumable=True)
        await self.set_state(job, JobState.SUCCEEDED)

    async def save_one(
        self,
        job: Job,
        delivery: Delivery,
        raw: RawImage | None,
        prepared: Prepared | None,
    ) -> ImageResult:
        number = delivery.index + 1
        data, kept = None, None
        if (found := await asyncio.to_thread(self.journal.read, job.id, delivery)) is not None:
            data, kept = found
        elif raw is None and delivery.url is not None:
            try:
                data = await self.client.download(delivery.url)
            except StudioError as error:
                if error.kind is ErrorKind.NETWORK:  # the link is kept: resumable
                    raise RelayError(
                        ErrorKind.NETWORK,
                        MSG_RESULT_NOT_FETCHED,
                        number=number,
                        reason=error.params.get("reason", error.message),
                        relay_message=error.relay_message,
                    ) from error
                await asyncio.to_thread(self.journal.mark, job.id, delivery.index, GONE)
                raise
        elif raw is None:
            await asyncio.to_thread(self.journal.mark, job.id, delivery.index, GONE)
            raise RelayError(ErrorKind.BAD_RESULT, MSG_INLINE_LOST, number=number)
        # Decoding, keeping, validating, checking and saving are one trip to a worker thread.
        loop = asyncio.get_running_loop()
        result, notices = await loop.run_in_executor(
            IMAGE_WORKER, self.store_image, job, delivery, raw, data, kept, prepared
        )
        if notices:
            job.warnings.extend(n for n in notices if n not in job.warnings)
        job.images = sorted(
            [*(i for i in job.images if i.index != result.index), result],
            key=lambda image: image.index,
        )
        await self.emit(JobEvent(job, EventKind.IMAGE_SAVED, image=result))
        return result

    def store_image(
        self,
        job: Job,
        delivery: Delivery,
        raw: RawImage | None,
        data: bytes | None,
        kept: Path | None,
        prepared: Prepared | None,
    ) -> tuple[ImageResult, list[Notice]]:
        """Runs in a worker thread: bytes → kept → validated → checked → durably saved.
        ``data`` None: decode ``raw`` (it came inline); ``kept``: where the journal has them."""
        number = delivery.index + 1
        try:
            if data is None:
                assert raw is not None
                data = image_bytes(raw)
            if kept is None:
                kept = self.journal.keep(job.id, delivery.index, data, _extension(data))
            validated = validate_result(data)
        except StudioError as error:
            if error.template == MSG_UNSUPPORTED_FORMAT and data:  # keep what was paid for
                error = self._keep_unshowable(job, delivery, data, error)
            self.journal.mark(job.id, delivery.index, GONE)
            raise error from None
        notices = verify_result(job.request, validated, prepared)
        if validated.original is not None:
            notices.append(
                Notice("converted", MSG_CONVERTED, {"format": validated.original.format})
            )
        source = RawImage(
            delivery.source,
            url=delivery.url,
            mime=delivery.mime,
            revised_prompt=delivery.revised_prompt,
        )
        try:
            result = self.sink.save(
                job, delivery.index, validated, source, tuple(notices), kept=kept
            )
        except HistoryBusyError as error:
            log.warning("image %d of %s not recorded: %s", number, job.id, error)
            raise RelayError(ErrorKind.SAVE_FAILED, MSG_HISTORY_BUSY, number=number) from error
        except OSError as error:
            log.warning("image %d of %s not saved: %s", number, job.id, error)
            reason = error.strerror or type(error).__name__
            raise RelayError(
                ErrorKind.SAVE_FAILED, MSG_SAVE_FAILED, number=number, reason=reason
            ) from error
        self.journal.mark(job.id, delivery.index, SAVED)
        return result, notices

    def _keep_unshowable(
        self, job: Job, delivery: Delivery, data: bytes, error: StudioError
    ) -> StudioError:
        """An image the studio cannot show (SVG, PDF…) is still what was paid for: its bytes go
        where results go, as they are, and the message says where."""
        try:
            path = self.sink.keep_as_is(job, delivery.index, data, _extension(data))
        except OSError as problem:
            log.warning("cannot keep image %d of %s: %s", delivery.index + 1, job.id, problem)
            return error
        return RelayError(
            ErrorKind.BAD_RESULT,
            MSG_UNSHOWABLE_KEPT,
            format=error.params.get("format", "?"),
            path=str(path),
        )


def poll_pause(interval: float, attempt: int) -> float:
    """Quick first looks (0.5 s, 1 s, 2 s …), then the profile's pace."""
    return min(interval, 0.5 * 2.0 ** min(attempt, 16))


def _delivery(index: int, raw: RawImage) -> Delivery:
    remote = raw.url if raw.b64 is None and raw.url and not raw.url.startswith("data:") else None
    return Delivery(
        index=index,
        source=raw.source,
        url=remote,
        mime=raw.mime,
        revised_prompt=raw.revised_prompt,
    )


_EXTENSIONS = {"JPEG": "jpg", "TIFF": "tif", "JPEG XL": "jxl", "JPEG 2000": "jp2"}


def _extension(data: bytes) -> str:
    """A file extension for image bytes, from their signature ("bin" when unknown)."""
    header = sniff(data[:4096])
    if header is None:
        return "bin"
    if header.format in _EXTENSIONS:
        return _EXTENSIONS[header.format]
    words = re.findall(r"[a-z0-9]+", header.format.lower())
    return words[-1] if words else "bin"


def _task_unknown(error: StudioError) -> bool:
    if error.status == 404:
        return True
    words = f"{error.relay_message or ''} {error.message}".lower()
    return any(word in words for word in _UNKNOWN_TASK_WORDS)


def image_bytes(raw: RawImage) -> bytes:
    """The bytes of an image that came inline: base64 (maybe a blob) or a data URL."""
    if isinstance(raw.b64, Blob):
        try:
            text = raw.b64.text() if raw.b64.escaped else raw.b64.raw
        except ValueError:  # broken JSON escapes inside the string
            raise undecodable() from None
        return decode_base64_image(text)
    if raw.b64 is not None:
        return decode_base64_image(raw.b64)
    assert raw.url is not None and raw.url.startswith("data:")
    return parse_data_url(raw.url)[1]
