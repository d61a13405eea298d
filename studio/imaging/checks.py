"""Check a result against the request: size and ratio, changes outside the mask."""

from __future__ import annotations

import math
import re

from PIL import Image, ImageChops, ImageFilter

from studio.domain.i18n import QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.notice import Notice
from studio.domain.request import Mask
from studio.imaging.masks import mask_to_image

SIZE_TOLERANCE = 0.02
_RATIO = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[:x×/]\s*(\d+(?:\.\d+)?)\s*$", re.IGNORECASE)


def parse_ratio(ratio: str | None) -> float | None:
    """Width / height from "16:9", "16x9", "16/9" or "1.78"; None for "auto", "" or nonsense."""
    if not ratio:
        return None
    match = _RATIO.match(ratio)
    try:
        value = float(match.group(1)) / float(match.group(2)) if match else float(ratio)
    except (ValueError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) and value > 0 else None


def ratio_check(
    width: int,
    height: int,
    requested_ratio: str | None,
    requested_size: tuple[int, int] | None,
    tolerance: float = 0.03,
) -> Notice | None:
    """A warning when the returned image is not what was asked, else None.

    ``ratio_mismatch``: the aspect ratio W/H differs from the asked one (``requested_ratio``,
    else the ratio of ``requested_size``) by more than ``tolerance``, relative:
    ``abs(got / asked - 1) > tolerance``. The default 3 % lets through the rounding relays do
    (1344×768 for 16:9 is 1.6 % off, 1184×864 for 4:3 is 2.8 % off) and catches a square or
    flipped image. ``size_mismatch``: an exact size was asked and the width or the height
    differs from it by more than 2 %.
    """
    if width <= 0 or height <= 0:
        return None
    asked = parse_ratio(requested_ratio)
    asked_text = (requested_ratio or "").strip()
    if asked is None and requested_size and requested_size[0] > 0 and requested_size[1] > 0:
        asked = requested_size[0] / requested_size[1]
        asked_text = f"{requested_size[0]}×{requested_size[1]}"
    got = width / height
    if asked is not None and abs(got / asked - 1) > tolerance:
        return Notice(
            "ratio_mismatch",
            QT_TRANSLATE_NOOP(
                WARNINGS,
                "The image came back at {width}×{height} (ratio {got}:1), not in the {asked} "
                "shape that was asked for. The relay may have ignored the setting.",
            ),
            {"width": width, "height": height, "got": f"{got:.2f}", "asked": asked_text},
        )
    if requested_size and requested_size[0] > 0 and requested_size[1] > 0:
        want_w, want_h = requested_size
        if (
            abs(width - want_w) / want_w > SIZE_TOLERANCE
            or abs(height - want_h) / want_h > SIZE_TOLERANCE
        ):
            return Notice(
                "size_mismatch",
                QT_TRANSLATE_NOOP(
                    WARNINGS,
                    "The image came back at {width}×{height} pixels, not the "
                    "{asked_width}×{asked_height} that was asked for.",
                ),
                {"width": width, "height": height, "asked_width": want_w, "asked_height": want_h},
            )
    return None


def _rgb(image: Image.Image) -> Image.Image:
    return image if image.mode == "RGB" else image.convert("RGB")


def _mask_at(mask: Mask, size: tuple[int, int]) -> Image.Image:
    gray = mask_to_image(mask)
    if gray.size != size:
        gray = gray.resize(size, Image.Resampling.BILINEAR)
    return gray


def changed_outside_mask(
    source: Image.Image, result: Image.Image, mask: Mask, *, threshold: int = 24
) -> float:
    """Share (0…1) of the pixels outside the mask (mask < 128) that changed by more than
    ``threshold`` in any channel, compared at the source's size. 0.0 when nothing is outside."""
    src = _rgb(source)
    res = _rgb(result)
    if res.size != src.size:
        res = res.resize(src.size, Image.Resampling.BILINEAR)
    diff = ImageChops.difference(src, res)
    red, green, blue = diff.split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    changed = largest.point(lambda v: 255 if v > threshold else 0)
    outside = _mask_at(mask, src.size).point(lambda v: 255 if v < 128 else 0)
    outside_count = outside.histogram()[255]
    if outside_count == 0:
        return 0.0
    changed_outside = ImageChops.multiply(changed, outside).histogram()[255]
    return changed_outside / outside_count


def _dilate(binary: Image.Image, radius: int) -> Image.Image:
    """Grow the white area of a 0/255 image by ``radius`` pixels (square neighbourhood).

    A box blur of radius ≤ 4 leaves every pixel within reach of a white pixel above zero
    (255 / 9 / 9 ≥ 3 after Pillow's rounding), so repeated small blurs dilate exactly.
    """
    grown = binary
    while radius > 0:
        step = min(4, radius)
        grown = grown.filter(ImageFilter.BoxBlur(step)).point(lambda v: 255 if v > 0 else 0)
        radius -= step
    return grown


def keep_outside_mask(
    source: Image.Image, result: Image.Image, mask: Mask, *, feather: float = 4.0
) -> Image.Image:
    """The result inside the mask, the source outside, blended over a soft edge.

    Works at the source's size (the result is resized if needed). The edge is a Gaussian blur
    of the mask (sigma = feather / 2) cut off at ``feather`` pixels from any marked pixel, so
    pixels further out are exactly the source.
    """
    mode = source.mode if source.mode in ("RGB", "RGBA") else "RGB"
    src = source if source.mode == mode else source.convert(mode)
    res = result if result.mode == mode else result.convert(mode)
    if res.size != src.size:
        res = res.resize(src.size, Image.Resampling.LANCZOS)
    alpha = _mask_at(mask, src.size)
    if feather > 0:
        reach = _dilate(alpha.point(lambda v: 255 if v > 0 else 0), math.ceil(feather))
        blurred = alpha.filter(ImageFilter.GaussianBlur(feather / 2))
        alpha = ImageChops.multiply(blurred, reach)
    return Image.composite(res, src, alpha)
