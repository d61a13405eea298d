"""Ratio, size and resolution: checked against the model and put the way it wants them."""

from __future__ import annotations

import math
import re

from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import FreeSize, ModelSpec, ProtocolId, RatioVia, ResolutionVia
from studio.domain.request import GenerationRequest
from studio.protocols.base import ResolvedParams

LONG_SIDE = {"512": 512, "1K": 1024, "2K": 2048, "3K": 3072, "4K": 4096}
RATIO_TOLERANCE = 0.03  # a size "has" a ratio when W/H is within 3 % of it

_RATIO = re.compile(r"^\s*(\d{1,3})\s*[:/]\s*(\d{1,3})\s*$")
_SIZE = re.compile(r"^\s*(\d{2,5})\s*[x×X*]\s*(\d{2,5})\s*$")

MSG_BAD_RATIO = QT_TRANSLATE_NOOP(ERRORS, "The ratio {value} is not of the form W:H, e.g. 16:9.")
MSG_BAD_SIZE = QT_TRANSLATE_NOOP(ERRORS, "The size {value} is not of the form WxH, e.g. 1024x1536.")
MSG_BAD_RESOLUTION = QT_TRANSLATE_NOOP(ERRORS, "The resolution {value} is not one of {choices}.")
MSG_NO_RATIOS = QT_TRANSLATE_NOOP(
    ERRORS, "{model} has no aspect-ratio setting: its output follows the reference image."
)
MSG_RATIO_UNSUPPORTED = QT_TRANSLATE_NOOP(
    ERRORS, "{model} does not offer the ratio {ratio}. It offers {choices}."
)
MSG_NO_RESOLUTIONS = QT_TRANSLATE_NOOP(ERRORS, "{model} has no resolution setting.")
MSG_RESOLUTION_UNSUPPORTED = QT_TRANSLATE_NOOP(
    ERRORS, "{model} does not offer {resolution}. It offers {choices}."
)
MSG_RESOLUTION_IN_NAME = QT_TRANSLATE_NOOP(
    ERRORS,
    "{model} always makes {fixed} images: the resolution is part of its name. Pick the {wanted} "
    "variant of the model instead.",
)
MSG_NO_SIZES = QT_TRANSLATE_NOOP(
    ERRORS, "{model} takes an aspect ratio, not a size. Use a ratio (and a resolution) instead."
)
MSG_SIZE_UNSUPPORTED = QT_TRANSLATE_NOOP(
    ERRORS, "{model} does not offer the size {size}. It offers {choices}."
)
MSG_FREE_SIZE = QT_TRANSLATE_NOOP(
    ERRORS,
    "{model} cannot make {size}: sides must be multiples of {multiple}, the ratio between "
    "{low} and {high}, and at most {max_pixels} pixels.",
)
MSG_SIZE_RATIO_CLASH = QT_TRANSLATE_NOOP(
    ERRORS, "The size {size} does not have the ratio {ratio}. Give one of them, or matching ones."
)


def parse_ratio(value: str) -> tuple[int, int]:
    match = _RATIO.match(value)
    if not match or int(match[1]) == 0 or int(match[2]) == 0:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_RATIO, value=value)
    return int(match[1]), int(match[2])


def parse_size(value: str) -> tuple[int, int]:
    match = _SIZE.match(value)
    if not match:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_SIZE, value=value)
    return int(match[1]), int(match[2])


def normalise_resolution(value: str) -> str:
    upper = value.strip().upper()
    if upper not in LONG_SIDE:
        raise InputError(
            ErrorKind.INVALID_INPUT, MSG_BAD_RESOLUTION, value=value, choices=", ".join(LONG_SIDE)
        )
    return upper


def same_ratio(width: float, height: float, ratio: tuple[int, int]) -> bool:
    wanted = ratio[0] / ratio[1]
    return abs(width / height - wanted) / wanted <= RATIO_TOLERANCE


