"""What the detail view makes of the history: what to compare an image with, and the
keep-outside-the-mask repair (asked through the bridge, made on the store's thread)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from studio.store.history import ImageRecord, JobRecord

if TYPE_CHECKING:
    from studio.ui.bridge import EngineBridge

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("DetailSources", text)


@dataclass(frozen=True)
class CompareChoice:
    label: str  # in the combo and on the picture
    path: Path


def compare_choices(image: ImageRecord, record: JobRecord) -> list[CompareChoice]:
    """What this image can be compared with, the most telling first."""
    choices: list[CompareChoice] = []
    by_id = {other.id: other for other in record.images}
    source = by_id.get(image.derived_from) if image.derived_from is not None else None
    if source is not None and source.result.path is not None:
        choices.append(CompareChoice(tr("Original result"), source.result.path))
    for number, reference in enumerate(record.job.request.references, start=1):
        if reference.path is not None:
            choices.append(
                CompareChoice(tr("Reference {number}").format(number=number), reference.path)
            )
    for other in record.images:
        if other.id == image.id or other is source or other.trashed_at is not None:
            continue
        if other.result.path is None:
            continue
        label = (
            tr("Result {number}").format(number=other.result.index + 1)
            if other.kind == "result"
            else tr("Repaired result {number}").format(number=other.result.index + 1)
        )
        choices.append(CompareChoice(label, other.result.path))
    return choices


async def make_composite(bridge: EngineBridge, image_id: int) -> ImageRecord | str:
    """The new image (made on the store's thread), or a sentence saying why not."""
    from studio.engine.composite import NoMaskError

    try:
        return await bridge.keep_outside_mask(image_id)
    except NoMaskError:
        return tr("The original image or the mask of this job is no longer in the history.")
    except Exception:
        log.exception("keep-outside-mask composite failed for image %s", image_id)
        return tr("The new image could not be made. The details are in the log.")
