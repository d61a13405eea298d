"""``studio-cli batch FILE``: many requests from a file, as one run.

FILE is text (one prompt or template per line; blank lines and ``#`` lines skipped) or
``.jsonl``/``.csv`` whose fields are generate's option names. Every line is checked, and the
whole batch priced, before anything is sent; a bad line is reported by its number (exit 2).

Exit codes: 0 every job succeeded, 1 any failed (or Ctrl+C cancelled the rest), 2 invalid
input or a cost guard (nothing was sent).
"""

from __future__ import annotations

import argparse
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.catalog import Catalog, CatalogError
from studio.cli.common import EXIT_FAILED, EXIT_INVALID, EXIT_OK, add_data_dir, profiles
from studio.cli.generate import check_data_dir, check_out, image_objects
from studio.cli.output import say, say_json
from studio.cli.runs import (
    InputCheck,
    Problem,
    RunOutcome,
    budget_problems,
    estimate_object,
    money_text,
    preflight_problem,
    report_jobs,
    report_problems,
    send_run,
)
from studio.domain.errors import StudioError
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.engine.batch import (
    BatchFileError,
    parse_variable,
    placeholders,
    read_batch_file,
)
from studio.engine.batch_plan import line_targets, plan_batch
from studio.engine.ledger import Money
from studio.engine.runs import PlannedJob, parse_target, total_estimate
from studio.settings.resolver import ENVIRONMENT_PROFILE

DESCRIPTION = """\
Send many requests as one run. FILE is text (one prompt or template per line), or .jsonl /
.csv whose fields are generate's option names: prompt, model, ratio, resolution, size, n,
quality, seed, refs (a list, or paths separated by ;), mask, profile, protocol. Paths in the
file are relative to the file's folder. Blank lines and lines starting with # are skipped.

Which model and relay each line goes to: a line that names its own model is sent once, to
that model, through the line's profile (default: the environment's relay). A line that names
no model is sent once for each --target, in the order given, through the line's profile if it
names one, else the target's (MODEL@PROFILE; MODEL alone: the environment's relay).

Templates: {name} in a prompt is replaced by each value of --var name=V1,V2,... and every
combination is sent (the first variable varies slowest); write {{ and }} for braces.

Every line is checked and the batch priced before anything is sent: a bad line is reported by
its number. Exit 0 when every job succeeded, 1 when any failed, 2 for invalid input, a batch
above --max-cost or past a relay's budget (nothing sent)."""

JSON_HELP = (
    'print a JSON summary as the last line: {"run_id", "planned", "succeeded", "failed", '
    '"images", "estimate": {"amount", "currency"}, "jobs": [{"index", "prompt", "model", '
    '"job_id", "status", "images", "error"}]}'
)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _amount(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError("must be a number of 0 or more")
    return value


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "batch",
        help="send many prompts (a file, a template with variables) as one run",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="text, .jsonl or .csv (UTF-8)")
    parser.add_argument(
        "--target",
        action="append",
        default=[],
        metavar="MODEL[@PROFILE]",
        help="a model (and relay) for the lines that name no model; repeat for several",
    )
    parser.add_argument(
        "--var",
        action="append",
        default=[],
        metavar="NAME=V1,V2",
        help="the values of {NAME} in the prompts; repeat for each variable",
    )
    parser.add_argument(
        "--concurrency",
        type=_positive,
        metavar="N",
        help="at most N jobs of the batch at once (default: each relay's own limit)",
    )
    parser.add_argument(
        "--max-cost",
        type=_amount,
        metavar="AMOUNT",
        help="send nothing (exit 2) if the estimate is above AMOUNT, in the price's currency, "
        "or cannot be made; --yes sends anyway",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="check the batch and print the expanded list and the estimate; send nothing",
    )
    parser.add_argument(
        "--yes",
        action="store_true",
        help="send even above --max-cost or past a relay's daily or monthly budget",
    )
    parser.add_argument("--out", default=".", metavar="DIR", help="folder for the results")
    parser.add_argument("--json", action="store_true", help=JSON_HELP)
    add_data_dir(parser)
    parser.set_defaults(handler=run)


