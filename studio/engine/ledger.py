"""The relay ledger: what each relay cost, delivered and hid, and what to claim back.

SQLite counts (:mod:`studio.store.ledger`); this module prices the grouped rows with the
catalog and turns them into frozen figures for the CLI, the window's Relays page and a budget
guard. Synchronous: call it from a worker thread (the store's), never the UI thread.

Money, per job that may have been billed (it delivered, the relay reported usage, or its error
says it may have been billed):

- ``relay-usage``: the relay's ``usage`` tokens priced by the catalog's per-token prices;
- ``list-price``: else images delivered (and, for a claim, those paid for and not delivered)
  times the catalog's list price per image;
- ``unknown``: the catalog knows no price: the amount is None, never a guess.

A figure mixing the first two says ``mixed``; one that includes anything unknown, or adds up
different currencies, is None with basis ``unknown``. A relay's markup multiplier (Settings)
multiplies every amount and is stated with the figures.

Rates are 0–1, None when nothing was there to count. Success rate: succeeded jobs over those
that succeeded or failed at the relay (cancelled jobs and failures before anything reached the
relay do not count against it). Latency: submit (the job's creation) → its last image saved,
nearest-rank p50/p95 over succeeded jobs. Honesty rates are over the jobs that delivered:
ratio drift and size below what was asked over all of them, mask ignored over those with a
mask, model mismatch over those whose answer named a model.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from studio.catalog import Catalog
from studio.domain.model_spec import Price
from studio.store import ledger as queries
from studio.store.history import Store

Basis = Literal["relay-usage", "list-price", "mixed", "unknown"]
RELAY_USAGE: Basis = "relay-usage"
LIST_PRICE: Basis = "list-price"
MIXED: Basis = "mixed"
UNKNOWN: Basis = "unknown"
MTOK = 1_000_000


@dataclass(frozen=True)
class Money:
    amount: float | None  # None: not known (basis "unknown"), never a guess
    currency: str | None
    basis: Basis


@dataclass(frozen=True)
class Honesty:
    ratio_drift: float | None
    mask_ignored: float | None
    size_short: float | None
    model_mismatch: float | None


@dataclass(frozen=True)
class ModelFigures:
    model: str
    jobs: int
    images: int
    spend: Money
    success_rate: float | None


@dataclass(frozen=True)
class DayFigures:
    day: str  # YYYY-MM-DD, local time
    jobs: int
    images: int
    spend: Money


@dataclass(frozen=True)
class ProfileLedger:
    profile: str
    jobs: int
    succeeded: int
    failed: int
    images: int
    success_rate: float | None
    latency_p50_ms: float | None
    latency_p95_ms: float | None
    spend: Money
    markup: float  # the multiplier applied to every amount (1.0: list prices as they are)
    claims: int
    claims_amount: float | None
    honesty: Honesty
    by_model: tuple[ModelFigures, ...]
    by_day: tuple[DayFigures, ...]


@dataclass(frozen=True)
class Ledger:
    since: date | None
    until: date | None  # inclusive
    profiles: tuple[ProfileLedger, ...]


@dataclass(frozen=True)
class Claim:
    """A job that may have been billed and delivered less than it asked for."""

    job_id: str
    created_at: float
    model: str
    profile: str
    request_id: str | None  # the relay's request id, where it gave one
    task_id: str | None  # the relay's task id (async relays)
    reason: str  # the error's kind: fate_unknown, result_expired, bad_result, no_image, …
    missing: int  # images paid for and not delivered
    amount: float | None
    currency: str | None
    basis: Basis


# -- dates -------------------------------------------------------------------------------------


def day_start(day: date) -> float:
    """Local midnight at the start of ``day``, as epoch seconds."""
    return datetime(day.year, day.month, day.day).timestamp()


def window(since: date | None, until: date | None) -> tuple[float | None, float | None]:
    """Epoch bounds [start, end) for local days ``since``..``until`` (both included)."""
    start = day_start(since) if since is not None else None
    end = day_start(until + timedelta(days=1)) if until is not None else None
    return start, end


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


# -- pricing -----------------------------------------------------------------------------------

_Part = tuple[float | None, str | None, Basis]


def _token_cost(price: Price, text_in: float, image_in: float, tokens_out: float) -> float | None:
    """The relay's usage priced per token; None when the catalog lacks a price it needs."""
    if price.input_per_mtok is None or price.output_per_mtok is None:
        return None
    if image_in and price.image_input_per_mtok is None:
        return None
    image_price = price.image_input_per_mtok or 0.0
    return (
        text_in * price.input_per_mtok + image_in * image_price + tokens_out * price.output_per_mtok
    ) / MTOK


