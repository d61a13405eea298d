"""Faults in how an answer's body travels: padded, gzip-encoded, a gzip bomb, a byte at a time.

Applied after the work is done (``Call.deliver``), to polls and to file downloads: what a proxy
in front of a relay does to bodies it did not write.
"""

from __future__ import annotations

import gzip
import zlib

import anyio
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from studio.simulator.faults import Faults

MiB = 1024 * 1024
_PAD_KEY = b'"_padding":"'


def with_body_faults(response: Response, faults: Faults) -> Response:
    """``response`` as the body faults in ``faults`` would have it reach the client."""
    body = bytes(response.body)
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    if faults.has("huge-body"):
        body = padded(body, int(faults.value("huge-body", 1.0) * MiB))
    if faults.has("gzip-bomb"):
        body = gzip_bomb(body, int(faults.value("gzip-bomb", 64.0) * MiB))
        headers["content-encoding"] = "gzip"
    elif faults.has("gzip"):
        body = gzip.compress(body, compresslevel=6)
        headers["content-encoding"] = "gzip"
    if faults.has("trickle"):
        pause = faults.value("trickle", 1.0)
        return TrickleResponse(body, response.status_code, headers, pause=pause)
    if body is response.body:
        return response
    return Response(body, response.status_code, headers)


def padded(body: bytes, size: int) -> bytes:
    """A JSON object with a long string field added in front, ``size`` bytes in all."""
    if not body.startswith(b"{"):
        return body + b" " * max(size - len(body), 0)
    filler = b"x" * max(size - len(body) - len(_PAD_KEY) - 2, 0)
    separator = b"," if body.strip() != b"{}" else b""
    return b"{" + _PAD_KEY + filler + b'"' + separator + body[1:]


def gzip_bomb(body: bytes, size: int) -> bytes:
    """A gzip stream that inflates to ``size`` bytes: ``body``'s JSON padded with spaces."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [compressor.compress(body.rstrip(b"}") if body.startswith(b"{") else body)]
    chunk = b" " * MiB
    remaining = max(size - len(body), 0)
    while remaining > 0:
        piece = chunk[: min(remaining, MiB)]
        parts.append(compressor.compress(piece))
        remaining -= len(piece)
    parts.append(compressor.compress(b"}" if body.startswith(b"{") else b""))
    parts.append(compressor.flush())
    return b"".join(parts)


class TrickleResponse(Response):
    """The body ``piece`` bytes at a time, ``pause`` seconds apart (``slow-body`` sends ten
    pieces; ``trickle`` one byte at a time: a relay that never quite finishes)."""

    def __init__(
        self,
        content: bytes,
        status_code: int,
        headers: dict[str, str],
        *,
        pause: float,
        piece: int = 1,
    ) -> None:
        super().__init__(content, status_code, headers)
        self.pause = pause
        self.piece = max(piece, 1)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers}
        )
        for start in range(0, len(self.body), self.piece):
            await anyio.sleep(self.pause)
            await send(
                {
                    "type": "http.response.body",
                    "body": self.body[start : start + self.piece],
                    "more_body": True,
                }
            )
        await send({"type": "http.response.body", "body": b""})
