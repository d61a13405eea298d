"""What each wire family can do, without importing its implementation (start-up stays light).

One fact, one place: which of the options a user can set reach the wire through a protocol
(:func:`carried_options`), which protocols a model can be sent through (:func:`offered_protocols`:
a model that speaks `images` also goes async), which operation and protocol a request takes when
none is chosen (:func:`default_operation`, :func:`default_protocol`), where a mask can go
(:data:`MASK_PROTOCOLS`, :func:`masks_first_reference`) and the model to switch to for one
(:func:`model_for_mask`), and which body fields a protocol sets itself, so that
``GenerationRequest.extra`` can only add to them (:func:`with_extra`). The plan, the composer
and the builders all ask here (the CLI through the plan).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

from studio.domain.model_spec import (
    ModelSpec,
    Operation,
    ProtocolId,
    RatioVia,
    RefsVia,
    ResolutionVia,
)
from studio.domain.request import RECORDED_FIELDS

# The options of a GenerationRequest a user sets (field names): the recorded settings, the
# number of images, and the images that go with the prompt.
OPTIONS = (*RECORDED_FIELDS, "n", "mask", "references", "markup")


@dataclass(frozen=True)
class Capabilities:
    operations: frozenset[Operation]
    polls: bool = False  # answers with a task id to poll
    carries: frozenset[str] = frozenset()  # options its bodies have a place for


_ANSWER = frozenset({Operation.GENERATE, Operation.EDIT})
# Body fields for every option but Midjourney's blend shape and Gemini's thinking level.
_IMAGES_CARRY = frozenset(OPTIONS) - {"blend_dimensions", "thinking"}
# Options that only an edit has a place for: they shape how the references are used.
_EDIT_ONLY = frozenset({"references", "mask", "markup", "input_fidelity"})
# One request, answered at once or as a task to poll: the same bodies.
_IMAGES_FAMILY = (ProtocolId.IMAGES, ProtocolId.IMAGES_ASYNC)

CAPABILITIES: dict[ProtocolId, Capabilities] = {
    ProtocolId.IMAGES: Capabilities(_ANSWER | {Operation.VARIATION}, carries=_IMAGES_CARRY),
    ProtocolId.IMAGES_ASYNC: Capabilities(_ANSWER, polls=True, carries=_IMAGES_CARRY),
    # {"model", "prompt", "images", "ratio", "resolution"}
    ProtocolId.IMAGES_JSON_EDIT: Capabilities(
        frozenset({Operation.EDIT}), carries=frozenset({"ratio", "resolution", "references"})
    ),
    # imageConfig.aspectRatio / imageSize, generationConfig.seed and .thinkingConfig,
    # inlineData parts
    ProtocolId.GEMINI: Capabilities(
        _ANSWER, carries=frozenset({"ratio", "resolution", "seed", "thinking", "references"})
    ),
    # ratio and size as words in the prompt, `n`, image_url parts
    ProtocolId.CHAT: Capabilities(_ANSWER, carries=frozenset({"ratio", "size", "n", "references"})),
    # --ar/--no/--seed in the prompt, base64Array, blend dimensions, the vary-region mask
    ProtocolId.MIDJOURNEY: Capabilities(
        frozenset(
            {
                Operation.GENERATE,
                Operation.MJ_BLEND,
                Operation.MJ_DESCRIBE,
                Operation.MJ_ACTION,
                Operation.MJ_CHANGE,
                Operation.MJ_MODAL,
            }
        ),
        polls=True,
        carries=frozenset(
            {"ratio", "negative_prompt", "seed", "references", "mask", "blend_dimensions"}
        ),
    ),
}

# Routes narrower than their protocol: what the endpoint of each operation has room for.
_ROUTE_CARRIES: dict[Operation, frozenset[str]] = {
    # POST /v1/images/variations: model, n, size, response_format and one image
    Operation.VARIATION: frozenset({"n", "size", "ratio", "resolution", "references"}),
    Operation.MJ_BLEND: frozenset({"references", "blend_dimensions"}),  # base64Array, dimensions
    Operation.MJ_DESCRIBE: frozenset({"references"}),  # base64
    Operation.MJ_ACTION: frozenset(),  # taskId, customId
    Operation.MJ_CHANGE: frozenset(),  # taskId, action, index
    Operation.MJ_MODAL: frozenset({"mask"}),  # taskId, prompt, maskBase64
}


def _carries_resolution(protocol: ProtocolId, operation: Operation, spec: ModelSpec) -> bool:
    if spec.fixed_resolution:
        return True  # the model's name carries it (plan checks it is that one)
    via = spec.resolution_via
    if protocol in _IMAGES_FAMILY:
        if via in (ResolutionVia.SIZE, ResolutionVia.SIZE_PRESET):
            # a computed WxH (or the preset itself, `size: "2K"`, when no ratio is given)
            return spec.free_size is not None and spec.ratio_via is RatioVia.SIZE
        return via is ResolutionVia.IMAGE_SIZE and operation is not Operation.VARIATION
    if protocol is ProtocolId.IMAGES_JSON_EDIT:
        return via is not ResolutionVia.NAME
    if protocol is ProtocolId.GEMINI:
        return via is ResolutionVia.IMAGE_SIZE
    return False  # chat and midjourney have no place for it


def carried_options(protocol: ProtocolId, operation: Operation, spec: ModelSpec) -> frozenset[str]:
    """The options (see :data:`OPTIONS`) that reach the wire when ``spec`` is asked to do
    ``operation`` through ``protocol``; anything else the user sets would be left behind."""
    carries = set(CAPABILITIES[protocol].carries)
    if operation in _ROUTE_CARRIES:
        carries &= _ROUTE_CARRIES[operation]
    if operation in (Operation.GENERATE, Operation.EDIT):
        carries.discard("blend_dimensions")
        if protocol is ProtocolId.MIDJOURNEY:
            carries.discard("mask")  # only Vary (Region) takes one
    if protocol in _IMAGES_FAMILY:
        if operation is Operation.GENERATE:
            carries -= _EDIT_ONLY  # generations carry no images
        if spec.refs_via is RefsVia.IMAGE_FIELD:
            # references go as JSON: there is no file part for a mask or a markup overlay
            carries -= {"mask", "markup"}
        if spec.ratio_via is RatioVia.NONE or (
            operation is Operation.VARIATION and spec.ratio_via is not RatioVia.SIZE
        ):
            carries.discard("ratio")
    if "resolution" in carries and not _carries_resolution(protocol, operation, spec):
        carries.discard("resolution")
    return frozenset(carries)


# -- which protocol, which operation, and where a mask goes ------------------------------------

def offered_protocols(spec: ModelSpec) -> tuple[ProtocolId, ...]:
    """What ``spec`` can be sent through, the catalog's order: a model that speaks `images` also
    goes async (`images-async` is the same request with a task id to poll)."""
    result = list(spec.protocols)
    if ProtocolId.IMAGES in result and ProtocolId.IMAGES_ASYNC not in result:
        result.insert(result.index(ProtocolId.IMAGES) + 1, ProtocolId.IMAGES_ASYNC)
    return tuple(result)


def speaks(spec: ModelSpec, protocol: ProtocolId) -> bool:
    """Whether the catalog lists ``protocol`` for ``spec`` (a name the catalog does not know may
    go any way: the user knows the relay better)."""
    return not spec.known or protocol in offered_protocols(spec)


def default_operation(spec: ModelSpec, has_references: bool) -> Operation:
    """The operation when none is set: an edit with references (or for an edit-only model, which
    then asks for the reference it needs), else a generation."""
    edits = Operation.EDIT in spec.operations
    if edits and (has_references or Operation.GENERATE not in spec.operations):
        return Operation.EDIT
    return Operation.GENERATE


def default_protocol(spec: ModelSpec, operation: Operation) -> ProtocolId:
    """The protocol when none is chosen: the catalog's first for ``spec`` that can do it."""
    for protocol in spec.protocols:
        if operation in CAPABILITIES[protocol].operations:
            return protocol
    return spec.default_protocol