def _group_parts(row: queries.GroupRow, price: Price | None) -> list[_Part]:
    parts: list[_Part] = []
    if row.usage_jobs:
        cost = _token_cost(price, row.text_in, row.image_in, row.tokens_out) if price else None
        if cost is not None and price is not None:
            parts.append((cost, price.currency, RELAY_USAGE))
        elif price is not None:
            parts.append((row.usage_job_images * price.per_image, price.currency, LIST_PRICE))
        else:
            parts.append((None, None, UNKNOWN))
    if row.listed_jobs:
        if price is not None:
            parts.append((row.listed_images * price.per_image, price.currency, LIST_PRICE))
        else:
            parts.append((None, None, UNKNOWN))
    return parts


def _money(parts: Iterable[_Part], markup: float) -> Money:
    parts = list(parts)
    if not parts:  # nothing was billed
        return Money(0.0, None, LIST_PRICE)
    currencies = {currency for _, currency, _ in parts}
    bases = {basis for _, _, basis in parts}
    if UNKNOWN in bases or len(currencies) != 1:
        return Money(None, None, UNKNOWN)
    total = sum(amount for amount, _, _ in parts if amount is not None)
    basis = next(iter(bases)) if len(bases) == 1 else MIXED
    return Money(round(total * markup, 6), next(iter(currencies)), basis)


def _rate(count: int, total: int) -> float | None:
    return round(count / total, 6) if total else None


def _price(catalog: Catalog, model: str) -> Price | None:
    return catalog.get(model).price


def claim_cost(claim: queries.ClaimRow, price: Price | None) -> _Part:
    missing = max(claim.asked - claim.images, 0)
    if price is not None and claim.has_usage:
        cost = _token_cost(price, claim.text_in or 0, claim.image_in or 0, claim.tokens_out or 0)
        if cost is not None:
            return cost * missing / max(claim.asked, 1), price.currency, RELAY_USAGE
    if price is not None:
        return missing * price.per_image, price.currency, LIST_PRICE
    return None, None, UNKNOWN


# -- the ledger --------------------------------------------------------------------------------


def ledger(
    store: Store,
    catalog: Catalog,
    *,
    since: date | None = None,
    until: date | None = None,
    profile: str | None = None,
    markups: Mapping[str, float] | None = None,
) -> Ledger:
    """Every relay's figures over local days ``since``..``until`` (open when None)."""
    start, end = window(since, until)
    markups = markups or {}
    groups = queries.group_rows(store, _iso(since), _iso(until), profile)
    latency = queries.latency_rows(store, sorted({row.profile for row in groups}), start, end)
    claims_by_profile: dict[str, list[queries.ClaimSums]] = {}
    for sums in queries.claim_sums(store, start, end, profile):
        claims_by_profile.setdefault(sums.profile, []).append(sums)
    by_profile: dict[str, list[queries.GroupRow]] = {}
    for row in groups:
        by_profile.setdefault(row.profile, []).append(row)
    profiles = []
    for name in sorted(by_profile, key=str.casefold):
        rows = by_profile[name]
        markup = float(markups.get(name, 1.0))
        p50, p95 = latency.get(name, (None, None))
        profiles.append(
            _profile_ledger(name, rows, catalog, markup, p50, p95, claims_by_profile.get(name, []))
        )
    return Ledger(since, until, tuple(profiles))


