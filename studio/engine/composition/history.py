"""Undo and redo of a composition's changes: a list of steps, each the state before and after.

A step is whole snapshots (the drafts are immutable and share their unchanged parts), so undo
puts back exactly what was there, whatever rules ran on the way. Consecutive edits of the same
typed field ("prompt", "seed") merge into one step, as a text editor merges typing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from psygnal import Signal

T = TypeVar("T")
LIMIT = 200


@dataclass(frozen=True)
class Step(Generic[T]):
    label: str  # what changed: a field's name or a group's ("reuse settings")
    before: T
    after: T
    merge_key: str | None = None  # steps with the same key in a row become one


class History(Generic[T]):
    """The undo stack; ``changed`` after every record, undo, redo or clear."""

    changed = Signal()

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._done: list[Step[T]] = []
        self._undone: list[Step[T]] = []
        self._sealed = True  # the next step starts afresh (nothing to merge with)

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_label(self) -> str:
        return self._done[-1].label if self._done else ""

    @property
    def redo_label(self) -> str:
        return self._undone[-1].label if self._undone else ""

    def __len__(self) -> int:
        return len(self._done)

    def record(self, step: Step[T]) -> None:
        """A change made: redo is no longer possible."""
        last = self._done[-1] if self._done else None
        if (
            last is not None
            and not self._sealed
            and step.merge_key is not None
            and step.merge_key == last.merge_key
        ):
            self._done[-1] = Step(last.label, last.before, step.after, last.merge_key)
        else:
            self._done.append(step)
            del self._done[: -self.limit]
        self._undone.clear()
        self._sealed = False
        self.changed.emit()

    def seal(self) -> None:
        """The next typed edit starts a step of its own (e.g. after an undo)."""
        self._sealed = True

    def undo(self) -> Step[T] | None:
        if not self._done:
            return None
        step = self._done.pop()
        self._undone.append(step)
        self._sealed = True
        self.changed.emit()
        return step

    def redo(self) -> Step[T] | None:
        if not self._undone:
            return None
        step = self._undone.pop()
        self._done.append(step)
        self._sealed = True
        self.changed.emit()
        return step

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._sealed = True
        self.changed.emit()
