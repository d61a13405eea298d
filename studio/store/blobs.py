"""Content-addressed files: every image and input stored once, under its sha256."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from studio.system.files import fsync_directory, write_durably

PARTIAL_PREFIX = ".partial-"


class BlobStore:
    """``root/ab/abcdef….png``: the name is the content's sha256, the extension its format."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha256: str, extension: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.{extension.lstrip('.')}"

    def put(self, data: bytes, extension: str, sha256: str | None = None) -> tuple[str, Path]:
        """Store ``data`` durably (fsync'ed) unless it is already there; (sha256, path)."""
        digest = sha256 or hashlib.sha256(data).hexdigest()
        path = self.path_for(digest, extension)
        if path.is_file() and path.stat().st_size == len(data):
            return digest, path
        written = write_durably(path, data)
        if written != path:  # a same-named file of another size was there: keep ours instead
            os.replace(written, path)
        return digest, path

    def adopt(self, kept: Path, sha256: str, extension: str) -> Path:
        """Store the bytes of ``kept`` (a file already fsync'ed, e.g. in the result journal) as
        a second name for the same file where the file system allows it; a copy otherwise."""
        path = self.path_for(sha256, extension)
        size = kept.stat().st_size
        if path.is_file() and path.stat().st_size == size:
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(kept, path)
        except OSError:  # taken by a damaged file, another device, or no links here
            return self.put(kept.read_bytes(), extension, sha256)[1]
        fsync_directory(path.parent)
        return path

    def find(self, sha256: str) -> Path | None:
        folder = self.root / sha256[:2]
        if not folder.is_dir():
            return None
        for candidate in folder.glob(f"{sha256}.*"):
            return candidate
        return None

    def remove(self, sha256: str) -> None:
        while (path := self.find(sha256)) is not None:
            path.unlink(missing_ok=True)

    def sweep_partials(self, older_than: float = 3600.0) -> int:
        """Delete temporary files a crash left behind (never visible as images)."""
        removed = 0
        cutoff = time.time() - older_than
        for partial in self.root.glob(f"*/{PARTIAL_PREFIX}*"):
            try:
                if partial.stat().st_mtime < cutoff:
                    partial.unlink()
                    removed += 1
            except OSError:
                continue
        return removed
