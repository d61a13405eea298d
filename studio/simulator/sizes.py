"""Working out the pixel size of an answer from size / aspect ratio / resolution fields."""

from __future__ import annotations

import re
from math import gcd

DEFAULT_SIZE = (1024, 1024)
LONG_SIDE = {"512": 512, "1K": 1024, "2K": 2048, "3K": 3072, "4K": 4096}
MAX_SIDE = 8192

_SIZE = re.compile(r"^(\d{1,5})x(\d{1,5})$")
_RATIO = re.compile(r"^(\d{1,3}(?:\.\d+)?):(\d{1,3}(?:\.\d+)?)$")


def parse_size(text: str) -> tuple[int, int] | None:
    """``WxH`` → (w, h); ``auto`` → None; anything else raises ValueError."""
    if text == "auto":
        return None
    match = _SIZE.match(text)
    if not match:
        raise ValueError(f"invalid size {text!r}: expected WIDTHxHEIGHT like 1024x1024, or auto")
    width, height = int(match[1]), int(match[2])
    if not (16 <= width <= MAX_SIDE and 16 <= height <= MAX_SIDE):
        raise ValueError(f"invalid size {text!r}: each side must be between 16 and {MAX_SIDE}")
    return width, height


def parse_ratio(text: str) -> tuple[float, float]:
    match = _RATIO.match(text.strip())
    if not match or float(match[1]) == 0 or float(match[2]) == 0:
        raise ValueError(f"invalid aspect ratio {text!r}: expected W:H like 16:9")
    width, height = float(match[1]), float(match[2])
    if not 1 / 8 <= width / height <= 8:
        raise ValueError(f"invalid aspect ratio {text!r}: must lie between 1:8 and 8:1")
    return width, height


def parse_resolution(text: str) -> int:
    long_side = LONG_SIDE.get(text.strip().upper())
    if long_side is None:
        raise ValueError(f"invalid resolution {text!r}: expected {', '.join(LONG_SIDE)}")
    return long_side


def size_for_ratio(ratio: tuple[float, float], long_side: int) -> tuple[int, int]:
    width, height = ratio
    if width >= height:
        return long_side, _round16(long_side * height / width)
    return _round16(long_side * width / height), long_side


def output_size(
    *,
    size: str | None = None,
    ratio: str | None = None,
    resolution: str | None = None,
    fallback: tuple[int, int] = DEFAULT_SIZE,
) -> tuple[int, int]:
    """The size to render; raises ValueError for a malformed field."""
    if size and size.strip().upper() in LONG_SIDE:  # a preset (Seedream `size: "2K"`)
        size, resolution = None, size
    if size:
        return parse_size(size) or DEFAULT_SIZE
    if not ratio and not resolution:
        return fallback
    long_side = parse_resolution(resolution) if resolution else LONG_SIDE["1K"]
    if not ratio:
        return size_for_ratio((fallback[0], fallback[1]), long_side)
    return size_for_ratio(parse_ratio(ratio), long_side)


def ratio_label(width: int, height: int) -> str:
    divisor = gcd(width, height)
    return f"{width // divisor}:{height // divisor}"


def _round16(value: float) -> int:
    return max(16, round(value / 16) * 16)
