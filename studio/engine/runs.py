"""Runs: one composition sent to several targets (compare), or many requests at once (batch).

A target is a model, and optionally the relay profile that sends it: ``MODEL[@PROFILE]``.
Planning a run fits the request to each target (:mod:`studio.engine.fit`: options a target
cannot take are left out with a note) and prices it from the catalog, before anything is
sent. Sending records the run, then submits each request as an ordinary durable job that names
its run and place (every job is in the history, queued, from the start); ``concurrency`` caps
how many of the run are in flight at once (on top of each relay's own limit). Cancel and retry
act on the run's jobs.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.job import Job, JobState, Placement
from studio.domain.notice import Notice
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.engine.budget import BudgetExcess, estimate, over_budget
from studio.engine.composition.model import Target
from studio.engine.fit import fit_request
from studio.engine.ids import new_run_id
from studio.engine.ledger import LIST_PRICE, UNKNOWN, Money
from studio.engine.manager import RequestManager
from studio.store.history import Store
from studio.store.runs import RunKind, RunRecord, create_run

MSG_BAD_TARGET = QT_TRANSLATE_NOOP(
    ERRORS,
    "The target {target} is not of the form MODEL or MODEL@PROFILE, e.g. gpt-image-1@relay-a.",
)
MSG_NO_TARGETS = QT_TRANSLATE_NOOP(ERRORS, "Choose at least one target: a model, and its relay.")
NO_ESTIMATE = Money(None, None, UNKNOWN)


def parse_target(text: str, default_profile: str) -> Target:
    """``MODEL`` (sent through ``default_profile``) or ``MODEL@PROFILE``."""
    model, at, profile = text.strip().partition("@")
    model, profile = model.strip(), profile.strip()
    if not model or (at and not profile) or any(ch.isspace() for ch in model):
        raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_TARGET, target=text)
    return Target(model, profile=profile or default_profile)


@dataclass(frozen=True)
class PlannedJob:
    """One request of a run, fitted to its target and priced, or refused before sending."""

    index: int
    target: Target
    request: GenerationRequest
    notes: tuple[Notice, ...] = ()
    refusal: InputError | None = None  # the target cannot take this request at all
    estimate: Money = NO_ESTIMATE


def plan_job(
    index: int,
    request: GenerationRequest,
    target: Target,
    catalog: Catalog,
    profile: Profile | None,
) -> PlannedJob:
    spec = catalog.get(target.model)
    try:
        fitted, notes = fit_request(request, spec, target.protocol)
    except InputError as refusal:
        return PlannedJob(index, target, request, (), refusal)
    cost = estimate(fitted, catalog, profile) if profile is not None else NO_ESTIMATE
    return PlannedJob(index, target, fitted, notes, None, cost)


def plan_compare(
    request: GenerationRequest,
    targets: Sequence[Target],
    catalog: Catalog,
    profiles: Mapping[str, Profile],
) -> list[PlannedJob]:
    """The same composition for each target, in the targets' order."""
    if not targets:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_NO_TARGETS)
    return [
        plan_job(index, request, target, catalog, profiles.get(target.profile or ""))
        for index, target in enumerate(targets)
    ]


def total_estimate(planned: Iterable[PlannedJob]) -> Money:
    """What a run is likely to cost: None (unknown) if any price is unknown or currencies mix."""
    amounts = [job.estimate for job in planned if job.refusal is None]
    if not amounts:
        return Money(0.0, None, LIST_PRICE)
    currencies = {money.currency for money in amounts}
    if any(money.amount is None for money in amounts) or len(currencies) != 1:
        return Money(None, None, UNKNOWN)
    total = sum(money.amount or 0.0 for money in amounts)
    return Money(round(total, 6), next(iter(currencies)), LIST_PRICE)


def compare_spec(planned: Sequence[PlannedJob], total: Money) -> dict[str, object]:
    """What a compare run keeps about its targets (the refused ones too, with their reason)
    and its estimate: the run's ``spec`` in the history."""
    targets = [
        {
            "model": job.target.model,
            "profile": job.target.profile,
            "refusal": None
            if job.refusal is None
            else {"template": job.refusal.template, "params": dict(job.refusal.params)},
            "estimate": job.estimate.amount,
            "currency": job.estimate.currency,
        }
        for job in planned
    ]
    return {"targets": targets, "estimate": total.amount, "currency": total.currency}


def over_budgets(
    store: Store,
    catalog: Catalog,
    planned: Iterable[PlannedJob],
    profiles: Mapping[str, Profile],
    *,
    now: float | None = None,
) -> list[BudgetExcess]:
    """The relay budgets a run would pass: each relay's jobs of the run counted together
    (:func:`studio.engine.budget.over_budget`). Reads the history: call it on the store's
    thread."""
    by_relay: dict[str, list[GenerationRequest]] = {}
    for job in planned:
        if job.refusal is None:
            by_relay.setdefault(job.target.profile or "", []).append(job.request)
    found = []
    for name, requests in by_relay.items():
        profile = profiles.get(name)
        if profile is None:
            continue
        excess = over_budget(store, catalog, profile, requests, now=now)
        if excess is not None:
            found.append(excess)
    return found


