"""Runs: jobs sent together (a compare of several targets, or a batch), kept as one thing.

Each job of a run is an ordinary, durable job that also names its run and its place in it
(``jobs.run_id``, ``jobs.run_index``); a retry of one of them stays in the run.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from studio.store.history import JobRecord, Store

RunKind = Literal["compare", "batch"]


@dataclass(frozen=True)
class RunRecord:
    id: str
    kind: RunKind
    title: str  # the prompt of a compare, the file or template of a batch
    spec: dict[str, Any] = field(default_factory=dict)  # targets, template, variables
    created_at: float = field(default_factory=time.time)


def create_run(store: Store, run: RunRecord) -> None:
    with store._transaction() as db:
        db.execute(
            "INSERT INTO runs (id, kind, created_at, title, spec) VALUES (?, ?, ?, ?, ?)",
            (run.id, run.kind, run.created_at, run.title, json.dumps(run.spec)),
        )


def _run(row: Any) -> RunRecord:
    spec = json.loads(row["spec"] or "{}")
    return RunRecord(row["id"], row["kind"], row["title"], spec, row["created_at"])


def get_run(store: Store, run_id: str) -> RunRecord | None:
    """A run by its id or an unambiguous prefix of it."""
    rows = store._query("SELECT * FROM runs WHERE id = ?", (run_id,))
    if not rows:
        rows = store._query("SELECT * FROM runs WHERE id LIKE ? || '%' LIMIT 2", (run_id,))
        if len(rows) != 1:
            return None
    return _run(rows[0])


def list_runs(store: Store, search: str | None = None, limit: int = 50) -> list[RunRecord]:
    """Newest first; ``search`` finds runs by their title (any part of it)."""
    if search and search.strip():
        escaped = search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = store._query(
            "SELECT * FROM runs WHERE title LIKE ? ESCAPE '\\' ORDER BY created_at DESC LIMIT ?",
            (f"%{escaped}%", limit),
        )
    else:
        rows = store._query("SELECT * FROM runs ORDER BY created_at DESC LIMIT ?", (limit,))
    return [_run(row) for row in rows]


def run_jobs(store: Store, run_id: str) -> list[JobRecord]:
    """The jobs of a run in their order (a retried job and its retry both, oldest first)."""
    rows = store._query(
        "SELECT * FROM jobs WHERE run_id = ? ORDER BY run_index, created_at, id", (run_id,)
    )
    return store._records(rows)
