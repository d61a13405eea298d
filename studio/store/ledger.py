"""The relay ledger's queries: the history aggregated in SQLite, on the store's connection.

SQLite keeps the figures as jobs are written (schema migration 4): ``ledger_facts``, one narrow
row per job with what its JSON columns say, and ``ledger_days``, their sums per (profile, model,
local day), both kept by triggers. Reading the ledger of 100,000 jobs then reads a few thousand
day rows, walks an index to two latency ranks and an index of possible claims; Python only
prices the grouped rows (:mod:`studio.engine.ledger`). All jobs count, trashed ones too: the
money was spent. Only finished jobs count (succeeded, failed, cancelled, interrupted).

A job "may have been billed" when it delivered an image, the relay reported its usage, or its
error says ``may_be_billed``. A *claim* is such a job that delivered fewer images than it asked
for (none, usually): cut off, deadline, expired download, damaged image, success without image.
A job resumed later gets its images and leaves the claims by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from studio.store.schema import DAY_COLUMNS

if TYPE_CHECKING:
    from studio.store.history import Store

_GROUPS = f"""
    SELECT profile, model, day, {", ".join(DAY_COLUMNS)} FROM ledger_days
    WHERE jobs > 0
      AND (?1 IS NULL OR day >= ?1) AND (?2 IS NULL OR day <= ?2) AND (?3 IS NULL OR profile = ?3)
    ORDER BY profile, model, day
"""

_LATENCY_ALL = """
    SELECT COUNT(*) FROM ledger_facts
    WHERE profile = ?1 AND state = 'succeeded' AND delivered_at IS NOT NULL
"""
_LATENCY_AT = """
    SELECT delivered_at - created_at FROM ledger_facts
    WHERE profile = ?1 AND state = 'succeeded' AND delivered_at IS NOT NULL
    ORDER BY delivered_at - created_at LIMIT 1 OFFSET ?2
"""
# Nearest-rank percentiles over a window of time, per profile: rank ceil(n * p / 100).
_LATENCY_WINDOW = """
    WITH ranked AS (
        SELECT profile, (delivered_at - created_at) * 1000.0 AS ms,
            ROW_NUMBER() OVER (PARTITION BY profile ORDER BY delivered_at - created_at) AS rank,
            COUNT(*) OVER (PARTITION BY profile) AS n
        FROM ledger_facts
        WHERE state = 'succeeded' AND delivered_at IS NOT NULL
          AND (?1 IS NULL OR created_at >= ?1) AND (?2 IS NULL OR created_at < ?2)
          AND (?3 IS NULL OR profile = ?3)
    )
    SELECT profile,
        MAX(CASE WHEN rank = MAX((n * 50 + 99) / 100, 1) THEN ms END) AS p50,
        MAX(CASE WHEN rank = MAX((n * 95 + 99) / 100, 1) THEN ms END) AS p95
    FROM ranked GROUP BY profile
"""

_CLAIM_WHERE = """
    f.state != 'succeeded' AND f.billing = 'may_be_billed'
      AND f.state IN ('failed', 'cancelled', 'interrupted') AND f.delivered < f.asked
      AND (?1 IS NULL OR f.created_at >= ?1) AND (?2 IS NULL OR f.created_at < ?2)
      AND (?3 IS NULL OR f.profile = ?3)
"""
# A usage-priced claim is its share of the job's usage: missing / asked of each token count.
_CLAIM_SUMS = f"""
    SELECT f.profile, f.model, COUNT(*) AS claims,
        TOTAL(CASE WHEN f.has_usage THEN COALESCE(f.text_in, 0)
            * (f.asked - f.delivered) * 1.0 / f.asked END) AS text_in,
        TOTAL(CASE WHEN f.has_usage THEN COALESCE(f.image_in, 0)
            * (f.asked - f.delivered) * 1.0 / f.asked END) AS image_in,
        TOTAL(CASE WHEN f.has_usage THEN COALESCE(f.tokens_out, 0)
            * (f.asked - f.delivered) * 1.0 / f.asked END) AS tokens_out,
        SUM(f.has_usage) AS usage_claims,
        TOTAL(CASE WHEN f.has_usage THEN f.asked - f.delivered END) AS usage_missing,
        TOTAL(CASE WHEN NOT f.has_usage THEN f.asked - f.delivered END) AS listed_missing
    FROM ledger_facts f WHERE {_CLAIM_WHERE}
    GROUP BY f.profile, f.model
