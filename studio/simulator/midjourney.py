"""midjourney-proxy routes: ``/mj/submit/*``, ``/mj/task/{id}/fetch``, ``list-by-condition``.

Submits answer HTTP 200 with a ``code``: 1 ok, 21 waiting for a modal, 3 not found,
4 validation error, 23 queue full, 24 banned prompt.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from studio.simulator import shapes
from studio.simulator.call import Call, EarlyAnswerError, endpoint
from studio.simulator.faults import split_directive
from studio.simulator.image_tasks import FAIL_REASON
from studio.simulator.inputs import Picture, decode_data_url, probe
from studio.simulator.malformed import MJ_NO_RESULT, corrupt_zlib, mj_task_wrong_types
from studio.simulator.mj_tasks import GRID_ACTIONS, TILE_LONG_SIDE, MjTask, new_id
from studio.simulator.render import Scene, describe, draft, render, render_edit, render_grid
from studio.simulator.shapes import Shape
from studio.simulator.sizes import parse_ratio, size_for_ratio

_ASPECT = re.compile(r"--(?:ar|aspect)\s+(\S+)")
_DIMENSIONS = {"PORTRAIT": (2.0, 3.0), "SQUARE": (1.0, 1.0), "LANDSCAPE": (3.0, 2.0)}
_CHANGE = {"UPSCALE": "upsample", "VARIATION": "variation", "REROLL": "reroll"}
_NUMBERS = ("1️⃣", "2️⃣", "3️⃣", "4️⃣")


@endpoint("paid", Shape.MJ)
async def imagine(call: Call) -> Response:
    body = await _body(call)
    prompt, directive = split_directive(_string(body.get("prompt")))
    if not prompt:
        raise call.bad_request("prompt is required")
    refs = tuple(
        [(await _picture(call, i, "base64Array")).data for i in _list(call, body, "base64Array")]
    )
    match = _ASPECT.search(prompt)
    ratio = _ratio(call, match[1]) if match else (1.0, 1.0)
    await _begin(call, directive)
    tile = _tile(call, ratio)
    task = _task(call, "IMAGINE", prompt, Scene(prompt, *tile, ("midjourney",), refs, _seed()))
    return await _grid(call, task)


@endpoint("paid", Shape.MJ)
async def blend(call: Call) -> Response:
    body = await _body(call)
    items = _list(call, body, "base64Array")
    if not 2 <= len(items) <= 5:
        raise call.bad_request(f"base64Array must hold 2 to 5 images, got {len(items)}")
    refs = tuple([(await _picture(call, item, "base64Array")).data for item in items])
    dimensions = _string(body.get("dimensions")) or "SQUARE"
    if dimensions not in _DIMENSIONS:
        raise call.bad_request(
            f"dimensions must be PORTRAIT, SQUARE or LANDSCAPE, got {dimensions!r}"
        )
    await _begin(call, "")
    scene = Scene(
        f"blend of {len(refs)} images",
        *_tile(call, _DIMENSIONS[dimensions]),
        ("midjourney",),
        refs,
        _seed(),
    )
    return await _grid(call, _task(call, "BLEND", "", scene))


@endpoint("paid", Shape.MJ)
async def describe_image(call: Call) -> Response:
    body = await _body(call)
    picture = await _picture(call, body.get("base64"), "base64")
    await _begin(call, "")
    task = _task(call, "DESCRIBE", "", Scene("", picture.width, picture.height))
    suggestions = await run_in_threadpool(describe, picture.data)
    task.final_prompt = "\n\n".join(
        f"{n} {text}" for n, text in zip(_NUMBERS, suggestions, strict=True)
    )
    task.image = picture.data
    task.image_url = call.file_url(picture.data, picture.format.lower())
    return _accepted(call, task)


@endpoint("paid", Shape.MJ)
async def action(call: Call) -> Response:
    body = await _body(call)
    return await _act(call, _parent(call, body), _string(body.get("customId")))


@endpoint("paid", Shape.MJ)
async def change(call: Call) -> Response:
    body = await _body(call)
    parent = _parent(call, body)
    kind = _string(body.get("action")).upper()
    if kind not in _CHANGE:
        raise call.bad_request(f"action must be UPSCALE, VARIATION or REROLL, got {kind!r}")
    index = body.get("index", 1)
    if kind != "REROLL" and index not in (1, 2, 3, 4):
        raise call.bad_request(f"index must be 1 to 4, got {index!r}")
    if kind == "REROLL":
        custom_id = f"MJ::JOB::reroll::0::{parent.hash}::SOLO"
    else:
        custom_id = f"MJ::JOB::{_CHANGE[kind]}::{index}::{parent.hash}"
    return await _act(call, parent, custom_id)


@endpoint("paid", Shape.MJ)
async def modal(call: Call) -> Response:
    body = await _body(call)
    task = _parent(call, body)
    if task.action != "INPAINT" or task.started is not None:
        raise call.bad_request(f"task {task.id} is not waiting for a modal")
    if not body.get("maskBase64"):
        raise call.bad_request("maskBase64 is required for Vary (Region)")
    mask = await _picture(call, body.get("maskBase64"), "maskBase64")
    if (mask.width, mask.height) != task.size:
        width, height = task.size
        raise call.bad_request(
            f"mask size {mask.width}x{mask.height} does not match image size {width}x{height}"
        )
    prompt, directive = split_directive(_string(body.get("prompt")))
    await _begin(call, directive, {"mask"})
    task.prompt = prompt or task.prompt
    task.duration, task.fail_reason = _timing(call)
    style = "ignore" if call.faults.has("ignore-mask") else "bw"
    scene = replace(task.scene, prompt=task.prompt)
    task.start()
    return await _finish(call, task, partial(render_edit, scene, task.source, mask.data, style))


@endpoint("poll", Shape.MJ)
async def fetch(call: Call) -> Response:
    await _poll(call)
    task = call.state.mj_tasks.get(call.request.path_params["task_id"])
    if task is None:
        raise call.fail(404, "task not found", code=3, type_="not_found")
    return JSONResponse(_view(call, task))


@endpoint("poll", Shape.MJ)
async def list_by_condition(call: Call) -> Response:
    await _poll(call)
    body = await call.read_json()
    ids = body.get("ids") or []
    if not isinstance(ids, list):
        raise call.fail(400, "ids must be a list of task ids", code=4)
    found = (call.state.mj_tasks.get(str(i)) for i in ids)
    return JSONResponse([_view(call, task) for task in found if task is not None])


# -- steps ------------------------------------------------------------------------------------


async def _body(call: Call) -> dict[str, Any]:
    call.require_auth()
    call.entry.model = "midjourney"
    return await call.read_json()


async def _poll(call: Call) -> None:
    call.require_auth()
    await call.begin({"poll"})
    if call.faults.has("poll-500"):
        raise call.fail(
            500, "Internal error while fetching the task", code=500, type_="server_error"
        )


def _view(call: Call, task: MjTask) -> dict[str, Any]:
    """A fetch of ``task``: with the wrong types when its submit or this poll says so."""
    view = task.view()
    if task.wrong_types or call.faults.has("wrong-types"):
        return mj_task_wrong_types(view)
    return view


async def _begin(call: Call, directive: str, extra: set[str] | None = None) -> None:
    await call.begin({"paid", "mj", "async", "render", *(extra or ())}, directive)
    call.pre_work({})


def _task(call: Call, action_name: str, prompt: str, scene: Scene) -> MjTask:
    duration, fail_reason = _timing(call)
    return MjTask(new_id(), action_name, prompt, scene, duration, fail_reason)


def _timing(call: Call) -> tuple[float, str]:
    duration = call.faults.value("async-duration", call.state.async_duration)
    return duration, FAIL_REASON if call.faults.has("async-fail") else ""


async def _grid(call: Call, task: MjTask) -> Response:
    return await _finish(call, task, partial(render_grid, task.tiles()))


async def _finish(call: Call, task: MjTask, paint: Callable[[], bytes]) -> Response:
    """Render (and a blurred in-progress preview) in a worker thread, then accept the task."""
    task.image, preview = await run_in_threadpool(_with_preview, paint)
    if call.faults.has("corrupt-zlib"):  # the finished picture only: previews are not kept
        task.image = await run_in_threadpool(corrupt_zlib, task.image)
    task.image_url = call.file_url(task.image, "png")
    task.preview_url = call.file_url(preview, "png")
    return _accepted(call, task)


def _with_preview(paint: Callable[[], bytes]) -> tuple[bytes, bytes]:
    image = paint()
    return image, draft(image)


def _accepted(call: Call, task: MjTask) -> Response:
    call.state.mj_tasks[task.id] = task
    task.wrong_types = call.faults.has("wrong-types")
    if call.faults.has("mj-no-result"):  # accepted and billed, but the id never comes back
        return call.deliver(JSONResponse(MJ_NO_RESULT))
    reply = shapes.mj_reply(1, "Submit success", task.id, discordInstanceId="simulator")
    return call.deliver(reply)


async def _act(call: Call, parent: MjTask, custom_id: str) -> Response:
    """A button of a finished task: upscale, variation, reroll, vary (strong/subtle/region)."""
    if custom_id not in {b["customId"] for b in parent.buttons()}:
        raise call.bad_request(f"customId {custom_id!r} is not a button of task {parent.id}")
    parts = custom_id.split("::")
    await _begin(call, "")
    if parts[1] == "Inpaint":
        task = MjTask(
            new_id(), "INPAINT", parent.prompt, parent.scene, 0.0, started=None, source=parent.image
        )
        call.state.mj_tasks[task.id] = task
        reply = shapes.mj_reply(
            21, "Waiting for window confirm", task.id, status="MODAL", finalPrompt=parent.prompt
        )
        return call.deliver(reply, billed=False)
    kind, index = parts[2], int(parts[3])
    if kind == "upsample":
        task = _task(call, "UPSCALE", parent.prompt, parent.upscaled(index))
        return await _finish(call, task, partial(render, task.scene))
    scene = parent.scene
    if parent.action not in GRID_ACTIONS:  # a single image: back to tile size
        scene = replace(scene, width=scene.width // 2, height=scene.height // 2)
    name = "REROLL" if kind == "reroll" else "VARIATION"
    seed = _seed() if kind == "reroll" else f"{scene.variant}/{kind}{index}"
    return await _grid(call, _task(call, name, parent.prompt, replace(scene, variant=seed)))


# -- fields -----------------------------------------------------------------------------------


def _parent(call: Call, body: dict[str, Any]) -> MjTask:
    task = call.state.mj_tasks.get(_string(body.get("taskId")))
    if task is None:
        raise _reply(3, "task not found")
    return task


def _reply(code: int, description: str) -> EarlyAnswerError:
    return EarlyAnswerError(shapes.mj_reply(code, description))


def _string(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _list(call: Call, body: dict[str, Any], name: str) -> list[Any]:
    value = body.get(name) or []
    if not isinstance(value, list):
        raise call.bad_request(f"{name} must be a list of data URLs")
    return value


async def _picture(call: Call, value: Any, name: str) -> Picture:
    """A full ``data:image/...;base64,`` URL, as midjourney-proxy insists (decoded in a thread)."""
    text = _string(value)
    if not text.startswith("data:"):
        raise call.bad_request(f"{name} must be a data URL (data:image/png;base64,...)")
    try:
        return await run_in_threadpool(lambda: probe(decode_data_url(text)))
    except ValueError as exc:
        raise call.bad_request(f"{name} is not a usable image: {exc}") from None


def _ratio(call: Call, text: str) -> tuple[float, float]:
    try:
        return parse_ratio(text)
    except ValueError as exc:
        raise call.bad_request(str(exc)) from None


def _tile(call: Call, ratio: tuple[float, float]) -> tuple[int, int]:
    if call.faults.has("ignore-ratio"):
        ratio = (1.0, 1.0)
    return size_for_ratio(ratio, TILE_LONG_SIDE)


def _seed() -> str:
    return str(secrets.randbelow(10**9))