# The protocols whose bodies have a place for a mask at all (Midjourney's only for Vary Region).
MASK_PROTOCOLS = frozenset(p for p, caps in CAPABILITIES.items() if "mask" in caps.carries)
# The model "Edit with mask…" and "Expand canvas…" switch to when the chosen one cannot take a
# mask: it edits with one on every relay that speaks `images`.
FALLBACK_MASK_MODEL = "gpt-image-1"


def masks_first_reference(spec: ModelSpec) -> bool:
    """Whether ``spec`` can edit reference #1 with a mask painted on it: it takes a mask and
    one of its protocols carries it with an edit (the `images` family; not Midjourney, whose
    mask is only for Vary Region on a finished image)."""
    return spec.supports_mask and any(
        "mask" in carried_options(protocol, Operation.EDIT, spec)
        for protocol in offered_protocols(spec)
    )


def model_for_mask(
    current: ModelSpec, preferred: Iterable[str], spec_of: Callable[[str], ModelSpec]
) -> str | None:
    """The model to paint a mask on reference #1 with: None to keep ``current`` (it can),
    else the first of ``preferred`` that can, then :data:`FALLBACK_MASK_MODEL`; None when
    none can either."""
    if masks_first_reference(current):
        return None
    for candidate in (*preferred, FALLBACK_MASK_MODEL):
        if masks_first_reference(spec_of(candidate)):
            return candidate
    return None


