"""A request manager on a tmp data dir against the simulated relay, for tests."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind, InputError
from studio.domain.profile import Profile
from studio.engine.manager import RequestManager
from studio.store.history import Store
from tests.helpers.engine import FAST_RETRIES, sim_profile


def profiles_for(url: str, **options: Any):
    def resolve(name: str) -> Profile:
        if name != "sim":
            raise InputError(
                ErrorKind.INVALID_INPUT, "There is no profile named {name}.", name=name
            )
        return sim_profile(url, **options)

    return resolve


@asynccontextmanager
async def manager_on(
    url: str, data_dir: Path, **profile_options: Any
) -> AsyncIterator[RequestManager]:
    store = Store(data_dir)
    manager = RequestManager(
        store, Catalog.load(), profiles_for(url, **profile_options), policy=FAST_RETRIES
    )
    try:
        yield manager
    finally:
        await manager.aclose()
        store.close()


async def until(condition: Callable[[], bool], within: float = 10.0) -> None:
    """Wait for something another thread or process makes true (the simulated relay's log)."""
    deadline = asyncio.get_running_loop().time() + within
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("the condition never came true")
        await asyncio.sleep(0.02)
