"""The relay's request id of a paid call (studio.protocols.request_ids), read by the transport
from the answer's headers or from an error message, for the claim list of issue 13."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from studio.domain.errors import ErrorKind, RelayError
from studio.domain.profile import Profile
from studio.domain.redact import MASK, remember_secret
from studio.protocols import request_ids
from studio.protocols.transport import RelayClient, RetryPolicy

PROFILE = Profile(name="relay", base_url="http://relay.test/v1", api_key="sk-unit-key-0123456789")
IMAGE = {"data": [{"url": "http://relay.test/files/1.png"}]}


def client(handler: Callable[[httpx.Request], httpx.Response]) -> RelayClient:
    return RelayClient(
        PROFILE, policy=RetryPolicy(backoff=0.0), transport=httpx.MockTransport(handler)
    )


async def paid(handler: Callable[[httpx.Request], httpx.Response]) -> str | None:
    """POST once inside a receipt; the id it kept (whatever the call raised)."""
    async with client(handler) as relay:
        with request_ids.collecting() as receipt, contextlib.suppress(RelayError):
            await relay.post_paid("/images/generations", content=b"{}")
    return receipt.request_id


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"X-Oneapi-Request-Id": "20261120120000123456789"}, "20261120120000123456789"),
        ({"x-request-id": "req_abc123"}, "req_abc123"),
        ({"X-Request-Id": "edge-77"}, "edge-77"),
        ({"X-Request-Id": "edge-77", "X-Oneapi-Request-Id": "relay-1"}, "relay-1"),
        ({}, None),
    ],
)
def test_the_id_comes_from_the_answers_headers(
    headers: dict[str, str], expected: str | None
) -> None:
    found = asyncio.run(paid(lambda request: httpx.Response(200, json=IMAGE, headers=headers)))
    assert found == expected


def test_an_error_message_that_quotes_it_is_enough() -> None:
    body = {"error": {"message": "upstream failed (request id: 2026112012000099)", "code": 500}}
    found = asyncio.run(paid(lambda request: httpx.Response(500, json=body)))
    assert found == "2026112012000099"
    ok_with_error = {"error": {"message": "no image returned (request id: B-42)"}}
    assert asyncio.run(paid(lambda request: httpx.Response(200, json=ok_with_error))) == "B-42"


def test_headers_win_over_the_body() -> None:
    body = {"error": {"message": "bad (request id: from-body)"}}
    found = asyncio.run(
        paid(lambda r: httpx.Response(400, json=body, headers={"x-request-id": "from-header"}))
    )
    assert found == "from-header"


class _CutStream(httpx.AsyncByteStream):
    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"data": [{"b64_json": "iVBO'
        raise httpx.RemoteProtocolError("peer closed connection")


def test_an_id_that_came_before_the_cut_is_kept() -> None:
    def cut(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"X-Oneapi-Request-Id": "cut-1"}, stream=_CutStream())

    async def run() -> tuple[str | None, RelayError]:
        async with client(cut) as relay:
            with request_ids.collecting() as receipt, pytest.raises(RelayError) as raised:
                await relay.post_paid("/images/generations", content=b"{}")
        return receipt.request_id, raised.value

    found, error = asyncio.run(run())
    assert found == "cut-1"
    assert error.kind is ErrorKind.FATE_UNKNOWN and error.may_be_billed


def test_each_paid_call_starts_afresh() -> None:
    """A call refused with an id, then the call that paid without one: no id, not the first."""
    answers = iter(
        [
            httpx.Response(429, headers={"Retry-After": "0", "x-request-id": "limited"}),
            httpx.Response(200, json=IMAGE),
        ]
    )
    assert asyncio.run(paid(lambda request: next(answers))) is None
    answers = iter(
        [
            httpx.Response(429, headers={"Retry-After": "0", "x-request-id": "limited"}),
            httpx.Response(200, json=IMAGE, headers={"x-request-id": "the-paid-one"}),
        ]
    )
    assert asyncio.run(paid(lambda request: next(answers))) == "the-paid-one"


def test_jobs_on_one_client_keep_their_own_ids() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        name = json.loads(request.content)["job"]
        await asyncio.sleep(0.05 if name == "first" else 0.0)  # the first answers last
        return httpx.Response(200, json=IMAGE, headers={"x-request-id": f"id-of-{name}"})

    async def job(relay: RelayClient, name: str) -> str | None:
        with request_ids.collecting() as receipt:
            await relay.post_paid("/images/generations", content=json.dumps({"job": name}).encode())
        return receipt.request_id

    async def run() -> list[str | None]:
        async with RelayClient(PROFILE, transport=httpx.MockTransport(handler)) as relay:
            return await asyncio.gather(job(relay, "first"), job(relay, "second"))

    assert asyncio.run(run()) == ["id-of-first", "id-of-second"]


def test_without_a_receipt_nothing_is_kept_and_nothing_breaks() -> None:
    async def run() -> int:
        handler = lambda r: httpx.Response(200, json=IMAGE, headers={"x-request-id": "x"})  # noqa: E731
        async with client(handler) as relay:
            response = await relay.post_paid("/images/generations", content=b"{}")
        return response.status_code

    assert asyncio.run(run()) == 200


def test_the_id_passes_the_redaction_rule_and_is_bounded() -> None:
    remember_secret("relay-secret-4711-0815")
    assert request_ids.in_headers({"x-request-id": "a relay-secret-4711-0815"}) == f"a {MASK}"
    assert request_ids.in_headers({"x-request-id": "   "}) is None
    long = request_ids.in_headers({"x-request-id": "x" * 1000})
    assert long is not None and len(long) <= request_ids.MAX_LENGTH
    assert request_ids.in_body(b"<html>no id here</html>") is None
    assert request_ids.in_body(b'{"message": "x (Request ID: Zq-9)"}') == "Zq-9"
