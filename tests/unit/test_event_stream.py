"""Streamed image answers (server-sent events): drafts as they come, the final image parsed like
any answer."""

from __future__ import annotations

import asyncio
import base64
import json

import httpx
import pytest

from studio.domain.errors import RelayError
from studio.protocols.events import EventParser
from studio.protocols.images import parse_images_response
from studio.protocols.transport import RelayClient, parse_json
from tests.helpers.engine import FAST_RETRIES, sim_profile

DRAFT = base64.b64encode(b"draft-bytes").decode()
FINAL = base64.b64encode(b"final-bytes").decode()


def _events(*items: tuple[str, dict]) -> bytes:
    return b"".join(
        f"event: {name}\r\ndata: {json.dumps(data)}\r\n\r\n".encode() for name, data in items
    )


STREAM = (
    _events(
        (
            "image_generation.partial_image",
            {"type": "image_generation.partial_image", "b64_json": DRAFT, "partial_image_index": 0},
        ),
        (
            "image_generation.partial_image",
            {"type": "image_generation.partial_image", "b64_json": DRAFT, "partial_image_index": 1},
        ),
        (
            "image_generation.completed",
            {"type": "image_generation.completed", "b64_json": FINAL, "usage": {"total_tokens": 9}},
        ),
    )
    + b": keep-alive\n\n"
)


def test_the_parser_splits_events_across_any_chunking() -> None:
    for size in (1, 7, 64, len(STREAM)):
        parser = EventParser()
        events = []
        for start in range(0, len(STREAM), size):
            events += parser.feed(STREAM[start : start + size])
        events += parser.close()
        assert [e.name for e in events] == [
            "image_generation.partial_image",
            "image_generation.partial_image",
            "image_generation.completed",
        ]
        assert json.loads(events[-1].data)["b64_json"] == FINAL


def test_a_streamed_answer_sends_drafts_and_parses_as_an_images_response() -> None:
    def relay(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            headers={"content-type": "text/event-stream"},
            stream=httpx.ByteStream(STREAM),
        )

    drafts: list[tuple[int, str]] = []

    async def go() -> httpx.Response:
        client = RelayClient(
            sim_profile("https://relay.example"),
            policy=FAST_RETRIES,
            transport=httpx.MockTransport(relay),
        )
        client.on_partial = lambda index, b64: drafts.append((index, b64))
        async with client:
            return await client.post_paid("/v1/images/generations", content=b"{}")

    response = asyncio.run(go())
    assert drafts == [(0, DRAFT), (1, DRAFT)]
    completed = parse_images_response(parse_json(response))
    assert [image.b64 for image in completed.images] == [FINAL]
    assert completed.usage == {"total_tokens": 9}


def test_an_error_event_is_an_error_after_payment() -> None:
    stream = _events(("error", {"type": "error", "error": {"message": "moderation blocked"}}))

    def relay(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"content-type": "text/event-stream"}, stream=httpx.ByteStream(stream)
        )

    async def go() -> httpx.Response:
        async with RelayClient(
            sim_profile("https://relay.example"),
            policy=FAST_RETRIES,
            transport=httpx.MockTransport(relay),
        ) as client:
            return await client.post_paid("/v1/images/generations", content=b"{}")

    response = asyncio.run(go())
    with pytest.raises(RelayError) as caught:
        parse_json(response)
    assert "moderation blocked" in (caught.value.relay_message or "")
    assert caught.value.may_be_billed
