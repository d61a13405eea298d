"""The simulated relay's faults for answers of the wrong shape: ``wrong-types``,
``corrupt-zlib`` and ``mj-no-result``, over real loopback HTTP."""

from __future__ import annotations

import base64
import io
import struct
import time
import zlib
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PIL import Image

from studio.simulator import SimulatorServer

AUTH = {"Authorization": "Bearer test-key"}


@pytest.fixture(scope="module")
def http(simulator: SimulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=simulator.url, headers=AUTH, timeout=10) as client:
        yield client


@pytest.fixture
def client(sim: SimulatorServer, http: httpx.Client) -> httpx.Client:
    sim.state.async_duration = 0.2
    return http


def _faults(plan: str) -> dict[str, str]:
    return {"X-Sim-Faults": plan}


def _until_done(fetch: Any, done: Any) -> Any:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        answer = fetch()
        if done(answer):
            return answer
        time.sleep(0.05)
    raise AssertionError("never finished")


# -- wrong-types --------------------------------------------------------------------------------


def test_images_answer_keeps_its_keys_with_wrong_types(client: httpx.Client) -> None:
    body = {"model": "gpt-image-1", "prompt": "a fox", "size": "256x256"}
    plain = client.post("/v1/images/generations", json=body).json()
    wrong = client.post("/v1/images/generations", json=body, headers=_faults("wrong-types"))
    assert wrong.status_code == 200
    answer = wrong.json()
    assert set(answer) == set(plain)
    assert isinstance(answer["data"], dict) and answer["data"]
    assert not any(isinstance(item, dict) for item in answer["data"].values())
    assert isinstance(answer["usage"], list)


def test_json_edit_answer_has_wrong_types_too(client: httpx.Client) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "teal").save(buffer, "PNG")
    url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    body = {"model": "nano-banana-2-2k", "prompt": "p", "images": [url]}
    answer = client.post("/v1/images/edits", json=body, headers=_faults("wrong-types")).json()
    assert isinstance(answer["data"], dict)
    assert "choices" in answer


def test_gemini_answer_has_parts_that_are_not_a_list(client: httpx.Client) -> None:
    body = {"contents": [{"role": "user", "parts": [{"text": "a fox"}]}]}
    answer = client.post(
        "/v1beta/models/gemini-2.5-flash-image:generateContent",
        json=body,
        headers=_faults("wrong-types"),
    ).json()
    (candidate,) = answer["candidates"]
    assert candidate["content"]["parts"] == 5
    assert isinstance(answer["usageMetadata"], str)


def test_chat_answer_has_choices_true(client: httpx.Client) -> None:
    body = {"model": "gpt-4o-image", "messages": [{"role": "user", "content": "a fox"}]}
    answer = client.post("/v1/chat/completions", json=body, headers=_faults("wrong-types")).json()
    assert answer["choices"] is True
    assert answer["object"] == "chat.completion"


