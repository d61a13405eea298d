"""Every fault of the simulated relay does what it says, and billing follows the work."""

from __future__ import annotations

import base64
import io
import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PIL import Image, UnidentifiedImageError

from studio.simulator import SimulatorServer

AUTH = {"Authorization": "Bearer test-key"}
BODY = {"model": "gpt-image-1", "prompt": "a quiet harbour", "size": "256x256"}


@pytest.fixture(scope="module")
def http(simulator: SimulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=simulator.url, headers=AUTH, timeout=10) as client:
        yield client


@pytest.fixture
def client(sim: SimulatorServer, http: httpx.Client) -> httpx.Client:
    return http


def generate(client: httpx.Client, faults: str = "", **body: Any) -> httpx.Response:
    headers = {"X-Sim-Faults": faults} if faults else {}
    return client.post("/v1/images/generations", json={**BODY, **body}, headers=headers)


def title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match, html
    return match[1].strip()


@pytest.mark.parametrize(
    ("fault", "status", "billed"),
    [
        ("401", 401, False),
        ("429", 429, False),
        ("500", 500, False),
        ("503", 503, False),
        ("safety", 400, False),
        ("error200", 200, False),
        ("empty", 200, False),
        ("502", 502, True),
        ("504", 504, True),
        ("524", 524, True),
        ("garbage-b64", 200, True),
        ("slow-body=0.05", 200, True),
    ],
)
def test_status_faults_and_their_billing(
    client: httpx.Client, sim: SimulatorServer, fault: str, status: int, billed: bool
) -> None:
    reply = generate(client, fault)
    assert reply.status_code == status
    entry = sim.log()[-1]
    assert (entry.status, entry.billed, entry.faults) == (status, billed, [fault.split("=")[0]])
    assert sim.state.stats()["billed"] == int(billed)


def test_json_error_faults_are_openai_shaped_with_retry_after(client: httpx.Client) -> None:
    limited = generate(client, "429,retry_after=3")
    assert limited.headers["Retry-After"] == "3"
    assert limited.json()["error"]["code"] == "rate_limit_exceeded"
    busy = generate(client, "503")
    assert busy.headers["Retry-After"] == "1"
    for reply in (limited, busy, generate(client, "500"), generate(client, "401")):
        error = reply.json()["error"]
        assert set(error) == {"message", "type", "param", "code"}
        assert re.search(r" \(request id: \d+\)$", error["message"])
    assert generate(client, "safety").json()["error"]["code"] == "content_policy_violation"


def test_proxy_pages_are_html_with_a_telling_title(client: httpx.Client) -> None:
    cloudflare = generate(client, "502")
    assert cloudflare.headers["content-type"].startswith("text/html")
    assert title(cloudflare.text) == "relay.example | 502: Bad gateway"
    assert title(generate(client, "524").text) == "relay.example | 524: A timeout occurred"
    nginx = generate(client, "504")
    assert title(nginx.text) == "504 Gateway Time-out"
    assert "nginx" in nginx.text


def test_http_200_bodies_that_are_not_results(client: httpx.Client) -> None:
    error = generate(client, "error200")
    assert error.status_code == 200
    assert "message" in error.json()["error"]
    empty = generate(client, "empty").json()
    assert empty["data"] == []
    assert "created" in empty
    garbage = generate(client, "garbage-b64", model="flux").json()["data"][0]
    assert "url" not in garbage
    data = base64.b64decode(garbage["b64_json"])
    with pytest.raises(UnidentifiedImageError):
        Image.open(io.BytesIO(data))


