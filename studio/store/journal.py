"""What a relay delivered, kept from the moment it arrives until it is saved in the history.

A paid answer holds images (bytes, or links that expire). Before anything else happens to them
the journal records each one in ``<spool>/<job id>/journal.json`` (written durably), and the
bytes, once the studio has them, in ``<spool>/<job id>/<n>.<ext>``. An image leaves the journal
only when its row is committed in the history. So a download that fails, a full disk, a locked
database or a crash in between loses nothing: ``resume`` finds the journal and finishes the job
without asking the relay to make anything again.

Roots are tried in order (the data folder's spool first, a folder in the temp dir if that cannot
be written); when none can be written the journal keeps the job in memory, which still lets a
running window save it later.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

log = logging.getLogger(__name__)

JOURNAL = "journal.json"
PENDING, SAVED, GONE = "pending", "saved", "gone"


@dataclass(frozen=True)
class Delivery:
    """One image of a relay's answer, as far as the studio got with it."""

    index: int
    source: str  # b64 | url | inline | markdown
    url: str | None = None  # the link to fetch; None for images that came inside the answer
    mime: str | None = None
    revised_prompt: str | None = None
    kept: str | None = None  # file name of its bytes in the job's spool folder, once had
    state: str = PENDING  # pending | saved | gone (the link expired, the bytes were damaged)

    @property
    def pending(self) -> bool:
        return self.state == PENDING


def fallback_spool() -> Path:
    """A spool in the temp folder, for when the data folder cannot be written."""
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return Path(tempfile.gettempdir()) / f"studio-spool-{user}"


class ResultJournal:
    def __init__(self, roots: Sequence[Path]) -> None:
        self.roots = [Path(root) for root in roots]
        self._lock = threading.Lock()
        self._folders: dict[str, Path | None] = {}  # job id -> its folder (None: in memory)
        self._entries: dict[str, list[Delivery]] = {}
        self._bytes: dict[tuple[str, int], bytes] = {}  # kept in memory only

    # -- writing ---------------------------------------------------------------------------

    def open(self, job_id: str, deliveries: Sequence[Delivery]) -> None:
        """Record what arrived for ``job_id`` (durably, before any download starts)."""
        with self._lock:
            self._entries[job_id] = list(deliveries)
            self._folders[job_id] = None
            for root in self.roots:
                folder = root / job_id
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                    self._write(folder, self._entries[job_id])
                except OSError as error:
                    log.warning("cannot keep results in %s: %s", root, error)
                    shutil.rmtree(folder, ignore_errors=True)
                    continue
                self._folders[job_id] = folder
                return
            log.error("no folder can keep the results of %s: they are kept in memory", job_id)

    def keep(self, job_id: str, index: int, data: bytes, extension: str) -> Path | None:
        """Keep the bytes of image ``index`` (fsync'ed); their file, or None if only in memory."""
        with self._lock:
            entries = self._load_locked(job_id)
            folder = self._folders.get(job_id)
            name = f"{index}.{extension.lstrip('.') or 'bin'}"
            path = None
            for candidate in self._candidates(job_id):
                try:
                    candidate.mkdir(parents=True, exist_ok=True)
                    _write_file(candidate / name, data)
                    if candidate != folder:  # the first folder is full: move the journal along
                        self._write(candidate, entries)
                        self._folders[job_id] = folder = candidate
                    path = candidate / name
                    break
                except OSError as error:
                    log.warning(
                        "cannot keep image %d of %s in %s: %s", index, job_id, candidate, error
                    )
            if path is None:
                self._bytes[(job_id, index)] = data
            self._update_locked(job_id, index, kept=name if path else None)
            return path

    def mark(self, job_id: str, index: int, state: str) -> None:
        """Image ``index`` is saved in the history (or gone for good): forget its bytes."""
        with self._lock:
            self._update_locked(job_id, index, state=state)
            self._bytes.pop((job_id, index), None)
            entries = self._entries.get(job_id, [])
            if entries and not any(entry.pending for entry in entries):
                self._forget_locked(job_id)

    def forget(self, job_id: str) -> None:
        with self._lock:
            self._forget_locked(job_id)

    # -- reading ---------------------------------------------------------------------------

    def pending(self, job_id: str) -> list[Delivery]:
        with self._lock:
            return [entry for entry in self._load_locked(job_id) if entry.pending]

    def read(self, job_id: str, delivery: Delivery) -> tuple[bytes, Path | None] | None:
        """The kept bytes of ``delivery`` and their file (None when only in memory)."""
        with self._lock:
            if (data := self._bytes.get((job_id, delivery.index))) is not None:
                return data, None
            folder = self._folders.get(job_id)
        if folder is None or not delivery.kept:
            return None
        path = folder / delivery.kept
        try:
            return path.read_bytes(), path
        except OSError:
            return None

    def jobs(self) -> list[str]:
        """Every job with an image still waiting to be saved (on disk or in memory)."""
        found: set[str] = set()
        with self._lock:
            found.update(j for j, e in self._entries.items() if any(x.pending for x in e))
        for root in self.roots:
            try:
                children = list(root.iterdir())
            except OSError:
                continue
            for child in children:
                known = child.name in found or not (child / JOURNAL).is_file()
                if not known and self.pending(child.name):
                    found.add(child.name)
        return sorted(found)

    # -- inside the lock -------------------------------------------------------------------

    def _candidates(self, job_id: str) -> list[Path]:
        """The job's folder first, then the same folder under each other root."""
        current = self._folders.get(job_id)
        others = [root / job_id for root in self.roots if root / job_id != current]
        return [current, *others] if current is not None else others

    def _load_locked(self, job_id: str) -> list[Delivery]:
        if job_id in self._entries:
            return self._entries[job_id]
        for root in self.roots:
            folder = root / job_id
            try:
                raw = json.loads((folder / JOURNAL).read_text("utf-8"))
                entries = [Delivery(**item) for item in raw["deliveries"]]
            except FileNotFoundError:
                continue
            except (OSError, ValueError, TypeError, KeyError) as error:
                log.warning("the result journal of %s in %s is unreadable: %s", job_id, root, error)
                continue
            self._entries[job_id] = entries
            self._folders[job_id] = folder
            return entries
        return []

    def _update_locked(self, job_id: str, index: int, **changes: object) -> None:
        entries = self._load_locked(job_id)
        for position, entry in enumerate(entries):
            if entry.index == index:
                entries[position] = replace(entry, **changes)  # type: ignore[arg-type]
        folder = self._folders.get(job_id)
        if folder is not None:
            try:
                self._write(folder, entries)
            except OSError as error:  # the memory copy still knows
                log.warning("cannot update the result journal of %s: %s", job_id, error)

    def _forget_locked(self, job_id: str) -> None:
        self._entries.pop(job_id, None)
        for key in [k for k in self._bytes if k[0] == job_id]:
            del self._bytes[key]
        self._folders.pop(job_id, None)
        for root in self.roots:
            shutil.rmtree(root / job_id, ignore_errors=True)

    @staticmethod
    def _write(folder: Path, entries: list[Delivery]) -> None:
        document = {"deliveries": [asdict(entry) for entry in entries]}
        content = json.dumps(document, ensure_ascii=False).encode("utf-8")
        temporary = folder / f".{JOURNAL}.tmp"
        _write_file(temporary, content)
        os.replace(temporary, folder / JOURNAL)


def _write_file(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
