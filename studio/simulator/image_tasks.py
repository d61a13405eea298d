"""An async images task as the simulated relay keeps it, and the three shapes its polls answer
in: seed 002's record, an OpenAI-style ``generation.task`` and a generic ``tasks-v1`` record
(protocol.md §11). The routes that submit and poll them are in ``studio.simulator.tasks``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from studio.simulator.personality_names import GENERATION_TASK, TASKS_V1

FAIL_REASON = "The upstream model failed to generate the image (simulated failure)"
SEED = "seed"  # seed 002's task shape; the others are named after their personality
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