# -- GenerationRequest.extra: it may add fields, never replace what the studio sends ----------

# Every field a family sets, plus those that would change how an answer comes back (streaming,
# callbacks): extra never sets any of them, whichever protocol carries the request.
_STUDIO_FIELDS = frozenset(
    {
        # the options, as each family names them
        "model", "prompt", "n", "size", "aspect_ratio", "image_size", "ratio", "resolution",
        "quality", "style", "seed", "negative_prompt", "output_format", "background",
        "response_format", "image", "image[]", "images", "mask", "markup", "input_fidelity",
        "output_compression", "moderation", "complexity", "frame_count", "frame_duration_ms",
        "sequential_image_generation", "sequential_image_generation_options", "watermark",
        "safety_tolerance",
        # gemini and chat bodies
        "contents", "generationConfig", "generation_config", "systemInstruction",
        "system_instruction", "messages",
        # midjourney bodies
        "base64Array", "base64", "dimensions", "taskId", "customId", "action", "index",
        "maskBase64",
        # how the answer travels
        "stream", "stream_options", "partial_images", "webhook", "callback_url", "notifyHook",
    }
)  # fmt: skip
OWN_FIELDS: dict[ProtocolId, frozenset[str]] = dict.fromkeys(ProtocolId, _STUDIO_FIELDS)
# Midjourney submits take no free-form fields: extra never goes there.
_TAKES_EXTRA = frozenset(OWN_FIELDS) - {ProtocolId.MIDJOURNEY}


def extra_left_out(protocol: ProtocolId, extra: Mapping[str, Any]) -> list[str]:
    """The keys of ``extra`` that will not be sent through ``protocol``: the studio's own."""
    if protocol not in _TAKES_EXTRA:
        return list(extra)
    return [key for key in extra if key in OWN_FIELDS[protocol]]


def with_extra(
    body: MutableMapping[str, Any], extra: Mapping[str, Any], protocol: ProtocolId
) -> MutableMapping[str, Any]:
    """``body`` plus the entries of ``extra`` that neither the body nor the protocol sets: extra
    adds relay-specific fields, it never replaces the model, prompt, n, size or any option."""
    if protocol in _TAKES_EXTRA:
        for key, value in extra.items():
            if key not in body and key not in OWN_FIELDS[protocol]:
                body[key] = value
    return body
