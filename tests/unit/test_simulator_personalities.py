"""Relay personalities of the simulated relay (issue 11): what each one answers, over loopback.

Plain httpx here: these tests check the relay's side of the wire. How the engine copes with
each personality is tests/e2e/test_personalities.py.
"""

from __future__ import annotations

import base64
import io
import json
import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import openai
import pytest
from PIL import Image

from studio.simulator import PERSONALITY_NAMES, SimState, SimulatorServer, parse_personalities

AUTH = {"Authorization": "Bearer test-key"}
BODY = {"model": "gpt-image-1", "prompt": "a quiet harbour", "size": "1024x1024"}
GEMINI = "/v1beta/models/gemini-2.5-flash-image:generateContent"
GEMINI_BODY = {
    "contents": [{"role": "user", "parts": [{"text": "a red kite over the dunes"}]}],
    "generationConfig": {"responseModalities": ["TEXT", "IMAGE"]},
}
_MARKDOWN = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


@pytest.fixture(scope="module")
def http(simulator: SimulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=simulator.url, headers=AUTH, timeout=30) as client:
        yield client


@pytest.fixture
def client(sim: SimulatorServer, http: httpx.Client) -> httpx.Client:
    return http


def _png(size: tuple[int, int] = (64, 64)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def _image(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as opened:
        opened.load()
        return opened.copy()


def _until(condition: Any, within: float = 15.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        time.sleep(0.02)


# -- choosing personalities ----------------------------------------------------------------------


def test_names_are_parsed_from_commas_and_lists_and_unknown_ones_refused() -> None:
    assert parse_personalities("strict-params, url-object") == {"strict-params", "url-object"}
    assert parse_personalities(["tasks-v1", "url-object,suffixed-names"]) == {
        "tasks-v1",
        "url-object",
        "suffixed-names",
    }
    assert parse_personalities("") == frozenset()
    with pytest.raises(ValueError, match=r"unknown personality 'chatty'.*gemini-markdown"):
        parse_personalities("strict-params,chatty")
    assert set(PERSONALITY_NAMES) >= {
        "gemini-markdown",
        "strict-params",
        "generation-task",
        "tasks-v1",
        "cloudflare-100s",
        "url-object",
        "suffixed-names",
    }


def test_reset_restores_the_personalities_given_at_construction() -> None:
    state = SimState(personalities="url-object", cloudflare_cut=7)
    assert state.personalities == {"url-object"} and state.cloudflare_cut == 7
    state.set_personalities("strict-params,tasks-v1", cloudflare_cut=1.5)
    assert state.personalities == {"strict-params", "tasks-v1"} and state.cloudflare_cut == 1.5
    with pytest.raises(ValueError, match="unknown personality 'nonsense'"):
        state.set_personalities("nonsense")
    with pytest.raises(ValueError, match="positive number"):
        state.set_personalities("", cloudflare_cut=0)
    state.reset()
    assert state.personalities == {"url-object"} and state.cloudflare_cut == 7
    assert SimState().personalities == frozenset()  # none by default: the demo stays honest


def test_the_control_endpoint_sets_and_clears_personalities(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    assert client.get("/_sim/personalities").json() == {
        "personalities": [],
        "cloudflare_cut": 100.0,
    }
    reply = client.post(
        "/_sim/personalities",
        json={"personalities": "url-object,strict-params", "cloudflare_cut": 2},
    )
    assert reply.json() == {"personalities": ["strict-params", "url-object"], "cloudflare_cut": 2}
    assert sim.state.personalities == {"strict-params", "url-object"}
    refused = client.post("/_sim/personalities", json={"personalities": "grumpy"})
    assert refused.status_code == 400 and "grumpy" in refused.json()["error"]["message"]
    assert client.delete("/_sim/personalities").json()["personalities"] == []
    client.post("/_sim/personalities", json={"personalities": ["tasks-v1"]})
    client.post("/_sim/reset")
    assert sim.state.personalities == frozenset() and sim.state.cloudflare_cut == 100.0


# -- gemini-markdown ----------------------------------------------------------------------------


def test_gemini_markdown_puts_the_image_inside_words_after_thought_parts(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    sim.set_personalities("gemini-markdown")
    first = client.post(GEMINI, json=GEMINI_BODY).json()["candidates"][0]["content"]["parts"]
    second = client.post(GEMINI, json=GEMINI_BODY).json()["candidates"][0]["content"]["parts"]
    for parts in (first, second):
        assert not any("inlineData" in part or "inline_data" in part for part in parts)
        thoughts = [part for part in parts if part.get("thought")]
        assert len(thoughts) == 2 and parts[: len(thoughts)] == thoughts  # thoughts come first
        assert _MARKDOWN.search(thoughts[1]["text"])  # a draft image, inside a thought
        (answer,) = [part for part in parts if not part.get("thought")]
        assert "Here is the image" in answer["text"]

    def link(parts: list[dict[str, Any]]) -> str:
        match = _MARKDOWN.search(parts[-1]["text"])
        assert match is not None
        return match[1]

    url, data_uri = link(first), link(second)
    assert url.startswith(f"{sim.url}/files/")  # the first answer after a reset: a link
    linked = _image(client.get(url).content)
    assert data_uri.startswith("data:image/png;base64,")  # the next one: a data URI
    inline = _image(base64.b64decode(data_uri.partition(",")[2]))
    assert linked.size == inline.size == (1024, 1024)
    draft = _image(base64.b64decode(_MARKDOWN.search(first[1]["text"])[1].partition(",")[2]))
    assert max(draft.size) < 1024  # the draft is a small preview, not the image
    assert [entry.billed for entry in sim.log() if entry.kind == "paid"] == [True, True]


# -- strict-params ------------------------------------------------------------------------------


def test_strict_params_refuses_optional_parameters_by_name_unbilled(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    sim.set_personalities("strict-params")
    reply = client.post("/v1/images/generations", json={**BODY, "response_format": "b64_json"})
    assert reply.status_code == 400
    error = reply.json()["error"]
    assert re.fullmatch(
        r"Unknown parameter: 'response_format'\. \(request id: \d+\)", error["message"]
    )
    assert (error["type"], error["param"], error["code"]) == (
        "invalid_request_error",
        "response_format",
        "unknown_parameter",
    )
    several = client.post(
        "/v1/images/generations", json={**BODY, "background": "opaque", "quality": "high"}
    ).json()["error"]
    assert several["message"].startswith("Unknown parameters: 'quality', 'background'.")
    assert several["param"] == "quality"
    edit = client.post(
        "/v1/images/edits",
        files=[("image", ("room.png", _png(), "image/png"))],
        data={"model": "gpt-image-1", "prompt": "a lamp", "quality": "low"},
    )
    assert edit.status_code == 400 and edit.json()["error"]["param"] == "quality"
    assert all(not entry.billed for entry in sim.log())  # refused before any work
    # Without the refused parameters (model, prompt, size, n are always taken) it works.
    fine = client.post("/v1/images/generations", json={**BODY, "n": 2, "output_format": "png"})
    assert fine.status_code == 200 and len(fine.json()["data"]) == 2
    assert sim.log()[-1].billed


# -- tasks --------------------------------------------------------------------------------------


def test_generation_task_answers_a_task_polled_at_the_generations_path(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    sim.set_personalities("generation-task")
    sim.set_faults("async-duration=0.5")
    reply = client.post("/v1/images/generations", json={**BODY, "size": "1536x1024"})
    assert reply.status_code == 202
    task = reply.json()
    assert task["object"] == "generation.task" and task["status"] == "queued"
    assert task["id"] and task["model"] == "gpt-image-1" and "data" not in task
    assert reply.headers["Location"] == f"/v1/images/generations/{task['id']}"
    assert sim.state.stats()["billed"] == 1  # billed at submit, like any paid answer

    def poll() -> httpx.Response:
        return client.get(f"/v1/images/generations/{task['id']}")

    statuses = []
    _until(lambda: statuses.append(poll()) or statuses[-1].json()["status"] == "succeeded")
    assert {r.json()["status"] for r in statuses} <= {"queued", "in_progress", "succeeded"}
    assert all(r.status_code == 202 for r in statuses[:-1]) and statuses[-1].status_code == 200
    done = statuses[-1].json()
    assert done["progress"] == 100 and done["error"] is None and done["usage"]["total_tokens"]
    (item,) = done["data"]
    assert _image(base64.b64decode(item["b64_json"])).size == (1536, 1024)
    assert client.get("/v1/tasks/" + task["id"]).status_code == 404  # not another shape's path
    assert sim.state.stats() == {
        "billed": 1,
        "paid_requests": 1,
        "polls": len(statuses) + 1,
        "downloads": 0,
    }


def test_a_generation_task_that_fails_says_why(client: httpx.Client, sim: SimulatorServer) -> None:
    sim.set_personalities("generation-task")
    sim.set_faults("async-fail,async-duration=0")
    task = client.post("/v1/images/generations", json=BODY).json()
    failed = client.get(f"/v1/images/generations/{task['id']}").json()
    assert failed["status"] == "failed" and "data" not in failed
    assert failed["error"]["message"].startswith("The upstream model failed")


def test_tasks_v1_answers_submitted_and_is_polled_at_v1_tasks(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    sim.set_personalities("tasks-v1")
    sim.set_faults("async-duration=0.5")
    reply = client.post(
        "/v1/images/edits",
        files=[("image", ("room.png", _png(), "image/png"))],
        data={"model": "gpt-image-1", "prompt": "a lamp"},
    )
    assert reply.status_code == 200
    submitted = reply.json()
    assert submitted["status"] == "submitted" and submitted["task_id"]
    seen = []
    _until(
        lambda: (
            seen.append(client.get(f"/v1/tasks/{submitted['task_id']}").json())
            or seen[-1]["status"] == "succeeded"
        )
    )
    assert {view["status"] for view in seen} <= {"submitted", "processing", "succeeded"}
    done = seen[-1]
    assert done["progress"] == "100%" and done["fail_reason"] == ""
    (item,) = done["result"]["data"]
    assert _image(base64.b64decode(item["b64_json"])).size == (64, 64)
    unknown = client.get(f"/v1/images/tasks/{submitted['task_id']}")
    assert unknown.status_code == 404  # seed 002's path does not know this relay's tasks


# -- cloudflare-100s ----------------------------------------------------------------------------


def test_cloudflare_cuts_a_slow_call_with_a_524_page_while_the_relay_bills(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    sim.set_personalities("cloudflare-100s", cloudflare_cut=0.5)
    started = time.monotonic()
    reply = client.post("/v1/images/generations", json=BODY, headers={"X-Sim-Faults": "latency=3"})
    assert time.monotonic() - started < 2.5  # cut at 0.5 s, not after the relay's 3 s
    assert reply.status_code == 524 and "CF-RAY" in reply.headers
    assert "<title>relay.example | 524: A timeout occurred</title>" in reply.text
    entry = sim.log()[-1]
    assert entry.status == 524
    _until(lambda: entry.billed)  # the relay went on and was paid


def test_cloudflare_lets_a_quick_call_through(client: httpx.Client, sim: SimulatorServer) -> None:
    sim.set_personalities("cloudflare-100s", cloudflare_cut=30)
    reply = client.post("/v1/images/generations", json=BODY)
    assert reply.status_code == 200 and reply.json()["data"]


def test_cloudflare_lets_a_streamed_call_live(client: httpx.Client, sim: SimulatorServer) -> None:
    sim.set_personalities("cloudflare-100s", cloudflare_cut=0.5)
    with client.stream(
        "POST",
        "/v1/images/generations",
        json={**BODY, "stream": True, "partial_images": 1},
        headers={"X-Sim-Faults": "latency=1.5"},
    ) as reply:
        assert reply.status_code == 200
        text = reply.read().decode()
    assert text.count(": keep-alive") >= 2  # the stream said it was alive while it waited
    assert "event: image_generation.completed" in text


# -- url-object ---------------------------------------------------------------------------------


def test_url_object_gives_links_as_objects_with_a_cost(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    sim.set_personalities("url-object")
    reply = client.post("/v1/images/generations", json={"model": "flux", "prompt": "a kite"})
    (item,) = reply.json()["data"]
    assert set(item["url"]) == {"url", "cost"} and isinstance(item["url"]["cost"], float)
    assert _image(client.get(item["url"]["url"]).content).size == (1024, 1024)


# -- suffixed-names -----------------------------------------------------------------------------


def test_suffixed_names_lists_relay_names_and_refuses_the_plain_ones(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    plain = {entry["id"] for entry in client.get("/v1/models").json()["data"]}
    assert {"gpt-image-2", "gemini-3-pro-image-preview"} <= plain
    sim.set_personalities("suffixed-names")
    listed = {entry["id"] for entry in client.get("/v1/models").json()["data"]}
    assert {"gpt-image-2-all", "gpt-image-2:official", "nano-banana-pro"} <= listed
    assert not {"gpt-image-2", "gemini-3-pro-image-preview"} & listed
    assert "gpt-image-1" in listed  # other names are as they were

    refused = client.post("/v1/images/generations", json={**BODY, "model": "gpt-image-2"})
    assert refused.status_code == 503
    error = refused.json()["error"]
    assert error["code"] == "model_not_found"
    assert error["message"].startswith("当前分组 default 下对于模型 gpt-image-2 无可用渠道")
    native = client.post(
        "/v1beta/models/gemini-3-pro-image-preview:generateContent", json=GEMINI_BODY
    )
    assert native.status_code == 503
    assert not any(entry.billed for entry in sim.log())

    for name in ("gpt-image-2-all", "gpt-image-2:official"):
        ok = client.post(
            "/v1/images/generations", json={**BODY, "model": name, "size": "2048x1152"}
        )
        assert ok.status_code == 200 and ok.json()["model"] == name
        image = _image(base64.b64decode(ok.json()["data"][0]["b64_json"]))
        assert image.size == (2048, 1152)  # served as gpt-image-2 (free sizes)
    pro = client.post("/v1beta/models/nano-banana-pro:generateContent", json=GEMINI_BODY)
    assert pro.status_code == 200
    assert any("inlineData" in p for p in pro.json()["candidates"][0]["content"]["parts"])


# -- streaming (gpt-image family) ---------------------------------------------------------------


def _events(text: str) -> list[tuple[str, dict[str, Any]]]:
    events = []
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith(":")]
        if not lines:
            continue
        fields = dict(line.split(": ", 1) for line in lines)
        events.append((fields["event"], json.loads(fields["data"])))
    return events


def test_a_streamed_generation_sends_partial_images_then_the_completed_one(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    with client.stream(
        "POST",
        "/v1/images/generations",
        json={**BODY, "size": "1536x1024", "stream": True, "partial_images": 2, "quality": "low"},
    ) as reply:
        assert reply.status_code == 200
        assert reply.headers["content-type"].startswith("text/event-stream")
        text = reply.read().decode()
    events = _events(text)
    assert [name for name, _ in events] == [
        "image_generation.partial_image",
        "image_generation.partial_image",
        "image_generation.completed",
    ]
    assert all(data["type"] == name for name, data in events)
    partials, (_, completed) = events[:-1], events[-1]
    assert [data["partial_image_index"] for _, data in partials] == [0, 1]
    final = _image(base64.b64decode(completed["b64_json"]))
    assert final.size == (1536, 1024)
    for _, data in partials:
        assert max(_image(base64.b64decode(data["b64_json"])).size) < 1536  # small drafts
        assert (data["size"], data["quality"], data["output_format"]) == ("1536x1024", "low", "png")
        assert {"background", "created_at"} <= set(data)
    assert set(completed["usage"]) >= {"total_tokens", "input_tokens", "output_tokens"}
    assert completed["usage"]["input_tokens_details"]["text_tokens"] >= 1
    assert sim.log()[-1].billed


def test_a_streamed_edit_uses_the_edit_event_names(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    with client.stream(
        "POST",
        "/v1/images/edits",
        files=[("image", ("room.png", _png((256, 256)), "image/png"))],
        data={"model": "gpt-image-1", "prompt": "a lamp", "stream": "true", "partial_images": "1"},
    ) as reply:
        events = _events(reply.read().decode())
    assert [name for name, _ in events] == ["image_edit.partial_image", "image_edit.completed"]
    assert _image(base64.b64decode(events[-1][1]["b64_json"])).size == (256, 256)


def test_stream_without_partials_and_bad_stream_fields(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    with client.stream("POST", "/v1/images/generations", json={**BODY, "stream": True}) as reply:
        events = _events(reply.read().decode())
    assert [name for name, _ in events] == ["image_generation.completed"]
    too_many = client.post(
        "/v1/images/generations", json={**BODY, "stream": True, "partial_images": 4}
    )
    assert too_many.status_code == 400 and "partial_images" in too_many.json()["error"]["message"]
    bad = client.post("/v1/images/generations", json={**BODY, "stream": "yes please"})
    assert bad.status_code == 400
    assert [entry.billed for entry in sim.log()] == [True, False, False]
    # A model outside the gpt-image family: the relay drops `stream` and answers JSON.
    flux = client.post(
        "/v1/images/generations", json={"model": "flux", "prompt": "a kite", "stream": True}
    )
    assert flux.headers["content-type"].startswith("application/json") and flux.json()["data"]


def test_the_openai_sdk_reads_the_simulated_stream(sim: SimulatorServer) -> None:
    """The official SDK is the oracle for the event format: it parses every event into its
    typed model."""
    sdk = openai.OpenAI(base_url=f"{sim.url}/v1", api_key="sim-key", max_retries=0)
    events = list(
        sdk.images.generate(
            model="gpt-image-1",
            prompt="a lighthouse",
            size="1024x1024",
            stream=True,
            partial_images=3,
        )
    )
    assert [type(e).__name__ for e in events] == [
        "ImageGenPartialImageEvent",
        "ImageGenPartialImageEvent",
        "ImageGenPartialImageEvent",
        "ImageGenCompletedEvent",
    ]
    assert events[-1].usage.output_tokens > 0 and events[-1].size == "1024x1024"
    with io.BytesIO(_png((128, 128))) as image:
        image.name = "room.png"
        edits = list(
            sdk.images.edit(
                model="gpt-image-1", prompt="a lamp", image=image, stream=True, partial_images=1
            )
        )
    assert [type(e).__name__ for e in edits] == [
        "ImageEditPartialImageEvent",
        "ImageEditCompletedEvent",
    ]
