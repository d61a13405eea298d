"""`images`: OpenAI-style generations (JSON), edits (multipart), variations (protocol.md §2–3)."""

from __future__ import annotations

from typing import Any

from studio.domain.errors import ErrorKind, RelayError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import Operation, ProtocolId, RefsVia
from studio.domain.profile import Profile
from studio.imaging.uploads import image_to_data_url
from studio.protocols.base import Completed, HttpCall, ImageProtocol, RawImage, WireRequest
from studio.protocols.capabilities import CAPABILITIES
from studio.protocols.jsonbody import Blob, as_text

GENERATIONS = "/v1/images/generations"
EDITS = "/v1/images/edits"
VARIATIONS = "/v1/images/variations"

MSG_NO_IMAGE = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay answered without an image. It may still have been billed; check the relay's "
    "usage log before you retry.",
)


def route(wire: WireRequest) -> str:
    """Which endpoint carries this request: generations, edits or variations."""
    if wire.operation is Operation.VARIATION:
        return VARIATIONS
    if wire.operation is Operation.GENERATE or not (wire.uploads or wire.ref_urls):
        return GENERATIONS
    refs_via = wire.spec.refs_via
    if refs_via is RefsVia.IMAGE_FIELD:
        return GENERATIONS
    if refs_via is RefsVia.PROMPT_URLS and not wire.uploads and not wire.mask:
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
    }
    fields.update({key: value for key, value in optional.items() if value is not None})
    fields.update(request.extra)
    return fields


def build_images_call(wire: WireRequest, profile: Profile) -> HttpCall:
    path = route(wire)
    fields = common_fields(wire)
    if path == GENERATIONS:
        if wire.operation is not Operation.GENERATE:
            if wire.spec.refs_via is RefsVia.PROMPT_URLS:
                fields["prompt"] = " ".join([*wire.ref_urls, wire.request.prompt])
            else:
                fields["image"] = [*wire.ref_urls, *map(image_to_data_url, wire.uploads)]
        return HttpCall.with_json(path, fields)
    return _multipart(path, fields, wire, profile)


def _multipart(path: str, fields: dict[str, Any], wire: WireRequest, profile: Profile) -> HttpCall:
    uploads = wire.uploads
    if path == VARIATIONS:
        fields = {k: v for k, v in fields.items() if k in ("model", "n", "size", "response_format")}
        uploads = uploads[:1]
    name = "image" if len(uploads) == 1 else profile.multi_image_field
    files = [(name, (u.filename, u.data, u.mime)) for u in uploads]
    if wire.mask is not None and path == EDITS:
        files.append(("mask", (wire.mask.filename, wire.mask.data, wire.mask.mime)))
    data = {key: _form_value(value) for key, value in fields.items()}
    return HttpCall(path, data=data, files=files)


def _form_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_images_response(data: Any) -> Completed:
    """An ``ImagesResponse``: every non-empty url / b64_json, usage kept as-is."""
    if not isinstance(data, dict):
        raise RelayError(ErrorKind.NO_IMAGE, MSG_NO_IMAGE, may_be_billed=True)
    items = data.get("data")
    if isinstance(items, dict) and isinstance(items.get("data"), list):
        data, items = items, items["data"]
    images: list[RawImage] = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        revised = as_text(item.get("revised_prompt")) or None
        b64 = item.get("b64_json")
        url = as_text(item.get("url"))
        if isinstance(b64, Blob) or (isinstance(b64, str) and b64.strip()):
            images.append(RawImage("b64", b64=b64, revised_prompt=revised))
        elif url and url.strip():
            source = "inline" if url.startswith("data:") else "url"
            images.append(RawImage(source, url=url.strip(), revised_prompt=revised))
    if not images:
        raise RelayError(ErrorKind.NO_IMAGE, MSG_NO_IMAGE, may_be_billed=True)
    usage = data.get("usage")
    return Completed(tuple(images), usage=usage if isinstance(usage, dict) else None)


class ImagesProtocol(ImageProtocol):
    id = ProtocolId.IMAGES
    operations = CAPABILITIES[ProtocolId.IMAGES].operations

    def build(self, wire: WireRequest) -> HttpCall:
        return build_images_call(wire, self.profile)

    def parse(self, data: Any, wire: WireRequest) -> Completed:
        return parse_images_response(data)