@dataclass(frozen=True)
class BatchJob:
    """One job of the batch before it is sent: the file's line it came from and its plan."""

    line: int
    planned: PlannedJob

    @property
    def label(self) -> str:
        target = self.planned.target
        return f"#{self.planned.index} (line {self.line}, {target.model}@{target.profile})"


def _variables(args: argparse.Namespace) -> dict[str, list[str]]:
    variables: dict[str, list[str]] = {}
    for text in args.var:
        name, values = parse_variable(text)
        if name in variables:
            raise ValueError(f"--var {name} is given twice; list all its values in one")
        variables[name] = values
    return variables


def plan(
    args: argparse.Namespace, path: Path
) -> tuple[list[BatchJob], list[Problem], dict[str, Profile]]:
    """Every job of the batch, planned and priced, and every problem found (nothing sent)."""
    variables = _variables(args)
    targets = [parse_target(text, ENVIRONMENT_PROFILE) for text in args.target]
    lines = read_batch_file(path)
    used = {name for line in lines for name in _names(line.prompt)}
    for name in variables:
        if name not in used:
            say(f"warning: no prompt uses {{{name}}} (--var {name})", error=True)
    if targets and lines and all("model" in line.options for line in lines):
        say("warning: every line names its model: --target is not used", error=True)
    resolver = profiles()
    relays: dict[str, Profile] = {}

    def profile_of(name: str) -> Profile:
        relays[name] = resolver.get(name)
        return relays[name]

    batch = plan_batch(
        lines,
        variables,
        GenerationRequest("", ""),
        targets,
        Catalog.load(),
        profile_of,
        folder=path.parent,
        default_profile=ENVIRONMENT_PROFILE,
    )
    if not batch.planned:
        raise ValueError(f"{path} holds no prompts")
    numbers = [
        line.number
        for line in batch.lines
        for _ in line_targets(line, targets, ENVIRONMENT_PROFILE)
    ]
    problems: list[Problem] = []
    inputs = InputCheck()
    jobs = [
        BatchJob(number, planned) for number, planned in zip(numbers, batch.planned, strict=True)
    ]
    for job in jobs:
        planned = job.planned
        reason = (
            planned.refusal.message
            if planned.refusal is not None
            else inputs.problem(planned.request) or preflight_problem(planned, relays)
        )
        if reason is not None:
            problems.append(Problem(job.line, f"{planned.target.model}: {reason}"))
    return jobs, problems, relays


def _names(prompt: str) -> list[str]:
    try:
        return placeholders(prompt)
    except ValueError:
        return []


def job_object(job: BatchJob, outcome: RunOutcome | None) -> dict[str, Any]:
    index = job.planned.index
    sent = outcome.jobs.get(index) if outcome is not None else None
    return {
        "index": index,
        "prompt": job.planned.request.prompt,
        "model": job.planned.target.model,
        "job_id": sent.id if sent is not None else None,
        "status": outcome.status(index) if outcome is not None else "planned",
        "images": image_objects(outcome.exported.get(index, [])) if outcome is not None else [],
        "error": outcome.error(index) if outcome is not None else None,
    }


def summary(jobs: list[BatchJob], estimate: Money, outcome: RunOutcome | None) -> dict[str, Any]:
    """The ``--json`` object; its keys are a public interface."""
    objects = [job_object(job, outcome) for job in jobs]
    succeeded = sum(item["status"] == "succeeded" for item in objects)
    return {
        "run_id": outcome.run_id if outcome is not None else None,
        "planned": len(jobs),
        "succeeded": succeeded,
        "failed": len(jobs) - succeeded if outcome is not None else 0,
        "images": sum(len(item["images"]) for item in objects),
        "estimate": estimate_object(estimate),
        "jobs": objects,
    }


