"""Decode and validate what relays send back (base64, data URLs, markdown links, image bytes)."""

from __future__ import annotations

import binascii
import hashlib
import io
import json
import re
import time
from dataclasses import dataclass, field
from urllib.parse import unquote_to_bytes

from PIL import Image, UnidentifiedImageError

from studio.domain.errors import ErrorKind, RelayError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.results import SVG_MIME
from studio.imaging._decode import (
    DamagedError,
    DecodeError,
    NotAnImageError,
    TooLargeError,
    UnsupportedFormatError,
    check_integrity,
    effective_pixel_limit,
    megapixels,
    quiet_pillow_bomb_check,
    to_rgb,
)
from studio.imaging._sniff import html_title
from studio.imaging.links import find_image_links

MAX_RESULT_PIXELS = 100_000_000

__all__ = [
    "MAX_RESULT_PIXELS",
    "MSG_UNSUPPORTED_FORMAT",
    "OriginalImage",
    "ValidatedImage",
    "decode_base64_image",
    "find_image_links",
    "parse_data_url",
    "undecodable",
    "validate_result",
]

_WHITESPACE = b" \t\r\n\v\f"
_URL_SAFE_BYTES = bytes.maketrans(b"-_", b"+/")
RESULT_FORMATS = frozenset({"PNG", "JPEG", "WEBP", "GIF"})
_TYPES = {
    "PNG": ("image/png", "png"),
    "JPEG": ("image/jpeg", "jpg"),
    "WEBP": ("image/webp", "webp"),
    "GIF": ("image/gif", "gif"),
}


@dataclass(frozen=True)
class OriginalImage:
    """The relay's own bytes of a result shown as a converted copy (BMP, TIFF, AVIF…)."""

    data: bytes = field(repr=False)
    format: str  # Pillow's name, e.g. "TIFF"
    mime: str
    extension: str
    sha256: str


@dataclass(frozen=True)
class ValidatedImage:
    data: bytes = field(repr=False)  # exactly what the relay sent (or its PNG copy: ``original``)
    mime: str  # from the real format, whatever the relay claimed
    extension: str  # "png", "jpg", "webp", "gif"
    width: int
    height: int
    sha256: str
    original: OriginalImage | None = None  # set when ``data`` is a copy made for display


MSG_UNSUPPORTED_FORMAT = QT_TRANSLATE_NOOP(
    ERRORS, "The relay sent a {format} image, which the studio cannot show."
)


def undecodable() -> RelayError:
    """The failure for image data that is not valid base64 (or a damaged JSON string)."""
    return RelayError(
        ErrorKind.BAD_RESULT,
        QT_TRANSLATE_NOOP(ERRORS, "The relay sent an image that could not be decoded."),
    )


BASE64_CHUNK = 1 << 19  # 512 KiB of text per C call (~1.5 ms holding the GIL)


def _a2b(raw: bytes | memoryview) -> bytes:
    """Strict base64 decoding in chunks, yielding the GIL between them, so a 30 MB answer
    decoded on a worker never freezes the window (binascii holds the GIL while it works)."""
    if len(raw) <= BASE64_CHUNK:
        return binascii.a2b_base64(raw, strict_mode=True)
    parts = []
    for start in range(0, len(raw), BASE64_CHUNK):
        parts.append(binascii.a2b_base64(raw[start : start + BASE64_CHUNK], strict_mode=True))
        time.sleep(0)  # let a waiting thread (the GUI) have the GIL now, not in 5 ms
    return b"".join(parts)


