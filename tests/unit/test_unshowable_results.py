"""A result the studio cannot show at all (PDF) is still what was paid for: kept as sent."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path

import httpx

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind
from studio.domain.job import Job, JobState
from studio.domain.request import GenerationRequest
from studio.engine.ids import new_job_id
from studio.engine.runner import Runner
from studio.engine.sinks import DirectorySink
from studio.protocols.transport import RelayClient
from tests.helpers.engine import FAST_RETRIES, sim_profile

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def test_a_pdf_result_is_kept_and_the_message_says_where(tmp_path: Path) -> None:
    def relay(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": [{"b64_json": base64.b64encode(PDF).decode()}]})

    async def go() -> Job:
        client = RelayClient(
            sim_profile("https://relay.example"),
            policy=FAST_RETRIES,
            transport=httpx.MockTransport(relay),
        )
        async with client:
            runner = Runner(Catalog.load(), client, DirectorySink(tmp_path))
            return await runner.run(
                Job(new_job_id(), GenerationRequest("a square", "gpt-image-1"), "sim")
            )

    job = asyncio.run(go())
    assert job.state is JobState.FAILED and job.error is not None
    assert job.error.kind is ErrorKind.BAD_RESULT and job.error.may_be_billed
    assert "PDF image, which the studio cannot show. It is kept as it was sent" in job.error.message
    (kept,) = tmp_path.glob("*.pdf")
    assert kept.read_bytes() == PDF and str(kept) in job.error.message
