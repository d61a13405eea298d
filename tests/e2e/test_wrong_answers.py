"""Paid answers of the wrong shape, end to end: the real engine against the simulated relay.

A relay that answers with the right keys but the wrong types, a PNG whose pixels do not
decode, or a Midjourney "success" without a task id: each job fails with a plain reason that
says the request may have been billed, never with an internal error, and is paid once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from studio.domain.errors import Billing, ErrorKind
from studio.domain.job import Job, JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.request import GenerationRequest, Reference
from studio.simulator import SimulatorServer
from tests.helpers.engine import run_job

NOT_UNDERSTOOD = "The relay's answer was not understood"
DAMAGED = "The relay sent a damaged or incomplete image."


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"


@pytest.fixture
def reference(tmp_path: Path) -> Reference:
    path = tmp_path / "ref.png"
    Image.new("RGB", (640, 480), (30, 120, 200)).save(path)
    return Reference(name=path.name, path=path)


def _request(protocol: str, reference: Reference, prompt: str = "a wren") -> GenerationRequest:
    if protocol == "images":
        return GenerationRequest(prompt, "gpt-image-1")
    if protocol == "images-url":
        return GenerationRequest(prompt, "flux-pro")
    if protocol == "images-async":
        return GenerationRequest(prompt, "nano-banana", protocol=ProtocolId.IMAGES_ASYNC)
    if protocol == "images-json-edit":
        return GenerationRequest(prompt, "nano-banana-2-2k", references=(reference,))
    if protocol == "gemini":
        return GenerationRequest(prompt, "gemini-2.5-flash-image")
    if protocol == "chat":
        return GenerationRequest(prompt, "gpt-4o-image", protocol=ProtocolId.CHAT)
    assert protocol == "midjourney"
    return GenerationRequest(prompt, "midjourney")


def _paid(sim: SimulatorServer) -> list:
    return [e for e in sim.log() if e.kind == "paid"]


def _failed_after_payment(job: Job, sim: SimulatorServer, out: Path) -> None:
    assert job.state is JobState.FAILED
    assert job.error is not None
    assert job.error.kind is not ErrorKind.INTERNAL, job.error.full_text()
    assert job.error.may_be_billed and job.error.billing is Billing.MAY_BE_BILLED
    assert "<" not in job.error.full_text()
    assert len(_paid(sim)) == 1
    assert job.images == []
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))


PROTOCOLS = ["images", "images-async", "images-json-edit", "gemini", "chat", "midjourney"]


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_wrong_types_fail_with_a_reason_not_an_internal_error(
    sim: SimulatorServer, out: Path, reference: Reference, protocol: str
) -> None:
    sim.set_faults("wrong-types,async-duration=0.2")
    job = run_job(sim.url, _request(protocol, reference), out)
    _failed_after_payment(job, sim, out)
    assert job.error is not None and job.error.kind is ErrorKind.BAD_RESULT
    assert job.error.message.startswith(NOT_UNDERSTOOD), job.error.message
    assert "billed" in job.error.full_text(billing=True)
    if protocol in ("images-async", "midjourney"):
        assert job.task_id  # the submit was understood; the task's answers were not
        assert [e for e in sim.log() if e.kind == "poll"]


@pytest.mark.parametrize("protocol", ["images-async", "midjourney", "gemini"])
def test_wrong_types_from_a_prompt_directive_reach_the_task(
    sim: SimulatorServer, out: Path, reference: Reference, protocol: str
) -> None:
    sim.set_faults("async-duration=0.2")
    job = run_job(sim.url, _request(protocol, reference, "a wren [[sim:wrong-types]]"), out)
    _failed_after_payment(job, sim, out)
    assert job.error is not None and job.error.message.startswith(NOT_UNDERSTOOD)


@pytest.mark.parametrize(
    "protocol", ["images", "images-url", "images-async", "gemini", "chat", "midjourney"]
)
def test_png_that_does_not_decode_is_never_saved(
    sim: SimulatorServer, out: Path, reference: Reference, protocol: str
) -> None:
    sim.set_faults("corrupt-zlib,async-duration=0.2")
    job = run_job(sim.url, _request(protocol, reference), out)
    _failed_after_payment(job, sim, out)
    assert job.error is not None and job.error.kind is ErrorKind.BAD_RESULT
    assert job.error.message == DAMAGED


def test_midjourney_success_without_a_task_id_shows_the_relays_words(
    sim: SimulatorServer, out: Path, reference: Reference
) -> None:
    sim.set_faults("mj-no-result")
    job = run_job(sim.url, _request("midjourney", reference), out)
    _failed_after_payment(job, sim, out)
    assert job.error is not None
    assert job.error.relay_message == "提交成功"
    assert "提交成功" in job.error.full_text()
    assert "task id" in job.error.message
    assert job.task_id is None
    assert not [e for e in sim.log() if e.kind == "poll"]


def test_without_faults_the_same_requests_succeed(
    sim: SimulatorServer, out: Path, reference: Reference
) -> None:
    sim.set_faults("async-duration=0.2")
    for protocol in PROTOCOLS:
        job = run_job(sim.url, _request(protocol, reference), out)
        assert job.state is JobState.SUCCEEDED, (protocol, job.error)
