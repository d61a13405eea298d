"""Decoding what clients upload: base64, data URLs, URLs of our own files, image bytes."""

from __future__ import annotations

import base64
import binascii
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from PIL import Image

MAX_PIXELS = 8192 * 8192
_DATA_URL = re.compile(r"^data:(?P<mime>[\w.+-]+/[\w.+-]+)?(?:;[^,;]*)*;base64,(?P<data>.*)$", re.S)
_FILE_PATH = re.compile(r"^/files/(?P<id>[0-9a-f]+)\.\w+$")

# A reference is the image bytes, or, for a URL the simulator cannot fetch, the URL itself.
Reference = bytes | str


@dataclass(frozen=True)
class Picture:
    data: bytes
    width: int
    height: int
    format: str  # Pillow's name: PNG, JPEG, WEBP...
    has_alpha: bool


def probe(data: bytes) -> Picture:
    """Decode ``data`` fully; raises ValueError if it is not a readable image."""
    if not data:
        raise ValueError("the file is empty")
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValueError(f"the image is too large ({image.width}x{image.height})")
            image.load()
            has_alpha = "A" in image.getbands() or "transparency" in image.info
            return Picture(data, image.width, image.height, image.format or "", has_alpha)
    except ValueError:
        raise
    except Exception as exc:  # Pillow raises many types for broken files
        raise ValueError(f"not a readable image ({exc})") from None


def decode_base64(text: str) -> bytes:
    """Standard or URL-safe base64, padding optional; raises ValueError."""
    cleaned = "".join(text.split())
    cleaned += "=" * (-len(cleaned) % 4)
    altchars = b"-_" if ("-" in cleaned or "_" in cleaned) else None
    try:
        return base64.b64decode(cleaned, altchars=altchars, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not valid base64") from None


def is_data_url(text: str) -> bool:
    return _DATA_URL.match(text) is not None


def decode_data_url(text: str) -> bytes:
    match = _DATA_URL.match(text)
    if not match:
        raise ValueError("not a base64 data URL (data:image/png;base64,...)")
    return decode_base64(match["data"])


def resolve_reference(text: str, own_file: Callable[[str], bytes | None]) -> Reference:
    """A reference given as a data URL, bare base64 or URL; raises ValueError.

    URLs of files the simulator serves resolve to their bytes; other URLs stay URLs (the
    simulator never goes to the network) and are drawn as a labelled card.
    """
    text = text.strip()
    if text.startswith(("http://", "https://")):
        match = _FILE_PATH.match(urlsplit(text).path)
        data = own_file(match["id"]) if match else None
        return data if data is not None else text
    data = decode_data_url(text) if text.startswith("data:") else decode_base64(text)
    return probe(data).data
