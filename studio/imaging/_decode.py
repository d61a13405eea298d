"""Open untrusted image bytes safely and bring them to plain 8-bit RGB(A).

Problems are raised as small exception types; the public modules turn them into the user's
message (``InputError`` for what the user gave us, ``RelayError`` for what a relay sent).
Nothing here changes global state, so every function is safe to call from several threads.
"""

from __future__ import annotations

import io
import struct
import threading
import warnings
import zlib
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps

from studio.imaging._sniff import Header, classify_text, sniff

Image.init()  # register every plugin now, not lazily from several threads at once


class DecodeError(Exception):
    """Why bytes could not be turned into an image (internal; never shown as is)."""


class NotAnImageError(DecodeError):
    def __init__(self, looks_like: str | None) -> None:
        super().__init__(looks_like)
        self.looks_like = looks_like  # "html", "json", "text" or None (unknown binary)


class UnsupportedFormatError(DecodeError):
    def __init__(self, format_name: str) -> None:
        super().__init__(format_name)
        self.format = format_name


class TooLargeError(DecodeError):
    def __init__(self, width: int | None, height: int | None) -> None:
        super().__init__(width, height)
        self.width = width
        self.height = height


class DamagedError(DecodeError):
    pass


class UnsupportedColorsError(DecodeError):
    def __init__(self, mode: str) -> None:
        super().__init__(mode)
        self.mode = mode


@dataclass
class Decoded:
    image: Image.Image  # the first frame, fully decoded, in its original mode
    format: str  # Pillow's format name; MPO is reported as JPEG
    header: Header
    frames: int  # more than one for animations and multi-page files


_BOMB_WARNINGS = threading.Lock()


@contextmanager
def quiet_pillow_bomb_check(pixels: int | None) -> Iterator[None]:
    """Keep Pillow's DecompressionBombWarning from escaping for sizes we already accepted.

    We check the size ourselves before Pillow opens anything, so its warning only duplicates
    ours. It fires only above ``Image.MAX_IMAGE_PIXELS`` (89 MP by default), which our default
    input limit stays below; the rare larger images take a lock and a scoped filter.
    """
    limit = Image.MAX_IMAGE_PIXELS
    if limit is None or (pixels is not None and pixels <= limit):
        yield
        return
    with _BOMB_WARNINGS, warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        yield


_BOMBS = (Image.DecompressionBombError, Image.DecompressionBombWarning)


def effective_pixel_limit(max_pixels: int) -> int:
    """Our limit, capped by Pillow's hard one (twice ``Image.MAX_IMAGE_PIXELS``)."""
    limit = Image.MAX_IMAGE_PIXELS
    return max_pixels if limit is None else min(max_pixels, 2 * limit)


def megapixels(pixels: int) -> str:
    return f"{pixels / 1_000_000:.1f}".removesuffix(".0")


def checked_header(data: bytes, *, formats: Collection[str], max_pixels: int) -> Header:
    """The header of an image in one of ``formats`` and within ``max_pixels``, or the error."""
    header = sniff(data)
    if header is None:
        raise NotAnImageError(classify_text(data))
    if header.format not in formats:
        raise UnsupportedFormatError(header.format)
    if header.pixels is not None and header.pixels > max_pixels:
        raise TooLargeError(header.width, header.height)
    return header


def decode(data: bytes, *, formats: Collection[str], max_pixels: int) -> Decoded:
    """Identify, size-check (from the header, before decoding) and fully decode the first frame."""
    header = checked_header(data, formats=formats, max_pixels=max_pixels)
    with quiet_pillow_bomb_check(header.pixels):
        try:
            image = Image.open(io.BytesIO(data), formats=[header.format])
        except _BOMBS:
            raise TooLargeError(header.width, header.height) from None
        except Exception:
            raise DamagedError from None
        try:
            width, height = image.size
            if width * height > max_pixels:
                raise TooLargeError(width, height)
            if width <= 0 or height <= 0:
                raise DamagedError
            frames = _frame_count(image)
            image.load()
        except DecodeError:
            image.close()
            raise
        except (*_BOMBS, MemoryError):
            image.close()
            raise TooLargeError(*image.size) from None
        except Exception:
            image.close()
            raise DamagedError from None
    name = image.format or header.format
    return Decoded(image, "JPEG" if name == "MPO" else name, header, frames)