"""

_CLAIMS = (
    """
    SELECT f.job_id AS id, f.profile, f.model, f.created_at, j.task_id,
        CASE WHEN json_valid(j.meta) THEN json_extract(j.meta, '$.request_id') END AS request_id,
        COALESCE(f.reason, f.state) AS reason,
        f.asked, f.delivered AS images, f.has_usage, f.text_in, f.image_in, f.tokens_out
    FROM ledger_facts f JOIN jobs j ON j.id = f.job_id
    WHERE """
    + _CLAIM_WHERE
    + """
    ORDER BY f.created_at, f.job_id
"""
)


class GroupRow(NamedTuple):
    """The sums of one (profile, model, day), in the order of ``schema.DAY_COLUMNS``."""

    profile: str
    model: str
    day: str
    jobs: int
    succeeded: int
    failed: int
    images: int
    usage_jobs: int
    text_in: int
    image_in: int
    tokens_out: int
    usage_job_images: int
    listed_images: int
    listed_jobs: int
    claims: int
    delivered_jobs: int
    ratio_drift: int
    masked_jobs: int
    mask_ignored: int
    size_short: int
    answered_jobs: int
    model_mismatch: int


class ClaimSums(NamedTuple):
    """The claims of one (profile, model): usage tokens as the missing images' share."""

    profile: str
    model: str
    claims: int
    text_in: float
    image_in: float
    tokens_out: float
    usage_claims: int
    usage_missing: float
    listed_missing: float


@dataclass(frozen=True)
class ClaimRow:
    job_id: str
    profile: str
    model: str
    created_at: float
    task_id: str | None
    request_id: str | None
    reason: str
    asked: int
    images: int
    has_usage: bool
    text_in: int | None
    image_in: int | None
    tokens_out: int | None


def _args(since: object, until: object, profile: str | None) -> tuple[Any, ...]:
    return (since, until, profile)


def _int(value: Any) -> int:
    return int(value) if isinstance(value, int | float) else 0


def group_rows(
    store: Store, since: str | None = None, until: str | None = None, profile: str | None = None
) -> list[GroupRow]:
    """The sums per (profile, model, local day) for days ``since``..``until`` (YYYY-MM-DD,
    both included; None: open)."""
    rows = store._query(_GROUPS, _args(since, until, profile))
    return [GroupRow(*row) for row in rows]  # sums of integers: integers


