"""Nothing the user asks for is silently dropped: every protocol × every option.

For each protocol, each catalog model that speaks it (the protocol forced) and a name the
catalog does not know, each way of using it (generate, edit, variations, Midjourney's blend,
describe, buttons and Vary (Region)) and each option a user can set, the real wire call is
built (plan → prepare → the protocol's ``build``) with and without the option. The option must
change what is sent (and, for words, appear in it), or a plan note must name it, or the plan
must refuse the request. A note for an option that did reach the wire is a failure too.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
from dataclasses import dataclass, replace
from typing import Any

import pytest
from PIL import Image

from studio.catalog import Catalog
from studio.domain.errors import InputError
from studio.domain.model_spec import ModelSpec, Operation, ProtocolId
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest, Mask, MidjourneyAction, Reference
from studio.engine.plan import Plan, plan_request
from studio.engine.prepare import prepare
from studio.protocols import protocol_for
from studio.protocols.base import HttpCall
from studio.protocols.capabilities import OPTIONS

UNKNOWN = "brand-new-relay-model"
PROFILE = Profile(name="wire", base_url="https://relay.example/v1", api_key="sk-wire-test")
REF_SIZE = (64, 48)
# What a note about each option must say (English source text).
WORDS = {
    "ratio": "ratio",
    "resolution": "resolution",
    "size": "size",
    "n": "image",
    "quality": "quality",
    "seed": "seed",
    "negative_prompt": "negative prompt",
    "style": "style",
    "output_format": "output format",
    "background": "background",
    "mask": "mask",
    "references": "reference",
    "blend_dimensions": "blend",
    "input_fidelity": "input fidelity",
    "output_compression": "compression",
    "moderation": "moderation",
    "complexity": "complexity",
    "frame_count": "frame count",
    "frame_duration_ms": "frame duration",
    "thinking": "thinking level",
    "sequential": "image series",
    "max_images": "series",
    "watermark": "watermark",
    "safety_tolerance": "safety tolerance",
    "markup": "markup",
}
# Options whose value is sent as written somewhere (a field, a form part, the prompt's words).
VERBATIM = {
    "quality", "style", "output_format", "background", "negative_prompt", "seed",
    "input_fidelity", "output_compression", "moderation", "complexity", "frame_count",
    "frame_duration_ms", "sequential", "max_images", "safety_tolerance",
}  # fmt: skip


# A catalog entry that offers every option through every protocol: what reaches the wire is
# then up to the protocol alone.
EVERYTHING = "everything-model"
EVERYTHING_ENTRY = {
    "family": "gpt-image",
    "protocols": [p.value for p in ProtocolId],
    "operations": [o.value for o in Operation],
    "ratios": ["1:1", "3:2", "16:9"],
    "ratio_via": "aspect_ratio",
    "sizes": ["1024x1024", "1536x1024"],
    "size_for_ratio": {},
    "resolutions": ["1K", "2K", "4K"],
    "resolution_via": "image_size",
    "n_max": 4,
    "qualities": ["low", "high"],
    "styles": ["vivid", "natural"],
    "output_formats": ["png", "webp"],
    "backgrounds": ["opaque", "transparent"],
    "seed": True,
    "negative_prompt": True,
    "max_refs": 4,
    "mask": "alpha",
    "input_fidelities": ["low", "high"],
    "output_compression": True,
    "moderations": ["auto", "low"],
    "complexities": ["low", "high"],
    "max_frames": 8,
    "thinking_levels": ["minimal", "high"],
    "sequential": True,
    "max_images": 4,
    "watermark": True,
    "safety_tolerance_max": 6,
    "markup": True,
}
EVERYTHING_ENTRY["output_formats"] = ["png", "webp", "gif"]


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    loaded = Catalog.load(user=tmp_path_factory.mktemp("catalog") / "none.toml")
    loaded.merge({"model": {EVERYTHING: EVERYTHING_ENTRY}})
    return loaded


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> tuple[Reference, Reference, Mask]:
    folder = tmp_path_factory.mktemp("refs")
    first, second = folder / "first.png", folder / "second.png"
    Image.new("RGB", REF_SIZE, (200, 40, 40)).save(first)
    Image.new("RGB", REF_SIZE, (40, 40, 200)).save(second)
    overlay = Image.new("RGBA", REF_SIZE, (0, 0, 0, 0))
    overlay.paste((255, 0, 0, 255), (20, 20, 40, 30))
    overlay.save(folder / "markup.png")
    gray = Image.new("L", REF_SIZE, 0)
    gray.paste(255, (10, 10, 30, 30))
    buffer = io.BytesIO()
    gray.save(buffer, "PNG")
    mask = Mask(buffer.getvalue(), *REF_SIZE)
    return Reference("first.png", path=first), Reference("second.png", path=second), mask


@dataclass(frozen=True)
class Setup:
    name: str
    request: GenerationRequest  # valid on its own: the baseline


def setups(
    protocol: ProtocolId, spec: ModelSpec, refs: tuple[Reference, Reference, Mask]
) -> list[Setup]:
    first, second, _ = refs
    base = GenerationRequest("a lighthouse at dusk", spec.id, protocol=protocol)
    known_ops = spec.operations if spec.known else tuple(Operation)
    found = []
    if protocol is ProtocolId.MIDJOURNEY:
        follow = MidjourneyAction(task_id="task-1", custom_id="MJ::JOB::upsample::1::abc")
        candidates = [
            ("generate", base),
            (
                "blend",
                replace(base, prompt="", operation=Operation.MJ_BLEND, references=(first, second)),
            ),
            (
                "describe",
                replace(base, prompt="", operation=Operation.MJ_DESCRIBE, references=(first,)),
            ),
            ("button", replace(base, prompt="", midjourney=follow)),
            (
                "vary-region",
                replace(
                    base,
                    operation=Operation.MJ_MODAL,
                    midjourney=MidjourneyAction(task_id="task-1"),
                ),
            ),
        ]
    else:
        candidates = [("generate", base), ("edit", replace(base, references=(first,)))]
        if Operation.VARIATION in known_ops and protocol is ProtocolId.IMAGES:
            candidates.append(
                (
                    "variation",
                    replace(base, prompt="", operation=Operation.VARIATION, references=(first,)),
                )
            )
    for name, request in candidates:
        try:
            plan_request(request, spec)
        except InputError:
            continue  # not a way this model can be used
        found.append(Setup(name, request))
    return found


def option_value(option: str, spec: ModelSpec) -> Any:
    def last(choices: tuple[str, ...], default: str) -> str:
        return choices[-1] if choices else default

    if option == "ratio":
        return (
            "7:4" if spec.free_ratio else last(tuple(r for r in spec.ratios if r != "1:1"), "16:9")
        )
    if option == "resolution":
        return spec.fixed_resolution or last(spec.resolutions, "2K")
    if option == "size":
        return next((s for s in spec.sizes if s != "auto"), "1024x1024")
    return {
        "n": 2,
        "quality": last(spec.qualities, "high"),
        "seed": 4242,
        "negative_prompt": "blurry faces",
        "style": last(spec.styles, "vivid"),
        "output_format": last(spec.output_formats, "webp"),
        "background": last(spec.backgrounds, "transparent"),
        "blend_dimensions": "PORTRAIT",
        "input_fidelity": last(spec.input_fidelities, "high"),
        "output_compression": 70,
        "moderation": last(spec.moderations, "low"),
        "complexity": last(spec.complexities, "low"),
        "frame_count": min(6, spec.max_frames) if spec.max_frames > 1 else 6,
        "frame_duration_ms": 120,
        "thinking": last(spec.thinking_levels, "high"),
        "sequential": "auto",
        "max_images": min(3, spec.max_images) if spec.sequential else 3,
        "watermark": False,
        "safety_tolerance": spec.safety_tolerance_max or 2,
    }[option]


def prerequisite(
    request: GenerationRequest,
    option: str,
    spec: ModelSpec,
    refs: tuple[Reference, Reference, Mask],
) -> GenerationRequest:
    """What an option needs beside it to mean anything (compression needs jpeg or webp output,
    frames a gif, a series size a series, a markup overlay the image it is drawn on): part of
    the baseline, so that only the option itself makes the difference."""
    first = refs[0]
    if option == "output_compression":
        fmt = next((f for f in spec.output_formats if f in ("jpeg", "webp")), None)
        return replace(request, output_format=fmt) if fmt else request
    if option in ("frame_count", "frame_duration_ms") and "gif" in spec.output_formats:
        return replace(request, output_format="gif")
    if option == "max_images" and spec.sequential:
        return replace(request, sequential="auto")
    if option == "markup" and not request.references and request.midjourney is None:
        return replace(request, references=(first,))
    return request


def with_option(
    request: GenerationRequest,
    option: str,
    spec: ModelSpec,
    refs: tuple[Reference, Reference, Mask],
) -> GenerationRequest:
    first, second, mask = refs
    if option == "references":
        return replace(
            request, references=(*request.references, second if request.references else first)
        )
    if option == "mask":
        return replace(request, mask=mask)
    if option == "markup":
        assert first.path is not None
        overlay = Reference("markup.png", path=first.path.parent / "markup.png")
        return replace(request, markup=overlay)
    return replace(request, **{option: option_value(option, spec)})


def wire_text(call: HttpCall) -> str:
    """Everything the call sends, as comparable text (file parts by name, type and digest)."""
    files = [
        (field, name, mime, hashlib.sha256(data).hexdigest())
        for field, (name, data, mime) in call.files or []
    ]
    content = call.content.decode("utf-8") if call.content else ""
    return json.dumps(
        [call.path, call.params, content, call.data, files], ensure_ascii=False, sort_keys=True
    )


def build(request: GenerationRequest, spec: ModelSpec) -> tuple[Plan, str]:
    plan = plan_request(request, spec)
    prepared = asyncio.run(prepare(request, spec, plan, None))
    return plan, wire_text(protocol_for(plan.protocol, PROFILE).build(prepared.wire))


def names_it(plan: Plan, option: str) -> bool:
    return any(WORDS[option] in note.message.lower() for note in plan.notes)


def models_for(catalog: Catalog, protocol: ProtocolId) -> list[ModelSpec]:
    spoken = protocol if protocol is not ProtocolId.IMAGES_ASYNC else ProtocolId.IMAGES
    specs = [catalog.get(i) for i in catalog.ids()]
    chosen = [s for s in specs if s.speaks(protocol) or s.speaks(spoken)]
    return [*chosen, catalog.get(UNKNOWN)]


def outcome(
    spec: ModelSpec, setup: Setup, option: str, refs: tuple[Reference, Reference, Mask]
) -> tuple[str, str | None]:
    """``option`` added to ``setup``: sent | noted | refused, and a problem, if any."""
    case = f"{spec.id} {setup.name} {option}"
    start = prerequisite(setup.request, option, spec, refs)
    try:
        _, baseline = build(start, spec)
    except InputError:  # what the option needs cannot go this way: neither can it
        return "refused", None
    asked = with_option(start, option, spec, refs)
    try:
        plan, sent = build(asked, spec)
    except InputError:
        return "refused", None
    value = getattr(asked, option)
    if sent != baseline:
        if option in VERBATIM and str(value) not in sent:
            return "sent", f"{case}: the wire changed but {value!r} is not in it"
        if names_it(plan, option):
            return "sent", f"{case}: sent, yet a note says it is not"
        return "sent", None
    fixed = option == "resolution" and spec.fixed_resolution == value
    if fixed and spec.id in sent:
        return "sent", None  # the model's name carries its resolution
    if not names_it(plan, option):
        return "noted", f"{case}: {value!r} silently dropped"
    return "noted", None


@pytest.mark.parametrize("option", OPTIONS)
@pytest.mark.parametrize("protocol", list(ProtocolId))
def test_every_option_reaches_the_wire_or_is_named_or_refused(
    catalog: Catalog, images: tuple[Reference, Reference, Mask], protocol: ProtocolId, option: str
) -> None:
    problems: list[str] = []
    outcomes = {"sent": 0, "noted": 0, "refused": 0}
    for spec in models_for(catalog, protocol):
        for setup in setups(protocol, spec, images):
            found, problem = outcome(spec, setup, option, images)
            outcomes[found] += 1
            if problem:
                problems.append(problem)
    assert not problems, "\n".join(problems)
    assert sum(outcomes.values()) > 0, f"no {protocol} case was checked"


# Where each option has a place on the wire (the model offering everything): it must get there.
CARRIERS = {
    ProtocolId.IMAGES: [o for o in OPTIONS if o not in ("blend_dimensions", "thinking")],
    ProtocolId.IMAGES_ASYNC: ["input_fidelity", "output_compression", "moderation",
                              "complexity", "frame_count", "frame_duration_ms", "sequential",
                              "max_images", "watermark", "safety_tolerance", "markup"],
    ProtocolId.GEMINI: ["ratio", "resolution", "seed", "thinking", "references"],
    ProtocolId.IMAGES_JSON_EDIT: ["ratio", "resolution", "references"],
    ProtocolId.CHAT: ["ratio", "size", "n", "references"],
    ProtocolId.MIDJOURNEY: ["ratio", "negative_prompt", "seed", "references", "mask",
                            "blend_dimensions"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("protocol", "option"), [(p, o) for p, options in CARRIERS.items() for o in options]
)
def test_an_option_reaches_the_wire_where_the_protocol_has_a_place_for_it(
    catalog: Catalog, images: tuple[Reference, Reference, Mask], protocol: ProtocolId, option: str
) -> None:
    spec = catalog.get(EVERYTHING)
    found = [outcome(spec, setup, option, images) for setup in setups(protocol, spec, images)]
    assert any(kind == "sent" and problem is None for kind, problem in found), found


def test_every_protocol_is_checked_with_several_models(catalog: Catalog, images) -> None:
    for protocol in ProtocolId:
        usable = [spec for spec in models_for(catalog, protocol) if setups(protocol, spec, images)]
        assert len(usable) >= 2, protocol


@pytest.mark.parametrize(
    ("model", "protocol", "options", "words"),
    [
        ("gpt-image-1", ProtocolId.CHAT, {"quality": "high"}, "quality high"),
        ("gpt-image-1", ProtocolId.CHAT, {"background": "transparent"}, "background"),
        ("gpt-image-1", ProtocolId.CHAT, {"output_format": "webp"}, "output format webp"),
        ("nano-banana-2", ProtocolId.CHAT, {"resolution": "4K"}, "resolution 4k"),
        ("gemini-2.5-flash-image", ProtocolId.GEMINI, {"resolution": "1K"}, "resolution 1k"),
    ],
)
def test_looks_options_a_protocol_cannot_carry_are_named(
    catalog: Catalog, model: str, protocol: ProtocolId, options: dict[str, str], words: str
) -> None:
    plan = plan_request(
        GenerationRequest("a cat", model, protocol=protocol, **options), catalog.get(model)
    )
    (note,) = plan.notes
    assert words in note.message.lower() and str(protocol) in note.message
    assert "model decides" in note.message


@pytest.mark.parametrize(
    ("model", "protocol", "options", "needle"),
    [
        (UNKNOWN, ProtocolId.GEMINI, {"n": 3}, "one image per request"),
        (UNKNOWN, ProtocolId.IMAGES_JSON_EDIT, {"n": 2}, "one image per request"),
        ("gpt-image-1", ProtocolId.CHAT, {"mask": True}, "cannot be sent through chat"),
    ],
)
def test_what_changes_the_outcome_is_refused(
    catalog: Catalog,
    images,
    model: str,
    protocol: ProtocolId,
    options: dict[str, Any],
    needle: str,
) -> None:
    first, _, mask = images
    if options.pop("mask", False):
        options["mask"] = mask
    request = GenerationRequest("a cat", model, protocol=protocol, references=(first,), **options)
    with pytest.raises(InputError) as caught:
        plan_request(request, catalog.get(model))
    assert needle in caught.value.message


def test_a_resolution_an_exact_size_overrides_is_named(catalog: Catalog) -> None:
    spec = catalog.get("gpt-image-2")
    plan, sent = build(GenerationRequest("a cat", spec.id, size="1024x1024", resolution="4K"), spec)
    assert '\\"size\\":\\"1024x1024\\"' in sent
    (note,) = plan.notes
    assert "4K" in note.message and "1024x1024" in note.message


def test_a_midjourney_flag_in_the_prompt_wins_and_is_named(catalog: Catalog) -> None:
    spec = catalog.get("midjourney")
    request = GenerationRequest("a cat --ar 1:1", spec.id, ratio="16:9", seed=7)
    plan, sent = build(request, spec)
    assert "--ar 1:1" in sent and "--ar 16:9" not in sent and "--seed 7" in sent
    (note,) = plan.notes
    assert "16:9" in note.message and "--ar" in note.message
