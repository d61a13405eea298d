"""Checking a request against the model before anything is read or sent.

Every refusal here is an :class:`InputError` (the CLI exits 2): nothing leaves the machine for
a request the model cannot take.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.model_spec import ModelSpec, Operation, ProtocolId
from studio.domain.notice import Notice
from studio.domain.request import (
    COMPRESSED_FORMATS,
    COMPRESSION_RANGE,
    FRAME_COUNT_MIN,
    FRAME_DURATION_RANGE,
    SEQUENTIAL,
    GenerationRequest,
)
from studio.domain.setting_words import SETTING_WORDS
from studio.engine.params import resolve
from studio.protocols.base import ResolvedParams
from studio.protocols.capabilities import (
    CAPABILITIES,
    MASK_PROTOCOLS,
    carried_options,
    default_operation,
    default_protocol,
    extra_left_out,
    speaks,
)

FOLLOW_UPS = frozenset({Operation.MJ_ACTION, Operation.MJ_CHANGE, Operation.MJ_MODAL})
NO_PROMPT_OPERATIONS = frozenset(
    {
        Operation.VARIATION,
        Operation.MJ_BLEND,
        Operation.MJ_DESCRIBE,
        Operation.MJ_ACTION,
        Operation.MJ_CHANGE,
        Operation.MJ_MODAL,
    }
)

MSG_NO_PROMPT = QT_TRANSLATE_NOOP(ERRORS, "Write a prompt first: it is empty.")
MSG_PROMPT_TOO_LONG = QT_TRANSLATE_NOOP(
    ERRORS, "The prompt has {length} characters; {model} takes at most {limit}."
)
MSG_OPERATION = QT_TRANSLATE_NOOP(ERRORS, "{model} cannot {operation}.")
MSG_PROTOCOL_OPERATION = QT_TRANSLATE_NOOP(ERRORS, "The {protocol} protocol cannot {operation}.")
MSG_TOO_MANY_REFS = QT_TRANSLATE_NOOP(
    ERRORS, "{model} takes at most {limit} reference image(s); there are {count}."
)
MSG_NO_REFS_ALLOWED = QT_TRANSLATE_NOOP(ERRORS, "{model} does not take reference images.")
MSG_TOO_FEW_REFS = QT_TRANSLATE_NOOP(
    ERRORS, "{model} needs at least {limit} reference image(s); there are {count}."
)
MSG_NO_MASK = QT_TRANSLATE_NOOP(
    ERRORS, "{model} cannot edit with a mask. Pick a model that can, such as gpt-image-1."
)
MSG_MASK_PROTOCOL = QT_TRANSLATE_NOOP(
    ERRORS, "A mask cannot be sent through {protocol}. Use the images protocol for mask edits."
)
MSG_MASK_NEEDS_REF = QT_TRANSLATE_NOOP(
    ERRORS, "A mask needs the image it applies to: add that image as the first reference."
)
MSG_MJ_MASK = QT_TRANSLATE_NOOP(
    ERRORS, "Midjourney takes a mask only for Vary (Region) on a finished image."
)
MSG_N = QT_TRANSLATE_NOOP(
    ERRORS, "{model} makes 1 to {limit} image(s) per request; {n} were asked for."
)
MSG_OPTION = QT_TRANSLATE_NOOP(ERRORS, "{model} has no {option} setting.")
MSG_OPTION_VALUE = QT_TRANSLATE_NOOP(
    ERRORS, "{model} does not offer {option} {value}. It offers {choices}."
)
MSG_OPTION_RANGE = QT_TRANSLATE_NOOP(
    ERRORS, "{model} takes a {option} from {low} to {high}; {value} was asked for."
)
MSG_COMPRESSION_FORMAT = QT_TRANSLATE_NOOP(
    ERRORS,
    "Compression applies to jpeg and webp output only. Choose one of them as the output "
    "format, or leave compression out.",
)
MSG_FRAMES_FORMAT = QT_TRANSLATE_NOOP(
    ERRORS,
    "The frame count and frame duration apply to gif output only. Choose gif as the output "
    "format, or leave them out.",
)
MSG_SVG_EDIT = QT_TRANSLATE_NOOP(
    ERRORS, "svg output is for new images only, not for edits. Choose another output format."
)
MSG_SVG_N = QT_TRANSLATE_NOOP(
    ERRORS, "svg output makes one image per request, and {n} were asked for. Ask for 1 image."
)
MSG_JPEG_TRANSPARENT = QT_TRANSLATE_NOOP(
    ERRORS,
    "A jpeg cannot be transparent (the relay refuses it). Choose png or webp for a transparent "
    "background.",
)
MSG_MAX_IMAGES_SERIES = QT_TRANSLATE_NOOP(
    ERRORS,
    "The number of images in a series applies only to a series: set the image series to auto, "
    "or leave the number out.",
)
MSG_MARKUP_MASK = QT_TRANSLATE_NOOP(
    ERRORS, "A markup overlay cannot go together with a mask: remove one of them."
)
MSG_MARKUP_NEEDS_REF = QT_TRANSLATE_NOOP(
    ERRORS,
    "A markup overlay needs the image it is drawn on: add that image as the first reference.",
)
MSG_FOLLOW_UP = QT_TRANSLATE_NOOP(
    ERRORS,
    "A Midjourney follow-up needs the finished task it belongs to: use the buttons under that "
    "image.",
)
MSG_N_NOT_CARRIED = QT_TRANSLATE_NOOP(
    ERRORS,
    "{protocol} makes one image per request, and {n} were asked for. Ask for 1 image, or choose "
    "another protocol.",
)
MSG_NOT_CARRIED = QT_TRANSLATE_NOOP(
    ERRORS,
    "The {option} cannot be sent through {protocol} for this request. Remove it, or choose "
    "another protocol or model.",
)

# Notes: what the user set that the relay will not get, and what happens instead.
MSG_NOT_SENT = QT_TRANSLATE_NOOP(
    WARNINGS, "The {option} {value} is not sent through {protocol}: the model decides."
)
MSG_NEGATIVE_NOT_SENT = QT_TRANSLATE_NOOP(
    WARNINGS, "The negative prompt is not sent through {protocol}: the model decides."
)
MSG_RESOLUTION_BY_SIZE = QT_TRANSLATE_NOOP(
    WARNINGS, "The resolution {resolution} is not sent: the exact size {size} decides it."
)
MSG_PROMPT_FLAG = QT_TRANSLATE_NOOP(
    WARNINGS,
    "The prompt already has --{flag}, so the {option} {value} is not added: the prompt's own "
    "--{flag} applies.",
)
MSG_EXTRA_LEFT_OUT = QT_TRANSLATE_NOOP(
    WARNINGS,
    "The extra field(s) {names} are not sent through {protocol}: the studio sets these itself.",
)
MSG_EXTRA_MIDJOURNEY = QT_TRANSLATE_NOOP(
    WARNINGS, "The extra field(s) {names} are not sent: Midjourney takes no extra fields."
)
MSG_PROTOCOL_NOT_LISTED = QT_TRANSLATE_NOOP(
    WARNINGS,
    "The {protocol} protocol is not listed for {model}; sent through {protocol} as you chose.",
)

OPERATION_WORDS = {
    Operation.GENERATE: QT_TRANSLATE_NOOP(ERRORS, "make images from a prompt"),
    Operation.EDIT: QT_TRANSLATE_NOOP(ERRORS, "edit images"),
    Operation.VARIATION: QT_TRANSLATE_NOOP(ERRORS, "make variations"),
    Operation.MJ_BLEND: QT_TRANSLATE_NOOP(ERRORS, "blend images"),
    Operation.MJ_DESCRIBE: QT_TRANSLATE_NOOP(ERRORS, "describe an image"),
    Operation.MJ_ACTION: QT_TRANSLATE_NOOP(ERRORS, "run a Midjourney button"),
    Operation.MJ_CHANGE: QT_TRANSLATE_NOOP(ERRORS, "upscale or vary a Midjourney image"),
    Operation.MJ_MODAL: QT_TRANSLATE_NOOP(ERRORS, "vary a region"),
}


# Words that fill {option}: marked so the window shows them in the user's language too.
OPTION_WORDS = {
    "quality": QT_TRANSLATE_NOOP(ERRORS, "quality"),
    "style": QT_TRANSLATE_NOOP(ERRORS, "style"),
    "output_format": QT_TRANSLATE_NOOP(ERRORS, "output format"),
    "background": QT_TRANSLATE_NOOP(ERRORS, "background"),
    "seed": QT_TRANSLATE_NOOP(ERRORS, "seed"),
    "negative_prompt": QT_TRANSLATE_NOOP(ERRORS, "negative prompt"),
    "size": QT_TRANSLATE_NOOP(ERRORS, "size"),
    "mask": QT_TRANSLATE_NOOP(ERRORS, "mask"),
    "references": QT_TRANSLATE_NOOP(ERRORS, "reference images"),
    "input_fidelity": QT_TRANSLATE_NOOP(ERRORS, "input fidelity"),
    "output_compression": QT_TRANSLATE_NOOP(ERRORS, "compression"),
    "moderation": QT_TRANSLATE_NOOP(ERRORS, "moderation"),
    "complexity": QT_TRANSLATE_NOOP(ERRORS, "complexity"),
    "frame_count": QT_TRANSLATE_NOOP(ERRORS, "frame count"),
    "frame_duration_ms": QT_TRANSLATE_NOOP(ERRORS, "frame duration (ms)"),
    "thinking": QT_TRANSLATE_NOOP(ERRORS, "thinking level"),
    "sequential": QT_TRANSLATE_NOOP(ERRORS, "image series"),
    "max_images": QT_TRANSLATE_NOOP(ERRORS, "number of images in a series"),
    "watermark": QT_TRANSLATE_NOOP(ERRORS, "watermark"),
    "safety_tolerance": QT_TRANSLATE_NOOP(ERRORS, "safety tolerance"),
    "markup": QT_TRANSLATE_NOOP(ERRORS, "markup overlay"),
}

NOTE_WORDS = SETTING_WORDS  # the same words for notes, in the Warnings context
# Options that change what is made or what it is made from: never sent without them.
REFUSED_WHEN_LEFT_OUT = frozenset({"n", "size", "mask", "references", "markup", "max_images"})
# Midjourney flags that carry an option inside the prompt.
PROMPT_FLAGS = {"ratio": "ar", "negative_prompt": "no", "seed": "seed"}


@dataclass(frozen=True)
class Plan:
    protocol: ProtocolId
    operation: Operation
    params: ResolvedParams
    notes: tuple[Notice, ...] = ()  # what the user asked for that will not reach the wire


def _operation(request: GenerationRequest, spec: ModelSpec) -> Operation:
    if request.operation is not None:
        return request.operation
    if request.midjourney is not None:
        return Operation.MJ_MODAL if request.mask is not None else Operation.MJ_ACTION
    return default_operation(spec, bool(request.references))


def _protocol(
    request: GenerationRequest, spec: ModelSpec, operation: Operation
) -> tuple[ProtocolId, list[Notice]]:
    """The protocol, and a note when it is the user's explicit choice the catalog does not list
    for the model: the user knows their relay (it is honoured; what the protocol cannot carry
    at all is still refused by the plan)."""
    if request.protocol is not None:
        if speaks(spec, request.protocol):
            return request.protocol, []
        note = Notice(
            "protocol_not_listed",
            MSG_PROTOCOL_NOT_LISTED,
            {"protocol": str(request.protocol), "model": spec.id},
        )
        return request.protocol, [note]
    return default_protocol(spec, operation), []


def _check_choice(
    spec: ModelSpec, option: str, value: str | None, choices: tuple[str, ...]
) -> None:
    if value is None:
        return
    if not choices:
        raise InputError(ErrorKind.UNSUPPORTED, MSG_OPTION, model=spec.id, option=option)
    if value not in choices:
        raise InputError(
            ErrorKind.UNSUPPORTED,
            MSG_OPTION_VALUE,
            model=spec.id,
            option=option,
            value=value,
            choices=", ".join(choices),
        )


def _check_range(
    spec: ModelSpec, option: str, value: int | None, low: int, high: int | None
) -> None:
    """``value`` within ``low``..``high``; ``high`` None: the model has no such setting."""
    if value is None:
        return
    if high is None or high < low:
        raise InputError(ErrorKind.UNSUPPORTED, MSG_OPTION, model=spec.id, option=option)
    if not low <= value <= high:
        raise InputError(
            ErrorKind.UNSUPPORTED,
            MSG_OPTION_RANGE,
            model=spec.id,
            option=option,
            low=low,
            high=high,
            value=value,
        )


def _check_late_options(request: GenerationRequest, spec: ModelSpec, operation: Operation) -> None:
    """The options of protocol.md §11: offered by the model, in range, in a combination the
    relays take (what they answer with a 400 is refused here, before anything is paid)."""
    words = OPTION_WORDS
    _check_choice(spec, words["input_fidelity"], request.input_fidelity, spec.input_fidelities)
    _check_choice(spec, words["moderation"], request.moderation, spec.moderations)
    _check_choice(spec, words["complexity"], request.complexity, spec.complexities)
    _check_choice(spec, words["thinking"], request.thinking, spec.thinking_levels)
    _check_choice(
        spec, words["sequential"], request.sequential, SEQUENTIAL if spec.sequential else ()
    )
    fmt = request.output_format
    low, high = COMPRESSION_RANGE
    _check_range(
        spec,
        words["output_compression"],
        request.output_compression,
        low,
        high if spec.output_compression else None,
    )
    if request.output_compression is not None and fmt not in COMPRESSED_FORMATS:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_COMPRESSION_FORMAT)
    frames = spec.max_frames if "gif" in spec.output_formats else None
    _check_range(spec, words["frame_count"], request.frame_count, FRAME_COUNT_MIN, frames)
    low, high = FRAME_DURATION_RANGE
    _check_range(
        spec, words["frame_duration_ms"], request.frame_duration_ms, low, high if frames else None
    )
    animated = request.frame_count is not None or request.frame_duration_ms is not None
    if animated and fmt != "gif":
        raise InputError(ErrorKind.INVALID_INPUT, MSG_FRAMES_FORMAT)
    if fmt == "svg":
        if operation is not Operation.GENERATE:
            raise InputError(ErrorKind.UNSUPPORTED, MSG_SVG_EDIT)
        if request.n != 1:
            raise InputError(ErrorKind.UNSUPPORTED, MSG_SVG_N, n=request.n)
    if fmt == "jpeg" and request.background == "transparent":
        raise InputError(ErrorKind.INVALID_INPUT, MSG_JPEG_TRANSPARENT)
    series = spec.max_images if spec.sequential else None
    _check_range(spec, words["max_images"], request.max_images, 1, series)
    if request.max_images is not None and request.sequential != "auto":
        raise InputError(ErrorKind.INVALID_INPUT, MSG_MAX_IMAGES_SERIES)
    if request.watermark is not None and not spec.watermark:
        raise InputError(
            ErrorKind.UNSUPPORTED, MSG_OPTION, model=spec.id, option=words["watermark"]
        )
    _check_range(
        spec, words["safety_tolerance"], request.safety_tolerance, 0, spec.safety_tolerance_max
    )
    if request.markup is not None:
        if not spec.markup:
            raise InputError(
                ErrorKind.UNSUPPORTED, MSG_OPTION, model=spec.id, option=words["markup"]
            )
        if request.mask is not None:
            raise InputError(ErrorKind.INVALID_INPUT, MSG_MARKUP_MASK)
        if not request.references:
            raise InputError(ErrorKind.INVALID_INPUT, MSG_MARKUP_NEEDS_REF)


def requested_options(request: GenerationRequest) -> dict[str, Any]:
    """The options the user set, by field name (see ``capabilities.OPTIONS``)."""
    values: dict[str, Any] = {
        "ratio": request.ratio,
        "resolution": request.resolution,
        "size": request.size,
        "quality": request.quality,
        "seed": request.seed,
        "negative_prompt": request.negative_prompt,
        "style": request.style,
        "output_format": request.output_format,
        "background": request.background,
        "mask": request.mask,
        "references": request.references or None,
        "blend_dimensions": request.blend_dimensions,
        "n": request.n if request.n != 1 else None,
        "input_fidelity": request.input_fidelity,
        "output_compression": request.output_compression,
        "moderation": request.moderation,
        "complexity": request.complexity,
        "frame_count": request.frame_count,
        "frame_duration_ms": request.frame_duration_ms,
        "thinking": request.thinking,
        "sequential": request.sequential,
        "max_images": request.max_images,
        "watermark": request.watermark,
        "safety_tolerance": request.safety_tolerance,
        "markup": request.markup,
    }
    return {key: value for key, value in values.items() if value is not None and value != ""}


def _left_out(
    request: GenerationRequest, spec: ModelSpec, protocol: ProtocolId, operation: Operation
) -> list[Notice]:
    """Refuse what cannot travel and changes the outcome; name the rest in notes."""
    carried = carried_options(protocol, operation, spec)
    notes = []
    for option, value in requested_options(request).items():
        if option in carried:
            continue
        if option == "n":
            raise InputError(ErrorKind.UNSUPPORTED, MSG_N_NOT_CARRIED, protocol=protocol, n=value)
        if option in REFUSED_WHEN_LEFT_OUT or (option == "sequential" and value == "auto"):
            # a series asks for several images: like `n`, never sent as one without saying
            raise InputError(
                ErrorKind.UNSUPPORTED,
                MSG_NOT_CARRIED,
                option=OPTION_WORDS[option],
                protocol=protocol,
            )
        if option == "negative_prompt":  # its words would make the note hard to read
            notes.append(
                Notice("option_not_sent", MSG_NEGATIVE_NOT_SENT, {"protocol": str(protocol)})
            )
            continue
        notes.append(
            Notice(
                "option_not_sent",
                MSG_NOT_SENT,
                {"option": NOTE_WORDS[option], "value": _shown(value), "protocol": str(protocol)},
            )
        )
    return notes


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def _route_notes(
    request: GenerationRequest,
    spec: ModelSpec,
    protocol: ProtocolId,
    operation: Operation,
    params: ResolvedParams,
) -> list[Notice]:
    """What the request itself overrides: an exact size over a resolution, a prompt's flags,
    the studio's own fields over ``extra``."""
    notes = []
    carried = carried_options(protocol, operation, spec)
    if (
        "resolution" in carried  # it travels folded into a size ...
        and protocol in (ProtocolId.IMAGES, ProtocolId.IMAGES_ASYNC)
        and request.resolution
        and request.size  # ... which the user gave exactly
        and not (spec.fixed_resolution or params.image_size)
    ):
        notes.append(
            Notice(
                "resolution_by_size",
                MSG_RESOLUTION_BY_SIZE,
                {"resolution": request.resolution, "size": params.size or request.size},
            )
        )
    if protocol is ProtocolId.MIDJOURNEY:
        from studio.protocols.midjourney import has_flag  # build-side knowledge, one place

        for option, flag in PROMPT_FLAGS.items():
            value = getattr(request, option)
            if value not in (None, "") and has_flag(request.prompt, flag):
                notes.append(
                    Notice(
                        "prompt_flag_wins",
                        MSG_PROMPT_FLAG,
                        {"flag": flag, "option": NOTE_WORDS[option], "value": str(value)},
                    )
                )
    if left_out := extra_left_out(protocol, request.extra):
        template = MSG_EXTRA_MIDJOURNEY if protocol is ProtocolId.MIDJOURNEY else MSG_EXTRA_LEFT_OUT
        names = ", ".join(sorted(left_out))
        notes.append(
            Notice("extra_left_out", template, {"names": names, "protocol": str(protocol)})
        )
    return notes


