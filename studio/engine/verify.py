"""Result checks (protocol.md §10): relays drop fields and ignore masks, so look at the pixels."""

from __future__ import annotations

from io import BytesIO

from PIL import Image

from studio.domain.i18n import QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.notice import Notice
from studio.domain.request import GenerationRequest
from studio.engine.prepare import Prepared
from studio.imaging import checks
from studio.imaging.results import ValidatedImage
from studio.imaging.uploads import Placement

MASK_CHANGE_WARNING = 0.02  # warn when more than 2 % of the pixels outside the mask changed

MSG_MASK_IGNORED = QT_TRANSLATE_NOOP(
    WARNINGS,
    "{percent}% of the pixels outside the mask changed: the relay may have ignored the mask. "
    "“Keep original outside the mask” repairs it.",
)


def verify_result(
    request: GenerationRequest, image: ValidatedImage, prepared: Prepared | None
) -> list[Notice]:
    """Warnings for one saved result: size/ratio not as asked, pixels changed outside the mask."""
    if prepared is None:
        return []
    notices: list[Notice] = []
    params = prepared.wire.params
    if notice := checks.ratio_check(
        image.width, image.height, params.expected_ratio, params.expected_size
    ):
        notices.append(notice)
    if request.mask is not None and prepared.loaded:
        with Image.open(BytesIO(image.data)) as result_image:
            area = source_area(result_image, prepared.placements[0])
            share = checks.changed_outside_mask(prepared.loaded[0].image, area, request.mask)
        if share > MASK_CHANGE_WARNING:
            notices.append(
                Notice("mask_ignored", MSG_MASK_IGNORED, {"percent": round(share * 100, 1)})
            )
    return notices


def source_area(result: Image.Image, placement: Placement) -> Image.Image:
    """The part of a result that covers the source (padding for square-only models cut away)."""
    if placement.canvas_size == placement.size:
        return result
    scale_x = result.width / placement.canvas_size[0]
    scale_y = result.height / placement.canvas_size[1]
    left, top, right, bottom = placement.box
    return result.crop(
        (
            round(left * scale_x),
            round(top * scale_y),
            round(right * scale_x),
            round(bottom * scale_y),
        )
    )
