"""The gallery's plain logic: the edit script behind reload, and what a query lets through."""

from __future__ import annotations

import random
import time

import pytest

from studio.domain.job import Job
from studio.domain.request import GenerationRequest
from studio.ui.gallery.source import Op, edit_script
from studio.ui.gallery.tiles import GalleryQuery, ImageTile, Item, Period, Status, signature_of


def image(image_id: int, favourite: bool = False) -> Item:
    return ImageTile(
        image_id, float(image_id), f"{image_id:064x}", "png", 8, 8, "image/png", favourite
    ).pack()


def apply(rows: list[Item], ops: list[Op]) -> list[Item]:
    rows = list(rows)
    for op in ops:
        if op.kind == "remove":
            del rows[op.index : op.index + op.count]
        elif op.kind == "insert":
            rows[op.index : op.index] = op.items
        else:
            rows[op.index] = op.items[0]
    return rows


@pytest.mark.parametrize("seed", range(40))
def test_the_edit_script_turns_the_old_rows_into_the_new(seed: int) -> None:
    rng = random.Random(seed)
    old = [image(n, rng.random() < 0.2) for n in sorted(rng.sample(range(200), 60), reverse=True)]
    kept = [row for row in old if rng.random() > 0.2]
    added = [image(n) for n in rng.sample(range(200, 260), rng.randint(0, 10))]
    new = sorted(kept + added, key=lambda row: -row[0])
    new = [image(row[0], not row[7]) if rng.random() < 0.1 else row for row in new]
    if len(new) > 3 and seed % 3 == 0:  # a row that moved
        new.insert(0, new.pop(rng.randrange(1, len(new))))
    ops = edit_script([signature_of(row) for row in old], new)
    assert [signature_of(row) for row in apply(old, ops)] == [signature_of(row) for row in new]


def test_unchanged_rows_need_no_edits() -> None:
    rows = [image(n) for n in range(50, 0, -1)]
    assert edit_script([signature_of(row) for row in rows], rows) == []


def test_a_trashed_run_is_one_removal_and_a_favourite_one_update() -> None:
    rows = [image(n) for n in range(10, 0, -1)]
    new = rows[:2] + rows[5:]
    new[3] = image(new[3][0], favourite=True)
    ops = edit_script([signature_of(row) for row in rows], new)
    assert [(op.kind, op.index) for op in ops] == [("remove", 2), ("update", 3)]
    assert ops[0].count == 3


def test_a_query_checks_new_jobs_like_the_history_would() -> None:
    job = Job("j", GenerationRequest("A Snow LEOPARD on a cliff", "flux"), "sim")
    assert GalleryQuery(search="leopard").matches_job(job)
    assert GalleryQuery(search="雪豹").matches_job(job) is False
    assert GalleryQuery(model="flux", profile="sim").matches_job(job)
    assert not GalleryQuery(model="gpt-image-1").matches_job(job)
    assert GalleryQuery(period=Period.TODAY, since=Period.TODAY.since()).matches_job(job)
    assert not GalleryQuery(since=time.time() + 60).matches_job(job)
    assert not GalleryQuery(favourites=True).shows_new_image(job)
    assert not GalleryQuery(status=Status.FAILED).shows_new_image(job)
    assert GalleryQuery(status=Status.DONE).shows_new_image(job)
    assert GalleryQuery(status=Status.RUNNING).history_source is None
    assert GalleryQuery().is_default and not GalleryQuery(search="x").is_default
