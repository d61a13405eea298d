"""Issue 10, class 6: answers are bounded — a size cap on the paid answer, gzip and deflate
inflated within that cap, and a deadline for every paid call and poll loop."""

from __future__ import annotations

import asyncio
import resource
import time
from pathlib import Path

import pytest

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind
from studio.domain.job import Job, JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.request import GenerationRequest
from studio.engine.ids import new_job_id
from studio.engine.runner import Runner
from studio.engine.sinks import DirectorySink
from studio.protocols.transport import RelayClient
from studio.simulator import SimulatorServer
from tests.helpers.engine import FAST_RETRIES, sim_profile

MiB = 1024 * 1024
INLINE = GenerationRequest("a small boat", "gpt-image-1")
LINKED = GenerationRequest("a small boat", "flux")


def _run(url: str, request: GenerationRequest, out: Path, *, cap: int, **profile: object) -> Job:
    async def go() -> Job:
        client = RelayClient(sim_profile(url, **profile), policy=FAST_RETRIES, answer_cap=cap)
        async with client:
            runner = Runner(Catalog.load(), client, DirectorySink(out))
            return await runner.run(Job(new_job_id(), request, "sim"))

    return asyncio.run(go())


def test_an_answer_larger_than_the_cap_is_refused_and_may_have_been_billed(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("huge-body=6")
    job = _run(sim.url, INLINE, tmp_path, cap=4 * MiB)
    assert job.state is JobState.FAILED
    assert job.error is not None and job.error.kind is ErrorKind.BAD_RESULT
    assert "larger than 4 MB" in job.error.message and job.error.may_be_billed
    assert sim.state.stats()["paid_requests"] == 1


@pytest.mark.parametrize("request_", [INLINE, LINKED], ids=["inline", "link"])
def test_gzip_answers_and_downloads_are_read(
    sim: SimulatorServer, tmp_path: Path, request_: GenerationRequest
) -> None:
    sim.set_faults("gzip")
    job = _run(sim.url, request_, tmp_path, cap=64 * MiB)
    assert job.state is JobState.SUCCEEDED, job.error
    assert next(e.faults for e in sim.log() if e.kind in ("paid", "download")) == ["gzip"]
    assert job.images[0].path.is_file()


def test_gzip_polls_are_read(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("gzip,async-duration=0.3")
    request = GenerationRequest("a small boat", "flux", protocol=ProtocolId.IMAGES_ASYNC)
    job = _run(sim.url, request, tmp_path, cap=64 * MiB)
    assert job.state is JobState.SUCCEEDED, job.error


def test_a_gzip_bomb_is_inflated_only_up_to_the_cap(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("gzip-bomb=512")  # a few hundred kB that inflate to 512 MiB
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    job = _run(sim.url, INLINE, tmp_path, cap=8 * MiB)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert job.state is JobState.FAILED
    assert job.error is not None and "larger than 8 MB" in job.error.message
    assert job.error.may_be_billed
    assert grown_kib < 200 * 1024  # never anywhere near the 512 MiB it would inflate to


def test_a_relay_that_trickles_cannot_hold_a_job_past_its_time_limit(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("trickle=0.5")
    started = time.monotonic()
    job = _run(sim.url, INLINE, tmp_path, cap=64 * MiB, job_timeout=2.0)
    assert time.monotonic() - started < 8
    assert job.state is JobState.INTERRUPTED
    assert job.error is not None and job.error.may_be_billed
    assert "2 s" in job.error.message
