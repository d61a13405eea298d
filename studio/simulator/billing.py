"""The OpenAI-style billing endpoints that relays built on one-api/new-api answer with the key.

``GET /v1/dashboard/billing/subscription`` gives the account's whole credit as
``hard_limit_usd`` (new-api: remaining + used quota, in USD); ``GET
/v1/dashboard/billing/usage?start_date=…&end_date=…`` gives what was used, in cents, as
``total_usage``. What a client shows as the balance is the difference. new-api ignores the
dates; OpenAI refused a window over 100 days, and so does the simulator (and a missing or
malformed date), so a client that reads usage the way relays allow is tested.

The simulated account holds :data:`CREDIT_USD` after a reset; every billed request uses the
catalog's price per image (USD) times the images asked for, or :data:`DEFAULT_COST` when the
catalog has no USD price. The ``no-billing`` personality is a relay without these routes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.responses import JSONResponse, Response

from studio.simulator import personalities
from studio.simulator.call import Call, endpoint
from studio.simulator.personalities import DEFAULT_COST
from studio.simulator.personality_names import NO_BILLING
from studio.simulator.state import LogEntry, SimState

CREDIT_USD = 100.0  # what the simulated account holds after a reset
MAX_WINDOW_DAYS = 100  # OpenAI's longest usage query
_N_MAX = 10


def spent_usd(state: SimState) -> float:
    """What the billed requests since the reset cost, in USD."""
    return sum(_cost(state, entry) for entry in state.log() if entry.billed)


def _cost(state: SimState, entry: LogEntry) -> float:
    price = state.catalog.get(entry.model).price if entry.model else None
    each = price.per_image if price is not None and price.currency == "USD" else DEFAULT_COST
    return each * _images(entry)


def _images(entry: LogEntry) -> int:
    """The images a billed request asked for (``n`` of its JSON body or form), 1 by default."""
    asked: Any = None
    if isinstance(entry.body, dict):
        asked = entry.body.get("n")
    elif entry.fields:
        asked = entry.fields.get("n")
    try:
        n = int(asked) if asked is not None and not isinstance(asked, bool) else 1
    except (TypeError, ValueError):
        n = 1
    return min(max(n, 1), _N_MAX)


async def _open(call: Call) -> None:
    """What both routes check first: the route exists on this relay, the key, the faults."""
    if personalities.has(call.state, NO_BILLING):  # the catch-all's answer: no such route
        request = call.request
        raise call.fail(404, f"Invalid URL ({request.method} {request.url.path})", code="")
    call.require_auth()
    await call.begin({"billing"})


@endpoint("billing")
async def subscription(call: Call) -> Response:
    await _open(call)
    return JSONResponse(
        {
            "object": "billing_subscription",
            "has_payment_method": True,
            "soft_limit_usd": CREDIT_USD,
            "hard_limit_usd": CREDIT_USD,
            "system_hard_limit_usd": CREDIT_USD,
            "access_until": 0,
        }
    )


@endpoint("billing")
async def usage(call: Call) -> Response:
    await _open(call)
    query = call.request.query_params
    try:
        start = dt.date.fromisoformat(query.get("start_date", ""))
        end = dt.date.fromisoformat(query.get("end_date", ""))
    except ValueError:
        raise call.bad_request(
            "start_date and end_date are required, as YYYY-MM-DD", code="invalid_date"
        ) from None
    if not 0 < (end - start).days <= MAX_WINDOW_DAYS:
        raise call.bad_request(
            f"end_date must be after start_date, at most {MAX_WINDOW_DAYS} days later",
            code="invalid_date_range",
        )
    cents = round(spent_usd(call.state) * 100, 6)
    return JSONResponse({"object": "list", "total_usage": cents})