def decode_base64_image(text: str | bytes | memoryview) -> bytes:
    """Base64 (standard or URL-safe, padded or not, with line breaks, with or without a
    ``data:…;base64,`` prefix) to bytes. Every step is a C call over a bounded buffer."""
    try:
        raw = text.encode("ascii") if isinstance(text, str) else text
    except UnicodeEncodeError:
        raise undecodable() from None
    try:  # the common case, plain padded base64: no normalising copies
        data = _a2b(raw)
    except (binascii.Error, ValueError):
        pass
    else:
        if data:
            return data
    raw = bytes(raw).strip()
    if raw[:5].lower() == b"data:":
        _, comma, raw = raw.partition(b",")
        if not comma:
            raise undecodable()
    raw = raw.translate(None, _WHITESPACE)
    if b"-" in raw or b"_" in raw:
        raw = raw.translate(_URL_SAFE_BYTES)
    raw = raw.rstrip(b"=")
    if not raw or len(raw) % 4 == 1:
        raise undecodable()
    try:
        data = _a2b(raw + b"=" * (-len(raw) % 4))
    except (binascii.Error, ValueError):
        raise undecodable() from None
    if not data:
        raise undecodable()
    return data


def parse_data_url(url: str) -> tuple[str, bytes]:
    """``data:<mime>[;params][;base64],<data>`` → (mime, bytes); mime defaults to text/plain."""
    text = url.strip()
    if text[:5].lower() != "data:" or "," not in text:
        raise RelayError(
            ErrorKind.BAD_RESULT,
            QT_TRANSLATE_NOOP(ERRORS, "The relay sent a data URL that could not be read."),
        )
    header, _, payload = text[5:].partition(",")
    parts = [p.strip() for p in header.split(";")]
    mime = parts[0].lower() or "text/plain"
    if any(p.lower() == "base64" for p in parts[1:]):
        return mime, decode_base64_image(payload)
    return mime, unquote_to_bytes(payload)


def validate_result(data: bytes, *, max_pixels: int = MAX_RESULT_PIXELS) -> ValidatedImage:
    """Check that ``data`` is a whole, sane image; the bytes are kept exactly as sent."""
    if not data:
        raise RelayError(
            ErrorKind.BAD_RESULT, QT_TRANSLATE_NOOP(ERRORS, "The relay sent an empty image.")
        )
    try:
        image_format, width, height = check_integrity(
            data, formats=RESULT_FORMATS, max_pixels=max_pixels
        )
    except UnsupportedFormatError as problem:
        if problem.format == "SVG" and (vector := _svg(data)) is not None:
            return vector  # gpt-image-2.6 answers svg when asked: kept as the vector it is
        try:
            return _displayable(data, problem.format, max_pixels)
        except DecodeError as other:
            raise _result_error(other, data, max_pixels) from None
    except DecodeError as problem:
        raise _result_error(problem, data, max_pixels) from None
    mime, extension = _TYPES[image_format]
    return ValidatedImage(data, mime, extension, width, height, hashlib.sha256(data).hexdigest())


def _displayable(data: bytes, named: str, max_pixels: int) -> ValidatedImage:
    """A PNG copy of an image in a format the studio does not show as it is, with the relay's
    bytes kept beside it. UnsupportedFormatError when Pillow cannot read it either."""
    with quiet_pillow_bomb_check(None):
        try:
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise TooLargeError(width, height)
                image.load()
                name = image.format or named
                shown, _ = to_rgb(image)
                buffer = io.BytesIO()
                shown.save(buffer, "PNG", compress_level=1)
        except DecodeError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning, MemoryError):
            raise TooLargeError(None, None) from None
        except UnidentifiedImageError:
            raise UnsupportedFormatError(named) from None
        except Exception:
            raise DamagedError from None
    copy = buffer.getvalue()
    extension = _ORIGINAL_EXTENSIONS.get(name, name.lower())
    original = OriginalImage(
        data,
        name,
        Image.MIME.get(name, "application/octet-stream"),
        extension,
        hashlib.sha256(data).hexdigest(),
    )
    return ValidatedImage(
        copy, "image/png", "png", width, height, hashlib.sha256(copy).hexdigest(), original
    )


MAX_SVG_BYTES = 32 * 1024 * 1024
_SVG_ROOT = re.compile(rb"<svg\b([^>]*)>", re.IGNORECASE)
_SVG_ATTRIBUTE = re.compile(rb"""\b(width|height|viewBox)\s*=\s*["']([^"']*)["']""")
_NUMBER = re.compile(rb"[-+]?[0-9]*\.?[0-9]+")


