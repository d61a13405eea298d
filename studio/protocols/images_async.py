"""`images-async`: submit with ``?async=true``, then poll the task (protocol.md §5).

Paths, status words and the progress format differ between relays, so they come from the
profile's :class:`AsyncOptions` (seed 002's values by default).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote

from studio.domain.errors import Billing, ErrorKind, RelayError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import ProtocolId
from studio.protocols import jsonbody
from studio.protocols.base import (
    Accepted,
    Completed,
    HttpCall,
    ImageProtocol,
    Problems,
    TaskState,
    TaskUpdate,
    WireRequest,
    not_understood,
    text_of,
    understood,
    wrong_type,
)
from studio.protocols.capabilities import CAPABILITIES
from studio.protocols.images import build_images_call, parse_images_response, route
from studio.protocols.relay_errors import clean_text, error_in_ok_body, not_json_error
from studio.protocols.task_shapes import task_in
from studio.protocols.transport import RelayClient

if TYPE_CHECKING:
    import httpx

MSG_NO_ASYNC = QT_TRANSLATE_NOOP(
    ERRORS,
    "This relay has no async mode (HTTP {status} on {path}). Send the request without async "
    "mode, or fix the profile's async settings.",
)
MSG_NO_TASK_ID = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay accepted the request but sent no task id, so its result cannot be fetched.",
)
MSG_TASK_FAILED = QT_TRANSLATE_NOOP(ERRORS, "The relay reports that the task failed.")


def parse_progress(value: Any) -> float | None:
    """``"45%"``, ``45``, ``"45"`` or ``0.45`` as a percentage; None for anything else."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        try:
            number = float(value.strip().rstrip("%").strip())
        except ValueError:
            return None
    elif isinstance(value, int):
        number = float(min(max(value, 0), 100))  # clamped first: float(10**400) overflows
    elif isinstance(value, float):
        number = value * 100 if 0.0 < value <= 1.0 else value
    else:
        return None
    if math.isnan(number):
        return None
    return max(0.0, min(number, 100.0))


_TASK_ID_KEYS = ("task_id", "taskId", "id")


def task_id_from(data: Any, name: str = "") -> str | None:
    """The task id of a submit's answer (top level or under ``data``), or None.

    A task id of the wrong type, with no usable one beside it, is not understood.
    """
    if not isinstance(data, dict):
        return None
    problems = Problems()
    for key in _TASK_ID_KEYS:
        value = data.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if (text := problems.text(value, f"{name}{key}")) and text.strip():
            return text.strip()
    inner = data.get("data")
    if isinstance(inner, str) and inner.strip():
        return inner.strip()
    if isinstance(inner, dict) and (found := task_id_from(inner, f"{name}data.")):
        return found
    problems.raise_if_any()
    return None


def _task_record(data: Any) -> tuple[dict[str, Any], str]:
    """The object that holds ``status`` (top level or under ``data``) and its path's prefix."""
    if not isinstance(data, dict):
        raise not_understood(wrong_type("the answer", data, "an object"))
    record, prefix = data, ""
    for _ in range(2):
        if "status" in record or "state" in record:
            return record, prefix
        inner = record.get("data")
        if not isinstance(inner, dict):
            if inner is not None:  # {"code": "success", "data": [...]}: not a task
                raise not_understood(wrong_type(f"{prefix}data", inner, "an object"))
            break
        record, prefix = inner, f"{prefix}data."
    return record, prefix


def _task_json(response: httpx.Response) -> Any:
    """A poll's JSON. A body holding a task's status is read as the task's record whatever
    else it says; any other body that is an error raises it (a failed poll, asked again)."""
    try:
        data = jsonbody.loads(response.content)
    except ValueError as exc:
        raise not_json_error(response) from exc
    if _has_status(data):
        return data
    if (error := error_in_ok_body(data)) is not None:
        raise error
    return data


def _has_status(data: Any) -> bool:
    for record in (data, data.get("data") if isinstance(data, dict) else None):
        if isinstance(record, dict) and any(text_of(record.get(k)) for k in ("status", "state")):
            return True
    return False


def _status_word(record: dict[str, Any], prefix: str) -> str:
    """The task's status word, upper-cased ("" when it has none); other types are not
    understood."""
    for key in ("status", "state"):
        value = record.get(key)
        if value is None or value == "":
            continue
        text = text_of(value)
        if text is None:
            raise not_understood(wrong_type(f"{prefix}{key}", value, "a string"))
        return text.strip().upper()
    return ""


