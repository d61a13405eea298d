"""Async answers recognised by their shape, whether asked for or not (protocol.md §5, §11).

Relays answer an images request with a task to poll in several shapes; the shape also says
where to poll it:

- seed 002's ``{"task_id": …}`` (or wrapped: ``{"code": "success", "data": "<id>"}``): where the
  profile's async settings say (``/v1/images/tasks/{task_id}`` by default);
- ``{"object": "generation.task", "id": …, "status": …}``: ``/v1/images/generations/{task_id}``;
- ``{"task_id": …, "status": "submitted"}``: ``/v1/tasks/{task_id}``.

A poll path the user set in the profile wins over the shape's: they know their relay.
"""

from __future__ import annotations

from typing import Any

from studio.domain.profile import AsyncOptions, Profile
from studio.protocols.base import Accepted, text_of

GENERATION_TASK_POLL = "/v1/images/generations/{task_id}"
TASKS_V1_POLL = "/v1/tasks/{task_id}"
_DEFAULT_POLL = AsyncOptions().poll_path
_WRAPPER_KEYS = frozenset({"code", "message", "msg", "success", "data", "request_id"})


def task_in(data: Any, profile: Profile) -> Accepted | None:
    """The task a submit's answer announces, or None when the answer is not shaped like one
    (an ImagesResponse with images, an error, anything else)."""
    accepted = _shape(data, wrapped=False)
    if accepted is None or accepted.poll_path is None:
        return accepted
    if profile.async_options.poll_path != _DEFAULT_POLL:  # the user's setting wins
        return Accepted(accepted.task_id)
    return accepted


def _shape(data: Any, *, wrapped: bool) -> Accepted | None:
    if not isinstance(data, dict):
        return None
    inner = data.get("data")
    if isinstance(inner, list) and inner:
        return None  # images: an ImagesResponse (the relay answered at once)
    if text_of(data.get("object")) == "generation.task":
        task_id = _task_id(data.get("id"))
        return Accepted(task_id, GENERATION_TASK_POLL) if task_id else None
    for key in ("task_id", "taskId"):
        if (task_id := _task_id(data.get(key))) is not None:
            shaped = "status" in data and not wrapped  # a bare record, not seed 002's wrapper
            return Accepted(task_id, TASKS_V1_POLL if shaped else None)
    if wrapped or not ("code" in data and set(data) <= _WRAPPER_KEYS):
        return None
    if (task_id := _task_id(inner)) is not None:  # {"code": "success", "data": "<id>"}
        return Accepted(task_id)
    return _shape(inner, wrapped=True)


def _task_id(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = text_of(value)
    return text.strip() if text and text.strip() else None
