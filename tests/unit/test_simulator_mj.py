"""The simulated midjourney-proxy: submits, fetches, buttons and the vary-region modal."""

from __future__ import annotations

import base64
import io
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PIL import Image, ImageChops

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


def data_url(size: tuple[int, int] = (64, 64), colour: str = "teal", mode: str = "RGB") -> str:
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def submit(client: httpx.Client, route: str, **body: Any) -> dict[str, Any]:
    reply = client.post(f"/mj/submit/{route}", json=body)
    assert reply.status_code == 200, reply.text
    return reply.json()


def wait(client: httpx.Client, task_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        task = client.get(f"/mj/task/{task_id}/fetch").json()
        if task["status"] in ("SUCCESS", "FAILURE"):
            return task
        time.sleep(0.05)
    raise AssertionError(f"task {task_id} never finished")


def image_at(client: httpx.Client, url: str) -> Image.Image:
    image = Image.open(io.BytesIO(client.get(url).content))
    image.load()
    return image


def button(task: dict[str, Any], label: str) -> str:
    return next(b["customId"] for b in task["buttons"] if b["label"] == label)


def test_imagine_goes_through_the_states_and_ends_with_a_grid(client: httpx.Client) -> None:
    reply = submit(client, "imagine", prompt="a castle on a hill --ar 16:9")
    assert reply["code"] == 1
    assert reply["result"]
    first = client.get(f"/mj/task/{reply['result']}/fetch").json()
    assert first["status"] in ("SUBMITTED", "IN_PROGRESS")
    assert first["buttons"] == []
    assert first["imageUrl"] == ""
    assert first["progress"].endswith("%")
    task = wait(client, reply["result"])
    assert (task["status"], task["progress"], task["action"]) == ("SUCCESS", "100%", "IMAGINE")
    assert task["prompt"] == task["promptEn"] == "a castle on a hill --ar 16:9"
    assert task["submitTime"] <= task["startTime"] <= task["finishTime"]
    assert image_at(client, task["imageUrl"]).size == (1024, 576)
    labels = [b["label"] for b in task["buttons"]]
    assert labels == ["U1", "U2", "U3", "U4", "", "V1", "V2", "V3", "V4"]
    hash_ = task["properties"]["messageHash"]
    assert button(task, "U1") == f"MJ::JOB::upsample::1::{hash_}"
    assert task["buttons"][4] == {
        "customId": f"MJ::JOB::reroll::0::{hash_}::SOLO",
        "label": "",
        "emoji": "🔄",
        "type": 2,
        "style": 2,
    }


def test_upscale_then_vary_region_changes_only_the_white_area(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    grid = wait(client, submit(client, "imagine", prompt="a lighthouse")["result"])
    upscale = submit(client, "action", taskId=grid["id"], customId=button(grid, "U1"))
    assert upscale["code"] == 1
    single = wait(client, upscale["result"])
    assert single["action"] == "UPSCALE"
    before = image_at(client, single["imageUrl"]).convert("RGB")
    assert before.size == (1024, 1024)
    region = button(single, "Vary (Region)")
    assert region == f"MJ::Inpaint::1::{single['properties']['messageHash']}::SOLO"

    waiting = submit(client, "action", taskId=single["id"], customId=region)
    assert waiting["code"] == 21
    assert waiting["properties"]["status"] == "MODAL"
    task_id = waiting["result"]
    time.sleep(0.3)
    assert client.get(f"/mj/task/{task_id}/fetch").json()["status"] == "NOT_START"

    wrong = submit(client, "modal", taskId=task_id, maskBase64=data_url((512, 512), "white"))
    assert wrong["code"] == 4
    assert "mask size 512x512 does not match image size 1024x1024" in wrong["description"]
    mask = Image.new("L", (1024, 1024), 0)
    mask.paste(255, (100, 200, 400, 500))
    buffer = io.BytesIO()
    mask.save(buffer, "PNG")
    mask_url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    accepted = submit(client, "modal", taskId=task_id, prompt="a red door", maskBase64=mask_url)
    assert accepted["code"] == 1
    assert accepted["result"] == task_id
    after = wait(client, task_id)
    assert after["action"] == "INPAINT"
    assert after["prompt"] == "a red door"
    result = image_at(client, after["imageUrl"]).convert("RGB")
    changed = ImageChops.difference(result, before).convert("L").point(lambda v: 255 if v else 0)
    assert changed.getbbox() is not None
    outside = changed.copy()
    outside.paste(0, (100, 200, 400, 500))
    assert outside.getbbox() is None
    assert submit(client, "modal", taskId=task_id, maskBase64=mask_url)["code"] == 4
    billed = [e.path for e in sim.log() if e.billed]
    assert billed == ["/mj/submit/imagine", "/mj/submit/action", "/mj/submit/modal"]


def test_variation_reroll_and_change(client: httpx.Client) -> None:
    grid = wait(client, submit(client, "imagine", prompt="a forest")["result"])
    variation = wait(
        client, submit(client, "action", taskId=grid["id"], customId=button(grid, "V2"))["result"]
    )
    reroll = wait(
        client,
        submit(client, "action", taskId=grid["id"], customId=grid["buttons"][4]["customId"])[
            "result"
        ],
    )
    assert (variation["action"], reroll["action"]) == ("VARIATION", "REROLL")
    urls = {grid["imageUrl"], variation["imageUrl"], reroll["imageUrl"]}
    assert len({client.get(url).content for url in urls}) == 3
    changed = wait(
        client, submit(client, "change", taskId=grid["id"], action="UPSCALE", index=3)["result"]
    )
    assert changed["action"] == "UPSCALE"
    assert image_at(client, changed["imageUrl"]).size == (
        1024,
        1024,
    )
    strong = submit(
        client, "action", taskId=changed["id"], customId=button(changed, "Vary (Strong)")
    )
    assert image_at(client, wait(client, strong["result"])["imageUrl"]).size == (1024, 1024)
    assert submit(client, "change", taskId=grid["id"], action="ZOOM", index=1)["code"] == 4


def test_blend_and_describe(client: httpx.Client) -> None:
    blend = submit(
        client, "blend", base64Array=[data_url(), data_url(colour="orange")], dimensions="PORTRAIT"
    )
    task = wait(client, blend["result"])
    assert task["action"] == "BLEND"
    assert image_at(client, task["imageUrl"]).size == (672, 1024)
    assert submit(client, "blend", base64Array=[data_url()])["code"] == 4
    assert (
        submit(client, "blend", base64Array=[data_url(), data_url()], dimensions="WIDE")["code"]
        == 4
    )

    described = wait(
        client, submit(client, "describe", base64=data_url((300, 200), "blue"))["result"]
    )
    suggestions = described["prompt"].split("\n\n")
    assert len(suggestions) == 4
    assert described["properties"]["finalPrompt"] == described["prompt"]
    assert suggestions[0].startswith("1️⃣")
    assert "blue" in suggestions[0]
    assert "--ar 3:2" in suggestions[0]
    assert image_at(client, described["imageUrl"]).size == (300, 200)


@pytest.mark.parametrize(
    ("route", "body", "code"),
    [
        ("imagine", {"prompt": ""}, 4),
        ("imagine", {"prompt": "x", "base64Array": [base64.b64encode(b"raw").decode()]}, 4),
        ("imagine", {"prompt": "x --ar wide"}, 4),
        ("describe", {"base64": "iVBORw0KGgo="}, 4),
        ("action", {"taskId": "404", "customId": "MJ::JOB::upsample::1::x"}, 3),
        ("modal", {"taskId": "404", "maskBase64": "data:image/png;base64,"}, 3),
    ],
)
def test_validation_failures_are_http_200_with_a_code(
    client: httpx.Client, sim: SimulatorServer, route: str, body: dict[str, Any], code: int
) -> None:
    reply = submit(client, route, **body)
    assert reply["code"] == code
    assert reply["description"]
    assert not sim.log()[-1].billed


def test_unknown_button_and_unfinished_task(client: httpx.Client) -> None:
    task_id = submit(client, "imagine", prompt="a boat")["result"]
    assert submit(client, "action", taskId=task_id, customId="MJ::JOB::upsample::1::x")["code"] == 4


@pytest.mark.parametrize(("fault", "code"), [("safety", 24), ("error200", 24), ("queue-full", 23)])
def test_mj_faults_answer_codes(
    client: httpx.Client, sim: SimulatorServer, fault: str, code: int
) -> None:
    reply = client.post("/mj/submit/imagine", json={"prompt": "x"}, headers={"X-Sim-Faults": fault})
    assert reply.status_code == 200
    assert reply.json()["code"] == code
    assert not sim.log()[-1].billed


def test_async_fail_and_poll_faults(client: httpx.Client) -> None:
    reply = client.post(
        "/mj/submit/imagine", json={"prompt": "x [[sim:async-fail,async-duration=0]]"}
    )
    task = wait(client, reply.json()["result"])
    assert task["status"] == "FAILURE"
    assert task["failReason"]
    assert task["buttons"] == []
    polled = client.get(f"/mj/task/{task['id']}/fetch", headers={"X-Sim-Faults": "poll-500"})
    assert polled.status_code == 500
    assert "description" in polled.json()
    missing = client.get("/mj/task/nope/fetch")
    assert missing.status_code == 404


def test_list_by_condition_and_auth(client: httpx.Client, sim: SimulatorServer) -> None:
    first = submit(client, "imagine", prompt="one")["result"]
    second = submit(client, "imagine", prompt="two")["result"]
    listed = client.post("/mj/task/list-by-condition", json={"ids": [first, "nope", second]}).json()
    assert [t["id"] for t in listed] == [first, second]
    url = f"{sim.url}/mj/submit/imagine"
    assert httpx.post(url, json={"prompt": "x"}, headers={"mj-api-secret": "s"}).json()["code"] == 1
    unauthorised = httpx.post(url, json={"prompt": "x"})
    assert unauthorised.status_code == 401
    assert "description" in unauthorised.json()
    assert sim.log()[-1].auth == {"authorization": False, "mj-api-secret": False}