def check_integrity(
    data: bytes, *, formats: Collection[str], max_pixels: int
) -> tuple[str, int, int]:
    """(format, width, height) of an image that provably decodes whole, without holding all of
    its pixels where the format allows: a PNG's pixel stream is inflated piece by piece (every
    byte, every scanline's filter, every chunk checksum), a JPEG's entropy data is decoded at
    1/8 scale. Other formats are decoded. Raises like :func:`decode`."""
    header = checked_header(data, formats=formats, max_pixels=max_pixels)
    with quiet_pillow_bomb_check(header.pixels):
        try:
            with Image.open(io.BytesIO(data), formats=[header.format]) as image:
                width, height = image.size
                name = image.format or header.format
                if width <= 0 or height <= 0:
                    raise DamagedError
                if width * height > max_pixels:
                    raise TooLargeError(width, height)
                if name == "PNG":
                    check_png_stream(data)
                else:
                    if name in ("JPEG", "MPO"):
                        image.draft("RGB", (max(width // 8, 1), max(height // 8, 1)))
                    image.load()
        except DecodeError:
            raise
        except (*_BOMBS, MemoryError):
            raise TooLargeError(header.width, header.height) from None
        except Exception:
            raise DamagedError from None
    return ("JPEG" if name == "MPO" else name), width, height


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_ADAM7 = (
    (0, 0, 8, 8),
    (4, 0, 8, 8),
    (0, 4, 4, 8),
    (2, 0, 4, 4),
    (0, 2, 2, 4),
    (1, 0, 2, 2),
    (0, 1, 1, 2),
)
_INFLATE_STEP = 1 << 20  # inflated bytes per C call: memory stays flat for any image size
_PNG_SLACK = 1 << 20  # inflated bytes past the last scanline tolerated (a decoder ignores them)
_FILTERS = bytes(range(5))  # None, Sub, Up, Average, Paeth


def check_png_stream(data: bytes) -> None:
    """Prove a PNG decodes whole, as a full decode would, in constant memory.

    Every chunk's CRC up to IEND; the IDAT zlib stream inflated in bounded pieces, so a damaged
    stream (bad block, bad distance, Adler-32 mismatch) or one that ends before the last
    scanline fails; and every scanline's filter byte checked. ``Image.verify`` only checks the
    CRCs, which a relay recomputes around damaged data; ``Image.load`` would hold every pixel
    (400 MB for a 100 MP RGBA picture). Raises :class:`DamagedError`.
    """
    if not data.startswith(_PNG_SIGNATURE):
        raise DamagedError
    position, end = len(_PNG_SIGNATURE), len(data)
    runs: list[tuple[int, int, int]] | None = None
    inflater = zlib.decompressobj()
    produced = 0
    while True:
        if position + 12 > end:
            raise DamagedError  # cut before IEND
        length, kind = struct.unpack_from(">I4s", data, position)
        payload_end = position + 8 + length
        if payload_end + 4 > end:
            raise DamagedError
        payload = memoryview(data)[position + 8 : payload_end]
        (crc,) = struct.unpack_from(">I", data, payload_end)
        if zlib.crc32(payload, zlib.crc32(kind)) != crc:
            raise DamagedError
        position = payload_end + 4
        if runs is None:
            if kind != b"IHDR":
                raise DamagedError
            runs = _png_scanlines(payload)
        elif kind == b"IDAT":
            produced = _inflate(inflater, payload, produced, runs)
        elif kind == b"IEND":
            break
    if runs is None:
        raise DamagedError
    produced = _inflate(inflater, b"", produced, runs)  # what zlib still holds back
    if produced < _expected(runs):
        raise DamagedError  # the last scanlines never came


def _png_scanlines(ihdr: memoryview) -> list[tuple[int, int, int]]:
    """(start, rows, stride) of each run of equal scanlines in the inflated stream: one run, or
    one per Adam7 pass. A stride counts the filter byte in front of each scanline."""
    if len(ihdr) != 13:
        raise DamagedError
    width, height, depth, color, compression, filtering, interlace = struct.unpack(">IIBBBBB", ihdr)
    if (
        width == 0
        or height == 0
        or depth not in _PNG_DEPTHS.get(color, ())
        or compression != 0
        or filtering != 0
        or interlace not in (0, 1)
    ):
        raise DamagedError
    bits = _PNG_CHANNELS[color] * depth
    runs = []
    start = 0
    for x0, y0, dx, dy in _ADAM7 if interlace else ((0, 0, 1, 1),):
        columns = max(0, (width - x0 + dx - 1) // dx)
        rows = max(0, (height - y0 + dy - 1) // dy)
        if columns and rows:
            stride = 1 + (columns * bits + 7) // 8
            runs.append((start, rows, stride))
            start += rows * stride
    return runs


def _expected(runs: list[tuple[int, int, int]]) -> int:
    start, rows, stride = runs[-1]
    return start + rows * stride


def _inflate(
    inflater: zlib._Decompress,
    chunk: bytes | memoryview,
    produced: int,
    runs: list[tuple[int, int, int]],
) -> int:
    """Feed ``chunk`` to ``inflater``, checking the filter bytes of what comes out; the count of
    inflated bytes so far."""
    limit = _expected(runs) + _PNG_SLACK
    pending = chunk
    while not inflater.eof:
        try:
            out = inflater.decompress(pending, _INFLATE_STEP)
        except zlib.error:
            raise DamagedError from None
        _check_filters(out, produced, runs)
        produced += len(out)
        if produced > limit:
            raise DamagedError  # far more data than the picture holds: not a sane image
        pending = inflater.unconsumed_tail
        if not pending and len(out) < _INFLATE_STEP:
            break  # all input taken and nothing held back
    return produced


def _check_filters(out: bytes, offset: int, runs: list[tuple[int, int, int]]) -> None:
    """The filter bytes (0–4) of every scanline that starts inside ``out`` (at ``offset``)."""
    low, high = offset, offset + len(out)
    for start, rows, stride in runs:
        stop = start + rows * stride
        if stop <= low or start >= high:
            continue
        first = start if low <= start else start + -(-(low - start) // stride) * stride
        if first < min(high, stop) and out[first - low : min(high, stop) - low : stride].translate(
            None, _FILTERS
        ):
            raise DamagedError


def _frame_count(image: Image.Image) -> int:
    if image.format == "MPO":  # camera JPEGs with an embedded preview, not an animation
        return 1
    try:
        return int(getattr(image, "n_frames", 1)) if getattr(image, "is_animated", False) else 1
    except Exception:
        return 1


def apply_orientation(image: Image.Image) -> tuple[Image.Image, bool]:
    """Turn the pixels the way the EXIF orientation tag says; True when it changed anything."""
    try:
        orientation = image.getexif().get(0x0112)
    except Exception:
        return image, False
    if orientation not in (2, 3, 4, 5, 6, 7, 8):
        return image, False
    try:
        return ImageOps.exif_transpose(image), True
    except Exception:
        return image, False


_GRAY_16 = ("I;16", "I;16L", "I;16B", "I;16N", "I")
_WITH_ALPHA = ("RGBA", "LA", "PA", "La", "RGBa")


def is_high_bit_depth(decoded: Decoded) -> bool:
    if decoded.image.mode in _GRAY_16 or decoded.image.mode == "F":
        return True
    if decoded.header.format == "PNG" and decoded.header.bit_depth == 16:
        return True  # Pillow already read 16-bit RGB(A) PNGs as 8-bit: still worth a note
    tags = getattr(decoded.image, "tag_v2", None)
    bits = tags.get(258) if tags is not None else None
    return isinstance(bits, tuple) and any(b > 8 for b in bits)


def gray_to_8bit(image: Image.Image) -> Image.Image:
    """16-bit (and 32-bit integer / float) grayscale to "L", scaled rather than clipped."""
    if image.mode == "F":
        _, high = image.getextrema()
        assert isinstance(high, float | int)  # one band: (min, max), not one pair per band
        top = 1.0 if high <= 1.0 else 255.0 if high <= 255.0 else 65535.0
        return image.point(lambda v: v * (255.0 / top) + 0.5).convert("L")
    if image.mode != "I":
        image = image.convert("I")
    return image.point(lambda v: v * (1 / 257) + 0.5).convert("L")


def to_rgb(image: Image.Image) -> tuple[Image.Image, bool]:
    """8-bit RGB, or RGBA when some pixel is not fully opaque; True when converted from CMYK.

    Colour profiles are applied (CMYK, wide-gamut RGB → sRGB) and then dropped.
    """
    icc = image.info.get("icc_profile")
    mode = image.mode
    was_cmyk = mode == "CMYK"
    if was_cmyk:
        image = _profile_to_srgb(image, icc, "RGB") or image.convert("RGB")
    elif mode in _GRAY_16 or mode == "F":
        image = gray_to_8bit(image).convert("RGB")
    elif mode in _WITH_ALPHA or "transparency" in image.info:
        image = image.convert("RGBA")
    elif mode != "RGB":
        try:
            image = image.convert("RGB")
        except ValueError:
            raise UnsupportedColorsError(mode) from None
    if mode in ("RGB", "RGBA") and icc:
        image = _profile_to_srgb(image, icc, image.mode) or image
    if image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
    return image, was_cmyk


def _profile_to_srgb(image: Image.Image, icc: object, out_mode: str) -> Image.Image | None:
    if not isinstance(icc, bytes) or not icc:
        return None
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if image.mode != "CMYK" and "srgb" in ImageCms.getProfileDescription(profile).lower():
            return None
        converted = ImageCms.profileToProfile(
            image, profile, ImageCms.createProfile("sRGB"), outputMode=out_mode
        )
    except Exception:  # a broken or unusual profile: fall back to plain numbers
        return None
    return converted


def detach(image: Image.Image, source: Image.Image) -> Image.Image:
    """A plain in-memory image with no metadata, no longer tied to the decoded file."""
    if image is source:
        image = image.copy()
    source.close()
    image.info = {}
    return image
