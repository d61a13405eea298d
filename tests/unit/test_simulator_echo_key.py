"""The ``echo-key`` fault: a relay that answers 401 quoting the credential it was sent and the
full URL it was called at (query included), as some relays do."""

from __future__ import annotations

import httpx
import pytest

from studio.simulator import SimulatorServer

KEY = "zz-Plain-Key-4711-abcdef"


def _message(response: httpx.Response) -> str:
    assert response.status_code == 401
    error = response.json()["error"]  # OpenAI-shaped whatever the route
    assert error["code"] == "invalid_api_key"
    return error["message"]


@pytest.mark.parametrize(
    ("method", "path", "headers", "body"),
    [
        (
            "POST",
            "/v1/images/generations?async=true",
            {"Authorization": f"Bearer {KEY}"},
            {"model": "gpt-image-1", "prompt": "a harbour"},
        ),
        ("GET", "/v1/images/tasks/task-123?verbose=1", {"Authorization": f"Bearer {KEY}"}, None),
        ("GET", "/v1/models?limit=5", {"Authorization": f"Bearer {KEY}"}, None),
        (
            "POST",
            "/v1beta/models/nano-banana:generateContent",
            {"x-goog-api-key": KEY},
            {"contents": [{"parts": [{"text": "a harbour"}]}]},
        ),
    ],
)
def test_echo_key_quotes_the_key_and_the_url(
    sim: SimulatorServer, method: str, path: str, headers: dict[str, str], body: object
) -> None:
    sim.set_faults("echo-key")
    response = httpx.request(method, sim.url + path, headers=headers, json=body, timeout=10)
    message = _message(response)
    assert KEY in message
    assert f"{sim.url}{path}" in message  # the full URL, query and all
    assert "request id" in message
    assert sim.state.stats()["billed"] == 0  # refused before any work


def test_echo_key_quotes_a_key_sent_in_the_query(sim: SimulatorServer) -> None:
    sim.set_faults("echo-key")
    path = f"/v1beta/models/nano-banana:generateContent?key={KEY}"
    body = {"contents": [{"parts": [{"text": "a harbour"}]}]}
    message = _message(httpx.post(sim.url + path, json=body, timeout=10))
    assert f"?key={KEY}" in message


def test_without_the_fault_the_key_is_accepted(sim: SimulatorServer) -> None:
    response = httpx.get(sim.url + "/v1/models", headers={"Authorization": f"Bearer {KEY}"})
    assert response.status_code == 200
