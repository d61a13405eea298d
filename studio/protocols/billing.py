"""`billing`: a relay's balance, from the OpenAI-style billing endpoints one-api/new-api answer.

``GET /v1/dashboard/billing/subscription`` answers the account's (or, on relays that show
per-key figures, the key's) whole credit as ``hard_limit_usd``: new-api computes it as the
remaining plus the used quota. ``GET /v1/dashboard/billing/usage?start_date=…&end_date=…``
answers the used quota in cents as ``total_usage``. The balance is the difference, as the
clients written for these relays compute it. new-api ignores the dates; OpenAI refused a window
over 100 days, so the widest such window, ending tomorrow (UTC), is asked.

Reading is free (two GETs) and optional: anything but two good JSON answers — a 404, a web
page, an error inside HTTP 200, a time-out, garbage, an unlimited key (new-api's 100000000) —
gives ``None``, never an exception and never a log line with the key.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import httpx

from studio.domain.profile import Profile
from studio.protocols import jsonbody
from studio.protocols.reading import decoded_response, read_capped
from studio.protocols.relay_errors import error_in_ok_body
from studio.protocols.transport import RelayClient, RetryPolicy

SUBSCRIPTION_PATH = "/v1/dashboard/billing/subscription"
USAGE_PATH = "/v1/dashboard/billing/usage"
USAGE_WINDOW_DAYS = 100  # the longest usage query OpenAI allowed (end date exclusive)
UNLIMITED = 100_000_000  # what one-api/new-api say for a key without a limit
CURRENCY = "USD"  # the fields are *_usd (a new-api showing CNY converts, but keeps the names)
ANSWER_CAP = 256 * 1024  # a billing answer is a few hundred bytes
_ONE_TRY = RetryPolicy(idempotent_attempts=1)


@dataclass(frozen=True)
class Balance:
    """What is left on a relay account, as the relay said at ``read_at`` (ISO-8601, UTC)."""

    amount: float
    currency: str
    read_at: str


def usage_window(today: dt.date) -> tuple[str, str]:
    """``start_date`` and ``end_date`` of the usage query: the widest window allowed, ending
    tomorrow so that today's use counts."""
    end = today + dt.timedelta(days=1)
    return (end - dt.timedelta(days=USAGE_WINDOW_DAYS)).isoformat(), end.isoformat()


def _number(data: Any, name: str) -> float | None:
    """A finite, non-negative number at ``data[name]`` of a JSON object without ``error``."""
    if not isinstance(data, dict) or data.get("error") not in (None, "", {}):
        return None
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) and number >= 0 else None


def balance_from(subscription: Any, usage: Any, read_at: str) -> Balance | None:
    """The balance from the two answers' JSON; ``None`` when either is not what relays send."""
    limit = _number(subscription, "hard_limit_usd")
    cents = _number(usage, "total_usage")
    if limit is None or cents is None or limit >= UNLIMITED:
        return None
    amount = round(limit - cents / 100, 6)
    return Balance(amount, CURRENCY, read_at) if math.isfinite(amount) else None


# The time bound is part of the call (the brief's signature): a figure to show, not a job.
async def read_balance(
    profile: Profile,
    *,
    timeout: float = 5.0,  # noqa: ASYNC109
    client: httpx.AsyncClient | None = None,
) -> Balance | None:
    """The relay's balance, or ``None`` when it does not tell it within ``timeout`` seconds.

    The key goes as ``profile.auth_style`` says, through the profile's proxy (the studio's
    relay client); an injected ``client`` sends instead (its own proxy and time-outs).
    """
    try:
        async with asyncio.timeout(timeout):
            async with RelayClient(profile, policy=_ONE_TRY, answer_cap=ANSWER_CAP) as relay:
                today = dt.datetime.now(dt.UTC).date()
                start, end = usage_window(today)
                subscription = await _get_json(relay, client, SUBSCRIPTION_PATH, {})
                if subscription is None:
                    return None
                usage = await _get_json(
                    relay, client, USAGE_PATH, {"start_date": start, "end_date": end}
                )
        read_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        return balance_from(subscription, usage, read_at)
    except Exception:  # an optional figure: whatever went wrong, there is none
        return None


async def _get_json(
    relay: RelayClient, client: httpx.AsyncClient | None, path: str, params: dict[str, str]
) -> Any:
    """A 2xx answer's JSON, or ``None`` (an error status, a page, an error inside 200)."""
    style = relay.profile.auth_style
    if client is None:
        response = await relay.get(path, auth=style, params=params)
    else:  # the relay client still checks the base URL and carries the key as it would
        headers, auth_params = relay.auth(style)
        request = client.build_request(
            "GET", relay.url(path), params={**auth_params, **params}, headers=headers
        )
        sent = await client.send(request, stream=True)
        try:
            response = decoded_response(sent, await read_capped(sent, ANSWER_CAP))
        finally:
            await sent.aclose()
    if not 200 <= response.status_code < 300:
        return None
    try:
        data = jsonbody.loads(response.content)
    except ValueError:
        return None
    return None if error_in_ok_body(data) is not None else data
