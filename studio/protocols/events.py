"""Streamed image generations: OpenAI's server-sent events, read as they arrive.

A streamed call (`"stream": true`, optionally `partial_images`) answers `text/event-stream`:
``image_generation.partial_image`` / ``image_edit.partial_image`` events with a draft as
``b64_json``, then one ``….completed`` event per image with the final ``b64_json`` and
``usage``. Events keep the connection busy, so proxies that cut a silent call at 100 s let it
live. The stream is read within the same size cap as any answer; the completed images become an
ordinary ImagesResponse body, so the protocols parse a streamed answer like any other.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from studio.protocols.reading import decoded_chunks

log = logging.getLogger(__name__)

PartialHook = Callable[[int, str], Awaitable[None] | None]  # (index, base64 of a draft)


@dataclass(frozen=True)
class ServerEvent:
    name: str  # the `event:` field, or the data's `type`
    data: str


class EventParser:
    """Splits a server-sent event stream into events (``event:``/``data:`` lines, a blank line
    ends one); tolerant of CRLF and of comments."""

    def __init__(self) -> None:
        self._buffer = b""
        self._name = ""
        self._data: list[str] = []

    def feed(self, chunk: bytes) -> list[ServerEvent]:
        self._buffer += chunk
        events: list[ServerEvent] = []
        while True:
            end = self._buffer.find(b"\n")
            if end < 0:
                return events
            line = self._buffer[:end].rstrip(b"\r").decode("utf-8", "replace")
            self._buffer = self._buffer[end + 1 :]
            if not line:
                if self._data:
                    events.append(ServerEvent(self._name, "\n".join(self._data)))
                self._name, self._data = "", []
            elif line.startswith(":"):
                continue  # a comment (keep-alive)
            else:
                field, _, value = line.partition(":")
                value = value.removeprefix(" ")
                if field == "event":
                    self._name = value
                elif field == "data":
                    self._data.append(value)

    def close(self) -> list[ServerEvent]:
        """The last event when the stream ends without a blank line."""
        return self.feed(b"\n\n") if self._buffer.strip() or self._data else []


async def collect_image_events(
    response: httpx.Response, limit: int, on_partial: PartialHook | None
) -> bytes:
    """Read an image event stream; drafts go to ``on_partial``; the answer's body as JSON."""
    parser = EventParser()
    images: list[dict[str, Any]] = []
    usage: Any = None
    error: Any = None

    async def handle(events: list[ServerEvent]) -> None:
        nonlocal usage, error
        for event in events:
            if event.data.strip() == "[DONE]":
                continue
            try:
                data = json.loads(event.data)
            except ValueError:
                log.warning("an event that is not JSON was skipped (%d bytes)", len(event.data))
                continue
            if not isinstance(data, dict):
                continue
            kind = event.name or str(data.get("type") or "")
            if kind == "error" or "error" in data:
                error = data.get("error", data)
            elif kind.endswith("partial_image"):
                index = data.get("partial_image_index")
                b64 = data.get("b64_json")
                if on_partial is not None and isinstance(b64, str) and b64:
                    outcome = on_partial(index if isinstance(index, int) else 0, b64)
                    if outcome is not None:
                        await outcome
            elif kind.endswith("completed"):
                images.append({k: data[k] for k in ("b64_json", "revised_prompt") if k in data})
                if isinstance(data.get("usage"), dict):
                    usage = data["usage"]

    async for piece in _pieces(response, limit):
        await handle(parser.feed(piece))
    await handle(parser.close())
    body: dict[str, Any] = {"error": error} if error is not None else {"data": images}
    if usage is not None:
        body["usage"] = usage
    return json.dumps(body, ensure_ascii=False).encode()


async def _pieces(response: httpx.Response, limit: int) -> AsyncIterator[bytes]:
    async for piece in decoded_chunks(response, limit):
        yield piece


def is_event_stream(response: httpx.Response) -> bool:
    content_type: str = response.headers.get("content-type", "")
    return content_type.split(";")[0].strip() == "text/event-stream"
