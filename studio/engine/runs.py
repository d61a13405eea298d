"""Runs: one composition sent to several targets (compare), or many requests at once (batch).

A target is a model, and optionally the relay profile that sends it: ``MODEL[@PROFILE]``.
Planning a run fits the request to each target (:mod:`studio.engine.fit`: options a target
cannot take are left out with a note) and prices it from the catalog, before anything is
sent. Sending records the run, then submits each request as an ordinary durable job that names
its run and place; ``concurrency`` caps how many of the run are in flight at once (on top of
each relay's own limit). Cancel and retry act on the run's jobs.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.job import Job, JobState, Placement
from studio.domain.notice import Notice
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.engine.budget import estimate
from studio.engine.composition.model import Target
from studio.engine.fit import fit_request
from studio.engine.ids import new_run_id
from studio.engine.ledger import LIST_PRICE, UNKNOWN, Money
from studio.engine.manager import RequestManager
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


@dataclass
class RunProgress:
    """A run being sent: its record, its jobs as they are submitted, and what is left."""

    run: RunRecord
    planned: list[PlannedJob]
    jobs: dict[int, Job] = field(default_factory=dict)  # index → the job sent for it
    cancelled: bool = False

    @property
    def finished(self) -> int:
        return sum(1 for job in self.jobs.values() if job.state.is_terminal)

    def failed(self) -> list[Job]:
        return [
            j
            for j in self.jobs.values()
            if j.state is not JobState.SUCCEEDED and j.state.is_terminal
        ]


class RunSender:
    """Sends the planned jobs of one run through a request manager."""

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
    ) -> None:
        self.manager = manager
        self.progress = RunProgress(
            RunRecord(new_run_id(), kind, title, dict(spec or {})), list(planned)
        )
        self.board_id = board_id
        self.concurrency = concurrency
        self.on_job = on_job

    @property
    def run(self) -> RunRecord:
        return self.progress.run

    async def send(self) -> list[Job]:
        """Record the run, send every job that can be sent, wait for them all; the jobs in
        the run's order (a refused target is not sent and has no job)."""
        await self.manager.run_in_store(create_run, self.manager.store, self.run)
        gate = asyncio.Semaphore(self.concurrency) if self.concurrency else None
        waits = [
            asyncio.create_task(self._one(job, gate))
            for job in self.progress.planned
            if job.refusal is None
        ]
        try:
            await asyncio.gather(*waits)
        except asyncio.CancelledError:
            await asyncio.shield(self.cancel_all())
            raise
        return [self.progress.jobs[i] for i in sorted(self.progress.jobs)]

    async def _one(self, planned: PlannedJob, gate: asyncio.Semaphore | None) -> None:
        async with gate if gate is not None else contextlib.nullcontext():
            if self.progress.cancelled:
                return
            place = Placement(self.run.id, planned.index, self.board_id)
            profile = planned.target.profile or ""
            job = await self.manager.submit(planned.request, profile, place=place)
            job.warnings[:0] = list(planned.notes)
            self.progress.jobs[planned.index] = job
            if self.on_job is not None:
                self.on_job(planned.index, job)
            self.progress.jobs[planned.index] = await self.manager.wait(job.id)

    async def cancel_all(self) -> None:
        """Nothing more is sent; what is queued or running is cancelled."""
        self.progress.cancelled = True
        for job in list(self.progress.jobs.values()):
            if not job.state.is_terminal:
                await self.manager.cancel(job.id)

    async def retry_failed(self) -> list[Job]:
        """A new job (in the same run and place) for each that failed; waits for them."""
        failed = self.progress.failed()
        retries = [await self.manager.retry(job.id) for job in failed]
        for job in retries:
            if job.run_index is not None:
                self.progress.jobs[job.run_index] = job
        return [await self.manager.wait(job.id) for job in retries]
