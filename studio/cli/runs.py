"""What ``compare`` and ``batch`` share: a run checked whole before anything is sent, sent with
Ctrl+C cancelling all of it, and its results exported and summed up like ``generate``'s.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from studio.catalog import Catalog
from studio.cli.common import engine, open_store, profiles
from studio.cli.generate import error_text, export_results, status_of
from studio.cli.output import say
from studio.domain.errors import InputError, StudioError
from studio.domain.job import Job, JobState
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.engine.export import ExportedImage
from studio.engine.ledger import Money
from studio.engine.preflight import preflight
from studio.engine.runs import PlannedJob, RunSender, over_budgets
from studio.imaging.inputs import load_image
from studio.imaging.masks import check_mask_matches
from studio.store.runs import RunKind

NOTHING_SENT = "Nothing was sent, so nothing was billed."


@dataclass(frozen=True)
class Problem:
    """Why a run cannot be sent: a line of a batch file (0: none), and the reason."""

    line: int
    reason: str


def resolve_profiles(names: Iterable[str]) -> tuple[dict[str, Profile], dict[str, str]]:
    """Each relay profile by name, and the reason for each name that cannot be used."""
    resolver = profiles()
    found: dict[str, Profile] = {}
    refused: dict[str, str] = {}
    for name in dict.fromkeys(names):
        try:
            found[name] = resolver.get(name)
        except StudioError as error:
            refused[name] = error.message
    return found, refused


class InputCheck:
    """The local reference images and mask of requests, read once each before anything is
    sent (a missing or unreadable file, a mask the size of another image: refused now)."""

    def __init__(self) -> None:
        self._checked: dict[tuple[Path, tuple[int, int] | None], str | None] = {}

    def problem(self, request: GenerationRequest) -> str | None:
        """Why the request's local files cannot be used, or None."""
        for position, reference in enumerate(request.references):
            if reference.is_remote or reference.path is None:
                continue
            mask = request.mask if position == 0 else None
            key = (reference.path, None if mask is None else (mask.width, mask.height))
            if key not in self._checked:
                self._checked[key] = self._check(request, reference.path, reference.name, position)
            if self._checked[key] is not None:
                return self._checked[key]
        return None

    @staticmethod
    def _check(request: GenerationRequest, path: Path, name: str, position: int) -> str | None:
        try:
            loaded = load_image(path, name)
            try:
                if position == 0 and request.mask is not None:
                    check_mask_matches(request.mask, loaded)
            finally:
                loaded.image.close()
        except InputError as error:
            return error.message
        return None


def preflight_problem(job: PlannedJob, relays: Mapping[str, Profile]) -> str | None:
    """What :func:`studio.engine.preflight.preflight` refuses for this job, or None."""
    profile = relays.get(job.target.profile or "")
    if profile is None:
        return None
    try:
        preflight(job.request, profile)
    except InputError as error:
        return error.message
    return None


def report_problems(problems: Sequence[Problem], source: str = "") -> None:
    """Each reason once, with the lines it applies to (a batch file's), on stderr."""
    by_reason: dict[str, list[int]] = {}
    for problem in problems:
        by_reason.setdefault(problem.reason, []).append(problem.line)
    for reason, lines in by_reason.items():
        numbers = sorted({line for line in lines if line > 0})
        if not numbers:
            say(f"error: {reason}", error=True)
            continue
        shown = ", ".join(str(n) for n in numbers[:10])
        if len(numbers) > 10:
            shown += f" (and {len(numbers) - 10} more)"
        where = f"{source} " if source else ""
        word = "line" if len(numbers) == 1 else "lines"
        say(f"error: {where}{word} {shown}: {reason}", error=True)
    say(NOTHING_SENT, error=True)


def money_text(money: Money) -> str:
    if money.amount is None:
        return "unknown (the catalog has no price for some of these models)"
    return f"about {money.amount:.2f} {money.currency or ''}".rstrip()


def estimate_object(money: Money) -> dict[str, float | str | None]:
    return {
        "amount": None if money.amount is None else round(money.amount, 6),
        "currency": money.currency if money.amount is not None else None,
    }


def budget_problems(
    args: argparse.Namespace, planned: Sequence[PlannedJob], relays: Mapping[str, Profile]
) -> list[str]:
    """The relay budgets this run would pass (each relay's jobs counted together)."""
    if not any(p.daily_budget or p.monthly_budget for p in relays.values()):
        return []
    with open_store(args) as store:
        found = over_budgets(store, Catalog.load(), planned, relays)
    return [excess.error().message for excess in found]


