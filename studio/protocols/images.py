"""`images`: OpenAI-style generations (JSON), edits (multipart), variations (protocol.md §2–3)."""

from __future__ import annotations

import json
from typing import Any

from studio.domain.errors import ErrorKind, RelayError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import Operation, ProtocolId, RefsVia
from studio.domain.profile import Profile
from studio.imaging.uploads import image_to_data_url
from studio.protocols.base import (
    Accepted,
    Completed,
    HttpCall,
    ImageProtocol,
    Problems,
    RawImage,
    WireRequest,
    not_understood,
    text_of,
    want_list,
    wrong_type,
)
from studio.protocols.capabilities import CAPABILITIES, with_extra
from studio.protocols.jsonbody import Blob
from studio.protocols.task_shapes import task_in

GENERATIONS = "/v1/images/generations"
EDITS = "/v1/images/edits"
VARIATIONS = "/v1/images/variations"

MSG_NO_IMAGE = QT_TRANSLATE_NOOP(ERRORS, "The relay answered without an image.")


def route(wire: WireRequest) -> str:
    """Which endpoint carries this request: generations, edits or variations."""
    if wire.operation is Operation.VARIATION:
        return VARIATIONS
    if wire.operation is Operation.GENERATE or not (wire.uploads or wire.ref_urls):
        return GENERATIONS
    refs_via = wire.spec.refs_via
    if refs_via is RefsVia.IMAGE_FIELD:
        return GENERATIONS
    if refs_via is RefsVia.PROMPT_URLS and not wire.uploads and not wire.mask and not wire.markup:
        return GENERATIONS
    return EDITS


def common_fields(wire: WireRequest) -> dict[str, Any]:
    """The fields generations and edits share, only those with a value."""
    request, spec, params = wire.request, wire.spec, wire.params
    fields: dict[str, Any] = {"model": request.model, "prompt": request.prompt}
    if request.n != 1:
        fields["n"] = request.n
    optional = {
        "size": params.size,
        "aspect_ratio": params.aspect_ratio,
        "image_size": params.image_size,
        "quality": request.quality,
        "style": request.style,
        "response_format": spec.response_format,
        "output_format": request.output_format,
        "background": request.background,
        "seed": request.seed,
        "negative_prompt": request.negative_prompt,
        # protocol.md §11; input_fidelity shapes how references are used: edits only
        "input_fidelity": (
            request.input_fidelity if wire.operation is not Operation.GENERATE else None
        ),
        "output_compression": request.output_compression,
        "moderation": request.moderation,
        "complexity": request.complexity,
        "frame_count": request.frame_count,
        "frame_duration_ms": request.frame_duration_ms,
        "sequential_image_generation": request.sequential,
        "sequential_image_generation_options": (
            {"max_images": request.max_images} if request.max_images is not None else None
        ),
        "watermark": request.watermark,
        "safety_tolerance": request.safety_tolerance,
    }
    fields.update({key: value for key, value in optional.items() if value is not None})
    with_extra(fields, request.extra, ProtocolId.IMAGES)  # adds, never replaces
    return fields


def build_images_call(wire: WireRequest, profile: Profile, *, stream: bool = True) -> HttpCall:
    """The call for ``wire``; ``stream`` False for routes that answer with a task id."""
    path = route(wire)
    fields = common_fields(wire)
    if stream and streams(wire, profile) and path != VARIATIONS:
        fields["stream"] = True
        if profile.partial_images:
            fields["partial_images"] = profile.partial_images
    if path == GENERATIONS:
        if wire.operation is not Operation.GENERATE:
            if wire.spec.refs_via is RefsVia.PROMPT_URLS:
                fields["prompt"] = " ".join([*wire.ref_urls, wire.request.prompt])
            else:
                fields["image"] = [*wire.ref_urls, *map(image_to_data_url, wire.uploads)]
        return HttpCall.with_json(path, fields)
    return _multipart(path, fields, wire, profile)


def streams(wire: WireRequest, profile: Profile) -> bool:
    """Whether this request asks for a streamed answer: the profile opted in and the model
    answers in events."""
    return profile.stream_images and wire.spec.stream


