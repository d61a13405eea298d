"""Reading an HTTP body with a size cap, gzip and deflate decompressed within the same cap.

httpx decompresses whole network chunks at once: a gzip bomb of a few kilobytes would inflate
to gigabytes before any check. Here the raw bytes are inflated with ``max_length`` so memory
never holds more than the cap (plus one chunk).
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator

import httpx

ACCEPT_ENCODING = "gzip, deflate"  # what the studio can decompress within a cap


class BodyTooLargeError(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


class BodyEncodingError(Exception):
    """The body is compressed in a way the studio did not ask for, or is damaged."""


class _Inflater:
    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        wbits = 16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(wbits)
        self._first = True

    def feed(self, data: bytes, room: int) -> bytes:
        """Inflate ``data``, producing at most ``room + 1`` bytes (one more tells "too big")."""
        try:
            out = self._zlib.decompress(data, room + 1)
        except zlib.error:
            if self.encoding == "deflate" and self._first:  # raw deflate without a zlib header
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                self._first = False
                return self.feed(data, room)
            raise BodyEncodingError(f"damaged {self.encoding} data") from None
        self._first = False
        if self._zlib.unconsumed_tail and len(out) <= room:
            more = self.feed(self._zlib.unconsumed_tail, room - len(out))
            return out + more
        return out


async def read_capped(response: httpx.Response, limit: int) -> bytes:
    """The body of a streamed ``response``, decoded, at most ``limit`` bytes (else raise)."""
    if response.is_stream_consumed:  # already read whole (and decoded) by whoever made it
        if len(response.content) > limit:
            raise BodyTooLargeError(limit)
        return response.content
    buffer = bytearray()
    async for piece in decoded_chunks(response, limit):
        buffer += piece
    return bytes(buffer)


async def decoded_chunks(response: httpx.Response, limit: int) -> AsyncIterator[bytes]:
    """The body of a streamed ``response`` as it arrives, decoded; BodyTooLargeError once more
    than ``limit`` bytes came (counted after decompression)."""
    encodings = [
        part.strip().lower()
        for part in response.headers.get("content-encoding", "").split(",")
        if part.strip() and part.strip().lower() != "identity"
    ]
    if len(encodings) > 1 or (encodings and encodings[0] not in ("gzip", "x-gzip", "deflate")):
        raise BodyEncodingError(f"unexpected content-encoding {', '.join(encodings)}")
    inflater = _Inflater(encodings[0]) if encodings else None
    declared = response.headers.get("content-length", "")
    if inflater is None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLargeError(limit)
    total = 0
    async for chunk in response.aiter_raw():
        piece = inflater.feed(chunk, limit - total) if inflater is not None else chunk
        total += len(piece)
        if total > limit:
            raise BodyTooLargeError(limit)
        if piece:
            yield piece


def decoded_response(response: httpx.Response, body: bytes) -> httpx.Response:
    """A complete response holding ``body`` as read (no content encoding left to undo)."""
    headers = [
        (name, value)
        for name, value in response.headers.multi_items()
        if name.lower() not in ("content-encoding", "content-length", "transfer-encoding")
    ]
    return httpx.Response(
        response.status_code, headers=headers, content=body, request=response.request
    )
