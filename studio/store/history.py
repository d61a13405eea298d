"""The history: every job, its inputs and its images, in SQLite beside a blob store.

All methods are synchronous and thread-safe (one connection behind a lock); the engine calls
them from worker threads. Order of persistence is the callers' promise (see engine.manager):
inputs and the job row before the request leaves, the task id as soon as it arrives, image bytes
fsync'ed before their row is committed.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.domain.job import Job, JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.notice import Notice
from studio.domain.redact import redact
from studio.domain.request import GenerationRequest, Mask, Reference
from studio.domain.results import ImageResult, Usage
from studio.imaging.sizes import THUMBNAIL_SIZES
from studio.store.blobs import BlobStore
from studio.store.codec import (
    InputRecord,
    dump,
    error_from_json,
    error_to_json,
    notices_from_json,
    notices_to_json,
    reference_from_record,
    request_from_params,
    request_to_params,
)
from studio.store.database import BUSY_TIMEOUT, connect, is_busy

if TYPE_CHECKING:  # Pillow loads when images are handled, not when the history opens
    from studio.imaging.results import ValidatedImage

log = logging.getLogger(__name__)

THUMBNAIL_SIZE = THUMBNAIL_SIZES[0]
LOCK_PATIENCE = 600.0  # how long a write waits for another program's lock, busy time-out included


class HistoryBusyError(RuntimeError):
    """Another program kept the history database locked for longer than the patience."""


DATABASE_NAME = "history.sqlite3"
UNFINISHED = tuple(s.value for s in JobState if not s.is_terminal)
PAGE = 50


@dataclass(frozen=True)
class ImageRecord:
    id: int
    job_id: str
    result: ImageResult  # path: the original bytes in the blob store
    created_at: float
    favourite: bool = False
    trashed_at: float | None = None
    kind: str = "result"  # result | composite
    derived_from: int | None = None
    board_id: int | None = None


@dataclass
class JobRecord:
    job: Job
    updated_at: float
    trashed_at: float | None = None
    owner: str | None = None
    retry_of: str | None = None
    inputs: list[InputRecord] = field(default_factory=list)
    images: list[ImageRecord] = field(default_factory=list)


@dataclass(frozen=True)
class Filters:
    """What the history shows: every field narrows the list."""

    search: str | None = None
    status: str | None = None
    model: str | None = None
    profile: str | None = None
    favourites: bool = False
    since: float | None = None
    until: float | None = None
    trashed: bool = False  # True: only what is in the trash
    run_id: str | None = None  # the jobs of one compare or batch
    board_id: int | None = None  # a board's images (and the jobs that made them)
    no_board: bool = False  # on no board (a job: nor any of its images); board_id wins


def _uses_index(filters: Filters) -> bool:
    """The trigram index finds any substring of three characters or more."""
    return filters.search is not None and len(filters.search.strip()) >= 3


class Store:
    def __init__(
        self,
        data_dir: Path,
        *,
        busy_timeout: float = BUSY_TIMEOUT,
        patience: float = LOCK_PATIENCE,
    ) -> None:
        self.data_dir = data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.blobs = BlobStore(data_dir / "blobs")
        self.thumbnails_dir = data_dir / "thumbnails"
        self.patience = patience
        self._closing = threading.Event()
        self._lock = threading.RLock()
        self._db = connect(data_dir / DATABASE_NAME, busy_timeout=busy_timeout)
        self.blobs.sweep_partials()

    def close(self) -> None:
        self.stop_waiting()
        with self._lock:
            self._db.close()

    def stop_waiting(self) -> None:
        """Writes waiting for another program's lock give up now (the studio is closing)."""
        self._closing.set()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction. When another program holds the database longer than the busy
        time-out, keep trying for ``patience`` seconds (then :class:`HistoryBusyError`)."""
        with self._lock:
            self._begin()
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _begin(self) -> None:
        waited_since = time.monotonic()
        pause = 0.05
        while True:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not is_busy(error):
                    raise
                if self._closing.is_set() or time.monotonic() - waited_since > self.patience:
                    raise HistoryBusyError(str(error)) from error
                log.warning("the history is locked by another program; waiting (%s)", error)
            if self._closing.wait(pause):
                raise HistoryBusyError("the studio is closing")
            pause = min(pause * 2, 2.0)

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    # -- inputs ----------------------------------------------------------------------------

    def store_inputs(
        self, request: GenerationRequest
    ) -> tuple[GenerationRequest, list[InputRecord]]:
        """Copy every local reference and the mask into the blob store (fsync'ed).

        Returns the request pointing at those copies (so what is sent is exactly what was
        kept) and the records to save with the job. An unreadable file raises InputError.
        """
        from studio.imaging.inputs import read_source

        references: list[Reference] = []
        records: list[InputRecord] = []
        for position, reference in enumerate(request.references):
            if reference.is_remote:
                references.append(reference)
                records.append(
                    InputRecord("reference", position, reference.name, url=reference.url)
                )
                continue
            source = reference.data if reference.data is not None else reference.path
            assert source is not None
            data = read_source(source, reference.name)
            suffix = Path(reference.name).suffix.lstrip(".").lower() or "bin"
            sha, path = self.blobs.put(data, suffix[:8])
            references.append(Reference(name=reference.name, path=path))
            records.append(InputRecord("reference", position, reference.name, sha))
        if request.mask is not None:
            sha, _ = self.blobs.put(request.mask.png, "png")
            mask = request.mask
            records.append(
                InputRecord("mask", 0, mask.name, sha, width=mask.width, height=mask.height)
            )
        markup = request.markup
        if markup is not None and markup.is_remote:
            records.append(InputRecord("markup", 0, markup.name, url=markup.url))
        elif markup is not None:
            source = markup.data if markup.data is not None else markup.path
            assert source is not None
            sha, path = self.blobs.put(read_source(source, markup.name), "png")
            markup = Reference(name=markup.name, path=path)
            records.append(InputRecord("markup", 0, markup.name, sha))
        return replace(request, references=tuple(references), markup=markup), records

    def _rebuild_request(self, params: str, inputs: list[InputRecord]) -> GenerationRequest:
        references = tuple(
            reference_from_record(record, self.blobs.find(record.sha256) if record.sha256 else None)
            for record in inputs
            if record.role == "reference"
        )
        mask = None
        for record in inputs:
            if record.role == "mask" and record.sha256:
                path = self.blobs.find(record.sha256)
                if path is not None:
                    mask = Mask(
                        path.read_bytes(), record.width or 0, record.height or 0, record.name
                    )
        markup = next(
            (
                reference_from_record(r, self.blobs.find(r.sha256) if r.sha256 else None)
                for r in inputs
                if r.role == "markup"
            ),
            None,
        )
        return request_from_params(params, references, mask, markup)

    # -- jobs ------------------------------------------------------------------------------

    def create_job(
        self,
        job: Job,
        inputs: Iterable[InputRecord] = (),
        *,
        owner: str | None = None,
        retry_of: str | None = None,
    ) -> None:
        now = time.time()
        request = job.request
        with self._transaction() as db:
            db.execute(
                """INSERT INTO jobs (id, created_at, updated_at, profile, model, protocol, prompt,
                       params, state, task_id, progress, error, usage, warnings, answer_text, meta,
                       resumable, owner, retry_of, run_id, run_index, board_id)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                       (SELECT id FROM boards WHERE id = ?))""",  # a board removed: on none
                (
                    job.id,
                    job.created_at,
                    now,
                    job.profile_name,
                    request.model,
                    job.protocol.value if job.protocol else None,
                    request.prompt,
                    request_to_params(request),
                    *_progress_values(job),
                    owner,
                    retry_of,
                    job.run_id,
                    job.run_index,
                    job.board_id,
                ),
            )
            db.executemany(
                """INSERT INTO job_inputs (job_id, role, position, name, sha256, url, width, height)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    (job.id, r.role, r.position, r.name, r.sha256, r.url, r.width, r.height)
                    for r in inputs
                ],
            )

    def update_job(self, job: Job, *, owner: str | None = None) -> None:
        """Persist everything about ``job`` that changes while it runs."""
        with self._transaction() as db:
            db.execute(
                """UPDATE jobs SET updated_at = ?, protocol = ?, state = ?, task_id = ?,
                       progress = ?, error = ?, usage = ?, warnings = ?, answer_text = ?, meta = ?,
                       resumable = ?, owner = COALESCE(?, owner)
                   WHERE id = ?""",
                (
                    time.time(),
                    job.protocol.value if job.protocol else None,
                    *_progress_values(job),
                    owner,
                    job.id,
                ),
            )

    def save_result(
        self,
        job: Job,
        index: int,
        image: ValidatedImage,
        source: str,
        url: str | None,
        revised_prompt: str | None,
        warnings: tuple[Notice, ...] = (),
        *,
        kept: Path | None = None,
    ) -> ImageResult:
        """Bytes to the blob store (fsync'ed), then the image row (committed); in that order.
        ``kept``: the relay's bytes already durable in a file (the result journal's), linked.
        A result shown as a converted copy keeps the relay's own bytes beside it."""
        original_path = None
        if image.original is not None:  # ``kept`` holds the relay's bytes, not the copy
            own = image.original
            original_path = (
                self.blobs.adopt(kept, own.sha256, own.extension)
                if kept is not None
                else self.blobs.put(own.data, own.extension, own.sha256)[1]
            )
            sha, path = self.blobs.put(image.data, image.extension, image.sha256)
        elif kept is not None:
            sha, path = image.sha256, self.blobs.adopt(kept, image.sha256, image.extension)
        else:
            sha, path = self.blobs.put(image.data, image.extension, image.sha256)
        result = ImageResult(
            index=index,
            sha256=sha,
            width=image.width,
            height=image.height,
            mime=image.mime,
            size_bytes=len(image.data),
            source=source,
            path=path,
            url=url,
            revised_prompt=revised_prompt,
            warnings=warnings,
            original=original_path,
        )
        return replace(result, id=self._insert_image(job.id, result))

    def _insert_image(
        self,
        job_id: str,
        result: ImageResult,
        *,
        kind: str = "result",
        derived_from: int | None = None,
    ) -> int:
        extension = result.path.suffix.lstrip(".") if result.path else "png"
        with self._transaction() as db:
            cursor = db.execute(
                """INSERT INTO images (job_id, position, sha256, extension, mime, width, height,
                       size_bytes, source, url, revised_prompt, warnings, created_at, kind,
                       derived_from, original)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    job_id,
                    result.index,
                    result.sha256,
                    extension,
                    result.mime,
                    result.width,
                    result.height,
                    result.size_bytes,
                    result.source,
                    redact(result.url) if result.url else None,  # a presigned link's sig
                    result.revised_prompt,
                    notices_to_json(result.warnings),
                    time.time(),
                    kind,
                    derived_from,
                    result.original.name if result.original else None,
                ),
            )
            return int(cursor.lastrowid or 0)

    def add_derived_image(
        self, source: ImageRecord, image: ValidatedImage, warnings: Sequence[Any] = ()
    ) -> ImageRecord:
        """A new image made from ``source`` (e.g. the original kept outside the mask)."""
        sha, path = self.blobs.put(image.data, image.extension, image.sha256)
        result = ImageResult(
            index=source.result.index,
            sha256=sha,
            width=image.width,
            height=image.height,
            mime=image.mime,
            size_bytes=len(image.data),
            source="composite",
            path=path,
            warnings=tuple(warnings),
        )
        image_id = self._insert_image(
            source.job_id, result, kind="composite", derived_from=source.id
        )
        record = self.image(image_id)
        assert record is not None
        return record

    # -- reading ---------------------------------------------------------------------------

    def get(self, job_id: str) -> JobRecord | None:
        rows = self._query("SELECT * FROM jobs WHERE id = ?", (job_id,))
        return self._records(rows)[0] if rows else None

    def find_job(self, prefix: str) -> JobRecord | None:
        """A job by its id or an unambiguous prefix of it (as people type them)."""
        if found := self.get(prefix):
            return found
        rows = self._query("SELECT * FROM jobs WHERE id LIKE ? || '%' LIMIT 2", (prefix,))
        return self._records(rows)[0] if len(rows) == 1 else None

    def image(self, image_id: int) -> ImageRecord | None:
        rows = self._query("SELECT * FROM images WHERE id = ?", (image_id,))
        return self._image(rows[0]) if rows else None

    def list_jobs(
        self,
        filters: Filters = Filters(),
        *,
        limit: int = PAGE,
        before: tuple[float, str] | None = None,
    ) -> list[JobRecord]:
        """Newest first; ``before`` = (created_at, id) of the last job of the previous page."""
        where, params = self._job_filters(filters)
        if before is not None:
            where.append("(j.created_at, j.id) < (?, ?)")
            params.extend(before)
        source, order = "jobs j", "j.created_at DESC, j.id DESC"
        if _uses_index(filters):  # walk the search index newest first, stop at the page's end
            source, order = "prompts p CROSS JOIN jobs j ON j.id = p.job_id", "p.rowid DESC"
        sql = f"SELECT j.* FROM {source} WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?"
        return self._records(self._query(sql, [*params, limit]))

    def list_images(
        self,
        filters: Filters = Filters(),
        *,
        limit: int = PAGE,
        before: tuple[float, int] | None = None,
    ) -> list[ImageRecord]:
        """Images newest first (the gallery), filtered through their jobs."""
        where, params = self._job_filters(filters, images=True)
        if before is not None:
            where.append("(i.created_at, i.id) < (?, ?)")
            params.extend(before)
        source = "images i JOIN jobs j ON j.id = i.job_id"
        order = "i.created_at DESC, i.id DESC"
        if _uses_index(filters):
            source = (
                "prompts p CROSS JOIN jobs j ON j.id = p.job_id CROSS JOIN images i"
                " ON i.job_id = j.id"
            )
            order = "p.rowid DESC, i.id DESC"
        sql = f"SELECT i.* FROM {source} WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?"
        return [self._image(row) for row in self._query(sql, [*params, limit])]

    def count_images(self, filters: Filters = Filters()) -> int:
        where, params = self._job_filters(filters, images=True)
        source = "images i JOIN jobs j ON j.id = i.job_id"
        if _uses_index(filters):
            source = (
                "prompts p CROSS JOIN jobs j ON j.id = p.job_id JOIN images i ON i.job_id = j.id"
            )
        sql = f"SELECT COUNT(*) FROM {source} WHERE {' AND '.join(where)}"
        return int(self._query(sql, params)[0][0])

    def models_and_profiles(self) -> tuple[list[str], list[str]]:
        """The models and profiles the (untrashed) history holds, for filter pickers."""
        rows = self._query("SELECT DISTINCT model, profile FROM jobs WHERE trashed_at IS NULL")
        models = sorted({row[0] for row in rows if row[0]}, key=str.casefold)
        profiles = sorted({row[1] for row in rows if row[1]}, key=str.casefold)
        return models, profiles

    def unfinished(self) -> list[JobRecord]:
        """Jobs a stopped studio left running, and jobs that ended resumable, oldest first."""
        marks = ",".join("?" * len(UNFINISHED))
        rows = self._query(
            f"SELECT * FROM jobs WHERE state IN ({marks}) OR resumable = 1 ORDER BY created_at",
            UNFINISHED,
        )
        return self._records(rows)

    def _job_filters(
        self, filters: Filters, *, images: bool = False
    ) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        trashed_column = "i.trashed_at" if images else "j.trashed_at"
        if filters.trashed:
            where.append(f"({trashed_column} IS NOT NULL OR j.trashed_at IS NOT NULL)")
        else:
            where.append("j.trashed_at IS NULL")
            if images:
                where.append("i.trashed_at IS NULL")
        if filters.search and filters.search.strip():
            text = filters.search.strip()
            if _uses_index(filters):
                where.append("prompts MATCH ?")
                params.append('"' + text.replace('"', '""') + '"')
            else:
                where.append("j.prompt LIKE ? ESCAPE '\\'")
                escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                params.append(f"%{escaped}%")
        for column, value in (
            ("j.state", filters.status),
            ("j.model", filters.model),
            ("j.profile", filters.profile),
        ):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        if filters.run_id:
            where.append("j.run_id = ?")
            params.append(filters.run_id)
        if filters.board_id is not None:
            if images:
                where.append("i.board_id = ?")
                params.append(filters.board_id)
            else:
                where.append(
                    "(j.board_id = ? OR EXISTS (SELECT 1 FROM images b"
                    " WHERE b.job_id = j.id AND b.board_id = ?))"
                )
                params.extend([filters.board_id, filters.board_id])
        elif filters.no_board:
            where.append(
                "i.board_id IS NULL"
                if images
                else "(j.board_id IS NULL AND NOT EXISTS (SELECT 1 FROM images b"
                " WHERE b.job_id = j.id AND b.board_id IS NOT NULL))"
            )
        time_column = "i.created_at" if images else "j.created_at"
        if filters.since is not None:
            where.append(f"{time_column} >= ?")
            params.append(filters.since)
        if filters.until is not None:
            where.append(f"{time_column} < ?")
            params.append(filters.until)
        if filters.favourites:
            where.append(
                "i.favourite = 1"
                if images
                else "EXISTS (SELECT 1 FROM images f WHERE f.job_id = j.id AND f.favourite = 1)"
            )
        return where, params

    def _records(self, rows: list[sqlite3.Row]) -> list[JobRecord]:
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        marks = ",".join("?" * len(ids))
        inputs: dict[str, list[InputRecord]] = {}
        for row in self._query(
            f"SELECT * FROM job_inputs WHERE job_id IN ({marks}) ORDER BY role DESC, position", ids
        ):
            inputs.setdefault(row["job_id"], []).append(
                InputRecord(
                    row["role"],
                    row["position"],
                    row["name"],
                    row["sha256"],
                    row["url"],
                    row["width"],
                    row["height"],
                )
            )
        images: dict[str, list[ImageRecord]] = {}
        for row in self._query(
            f"SELECT * FROM images WHERE job_id IN ({marks}) ORDER BY position, id", ids
        ):
            images.setdefault(row["job_id"], []).append(self._image(row))
        return [
            self._record(row, inputs.get(row["id"], []), images.get(row["id"], [])) for row in rows
        ]

    def _record(
        self, row: sqlite3.Row, inputs: list[InputRecord], images: list[ImageRecord]
    ) -> JobRecord:
        job = Job(
            id=row["id"],
            request=self._rebuild_request(row["params"], inputs),
            profile_name=row["profile"],
            protocol=ProtocolId(row["protocol"]) if row["protocol"] else None,
            state=JobState(row["state"]),
            task_id=row["task_id"],
            progress=row["progress"],
            images=[image.result for image in images if image.kind == "result"],
            usage=Usage(json.loads(row["usage"])) if row["usage"] else None,
            warnings=notices_from_json(row["warnings"]),
            error=error_from_json(row["error"]),
            text=row["answer_text"],
            meta=json.loads(row["meta"] or "{}"),
            created_at=row["created_at"],
            resumable=bool(row["resumable"]),
            run_id=row["run_id"],
            run_index=row["run_index"],
            board_id=row["board_id"],
        )
        return JobRecord(
            job, row["updated_at"], row["trashed_at"], row["owner"], row["retry_of"], inputs, images
        )

    def _image(self, row: sqlite3.Row) -> ImageRecord:
        result = ImageResult(
            index=row["position"],
            sha256=row["sha256"],
            width=row["width"],
            height=row["height"],
            mime=row["mime"],
            size_bytes=row["size_bytes"],
            source=row["source"],
            path=self.blobs.path_for(row["sha256"], row["extension"]),
            url=row["url"],
            revised_prompt=row["revised_prompt"],
            warnings=tuple(notices_from_json(row["warnings"])),
            id=row["id"],
            original=self._original_path(row["original"]),
        )
        return ImageRecord(
            row["id"],
            row["job_id"],
            result,
            row["created_at"],
            bool(row["favourite"]),
            row["trashed_at"],
            row["kind"],
            row["derived_from"],
            row["board_id"],
        )

    def _original_path(self, name: str | None) -> Path | None:
        """``<sha256>.<extension>`` of the relay's own bytes, as a path in the blob store."""
        if not name:
            return None
        sha, _, extension = name.partition(".")
        return self.blobs.path_for(sha, extension)

    # -- favourites and trash --------------------------------------------------------------

    def set_favourite(self, image_id: int, favourite: bool = True) -> None:
        with self._transaction() as db:
            db.execute("UPDATE images SET favourite = ? WHERE id = ?", (int(favourite), image_id))

    def trash(self, job_ids: Iterable[str]) -> int:
        return self._set_trashed("jobs", "id", list(job_ids), time.time())

    def restore(self, job_ids: Iterable[str]) -> int:
        ids = list(job_ids)
        count = self._set_trashed("jobs", "id", ids, None)
        self._set_trashed("images", "job_id", ids, None)
        return count

    def trash_images(self, image_ids: Iterable[int]) -> int:
        return self._set_trashed("images", "id", list(image_ids), time.time())

    def restore_images(self, image_ids: Iterable[int]) -> int:
        return self._set_trashed("images", "id", list(image_ids), None)

    def _set_trashed(self, table: str, column: str, ids: list[Any], when: float | None) -> int:
        if not ids:
            return 0
        marks = ",".join("?" * len(ids))
        with self._transaction() as db:
            cursor = db.execute(
                f"UPDATE {table} SET trashed_at = ? WHERE {column} IN ({marks})", [when, *ids]
            )
            return cursor.rowcount

    def purge(self, job_ids: Iterable[str]) -> int:
        """Delete jobs for good, with the files nothing else refers to."""
        ids = list(job_ids)
        if not ids:
            return 0
        marks = ",".join("?" * len(ids))
        with self._transaction() as db:
            hashes = {
                row[0]
                for row in db.execute(
                    f"""SELECT sha256 FROM images WHERE job_id IN ({marks})
                        UNION SELECT substr(original, 1, 64) FROM images
                        WHERE job_id IN ({marks}) AND original IS NOT NULL
                        UNION SELECT sha256 FROM job_inputs
                        WHERE job_id IN ({marks}) AND sha256 IS NOT NULL""",
                    [*ids, *ids, *ids],
                )
            }
            count = db.execute(f"DELETE FROM jobs WHERE id IN ({marks})", ids).rowcount
            still_used = {
                row[0]
                for row in db.execute(
                    "SELECT sha256 FROM images UNION SELECT substr(original, 1, 64) FROM images"
                    " WHERE original IS NOT NULL UNION SELECT sha256 FROM job_inputs"
                    " WHERE sha256 IS NOT NULL"
                )
            }
        for sha in hashes - still_used:
            self.blobs.remove(sha)
            for thumbnail in self.thumbnails_dir.glob(f"*/{sha[:2]}/{sha}.*"):
                thumbnail.unlink(missing_ok=True)
        return count

    def thumbnail(self, image: ImageResult, size: int = THUMBNAIL_SIZE) -> Path:
        """A cached WebP thumbnail of ``image`` (made now if missing). CPU work: call it from a
        worker thread (the UI's thumbnail loader does)."""
        from studio.imaging.thumbnails import make_thumbnail

        assert image.path is not None
        path = self.thumbnails_dir / str(size) / image.sha256[:2] / f"{image.sha256}.webp"
        if not path.is_file():
            make_thumbnail(image.path, path, size)
        return path

    def integrity_check(self) -> str:
        return str(self._query("PRAGMA integrity_check")[0][0])


def _progress_values(job: Job) -> tuple[object, ...]:
    """The columns that change while a job runs: state … meta, then resumable."""
    return (
        job.state.value,
        job.task_id,
        job.progress,
        error_to_json(job.error),
        dump(job.usage.raw) if job.usage else None,
        notices_to_json(job.warnings),
        job.text,
        dump(job.meta),
        int(job.resumable),
    )
