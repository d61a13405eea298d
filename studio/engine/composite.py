"""“Keep the original outside the mask”: the repair for relays that ignore masks."""

from __future__ import annotations

import io

from PIL import Image

from studio.domain.i18n import QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.notice import Notice
from studio.imaging.checks import keep_outside_mask
from studio.imaging.results import validate_result
from studio.store.history import ImageRecord, Store

MSG_COMPOSITE = QT_TRANSLATE_NOOP(
    WARNINGS, "Made from image {number}: the original kept outside the mask (feather {feather} px)."
)


class NoMaskError(ValueError):
    """The image's job had no mask (or its source image is gone)."""


def keep_original_outside_mask(store: Store, image_id: int, feather: float = 4.0) -> ImageRecord:
    """A new gallery image: the result inside the mask, the source outside, feathered edge.

    Linked to ``image_id`` (``derived_from``); the original result is kept untouched.
    CPU work: call it from a worker thread.
    """
    image = store.image(image_id)
    record = store.get(image.job_id) if image else None
    if image is None or record is None:
        raise NoMaskError(image_id)
    request = record.job.request
    mask = request.mask
    source_path = request.references[0].path if request.references else None
    if mask is None or source_path is None or image.result.path is None:
        raise NoMaskError(image_id)
    with Image.open(source_path) as source, Image.open(image.result.path) as result:
        source.load()
        merged = keep_outside_mask(source, result, mask, feather=feather)
    buffer = io.BytesIO()
    merged.save(buffer, "PNG")
    note = Notice(
        "composite", MSG_COMPOSITE, {"number": image.result.index + 1, "feather": round(feather, 1)}
    )
    return store.add_derived_image(image, validate_result(buffer.getvalue()), (note,))
