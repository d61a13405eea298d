"""Parsing relay answers that carry megabytes of base64 without holding the GIL for long.

``json.loads`` of a 30 MB answer is one C call that keeps the interpreter locked for ~50 ms,
which would freeze the window. Long string values (base64 images, data URLs) are cut out with
``bytes.find`` first and handed back as :class:`Blob` objects; only the small remainder goes
through ``json.loads``. Decoding a blob later is done in chunks (see :mod:`studio.imaging`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

LONG_STRING = 64 * 1024  # string values longer than this are kept out of json.loads
_PLACEHOLDER = "\x00blob:"


@dataclass(frozen=True, slots=True)
class Blob:
    """The raw text of a long JSON string value (still JSON-escaped if ``escaped``).

    ``raw`` is a view into the answer's bytes: cutting 30 MB out of an answer costs nothing
    (a copy would stall the window for ~30 ms).
    """

    raw: memoryview
    escaped: bool = False

    def text(self) -> str:
        if self.escaped:
            return str(json.loads(b'"' + bytes(self.raw) + b'"'))
        return str(self.raw, "ascii", "replace")

    def __len__(self) -> int:
        return len(self.raw)


def loads(body: bytes) -> Any:
    """Like ``json.loads``, with long string values returned as :class:`Blob`."""
    if len(body) <= LONG_STRING:
        return json.loads(body)
    view = memoryview(body)
    pieces: list[bytes] = []
    blobs: list[Blob] = []
    position = 0
    cursor = 0
    length = len(body)
    while True:
        start = body.find(b'"', cursor)
        if start < 0:
            break
        end = _closing_quote(body, start + 1)
        if end < 0:
            break  # unterminated: let json.loads report it below
        if end - start - 1 > LONG_STRING:
            pieces.append(body[position:start])
            pieces.append(json.dumps(f"{_PLACEHOLDER}{len(blobs)}").encode())
            escaped = body.find(b"\\", start + 1, end) != -1
            blobs.append(Blob(view[start + 1 : end], escaped=escaped))
            position = end + 1
        cursor = end + 1
        if cursor >= length:
            break
    if not blobs:
        return json.loads(body)
    pieces.append(body[position:])
    return _restore(json.loads(b"".join(pieces)), blobs)


def _closing_quote(body: bytes, index: int) -> int:
    while True:
        end = body.find(b'"', index)
        if end < 0:
            return -1
        backslashes = 0
        probe = end - 1
        while probe >= index and body[probe] == 0x5C:  # '\\'
            backslashes += 1
            probe -= 1
        if backslashes % 2 == 0:
            return end
        index = end + 1


def _restore(value: Any, blobs: list[Blob]) -> Any:
    if isinstance(value, str) and value.startswith(_PLACEHOLDER):
        return blobs[int(value[len(_PLACEHOLDER) :])]
    if isinstance(value, dict):
        return {key: _restore(item, blobs) for key, item in value.items()}
    if isinstance(value, list):
        return [_restore(item, blobs) for item in value]
    return value


def as_text(value: Any) -> str | None:
    """A JSON string value as ``str`` whether or not it was cut out as a blob."""
    if isinstance(value, Blob):
        return value.text()
    return value if isinstance(value, str) else None