def plan_request(request: GenerationRequest, spec: ModelSpec) -> Plan:
    """The protocol, operation and wire parameters for ``request``, or an InputError.

    Every option the user set either reaches the wire, is named in :attr:`Plan.notes` (what
    only changes the looks), or is refused (what changes what is made, or from what).
    """
    model = spec.id
    operation = _operation(request, spec)
    protocol, chosen = _protocol(request, spec, operation)
    if operation not in spec.operations and spec.known:
        raise InputError(
            ErrorKind.UNSUPPORTED, MSG_OPERATION, model=model, operation=OPERATION_WORDS[operation]
        )
    if operation not in CAPABILITIES[protocol].operations:
        raise InputError(
            ErrorKind.UNSUPPORTED,
            MSG_PROTOCOL_OPERATION,
            protocol=protocol,
            operation=OPERATION_WORDS[operation],
        )

    if operation in FOLLOW_UPS and request.midjourney is None:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_FOLLOW_UP)

    prompt = request.prompt.strip()
    if not prompt and operation not in NO_PROMPT_OPERATIONS:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_NO_PROMPT)
    if len(request.prompt) > spec.prompt_max:
        raise InputError(
            ErrorKind.INVALID_INPUT,
            MSG_PROMPT_TOO_LONG,
            length=len(request.prompt),
            model=model,
            limit=spec.prompt_max,
        )

    count = len(request.references)
    if count and spec.max_refs == 0 and operation is not Operation.MJ_DESCRIBE:
        raise InputError(ErrorKind.UNSUPPORTED, MSG_NO_REFS_ALLOWED, model=model)
    # Variations and Describe send one image whatever the model takes.
    limit = 1 if operation in (Operation.VARIATION, Operation.MJ_DESCRIBE) else spec.max_refs
    if count > max(limit, 1):
        raise InputError(
            ErrorKind.UNSUPPORTED, MSG_TOO_MANY_REFS, model=model, limit=limit, count=count
        )
    needed = max(spec.min_refs, 1 if operation in (Operation.EDIT, Operation.VARIATION) else 0)
    if operation is Operation.MJ_BLEND:
        needed = 2
    if operation is Operation.MJ_DESCRIBE:
        needed = 1
    if count < needed:
        raise InputError(
            ErrorKind.UNSUPPORTED, MSG_TOO_FEW_REFS, model=model, limit=needed, count=count
        )

    if request.mask is not None:
        if not spec.supports_mask:
            raise InputError(ErrorKind.UNSUPPORTED, MSG_NO_MASK, model=model)
        if protocol not in MASK_PROTOCOLS:
            raise InputError(ErrorKind.UNSUPPORTED, MSG_MASK_PROTOCOL, protocol=protocol)
        if protocol is ProtocolId.MIDJOURNEY and operation is not Operation.MJ_MODAL:
            raise InputError(ErrorKind.UNSUPPORTED, MSG_MJ_MASK)
        if protocol is not ProtocolId.MIDJOURNEY and not request.references:
            raise InputError(ErrorKind.INVALID_INPUT, MSG_MASK_NEEDS_REF)

    if not 1 <= request.n <= spec.n_max:
        raise InputError(ErrorKind.UNSUPPORTED, MSG_N, model=model, limit=spec.n_max, n=request.n)
    _check_choice(spec, OPTION_WORDS["quality"], request.quality, spec.qualities)
    _check_choice(spec, OPTION_WORDS["style"], request.style, spec.styles)
    _check_choice(spec, OPTION_WORDS["output_format"], request.output_format, spec.output_formats)
    _check_choice(spec, OPTION_WORDS["background"], request.background, spec.backgrounds)
    if request.seed is not None and not spec.seed:
        raise InputError(
            ErrorKind.UNSUPPORTED, MSG_OPTION, model=model, option=OPTION_WORDS["seed"]
        )
    if request.negative_prompt and not spec.negative_prompt:
        raise InputError(
            ErrorKind.UNSUPPORTED, MSG_OPTION, model=model, option=OPTION_WORDS["negative_prompt"]
        )
    _check_late_options(request, spec, operation)

    params = resolve(request, spec, protocol)
    notes = chosen + _left_out(request, spec, protocol, operation)
    notes += _route_notes(request, spec, protocol, operation, params)
    return Plan(protocol, operation, params, tuple(notes))
