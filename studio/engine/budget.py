"""The budget guard: would this request pass a relay's daily or monthly limit?

A relay profile may carry limits (``daily_budget``, ``monthly_budget`` in ``budget_currency``).
Before a request is sent, what the relay cost today (this month) — from the ledger, the relay's
markup applied — plus what this request is likely to cost is compared with each limit. Passing
one does not block anything by itself: the window asks first, the CLI wants ``--yes``.

Only amounts in the budget's currency are compared; a request whose price the catalog does not
know counts as nothing (never a made-up number), but a limit already reached is still said.
Reads the history: call it on the store's thread.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.engine.ledger import Money, spend_this_month, spend_today
from studio.store.history import Store

Period = Literal["daily", "monthly"]

MSG_OVER_DAILY = QT_TRANSLATE_NOOP(
    ERRORS,
    "This request would pass the daily budget of {profile}: {spent} of {budget} {currency} spent "
    "today, this request about {estimate}. Send it anyway with --yes, or raise the budget.",
)
MSG_OVER_MONTHLY = QT_TRANSLATE_NOOP(
    ERRORS,
    "This request would pass the monthly budget of {profile}: {spent} of {budget} {currency} "
    "spent this month, this request about {estimate}. Send it anyway with --yes, or raise the "
    "budget.",
)


@dataclass(frozen=True)
class BudgetExcess:
    """A limit this request would pass."""

    profile: str
    period: Period
    budget: float
    spent: float
    estimate: float
    currency: str

    def error(self) -> InputError:
        """The refusal the CLI gives without ``--yes`` (nothing was sent)."""
        template = MSG_OVER_DAILY if self.period == "daily" else MSG_OVER_MONTHLY
        return InputError(
            ErrorKind.INVALID_INPUT,
            template,
            profile=self.profile,
            spent=f"{self.spent:.2f}",
            budget=f"{self.budget:.2f}",
            currency=self.currency,
            estimate=f"{self.estimate:.2f}",
        )


def estimate(request: GenerationRequest, catalog: Catalog, profile: Profile) -> Money:
    """What ``request`` is likely to cost on this relay: the list price × images × markup."""
    price = catalog.get(request.model).price
    if price is None:
        return Money(None, None, "unknown")
    images = max(request.n, request.max_images or 0)
    return Money(price.per_image * images * profile.price_multiplier, price.currency, "list-price")


def _in(money: Money, currency: str) -> float:
    return money.amount if money.amount is not None and money.currency == currency else 0.0


def over_budget(
    store: Store,
    catalog: Catalog,
    profile: Profile,
    request: GenerationRequest | Sequence[GenerationRequest],
    *,
    now: float | None = None,
) -> BudgetExcess | None:
    """The first limit of ``profile`` that ``request`` would pass, or None. Several requests
    (a run's jobs on this relay) count together."""
    given: tuple[tuple[Period, float | None], ...] = (
        ("daily", profile.daily_budget),
        ("monthly", profile.monthly_budget),
    )
    limits = [(period, budget) for period, budget in given if budget is not None and budget > 0]
    if not limits:
        return None
    currency = profile.budget_currency
    requests = [request] if isinstance(request, GenerationRequest) else list(request)
    cost = sum(_in(estimate(one, catalog, profile), currency) for one in requests)
    moment = time.time() if now is None else now
    for period, budget in limits:
        spend = spend_today if period == "daily" else spend_this_month
        spent = _in(
            spend(store, catalog, profile.name, markup=profile.price_multiplier, now=moment),
            currency,
        )
        if spent + cost > budget or spent >= budget:
            return BudgetExcess(profile.name, period, budget, spent, cost, currency)
    return None