def _print_plan(jobs: list[BatchJob], estimate: Money) -> None:
    for job in jobs:
        target = job.planned.target
        say(
            f"{job.planned.index:>5}  line {job.line:<5} {target.model}@{target.profile}  "
            f"{job.planned.request.prompt}"
        )
        for note in job.planned.notes:
            say(f"       note: {note.message}")
    say(f"{len(jobs)} job(s), estimated cost {money_text(estimate)}")


def _cost_problems(
    args: argparse.Namespace, jobs: list[BatchJob], estimate: Money, relays: dict[str, Profile]
) -> list[Problem]:
    problems = []
    if args.max_cost is not None:
        if estimate.amount is None:
            problems.append(
                Problem(
                    0,
                    f"the batch's cost cannot be estimated, so --max-cost "
                    f"{args.max_cost:g} cannot be checked; send it anyway with --yes",
                )
            )
        elif estimate.amount > args.max_cost:
            problems.append(
                Problem(
                    0,
                    f"the batch would cost {money_text(estimate)}, above --max-cost "
                    f"{args.max_cost:g}; send it anyway with --yes",
                )
            )
    over = budget_problems(args, [job.planned for job in jobs], relays)
    return problems + [Problem(0, reason) for reason in over]


def run(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    try:
        if not args.dry_run:
            check_data_dir(args)
        jobs, problems, relays = plan(args, path)
        if problems:
            report_problems(problems, str(path))
            return EXIT_INVALID
        estimate = total_estimate(job.planned for job in jobs)
        if args.dry_run:
            _print_plan(jobs, estimate)
            if args.max_cost is not None and (
                estimate.amount is None or estimate.amount > args.max_cost
            ):
                say(f"note: above --max-cost {args.max_cost:g}: not sent without --yes")
            if args.json:
                say_json(summary(jobs, estimate, None))
            return EXIT_OK
        out = Path(args.out).expanduser()
        check_out(out)
        say(f"{len(jobs)} job(s), estimated cost {money_text(estimate)}", error=True)
        if not args.yes and (refused := _cost_problems(args, jobs, estimate, relays)):
            report_problems(refused)
            return EXIT_INVALID
    except BatchFileError as error:
        report_problems([Problem(p.number, p.reason) for p in error.problems], str(path))
        return EXIT_INVALID
    except (OSError, UnicodeDecodeError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        say(
            f"error: {path}: {reason}" if isinstance(error, OSError) else f"error: {reason}",
            error=True,
        )
        return EXIT_INVALID
    except StudioError as error:
        say(f"error: {error.full_text(billing=True)}", error=True)
        return EXIT_INVALID
    except CatalogError as error:
        say(f"error: {error}", error=True)
        return EXIT_FAILED
    spec = {
        "source": "file",
        "file": path.name,
        "lines": len({job.line for job in jobs}),
        "variables": _variables(args),
        "targets": [parse_target(text, ENVIRONMENT_PROFILE).label for text in args.target],
        "concurrency": args.concurrency,
        "estimate": estimate.amount,
        "currency": estimate.currency,
    }
    planned = [job.planned for job in jobs]
    outcome = send_run(
        args, "batch", path.name, planned, spec=spec, concurrency=args.concurrency, out=out
    )
    report_jobs(outcome, {job.planned.index: job.label for job in jobs})
    if args.json:
        say_json(summary(jobs, estimate, outcome))
    else:
        for index in sorted(outcome.exported):
            for image in outcome.exported[index]:
                say(str(image.path))
        done = summary(jobs, estimate, outcome)
        say(
            f"run {outcome.run_id}: {done['succeeded']} succeeded, {done['failed']} failed, "
            f"{done['images']} image(s)",
            error=True,
        )
    return outcome.exit_code(len(planned))
