"""`midjourney`: midjourney-proxy's submit/fetch API as relays expose it (protocol.md §8).

Every submit answers HTTP 200 with a ``code``: 1 (accepted), 21 (exists / waiting for a modal),
22 (queued) are fine; anything else is a failure whatever the HTTP status said.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from studio.domain.errors import ErrorKind, RelayError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import Operation, ProtocolId
from studio.imaging.uploads import image_to_data_url
from studio.protocols.base import (
    Accepted,
    Completed,
    HttpCall,
    ImageProtocol,
    RawImage,
    TaskState,
    TaskUpdate,
    WireRequest,
    send,
)
from studio.protocols.capabilities import CAPABILITIES
from studio.protocols.images_async import parse_progress
from studio.protocols.relay_errors import clean_text
from studio.protocols.transport import RelayClient, parse_json

ACCEPTED_CODES = frozenset({1, 21, 22})

MSG_BANNED = QT_TRANSLATE_NOOP(
    ERRORS, "Midjourney refused the prompt (banned words or images). Change it and retry."
)
MSG_QUEUE_FULL = QT_TRANSLATE_NOOP(
    ERRORS, "Midjourney's queue is full right now. Nothing was made; retry in a minute."
)
MSG_REJECTED = QT_TRANSLATE_NOOP(
    ERRORS, "Midjourney rejected the request (code {code}). Its reason is shown below."
)
MSG_TASK_FAILED = QT_TRANSLATE_NOOP(ERRORS, "The Midjourney task failed.")
MSG_NO_IMAGE = QT_TRANSLATE_NOOP(
    ERRORS, "The Midjourney task finished without an image. Check the relay's task log."
)

_FLAG = re.compile(r"(?:^|\s)--{name}\b")


def _has_flag(prompt: str, name: str) -> bool:
    return re.search(_FLAG.pattern.format(name=re.escape(name)), prompt) is not None


def imagine_prompt(wire: WireRequest) -> str:
    """Reference URLs in front, then the prompt, then --ar/--no/--seed, as Midjourney reads it."""
    request = wire.request
    prompt = " ".join([*wire.ref_urls, request.prompt.strip()])
    if wire.params.aspect_ratio and not _has_flag(prompt, "ar"):
        prompt += f" --ar {wire.params.aspect_ratio}"
    if request.negative_prompt and not _has_flag(prompt, "no"):
        prompt += f" --no {request.negative_prompt.strip()}"
    if request.seed is not None and not _has_flag(prompt, "seed"):
        prompt += f" --seed {request.seed}"
    return prompt


def submit_result(data: Any) -> str:
    """The task id of an accepted submit; a :class:`RelayError` for any other code."""
    if not isinstance(data, dict):
        raise RelayError(ErrorKind.SERVER, MSG_REJECTED, code="?")
    code = data.get("code")
    description = clean_text(str(data.get("description") or "")) or None
    try:
        code_number = int(code)
    except (TypeError, ValueError):
        code_number = -1
    if code_number in ACCEPTED_CODES and data.get("result"):
        return str(data["result"])
    if code_number == 24:
        raise RelayError(ErrorKind.SAFETY, MSG_BANNED, relay_message=description)
    if code_number == 23:
        raise RelayError(ErrorKind.RATE_LIMITED, MSG_QUEUE_FULL, relay_message=description)
    kind = ErrorKind.BAD_REQUEST if code_number in (3, 4) else ErrorKind.SERVER
    raise RelayError(kind, MSG_REJECTED, code=code, relay_message=description)


class MidjourneyProtocol(ImageProtocol):
    id = ProtocolId.MIDJOURNEY
    operations = CAPABILITIES[ProtocolId.MIDJOURNEY].operations
    polls = CAPABILITIES[ProtocolId.MIDJOURNEY].polls

    def _call(self, endpoint: str, body: dict[str, Any]) -> HttpCall:
        return HttpCall.with_json(f"/mj/submit/{endpoint}", body, auth=self.profile.midjourney_auth)

    def build(self, wire: WireRequest) -> HttpCall:
        request, operation = wire.request, wire.operation
        images = [image_to_data_url(u) for u in wire.uploads]
        follow_up = request.midjourney
        if operation is Operation.GENERATE:
            body: dict[str, Any] = {"prompt": imagine_prompt(wire)}
            if images:
                body["base64Array"] = images
            return self._call("imagine", body)
        if operation is Operation.MJ_BLEND:
            body = {"base64Array": images, "dimensions": request.blend_dimensions or "SQUARE"}
            return self._call("blend", body)
        if operation is Operation.MJ_DESCRIBE:
            return self._call("describe", {"base64": images[0]})
        if follow_up is None:
            raise ValueError(f"{operation} needs the task it follows up on")
        if operation is Operation.MJ_ACTION:
            return self._call(
                "action", {"taskId": follow_up.task_id, "customId": follow_up.custom_id}
            )
        if operation is Operation.MJ_CHANGE:
            body = {
                "taskId": follow_up.task_id,
                "action": follow_up.change,
                "index": follow_up.index,
            }
            return self._call("change", body)
        return self.modal_call(wire, follow_up.task_id)

    def modal_call(self, wire: WireRequest, task_id: str) -> HttpCall:
        body: dict[str, Any] = {"taskId": task_id}
        if wire.prompt:
            body["prompt"] = wire.prompt
        if wire.mask is not None:
            body["maskBase64"] = image_to_data_url(wire.mask)
        return self._call("modal", body)

    async def submit(self, client: RelayClient, wire: WireRequest) -> Completed | Accepted:
        follow_up = wire.request.midjourney
        if wire.operation is Operation.MJ_MODAL and follow_up and follow_up.custom_id:
            # Vary (Region): press the button first; the relay answers with the modal's task.
            button = {"taskId": follow_up.task_id, "customId": follow_up.custom_id}
            opened = await send(client, self._call("action", button), wire.model)
            call = self.modal_call(wire, submit_result(opened))
            return Accepted(submit_result(await send(client, call, wire.model)))
        return await super().submit(client, wire)

    def parse(self, data: Any, wire: WireRequest) -> Accepted:
        return Accepted(submit_result(data))

    async def poll(self, client: RelayClient, task_id: str) -> TaskUpdate:
        response = await client.get(
            f"/mj/task/{quote(task_id, safe='')}/fetch", auth=self.profile.midjourney_auth
        )
        return self.parse_task(parse_json(response), task_id)

    def parse_task(self, data: Any, task_id: str) -> TaskUpdate:
        record = data if isinstance(data, dict) else {}
        status = str(record.get("status") or "").upper()
        progress = parse_progress(record.get("progress"))
        image_url = record.get("imageUrl") or record.get("image_url")
        if status == "FAILURE":
            reason = clean_text(str(record.get("failReason") or "")) or None
            banned = bool(reason) and any(w in reason.lower() for w in ("banned", "prohibited"))
            error = (
                RelayError(ErrorKind.SAFETY, MSG_BANNED, relay_message=reason)
                if banned
                else RelayError(ErrorKind.TASK_FAILED, MSG_TASK_FAILED, relay_message=reason)
            )
            return TaskUpdate(TaskState.FAILED, progress, error=error)
        if status == "SUCCESS":
            return TaskUpdate(TaskState.SUCCEEDED, 100.0, result=self._finished(record, task_id))
        state = TaskState.RUNNING if status == "IN_PROGRESS" else TaskState.PENDING
        return TaskUpdate(
            state, progress, preview_url=image_url if state is TaskState.RUNNING else None
        )

    def _finished(self, record: dict[str, Any], task_id: str) -> Completed:
        properties = record.get("properties") if isinstance(record.get("properties"), dict) else {}
        meta = {
            "mj_task_id": task_id,
            "action": record.get("action"),
            "buttons": [
                {"custom_id": b.get("customId"), "label": b.get("label") or b.get("emoji") or ""}
                for b in record.get("buttons") or []
                if isinstance(b, dict) and b.get("customId")
            ],
        }
        if str(record.get("action") or "").upper() == "DESCRIBE":
            text = properties.get("finalPrompt") or record.get("prompt") or ""
            return Completed((), text=str(text), meta=meta)
        image_url = record.get("imageUrl") or record.get("image_url")
        if not image_url:
            raise RelayError(ErrorKind.NO_IMAGE, MSG_NO_IMAGE, may_be_billed=True)
        return Completed((RawImage("url", url=str(image_url)),), meta=meta)
