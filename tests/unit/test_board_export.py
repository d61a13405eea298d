"""A board's images exported as a folder with their provenance; a full disk or a folder that
cannot be written is said plainly and loses nothing."""

from __future__ import annotations

import errno
import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from studio.domain.job import Job, JobState
from studio.domain.request import GenerationRequest
from studio.engine import export
from studio.engine.board_export import BoardExportError, export_board, folder_name
from studio.imaging.provenance import read
from studio.store.boards import add_board, move_images
from studio.store.history import Store


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store(tmp_path / "data") as opened:
        yield opened


def png(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), colour).save(buffer, "PNG")
    return buffer.getvalue()


def made(
    store: Store, job_id: str, prompt: str, colours: list[str], board: int | None
) -> list[int]:
    """A finished job with real images, sent to ``board``; its image ids."""
    job = Job(job_id, GenerationRequest(prompt, "gpt-image-1", ratio="4:3"), "relay-a")
    job.state, job.board_id = JobState.SUCCEEDED, board
    store.create_job(job)
    ids = []
    for position, colour in enumerate(colours):
        sha, _ = store.blobs.put(png(colour), "png")
        with store._transaction() as db:
            cursor = db.execute(
                """INSERT INTO images (job_id, position, sha256, extension, mime, width, height,
                       size_bytes, source, created_at) VALUES (?, ?, ?, 'png', 'image/png', 16,
                       12, 100, 'b64', ?)""",
                (job_id, position, sha, float(position + 1)),
            )
        ids.append(int(cursor.lastrowid or 0))
    return ids


def test_a_boards_images_land_in_a_folder_named_after_it_with_provenance(
    store: Store, tmp_path: Path
) -> None:
    board = add_board(store, "Client A: tea / posters")
    made(store, "job-one-0001", "a teapot on linen", ["red", "blue"], board.id)
    loose = made(store, "job-two-0002", "a city at night", ["green"], None)
    made(store, "job-three-003", "elsewhere", ["white"], None)
    move_images(store, loose, board.id)  # dragged onto the board later
    done: list[tuple[int, int]] = []

    result = export_board(
        store, board.id, tmp_path / "out", progress=lambda n, t: done.append((n, t))
    )

    assert result is not None
    assert result.folder == tmp_path / "out" / "Client A- tea - posters"
    files = sorted(path.name for path in result.folder.iterdir())
    assert len(files) == 3 and len(result.written) == 3
    assert done == [(1, 3), (2, 3), (3, 3)]
    found = {}
    for path in result.folder.iterdir():
        provenance = read(path)
        assert provenance is not None
        found.setdefault(provenance.job_id, []).append(provenance.prompt)
    assert found == {
        "job-one-0001": ["a teapot on linen", "a teapot on linen"],
        "job-two-0002": ["a city at night"],
    }


def test_exporting_again_writes_only_what_is_new(store: Store, tmp_path: Path) -> None:
    board = add_board(store, "Posters")
    made(store, "job-one-0001", "a kite", ["red"], board.id)
    first = export_board(store, board.id, tmp_path)
    made(store, "job-two-0002", "a boat", ["blue"], board.id)
    second = export_board(store, board.id, tmp_path)
    assert first is not None and second is not None
    assert (len(second.written), second.already_there) == (1, 1)
    assert len(list(second.folder.iterdir())) == 2


def test_a_missing_board_exports_nothing_and_a_cancel_keeps_what_was_written(
    store: Store, tmp_path: Path
) -> None:
    assert export_board(store, 999, tmp_path) is None
    board = add_board(store, "Posters")
    made(store, "job-one-0001", "a kite", ["red", "blue", "green"], board.id)
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # after the first image

    result = export_board(store, board.id, tmp_path, cancelled=cancelled)
    assert result is not None and result.cancelled and len(result.written) == 1
    assert len(list(result.folder.iterdir())) == 1


def test_a_full_disk_is_said_with_how_far_it_got(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = add_board(store, "Posters")
    ids = made(store, "job-one-0001", "a kite", ["red", "blue", "green"], board.id)
    real_write = export.write_durably
    calls: list[Path] = []

    def filling(path: Path, data: bytes) -> Path:
        calls.append(path)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(path, data)

    monkeypatch.setattr(export, "write_durably", filling)
    with pytest.raises(BoardExportError) as caught:
        export_board(store, board.id, tmp_path)
    assert (caught.value.reason, caught.value.done, caught.value.total) == ("full", 1, 3)
    assert caught.value.folder == tmp_path / "Posters"
    assert all(store.image(image_id).result.path.is_file() for image_id in ids)  # kept


def test_a_folder_that_cannot_be_written_is_said(store: Store, tmp_path: Path) -> None:
    board = add_board(store, "Posters")
    made(store, "job-one-0001", "a kite", ["red"], board.id)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(BoardExportError) as caught:
        export_board(store, board.id, blocker)
    assert caught.value.reason == "unwritable" and caught.value.done == 0


def test_folder_names_are_safe_everywhere() -> None:
    assert folder_name("客户 A") == "客户 A"
    assert folder_name("a/b\\c:d*e?") == "a-b-c-d-e-"
    assert folder_name("...") == "board"
    assert folder_name("  ") == "board"
    assert folder_name("con") == "con-board"
    assert folder_name("Client.") == "Client"
