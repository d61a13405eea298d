"""``studio-cli ledger``: what each relay cost, delivered and hid; ``ledger claims``: the jobs
that may have been billed without delivering, to ask the relay for a refund (CSV or JSON).

``ledger --json`` prints one object as the last line, in exactly the shape issue 13 fixed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
from collections.abc import Iterable
from datetime import date
from typing import Any

from studio.catalog import Catalog
from studio.cli.common import EXIT_INVALID, EXIT_OK, add_data_dir, open_store, profiles
from studio.cli.output import say, say_json
from studio.domain.errors import StudioError
from studio.engine.claims_export import claim_row, claims_csv
from studio.engine.ledger import Ledger, Money, ProfileLedger, claims, ledger
from studio.settings.resolver import ProfileResolver

BALANCE_TIMEOUT = 3.0  # seconds a relay has to tell its balance


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("ledger", help="what each relay cost, delivered and hid")
    _filters(parser, dates=True)
    parser.add_argument("--json", action="store_true", help="print one JSON object, last line")
    add_data_dir(parser)
    parser.set_defaults(handler=run_ledger)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser(
        "claims", help="jobs that may have been billed without delivering: a refund claim"
    )
    _filters(listing, dates=False)
    listing.add_argument("--format", choices=("csv", "json"), default="csv")
    add_data_dir(listing)
    listing.set_defaults(handler=run_claims)


def _filters(parser: argparse.ArgumentParser, *, dates: bool) -> None:
    parser.add_argument("--profile", metavar="NAME", help="one relay profile (default: all)")
    if dates:
        parser.add_argument("--since", metavar="YYYY-MM-DD", help="from this day (local time)")
        parser.add_argument("--until", metavar="YYYY-MM-DD", help="up to this day, included")


class BadDayError(ValueError):
    """A ``--since``/``--until`` that is not a day written YYYY-MM-DD."""


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise BadDayError(f"{option} must be a day written YYYY-MM-DD (e.g. 2026-12-01), not {text!r}")


def run_ledger(args: argparse.Namespace) -> int:
    try:
        since = _day(args.since, "--since")
        until = _day(args.until, "--until")
    except BadDayError as error:
        say(f"studio-cli ledger: {error}", error=True)
        return EXIT_INVALID
    if since is not None and until is not None and since > until:
        say("studio-cli ledger: --since is after --until: no day is in between", error=True)
        return EXIT_INVALID
    resolver = profiles()
    markups = relay_markups(resolver, _relays(resolver, args.profile))
    with open_store(args) as store:
        figures = ledger(
            store, Catalog.load(), since=since, until=until, profile=args.profile, markups=markups
        )
    balances = _balances(resolver, [p.profile for p in figures.profiles])
    if args.json:
        say_json(ledger_json(figures, balances))
    else:
        _print_ledger(figures, balances)
    return EXIT_OK


def run_claims(args: argparse.Namespace) -> int:
    resolver = profiles()
    markups = relay_markups(resolver, _relays(resolver, args.profile))
    with open_store(args) as store:
        found = claims(store, Catalog.load(), profile=args.profile, markups=markups)
    if args.format == "json":
        say_json([claim_row(claim) for claim in found])
    else:
        say(claims_csv(found).rstrip("\n"))
    return EXIT_OK


# -- markups -----------------------------------------------------------------------------------


def _relays(resolver: ProfileResolver, chosen: str | None) -> list[str]:
    """The relays whose markup counts: ``--profile``'s, or every one the CLI knows (the window
    asks for its saved profiles' likewise)."""
    return [chosen] if chosen else resolver.names()


def relay_markups(resolver: ProfileResolver, names: Iterable[str]) -> dict[str, float]:
    """Each relay's price multiplier (Settings, ``profiles add --price-multiplier``) as the
    window applies it: the profile's under that name, 1.0 for a name no profile has any more."""
    found = {}
    for name in names:
        try:
            found[name] = float(resolver.get(name).price_multiplier)
        except StudioError:
            found[name] = 1.0
    return found


# -- shapes ------------------------------------------------------------------------------------