class _Tally:
    """Counts and priced parts summed over some group rows (one pass, no re-filtering)."""

    __slots__ = ("failed", "images", "jobs", "parts", "succeeded")

    def __init__(self) -> None:
        self.jobs = self.succeeded = self.failed = self.images = 0
        self.parts: list[_Part] = []

    def add(self, row: queries.GroupRow, parts: list[_Part]) -> None:
        self.jobs += row.jobs
        self.succeeded += row.succeeded
        self.failed += row.failed
        self.images += row.images
        self.parts += parts

    def success_rate(self) -> float | None:
        return _rate(self.succeeded, self.succeeded + self.failed)


def _claim_parts(sums: queries.ClaimSums, price: Price | None) -> list[_Part]:
    parts: list[_Part] = []
    if sums.usage_claims:
        cost = _token_cost(price, sums.text_in, sums.image_in, sums.tokens_out) if price else None
        if cost is not None and price is not None:
            parts.append((cost, price.currency, RELAY_USAGE))
        elif price is not None:
            parts.append((sums.usage_missing * price.per_image, price.currency, LIST_PRICE))
        else:
            parts.append((None, None, UNKNOWN))
    if sums.claims > sums.usage_claims:
        if price is not None:
            parts.append((sums.listed_missing * price.per_image, price.currency, LIST_PRICE))
        else:
            parts.append((None, None, UNKNOWN))
    return parts


def _profile_ledger(
    name: str,
    rows: list[queries.GroupRow],
    catalog: Catalog,
    markup: float,
    p50: float | None,
    p95: float | None,
    claim_sums: list[queries.ClaimSums],
) -> ProfileLedger:
    prices: dict[str, Price | None] = {}
    whole = _Tally()
    models: dict[str, _Tally] = {}
    days: dict[str, _Tally] = {}
    for row in rows:
        if row.model not in prices:
            prices[row.model] = _price(catalog, row.model)
        parts = _group_parts(row, prices[row.model])
        whole.add(row, parts)
        models.setdefault(row.model, _Tally()).add(row, parts)
        days.setdefault(row.day, _Tally()).add(row, parts)

    def total(field: str) -> int:
        return sum(getattr(row, field) for row in rows)

    claim_parts = [
        part for sums in claim_sums for part in _claim_parts(sums, _price(catalog, sums.model))
    ]
    claim_count = sum(sums.claims for sums in claim_sums)
    return ProfileLedger(
        profile=name,
        jobs=whole.jobs,
        succeeded=whole.succeeded,
        failed=whole.failed,
        images=whole.images,
        success_rate=whole.success_rate(),
        latency_p50_ms=round(p50, 1) if p50 is not None else None,
        latency_p95_ms=round(p95, 1) if p95 is not None else None,
        spend=_money(whole.parts, markup),
        markup=markup,
        claims=claim_count,
        claims_amount=_money(claim_parts, markup).amount if claim_count else 0.0,
        honesty=Honesty(
            ratio_drift=_rate(total("ratio_drift"), total("delivered_jobs")),
            mask_ignored=_rate(total("mask_ignored"), total("masked_jobs")),
            size_short=_rate(total("size_short"), total("delivered_jobs")),
            model_mismatch=_rate(total("model_mismatch"), total("answered_jobs")),
        ),
        by_model=tuple(
            ModelFigures(
                model,
                tally.jobs,
                tally.images,
                _money(tally.parts, markup),
                tally.success_rate(),
            )
            for model, tally in sorted(models.items(), key=lambda item: item[0].casefold())
        ),
        by_day=tuple(
            DayFigures(day, tally.jobs, tally.images, _money(tally.parts, markup))
            for day, tally in sorted(days.items())
        ),
    )


