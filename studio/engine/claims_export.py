"""The claim list as a file to send a relay: CSV or JSON, one row per job that may have been
billed without delivering (``studio.engine.ledger.claims``). Qt-free: the CLI's ``ledger
claims`` and the window's Relays page write the same columns."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from studio.engine.ledger import Claim

CLAIM_COLUMNS = (
    "time",
    "model",
    "relay",
    "request_id",
    "task_id",
    "reason",
    "missing_images",
    "estimated_cost",
    "currency",
    "basis",
    "job_id",
)


def claim_time(timestamp: float) -> str:
    """Local time with its offset, to the second (what a relay's support can match)."""
    return datetime.fromtimestamp(timestamp).astimezone().isoformat(timespec="seconds")


def claim_row(claim: Claim) -> dict[str, Any]:
    return {
        "time": claim_time(claim.created_at),
        "model": claim.model,
        "relay": claim.profile,
        "request_id": claim.request_id,
        "task_id": claim.task_id,
        "reason": claim.reason,
        "missing_images": claim.missing,
        "estimated_cost": claim.amount,
        "currency": claim.currency,
        "basis": claim.basis,
        "job_id": claim.job_id,
    }


def claims_csv(claims: Iterable[Claim]) -> str:
    """A header line and one line per claim (``\\n`` line ends, empty cells for None)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(claim_row(claim) for claim in claims)
    return buffer.getvalue()


def claims_json(claims: Iterable[Claim]) -> str:
    """A JSON list of the rows, readable (indented, non-ASCII kept), ending with a newline."""
    return json.dumps([claim_row(c) for c in claims], ensure_ascii=False, indent=2) + "\n"
