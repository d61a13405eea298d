"""Exporting results: the original bytes plus where they came from (never the key or URL)."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from studio.domain.results import ImageResult
from studio.imaging.provenance import Provenance, embed, sidecar_path
from studio.store.history import ImageRecord, JobRecord, Store
from studio.system.files import slug, write_durably


@dataclass(frozen=True)
class ExportedImage:
    path: Path
    sha256: str  # of the file as written (the original bytes plus the provenance chunk)
    width: int
    height: int
    mime: str


def stored_image(result: ImageResult) -> ExportedImage:
    """An image as it lies in the history (original bytes, no provenance chunk)."""
    assert result.path is not None
    return ExportedImage(result.path, result.sha256, result.width, result.height, result.mime)


def provenance_for(record: JobRecord, image: ImageRecord | None = None) -> Provenance:
    job = record.job
    references = [i.sha256 for i in record.inputs if i.role == "reference" and i.sha256]
    source = None
    if image is not None and image.derived_from is not None:
        source = next(
            (other.result.sha256 for other in record.images if other.id == image.derived_from),
            None,
        )
    return Provenance.from_request(
        job.request,
        job_id=job.id,
        profile=job.profile_name,
        references=references,
        protocol=job.protocol.value if job.protocol else None,
        source_image=source,
    )


def export_name(record: JobRecord, image: ImageRecord) -> str:
    suffix = "-kept" if image.kind == "composite" else ""
    source = exported_file(image)
    extension = source.suffix if source else ".png"
    number = image.result.index + 1
    return f"{slug(record.job.request.prompt)}-{record.job.id[-8:]}-{number}{suffix}{extension}"


def export_image(
    record: JobRecord, image: ImageRecord, folder: Path, name: str | None = None
) -> ExportedImage:
    """Write ``image`` into ``folder`` with its provenance: a PNG text chunk, JPEG XMP, or a
    ``.studio.json`` sidecar for other formats. Pixels are never re-encoded: an image shown as a
    converted copy is exported as the relay's own bytes."""
    source = exported_file(image)
    assert source is not None
    data = source.read_bytes()
    written_bytes, sidecar = embed(data, provenance_for(record, image))
    path = write_durably(folder / (name or export_name(record, image)), written_bytes)
    if sidecar is not None:
        write_durably(sidecar_path(path), sidecar.encode("utf-8"))
    return ExportedImage(
        path.absolute(),
        hashlib.sha256(written_bytes).hexdigest(),
        image.result.width,
        image.result.height,
        image.result.mime
        if source == image.result.path
        else mimetypes.guess_type(source.name)[0] or "application/octet-stream",
    )


def exported_file(image: ImageRecord) -> Path | None:
    """The file an export writes: the relay's own bytes when the history shows a copy."""
    original = image.result.original
    return original if original is not None and original.is_file() else image.result.path


def export_images(store: Store, image_ids: list[int], folder: Path) -> list[ExportedImage]:
    """Export several history images (each with its job's provenance) into ``folder``."""
    exported = []
    for image_id in image_ids:
        image = store.image(image_id)
        record = store.get(image.job_id) if image else None
        if image is not None and record is not None:
            exported.append(export_image(record, image, folder))
    return exported
