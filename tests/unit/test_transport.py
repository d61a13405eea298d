"""The retry discipline of protocol.md §10, counted on the simulated relay's side."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from studio.domain.errors import Billing, ErrorKind
from studio.domain.job import JobState
from studio.domain.request import GenerationRequest
from studio.engine.events import EventKind, JobEvent
from studio.simulator import SimulatorServer
from tests.helpers.engine import run_job

PROMPT = GenerationRequest("a lighthouse at dusk", "nano-banana")


def _paid(sim: SimulatorServer) -> int:
    return sim.state.stats()["paid_requests"]


@pytest.mark.parametrize("fault", ["500", "502", "504", "524", "drop"])
def test_unknown_fate_is_never_resent(sim: SimulatorServer, tmp_path: Path, fault: str) -> None:
    sim.set_faults(fault)
    job = run_job(sim.url, PROMPT, tmp_path / "out")
    assert job.state is JobState.FAILED
    assert job.error is not None and job.error.kind is ErrorKind.FATE_UNKNOWN
    assert job.error.may_be_billed and "not sent again" in job.error.message
    assert _paid(sim) == 1
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_read_timeout_is_not_resent(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("latency=1.5")
    job = run_job(sim.url, PROMPT, tmp_path / "out", read_timeout=0.5)
    assert job.error is not None and job.error.kind is ErrorKind.FATE_UNKNOWN
    assert "did not answer within" in job.error.message
    assert _paid(sim) == 1


def test_rate_limit_is_retried_after_the_wait(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("429*2,retry_after=0.2")
    events: list[JobEvent] = []
    job = run_job(sim.url, PROMPT, tmp_path / "out", events=events)
    assert job.state is JobState.SUCCEEDED, job.error
    assert _paid(sim) == 3
    waits = [e for e in events if e.kind is EventKind.WAITING]
    assert [round(e.seconds or 0, 1) for e in waits] == [0.2, 0.2]
    assert sim.state.stats()["billed"] == 1


def test_rate_limit_gives_up_with_a_plain_message(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("429,retry_after=0.05")
    job = run_job(sim.url, PROMPT, tmp_path / "out")
    assert job.error is not None and job.error.kind is ErrorKind.RATE_LIMITED
    assert _paid(sim) == 4  # RetryPolicy.limited_attempts
    assert sim.state.stats()["billed"] == 0


def test_long_retry_after_is_not_waited_for(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("429,retry_after=600")
    job = run_job(sim.url, PROMPT, tmp_path / "out")
    assert job.error is not None and "600 s" in job.error.message
    assert _paid(sim) == 1


def test_503_with_retry_after_is_retried(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("503*1,retry_after=0.1")
    job = run_job(sim.url, PROMPT, tmp_path / "out")
    assert job.state is JobState.SUCCEEDED
    assert _paid(sim) == 2


def test_connection_refused_is_retried_then_reported(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    events: list[JobEvent] = []
    job = run_job(f"http://127.0.0.1:{port}", PROMPT, tmp_path, events=events)
    assert job.error is not None and job.error.kind is ErrorKind.NETWORK
    assert f"127.0.0.1:{port}" in job.error.message
    assert job.error.billing is Billing.NOT_SENT
    assert "Nothing was sent" in job.error.full_text(billing=True)
    assert not job.error.may_be_billed
    assert len([e for e in events if e.kind is EventKind.WAITING]) == 2  # 3 attempts


def test_connection_that_comes_back_succeeds(tmp_path: Path) -> None:
    """A relay that was down for the first attempt: the request was provably not sent."""
    with SimulatorServer() as server:
        url = server.url
    # The port is free again; bring a simulator up on it while the engine backs off.
    import threading

    port = int(url.rsplit(":", 1)[1])
    holder: dict[str, SimulatorServer] = {}
    starter = threading.Timer(
        0.15, lambda: holder.setdefault("s", SimulatorServer(port=port).start())
    )
    starter.start()
    try:
        from studio.protocols.transport import RetryPolicy

        job = run_job(url, PROMPT, tmp_path, policy=RetryPolicy(backoff=0.3, connect_attempts=4))
        assert job.state is JobState.SUCCEEDED, job.error
        assert holder["s"].state.stats()["paid_requests"] == 1
    finally:
        starter.join()
        if "s" in holder:
            holder["s"].stop()


def test_polls_retry_freely(sim: SimulatorServer, tmp_path: Path) -> None:
    from studio.domain.model_spec import ProtocolId

    sim.set_faults("poll-500*2,async-duration=0.3")
    request = GenerationRequest("async please", "nano-banana", protocol=ProtocolId.IMAGES_ASYNC)
    job = run_job(sim.url, request, tmp_path)
    assert job.state is JobState.SUCCEEDED, job.error
    stats = sim.state.stats()
    assert stats["paid_requests"] == 1 and stats["polls"] >= 3


def test_key_only_goes_to_the_relay(sim: SimulatorServer, tmp_path: Path) -> None:
    job = run_job(sim.url, PROMPT, tmp_path / "out")
    assert job.state is JobState.SUCCEEDED
    downloads = [e for e in sim.log() if e.kind == "download"]
    paid = [e for e in sim.log() if e.kind == "paid"]
    assert paid[0].auth.get("authorization") is True
    assert downloads  # same origin here, so the key may go along; a CDN never gets it


def test_slow_body_within_the_time_out_succeeds(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("slow-body=0.5,latency=0.2")
    job = run_job(sim.url, PROMPT, tmp_path / "out")
    assert job.state is JobState.SUCCEEDED, job.error
    assert _paid(sim) == 1


def test_downloads_are_capped_and_keys_stay_home() -> None:
    import asyncio

    import httpx

    from studio.protocols.transport import RelayClient
    from tests.helpers.engine import FAST_RETRIES, sim_profile

    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/declared":
            big = {"content-length": str(10 * 1024 * 1024)}
            return httpx.Response(200, headers=big, stream=httpx.ByteStream(b"x" * 10))
        if request.url.path == "/streamed":
            return httpx.Response(200, stream=httpx.ByteStream(b"x" * 1_200_000))
        return httpx.Response(200, content=b"fine")

    async def go() -> list[object]:
        profile = sim_profile("https://relay.example")
        async with RelayClient(
            profile, policy=FAST_RETRIES, transport=httpx.MockTransport(handler)
        ) as client:
            outcomes: list[object] = []
            for url in ("https://relay.example/declared", "https://relay.example/streamed"):
                try:
                    await client.download(url, max_bytes=1024 * 1024)
                except Exception as error:
                    outcomes.append(error)
            outcomes.append(await client.download("https://cdn.example/image.png"))
            outcomes.append(await client.download("https://relay.example/files/a.png"))
            return outcomes

    declared, streamed, cdn, own = asyncio.run(go())
    assert getattr(declared, "kind", None) is ErrorKind.BAD_RESULT and "larger than 1 MB" in str(
        declared
    )
    assert getattr(streamed, "kind", None) is ErrorKind.BAD_RESULT
    assert cdn == own == b"fine"
    assert "authorization" not in seen[-2].headers  # the CDN never sees the key
    assert seen[-1].headers["authorization"] == "Bearer sim-secret-key"


def test_a_socks_proxy_that_is_down_is_a_network_error(tmp_path: Path) -> None:
    """socks5:// proxies are supported (httpx[socks]); one that is not running says so."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    job = run_job("https://relay.example", PROMPT, tmp_path, proxy=f"socks5://127.0.0.1:{port}")
    assert job.error is not None and job.error.kind is ErrorKind.NETWORK
    assert not job.error.may_be_billed
