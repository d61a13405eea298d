"""Recognise an image from its first bytes and read its pixel size without Pillow.

Reading the size ourselves lets us refuse a decompression bomb before Pillow sees the file
(Pillow's own check warns or raises from inside ``Image.open``, and its WebP reader allocates
the canvas while opening). Only headers are parsed here; nothing is decoded.
"""

from __future__ import annotations

import html
import re
import struct
import zlib
from dataclasses import dataclass

# Formats whose size we can read; the names are Pillow's format names.
PNG, JPEG, GIF, WEBP, BMP, TIFF = "PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF"


@dataclass(frozen=True)
class Header:
    format: str  # Pillow's name for it ("PNG", "JPEG", …) or a display name for other formats
    width: int | None = None
    height: int | None = None
    bit_depth: int | None = None  # bits per channel when the header says so (PNG)

    @property
    def pixels(self) -> int | None:
        if self.width is None or self.height is None:
            return None
        return self.width * self.height


def sniff(data: bytes) -> Header | None:
    """What kind of image ``data`` holds, and its size when the header tells; None: not an image."""
    for reader in (_png, _jpeg, _gif, _webp, _bmp, _tiff, _other):
        header = reader(data)
        if header is not None:
            return header
    return None


def _png(d: bytes) -> Header | None:
    if not d.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    if len(d) < 33 or d[12:16] != b"IHDR":
        return Header(PNG)
    (length,) = struct.unpack(">I", d[8:12])
    (crc,) = struct.unpack(">I", d[29:33])
    if length != 13 or zlib.crc32(d[12:29]) & 0xFFFFFFFF != crc:
        return Header(PNG)  # a damaged header: its size means nothing, let decoding fail
    width, height = struct.unpack(">II", d[16:24])
    return Header(PNG, width, height, d[24])


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(d: bytes) -> Header | None:
    if not d.startswith(b"\xff\xd8\xff"):
        return None
    pos = 2
    while pos + 4 <= len(d):
        if d[pos] != 0xFF:
            return Header(JPEG)
        marker = d[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:  # markers without a length
            pos += 2
            continue
        if marker == 0xD9:
            return Header(JPEG)
        (length,) = struct.unpack(">H", d[pos + 2 : pos + 4])
        if marker in _SOF and pos + 9 <= len(d):
            height, width = struct.unpack(">HH", d[pos + 5 : pos + 9])
            return Header(JPEG, width or None, height or None, d[pos + 4])
        pos += 2 + length
    return Header(JPEG)


def _gif(d: bytes) -> Header | None:
    if d[:6] not in (b"GIF87a", b"GIF89a"):
        return None
    if len(d) < 10:
        return Header(GIF)
    width, height = struct.unpack("<HH", d[6:10])
    return Header(GIF, width, height)


def _webp(d: bytes) -> Header | None:
    if not (d[:4] == b"RIFF" and d[8:12] == b"WEBP"):
        return None
    chunk = d[12:16]
    if chunk == b"VP8 " and len(d) >= 30 and d[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", d[26:30])
        return Header(WEBP, width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and len(d) >= 25 and d[20] == 0x2F:
        bits = int.from_bytes(d[21:25], "little")
        return Header(WEBP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X" and len(d) >= 30:
        width = int.from_bytes(d[24:27], "little") + 1
        height = int.from_bytes(d[27:30], "little") + 1
        return Header(WEBP, width, height)
    return Header(WEBP)


def _bmp(d: bytes) -> Header | None:
    if not d.startswith(b"BM") or len(d) < 18:
        return None
    (dib,) = struct.unpack("<I", d[14:18])
    if dib == 12 and len(d) >= 22:
        width, height = struct.unpack("<HH", d[18:22])
        return Header(BMP, width, height)
    if 16 <= dib <= 124 and len(d) >= 26:
        width, height = struct.unpack("<ii", d[18:26])
        return Header(BMP, abs(width), abs(height))
    return None  # "BM" alone is too weak a signature to call it a bitmap


def _tiff(d: bytes) -> Header | None:
    if d[:4] == b"II*\x00":
        order = "<"
    elif d[:4] == b"MM\x00*":
        order = ">"
    elif d[:4] in (b"II+\x00", b"MM\x00+"):  # BigTIFF: let Pillow read the size
        return Header(TIFF)
    else:
        return None
    try:
        (ifd,) = struct.unpack(order + "I", d[4:8])
        (count,) = struct.unpack(order + "H", d[ifd : ifd + 2])
        size: dict[int, int] = {}
        for i in range(min(count, 4096)):
            entry = d[ifd + 2 + 12 * i : ifd + 14 + 12 * i]
            tag, kind = struct.unpack(order + "HH", entry[:4])
            if tag in (256, 257):
                fmt = "H" if kind == 3 else "I"
                (size[tag],) = struct.unpack(order + fmt, entry[8 : 8 + struct.calcsize(fmt)])
        return Header(TIFF, size.get(256), size.get(257))
    except struct.error:
        return Header(TIFF)


_FTYP_BRANDS = {
    b"heic": "HEIC", b"heix": "HEIC", b"hevc": "HEIC", b"heim": "HEIC", b"heis": "HEIC",
    b"mif1": "HEIF", b"msf1": "HEIF", b"avif": "AVIF", b"avis": "AVIF",
}  # fmt: skip


def _other(d: bytes) -> Header | None:
    """Image formats we recognise only to name them in a message."""
    if d[4:8] == b"ftyp":
        brand = _FTYP_BRANDS.get(d[8:12])
        return Header(brand) if brand else None
    signatures = (
        (b"8BPS", "Photoshop (PSD)"),
        (b"%PDF", "PDF"),
        (b"\x00\x00\x01\x00", "icon (ICO)"),
        (b"qoif", "QOI"),
        (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000"),
        (b"\xff\x4f\xff\x51", "JPEG 2000"),
        (b"\xff\x0a", "JPEG XL"),
        (b"\x00\x00\x00\x0cJXL \r\n\x87\n", "JPEG XL"),
        (b"DDS ", "DDS"),
        (b"gimp xcf", "GIMP (XCF)"),
    )
    for signature, name in signatures:
        if d.startswith(signature):
            return Header(name)
    text = d[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in text):
        return Header("SVG")
    return None


def classify_text(data: bytes) -> str | None:
    """Whether ``data`` looks like "html", "json" or "text" rather than binary; else None."""
    head = data[:4096]
    if b"\x00" in head:
        return None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html")) or any(
        tag in stripped for tag in (b"<html", b"<head", b"<body", b"<title")
    ):
        return "html"
    if stripped.startswith((b"{", b"[")):
        return "json"
    printable = sum(1 for b in head if b >= 0x20 or b in (9, 10, 13))
    return "text" if head and printable / len(head) > 0.95 else None


_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def html_title(data: bytes) -> str | None:
    """The <title> of a web page, as plain text, or None."""
    match = _TITLE.search(data[:65536])
    if not match:
        return None
    title = html.unescape(match.group(1).decode("utf-8", "replace"))
    title = " ".join(title.split())
    return title[:200] or None
