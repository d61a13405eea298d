"""Job ids that sort by creation time and never collide."""

from __future__ import annotations

import secrets
import time


def new_job_id() -> str:
    """13 hex digits of milliseconds since the epoch, then 8 random hex digits."""
    return f"{time.time_ns() // 1_000_000:013x}{secrets.token_hex(4)}"


def new_run_id() -> str:
    """A run's id: ``r`` and then a job-like id (runs sort by creation time too)."""
    return "r" + new_job_id()