def _multipart(path: str, fields: dict[str, Any], wire: WireRequest, profile: Profile) -> HttpCall:
    uploads = wire.uploads
    if path == VARIATIONS:
        fields = {k: v for k, v in fields.items() if k in ("model", "n", "size", "response_format")}
        uploads = uploads[:1]
    name = "image" if len(uploads) == 1 else profile.multi_image_field
    files = [(name, (u.filename, u.data, u.mime)) for u in uploads]
    if wire.mask is not None and path == EDITS:
        files.append(("mask", (wire.mask.filename, wire.mask.data, wire.mask.mime)))
    if wire.markup is not None and path == EDITS:
        files.append(("markup", (wire.markup.filename, wire.markup.data, wire.markup.mime)))
    data = {key: _form_value(value) for key, value in fields.items()}
    return HttpCall(path, data=data, files=files)


def _form_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):  # e.g. sequential_image_generation_options
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def parse_images_response(data: Any, name: str = "the answer") -> Completed:
    """An ``ImagesResponse``: every non-empty url / b64_json, usage kept as-is.

    Wrong types in the list of images are not understood; an item or a field of the wrong type
    is skipped while another image is usable (and named as the reason when none is).
    """
    if not isinstance(data, dict):
        raise not_understood(wrong_type(name, data, "an object"))
    prefix = "" if name == "the answer" else f"{name}."
    items, items_name = data.get("data"), f"{prefix}data"
    if isinstance(items, dict):
        if "data" in items:  # wrapped once more: {"data": {"data": [...], "usage": ...}}
            data, prefix = items, f"{items_name}."
            items, items_name = items.get("data"), f"{items_name}.data"
        elif _image_fields(items):  # one image given as an object, not in a list
            items = [items]
    problems = Problems()
    images: list[RawImage] = []
    for index, item in enumerate(want_list(items, items_name)):
        item_name = f"{items_name}[{index}]"
        if not isinstance(item, dict):
            problems.note(item_name, item, "an object")
            continue
        if image := _raw_image(item, item_name, problems):
            images.append(image)
    if not images:
        problems.raise_if_any()
        raise RelayError(ErrorKind.NO_IMAGE, MSG_NO_IMAGE, may_be_billed=True)
    usage = data.get("usage")
    answered = data.get("model")  # the model the relay says made it (the ledger compares)
    meta = {"response_model": answered.strip()} if isinstance(answered, str) and answered else {}
    return Completed(tuple(images), usage=usage if isinstance(usage, dict) else None, meta=meta)


def _image_fields(item: dict[str, Any]) -> bool:
    return "url" in item or "b64_json" in item


def _raw_image(item: dict[str, Any], name: str, problems: Problems) -> RawImage | None:
    revised = text_of(item.get("revised_prompt")) or None  # cosmetic: any other type is dropped
    b64 = item.get("b64_json")
    if isinstance(b64, Blob) or (isinstance(b64, str) and b64.strip()):
        return RawImage("b64", b64=b64, revised_prompt=revised)
    if b64 is not None and not isinstance(b64, str):
        problems.note(f"{name}.b64_json", b64, "a string")
    url = item.get("url")
    if isinstance(url, dict):  # {"url": "https://…", "cost": …} (protocol.md §11)
        url, name = url.get("url"), f"{name}.url"
    text = problems.text(url, f"{name}.url")
    if text and text.strip():
        source = "inline" if text.startswith("data:") else "url"
        return RawImage(source, url=text.strip(), revised_prompt=revised)
    return None


class ImagesProtocol(ImageProtocol):
    id = ProtocolId.IMAGES
    operations = CAPABILITIES[ProtocolId.IMAGES].operations

    def build(self, wire: WireRequest) -> HttpCall:
        return build_images_call(wire, self.profile)

    def parse(self, data: Any, wire: WireRequest) -> Completed | Accepted:
        """An ImagesResponse, or a task to poll when the relay answered with one (by shape,
        although not asked for async: protocol.md §11)."""
        if (accepted := task_in(data, self.profile)) is not None:
            return accepted
        return parse_images_response(data)