def test_drop_cuts_the_connection_mid_body_and_is_billed(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    with pytest.raises(httpx.RemoteProtocolError):
        generate(client, "drop")
    assert sim.state.stats()["billed"] == 1
    assert generate(client).status_code == 200  # the server keeps serving


def test_slow_body_trickles_the_full_answer(client: httpx.Client) -> None:
    started = time.monotonic()
    reply = generate(client, "slow-body=0.3")
    assert time.monotonic() - started >= 0.25
    assert Image.open(io.BytesIO(base64.b64decode(reply.json()["data"][0]["b64_json"]))).size == (
        256,
        256,
    )


def test_latency_delays_any_api_request(client: httpx.Client, sim: SimulatorServer) -> None:
    sim.set_faults("latency=0.2")
    for path in ("/v1/models", "/v1/images/tasks/none"):
        started = time.monotonic()
        client.get(path)
        assert time.monotonic() - started >= 0.2
    started = time.monotonic()
    client.get("/_sim/stats")
    assert time.monotonic() - started < 0.2


def test_counted_faults_expire_and_only_count_matching_requests(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    sim.set_faults("500*2,poll-500*1")
    assert client.get("/v1/models").status_code == 200  # not a paid request: no 500 used up
    assert [generate(client).status_code for _ in range(3)] == [500, 500, 200]
    assert sim.state.fault_plan() == "poll-500*1"
    assert client.get("/v1/images/tasks/x").status_code == 500
    assert client.get("/v1/images/tasks/x").status_code == 404
    assert sim.state.fault_plan() == ""


def test_per_request_faults_from_header_and_prompt_directive(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    assert generate(client, prompt="a cat [[sim:503]]").status_code == 503
    reply = generate(client, prompt="a cat [[sim:latency=0.01]] on a mat").json()
    assert reply["data"][0]["revised_prompt"] == "a cat on a mat"
    assert sim.log()[-1].faults == ["latency"]
    assert generate(client).status_code == 200  # per-request faults do not stay


def test_unknown_faults_are_rejected(client: httpx.Client, sim: SimulatorServer) -> None:
    with pytest.raises(ValueError, match="unknown fault 'boom'"):
        sim.set_faults("boom")
    bad_header = generate(client, "boom")
    assert bad_header.status_code == 400
    assert "unknown fault" in bad_header.json()["error"]["message"]
    assert generate(client, prompt="x [[sim:latency]]").status_code == 400
    assert client.post("/_sim/faults", json={"faults": "500=3"}).status_code == 400


def test_ignore_ratio_answers_a_square_whatever_was_asked(client: httpx.Client) -> None:
    body = generate(client, "ignore-ratio", model="nano-banana", aspect_ratio="16:9").json()
    image = Image.open(io.BytesIO(client.get(body["data"][0]["url"]).content))
    assert image.size == (1024, 1024)


def test_faults_set_at_construction_come_back_after_reset(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from studio.catalog import Catalog

    catalog = Catalog.load(user=tmp_path_factory.mktemp("c") / "none.toml")
    with SimulatorServer(faults="503", api_key="secret", catalog=catalog) as server:
        server.set_faults("")
        server.reset()
        assert server.state.fault_plan() == "503"
        assert server.state.api_key == "secret"
        reply = httpx.post(
            f"{server.url}/v1/images/generations",
            json=BODY,
            headers={"Authorization": "Bearer secret"},
        )
        assert reply.status_code == 503


def test_a_request_the_client_gave_up_on_is_logged_and_still_billed(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    with pytest.raises(httpx.ReadTimeout):
        client.post(
            "/v1/images/generations",
            json=BODY,
            headers={"X-Sim-Faults": "latency=0.3"},
            timeout=0.05,
        )
    (entry,) = sim.log()
    assert (entry.kind, entry.status, entry.billed) == ("paid", 0, False)
    deadline = time.monotonic() + 3
    while entry.status == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert (entry.status, entry.billed) == (200, True)


def test_expired_url_directive_on_the_request_expires_its_links(sim: SimulatorServer) -> None:
    response = httpx.post(
        f"{sim.url}/v1/images/generations",
        json={"model": "flux", "prompt": "x [[sim:expired-url]]"},
        headers={"Authorization": "Bearer k"},
    )
    url = response.json()["data"][0]["url"]
    download = httpx.get(url)
    assert download.status_code == 403 and b"expired" in download.content
