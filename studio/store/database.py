"""Opening the history database: WAL, foreign keys, and migrations up to the latest schema.

Several studio processes (the window and scripts) may open a new data folder at the same
moment. Setting WAL and migrating happen under a file lock, and each migration checks the
schema version again inside its own transaction, so the schema is made exactly once whoever
comes first.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from studio.store.filelock import locked
from studio.store.schema import LATEST, MIGRATIONS

BUSY_TIMEOUT = 30.0  # seconds SQLite waits for another process's write to finish


class NewerDatabaseError(RuntimeError):
    """The database was written by a newer studio; opening it could lose data."""


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` is SQLite saying another connection holds the lock."""
    if not isinstance(error, sqlite3.OperationalError):
        return False
    text = str(error).lower()
    return "locked" in text or "busy" in text


def connect(path: Path, *, busy_timeout: float = BUSY_TIMEOUT) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(
        path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
    )
    try:
        connection.row_factory = sqlite3.Row
        connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        connection.execute("PRAGMA foreign_keys = ON")
        with locked(path.with_name(path.name + ".lock")):
            connection.execute("PRAGMA journal_mode = WAL")
            migrate(connection)
        connection.execute("PRAGMA synchronous = FULL")  # a committed row survives a power cut
    except BaseException:
        connection.close()
        raise
    return connection


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection, target: int = LATEST) -> int:
    """Apply every migration after the current version, each in its own transaction."""
    current = schema_version(connection)
    if current > LATEST:
        raise NewerDatabaseError(
            f"the history database has schema {current}; this studio knows up to {LATEST}"
        )
    for version in range(current + 1, target + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(connection) >= version:  # another process got here first
                connection.execute("ROLLBACK")
                continue
            for statement in _statements(MIGRATIONS[version - 1]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    return schema_version(connection)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (triggers keep their inner semicolons)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
