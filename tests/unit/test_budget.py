"""The budget guard's rule: today's (this month's) spend from the ledger plus this request's
estimate against each limit, in the budget's currency, markup applied."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from studio.catalog import Catalog
from studio.domain.job import JobState
from studio.domain.request import GenerationRequest
from studio.engine.budget import estimate, over_budget
from studio.engine.ledger import spend_today
from studio.simulator import SimulatorServer
from studio.store.history import Store
from tests.helpers.engine import sim_profile
from tests.helpers.manager import manager_on

CATALOG = Catalog.load()
ONE = GenerationRequest("a lantern", "gpt-image-1")
LISTED = CATALOG.get("gpt-image-1").price


@pytest.fixture
def spent(sim: SimulatorServer, tmp_path: Path) -> Iterator[tuple[Store, float]]:
    """A history with one paid gpt-image-1 job on the relay "sim", and what it cost."""

    async def go() -> None:
        async with manager_on(sim.url, tmp_path) as manager:
            job = await manager.run(ONE, "sim")
            assert job.state is JobState.SUCCEEDED, job.error

    asyncio.run(go())
    store = Store(tmp_path)
    money = spend_today(store, CATALOG, "sim")
    assert money.amount is not None and money.amount > 0 and money.currency == "USD"
    yield store, money.amount
    store.close()


def test_no_limit_no_question(spent: tuple[Store, float], sim: SimulatorServer) -> None:
    store, _ = spent
    assert over_budget(store, CATALOG, sim_profile(sim.url), ONE) is None


def test_a_limit_the_request_would_pass_is_named(
    spent: tuple[Store, float], sim: SimulatorServer
) -> None:
    store, amount = spent
    assert LISTED is not None
    profile = replace(sim_profile(sim.url), monthly_budget=amount + LISTED.per_image / 2)
    excess = over_budget(store, CATALOG, profile, ONE)
    assert excess is not None and excess.period == "monthly"
    assert excess.spent == pytest.approx(amount)
    assert excess.estimate == pytest.approx(LISTED.per_image)
    roomy = replace(profile, monthly_budget=amount + LISTED.per_image * 1.5)
    assert over_budget(store, CATALOG, roomy, ONE) is None
    four = replace(ONE, n=4)  # four images do not fit where one does
    assert over_budget(store, CATALOG, roomy, four) is not None


def test_the_markup_counts_on_both_sides(spent: tuple[Store, float], sim: SimulatorServer) -> None:
    store, amount = spent
    assert LISTED is not None
    budget = (amount + LISTED.per_image) * 1.5
    marked = replace(sim_profile(sim.url), daily_budget=budget * 0.99, price_multiplier=1.5)
    excess = over_budget(store, CATALOG, marked, ONE)
    assert excess is not None and excess.spent == pytest.approx(amount * 1.5)
    assert over_budget(store, CATALOG, replace(marked, daily_budget=budget * 1.01), ONE) is None


def test_another_currency_and_an_unknown_price_are_not_guessed(
    spent: tuple[Store, float], sim: SimulatorServer
) -> None:
    store, _ = spent
    in_yuan = replace(sim_profile(sim.url), daily_budget=0.01, budget_currency="CNY")
    assert over_budget(store, CATALOG, in_yuan, ONE) is None  # USD is not compared with CNY
    unknown = GenerationRequest("a lantern", "some-relay-model")
    assert estimate(unknown, CATALOG, sim_profile(sim.url)).amount is None
    reached = replace(sim_profile(sim.url), daily_budget=0.001)
    excess = over_budget(store, CATALOG, reached, unknown)  # the limit is reached already
    assert excess is not None and excess.estimate == 0.0