@dataclass
class RunProgress:
    """A run being sent: its record, its jobs as they are submitted, and what is left."""

    run: RunRecord
    planned: list[PlannedJob]
    jobs: dict[int, Job] = field(default_factory=dict)  # index → the job sent for it
    cancelled: bool = False
    seconds: dict[int, float] = field(default_factory=dict)  # index → submitted to ended

    @property
    def finished(self) -> int:
        return sum(1 for job in self.jobs.values() if job.state.is_terminal)

    def failed(self) -> list[Job]:
        return [
            j
            for j in self.jobs.values()
            if j.state is not JobState.SUCCEEDED and j.state.is_terminal
        ]


# A job to send: its index in the run, the request, the profile's name, the notes of what was
# left out for its target, the job it retries (or None).
_Item = tuple[int, GenerationRequest, str, tuple[Notice, ...], str | None]


class RunSender:
    """Sends the planned jobs of one run through a request manager.

    ``on_job`` hears of each job when it is submitted, ``on_done`` when it has ended (both
    with the job's index in the run).
    """

    def __init__(
        self,
        manager: RequestManager,
        kind: RunKind,
        title: str,
        planned: Sequence[PlannedJob],
        *,
        spec: Mapping[str, object] | None = None,
        board_id: int | None = None,
        concurrency: int | None = None,
        on_job: Callable[[int, Job], None] | None = None,
        on_done: Callable[[int, Job], None] | None = None,
    ) -> None:
        self.manager = manager
        self.progress = RunProgress(
            RunRecord(new_run_id(), kind, title, dict(spec or {})), list(planned)
        )
        self.board_id = board_id
        self.concurrency = concurrency
        self.on_job = on_job
        self.on_done = on_done
        self._gate = asyncio.Semaphore(concurrency) if concurrency else None

    @property
    def run(self) -> RunRecord:
        return self.progress.run

    async def send(self) -> list[Job]:
        """Record the run, send every job that can be sent, wait for them all; the jobs in
        the run's order (a refused target is not sent and has no job). Cancelled (Ctrl+C, a
        window closing): what was sent is cancelled, nothing more is sent."""
        await self.manager.run_in_store(create_run, self.manager.store, self.run)
        items: list[_Item] = [
            (job.index, job.request, job.target.profile or "", job.notes, None)
            for job in self.progress.planned
            if job.refusal is None
        ]
        return await self._send_all(items)

    async def _send_all(self, items: Sequence[_Item]) -> list[Job]:
        """Record and queue each job in turn (the run's cap, then the relay's limit, decide
        when each goes), then wait for them all."""
        waits: list[asyncio.Task[None]] = []
        try:
            for item in items:
                if self._stopped():
                    break
                started = time.monotonic()
                job = await self._submit(*item)
                waits.append(asyncio.create_task(self._end(item[0], job, started)))
            await asyncio.gather(*waits)
        except asyncio.CancelledError:
            await asyncio.shield(self.cancel_all())
            raise
        return [self.progress.jobs[i] for i in sorted(self.progress.jobs)]

    async def _submit(
        self,
        index: int,
        request: GenerationRequest,
        profile: str,
        notes: tuple[Notice, ...],
        retry_of: str | None,
    ) -> Job:
        place = Placement(self.run.id, index, self.board_id)
        job = await self.manager.submit(
            request, profile, retry_of=retry_of, place=place, gate=self._gate
        )
        job.warnings[:0] = list(notes)  # before the job's first step records them
        self.progress.jobs[index] = job
        if self.on_job is not None:
            self.on_job(index, job)
        if self._stopped():  # cancel all came while this one was being recorded
            await self.manager.cancel(job.id)
        return job

    async def _end(self, index: int, job: Job, started: float) -> None:
        ended = await self.manager.wait(job.id)
        if self.progress.jobs.get(index) is job:
            self.progress.jobs[index] = ended
        self.progress.seconds[index] = time.monotonic() - started
        if self.on_done is not None:
            self.on_done(index, ended)

    def _stopped(self) -> bool:
        return self.progress.cancelled

    async def cancel_all(self) -> None:
        """Nothing more is sent; what is queued or running is cancelled. All at once, the
        queued first: a running job's end must not let a queued one start on its way out."""
        self.progress.cancelled = True
        left = [job for job in self.progress.jobs.values() if not job.state.is_terminal]
        left.sort(key=lambda job: job.state is not JobState.QUEUED)
        await asyncio.gather(*(self.manager.cancel(job.id) for job in left))

    async def retry_failed(self) -> list[Job]:
        """A new job (in the same run and place, under the run's concurrency cap) for each
        that failed or was cancelled, and the first for each that cancel all kept from being
        sent; waits for them and returns them in the run's order."""
        self.progress.cancelled = False
        failed = [job for job in self.progress.failed() if job.run_index is not None]
        resumed = [job for job in failed if job.resumable and await self._resume(job)]
        items: list[_Item] = [
            (job.run_index, job.request, job.profile_name, (), job.id)
            for job in failed
            if job not in resumed and job.run_index is not None
        ]
        items += [
            (job.index, job.request, job.target.profile or "", job.notes, None)
            for job in self.progress.planned
            if job.refusal is None and job.index not in self.progress.jobs
        ]
        await self._send_all(items)
        indexes = [index for index, *_ in items]
        indexes += [job.run_index for job in resumed if job.run_index is not None]
        return [self.progress.jobs[index] for index in sorted(indexes)]

    async def _resume(self, job: Job) -> bool:
        """A job paid for whose images can still be had is finished, never sent again."""
        again = await self.manager.resume(job.id)
        if again is None or job.run_index is None:
            return False
        self.progress.jobs[job.run_index] = await self.manager.wait(again.id)
        return True
