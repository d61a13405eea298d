"""The request manager: durable jobs, a queue per profile, cancel, retry and recovery.

Order of persistence (the promise that no paid image is lost and none is paid twice):

1. the job row, with every parameter and its reference and mask files, is committed before
   the request leaves;
2. each state change is committed before listeners hear of it (``submitted`` before the
   paid request is sent), an async task id the moment it arrives;
3. result bytes are fsync'ed to their content-addressed file before the image row is
   committed, and that before anyone is told.

After a crash, :meth:`RequestManager.recover` resumes polling async tasks and marks sync jobs
that were in flight ``interrupted``; they are never resent on their own.
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
from studio.domain.errors import ErrorKind, StudioError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.job import Job, JobState
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.engine.events import EventKind, JobEvent, Listener
from studio.engine.ids import new_job_id
from studio.engine.owner import Ownership
from studio.protocols.capabilities import CAPABILITIES
from studio.store.history import JobRecord, Store

if TYPE_CHECKING:  # the HTTP and image stack loads with the first job, not at start-up
    from studio.engine.runner import Runner
    from studio.protocols.transport import RetryPolicy

log = logging.getLogger(__name__)
T = TypeVar("T")

ProfileSource = Callable[[str], Profile]

SENT_STATES = frozenset({JobState.SUBMITTED, JobState.RUNNING, JobState.DOWNLOADING})

MSG_CANCELLED_UNSENT = QT_TRANSLATE_NOOP(
    ERRORS, "Cancelled before it was sent. Nothing was billed."
)
MSG_CANCELLED_SENT = QT_TRANSLATE_NOOP(
    ERRORS,
    "Cancelled after it was sent. The relay may still make the image and bill it; check its "
    "usage log.",
)
MSG_INTERRUPTED_UNSENT = QT_TRANSLATE_NOOP(
    ERRORS, "The studio stopped before this request was sent. Nothing was billed; retry it."
)
MSG_INTERRUPTED_SENT = QT_TRANSLATE_NOOP(
    ERRORS,
    "The studio stopped while the relay was answering. The image may have been made and billed; "
    "check the relay's usage log before you retry. It was not sent again.",
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
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.profiles = profiles
        self.policy = policy
        self.max_poll_wait = max_poll_wait
        self.listeners: list[Listener] = []
        self.ownership = Ownership(store.data_dir)
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
                        may_be_billed=sent,
                    )
            self._was_sent[job.id] = self._was_sent.get(job.id, False) or job.state in SENT_STATES
        if event.kind in (EventKind.STATE, EventKind.PROGRESS, EventKind.TASK_ID):
            await self._db(self.store.update_job, job, owner=self.ownership.name)
        await self._emit(event)

    def _shutdown_state(self, job: Job) -> None:
        """Closing the studio: async tasks stay resumable, sync requests become interrupted."""
        if job.task_id:
            job.state = JobState.RUNNING
        elif self._was_sent.get(job.id, False):
            job.state = JobState.INTERRUPTED
            job.error = StudioError(
                ErrorKind.FATE_UNKNOWN, MSG_INTERRUPTED_SENT, may_be_billed=True
            )
        else:
            job.state = JobState.INTERRUPTED
            job.error = StudioError(ErrorKind.CANCELLED, MSG_INTERRUPTED_UNSENT)

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
        self, request: GenerationRequest, profile_name: str, *, retry_of: str | None = None
    ) -> Job:
        """Persist a new job with its inputs and queue it; returns at once (state ``queued``).

        An unknown profile or an unreadable input file gives a job in state ``failed``
        (recorded in the history too) instead of raising.
        """
        job = Job(new_job_id(), request, profile_name)
        try:
            profile = self.profiles(profile_name)
            stored, inputs = await self._db(self.store.store_inputs, request)
        except StudioError as error:
            job.state, job.error = JobState.FAILED, error
            await self._db(
                self.store.create_job, job, (), owner=self.ownership.name, retry_of=retry_of
            )
            await self._emit(JobEvent(job, EventKind.STATE))
            return job
        job.request = stored
        await self._db(
            self.store.create_job, job, inputs, owner=self.ownership.name, retry_of=retry_of
        )
        self._jobs[job.id] = job
        await self._emit(JobEvent(job, EventKind.STATE))
        self._start(job, self._run(job, profile))
        return job

    def _start(self, job: Job, work: Any) -> None:
        task = asyncio.create_task(work, name=f"job-{job.id}")
        self._tasks[job.id] = task  # a strong reference: tasks are not collected mid-flight
        task.add_done_callback(lambda _: self._tasks.pop(job.id, None))

    async def _run(self, job: Job, profile: Profile) -> Job:
        runner = self._runner(profile)
        try:
            async with self._limits[profile.name]:
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
        return True

    async def retry(self, job_id: str) -> Job:
        """A new job with exactly the stored request and inputs of ``job_id``."""
        record = await self._db(self.store.get, job_id)
        if record is None:
            raise KeyError(job_id)
        return await self.submit(record.job.request, record.job.profile_name, retry_of=job_id)

    def running(self) -> list[Job]:
        return [self._jobs[job_id] for job_id in self._tasks if job_id in self._jobs]

    # -- after a crash ---------------------------------------------------------------------

    async def recover(self) -> Recovery:
        """Resume async tasks a stopped studio left behind; mark cut-off sync jobs interrupted."""
        recovery = Recovery()
        for record in await self._db(self.store.unfinished):
            if self.ownership.is_alive(record.owner) or record.job.id in self._tasks:
                continue  # another running studio (or this one) is on it
            job = record.job
            if self._resumable(record):
                try:
                    profile = self.profiles(job.profile_name)
                except StudioError as error:
                    log.warning("cannot resume %s: %s", job.id, error.message)
                    continue
                self._jobs[job.id] = job
                self._was_sent[job.id] = True
                await self._db(self.store.update_job, job, owner=self.ownership.name)
                self._start(job, self._resume(job, profile))
                recovery.resumed.append(job)
                continue
            sent = job.state in SENT_STATES
            job.state = JobState.INTERRUPTED
            job.error = (
                StudioError(ErrorKind.FATE_UNKNOWN, MSG_INTERRUPTED_SENT, may_be_billed=True)
                if sent
                else StudioError(ErrorKind.CANCELLED, MSG_INTERRUPTED_UNSENT)
            )
            await self._db(self.store.update_job, job, owner=self.ownership.name)
            await self._emit(JobEvent(job, EventKind.STATE))
            recovery.interrupted.append(job)
        return recovery

    @staticmethod
    def _resumable(record: JobRecord) -> bool:
        job = record.job
        return bool(job.task_id and job.protocol and CAPABILITIES[job.protocol].polls)

    async def _resume(self, job: Job, profile: Profile) -> Job:
        runner = self._runner(profile)
        async with self._limits[profile.name]:
            return await runner.resume(job)

    # -- closing ---------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Stop: async tasks stay resumable, sync requests in flight become interrupted."""
        self._closing = True
        for task in list(self._tasks.values()):
            task.cancel()
        await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)
        for runner in [*self._runners.values(), *self._retired]:
            await runner.client.aclose()
        self._database.shutdown(wait=True)
        self.ownership.release()