class RunProgressLine:
    """One status line on a terminal's stderr: jobs ended of all, how many failed."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream = total, stream
        self.ended = self.failed = 0
        self.started = time.monotonic()
        self.width = 0

    def __call__(self, index: int, job: Job) -> None:
        self.ended += 1
        self.failed += job.state is not JobState.SUCCEEDED
        elapsed = time.monotonic() - self.started
        line = f"[{elapsed:6.1f} s] {self.ended}/{self.total} done, {self.failed} failed"
        self.stream.write(f"\r{line}{' ' * max(self.width - len(line), 0)}")
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.width:
            self.stream.write("\n")
            self.stream.flush()


@dataclass
class RunOutcome:
    """A run sent: its id, the job of each index (None: never sent), how long each took, what
    was exported, and whether Ctrl+C cut it short."""

    run_id: str
    jobs: dict[int, Job] = field(default_factory=dict)
    seconds: dict[int, float] = field(default_factory=dict)
    exported: dict[int, list[ExportedImage]] = field(default_factory=dict)
    interrupted: bool = False

    def status(self, index: int) -> str:
        job = self.jobs.get(index)
        return status_of(job) if job is not None else JobState.CANCELLED.value

    def error(self, index: int) -> str | None:
        job = self.jobs.get(index)
        if job is None:
            return "Cancelled before it was sent."
        return error_text(job)

    def exit_code(self, planned: int) -> int:
        """0 every job succeeded, 2 every job was refused before sending (invalid input),
        1 otherwise."""
        jobs = list(self.jobs.values())
        if len(jobs) == planned and all(j.state is JobState.SUCCEEDED for j in jobs):
            return 0
        if (
            jobs
            and len(jobs) == planned
            and all(isinstance(j.error, InputError) and j.state is JobState.FAILED for j in jobs)
        ):
            return 2
        return 1


async def _send(
    args: argparse.Namespace,
    kind: RunKind,
    title: str,
    planned: Sequence[PlannedJob],
    spec: Mapping[str, object],
    concurrency: int | None,
    out: Path,
) -> RunOutcome:
    progress = RunProgressLine(len(planned), sys.stderr) if sys.stderr.isatty() else None
    async with engine(args) as manager:
        sender = RunSender(
            manager, kind, title, planned, spec=spec, concurrency=concurrency, on_done=progress
        )
        outcome = RunOutcome(sender.run.id)
        try:
            await sender.send()
        except asyncio.CancelledError:  # Ctrl+C: every job of the run cancelled, nothing more
            outcome.interrupted = True
            if (task := asyncio.current_task()) is not None:
                task.uncancel()
        finally:
            if progress is not None:
                progress.close()
        outcome.jobs = dict(sender.progress.jobs)
        outcome.seconds = dict(sender.progress.seconds)
        try:
            for index, job in sorted(outcome.jobs.items()):
                outcome.exported[index] = await export_results(manager, job, out)
        except asyncio.CancelledError:  # Ctrl+C again while exporting: the history has them
            outcome.interrupted = True
            if (task := asyncio.current_task()) is not None:
                task.uncancel()
        return outcome


def send_run(
    args: argparse.Namespace,
    kind: RunKind,
    title: str,
    planned: Sequence[PlannedJob],
    *,
    spec: Mapping[str, object],
    concurrency: int | None,
    out: Path,
) -> RunOutcome:
    """Send the run and wait for every job; Ctrl+C cancels what is left of it."""
    return asyncio.run(_send(args, kind, title, planned, spec, concurrency, out))


def report_jobs(outcome: RunOutcome, labels: Mapping[int, str]) -> None:
    """Each job's warnings (each text once) and errors, on stderr."""
    seen: set[str] = set()
    for index, job in sorted(outcome.jobs.items()):
        for notice in job.warnings:
            text = f"{labels[index]}: {notice.message}"
            if notice.message not in seen:
                seen.add(notice.message)
                say(f"warning: {text}", error=True)
        if job.state is not JobState.SUCCEEDED and job.error is not None:
            say(f"error: {labels[index]}: {job.error.full_text(billing=True)}", error=True)
    if outcome.interrupted:
        say("interrupted: the rest of the run was cancelled.", error=True)
