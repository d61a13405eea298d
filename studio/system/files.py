"""Writing result files so that a crash never leaves a half-written image visible."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


def slug(text: str, limit: int = 40) -> str:
    """A file-name-safe short form of ``text`` (letters of any script kept)."""
    words = _NOT_WORD.sub("-", text.strip().lower()).strip("-_")
    return words[:limit].rstrip("-_") or "image"


def write_durably(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file, fsync it, then rename it into place.

    Never replaces an existing file: a counter is added to the name instead. Returns the path
    actually written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=".partial-", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        target = path
        counter = 1
        while True:
            try:
                os.link(temporary, target)  # fails if the name is taken: never overwrite
                break
            except FileExistsError:
                counter += 1
                target = path.with_name(f"{path.stem}-{counter}{path.suffix}")
            except OSError:  # no hard links here (some file systems): fall back to rename
                if target.exists():
                    counter += 1
                    target = path.with_name(f"{path.stem}-{counter}{path.suffix}")
                    continue
                os.replace(temporary, target)
                break
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    fsync_directory(path.parent)
    return target


def fsync_directory(directory: Path) -> None:
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not possible on this platform (Windows): the file itself is synced
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
