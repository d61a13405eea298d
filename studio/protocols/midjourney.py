"""`midjourney`: midjourney-proxy's submit/fetch API as relays expose it (protocol.md §8).

Every submit answers HTTP 200 with a ``code``: 1 (accepted), 21 (exists / waiting for a modal),
22 (queued) are fine; anything else is a failure whatever the HTTP status said.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from studio.domain.errors import Billing, ErrorKind, RelayError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import Operation, ProtocolId
from studio.imaging.uploads import image_to_data_url
from studio.protocols.base import (
    MSG_NOT_UNDERSTOOD,
    Accepted,
    Completed,
    HttpCall,
    ImageProtocol,
    RawImage,
    TaskState,
    TaskUpdate,
    WireRequest,
    not_understood,
    send,
    text_of,
    understood,
    want_list,
    wrong_type,
)
from studio.protocols.capabilities import CAPABILITIES
from studio.protocols.images_async import parse_progress
from studio.protocols.relay_errors import clean_text
from studio.protocols.transport import RelayClient

if TYPE_CHECKING:
    import httpx

ACCEPTED_CODES = frozenset({1, 21, 22})

MSG_BANNED = QT_TRANSLATE_NOOP(
    ERRORS, "Midjourney refused the prompt (banned words or images). Change it and retry."
)
MSG_QUEUE_FULL = QT_TRANSLATE_NOOP(
    ERRORS, "Midjourney's queue is full right now; retry in a minute."
)
MSG_REJECTED = QT_TRANSLATE_NOOP(
    ERRORS, "Midjourney rejected the request (code {code}). Its reason is shown below."
)
MSG_TASK_FAILED = QT_TRANSLATE_NOOP(ERRORS, "The Midjourney task failed.")
MSG_NO_IMAGE = QT_TRANSLATE_NOOP(
    ERRORS, "The Midjourney task finished without an image. Check the relay's task log."
)
MSG_NO_TASK_ID = QT_TRANSLATE_NOOP(
    ERRORS,
    "Midjourney accepted the request but sent no task id, so its result cannot be fetched.",
)

_IMAGE_KEYS = ("imageUrl", "image_url")

_FLAG = re.compile(r"(?:^|\s)--{name}\b")


def has_flag(prompt: str, name: str) -> bool:
    """Whether ``prompt`` already holds ``--name`` (then the option is not added again)."""
    return re.search(_FLAG.pattern.format(name=re.escape(name)), prompt) is not None


def imagine_prompt(wire: WireRequest) -> str:
    """Reference URLs in front, then the prompt, then --ar/--no/--seed, as Midjourney reads it."""
    request = wire.request
    prompt = " ".join([*wire.ref_urls, request.prompt.strip()])
    if wire.params.aspect_ratio and not has_flag(prompt, "ar"):
        prompt += f" --ar {wire.params.aspect_ratio}"
    if request.negative_prompt and not has_flag(prompt, "no"):
        prompt += f" --no {request.negative_prompt.strip()}"
    if request.seed is not None and not has_flag(prompt, "seed"):
        prompt += f" --seed {request.seed}"
    return prompt


def submit_result(data: Any) -> str:
    """The task id of an accepted submit; a :class:`RelayError` for any other code.

    An accepted code without a usable task id is reported with the relay's own words: it said
    "success", and may have billed the job, but nothing can be fetched.
    """
    if not isinstance(data, dict):
        raise not_understood(wrong_type("the answer", data, "an object"))
    code = _code_number(data.get("code"))
    description = clean_text(text_of(data.get("description")) or "") or None
    if code in ACCEPTED_CODES:
        result = data.get("result")
        if isinstance(result, int) and not isinstance(result, bool):
            return str(result)
        text = text_of(result)
        if text and text.strip():
            return text.strip()
        if result is None or text is not None:  # missing or empty
            raise RelayError(
                ErrorKind.BAD_RESULT, MSG_NO_TASK_ID, relay_message=description, may_be_billed=True
            )
        raise RelayError(
            ErrorKind.BAD_RESULT,
            MSG_NOT_UNDERSTOOD,
            what=wrong_type("result", result, "a string"),
            relay_message=description,
            may_be_billed=True,
        )
    # Banned, queue full, not found, invalid: refused before any work (never billed).
    refused = Billing.REFUSED if code in (3, 4, 23, 24) else None
    if code == 24:
        raise RelayError(
            ErrorKind.SAFETY, MSG_BANNED, relay_message=description, billing=Billing.REFUSED
        )
    if code == 23:
        raise RelayError(
            ErrorKind.RATE_LIMITED, MSG_QUEUE_FULL, relay_message=description, billing=refused
        )
    kind = ErrorKind.BAD_REQUEST if code in (3, 4) else ErrorKind.SERVER
    label = str(code) if code is not None else (text_of(data.get("code")) or "?")[:40]
    raise RelayError(kind, MSG_REJECTED, code=label, relay_message=description, billing=refused)


def _code_number(code: Any) -> int | None:
    """midjourney-proxy's ``code`` as a number (also ``"1"`` or ``1.0``); None if it is none."""
    if isinstance(code, bool):
        return None
    if isinstance(code, int):
        return code
    if isinstance(code, float):
        return int(code) if code.is_integer() else None
    text = text_of(code)
    if text is None:
        return None
    try:
        return int(text.strip())
    except ValueError:
        return None


