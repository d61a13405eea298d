"""The gallery's questions to the history, asked through the bridge (the rows are read and
packed on the store's thread, never on the GUI thread). The loaders never raise: a failure
comes back as a result the gallery can show in plain words."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Literal, TypeVar

from studio.store.history import ImageRecord, JobRecord
from studio.ui.gallery.tiles import (
    GalleryQuery,
    ImageTile,
    Item,
    JobTile,
    cursor_of,
    key_of,
    signature_of,
)

if TYPE_CHECKING:
    from studio.ui.bridge import EngineBridge

log = logging.getLogger(__name__)
T = TypeVar("T")

Cursor = tuple[float, int] | tuple[float, str]


@dataclass
class Page:
    items: list[Item]
    exhausted: bool
    failed: bool = False

    @property
    def cursor(self) -> Cursor | None:
        return cursor_of(self.items[-1]) if self.items else None


@dataclass(frozen=True)
class Op:
    """One step of an edit script, applied in order to the gallery's history rows."""

    kind: Literal["remove", "insert", "update"]
    index: int
    count: int = 0  # remove
    items: tuple[Item, ...] = ()  # insert; update: one row


@dataclass
class Refresh:
    ops: list[Op] = field(default_factory=list)
    exhausted: bool = True
    cursor: Cursor | None = None  # of the last row listed, shown or not
    failed: bool = False


@dataclass(frozen=True)
class Choices:
    models: list[str]
    profiles: list[str]


def _image_items(records: list[ImageRecord]) -> list[Item]:
    return [ImageTile.from_record(record).pack() for record in records]


def _job_items(records: list[JobRecord]) -> list[Item]:
    return [JobTile(record.job) for record in records]


async def _list(
    bridge: EngineBridge,
    query: GalleryQuery,
    limit: int,
    before: Cursor | None,
    then: Callable[[list[Item]], T],
) -> T | None:
    """The rows of ``query``'s listing as items, ``then`` applied on the store's thread; None
    when the query lists nothing from the history."""
    source = query.history_source
    if source == "images":
        return await bridge.images_page(
            query.filters(),
            limit,
            before,  # type: ignore[arg-type]
            shape=lambda records: then(_image_items(records)),
        )
    if source == "jobs":
        return await bridge.jobs_page(
            query.filters(),
            limit,
            before,  # type: ignore[arg-type]
            shape=lambda records: then(_job_items(records)),
        )
    return None


def page_of(items: list[Item], limit: int) -> Page:
    return Page(items, exhausted=len(items) < limit)


async def load_page(
    bridge: EngineBridge, query: GalleryQuery, limit: int, before: Cursor | None
) -> Page:
    try:
        page = await _list(bridge, query, limit, before, partial(page_of, limit=limit))
    except Exception:
        log.exception("the gallery could not read the history")
        return Page([], exhausted=True, failed=True)
    return page if page is not None else Page([], exhausted=True)


def refresh_of(
    items: list[Item], limit: int, old: Sequence[Item], hidden: frozenset[object]
) -> Refresh:
    """``items`` (the listing read again) as edits to the ``old`` rows; rows with a key in
    ``hidden`` are left out (the gallery shows them elsewhere)."""
    shown = [item for item in items if key_of(item) not in hidden]
    return Refresh(
        edit_script([signature_of(item) for item in old], shown),
        exhausted=len(items) < limit,
        cursor=cursor_of(items[-1]) if items else None,
    )


async def load_refresh(
    bridge: EngineBridge,
    query: GalleryQuery,
    limit: int,
    old: Sequence[Item],
    hidden: frozenset[object] = frozenset(),
) -> Refresh:
    """The history rows again (as many as are loaded), as edits to the ``old`` rows; rows with
    a key in ``hidden`` are left out (the gallery shows them elsewhere). The edit script is
    worked out on the store's thread too."""
    try:
        refresh = await _list(
            bridge, query, limit, None, partial(refresh_of, limit=limit, old=old, hidden=hidden)
        )
    except Exception:
        log.exception("the gallery could not read the history")
        return Refresh(failed=True)
    return refresh if refresh is not None else refresh_of([], limit, old, hidden)


def edit_script(old: Sequence[tuple[object, ...]], new: Sequence[Item]) -> list[Op]:
    """Removals, insertions and updates that turn rows with signatures ``old`` into ``new``.

    Linear: both lists are in the same order (newest first) apart from rows that came, went or
    moved; a moved row is removed and inserted again.
    """
    old_keys = [signature[0] for signature in old]
    new_keys = [key_of(item) for item in new]
    wanted = set(new_keys)
    present = set(old_keys)
    ops: list[Op] = []
    row = old_index = new_index = 0
    while old_index < len(old_keys) or new_index < len(new_keys):
        if old_index < len(old_keys) and old_keys[old_index] not in wanted:
            end = old_index
            while end < len(old_keys) and old_keys[end] not in wanted:
                end += 1
            ops.append(Op("remove", row, count=end - old_index))
            old_index = end
        elif new_index < len(new_keys) and (
            old_index == len(old_keys) or new_keys[new_index] not in present
        ):
            end = new_index + 1
            while end < len(new_keys) and new_keys[end] not in present:
                end += 1
            ops.append(Op("insert", row, items=tuple(new[new_index:end])))
            row += end - new_index
            new_index = end
        elif old_keys[old_index] == new_keys[new_index]:
            item = new[new_index]
            if signature_of(item) != tuple(old[old_index]):
                ops.append(Op("update", row, items=(item,)))
            row += 1
            old_index += 1
            new_index += 1
        else:  # a row that moved: out here, in again where the new order has it
            present.discard(old_keys[old_index])
            ops.append(Op("remove", row, count=1))
            old_index += 1
    return ops


async def load_choices(bridge: EngineBridge) -> Choices | None:
    """The models and profiles the history holds (for the filter bar)."""
    try:
        models, profiles = await bridge.history_choices()
    except Exception:
        log.exception("the gallery could not read the models in the history")
        return None
    return Choices(models, profiles)
