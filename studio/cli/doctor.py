"""``studio-cli doctor``: what a relay really does (studio.engine.doctor).

Free checks always (GET requests only); paid checks only with ``--paid``, after a confirmation
on the terminal showing the estimate (or ``--yes``), run as ordinary jobs recorded in the
history. Exit codes: 0 every check ran (whatever it found), 1 the relay could not be reached,
2 bad input (an unknown profile, --paid without --yes and no terminal…).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from studio.catalog import Catalog, CatalogError
from studio.cli.common import (
    EXIT_FAILED,
    EXIT_INVALID,
    EXIT_OK,
    add_data_dir,
    engine,
    profiles,
)
from studio.cli.generate import check_data_dir
from studio.cli.output import say, say_json
from studio.domain.errors import StudioError
from studio.domain.profile import Profile
from studio.engine.doctor import Check, Report, free_checks
from studio.engine.doctor_paid import PaidPlan, plan_paid, run_paid, used_with
from studio.settings.doctor_results import DoctorResults
from studio.settings.resolver import ENVIRONMENT_PROFILE

_MARKS = {True: "ok", False: "FAIL", None: "?"}


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "doctor",
        help="check what a relay really does (free checks; --paid for real requests)",
        description="Free checks: reachable, TLS, key accepted, models listed, async and "
        "billing endpoints, a proxy in the way, clock skew (GET requests only, nothing billed). "
        "With --paid also the smallest real jobs, recorded in the history: one generation per "
        "protocol used with this relay, then whether it honours a mask, the ratio, n and "
        "transparency. Exit 0 when every check ran, 1 when the relay could not be reached, "
        "2 for bad input.",
    )
    parser.add_argument("--profile", metavar="NAME", help="relay profile (default: environment)")
    parser.add_argument(
        "--paid",
        action="store_true",
        help="also send the paid checks (asks first, showing the estimate from list prices)",
    )
    parser.add_argument(
        "--yes", action="store_true", help="do not ask before the paid checks (for scripts)"
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object as the last line"
    )
    add_data_dir(parser)
    parser.set_defaults(handler=run)


def describe_plan(plan: PaidPlan, relay: str) -> list[str]:
    """The lines shown before asking: each request, its model, and the estimate."""
    lines = [f"The paid checks send {len(plan.steps)} requests to {relay}:"]
    for step in plan.steps:
        price = step.spec.price
        cost = "no list price" if price is None else f"{step.cost:.3f} {price.currency}"
        count = f"{step.images} images" if step.images > 1 else "1 image"
        lines.append(f"  {step.name:<24} {step.spec.id} via {step.protocol}, {count} ({cost})")
    estimate = plan.estimate()
    total = f"about {estimate.amount:.3f} {estimate.currency} at the catalog's list prices"
    if estimate.unpriced:
        total += f", plus {estimate.unpriced} request(s) without a list price"
    lines.append(f"Estimated cost: {total}. The relay's own prices may differ.")
    return lines


def _confirm(plan: PaidPlan, relay: str) -> bool:
    """Asked on the terminal; nothing else runs meanwhile, so reading blocks nothing."""
    for line in describe_plan(plan, relay):
        say(line, error=True)
    say("Send them? [y/N]", error=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")


async def _doctor(args: argparse.Namespace, profile: Profile, catalog: Catalog) -> Report:
    found = await free_checks(profile, catalog)
    report = Report(profile.name, list(found.checks))
    if not args.paid:
        return report
    if not found.reachable or found.key_accepted is False:
        say("Paid checks were not run: the relay must be reachable and accept the key.", error=True)
        return report
    async with engine(args, profile) as manager:
        used = await manager.run_in_store(used_with, manager.store, profile.name)
        plan = plan_paid(catalog, used, found.offered)
        if not plan.steps:
            report.checks += plan.skipped
            return report
        if not args.yes and not _confirm(plan, profile.name):
            say("Paid checks were not run: not confirmed.", error=True)
            return report

        async def run_job(request: Any) -> Any:
            return await manager.run(request, profile.name)

        say(f"Sending {len(plan.steps)} paid requests…", error=True)
        paid, spent = await run_paid(plan, run_job)
    report.checks += paid
    report.spent = spent
    return report


def _line(found: Check) -> str:
    return f"{_MARKS[found.ok]:<5} {found.name:<32} {found.detail}"


def run(args: argparse.Namespace) -> int:
    try:
        profile = profiles().chosen(args.profile)
        catalog = Catalog.load()
    except StudioError as error:
        say(f"error: {error.message}", error=True)
        return EXIT_INVALID
    except CatalogError as error:
        say(f"error: {error}", error=True)
        return EXIT_FAILED
    if args.paid and not args.yes and not sys.stdin.isatty():
        say(
            "error: --paid sends requests that cost money; without a terminal to confirm on, "
            "add --yes. Nothing was sent.",
            error=True,
        )
        return EXIT_INVALID
    try:
        if args.paid:
            check_data_dir(args)  # the paid checks are recorded in the history
        report = asyncio.run(_doctor(args, profile, catalog))
    except StudioError as error:  # e.g. a base URL that is not http(s)
        say(f"error: {error.full_text(billing=True)}", error=True)
        return EXIT_INVALID
    if profile.name != ENVIRONMENT_PROFILE:
        try:
            DoctorResults().save(profile.name, report.record())
        except OSError as error:
            say(f"warning: the findings could not be stored ({error.strerror})", error=True)
    if args.json:
        say_json(report.public())
    else:
        for found in report.checks:
            say(_line(found))
        if report.spent is not None:
            amount = f"{report.spent.amount:.3f} {report.spent.currency}"
            say(f"Paid checks: about {amount} at the catalog's list prices.")
    return EXIT_OK if report.reachable else EXIT_FAILED
