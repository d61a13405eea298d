"""``studio-cli compare``: one prompt (and its options) sent to several models or relays at once.

Each target is ``MODEL`` (through the environment's relay) or ``MODEL@PROFILE``. The request is
fitted to each target: an option a target cannot take is left out for it, with a warning in
that target's ``warnings``. The targets form one run in the history; each is an ordinary job.

Exit codes: 0 every target succeeded, 1 any failed (the others are kept), 2 invalid input
(nothing was sent).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from studio.catalog import Catalog, CatalogError
from studio.cli.common import EXIT_FAILED, EXIT_INVALID, add_data_dir
from studio.cli.generate import check_data_dir, check_out, image_objects, reference_from
from studio.cli.output import say, say_json
from studio.cli.runs import (
    InputCheck,
    Problem,
    RunOutcome,
    budget_problems,
    money_text,
    preflight_problem,
    report_jobs,
    report_problems,
    resolve_profiles,
    send_run,
)
from studio.domain.errors import ErrorKind, InputError, StudioError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.request import RESOLUTIONS, GenerationRequest, Mask
from studio.engine.composition.model import Target
from studio.engine.runs import (
    PlannedJob,
    compare_spec,
    parse_target,
    plan_compare,
    total_estimate,
)
from studio.imaging.masks import load_mask
from studio.settings.resolver import ENVIRONMENT_PROFILE

MSG_BAD_N = QT_TRANSLATE_NOOP(ERRORS, "--n must be at least 1 (got {n}).")


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "compare",
        help="send one prompt to several models or relays, side by side",
        description="Send the same prompt and options to each --target (MODEL, through the "
        "environment's relay, or MODEL@PROFILE). Options a target cannot take are left out for "
        "it, with a warning. The targets are kept together as one run in the history "
        "(`studio-cli history list --run RUN_ID`); results are exported to --out. Exit 0 when "
        "every target succeeded, 1 when any failed, 2 for invalid input (nothing sent).",
    )
    parser.add_argument("--prompt", required=True, help="what to make")
    parser.add_argument(
        "--target",
        action="append",
        required=True,
        metavar="MODEL[@PROFILE]",
        help="a model, and optionally the relay profile that sends it; repeat for each target",
    )
    parser.add_argument(
        "--ref", action="append", default=[], metavar="PATH", help="reference image; repeatable"
    )
    parser.add_argument(
        "--mask",
        metavar="PATH",
        help="mask PNG: alpha 0 = area to edit, sized like the first --ref",
    )
    parser.add_argument("--ratio", metavar="W:H", help="aspect ratio, e.g. 16:9")
    parser.add_argument(
        "--resolution",
        choices=list(dict.fromkeys([*RESOLUTIONS, *(r.lower() for r in RESOLUTIONS)])),
    )
    parser.add_argument("--size", metavar="WxH", help="exact size, e.g. 1024x1536")
    parser.add_argument("--n", type=int, default=None, help="images per target (default 1)")
    parser.add_argument("--quality", metavar="Q")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--out", default=".", metavar="DIR", help="folder for the results")
    parser.add_argument(
        "--yes",
        action="store_true",
        help="send even if the targets together would pass a relay's daily or monthly budget "
        "(without it nothing is sent: exit 2)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print a JSON summary as the last line: {"run_id", "targets": [{"model", '
        '"profile", "job_id", "status", "images", "seconds", "warnings", "error"}]}',
    )
    add_data_dir(parser)
    parser.set_defaults(handler=run)


def base_request(args: argparse.Namespace) -> GenerationRequest:
    """The request every target gets (before it is fitted to each)."""
    if args.n is not None and args.n < 1:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_N, n=args.n)
    mask: Mask | None = None
    if args.mask:
        mask = load_mask(Path(args.mask).expanduser(), args.mask)
    return GenerationRequest(
        args.prompt,
        "",
        references=tuple(reference_from(r) for r in args.ref),
        mask=mask,
        ratio=args.ratio,
        resolution=args.resolution.upper() if args.resolution else None,
        size=args.size,
        n=args.n or 1,
        quality=args.quality,
        seed=args.seed,
    )


def _label(target: Target) -> str:
    return f"{target.model}@{target.profile}"


def plan(args: argparse.Namespace) -> tuple[list[PlannedJob], list[Problem], dict[str, Any]]:
    """The planned targets and everything that stops them from being sent."""
    request = base_request(args)
    targets = [parse_target(text, ENVIRONMENT_PROFILE) for text in args.target]
    relays, unknown = resolve_profiles(t.profile or "" for t in targets)
    problems = [Problem(0, f"{name}: {reason}") for name, reason in unknown.items()]
    planned = plan_compare(request, targets, Catalog.load(), relays)
    inputs = InputCheck()
    for job in planned:
        reason = (
            job.refusal.message
            if job.refusal is not None
            else inputs.problem(job.request) or preflight_problem(job, relays)
        )
        if reason is not None and (job.target.profile or "") not in unknown:
            problems.append(Problem(0, f"{_label(job.target)}: {reason}"))
    return planned, problems, relays


def target_object(job: PlannedJob, outcome: RunOutcome) -> dict[str, Any]:
    sent = outcome.jobs.get(job.index)
    return {
        "model": job.target.model,
        "profile": job.target.profile,
        "job_id": sent.id if sent is not None else None,
        "status": outcome.status(job.index),
        "images": image_objects(outcome.exported.get(job.index, [])),
        "seconds": round(outcome.seconds.get(job.index, 0.0), 3),
        "warnings": (
            [n.message for n in sent.warnings] if sent else [n.message for n in job.notes]
        ),
        "error": outcome.error(job.index),
    }


def run(args: argparse.Namespace) -> int:
    try:
        check_data_dir(args)
        planned, problems, relays = plan(args)
        if problems:
            report_problems(problems)
            return EXIT_INVALID
        out = Path(args.out).expanduser()
        check_out(out)
        estimate = total_estimate(planned)
        say(f"{len(planned)} target(s), estimated cost {money_text(estimate)}", error=True)
        if not args.yes and (over := budget_problems(args, planned, relays)):
            report_problems([Problem(0, reason) for reason in over])
            return EXIT_INVALID
    except StudioError as error:
        say(f"error: {error.full_text(billing=True)}", error=True)
        return EXIT_INVALID
    except CatalogError as error:
        say(f"error: {error}", error=True)
        return EXIT_FAILED
    spec = compare_spec(planned, estimate)
    outcome = send_run(args, "compare", args.prompt, planned, spec=spec, concurrency=None, out=out)
    report_jobs(outcome, {job.index: _label(job.target) for job in planned})
    if args.json:
        say_json(
            {"run_id": outcome.run_id, "targets": [target_object(j, outcome) for j in planned]}
        )
    else:
        for job in planned:
            status = outcome.status(job.index)
            seconds = outcome.seconds.get(job.index, 0.0)
            say(f"{_label(job.target)}  {status}  {seconds:.1f} s")
            for image in outcome.exported.get(job.index, []):
                say(f"  {image.path}")
        say(f"run {outcome.run_id}")
    return outcome.exit_code(len(planned))