def test_async_submit_is_fine_and_the_task_answers_data_as_a_list(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    submit = client.post(
        "/v1/images/generations?async=true",
        json={"model": "flux", "prompt": "p [[sim:wrong-types]]"},
    )
    task_id = submit.json()["task_id"]
    assert isinstance(task_id, str)
    answer = client.get(f"/v1/images/tasks/{task_id}").json()
    assert answer["code"] == "success"
    assert isinstance(answer["data"], list)
    # The poll's own fault does the same to a task submitted without it.
    clean = client.post("/v1/images/generations?async=true", json={"model": "flux", "prompt": "p"})
    clean_id = clean.json()["task_id"]
    assert isinstance(client.get(f"/v1/images/tasks/{clean_id}").json()["data"], dict)
    sim.set_faults("wrong-types")
    assert isinstance(client.get(f"/v1/images/tasks/{clean_id}").json()["data"], list)


def test_midjourney_fetch_has_buttons_as_a_string_and_progress_as_an_object(
    client: httpx.Client,
) -> None:
    reply = client.post("/mj/submit/imagine", json={"prompt": "a castle [[sim:wrong-types]]"})
    assert reply.json()["code"] == 1 and isinstance(reply.json()["result"], str)
    task_id = reply.json()["result"]
    task = _until_done(
        lambda: client.get(f"/mj/task/{task_id}/fetch").json(),
        lambda t: t["status"] in ("SUCCESS", "FAILURE"),
    )
    assert task["status"] == "SUCCESS"
    assert isinstance(task["buttons"], str)
    assert isinstance(task["progress"], dict)


# -- corrupt-zlib -------------------------------------------------------------------------------


def _chunks(data: bytes) -> list[tuple[bytes, bytes, int]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, position = [], 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        payload = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        chunks.append((kind, payload, crc))
        position += 12 + length
    return chunks


def _assert_valid_crcs_but_undecodable(data: bytes) -> None:
    chunks = _chunks(data)
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND"
    for kind, payload, crc in chunks:
        assert zlib.crc32(kind + payload) & 0xFFFFFFFF == crc, kind
    with Image.open(io.BytesIO(data)) as image:
        image.verify()
    with Image.open(io.BytesIO(data)) as image, pytest.raises(OSError, match="broken data stream"):
        image.load()


def test_corrupt_zlib_images_have_valid_checksums_but_do_not_decode(
    client: httpx.Client,
) -> None:
    body = {"model": "gpt-image-1", "prompt": "a fox", "size": "256x256"}
    answer = client.post(
        "/v1/images/generations", json=body, headers=_faults("corrupt-zlib")
    ).json()
    _assert_valid_crcs_but_undecodable(base64.b64decode(answer["data"][0]["b64_json"]))
    flux = client.post(
        "/v1/images/generations",
        json={"model": "flux-pro", "prompt": "p"},
        headers=_faults("corrupt-zlib"),
    ).json()
    _assert_valid_crcs_but_undecodable(client.get(flux["data"][0]["url"]).content)
    fine = client.post("/v1/images/generations", json=body).json()
    with Image.open(io.BytesIO(base64.b64decode(fine["data"][0]["b64_json"]))) as image:
        image.load()


def test_corrupt_zlib_reaches_gemini_chat_and_midjourney(client: httpx.Client) -> None:
    gemini = client.post(
        "/v1beta/models/gemini-2.5-flash-image:generateContent",
        json={"contents": [{"parts": [{"text": "a fox [[sim:corrupt-zlib]]"}]}]},
    ).json()
    inline = gemini["candidates"][0]["content"]["parts"][-1]["inlineData"]
    _assert_valid_crcs_but_undecodable(base64.b64decode(inline["data"]))

    chat = client.post(
        "/v1/chat/completions",
        json={
            "model": "gpt-4o-image",
            "messages": [{"role": "user", "content": "a fox [[sim:corrupt-zlib]]"}],
        },
    ).json()
    link = chat["choices"][0]["message"]["content"].split("](")[1].rstrip(")")
    _assert_valid_crcs_but_undecodable(client.get(link).content)

    reply = client.post("/mj/submit/imagine", json={"prompt": "a castle [[sim:corrupt-zlib]]"})
    task_id = reply.json()["result"]
    task = _until_done(
        lambda: client.get(f"/mj/task/{task_id}/fetch").json(),
        lambda t: t["status"] == "SUCCESS",
    )
    _assert_valid_crcs_but_undecodable(client.get(task["imageUrl"]).content)


# -- mj-no-result -------------------------------------------------------------------------------


def test_mj_no_result_says_success_without_a_task_id(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    reply = client.post(
        "/mj/submit/imagine", json={"prompt": "a castle"}, headers=_faults("mj-no-result")
    )
    assert reply.status_code == 200
    assert reply.json() == {"code": 1, "description": "提交成功"}
    assert sim.state.stats()["billed"] == 1