def _reason(value: Any) -> str | None:
    """A failure reason as plain text: a string, or an error object's message."""
    if isinstance(value, dict):
        value = value.get("message") or value.get("msg") or value.get("description")
    text = text_of(value)
    if text is None and isinstance(value, int | float) and not isinstance(value, bool):
        text = str(value)
    return (clean_text(text) or None) if text else None


class ImagesAsyncProtocol(ImageProtocol):
    id = ProtocolId.IMAGES_ASYNC
    operations = CAPABILITIES[ProtocolId.IMAGES_ASYNC].operations
    polls = CAPABILITIES[ProtocolId.IMAGES_ASYNC].polls

    def build(self, wire: WireRequest) -> HttpCall:
        call = build_images_call(wire, self.profile, stream=False)  # a task id is not a stream
        options = self.profile.async_options
        path = (options.submit_path or "{path}").replace("{path}", call.path)
        params = dict(parse_qsl(options.submit_query))
        if options.webhook:
            params["webhook"] = options.webhook
        return HttpCall(
            path, call.auth, call.content, call.content_type, call.data, call.files, params
        )

    async def submit(self, client: RelayClient, wire: WireRequest) -> Completed | Accepted:
        try:
            return await super().submit(client, wire)
        except RelayError as error:
            if error.status in (404, 405) and error.kind is not ErrorKind.MODEL_NOT_FOUND:
                raise RelayError(
                    ErrorKind.NO_ASYNC,
                    MSG_NO_ASYNC,
                    status=error.status,
                    relay_message=error.relay_message,
                    path=self.build_path(wire),
                    billing=Billing.REFUSED,
                ) from error
            raise

    def build_path(self, wire: WireRequest) -> str:
        return (self.profile.async_options.submit_path or "{path}").replace("{path}", route(wire))

    def parse(self, data: Any, wire: WireRequest) -> Completed | Accepted:
        if isinstance(data, dict) and isinstance(data.get("data"), list) and data["data"]:
            return parse_images_response(data)  # the relay answered at once after all
        if (accepted := task_in(data, self.profile)) is not None:
            return accepted  # a shape that also says where to poll
        task_id = task_id_from(data)
        if not task_id:
            raise RelayError(ErrorKind.NO_IMAGE, MSG_NO_TASK_ID, may_be_billed=True)
        return Accepted(task_id)

    async def poll(self, client: RelayClient, task_id: str, path: str | None = None) -> TaskUpdate:
        """The task's state, asked at ``path`` (the submit's answer's, see ``task_shapes``) or
        where the profile says. A task record that says it failed is a failed task, even when
        it carries an ``error`` object (a generation.task does)."""
        response = await self.fetch_task(client, task_id, path)
        return understood(self.parse_task, understood(_task_json, response), task_id)

    async def fetch_task(
        self, client: RelayClient, task_id: str, path: str | None = None
    ) -> httpx.Response:
        template = path or self.profile.async_options.poll_path
        return await client.get(
            template.replace("{task_id}", quote(task_id, safe="")), accept_statuses=(202,)
        )

    def parse_task(self, data: Any, task_id: str) -> TaskUpdate:
        options = self.profile.async_options
        record, prefix = _task_record(data)
        word = _status_word(record, prefix)
        progress = parse_progress(record.get("progress"))
        if word in (w.upper() for w in options.failure_words):
            reason = record.get("fail_reason") or record.get("failReason") or record.get("error")
            message = _reason(reason)
            error = RelayError(ErrorKind.TASK_FAILED, MSG_TASK_FAILED, relay_message=message)
            return TaskUpdate(TaskState.FAILED, progress, error=error)
        if word in (w.upper() for w in options.success_words):
            name = f"{prefix}data"
            payload = record.get("data")
            if payload is None:
                payload, name = record.get("result"), f"{prefix}result"
            if payload is None:
                payload, name = record, prefix.rstrip(".") or "the answer"
            if isinstance(payload, list):
                payload = {"data": payload, "usage": record.get("usage")}
                name = prefix.rstrip(".") or "the answer"
            return TaskUpdate(
                TaskState.SUCCEEDED, 100.0, result=parse_images_response(payload, name)
            )
        if word in (w.upper() for w in options.pending_words) and progress in (None, 0.0):
            return TaskUpdate(TaskState.PENDING, progress)
        return TaskUpdate(TaskState.RUNNING, progress)