def free_size_for(ratio: tuple[int, int], resolution: str, bounds: FreeSize) -> tuple[int, int]:
    """The largest size with ``ratio`` whose long side is the resolution's, within ``bounds``."""
    long_side = LONG_SIDE[resolution]
    w_over_h = ratio[0] / ratio[1]
    width, height = (
        (long_side, long_side / w_over_h) if w_over_h >= 1 else (long_side * w_over_h, long_side)
    )
    shrink = min(
        1.0,
        bounds.max_width / width,
        bounds.max_height / height,
        math.sqrt(bounds.max_pixels / (width * height)),
    )
    width, height = width * shrink, height * shrink
    grow = max(1.0, math.sqrt(bounds.min_pixels / (width * height)))
    width, height = width * grow, height * grow
    step = bounds.multiple_of
    rounded_w = max(step, int(width // step) * step)
    rounded_h = max(step, int(height // step) * step)
    if rounded_w * rounded_h < bounds.min_pixels:  # rounding down fell below the minimum
        rounded_w, rounded_h = rounded_w + step, rounded_h + step
    return rounded_w, rounded_h


def _fits_free_size(size: tuple[int, int], bounds: FreeSize) -> bool:
    width, height = size
    return (
        width % bounds.multiple_of == 0
        and height % bounds.multiple_of == 0
        and bounds.min_ratio - 1e-3 <= width / height <= bounds.max_ratio + 1e-3
        and width <= bounds.max_width
        and height <= bounds.max_height
        and bounds.min_pixels <= width * height <= bounds.max_pixels
    )


def _ratio_text(ratio: tuple[int, int]) -> str:
    return f"{ratio[0]}:{ratio[1]}"


def resolve(request: GenerationRequest, spec: ModelSpec, protocol: ProtocolId) -> ResolvedParams:
    """Check the request's ratio/size/resolution against ``spec``; say how to send them."""
    model = spec.id
    ratio = parse_ratio(request.ratio) if request.ratio else None
    auto_size = request.size is not None and request.size.strip().lower() == "auto"
    size = parse_size(request.size) if request.size and not auto_size else None
    resolution = normalise_resolution(request.resolution) if request.resolution else None

    if resolution:
        if spec.fixed_resolution and resolution != spec.fixed_resolution:
            raise InputError(
                ErrorKind.UNSUPPORTED,
                MSG_RESOLUTION_IN_NAME,
                model=model,
                fixed=spec.fixed_resolution,
                wanted=resolution,
            )
        if not spec.resolutions:
            raise InputError(ErrorKind.UNSUPPORTED, MSG_NO_RESOLUTIONS, model=model)
        if resolution not in spec.resolutions:
            raise InputError(
                ErrorKind.UNSUPPORTED,
                MSG_RESOLUTION_UNSUPPORTED,
                model=model,
                resolution=resolution,
                choices=", ".join(spec.resolutions),
            )
    if ratio and not spec.free_ratio:
        offered = {parse_ratio(r): r for r in spec.ratios}
        if not offered:
            raise InputError(ErrorKind.UNSUPPORTED, MSG_NO_RATIOS, model=model)
        if ratio not in offered:
            raise InputError(
                ErrorKind.UNSUPPORTED,
                MSG_RATIO_UNSUPPORTED,
                model=model,
                ratio=_ratio_text(ratio),
                choices=", ".join(spec.ratios),
            )
    size_text = f"{size[0]}x{size[1]}" if size else None
    if auto_size:
        if "auto" not in spec.sizes:
            raise InputError(
                ErrorKind.UNSUPPORTED,
                MSG_SIZE_UNSUPPORTED,
                model=model,
                size="auto",
                choices=", ".join(spec.sizes) or "-",
            )
        size_text = "auto"
    if size:
        if spec.free_size:
            if not _fits_free_size(size, spec.free_size):
                bounds = spec.free_size
                raise InputError(
                    ErrorKind.UNSUPPORTED,
                    MSG_FREE_SIZE,
                    model=model,
                    size=size_text,
                    multiple=bounds.multiple_of,
                    low=f"{bounds.min_ratio:.2f}",
                    high=f"{bounds.max_ratio:.2f}",
                    max_pixels=bounds.max_pixels,
                )
        elif not spec.sizes or protocol not in (
            ProtocolId.IMAGES,
            ProtocolId.IMAGES_ASYNC,
            ProtocolId.CHAT,
        ):
            raise InputError(ErrorKind.UNSUPPORTED, MSG_NO_SIZES, model=model)
        elif size_text not in spec.sizes:
            raise InputError(
                ErrorKind.UNSUPPORTED,
                MSG_SIZE_UNSUPPORTED,
                model=model,
                size=size_text,
                choices=", ".join(spec.sizes),
            )
        if ratio and not same_ratio(*size, ratio):
            raise InputError(
                ErrorKind.INVALID_INPUT,
                MSG_SIZE_RATIO_CLASH,
                size=size_text,
                ratio=_ratio_text(ratio),
            )

    expected_size = size
    expected_ratio = _ratio_text(ratio) if ratio else None
    if protocol not in (ProtocolId.IMAGES, ProtocolId.IMAGES_ASYNC):
        # gemini, json-edit, chat and midjourney carry a ratio and a resolution of their own.
        return ResolvedParams(
            size=size_text if protocol is ProtocolId.CHAT else None,
            aspect_ratio=expected_ratio,
            image_size=resolution if spec.resolution_via is not ResolutionVia.NAME else None,
            expected_size=expected_size,
            expected_ratio=expected_ratio,
        )

    send_size: str | None = size_text
    send_ratio: str | None = None
    send_image_size: str | None = None
    preset = spec.resolution_via is ResolutionVia.SIZE_PRESET
    if spec.ratio_via is RatioVia.SIZE and not size and not auto_size:
        if preset and resolution and not ratio:
            send_size = resolution  # `size: "2K"`: the model picks the shape (Seedream)
        elif spec.free_size and (ratio or resolution):
            computed = free_size_for(
                ratio or (1, 1), resolution or _default_resolution(spec), spec.free_size
            )
            send_size = f"{computed[0]}x{computed[1]}"
            expected_size = computed
        elif ratio:
            send_size = spec.size_for_ratio.get(_ratio_text(ratio)) or spec.size_for_ratio.get(
                offered_name(spec, ratio) or ""
            )
            if send_size is None:
                raise InputError(
                    ErrorKind.UNSUPPORTED,
                    MSG_RATIO_UNSUPPORTED,
                    model=model,
                    ratio=_ratio_text(ratio),
                    choices=", ".join(spec.size_for_ratio),
                )
            expected_size = parse_size(send_size)
    elif spec.ratio_via is RatioVia.ASPECT_RATIO:
        send_ratio = expected_ratio
    if resolution and spec.resolution_via is ResolutionVia.IMAGE_SIZE:
        send_image_size = resolution
    if expected_size and not expected_ratio:
        divisor = math.gcd(*expected_size)
        expected_ratio = f"{expected_size[0] // divisor}:{expected_size[1] // divisor}"
    return ResolvedParams(
        size=send_size,
        aspect_ratio=send_ratio,
        image_size=send_image_size,
        expected_size=expected_size,
        expected_ratio=expected_ratio,
    )


def _default_resolution(spec: ModelSpec) -> str:
    """The resolution a size is computed for when only a ratio is given."""
    if not spec.resolutions or "1K" in spec.resolutions:
        return "1K"
    return spec.resolutions[0]


def offered_name(spec: ModelSpec, ratio: tuple[int, int]) -> str | None:
    """The catalog's spelling of ``ratio`` (``"16:9"`` for ``(16, 9)``)."""
    for text in spec.ratios:
        if parse_ratio(text) == ratio:
            return text
    return None
