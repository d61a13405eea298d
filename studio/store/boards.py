"""Boards: a designer's projects or clients. Images and jobs belong to one board or none.

A new job's images join the board the job was sent to (a trigger, schema 5); an image can be
moved to another board. Removing a board keeps its images: they belong to no board after.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from studio.store.history import Store

MAX_NAME = 80


@dataclass(frozen=True)
class Board:
    id: int
    name: str
    created_at: float
    images: int = 0  # untrashed images on it


class BoardNameError(ValueError):
    """A board name that is empty, too long, or already taken (names ignore case)."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(reason)
        self.name = name
        self.reason = reason  # "empty" | "too_long" | "taken"


def clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise BoardNameError(name, "empty")
    if len(cleaned) > MAX_NAME:
        raise BoardNameError(name, "too_long")
    return cleaned


def list_boards(store: Store) -> list[Board]:
    """Every board by name, with the number of images on it."""
    rows = store._query(
        """SELECT b.id, b.name, b.created_at, COUNT(i.id) AS images FROM boards b
           LEFT JOIN images i ON i.board_id = b.id AND i.trashed_at IS NULL
           GROUP BY b.id ORDER BY b.name COLLATE NOCASE"""
    )
    return [Board(row["id"], row["name"], row["created_at"], row["images"]) for row in rows]


def board_named(store: Store, name: str) -> Board | None:
    """A board by its name (case ignored), or by its number."""
    rows = store._query("SELECT id, name, created_at FROM boards WHERE name = ?", (name.strip(),))
    if not rows and name.strip().isdigit():
        rows = store._query("SELECT id, name, created_at FROM boards WHERE id = ?", (int(name),))
    return Board(rows[0]["id"], rows[0]["name"], rows[0]["created_at"]) if rows else None


def add_board(store: Store, name: str) -> Board:
    cleaned = clean_name(name)
    now = time.time()
    try:
        with store._transaction() as db:
            cursor = db.execute(
                "INSERT INTO boards (name, created_at) VALUES (?, ?)", (cleaned, now)
            )
    except sqlite3.IntegrityError as error:
        raise BoardNameError(cleaned, "taken") from error
    return Board(int(cursor.lastrowid or 0), cleaned, now)


def rename_board(store: Store, board_id: int, name: str) -> Board | None:
    cleaned = clean_name(name)
    try:
        with store._transaction() as db:
            changed = db.execute(
                "UPDATE boards SET name = ? WHERE id = ?", (cleaned, board_id)
            ).rowcount
    except sqlite3.IntegrityError as error:
        raise BoardNameError(cleaned, "taken") from error
    if not changed:
        return None
    rows = store._query("SELECT created_at FROM boards WHERE id = ?", (board_id,))
    return Board(board_id, cleaned, rows[0]["created_at"])


def remove_board(store: Store, board_id: int) -> bool:
    """Remove a board; its images and jobs stay, on no board."""
    with store._transaction() as db:
        db.execute("UPDATE images SET board_id = NULL WHERE board_id = ?", (board_id,))
        db.execute("UPDATE jobs SET board_id = NULL WHERE board_id = ?", (board_id,))
        return db.execute("DELETE FROM boards WHERE id = ?", (board_id,)).rowcount > 0


def move_images(store: Store, image_ids: Iterable[int], board_id: int | None) -> int:
    """Put images on a board (None: on no board); returns how many moved."""
    ids = list(image_ids)
    if not ids:
        return 0
    marks = ",".join("?" * len(ids))
    with store._transaction() as db:
        return db.execute(
            f"UPDATE images SET board_id = ? WHERE id IN ({marks})", [board_id, *ids]
        ).rowcount
