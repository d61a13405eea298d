"""Difficult and broken input files for tests, made cheaply on the fly.

``make_bad_inputs(directory)`` writes one file per case and returns their paths by name:

- refused with an InputError naming the file: ``zero_byte``, ``text_as_png``,
  ``truncated_png``, ``bomb`` (a PNG header claiming 20000×20000; nothing that size exists);
- loaded after conversion: ``cmyk_jpeg`` (left half red, right half blue), ``png16``
  (16-bit grayscale, a horizontal ramp 0…65535 over 256 columns: column x ≈ 8-bit value x),
  ``animated_gif`` (3 frames: red, green, blue), ``big_photo`` (6000×4000 stored pixels,
  ~30 MB of noise, EXIF orientation 6 and GPS tags; the stored top-left 200×200 corner is
  pure red, so after turning upright it sits at the top right of a 4000×6000 image).
"""

from __future__ import annotations

import io
import os
import random
import struct
import threading
import zlib
from pathlib import Path

from PIL import ExifTags, Image, ImageDraw

BIG_PHOTO_SIZE = (6000, 4000)  # as stored; shown upright (orientation 6) it is 4000×6000
BIG_PHOTO_GPS = {1: "N", 2: (52.0, 31.0, 12.5), 3: "E", 4: (13.0, 24.0, 0.0)}

_big_photo: bytes | None = None
_big_photo_lock = threading.Lock()


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def raw_png(width: int, height: int, bit_depth: int, color_type: int, rows: bytes) -> bytes:
    """A PNG written by hand: ``rows`` are the unfiltered scanlines (no filter bytes)."""
    stride = len(rows) // height if height else 0
    filtered = b"".join(b"\x00" + rows[y * stride : (y + 1) * stride] for y in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(filtered))
        + png_chunk(b"IEND", b"")
    )


def bomb_png(width: int = 20000, height: int = 20000) -> bytes:
    """A valid-looking PNG header for a huge image, with a few bytes of data (never decodable)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * (1 + 3 * min(width, 1024)))
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def png16_gray_ramp(width: int = 256, height: int = 8) -> bytes:
    """16-bit grayscale PNG; column x holds round(x * 65535 / (width - 1))."""
    row = b"".join(struct.pack(">H", round(x * 65535 / (width - 1))) for x in range(width))
    return raw_png(width, height, 16, 0, row * height)


def png16_rgb_ramp(width: int = 256, height: int = 8) -> bytes:
    """16-bit RGB PNG: red ramps up over the columns, green is 50 %, blue is 0."""
    row = b"".join(
        struct.pack(">HHH", round(x * 65535 / (width - 1)), 32896, 0) for x in range(width)
    )
    return raw_png(width, height, 16, 2, row * height)


def noise(size: tuple[int, int], mode: str = "RGB", seed: int | None = None) -> Image.Image:
    """Incompressible pixels (so that file sizes are realistic)."""
    count = size[0] * size[1] * len(mode)
    data = random.Random(seed).randbytes(count) if seed is not None else os.urandom(count)
    return Image.frombytes(mode, size, data)


def make_image(
    path: Path,
    size: tuple[int, int],
    color: tuple[int, ...] | int | str,
    mode: str = "RGB",
    fmt: str = "PNG",
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new(mode, size, color).save(path, fmt)
    return path


def make_mask(
    path: Path,
    size: tuple[int, int],
    box: tuple[int, int, int, int],
    convention: str = "alpha",
) -> Path:
    """A mask marking ``box`` (left, top, right, bottom; right/bottom exclusive) for editing.

    ``convention``: "alpha" (OpenAI: opaque black, alpha 0 in the box) or "bw" (white box on
    black, no alpha).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    left, top, right, bottom = box
    if convention == "alpha":
        image = Image.new("RGBA", size, (0, 0, 0, 255))
        ImageDraw.Draw(image).rectangle((left, top, right - 1, bottom - 1), fill=(0, 0, 0, 0))
    elif convention in ("bw", "black_white"):
        image = Image.new("L", size, 0)
        ImageDraw.Draw(image).rectangle((left, top, right - 1, bottom - 1), fill=255)
    else:
        raise ValueError(f"unknown mask convention {convention!r}")
    image.save(path, "PNG")
    return path


def cmyk_jpeg() -> bytes:
    """A real CMYK JPEG (Pillow writes the Adobe marker and stores inverted CMYK)."""
    image = Image.new("CMYK", (64, 32), (0, 255, 255, 0))  # red
    image.paste((255, 255, 0, 0), (32, 0, 64, 32))  # blue
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def animated_gif() -> bytes:
    frames = [Image.new("RGB", (32, 32), c) for c in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buffer.getvalue()


def big_photo() -> bytes:
    """~30 MB 6000×4000 JPEG of noise with EXIF (orientation 6, GPS). Made once per process."""
    global _big_photo
    with _big_photo_lock:
        if _big_photo is None:
            image = noise(BIG_PHOTO_SIZE, seed=6)
            image.paste((255, 0, 0), (0, 0, 200, 200))
            exif = Image.Exif()
            exif[ExifTags.Base.Make] = "StudioTestCam"
            exif[ExifTags.Base.Model] = "Noise 1"
            exif[ExifTags.Base.Orientation] = 6
            exif[ExifTags.IFD.GPSInfo] = dict(BIG_PHOTO_GPS)
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=96, exif=exif)
            _big_photo = buffer.getvalue()
        return _big_photo


def truncated_png() -> bytes:
    buffer = io.BytesIO()
    noise((128, 128), seed=1).save(buffer, "PNG")
    data = buffer.getvalue()
    return data[: len(data) // 2]


def make_bad_inputs(directory: Path) -> dict[str, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    contents = {
        "zero_byte": ("empty.png", b""),
        "text_as_png": ("notes.png", b"These are my notes, not a picture.\n" * 4),
        "truncated_png": ("truncated.png", truncated_png()),
        "bomb": ("bomb.png", bomb_png()),
        "cmyk_jpeg": ("cmyk.jpg", cmyk_jpeg()),
        "png16": ("gray16.png", png16_gray_ramp()),
        "animated_gif": ("animated.gif", animated_gif()),
        "big_photo": ("big_photo.jpg", big_photo()),
    }
    paths: dict[str, Path] = {}
    for key, (filename, data) in contents.items():
        path = directory / filename
        path.write_bytes(data)
        paths[key] = path
    return paths
