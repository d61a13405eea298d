"""Async images tasks: seed 002's ``?async=true`` submits polled at ``GET /v1/images/tasks/{id}``,
and the shapes of the ``generation-task`` and ``tasks-v1`` personalities (protocol.md §11):
``{"object": "generation.task", "id"}`` polled at ``GET /v1/images/generations/{id}`` and
``{"task_id", "status": "submitted"}`` polled at ``GET /v1/tasks/{id}``.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any

from starlette.responses import JSONResponse, Response

from studio.simulator.bodies import with_body_faults
from studio.simulator.call import Call, endpoint
from studio.simulator.malformed import task_wrong_types

FAIL_REASON = "The upstream model failed to generate the image (simulated failure)"
SEED = "seed"  # seed 002's task shape; the others are named after their personality
GENERATION_TASK = "generation-task"
TASKS_V1 = "tasks-v1"
_QUEUED_SHARE = 0.2  # the first fifth of a task's time it waits in the queue


@dataclass
class ImageTask:
    id: str
    submit_time: int  # epoch seconds
    started: float  # monotonic
    duration: float
    fail_reason: str  # empty when the task succeeds
    result: dict[str, Any]  # {data, model, created, usage}
    wrong_types: bool = False  # its polls answer with the right keys and the wrong types
    style: str = SEED  # the shape of its answers: seed, generation-task or tasks-v1

    def clock(self) -> tuple[float, bool]:
        """(share of its time gone by, 0..1; done)."""
        elapsed = time.monotonic() - self.started
        if self.duration <= 0 or elapsed >= self.duration:
            return 1.0, True
        return elapsed / self.duration, False

    def view(self) -> dict[str, Any]:
        if self.style == GENERATION_TASK:
            return self.generation_task_view()
        if self.style == TASKS_V1:
            return self.tasks_v1_view()
        share, done = self.clock()
        status = ("FAILURE" if self.fail_reason else "SUCCESS") if done else "IN_PROGRESS"
        progress = "100%" if done else f"{min(99, int(100 * share))}%"
        return {
            "task_id": self.id,
            "platform": "sync-task",
            "action": "image-sync",
            "status": status,
            "fail_reason": self.fail_reason if done else "",
            "submit_time": self.submit_time,
            "start_time": self.submit_time,
            "finish_time": self.submit_time + round(self.duration) if done else 0,
            "progress": progress,
            "data": self.result if status == "SUCCESS" else None,
        }

    def generation_task_view(self) -> dict[str, Any]:
        """An OpenAI-style task object; on success the ImagesResponse's fields beside it."""
        share, done = self.clock()
        if done:
            status = "failed" if self.fail_reason else "succeeded"
        else:
            status = "queued" if share < _QUEUED_SHARE else "in_progress"
        view: dict[str, Any] = {
            "id": self.id,
            "object": "generation.task",
            "model": self.result.get("model"),
            "status": status,
            "progress": 100 if done else min(99, int(100 * share)),
            "created_at": self.submit_time,
            "completed_at": self.submit_time + round(self.duration) if done else None,
            "error": {"code": "generation_failed", "message": self.fail_reason}
            if status == "failed"
            else None,
        }
        if status == "succeeded":
            view.update(
                created=self.result.get("created"),
                data=self.result.get("data"),
                usage=self.result.get("usage"),
            )
        return view

    def tasks_v1_view(self) -> dict[str, Any]:
        """A generic task record: status words, a progress string, the result inside."""
        share, done = self.clock()
        if done:
            status = "failed" if self.fail_reason else "succeeded"
        else:
            status = "submitted" if share < _QUEUED_SHARE else "processing"
        return {
            "task_id": self.id,
            "status": status,
            "progress": "100%" if done else f"{min(99, int(100 * share))}%",
            "submitted_at": self.submit_time,
            "finished_at": self.submit_time + round(self.duration) if done else None,
            "fail_reason": self.fail_reason if status == "failed" else "",
            "result": self.result if status == "succeeded" else None,
        }


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
