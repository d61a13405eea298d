"""The routes of async images tasks: seed 002's ``?async=true`` submits polled at
``GET /v1/images/tasks/{id}``, and those of the ``generation-task`` and ``tasks-v1``
personalities (protocol.md §11): ``{"object": "generation.task", "id"}`` polled at
``GET /v1/images/generations/{id}`` and ``{"task_id", "status": "submitted"}`` polled at
``GET /v1/tasks/{id}``. The task itself and its answers' shapes: ``image_tasks``.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from starlette.responses import JSONResponse, Response

from studio.simulator.bodies import with_body_faults
from studio.simulator.call import Call, endpoint
from studio.simulator.image_tasks import FAIL_REASON, SEED, ImageTask
from studio.simulator.malformed import task_wrong_types
from studio.simulator.personality_names import GENERATION_TASK, TASKS_V1


def wants_async(call: Call) -> bool:
    return call.request.query_params.get("async", "").lower() == "true"


def refuse_without_async(call: Call) -> None:
    """The ``no-async`` fault: answer like a relay that has no async route."""
    if call.faults.has("no-async"):
        method, path = call.request.method, call.request.url.path
        raise call.fail(404, f"Invalid URL ({method} {path})", code="")


def submit(call: Call, result: dict[str, Any], style: str = SEED) -> Response:
    """Keep the finished work as a task and answer with its id (billed now, at submit)."""
    prefix = {GENERATION_TASK: "gentask_", TASKS_V1: "task_"}.get(style, "")
    task = ImageTask(
        id=prefix + uuid.uuid4().hex,
        submit_time=int(time.time()),
        started=time.monotonic(),
        duration=call.faults.value("async-duration", call.state.async_duration),
        fail_reason=FAIL_REASON if call.faults.has("async-fail") else "",
        result=result,
        wrong_types=call.faults.has("wrong-types"),
        style=style,
    )
    call.state.tasks[task.id] = task
    if style == GENERATION_TASK:
        location = f"/v1/images/generations/{task.id}"
        return call.deliver(
            JSONResponse(task.view(), status_code=202, headers={"Location": location})
        )
    if style == TASKS_V1:
        submitted = {"task_id": task.id, "status": "submitted", "created_at": task.submit_time}
        return call.deliver(JSONResponse(submitted))
    if call.faults.has("async-wrapped"):
        return call.deliver(JSONResponse({"code": "success", "message": "", "data": task.id}))
    return call.deliver(JSONResponse({"task_id": task.id}))


async def _task(call: Call, style: str) -> ImageTask | None:
    """The task a poll asks about (None: unknown here), after the poll's faults."""
    call.require_auth()
    await call.begin({"poll"})
    if call.faults.has("poll-500"):
        raise call.fail(
            500,
            "Internal error while fetching the task",
            code="internal_error",
            type_="server_error",
        )
    task = call.state.tasks.get(call.request.path_params["task_id"])
    if task is not None and task.style != style:  # another relay's task: not known here
        task = None
    call.entry.model = task.result.get("model") if task else None
    return None if call.faults.has("poll-404") else task


@endpoint("poll")
async def poll_generation(call: Call) -> Response:
    """``GET /v1/images/generations/{id}`` (generation-task): 202 until the task is over."""
    task = await _task(call, GENERATION_TASK)
    if task is None:
        raise call.fail(404, "task not found", code="task_not_found")
    view = task.view()
    status = 202 if view["status"] in ("queued", "in_progress") else 200
    return with_body_faults(JSONResponse(view, status_code=status), call.faults)


@endpoint("poll")
async def poll_v1(call: Call) -> Response:
    """``GET /v1/tasks/{id}`` (tasks-v1)."""
    task = await _task(call, TASKS_V1)
    if task is None:
        raise call.fail(404, "task not exist", code="task_not_exist")
    return with_body_faults(JSONResponse(task.view()), call.faults)


@endpoint("poll")
async def poll(call: Call) -> Response:
    task = await _task(call, SEED)
    if task is None:  # relays lose fresh tasks for a while
        return JSONResponse(
            {
                "code": "task_not_exist",
                "message": f"task not found (request id: {call.request_id})",
                "data": None,
            },
            status_code=404,
        )
    body = {"code": "success", "message": "", "data": task.view()}
    if task.wrong_types or call.faults.has("wrong-types"):
        body = task_wrong_types(task.view())
    return with_body_faults(JSONResponse(body), call.faults)
