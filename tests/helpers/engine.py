"""Running one job through the real engine against the simulated relay, for tests."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import Any

from studio.catalog import Catalog
from studio.domain.job import Job
from studio.domain.profile import AsyncOptions, Profile
from studio.domain.request import GenerationRequest
from studio.engine.events import JobEvent
from studio.engine.ids import new_job_id
from studio.engine.runner import Runner
from studio.engine.sinks import DirectorySink
from studio.protocols.transport import RelayClient, RetryPolicy

# Fast but faithful: the same retry rules, shorter waits.
FAST_RETRIES = RetryPolicy(backoff=0.05, backoff_cap=0.2)


def sim_profile(url: str, **options: Any) -> Profile:
    async_options = options.pop("async_options", AsyncOptions(poll_interval=0.2))
    api_key = options.pop("api_key", "sim-secret-key")
    return Profile(
        name="sim", base_url=url, api_key=api_key, async_options=async_options, **options
    )


def run_job(
    url: str,
    request: GenerationRequest,
    out: Path,
    *,
    catalog: Catalog | None = None,
    policy: RetryPolicy = FAST_RETRIES,
    events: list[JobEvent] | None = None,
    **profile_options: Any,
) -> Job:
    profile = sim_profile(url, **profile_options)

    async def go() -> Job:
        async with RelayClient(profile, policy=policy) as client:
            runner = Runner(catalog or Catalog.load(), client, DirectorySink(out))
            if events is not None:
                runner.listeners.append(events.append)
            return await runner.run(Job(new_job_id(), request, profile.name))

    return asyncio.run(go())


def with_url(profile: Profile, url: str) -> Profile:
    return replace(profile, base_url=url)
