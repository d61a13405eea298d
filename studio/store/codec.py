"""Domain objects to database values and back (JSON for the structured columns)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.domain.errors import Billing, ErrorKind, InputError, RelayError, StudioError
from studio.domain.model_spec import Operation, ProtocolId
from studio.domain.notice import Notice
from studio.domain.request import (
    RECORDED_FIELDS,
    GenerationRequest,
    Mask,
    MidjourneyAction,
    Reference,
)

_ERROR_CLASSES: dict[str, type[StudioError]] = {
    "input": InputError,
    "relay": RelayError,
    "studio": StudioError,
}


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def error_to_json(error: StudioError | None) -> str | None:
    if error is None:
        return None
    family = (
        "input"
        if isinstance(error, InputError)
        else "relay"
        if isinstance(error, RelayError)
        else "studio"
    )
    params = {k: v for k, v in error.params.items() if k != "status"}
    return dump(
        {
            "class": family,
            "kind": error.kind.value,
            "template": error.template,
            "params": params,
            "relay_message": error.relay_message,
            "status": error.status,
            "may_be_billed": error.may_be_billed,
            "billing": error.billing.value if error.billing else None,
        }
    )


def error_from_json(text: str | None) -> StudioError | None:
    if not text:
        return None
    data = json.loads(text)
    cls = _ERROR_CLASSES.get(data.get("class", "studio"), StudioError)
    try:
        kind = ErrorKind(data.get("kind", "internal"))
    except ValueError:
        kind = ErrorKind.INTERNAL
    try:
        billing = Billing(data["billing"]) if data.get("billing") else None
    except ValueError:
        billing = None
    error = cls(
        kind,
        data.get("template", ""),
        relay_message=data.get("relay_message"),
        status=data.get("status"),
        **data.get("params", {}),
    )
    error.billing = Billing.MAY_BE_BILLED if data.get("may_be_billed") else billing
    return error


def notices_to_json(notices: list[Notice] | tuple[Notice, ...]) -> str:
    return dump([{"code": n.code, "template": n.template, "params": n.params} for n in notices])


def notices_from_json(text: str | None) -> list[Notice]:
    return [
        Notice(item.get("code", ""), item.get("template", ""), item.get("params", {}))
        for item in json.loads(text or "[]")
    ]


@dataclass(frozen=True)
class InputRecord:
    """A reference or the mask of a job, as stored."""

    role: str  # reference | mask | markup
    position: int
    name: str
    sha256: str | None = None
    url: str | None = None
    width: int | None = None
    height: int | None = None


def request_to_params(request: GenerationRequest) -> str:
    params = request.parameters()
    if request.midjourney is not None:
        follow = request.midjourney
        params["midjourney"] = {
            "task_id": follow.task_id,
            "custom_id": follow.custom_id,
            "change": follow.change,
            "index": follow.index,
        }
    return dump(params)


def request_from_params(
    params_json: str,
    references: tuple[Reference, ...] = (),
    mask: Mask | None = None,
    markup: Reference | None = None,
) -> GenerationRequest:
    """Rebuild a request exactly as it was sent (inputs come from the blob store)."""
    params = json.loads(params_json)
    follow = params.get("midjourney")
    return GenerationRequest(
        prompt=params.get("prompt", ""),
        model=params.get("model", ""),
        protocol=ProtocolId(params["protocol"]) if params.get("protocol") else None,
        operation=Operation(params["operation"]) if params.get("operation") else None,
        references=references,
        mask=mask,
        markup=markup,
        n=int(params.get("n", 1)),
        midjourney=MidjourneyAction(**follow) if isinstance(follow, dict) else None,
        extra=dict(params.get("extra", {})),
        **{key: params[key] for key in RECORDED_FIELDS if params.get(key) is not None},
    )


def reference_from_record(record: InputRecord, blob: Path | None) -> Reference:
    if record.url and blob is None:
        return Reference(name=record.name, url=record.url)
    return Reference(name=record.name, path=blob)