def latency_rows(
    store: Store,
    profiles: list[str],
    since: float | None = None,
    until: float | None = None,
) -> dict[str, tuple[float | None, float | None]]:
    """Nearest-rank p50 and p95 of submit → last image saved (ms) of each profile's succeeded
    jobs created in [since, until). The whole history walks the latency index to the two ranks;
    a window of time ranks its jobs."""
    if since is not None or until is not None:
        single = profiles[0] if len(profiles) == 1 else None
        rows = store._query(_LATENCY_WINDOW, _args(since, until, single))
        return {row["profile"]: (row["p50"], row["p95"]) for row in rows}
    found: dict[str, tuple[float | None, float | None]] = {}
    for profile in profiles:
        count = int(store._query(_LATENCY_ALL, (profile,))[0][0])
        if not count:
            continue
        ranks = [max((count * percent + 99) // 100, 1) for percent in (50, 95)]
        values = [store._query(_LATENCY_AT, (profile, rank - 1))[0][0] * 1000.0 for rank in ranks]
        found[profile] = (values[0], values[1])
    return found


def claim_sums(
    store: Store, since: float | None = None, until: float | None = None, profile: str | None = None
) -> list[ClaimSums]:
    return [ClaimSums(*row) for row in store._query(_CLAIM_SUMS, _args(since, until, profile))]


def claim_rows(
    store: Store, since: float | None = None, until: float | None = None, profile: str | None = None
) -> list[ClaimRow]:
    rows = store._query(_CLAIMS, _args(since, until, profile))
    return [
        ClaimRow(
            row["id"],
            row["profile"],
            row["model"],
            row["created_at"],
            row["task_id"],
            str(row["request_id"]) if row["request_id"] is not None else None,
            str(row["reason"]),
            _int(row["asked"]),
            _int(row["images"]),
            bool(row["has_usage"]),
            row["text_in"] if isinstance(row["text_in"], int) else None,
            row["image_in"] if isinstance(row["image_in"], int) else None,
            row["tokens_out"] if isinstance(row["tokens_out"], int) else None,
        )
        for row in rows
    ]


# -- the Relays page: one relay at a time ------------------------------------------------------

_PROFILES = "SELECT profile FROM ledger_days WHERE jobs > 0 GROUP BY profile"

# Nearest-rank p50/p95 per local day of one profile's succeeded jobs created in [since, until):
# one walk of ledger_facts_by_profile, ranked per day.
_LATENCY_BY_DAY = """
    WITH ranked AS (
        SELECT date(created_at, 'unixepoch', 'localtime') AS day,
            (delivered_at - created_at) * 1000.0 AS ms,
            ROW_NUMBER() OVER (PARTITION BY date(created_at, 'unixepoch', 'localtime')
                               ORDER BY delivered_at - created_at) AS rank,
            COUNT(*) OVER (PARTITION BY date(created_at, 'unixepoch', 'localtime')) AS n
        FROM ledger_facts
        WHERE profile = ?1 AND created_at >= ?2 AND (?3 IS NULL OR created_at < ?3)
          AND state = 'succeeded' AND delivered_at IS NOT NULL
    )
    SELECT day,
        MAX(CASE WHEN rank = MAX((n * 50 + 99) / 100, 1) THEN ms END) AS p50,
        MAX(CASE WHEN rank = MAX((n * 95 + 99) / 100, 1) THEN ms END) AS p95
    FROM ranked GROUP BY day ORDER BY day
"""

# The newest claims of one profile: the partial index of possible claims, walked backwards.
_RECENT_CLAIMS = (
    _CLAIMS.replace("ORDER BY f.created_at, f.job_id", "ORDER BY f.created_at DESC, f.job_id DESC")
    + " LIMIT ?4"
)


def profiles_with_jobs(store: Store) -> list[str]:
    """The profiles that have finished jobs in the history, in no particular order."""
    return [str(row[0]) for row in store._query(_PROFILES)]


def latency_by_day(
    store: Store, profile: str, since: float, until: float | None = None
) -> dict[str, tuple[float, float]]:
    """Nearest-rank p50 and p95 (ms) of submit → last image saved of ``profile``'s succeeded
    jobs created in [since, until), per local day (YYYY-MM-DD); days without one are absent."""
    rows = store._query(_LATENCY_BY_DAY, (profile, since, until))
    return {str(row["day"]): (float(row["p50"]), float(row["p95"])) for row in rows}


def recent_claim_rows(store: Store, profile: str, limit: int) -> list[ClaimRow]:
    """``profile``'s newest ``limit`` claims, newest first."""
    rows = store._query(_RECENT_CLAIMS, (None, None, profile, limit))
    return [_claim_row(row) for row in rows]


def _claim_row(row: Any) -> ClaimRow:
    return ClaimRow(
        row["id"],
        row["profile"],
        row["model"],
        row["created_at"],
        row["task_id"],
        str(row["request_id"]) if row["request_id"] is not None else None,
        str(row["reason"]),
        _int(row["asked"]),
        _int(row["images"]),
        bool(row["has_usage"]),
        row["text_in"] if isinstance(row["text_in"], int) else None,
        row["image_in"] if isinstance(row["image_in"], int) else None,
        row["tokens_out"] if isinstance(row["tokens_out"], int) else None,
    )
