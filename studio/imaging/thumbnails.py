"""Small WebP previews for the gallery, written atomically so a reader never sees half a file."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

from PIL import Image

from studio.imaging._decode import (
    DamagedError,
    DecodeError,
    checked_header,
    effective_pixel_limit,
    quiet_pillow_bomb_check,
    to_rgb,
)
from studio.imaging.inputs import INPUT_FORMATS, MAX_INPUT_PIXELS, input_error, read_source
from studio.imaging.results import MAX_RESULT_PIXELS
from studio.imaging.sizes import THUMBNAIL_SIZES

__all__ = ["THUMBNAIL_SIZES", "draft_pixels", "make_thumbnail"]

WEBP_QUALITY = 80
_MAX_PIXELS = max(MAX_INPUT_PIXELS, MAX_RESULT_PIXELS)
_REDUCING_GAP = 2.0  # shrink by whole factors down to twice the size, then a Lanczos finish
# EXIF orientation → the transpose that turns the stored pixels upright (as ImageOps does).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
DECODE_BLOCK = 4 << 20

# Modes that resize well as they are; others (palette, 16-bit, …) become RGB(A) first.
_RESIZABLE = ("RGB", "RGBA", "L", "LA", "CMYK")


def make_thumbnail(source: Path, destination: Path, size: int) -> Path:
    """Write a WebP of ``source`` whose longer side is ``size`` pixels (never upscaled), upright,
    RGB or RGBA, to ``destination``. InputError naming ``source`` when it cannot be read."""
    if size < 1:
        raise ValueError(f"thumbnail size must be positive, not {size}")
    source = Path(source)
    name = source.name or str(source)
    data = read_source(source, name)
    limit = effective_pixel_limit(_MAX_PIXELS)
    try:
        image = _small_upright(data, size, limit)
    except DecodeError as problem:
        raise input_error(problem, name, limit) from None
    return _write_atomically(_encode_webp(image), Path(destination))


def _small_upright(data: bytes, size: int, max_pixels: int) -> Image.Image:
    header = checked_header(data, formats=INPUT_FORMATS, max_pixels=max_pixels)
    with quiet_pillow_bomb_check(header.pixels):
        try:
            with Image.open(io.BytesIO(data), formats=[header.format]) as image:
                # Decode in few large steps: each releases the GIL for its whole duration, so
                # the window's thread is not made to queue for it hundreds of times per image.
                image.decodermaxblock = DECODE_BLOCK
                small = _reduce(image, size)
                return small.copy() if small is image else small  # outlive the file
        except DecodeError:
            raise
        except Exception:  # Pillow's many ways of saying "truncated" or "broken"
            raise DamagedError from None


def _reduce(image: Image.Image, size: int) -> Image.Image:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise DamagedError
    scale = min(1.0, size / max(width, height))
    target = (max(1, round(width * scale)), max(1, round(height * scale)))
    if image.format in ("JPEG", "MPO") and scale < 1:
        gap = _REDUCING_GAP
        image.draft(None, (int(target[0] * gap), int(target[1] * gap)))  # DCT scaling: fast
    orientation = _orientation(image)
    if image.mode not in _RESIZABLE or "transparency" in image.info:
        image, _ = to_rgb(image)
    if image.size != target:
        image = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=_REDUCING_GAP)
    image, _ = to_rgb(image)  # colour profile → sRGB, CMYK → RGB, opaque alpha dropped
    if orientation in _UPRIGHT:
        image = image.transpose(_UPRIGHT[orientation])
    return image


def _orientation(image: Image.Image) -> int | None:
    try:
        value = image.getexif().get(0x0112)
    except Exception:  # a broken EXIF block: show the pixels as stored
        return None
    return value if isinstance(value, int) else None


def _encode_webp(image: Image.Image) -> bytes:
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
    return buffer.getvalue()


def _write_atomically(data: bytes, destination: Path) -> Path:
    """Write to a temporary file in the same folder, then rename it over ``destination``."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".tmp", dir=destination.parent
    )
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, destination)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return destination


def draft_pixels(data: bytes, side: int) -> tuple[bytes, int, int] | None:
    """A streamed draft (PNG/JPEG/WebP bytes) as RGBA pixels at most ``side`` wide and high:
    (pixels, width, height), or None when it cannot be read. CPU work: call it off the GUI."""
    try:
        header = checked_header(data, formats=("PNG", "JPEG", "WEBP"), max_pixels=_MAX_PIXELS)
        with quiet_pillow_bomb_check(header.pixels), Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (side, side))
            image.thumbnail((side, side), reducing_gap=_REDUCING_GAP)
            rgba = image.convert("RGBA")
    except Exception:  # a damaged draft is simply not shown
        return None
    return rgba.tobytes(), rgba.width, rgba.height