def _svg(data: bytes) -> ValidatedImage | None:
    """A whole SVG document (root element opened and closed, UTF-8) as a result, its size from
    width/height or the viewBox (1024 when it says neither); None when it is not one. Never
    parsed as XML here: no entity expansion, no external references followed."""
    if len(data) > MAX_SVG_BYTES or b"</svg>" not in data[-4096:].lower():
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    root = _SVG_ROOT.search(data[:65536])
    if root is None:
        return None
    found = {m.group(1).decode(): m.group(2) for m in _SVG_ATTRIBUTE.finditer(root.group(1))}
    numbers = [float(n) for n in _NUMBER.findall(found.get("viewBox", b""))]
    width = _svg_length(found.get("width")) or (numbers[2] if len(numbers) == 4 else 1024)
    height = _svg_length(found.get("height")) or (numbers[3] if len(numbers) == 4 else 1024)
    if width <= 0 or height <= 0:
        return None
    return ValidatedImage(
        data, SVG_MIME, "svg", round(width), round(height), hashlib.sha256(data).hexdigest()
    )


def _svg_length(value: bytes | None) -> float | None:
    """A width or height in pixels ("640", "640px"); None for percentages and other units."""
    if not value or value.strip().endswith(b"%"):
        return None
    match = _NUMBER.match(value.strip())
    unit = value.strip()[match.end() :] if match else b""
    return float(match.group(0)) if match and unit in (b"", b"px") else None


_ORIGINAL_EXTENSIONS = {"JPEG2000": "jp2", "TIFF": "tif", "AVIF": "avif", "BMP": "bmp"}


def _result_error(problem: DecodeError, data: bytes, max_pixels: int) -> RelayError:
    if isinstance(problem, NotAnImageError):
        if problem.looks_like == "html":
            return RelayError(
                ErrorKind.BAD_RESULT,
                QT_TRANSLATE_NOOP(ERRORS, "The relay sent a web page instead of an image."),
                relay_message=html_title(data),
            )
        if problem.looks_like in ("json", "text"):
            return RelayError(
                ErrorKind.BAD_RESULT,
                QT_TRANSLATE_NOOP(ERRORS, "The relay sent text instead of an image."),
                relay_message=_text_excerpt(data, problem.looks_like),
            )
        return RelayError(
            ErrorKind.BAD_RESULT,
            QT_TRANSLATE_NOOP(ERRORS, "The relay sent something that is not an image."),
        )
    if isinstance(problem, UnsupportedFormatError):
        return RelayError(ErrorKind.BAD_RESULT, MSG_UNSUPPORTED_FORMAT, format=problem.format)
    if isinstance(problem, TooLargeError):
        return RelayError(
            ErrorKind.BAD_RESULT,
            QT_TRANSLATE_NOOP(
                ERRORS,
                "The relay sent an image too large to open safely (more than {limit} megapixels).",
            ),
            limit=megapixels(effective_pixel_limit(max_pixels)),
        )
    return RelayError(
        ErrorKind.BAD_RESULT,
        QT_TRANSLATE_NOOP(ERRORS, "The relay sent a damaged or incomplete image."),
    )


def _text_excerpt(data: bytes, kind: str | None) -> str | None:
    """A short plain-text hint of what came instead of an image (an error message if any)."""
    text = data[:4096].decode("utf-8", "replace").strip()
    if kind == "json":
        try:
            body = json.loads(data.decode("utf-8", "replace"))
        except ValueError:
            body = None
        if isinstance(body, dict):
            error = body.get("error")
            message = error.get("message") if isinstance(error, dict) else error
            message = message or body.get("message") or body.get("description")
            if isinstance(message, str) and message.strip():
                text = message.strip()
    text = " ".join(text.split())
    return text[:300] or None
