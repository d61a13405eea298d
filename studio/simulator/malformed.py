"""Answers of the wrong shape after the work is done (issue 10, class 7).

- ``wrong-types``: the answer keeps its keys but their values have the wrong JSON types, one
  deterministic variant per protocol. Synchronous answers are changed at once; an async task
  (images-async, Midjourney) remembers the fault of its submit and its polls answer wrongly.
- ``corrupt-zlib``: a PNG result whose pixel stream is damaged mid-way while every chunk's CRC
  is recomputed, so only a full decode notices (``Image.verify`` does not).
- ``mj-no-result``: Midjourney's "submit success" without the task id.
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_RESERVED_BLOCK = b"\x06"  # a deflate block header: not final, block type 3 (reserved)
MJ_NO_RESULT = {"code": 1, "description": "提交成功"}  # "submitted successfully", no result


# -- wrong-types --------------------------------------------------------------------------------


def images_wrong_types(result: dict[str, Any]) -> dict[str, Any]:
    """An ImagesResponse whose ``data`` is an object of strings and ``usage`` a list."""
    items = result.get("data") or []
    data = {str(index): _image_text(item) for index, item in enumerate(items)} or {"0": ""}
    usage = result.get("usage")
    return {
        **result,
        "data": data,
        "usage": list(usage.values()) if isinstance(usage, dict) else [],
    }


def _image_text(item: Any) -> str:
    return (item.get("b64_json") or item.get("url") or "") if isinstance(item, dict) else ""


def gemini_wrong_types(body: dict[str, Any]) -> dict[str, Any]:
    """generateContent's answer with ``parts`` a number and ``usageMetadata`` a string."""
    candidates = [
        {**candidate, "content": {**candidate.get("content", {}), "parts": 5}}
        for candidate in body.get("candidates", [])
    ]
    usage = body.get("usageMetadata", {})
    return {**body, "candidates": candidates, "usageMetadata": str(usage.get("totalTokenCount"))}


def chat_wrong_types(body: dict[str, Any]) -> dict[str, Any]:
    """A chat completion whose ``choices`` is ``true``."""
    return {**body, "choices": True}


def task_wrong_types(view: dict[str, Any]) -> dict[str, Any]:
    """The images-async poll answer with ``data`` a list (of the task's key/value pairs)."""
    return {"code": "success", "message": "", "data": [[key, value] for key, value in view.items()]}


def mj_task_wrong_types(view: dict[str, Any]) -> dict[str, Any]:
    """A Midjourney fetch with ``buttons`` a string and ``progress`` an object."""
    labels = ",".join(str(b.get("label") or b.get("emoji") or "") for b in view.get("buttons", []))
    return {**view, "buttons": labels, "progress": {"value": view.get("progress")}}


# -- corrupt-zlib -------------------------------------------------------------------------------


def corrupt_zlib(image: bytes) -> bytes:
    """``image`` (a PNG) with its pixel stream broken half-way and all CRCs recomputed.

    The first half of the pixels is re-deflated and flushed to a byte boundary, then a deflate
    block of the reserved type follows: every inflater stops there with an error, while the
    header, the chunk checksums and the first rows all look right. Other formats pass unchanged.
    """
    if not image.startswith(_PNG_SIGNATURE):
        return image
    chunks = _png_chunks(image)
    pixels = zlib.decompress(b"".join(payload for kind, payload in chunks if kind == b"IDAT"))
    packer = zlib.compressobj(1)
    broken = packer.compress(pixels[: len(pixels) // 2]) + packer.flush(zlib.Z_FULL_FLUSH)
    broken += _RESERVED_BLOCK + bytes(64)
    out = [_PNG_SIGNATURE]
    written = False
    for kind, payload in chunks:
        if kind != b"IDAT":
            out.append(_chunk(kind, payload))
        elif not written:
            out.append(_chunk(b"IDAT", broken))
            written = True
    return b"".join(out)


def _png_chunks(image: bytes) -> list[tuple[bytes, bytes]]:
    chunks = []
    position = len(_PNG_SIGNATURE)
    while position + 12 <= len(image):
        length, kind = struct.unpack_from(">I4s", image, position)
        chunks.append((kind, image[position + 8 : position + 8 + length]))
        position += 12 + length
    return chunks


def _chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)
