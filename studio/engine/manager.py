"""The request manager: durable jobs, a queue per profile, cancel, retry and recovery.

Order of persistence (the promise that no paid image is lost and none is paid twice):

1. the job row, with every parameter and its reference and mask files, is committed before
   the request leaves;
2. each state change is committed before listeners hear of it (``submitted`` before the
   paid request is sent), an async task id the moment it arrives;
3. result bytes are fsync'ed to their content-addressed file before the image row is
   committed, and that before anyone is told.

After a crash, :meth:`RequestManager.recover` finishes what was delivered (from the result
journal), resumes polling async tasks, and marks sync jobs that were in flight ``interrupted``;
they are never resent on their own. Jobs that ended *resumable* (a download that kept failing,
a full disk, a deadline on an async task) are finished the same way, by :meth:`recover` in a
later process or by :meth:`resume` on request.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from studio.catalog import Catalog
from studio.domain.errors import Billing, ErrorKind, InputError, StudioError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.job import NOWHERE, Job, JobState, Placement
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.engine.adapt import RefusalMemory
from studio.engine.events import EventKind, JobEvent, Listener
from studio.engine.ids import new_job_id
from studio.engine.owner import Ownership
from studio.engine.preflight import preflight
from studio.protocols.capabilities import CAPABILITIES
from studio.store.history import HistoryBusyError, Store
from studio.store.journal import ResultJournal, fallback_spool

if TYPE_CHECKING:  # the HTTP and image stack loads with the first job, not at start-up
    from studio.engine.runner import Runner
    from studio.protocols.transport import RetryPolicy

log = logging.getLogger(__name__)
T = TypeVar("T")

ProfileSource = Callable[[str], Profile]  # called on a worker thread: it may wait for a keyring

SENT_STATES = frozenset({JobState.SUBMITTED, JobState.RUNNING, JobState.DOWNLOADING})

MSG_CANCELLED_UNSENT = QT_TRANSLATE_NOOP(ERRORS, "Cancelled before it was sent.")
MSG_CANCELLED_SENT = QT_TRANSLATE_NOOP(
    ERRORS, "Cancelled after it was sent. The relay may still make the image."
)
MSG_INTERRUPTED_UNSENT = QT_TRANSLATE_NOOP(
    ERRORS, "The studio stopped before this request was sent; retry it."
)
MSG_INTERRUPTED_SENT = QT_TRANSLATE_NOOP(
    ERRORS,
    "The studio stopped while the relay was answering. It was not sent again.",
)
MSG_INTERRUPTED_SAVING = QT_TRANSLATE_NOOP(
    ERRORS,
    "The studio stopped after the relay's answer arrived, and what it delivered could not be "
    "kept. The images saved before that are in the history.",
)
MSG_HISTORY_LOCKED = QT_TRANSLATE_NOOP(
    ERRORS,
    "Another program keeps the history database locked, so the request could not be recorded. "
    "Close that program (or wait), then try again.",
)
MSG_INPUTS_NOT_STORED = QT_TRANSLATE_NOOP(
    ERRORS,
    "The request's images could not be stored in {folder} ({reason}). Make room or fix the "
    "folder's permissions, then try again.",
)


@dataclass
class Recovery:
    resumed: list[Job] = field(default_factory=list)  # async tasks being polled again
    interrupted: list[Job] = field(default_factory=list)  # sync jobs cut off: retry by hand


class RequestManager:
    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        profiles: ProfileSource,
        *,
        policy: RetryPolicy | None = None,
        max_poll_wait: float | None = None,
        quirks: RefusalMemory | None = None,
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.profiles = profiles
        self.policy = policy
        self.max_poll_wait = max_poll_wait
        self.quirks = quirks  # what relays refused before: left out from the start
        self.listeners: list[Listener] = []
        self.ownership = Ownership(store.data_dir)
        self.journal = ResultJournal([store.data_dir / "spool", fallback_spool()])
        self._database = ThreadPoolExecutor(1, thread_name_prefix="studio-history")
        self._runners: dict[str, Runner] = {}
        self._retired: list[Runner] = []
        self._limits: dict[str, asyncio.Semaphore] = {}
        self._tasks: dict[str, asyncio.Task[Job]] = {}
        self._jobs: dict[str, Job] = {}
        self._was_sent: dict[str, bool] = {}
        self._closing = False

    # -- plumbing --------------------------------------------------------------------------

    async def run_in_store(self, function: Callable[..., T], *args: Any) -> T:
        """Run a store method on the store's own thread (reads for the UI, writes in order)."""
        return await self._db(function, *args)

    async def _profile(self, name: str) -> Profile:
        """``profiles(name)`` on a worker thread: reading a key may wait for the keyring (a
        locked one asks the user), and the event loop must go on meanwhile."""
        return await asyncio.to_thread(self.profiles, name)

    async def _db(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._database, partial(function, *args, **kwargs))

    def _runner(self, profile: Profile) -> Runner:
        from studio.engine.runner import Runner
        from studio.engine.sinks import StoreSink
        from studio.protocols.transport import RelayClient

        runner = self._runners.get(profile.name)
        if runner is None or runner.client.profile != profile:
            if runner is not None:  # the profile changed (a new key): jobs still running keep it
                self._retired.append(runner)
            client = RelayClient(profile, policy=self.policy)
            runner = Runner(
                self.catalog,
                client,
                StoreSink(self.store),
                [self._on_event],
                max_poll_wait=self.max_poll_wait,
                journal=self.journal,
                quirks=self.quirks,
            )
            self._runners[profile.name] = runner
            self._limits[profile.name] = asyncio.Semaphore(max(profile.concurrency, 1))
        return runner

    async def _on_event(self, event: JobEvent) -> None:
        """Persist first, then tell the listeners (the UI, the CLI's progress line)."""
        job = event.job
        if event.kind is EventKind.STATE:
            if job.state is JobState.CANCELLED and job.error is None:
                if self._closing:
                    self._shutdown_state(job)
                else:
                    sent = self._was_sent.get(job.id, False)
                    job.error = StudioError(
                        ErrorKind.CANCELLED,
                        MSG_CANCELLED_SENT if sent else MSG_CANCELLED_UNSENT,
                        billing=Billing.MAY_BE_BILLED if sent else Billing.NOT_SENT,
                    )
            self._was_sent[job.id] = self._was_sent.get(job.id, False) or job.state in SENT_STATES
        if event.kind in (EventKind.STATE, EventKind.PROGRESS, EventKind.TASK_ID):
            try:
                await self._db(self.store.update_job, job, owner=self.ownership.name)
            except HistoryBusyError as error:  # results stay in the journal; the row catches up
                log.error("job %s: its new state could not be recorded: %s", job.id, error)
        await self._emit(event)

    def _shutdown_state(self, job: Job) -> None:
        """Closing the studio: what was delivered and async tasks stay resumable (the next
        start finishes them), sync requests become interrupted."""
        if self.journal.pending(job.id):
            job.state, job.error = JobState.DOWNLOADING, None
        elif job.task_id:
            job.state = JobState.RUNNING
        elif self._was_sent.get(job.id, False):
            job.state = JobState.INTERRUPTED
            job.error = StudioError(
                ErrorKind.FATE_UNKNOWN, MSG_INTERRUPTED_SENT, may_be_billed=True
            )
        else:
            job.state = JobState.INTERRUPTED
            job.error = StudioError(
                ErrorKind.CANCELLED, MSG_INTERRUPTED_UNSENT, billing=Billing.NOT_SENT
            )

    async def _emit(self, event: JobEvent) -> None:
        for listener in list(self.listeners):
            try:
                outcome = listener(event)
                if asyncio.iscoroutine(outcome):
                    await outcome
            except Exception:  # a broken listener must not break the job
                log.exception("a job listener failed")

    # -- submitting ------------------------------------------------------------------------

    async def submit(
        self,
        request: GenerationRequest,
        profile_name: str,
        *,
        retry_of: str | None = None,
        place: Placement = NOWHERE,
        gate: asyncio.Semaphore | None = None,
    ) -> Job:
        """Persist a new job with its inputs and queue it; returns at once (state ``queued``).

        ``place``: the run it belongs to (its place in it) and the board receiving its images.
        ``gate``: a limit the job shares with others (a run's concurrency cap), taken while it
        is queued, before the relay's own.
        An unknown profile or an unreadable input file gives a job in state ``failed``
        (recorded in the history too) instead of raising.
        """
        job = Job(new_job_id(), request, profile_name)
        job.run_id, job.run_index, job.board_id = place.run_id, place.run_index, place.board_id
        known: Profile | None = None
        with contextlib.suppress(StudioError):  # an unknown profile is recorded below
            known = await self._profile(profile_name)
        if known is not None:
            try:
                preflight(request, known)
            except InputError as error:  # such a request may not even be storable: say only
                job.state, job.error = JobState.FAILED, error
                await self._emit(JobEvent(job, EventKind.STATE))
                return job
        try:
            profile = known or await self._profile(profile_name)
            stored, inputs = await self._db(self.store.store_inputs, request)
        except (StudioError, OSError) as problem:
            job.state, job.error = JobState.FAILED, self._unsent_error(problem)
            with contextlib.suppress(HistoryBusyError, OSError):
                await self._db(
                    self.store.create_job, job, (), owner=self.ownership.name, retry_of=retry_of
                )
            await self._emit(JobEvent(job, EventKind.STATE))
            return job
        job.request = stored
        try:
            await self._db(
                self.store.create_job, job, inputs, owner=self.ownership.name, retry_of=retry_of
            )
        except (HistoryBusyError, OSError) as problem:
            job.state, job.error = JobState.FAILED, self._unsent_error(problem)
            await self._emit(JobEvent(job, EventKind.STATE))
            return job
        self._jobs[job.id] = job
        await self._emit(JobEvent(job, EventKind.STATE))
        self._start(job, self._run(job, profile, gate))
        return job

    def _unsent_error(self, problem: Exception) -> StudioError:
        """Why a job could not even be recorded (nothing was sent)."""
        if isinstance(problem, StudioError):
            return problem
        if isinstance(problem, HistoryBusyError):
            return StudioError(ErrorKind.SAVE_FAILED, MSG_HISTORY_LOCKED, billing=Billing.NOT_SENT)
        reason = problem.strerror if isinstance(problem, OSError) and problem.strerror else ""
        return StudioError(
            ErrorKind.SAVE_FAILED,
            MSG_INPUTS_NOT_STORED,
            folder=str(self.store.data_dir),
            reason=reason or type(problem).__name__,
            billing=Billing.NOT_SENT,
        )

    def _start(self, job: Job, work: Any) -> None:
        task = asyncio.create_task(work, name=f"job-{job.id}")
        self._tasks[job.id] = task  # a strong reference: tasks are not collected mid-flight
        task.add_done_callback(lambda _: self._tasks.pop(job.id, None))

    async def _run(self, job: Job, profile: Profile, gate: asyncio.Semaphore | None = None) -> Job:
        runner = self._runner(profile)
        try:
            async with (
                gate if gate is not None else contextlib.nullcontext(),
                self._limits[profile.name],
            ):
                return await runner.run(job)
        except asyncio.CancelledError:
            if job.state is JobState.QUEUED:  # cancelled while waiting for its turn
                await runner.set_state(job, JobState.CANCELLED)
            raise

    async def run(self, request: GenerationRequest, profile_name: str) -> Job:
        """Submit and wait for the end."""
        job = await self.submit(request, profile_name)
        return await self.wait(job.id)

    async def wait(self, job_id: str) -> Job:
        task = self._tasks.get(job_id)
        if task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(task)
        job = self._jobs.get(job_id)
        if job is None:
            record = await self._db(self.store.get, job_id)
            if record is None:
                raise KeyError(job_id)
            job = record.job
        return job

    async def wait_all(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    async def cancel(self, job_id: str) -> bool:
        """Abort a sync request, stop polling an async task, or drop a queued job."""
        task = self._tasks.get(job_id)
        if task is None or task.done():
            return False
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        job = self._jobs.get(job_id)
        if job is not None and job.state is JobState.QUEUED:  # its task never began to run
            job.state = JobState.CANCELLED
            await self._on_event(JobEvent(job, EventKind.STATE))
        return True

    async def retry(self, job_id: str) -> Job:
        """A new job with exactly the stored request and inputs of ``job_id``."""
        record = await self._db(self.store.get, job_id)
        if record is None:
            raise KeyError(job_id)
        job = record.job
        place = Placement(job.run_id, job.run_index, job.board_id)  # a retry stays in its run
        return await self.submit(job.request, job.profile_name, retry_of=job_id, place=place)

    def running(self) -> list[Job]:
        return [self._jobs[job_id] for job_id in self._tasks if job_id in self._jobs]

    # -- after a crash ---------------------------------------------------------------------

    async def recover(self) -> Recovery:
        """Finish what stopped studios left behind: deliveries kept in the journal are saved,
        async tasks polled again; sync jobs cut off before their answer become interrupted."""
        recovery = Recovery()
        records = await self._db(self.store.unfinished)
        known = {record.job.id for record in records}
        for job_id in await asyncio.to_thread(self.journal.jobs):
            if job_id not in known and (record := await self._db(self.store.get, job_id)):
                records.append(record)
        for record in records:
            if self.ownership.is_alive(record.owner) or record.job.id in self._tasks:
                continue  # another running studio (or this one) is on it
            job = record.job
            if self._resumable(job):
                if await self._start_resume(job):
                    recovery.resumed.append(job)
                continue
            if job.state.is_terminal:  # it said "resumable", but what it kept is gone
                job.resumable = False
                await self._db(self.store.update_job, job, owner=self.ownership.name)
                continue
            sent = job.state in SENT_STATES
            job.state = JobState.INTERRUPTED
            if job.images or record.job.state is JobState.DOWNLOADING:
                job.error = StudioError(ErrorKind.FATE_UNKNOWN, MSG_INTERRUPTED_SAVING)
                job.error.billing = Billing.MAY_BE_BILLED
            elif sent:
                job.error = StudioError(
                    ErrorKind.FATE_UNKNOWN, MSG_INTERRUPTED_SENT, may_be_billed=True
                )
            else:
                job.error = StudioError(
                    ErrorKind.CANCELLED, MSG_INTERRUPTED_UNSENT, billing=Billing.NOT_SENT
                )
            await self._db(self.store.update_job, job, owner=self.ownership.name)
            await self._emit(JobEvent(job, EventKind.STATE))
            recovery.interrupted.append(job)
        return recovery

    async def resume(self, job_id: str) -> Job | None:
        """Finish one resumable job now (the window's Resume / Retry save): nothing billable is
        sent. None when there is nothing to resume."""
        if job_id in self._tasks:
            return self._jobs.get(job_id)
        job = self._jobs.get(job_id)
        if job is None:
            record = await self._db(self.store.get, job_id)
            if record is None:
                return None
            job = record.job
        if not self._resumable(job):
            return None
        return job if await self._start_resume(job) else None

    def _resumable(self, job: Job) -> bool:
        if self.journal.pending(job.id):
            return True
        polls = bool(job.task_id and job.protocol and CAPABILITIES[job.protocol].polls)
        return polls and (not job.state.is_terminal or job.resumable)

    async def _start_resume(self, job: Job) -> bool:
        try:
            profile = await self._profile(job.profile_name)
        except StudioError as error:
            log.warning("cannot resume %s: %s", job.id, error.message)
            return False
        self._jobs[job.id] = job
        self._was_sent[job.id] = True
        try:
            await self._db(self.store.update_job, job, owner=self.ownership.name)
        except HistoryBusyError as error:
            log.warning("resuming %s without recording it yet: %s", job.id, error)
        self._start(job, self._resume(job, profile))
        return True

    async def _resume(self, job: Job, profile: Profile) -> Job:
        runner = self._runner(profile)
        async with self._limits[profile.name]:
            return await runner.resume(job)

    # -- closing ---------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Stop: async tasks stay resumable, sync requests in flight become interrupted."""
        self._closing = True
        self.store.stop_waiting()
        for task in list(self._tasks.values()):
            task.cancel()
        await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)
        for runner in [*self._runners.values(), *self._retired]:
            await runner.client.aclose()
        self._database.shutdown(wait=True)
        self.ownership.release()
