"""A board's images exported as a folder, ``<chosen folder>/<board name>/``, each file with its
provenance (:func:`studio.engine.export.export_image`: a PNG text chunk, JPEG XMP or a sidecar).

Two steps, so a caller can keep the history's thread free: :func:`board_images` reads the
history, :func:`write_board` writes the files (slow: call it on a worker thread). Nothing is
lost when writing fails: the history keeps the originals; :class:`BoardExportError` says why
(a full disk, a folder that cannot be written) and how far it got. Exporting a board again
into the same folder writes only the images not there yet.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from studio.engine.export import ExportedImage, export_image, export_name, exported_file
from studio.store.boards import Board
from studio.store.history import Filters, ImageRecord, JobRecord, Store

PAGE = 500
Reason = Literal["full", "unwritable", "failed"]
Progress = Callable[[int, int], None]  # (images done, images in all)

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10))}
_RESERVED |= {f"LPT{n}" for n in range(1, 10)}
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_UNWRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EEXIST}


@dataclass(frozen=True)
class BoardImages:
    """A board and its images (newest first), each with the job that made it."""

    board: Board
    items: list[tuple[JobRecord, ImageRecord]] = field(default_factory=list)


@dataclass(frozen=True)
class BoardExport:
    folder: Path  # <chosen folder>/<board name>
    written: list[ExportedImage]
    already_there: int = 0  # exported before into this folder: left as they were
    missing: int = 0  # their file is gone from the history's folder: nothing to write
    cancelled: bool = False

    @property
    def done(self) -> int:
        return len(self.written) + self.already_there


class BoardExportError(Exception):
    """Writing stopped: ``reason`` full | unwritable | failed. ``done`` of ``total`` images
    were in the folder by then; the history still holds every original."""

    def __init__(self, reason: Reason, folder: Path, done: int, total: int, cause: str) -> None:
        super().__init__(f"{reason}: {cause}")
        self.reason: Reason = reason
        self.folder = folder
        self.done = done
        self.total = total
        self.cause = cause


def folder_name(board_name: str) -> str:
    """The board's name as a folder name on any system (letters of any script kept)."""
    name = _UNSAFE.sub("-", board_name).strip().rstrip(". ").lstrip(".").strip()
    if not name:
        return "board"
    if name.split(".")[0].upper() in _RESERVED:
        return f"{name}-board"
    return name


def board_images(store: Store, board_id: int) -> BoardImages | None:
    """The board's untrashed images with their jobs; None when there is no such board."""
    rows = store._query("SELECT id, name, created_at FROM boards WHERE id = ?", (board_id,))
    if not rows:
        return None
    board = Board(rows[0]["id"], rows[0]["name"], rows[0]["created_at"])
    images: list[ImageRecord] = []
    before: tuple[float, int] | None = None
    while True:
        page = store.list_images(Filters(board_id=board_id), limit=PAGE, before=before)
        images.extend(page)
        if len(page) < PAGE:
            break
        before = (page[-1].created_at, page[-1].id)
    jobs: dict[str, JobRecord | None] = {}
    items = []
    for image in images:
        if image.job_id not in jobs:
            jobs[image.job_id] = store.get(image.job_id)
        record = jobs[image.job_id]
        if record is not None:
            items.append((record, image))
    return BoardImages(board, items)


def write_board(
    found: BoardImages,
    parent: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BoardExport:
    """Write the board's images into ``parent/<board name>/``. ``progress`` hears (done, total)
    after each image; ``cancelled`` is asked before each (what was written stays)."""
    folder = parent / folder_name(found.board.name)
    total = len(found.items)
    written: list[ExportedImage] = []
    already_there = missing = 0
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _failure(error, folder, 0, total) from error
    for record, image in found.items:
        if cancelled is not None and cancelled():
            return BoardExport(folder, written, already_there, missing, cancelled=True)
        source = exported_file(image)
        if source is None or not source.is_file():
            missing += 1
        elif (folder / export_name(record, image)).exists():
            already_there += 1
        else:
            try:
                written.append(export_image(record, image, folder))
            except OSError as error:
                raise _failure(error, folder, len(written) + already_there, total) from error
        if progress is not None:
            progress(len(written) + already_there + missing, total)
    return BoardExport(folder, written, already_there, missing)


def export_board(
    store: Store,
    board_id: int,
    parent: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BoardExport | None:
    """Both steps at once (None: no such board)."""
    found = board_images(store, board_id)
    if found is None:
        return None
    return write_board(found, parent, progress=progress, cancelled=cancelled)


def _failure(error: OSError, folder: Path, done: int, total: int) -> BoardExportError:
    reason: Reason = "failed"
    if error.errno in _FULL:
        reason = "full"
    elif error.errno in _UNWRITABLE or isinstance(error, PermissionError):
        reason = "unwritable"
    return BoardExportError(reason, folder, done, total, error.strerror or str(error))
