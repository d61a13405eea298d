"""Runs and boards in the history (schema 5): jobs sent together stay together, images join
their job's board, a board removed keeps its images, and a milestone-1 history migrates."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from studio.domain.job import Job, JobState
from studio.domain.request import GenerationRequest
from studio.store.boards import (
    BoardNameError,
    add_board,
    board_named,
    list_boards,
    move_images,
    remove_board,
    rename_board,
)
from studio.store.database import migrate
from studio.store.history import Filters, Store
from studio.store.runs import RunRecord, create_run, get_run, list_runs, run_jobs


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store(tmp_path / "data") as opened:
        yield opened


def job(store: Store, job_id: str, at: float, **place: Any) -> Job:
    made = Job(job_id, GenerationRequest(f"prompt {job_id}", "gpt-image-1"), "relay-a")
    made.created_at, made.state = at, JobState.SUCCEEDED
    for name, value in place.items():
        setattr(made, name, value)
    store.create_job(made)
    return made


def image(store: Store, job_id: str, at: float, position: int = 0) -> int:
    with store._transaction() as db:
        cursor = db.execute(
            """INSERT INTO images (job_id, position, sha256, extension, mime, width, height,
                   size_bytes, source, created_at) VALUES (?, ?, 'ab', 'png', 'image/png', 8, 8,
                   1, 'b64', ?)""",
            (job_id, position, at),
        )
    return int(cursor.lastrowid or 0)


def test_a_run_keeps_its_jobs_in_order_and_is_found_by_title(store: Store) -> None:
    create_run(store, RunRecord("r1", "compare", "a lighthouse at dusk", {"targets": 2}, 10.0))
    create_run(store, RunRecord("r2", "batch", "animals.txt", {}, 20.0))
    job(store, "b", 2.0, run_id="r1", run_index=1)
    job(store, "a", 1.0, run_id="r1", run_index=0)
    job(store, "c", 3.0)
    assert [record.job.id for record in run_jobs(store, "r1")] == ["a", "b"]
    assert run_jobs(store, "r1")[1].job.run_index == 1
    assert [run.id for run in list_runs(store)] == ["r2", "r1"]
    assert [run.id for run in list_runs(store, "LIGHTHOUSE")] == ["r1"]
    assert get_run(store, "r1") == RunRecord(
        "r1", "compare", "a lighthouse at dusk", {"targets": 2}, 10.0
    )
    assert get_run(store, "r") is None  # ambiguous prefix
    assert [r.job.id for r in store.list_jobs(Filters(run_id="r1"))] == ["b", "a"]


def test_images_join_their_jobs_board_and_can_move(store: Store) -> None:
    client = add_board(store, "  Client   A ")
    other = add_board(store, "Posters")
    assert client.name == "Client A"
    job(store, "on-board", 1.0, board_id=client.id)
    job(store, "loose", 2.0)
    first, second = image(store, "on-board", 1.5), image(store, "on-board", 1.6, 1)
    loose = image(store, "loose", 2.5)
    assert [i.id for i in store.list_images(Filters(board_id=client.id))] == [second, first]
    assert store.image(first).board_id == client.id and store.image(loose).board_id is None
    assert move_images(store, [loose, second], other.id) == 2
    assert [i.id for i in store.list_images(Filters(board_id=other.id))] == [loose, second]
    assert [r.job.id for r in store.list_jobs(Filters(board_id=other.id))] == ["loose", "on-board"]
    assert [(b.name, b.images) for b in list_boards(store)] == [("Client A", 1), ("Posters", 2)]


def test_board_names_are_unique_ignoring_case_and_never_empty(store: Store) -> None:
    board = add_board(store, "Client A")
    with pytest.raises(BoardNameError) as taken:
        add_board(store, "client a")
    assert taken.value.reason == "taken"
    with pytest.raises(BoardNameError) as empty:
        add_board(store, "   ")
    assert empty.value.reason == "empty"
    with pytest.raises(BoardNameError):
        add_board(store, "x" * 81)
    other = add_board(store, "B")
    with pytest.raises(BoardNameError):
        rename_board(store, other.id, "CLIENT A")
    renamed = rename_board(store, board.id, "Client Alpha")
    assert renamed is not None and renamed.name == "Client Alpha"
    assert board_named(store, "client alpha") == renamed
    assert board_named(store, str(board.id)) == renamed
    assert rename_board(store, 999, "nobody") is None


def test_removing_a_board_keeps_its_images_and_jobs(store: Store) -> None:
    board = add_board(store, "Gone")
    job(store, "j", 1.0, board_id=board.id)
    kept = image(store, "j", 1.5)
    assert remove_board(store, board.id)
    assert not remove_board(store, board.id)
    assert store.image(kept) is not None and store.image(kept).board_id is None
    record = store.get("j")
    assert record is not None and record.job.board_id is None and len(record.images) == 1
    assert list_boards(store) == []


def test_a_milestone_one_history_migrates_with_everything_kept(tmp_path: Path) -> None:
    data = tmp_path / "old"
    data.mkdir()
    db = sqlite3.connect(data / "history.sqlite3", isolation_level=None)
    migrate(db, target=1)
    db.execute(
        """INSERT INTO jobs (id, created_at, updated_at, profile, model, prompt, params, state)
           VALUES ('m1', 5.0, 5.0, 'relay-a', 'dall-e-3', 'an old fox',
                   '{"prompt":"an old fox","model":"dall-e-3","n":1}', 'succeeded')"""
    )
    db.execute(
        """INSERT INTO images (job_id, position, sha256, extension, mime, width, height,
               size_bytes, source, created_at) VALUES ('m1', 0, 'ab', 'png', 'image/png', 8, 8,
               1, 'b64', 6.0)"""
    )
    db.close()
    with Store(data) as store:
        record = store.get("m1")
        assert record is not None and record.job.request.prompt == "an old fox"
        assert (record.job.run_id, record.job.board_id) == (None, None)
        assert [i.job_id for i in store.list_images()] == ["m1"]
        board = add_board(store, "Archive")
        assert move_images(store, [record.images[0].id], board.id) == 1
        assert [i.job_id for i in store.list_images(Filters(board_id=board.id))] == ["m1"]