def _profile_json(figures: ProfileLedger, balance: dict[str, Any] | None) -> dict[str, Any]:
    honesty = figures.honesty
    return {
        "profile": figures.profile,
        "jobs": figures.jobs,
        "succeeded": figures.succeeded,
        "failed": figures.failed,
        "images": figures.images,
        "success_rate": figures.success_rate,
        "latency_ms": {"p50": figures.latency_p50_ms, "p95": figures.latency_p95_ms},
        "spend": {
            "amount": figures.spend.amount,
            "currency": figures.spend.currency,
            "basis": figures.spend.basis,
        },
        "balance": balance,
        "unbilled_claims": figures.claims,
        "claims_amount": figures.claims_amount,
        "honesty": {
            "ratio_drift": honesty.ratio_drift,
            "mask_ignored": honesty.mask_ignored,
            "size_short": honesty.size_short,
            "model_mismatch": honesty.model_mismatch,
        },
        "by_model": [
            {
                "model": m.model,
                "jobs": m.jobs,
                "images": m.images,
                "spend": m.spend.amount,
                "success_rate": m.success_rate,
            }
            for m in figures.by_model
        ],
        "by_day": [
            {"day": d.day, "jobs": d.jobs, "images": d.images, "spend": d.spend.amount}
            for d in figures.by_day
        ],
    }


def ledger_json(
    figures: Ledger, balances: dict[str, dict[str, Any] | None] | None = None
) -> dict[str, Any]:
    balances = balances or {}
    return {
        "since": figures.since.isoformat() if figures.since else None,
        "until": figures.until.isoformat() if figures.until else None,
        "profiles": [_profile_json(p, balances.get(p.profile)) for p in figures.profiles],
    }


# -- balance (where the relay tells it) --------------------------------------------------------


def _balances(resolver: ProfileResolver, names: list[str]) -> dict[str, dict[str, Any] | None]:
    """Each relay's balance when ``studio.protocols.billing`` can read it; None otherwise."""
    if not names or importlib.util.find_spec("studio.protocols.billing") is None:
        return {}
    return asyncio.run(_read_balances(resolver, names))


async def _read_balances(
    resolver: ProfileResolver, names: list[str]
) -> dict[str, dict[str, Any] | None]:
    from studio.protocols.billing import read_balance

    async def one(name: str) -> dict[str, Any] | None:
        with contextlib.suppress(Exception):  # a relay that does not answer shows nothing
            profile = await resolver.aget(name)
            found = await asyncio.wait_for(
                read_balance(profile, timeout=BALANCE_TIMEOUT), BALANCE_TIMEOUT + 1
            )
            if found is not None:
                return {
                    "amount": found.amount,
                    "currency": found.currency,
                    "read_at": found.read_at,
                }
        return None

    answers = await asyncio.gather(*(one(name) for name in names))
    return dict(zip(names, answers, strict=True))


# -- text --------------------------------------------------------------------------------------


def _money(money: Money) -> str:
    if money.amount is None:
        return "unknown (a model without a list price, or several currencies)"
    return f"{money.amount:.4f} {money.currency or ''} ({money.basis})".replace("  ", " ")


def _percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate * 100:.1f}%"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value / 1000:.1f} s"


def _print_ledger(figures: Ledger, balances: dict[str, dict[str, Any] | None]) -> None:
    span = f"{figures.since or 'the start'} to {figures.until or 'today'}"
    if not figures.profiles:
        say(f"No jobs in the history from {span}.")
        return
    say(f"Relay ledger, {span}")
    for p in figures.profiles:
        say("")
        say(f"{p.profile}")
        say(f"  jobs {p.jobs}: {p.succeeded} succeeded, {p.failed} failed; {p.images} images")
        say(f"  success rate {_percent(p.success_rate)}")
        say(f"  time to image p50 {_ms(p.latency_p50_ms)}, p95 {_ms(p.latency_p95_ms)}")
        markup = f" (markup ×{p.markup:g} applied)" if p.markup != 1.0 else ""
        say(f"  spend {_money(p.spend)}{markup}")
        balance = balances.get(p.profile)
        if balance is not None:
            say(
                f"  balance {balance['amount']:.2f} {balance['currency']}"
                f" (read {balance['read_at']})"
            )
        amount = "unknown" if p.claims_amount is None else f"{p.claims_amount:.4f}"
        say(f"  paid, not delivered: {p.claims} job(s), about {amount}")
        h = p.honesty
        say(
            f"  ratio drift {_percent(h.ratio_drift)}, mask ignored {_percent(h.mask_ignored)},"
            f" smaller than asked {_percent(h.size_short)},"
            f" other model answered {_percent(h.model_mismatch)}"
        )
        for m in p.by_model:
            spend = "unknown" if m.spend.amount is None else f"{m.spend.amount:.4f}"
            say(
                f"    {m.model}: {m.jobs} jobs, {m.images} images, spend {spend},"
                f" success {_percent(m.success_rate)}"
            )
