"""The simulated relay's billing endpoints (issue 13 item 2), over loopback with plain httpx:
what one-api/new-api answer with the API key, and a relay that has none of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import httpx
import pytest

from studio.simulator import PERSONALITY_NAMES, SimulatorServer

AUTH = {"Authorization": "Bearer test-key"}
SUBSCRIPTION = "/v1/dashboard/billing/subscription"
USAGE = "/v1/dashboard/billing/usage"
TODAY = dt.datetime.now(dt.UTC).date()
WINDOW = {
    "start_date": (TODAY - dt.timedelta(days=99)).isoformat(),
    "end_date": (TODAY + dt.timedelta(days=1)).isoformat(),
}


@pytest.fixture
def client(sim: SimulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sim.url, headers=AUTH, timeout=30) as http:
        yield http


def _balance(client: httpx.Client) -> float:
    limit = client.get(SUBSCRIPTION).json()["hard_limit_usd"]
    return float(limit - client.get(USAGE, params=WINDOW).json()["total_usage"] / 100)


def test_the_answers_have_new_apis_shape(client: httpx.Client) -> None:
    subscription = client.get(SUBSCRIPTION)
    assert subscription.status_code == 200
    body = subscription.json()
    assert body == {
        "object": "billing_subscription",
        "has_payment_method": True,
        "soft_limit_usd": body["hard_limit_usd"],
        "hard_limit_usd": body["hard_limit_usd"],
        "system_hard_limit_usd": body["hard_limit_usd"],
        "access_until": 0,
    }
    assert body["hard_limit_usd"] == 100.0
    usage = client.get(USAGE, params=WINDOW)
    assert usage.status_code == 200 and usage.json() == {"object": "list", "total_usage": 0.0}


def test_usage_grows_by_the_catalogs_price_per_image_billed(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    price = sim.state.catalog.get("dall-e-2").price
    assert price is not None
    paid = client.post(
        "/v1/images/generations",
        json={"model": "dall-e-2", "prompt": "three boats", "n": 3, "size": "256x256"},
    )
    assert paid.status_code == 200
    assert client.get(USAGE, params=WINDOW).json()["total_usage"] == pytest.approx(
        3 * price.per_image * 100
    )
    # A model the catalog has no price for costs the fixed amount; a refused request nothing.
    client.post("/v1/images/generations", json={"model": "flux", "prompt": "one boat"})
    client.post("/v1/images/generations", json={"model": "no-such-model", "prompt": "x"})
    assert _balance(client) == pytest.approx(100.0 - 3 * price.per_image - 0.04)
    sim.reset()
    assert _balance(client) == pytest.approx(100.0)


def test_no_key_or_a_wrong_key_is_401(sim: SimulatorServer) -> None:
    with httpx.Client(base_url=sim.url, timeout=30) as anonymous:
        for path in (SUBSCRIPTION, USAGE):
            refused = anonymous.get(path, params=WINDOW)
            assert refused.status_code == 401
            assert refused.json()["error"]["code"] == "invalid_api_key"
    sim.state.api_key = "the-right-key"
    with httpx.Client(base_url=sim.url, headers=AUTH, timeout=30) as wrong:
        assert wrong.get(SUBSCRIPTION).status_code == 401
        assert wrong.get(USAGE, params=WINDOW).status_code == 401
    with httpx.Client(
        base_url=sim.url, headers={"Authorization": "Bearer the-right-key"}, timeout=30
    ) as right:
        assert right.get(SUBSCRIPTION).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"start_date": "yesterday", "end_date": WINDOW["end_date"]},
        {"start_date": WINDOW["end_date"], "end_date": WINDOW["start_date"]},
        {
            "start_date": (TODAY - dt.timedelta(days=100)).isoformat(),
            "end_date": WINDOW["end_date"],
        },
    ],
    ids=["missing", "not-a-date", "backwards", "over-100-days"],
)
def test_usage_outside_the_allowed_window_is_400(
    client: httpx.Client, params: dict[str, str]
) -> None:
    refused = client.get(USAGE, params=params)
    assert refused.status_code == 400
    assert refused.json()["error"]["message"]


def test_the_no_billing_personality_has_no_such_endpoints(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    assert "no-billing" in PERSONALITY_NAMES
    sim.set_personalities("no-billing")
    for path in (SUBSCRIPTION, USAGE):
        missing = client.get(path, params=WINDOW)
        assert missing.status_code == 404
        assert "Invalid URL" in missing.json()["error"]["message"]
    assert client.get("/v1/models").status_code == 200  # the rest of the relay is there
