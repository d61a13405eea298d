"""Which studio process runs a job, and whether that process is still alive.

Recovery after a crash must not touch jobs that another running studio (the window and a script
at the same time) is working on. Each process holds an exclusive lock on
``<data dir>/running/<owner>.lock`` for as long as it lives; the operating system releases it
when the process dies, however it dies. A lock that can be taken belongs to a dead process.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path
from typing import IO

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


class Ownership:
    """This process's claim on the jobs it runs."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / "running"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.name = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._handle: IO[bytes] | None = (self.folder / f"{self.name}.lock").open("wb")
        if not _try_lock(self._handle):
            raise RuntimeError("could not lock this process's ownership file")

    def is_alive(self, owner: str | None) -> bool:
        """Whether the process that owns a job still runs (this one included)."""
        if not owner:
            return False
        if owner == self.name:
            return True
        path = self.folder / f"{Path(owner).name}.lock"
        try:
            handle = path.open("r+b")
        except OSError:
            return False  # no lock file: its process is long gone
        with handle:
            if not _try_lock(handle):
                return True
        path.unlink(missing_ok=True)  # we could lock it: its process is dead
        return False

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            (self.folder / f"{self.name}.lock").unlink(missing_ok=True)
            self._handle = None
