"""The balance reader's parsing (issue 13 item 2): whatever a relay answers, a Balance or None,
never an exception. Over the real loopback relay: tests/e2e/test_billing_balance.py."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import math
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.domain.profile import AuthStyle, Profile
from studio.protocols.billing import (
    SUBSCRIPTION_PATH,
    USAGE_PATH,
    Balance,
    balance_from,
    read_balance,
    usage_window,
)

READ_AT = "2026-12-04T20:00:00+00:00"
KEY = "sk-fuzz-secret-0123456789abcdef"

_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
)
_json = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_fields = st.sampled_from(
    ["hard_limit_usd", "soft_limit_usd", "system_hard_limit_usd", "total_usage", "error", "object"]
)
# Objects shaped like the real answers, with any values: the parser's edges.
_shaped = st.dictionaries(_fields, _json, max_size=5)


def _check(result: Balance | None) -> None:
    assert result is None or (
        isinstance(result, Balance)
        and math.isfinite(result.amount)
        and result.currency == "USD"
        and result.read_at == READ_AT
    )


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(subscription=_json | _shaped, usage=_json | _shaped)
def test_any_json_gives_a_balance_or_none(subscription: Any, usage: Any) -> None:
    _check(balance_from(subscription, usage, READ_AT))


def test_new_api_answers_give_hard_limit_minus_usage() -> None:
    subscription = {
        "object": "billing_subscription",
        "has_payment_method": True,
        "soft_limit_usd": 25.0,
        "hard_limit_usd": 25.0,
        "system_hard_limit_usd": 25.0,
        "access_until": 0,
    }
    balance = balance_from(subscription, {"object": "list", "total_usage": 1234.5}, READ_AT)
    assert balance == Balance(12.655, "USD", READ_AT)
    # Overdrawn accounts exist: what the relay says, negative included.
    assert balance_from({"hard_limit_usd": 1}, {"total_usage": 150}, READ_AT) == Balance(
        -0.5, "USD", READ_AT
    )
    for bad in (True, "25", None, float("nan"), float("inf"), 1e8, -1):
        assert balance_from({"hard_limit_usd": bad}, {"total_usage": 0}, READ_AT) is None, bad
    for bad in (True, "5", None, float("nan"), -1):
        assert balance_from({"hard_limit_usd": 5}, {"total_usage": bad}, READ_AT) is None, bad
    assert (
        balance_from({"hard_limit_usd": 5, "error": {"message": "x"}}, {"total_usage": 0}, READ_AT)
        is None
    )


def test_the_usage_window_is_the_longest_relays_allow_and_ends_after_today() -> None:
    start, end = usage_window(dt.date(2026, 3, 1))
    assert (start, end) == ("2025-11-22", "2026-03-02")
    assert (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days == 100


def _profile(**options: Any) -> Profile:
    return Profile(name="fuzz", base_url="https://relay.example/v1", api_key=KEY, **options)


def _read(handler: Any, **options: Any) -> Balance | None:
    async def go() -> Balance | None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            return await read_balance(_profile(**options), client=client)

    return asyncio.run(go())


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.binary(max_size=200) | _json.map(lambda v: json.dumps(v).encode()),
    status=st.sampled_from([200, 201, 204, 301, 400, 401, 404, 500, 502]),
    kind=st.sampled_from(["application/json", "text/html", "text/plain", ""]),
)
def test_any_answer_over_http_gives_a_balance_or_none(body: bytes, status: int, kind: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"Content-Type": kind} if kind else {})

    result = _read(handler)
    assert result is None or (isinstance(result, Balance) and math.isfinite(result.amount))


def test_an_injected_client_gets_the_paths_the_key_and_the_window() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == SUBSCRIPTION_PATH:
            return httpx.Response(
                200, json={"object": "billing_subscription", "hard_limit_usd": 10}
            )
        return httpx.Response(200, json={"object": "list", "total_usage": 125})

    balance = _read(handler)
    assert balance is not None and balance.amount == pytest.approx(8.75)
    assert [request.url.path for request in seen] == [SUBSCRIPTION_PATH, USAGE_PATH]
    assert all(request.headers["authorization"] == f"Bearer {KEY}" for request in seen)
    assert set(seen[1].url.params) == {"start_date", "end_date"}
    seen.clear()
    assert _read(handler, auth_style=AuthStyle.GOOG_API_KEY) is not None
    assert all(request.headers["x-goog-api-key"] == KEY for request in seen)
    assert all("authorization" not in request.headers for request in seen)


def test_an_injected_client_that_raises_gives_none() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    assert _read(handler) is None
