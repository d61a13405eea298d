"""Restore from an image: the settings a studio image carries, ready to compose again.

One use-case for the window (an image dropped on it) and the CLI (``generate --from-image``):

    restored = restore_from_image(path, store.blobs)   # on a worker thread: it reads files
    restored.request        # GenerationRequest: the settings + the references found again
    restored.settings       # the same settings as GenerationRequest keywords (to override)
    restored.references     # the references found in this history by their digests, in order
    restored.missing        # how many references this history does not have
    restored.notes          # Notices to show: values left out, then missing references
    restored.profile        # the relay profile's name the image was made with ("" unknown)

Only the studio's own settings come back, each checked (:meth:`Provenance.restore`): never
relay ``extra`` fields, a follow-up that needs a Midjourney task, or a value of the wrong type.
The mask is not restored (it is sized for one picture; paint it again).

Raises :class:`InputError`: :data:`MSG_NO_PROVENANCE` when the file carries no studio settings,
or the provenance reader's error naming the file when it cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.notice import Notice
from studio.domain.request import GenerationRequest, Reference
from studio.imaging import provenance
from studio.store.blobs import BlobStore

MSG_NO_PROVENANCE = QT_TRANSLATE_NOOP(
    ERRORS, "“{name}” carries no studio settings (it was not made or exported by the studio)."
)
MSG_REFS_MISSING = QT_TRANSLATE_NOOP(
    WARNINGS,
    "{count} reference image(s) of “{name}” are not in this history; add them again to use them.",
)


@dataclass(frozen=True)
class Restored:
    """What an image's provenance gives back (see the module's docstring)."""

    settings: dict[str, Any] = field(hash=False)
    references: tuple[Reference, ...] = ()
    missing: int = 0
    notes: tuple[Notice, ...] = ()
    profile: str = ""

    @property
    def request(self) -> GenerationRequest:
        return replace(GenerationRequest(**self.settings), references=self.references)


def restore_from_image(path: Path, blobs: BlobStore) -> Restored:
    """The settings saved in the studio image at ``path``, its references found again in
    ``blobs`` (the history's files) by their digests. Reads files: not on the event loop."""
    given = str(path)
    path = Path(path).expanduser()
    found = provenance.read(path)
    if found is None:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_NO_PROVENANCE, name=given)
    settings, notes = found.restore()  # the studio's own settings only, each checked
    references: list[Reference] = []
    for number, digest in enumerate(found.references, start=1):
        blob = blobs.find(digest)
        if blob is not None:
            references.append(Reference(name=f"reference {number}{blob.suffix}", path=blob))
    missing = len(found.references) - len(references)
    if missing:
        notes.append(
            Notice("refs_missing", MSG_REFS_MISSING, {"count": missing, "name": path.name})
        )
    return Restored(
        settings=settings,
        references=tuple(references),
        missing=missing,
        notes=tuple(notes),
        profile=found.profile,
    )
