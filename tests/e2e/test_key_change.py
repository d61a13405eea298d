"""A relay's key changed in the settings is used by the very next job (no restart)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind
from studio.domain.job import JobState
from studio.domain.request import GenerationRequest
from studio.engine.manager import RequestManager
from studio.simulator import SimulatorServer
from studio.store.history import Store
from tests.helpers.engine import FAST_RETRIES, sim_profile


def test_a_fixed_key_takes_effect_for_the_next_job(tmp_path: Path) -> None:
    keys = {"current": "wrong-key-000001"}

    def profiles(name: str):
        return sim_profile(server.url, api_key=keys["current"])

    async def go() -> tuple[JobState, JobState, ErrorKind | None]:
        store = Store(tmp_path / "data")
        manager = RequestManager(store, Catalog.load(), profiles, policy=FAST_RETRIES)
        try:
            first = await manager.run(GenerationRequest("a key test", "flux"), "sim")
            keys["current"] = "right-key-000002"
            second = await manager.run(GenerationRequest("a key test", "flux"), "sim")
            return first.state, second.state, first.error.kind if first.error else None
        finally:
            await manager.aclose()
            store.close()

    with SimulatorServer(api_key="right-key-000002") as server:
        first, second, kind = asyncio.run(go())
    assert (first, kind) == (JobState.FAILED, ErrorKind.AUTH)
    assert second is JobState.SUCCEEDED
