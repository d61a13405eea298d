"""`studio-cli boards` and `history list --board` from the outside: boards made, renamed and
removed (their images stay), names that are empty or taken refused plainly."""

from __future__ import annotations

import os
from pathlib import Path

from studio.simulator import SimulatorServer
from studio.store.boards import board_named, move_images
from studio.store.history import Store
from tests.helpers.studio_cli import last_json, studio_cli


def boards(tmp_path: Path) -> list[dict]:
    result = studio_cli(tmp_path, "boards", "list", "--json")
    assert result.returncode == 0, result.stderr
    data = last_json(result)
    for board in data:
        assert list(board) == ["id", "name", "images", "created_at"]
    return data


def test_boards_are_made_renamed_and_removed_keeping_their_images(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    empty = studio_cli(tmp_path, "boards", "list")
    assert empty.returncode == 0 and "No boards yet" in empty.stdout
    for name in ("Client Rosa", "spring catalogue"):
        added = studio_cli(tmp_path, "boards", "add", name)
        assert added.returncode == 0 and f"added board {name}" in added.stdout

    made = studio_cli(
        tmp_path, "generate", "--model", "gpt-image-1", "--prompt", "a vase", "--n", "2",
        "--out", str(tmp_path / "out"), "--json", sim_url=sim.url,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    job_id = last_json(made)["job_id"]
    with Store(Path(os.environ["STUDIO_DATA_DIR"])) as store:  # the window drags them there
        rosa = board_named(store, "client rosa")
        record = store.get(job_id)
        assert rosa is not None and record is not None
        assert move_images(store, [image.id for image in record.images], rosa.id) == 2

    assert [(b["name"], b["images"]) for b in boards(tmp_path)] == [
        ("Client Rosa", 2),
        ("spring catalogue", 0),
    ]
    table = studio_cli(tmp_path, "boards", "list").stdout.splitlines()
    assert table[0].split() == ["Client", "Rosa", "2", "image(s)"]

    on_board = studio_cli(tmp_path, "history", "list", "--board", "CLIENT ROSA", "--json")
    assert [job["job_id"] for job in last_json(on_board)] == [job_id]
    other = studio_cli(tmp_path, "history", "list", "--board", "spring catalogue")
    assert other.returncode == 0 and "No jobs match." in other.stdout

    renamed = studio_cli(tmp_path, "boards", "rename", "client rosa", "Rosa & Co")
    assert renamed.returncode == 0, renamed.stderr
    assert "renamed board Client Rosa to Rosa & Co" in renamed.stdout
    case_only = studio_cli(tmp_path, "boards", "rename", "Rosa & Co", "ROSA & CO")
    assert case_only.returncode == 0, case_only.stderr

    removed = studio_cli(tmp_path, "boards", "remove", "rosa & co")
    assert removed.returncode == 0 and "its images are kept" in removed.stdout
    assert [b["name"] for b in boards(tmp_path)] == ["spring catalogue"]
    kept = last_json(studio_cli(tmp_path, "history", "list", "--json"))
    assert [(job["job_id"], len(job["images"])) for job in kept] == [(job_id, 2)]
    gone = studio_cli(tmp_path, "history", "list", "--board", "ROSA & CO")
    assert gone.returncode == 2 and "no board named ROSA & CO" in gone.stderr


def test_names_that_are_empty_too_long_or_taken_and_unknown_boards(tmp_path: Path) -> None:
    assert studio_cli(tmp_path, "boards", "add", "Posters").returncode == 0
    assert studio_cli(tmp_path, "boards", "add", "Flyers").returncode == 0
    cases = [
        (["add", "posters"], "there is already a board named posters (names ignore case)"),
        (["add", "   "], "a board needs a name"),
        (["add", "x" * 81], "at most 80 characters"),
        (["rename", "Flyers", "POSTERS"], "there is already a board named POSTERS"),
        (["rename", "Flyers", ""], "a board needs a name"),
        (["rename", "Leaflets", "Cards"], "there is no board named Leaflets"),
        (["remove", "Leaflets"], "there is no board named Leaflets"),
    ]
    for args, message in cases:
        result = studio_cli(tmp_path, "boards", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
    assert [b["name"] for b in boards(tmp_path)] == ["Flyers", "Posters"]
