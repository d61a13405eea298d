"""Streamed image answers (opt-in per relay): drafts told as they come, the final image saved,
and a proxy that cuts silent calls at 100 s lets a streamed call live."""

from __future__ import annotations

from pathlib import Path

from studio.domain.job import JobState
from studio.domain.request import GenerationRequest
from studio.engine.events import EventKind, JobEvent
from studio.simulator import SimulatorServer
from tests.helpers.engine import run_job

GPT = GenerationRequest("a lantern in the rain", "gpt-image-1")


def _paid(sim: SimulatorServer) -> list:
    return [entry for entry in sim.log() if entry.kind == "paid"]


def test_a_streamed_job_shows_drafts_and_saves_the_final_image(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    events: list[JobEvent] = []
    job = run_job(
        sim.url, GPT, tmp_path, events=events, stream_images=True, partial_images=2
    )
    assert job.state is JobState.SUCCEEDED, job.error
    (paid,) = _paid(sim)
    assert paid.body["stream"] is True and paid.body["partial_images"] == 2
    drafts = [e for e in events if e.kind is EventKind.PARTIAL_IMAGE]
    assert [e.index for e in drafts] == [0, 1]
    assert all(e.partial and e.partial.startswith(b"\x89PNG") for e in drafts)
    assert len(job.images) == 1 and job.images[0].path.is_file()
    assert job.images[0].path.read_bytes() not in [e.partial for e in drafts]  # the final one
    assert any("bill drafts" in n.message for n in job.warnings)


def test_without_the_opt_in_nothing_is_streamed(sim: SimulatorServer, tmp_path: Path) -> None:
    job = run_job(sim.url, GPT, tmp_path)
    assert job.state is JobState.SUCCEEDED, job.error
    (paid,) = _paid(sim)
    assert "stream" not in paid.body and "partial_images" not in paid.body


def test_models_that_do_not_stream_are_sent_as_usual(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    job = run_job(sim.url, GenerationRequest("a kite", "flux"), tmp_path, stream_images=True)
    assert job.state is JobState.SUCCEEDED, job.error
    (paid,) = _paid(sim)
    assert "stream" not in paid.body


def test_a_streamed_call_lives_through_a_proxy_that_cuts_silent_ones(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.state.set_personalities("cloudflare-100s", cloudflare_cut=0.5)
    sim.set_faults("latency=1.5")
    silent = run_job(sim.url, GPT, tmp_path / "silent")
    assert silent.state is JobState.FAILED and silent.error is not None
    assert silent.error.may_be_billed and "524" in (silent.error.relay_message or "")

    streamed = run_job(sim.url, GPT, tmp_path / "streamed", stream_images=True, partial_images=1)
    assert streamed.state is JobState.SUCCEEDED, streamed.error
    assert len(_paid(sim)) == 2  # one each: nothing was sent twice
