"""``Filters.no_board``: the gallery's "No board" — images on no board, jobs on none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from studio.store.boards import add_board, move_images, remove_board
from studio.store.history import Filters, Store
from tests.unit.test_runs_boards import image, job


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store(tmp_path / "data") as opened:
        yield opened


def test_no_board_lists_only_images_on_no_board(store: Store) -> None:
    board = add_board(store, "Client A")
    job(store, "on-board", 1.0, board_id=board.id)
    job(store, "loose", 2.0)
    boarded = image(store, "on-board", 1.5)
    loose_first, loose_second = image(store, "loose", 2.5), image(store, "loose", 2.6, 1)

    no_board = Filters(no_board=True)
    assert [i.id for i in store.list_images(no_board)] == [loose_second, loose_first]
    assert store.count_images(no_board) == 2
    assert store.count_images(Filters()) == 3

    move_images(store, [loose_first], board.id)  # moved onto the board: no longer "No board"
    assert [i.id for i in store.list_images(no_board)] == [loose_second]
    remove_board(store, board.id)  # its images stay, on no board
    assert {i.id for i in store.list_images(no_board)} == {boarded, loose_first, loose_second}


def test_no_board_jobs_are_those_neither_sent_to_nor_with_an_image_on_a_board(
    store: Store,
) -> None:
    board = add_board(store, "Posters")
    job(store, "sent-to-board", 1.0, board_id=board.id)
    job(store, "loose", 2.0)
    job(store, "loose-image-moved", 3.0)
    moved = image(store, "loose-image-moved", 3.5)
    move_images(store, [moved], board.id)

    assert [r.job.id for r in store.list_jobs(Filters(no_board=True))] == ["loose"]


def test_a_board_id_wins_over_no_board(store: Store) -> None:
    board = add_board(store, "Posters")
    job(store, "sent-to-board", 1.0, board_id=board.id)
    image(store, "sent-to-board", 1.5)
    job(store, "loose", 2.0)
    image(store, "loose", 2.5)

    both = Filters(board_id=board.id, no_board=True)
    assert [r.job.id for r in store.list_jobs(both)] == ["sent-to-board"]
    assert store.count_images(both) == 1


def test_a_job_sent_to_a_board_removed_meanwhile_lands_on_no_board(store: Store) -> None:
    board = add_board(store, "Posters")
    remove_board(store, board.id)  # by the command line, while the window still offered it
    job(store, "late", 1.0, board_id=board.id)  # no foreign-key failure: nothing is lost
    image(store, "late", 1.5)
    assert store.get("late").job.board_id is None
    assert store.count_images(Filters(no_board=True)) == 1
