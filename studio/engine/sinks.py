"""Result sinks: where the runner puts saved images."""

from __future__ import annotations

from pathlib import Path

from studio.domain.job import Job
from studio.domain.notice import Notice
from studio.domain.results import ImageResult
from studio.imaging.results import ValidatedImage
from studio.protocols.base import RawImage
from studio.store.history import Store
from studio.system.files import slug, write_durably


class DirectorySink:
    """Writes each result into one folder, named after the prompt, original bytes untouched."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory.expanduser().absolute()

    def save(
        self,
        job: Job,
        index: int,
        image: ValidatedImage,
        raw: RawImage,
        warnings: tuple[Notice, ...] = (),
        *,
        kept: Path | None = None,
    ) -> ImageResult:
        del kept  # a folder of exports gets its own copy
        own = image.original
        path = self.keep_as_is(
            job,
            index,
            own.data if own else image.data,
            own.extension if own else image.extension,
        )
        return ImageResult(
            index=index,
            sha256=image.sha256,
            width=image.width,
            height=image.height,
            mime=own.mime if own else image.mime,
            size_bytes=len(image.data),
            source=raw.source,
            path=path,
            url=raw.url if raw.url and not raw.url.startswith("data:") else None,
            revised_prompt=raw.revised_prompt,
            warnings=warnings,
        )

    def keep_as_is(self, job: Job, index: int, data: bytes, extension: str) -> Path:
        name = f"{slug(job.request.prompt)}-{job.id[-8:]}-{index + 1}.{extension}"
        return write_durably(self.directory / name, data)


class StoreSink:
    """Writes results into the history: blob fsync'ed first, then its row committed."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def save(
        self,
        job: Job,
        index: int,
        image: ValidatedImage,
        raw: RawImage,
        warnings: tuple[Notice, ...] = (),
        *,
        kept: Path | None = None,
    ) -> ImageResult:
        url = raw.url if raw.url and not raw.url.startswith("data:") else None
        return self.store.save_result(
            job, index, image, raw.source, url, raw.revised_prompt, warnings, kept=kept
        )

    def keep_as_is(self, job: Job, index: int, data: bytes, extension: str) -> Path:
        del job, index  # content-addressed: the bytes name the file
        return self.store.blobs.put(data, extension)[1]
