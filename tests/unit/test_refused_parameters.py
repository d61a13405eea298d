"""A relay that refuses an optional parameter by name (HTTP 400, not billed): sent once more
without it, remembered for that relay and model, and said."""

from __future__ import annotations

import asyncio
import base64
import io
import json
from pathlib import Path

import httpx
from PIL import Image

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind
from studio.domain.job import Job, JobState
from studio.domain.request import GenerationRequest
from studio.engine.ids import new_job_id
from studio.engine.runner import Runner
from studio.engine.sinks import DirectorySink
from studio.protocols.transport import RelayClient
from studio.settings.quirks import RelayQuirks
from tests.helpers.engine import FAST_RETRIES, sim_profile


def _png() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "teal").save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


class StrictRelay:
    """Refuses `response_format` and `style` like a strict proxy; counts what it is sent."""

    def __init__(self, refuses: tuple[str, ...] = ("response_format", "style")) -> None:
        self.refuses = refuses
        self.bodies: list[dict] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.bodies.append(body)
        for name in self.refuses:
            if name in body:
                error = {
                    "message": f"Unknown parameter: '{name}'.",
                    "type": "invalid_request_error",
                    "param": name,
                    "code": "unknown_parameter",
                }
                return httpx.Response(400, json={"error": error})
        return httpx.Response(200, json={"data": [{"b64_json": _png()}]})


def _run(relay: StrictRelay, request: GenerationRequest, quirks: RelayQuirks, out: Path) -> Job:
    async def go() -> Job:
        client = RelayClient(
            sim_profile("https://relay.example"),
            policy=FAST_RETRIES,
            transport=httpx.MockTransport(relay),
        )
        async with client:
            runner = Runner(Catalog.load(), client, DirectorySink(out), quirks=quirks)
            return await runner.run(Job(new_job_id(), request, "sim"))

    return asyncio.run(go())


DALLE = GenerationRequest("a red kite", "dall-e-3", style="vivid")  # sends response_format


def test_a_refused_parameter_is_dropped_once_remembered_and_said(tmp_path: Path) -> None:
    relay, quirks = StrictRelay(refuses=("style",)), RelayQuirks(tmp_path / "quirks.json")
    job = _run(relay, DALLE, quirks, tmp_path)
    assert job.state is JobState.SUCCEEDED, job.error
    assert [body.get("style") for body in relay.bodies] == ["vivid", None]
    (note,) = [n.message for n in job.warnings if n.code == "refused_dropped"]
    assert "style" in note and "not billed" in note and "dall-e-3" in note
    assert quirks.refused("sim", "dall-e-3") == {"style"}
    assert quirks.refused("sim", "dall-e-2") == frozenset()  # per model


def test_exactly_two_posts_the_first_answered_400(tmp_path: Path) -> None:
    relay = StrictRelay(refuses=("response_format",))
    quirks = RelayQuirks(tmp_path / "quirks.json")
    job = _run(relay, GenerationRequest("a red kite", "dall-e-3"), quirks, tmp_path)
    assert job.state is JobState.SUCCEEDED, job.error
    assert len(relay.bodies) == 2
    assert "response_format" in relay.bodies[0] and "response_format" not in relay.bodies[1]

    # The next request leaves it out from the start, and says so: one POST.
    again = _run(relay, GenerationRequest("a blue kite", "dall-e-3"), quirks, tmp_path)
    assert again.state is JobState.SUCCEEDED and len(relay.bodies) == 3
    assert "response_format" not in relay.bodies[2]
    assert any(n.code == "refused_left_out" for n in again.warnings)

    # Forgotten in Settings: sent again (and learned again).
    quirks.forget("sim", "dall-e-3")
    _run(relay, GenerationRequest("a green kite", "dall-e-3"), quirks, tmp_path)
    assert "response_format" in relay.bodies[3]


def test_a_second_refusal_is_not_answered_by_a_third_post(tmp_path: Path) -> None:
    relay = StrictRelay(refuses=("response_format", "style"))
    quirks = RelayQuirks(tmp_path / "quirks.json")
    job = _run(relay, DALLE, quirks, tmp_path)
    assert len(relay.bodies) == 2  # refused, resent once, refused again: the end
    assert job.state is JobState.FAILED and job.error is not None
    assert job.error.kind is ErrorKind.BAD_REQUEST and not job.error.may_be_billed


def test_a_required_field_is_never_dropped(tmp_path: Path) -> None:
    relay = StrictRelay(refuses=("prompt",))
    job = _run(
        relay, GenerationRequest("a kite", "dall-e-3"), RelayQuirks(tmp_path / "q"), tmp_path
    )
    assert job.state is JobState.FAILED and len(relay.bodies) == 1
