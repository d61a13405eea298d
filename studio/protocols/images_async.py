"""`images-async`: submit with ``?async=true``, then poll the task (protocol.md §5).

Paths, status words and the progress format differ between relays, so they come from the
profile's :class:`AsyncOptions` (seed 002's values by default).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, quote

from studio.domain.errors import ErrorKind, RelayError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import ProtocolId
from studio.protocols.base import (
    Accepted,
    Completed,
    HttpCall,
    ImageProtocol,
    TaskState,
    TaskUpdate,
    WireRequest,
)
from studio.protocols.capabilities import CAPABILITIES
from studio.protocols.images import build_images_call, parse_images_response, route
from studio.protocols.relay_errors import clean_text
from studio.protocols.transport import RelayClient, parse_json

MSG_NO_ASYNC = QT_TRANSLATE_NOOP(
    ERRORS,
    "This relay has no async mode (HTTP {status} on {path}). Nothing was made. Send the request "
    "without async mode, or fix the profile's async settings.",
)
MSG_NO_TASK_ID = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay accepted the request but sent no task id, so its result cannot be fetched. It may "
    "have been billed; check the relay's usage log.",
)
MSG_TASK_FAILED = QT_TRANSLATE_NOOP(ERRORS, "The relay reports that the task failed.")


def parse_progress(value: Any) -> float | None:
    """``"45%"``, ``45``, ``"45"`` or ``0.45`` as a percentage."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        text = value.strip().rstrip("%").strip()
        try:
            number = float(text)
        except ValueError:
            return None
        return max(0.0, min(number, 100.0))
    if isinstance(value, int | float):
        number = float(value)
        if isinstance(value, float) and 0.0 < number <= 1.0:
            number *= 100
        return max(0.0, min(number, 100.0))
    return None


def task_id_from(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    for key in ("task_id", "taskId", "id"):
        if isinstance(data.get(key), str | int) and str(data[key]):
            return str(data[key])
    inner = data.get("data")
    if isinstance(inner, str) and inner:
        return inner
    if isinstance(inner, dict):
        return task_id_from(inner)
    return None


def _task_record(data: Any) -> dict[str, Any]:
    """The object that holds ``status``: top level or under ``data``."""
    record = data if isinstance(data, dict) else {}
    for _ in range(2):
        if "status" in record or "state" in record:
            return record
        inner = record.get("data")
        if not isinstance(inner, dict):
            break
        record = inner
    return record


class ImagesAsyncProtocol(ImageProtocol):
    id = ProtocolId.IMAGES_ASYNC
    operations = CAPABILITIES[ProtocolId.IMAGES_ASYNC].operations
    polls = CAPABILITIES[ProtocolId.IMAGES_ASYNC].polls

    def build(self, wire: WireRequest) -> HttpCall:
        call = build_images_call(wire, self.profile)
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
                ) from error
            raise

    def build_path(self, wire: WireRequest) -> str:
        return (self.profile.async_options.submit_path or "{path}").replace("{path}", route(wire))

    def parse(self, data: Any, wire: WireRequest) -> Completed | Accepted:
        if isinstance(data, dict) and isinstance(data.get("data"), list) and data["data"]:
            return parse_images_response(data)  # the relay answered at once after all
        task_id = task_id_from(data)
        if not task_id:
            raise RelayError(ErrorKind.NO_IMAGE, MSG_NO_TASK_ID, may_be_billed=True)
        return Accepted(task_id)

    async def poll(self, client: RelayClient, task_id: str) -> TaskUpdate:
        path = self.profile.async_options.poll_path.replace("{task_id}", quote(task_id, safe=""))
        response = await client.get(path, accept_statuses=(202,))
        return self.parse_task(parse_json(response))

    def parse_task(self, data: Any) -> TaskUpdate:
        options = self.profile.async_options
        record = _task_record(data)
        word = str(record.get("status") or record.get("state") or "").strip().upper()
        progress = parse_progress(record.get("progress"))
        if word in (w.upper() for w in options.failure_words):
            reason = record.get("fail_reason") or record.get("failReason") or record.get("error")
            return TaskUpdate(
                TaskState.FAILED,
                progress,
                error=RelayError(
                    ErrorKind.TASK_FAILED,
                    MSG_TASK_FAILED,
                    relay_message=clean_text(str(reason)) if reason else None,
                ),
            )
        if word in (w.upper() for w in options.success_words):
            payload = record.get("data") if record.get("data") is not None else record.get("result")
            if payload is None:
                payload = record
            if isinstance(payload, list):
                payload = {"data": payload, "usage": record.get("usage")}
            return TaskUpdate(TaskState.SUCCEEDED, 100.0, result=parse_images_response(payload))
        if word in (w.upper() for w in options.pending_words) and progress in (None, 0.0):
            return TaskUpdate(TaskState.PENDING, progress)
        return TaskUpdate(TaskState.RUNNING, progress)