def claims(
    store: Store,
    catalog: Catalog,
    *,
    since: date | None = None,
    until: date | None = None,
    profile: str | None = None,
    markups: Mapping[str, float] | None = None,
) -> list[Claim]:
    """Jobs that may have been billed without delivering what they asked, oldest first: the
    list to send a relay asking for a refund. A job resumed with its images is not on it."""
    start, end = window(since, until)
    markups = markups or {}
    found = []
    for row in queries.claim_rows(store, start, end, profile):
        amount, currency, basis = claim_cost(row, _price(catalog, row.model))
        markup = float(markups.get(row.profile, 1.0))
        found.append(
            Claim(
                job_id=row.job_id,
                created_at=row.created_at,
                model=row.model,
                profile=row.profile,
                request_id=row.request_id,
                task_id=row.task_id,
                reason=row.reason,
                missing=max(row.asked - row.images, 0),
                amount=round(amount * markup, 6) if amount is not None else None,
                currency=currency,
                basis=basis,
            )
        )
    return found


# -- for a budget guard ------------------------------------------------------------------------


def spend_between(
    store: Store,
    catalog: Catalog,
    profile: str,
    since: date | None,
    until: date | None,
    *,
    markup: float = 1.0,
) -> Money:
    """What ``profile`` cost over local days ``since``..``until`` (both included)."""
    rows = queries.group_rows(store, _iso(since), _iso(until), profile)
    return _money(
        (p for row in rows for p in _group_parts(row, _price(catalog, row.model))), markup
    )


def spend_today(
    store: Store, catalog: Catalog, profile: str, *, markup: float = 1.0, now: float | None = None
) -> Money:
    """What ``profile`` cost since local midnight."""
    today = datetime.fromtimestamp(time.time() if now is None else now).date()
    return spend_between(store, catalog, profile, today, today, markup=markup)


def spend_this_month(
    store: Store, catalog: Catalog, profile: str, *, markup: float = 1.0, now: float | None = None
) -> Money:
    """What ``profile`` cost since the first of this month (local time)."""
    today = datetime.fromtimestamp(time.time() if now is None else now).date()
    return spend_between(store, catalog, profile, today.replace(day=1), today, markup=markup)


# -- for the Relays page: one relay at a time --------------------------------------------------


def relays_with_jobs(store: Store) -> list[str]:
    """The relays (profile names) with finished jobs in the history, sorted as the ledger is."""
    return sorted(queries.profiles_with_jobs(store), key=str.casefold)


def relay_ledger(
    store: Store, catalog: Catalog, profile: str, *, markup: float = 1.0
) -> ProfileLedger | None:
    """One relay's figures over the whole history (None: it has no finished job): the first
    view of the Relays page, without the other relays' work."""
    found = ledger(store, catalog, profile=profile, markups={profile: markup}).profiles
    return found[0] if found else None


def recent_claims(
    store: Store, catalog: Catalog, profile: str, limit: int, *, markup: float = 1.0
) -> list[Claim]:
    """``profile``'s newest ``limit`` claims, oldest first like :func:`claims`."""
    rows = reversed(queries.recent_claim_rows(store, profile, limit))
    return [_claim(row, _price(catalog, row.model), markup) for row in rows]


def _claim(row: queries.ClaimRow, price: Price | None, markup: float) -> Claim:
    amount, currency, basis = claim_cost(row, price)
    return Claim(
        job_id=row.job_id,
        created_at=row.created_at,
        model=row.model,
        profile=row.profile,
        request_id=row.request_id,
        task_id=row.task_id,
        reason=row.reason,
        missing=max(row.asked - row.images, 0),
        amount=round(amount * markup, 6) if amount is not None else None,
        currency=currency,
        basis=basis,
    )


LatencyDay = tuple[str, float | None, float | None]


def latency_by_day(store: Store, profile: str, days: list[str]) -> list[LatencyDay]:
    """(day, p50 ms, p95 ms) of submit → last image saved for each local day ``YYYY-MM-DD`` of
    ``days`` (None when no job succeeded that day), in one query."""
    if not days:
        return []
    parsed = sorted(date.fromisoformat(day) for day in days)
    start, end = window(parsed[0], parsed[-1])
    assert start is not None
    found = queries.latency_by_day(store, profile, start, end)
    return [(day, *found.get(day, (None, None))) for day in days]