def _text_field(record: dict[str, Any], keys: tuple[str, ...], *, strict: bool) -> str | None:
    """The first non-empty string among ``keys``; with ``strict``, another type is not
    understood (otherwise it is skipped)."""
    for key in keys:
        value = record.get(key)
        if value is None or value == "":
            continue
        text = text_of(value)
        if text is None:
            if strict:
                raise not_understood(wrong_type(key, value, "a string"))
            continue
        if text.strip():
            return text.strip()
    return None


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
            call = self.modal_call(wire, understood(submit_result, opened))
            return Accepted(understood(submit_result, await send(client, call, wire.model)))
        return await super().submit(client, wire)

    def parse(self, data: Any, wire: WireRequest) -> Accepted:
        return Accepted(submit_result(data))

    async def fetch_task(self, client: RelayClient, task_id: str) -> httpx.Response:
        return await client.get(
            f"/mj/task/{quote(task_id, safe='')}/fetch", auth=self.profile.midjourney_auth
        )

    def parse_task(self, data: Any, task_id: str) -> TaskUpdate:
        if not isinstance(data, dict):
            raise not_understood(wrong_type("the answer", data, "an object"))
        record = data
        status = (_text_field(record, ("status",), strict=True) or "").upper()
        progress = parse_progress(record.get("progress"))
        if status == "FAILURE":
            reason = clean_text(text_of(record.get("failReason")) or "") or None
            banned = reason is not None and any(
                w in reason.lower() for w in ("banned", "prohibited")
            )
            error = (
                RelayError(ErrorKind.SAFETY, MSG_BANNED, relay_message=reason)
                if banned
                else RelayError(ErrorKind.TASK_FAILED, MSG_TASK_FAILED, relay_message=reason)
            )
            return TaskUpdate(TaskState.FAILED, progress, error=error)
        if status == "SUCCESS":
            return TaskUpdate(TaskState.SUCCEEDED, 100.0, result=self._finished(record, task_id))
        state = TaskState.RUNNING if status == "IN_PROGRESS" else TaskState.PENDING
        preview = _text_field(record, _IMAGE_KEYS, strict=False)  # a preview: nice to have
        return TaskUpdate(
            state, progress, preview_url=preview if state is TaskState.RUNNING else None
        )

    def _finished(self, record: dict[str, Any], task_id: str) -> Completed:
        properties = record.get("properties")
        properties = properties if isinstance(properties, dict) else {}
        action = _text_field(record, ("action",), strict=False)
        buttons = []
        for button in want_list(record.get("buttons"), "buttons"):
            if not isinstance(button, dict):
                continue
            custom_id = text_of(button.get("customId"))
            if custom_id:
                label = text_of(button.get("label")) or text_of(button.get("emoji")) or ""
                buttons.append({"custom_id": custom_id, "label": label})
        meta = {"mj_task_id": task_id, "action": action, "buttons": buttons}
        if (action or "").upper() == "DESCRIBE":
            text = text_of(properties.get("finalPrompt")) or text_of(record.get("prompt")) or ""
            return Completed((), text=text, meta=meta)
        image_url = _text_field(record, _IMAGE_KEYS, strict=True)
        if not image_url:
            raise RelayError(ErrorKind.NO_IMAGE, MSG_NO_IMAGE, may_be_billed=True)
        return Completed((RawImage("url", url=image_url),), meta=meta)
