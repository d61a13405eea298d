"""Async images mode (seed 002): ``?async=true`` submits and ``GET /v1/images/tasks/{id}``."""

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


@dataclass
class ImageTask:
    id: str
    submit_time: int  # epoch seconds
    started: float  # monotonic
    duration: float
    fail_reason: str  # empty when the task succeeds
    result: dict[str, Any]  # {data, model, created, usage}
    wrong_types: bool = False  # its polls answer with the right keys and the wrong types

    def view(self) -> dict[str, Any]:
        elapsed = time.monotonic() - self.started
        done = elapsed >= self.duration
        status = ("FAILURE" if self.fail_reason else "SUCCESS") if done else "IN_PROGRESS"
        progress = "100%" if done else f"{min(99, int(100 * elapsed / self.duration))}%"
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


def wants_async(call: Call) -> bool:
    return call.request.query_params.get("async", "").lower() == "true"


def refuse_without_async(call: Call) -> None:
    """The ``no-async`` fault: answer like a relay that has no async route."""
    if call.faults.has("no-async"):
        method, path = call.request.method, call.request.url.path
        raise call.fail(404, f"Invalid URL ({method} {path})", code="")


def submit(call: Call, result: dict[str, Any]) -> Response:
    """Keep the finished work as a task and answer with its id (billed now, at submit)."""
    task = ImageTask(
        id=uuid.uuid4().hex,
        submit_time=int(time.time()),
        started=time.monotonic(),
        duration=call.faults.value("async-duration", call.state.async_duration),
        fail_reason=FAIL_REASON if call.faults.has("async-fail") else "",
        result=result,
        wrong_types=call.faults.has("wrong-types"),
    )
    call.state.tasks[task.id] = task
    if call.faults.has("async-wrapped"):
        return call.deliver(JSONResponse({"code": "success", "message": "", "data": task.id}))
    return call.deliver(JSONResponse({"task_id": task.id}))


@endpoint("poll")
async def poll(call: Call) -> Response:
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
    call.entry.model = task.result.get("model") if task else None
    if task is None or call.faults.has("poll-404"):  # relays lose fresh tasks for a while
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
