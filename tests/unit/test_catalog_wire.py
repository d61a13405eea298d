"""Every value the catalog offers reaches the wire: each listed model, each option, each value.

The catalog is what the composer and the CLI offer. For every listed model, every value of every
option it lists is set on an otherwise plain request (with what the option needs beside it:
compression a jpeg or webp output, frames a gif, a series size a series, an edit option the
image it edits) and the real wire call is built through the protocol the studio picks for it.
The value must change what is sent (and, where it travels as written, appear in it): a value
the catalog offers but no wire carries would be a promise the studio cannot keep.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from studio.catalog import Catalog
from studio.domain.errors import InputError
from studio.domain.model_spec import ModelSpec, Operation, ProtocolId, ResolutionVia
from studio.domain.request import GenerationRequest, Mask, Reference
from tests.unit.test_wire_options import build

CATALOG = Catalog.load(user=Path("/nonexistent/models.toml"))
REF_SIZE = (96, 64)
# Options an edit carries (they shape how the references are used).
EDIT_OPTIONS = {"input_fidelity", "markup", "mask", "references"}
# How a value is written on the wire, where it is written as it is.
VERBATIM = {
    "quality", "style", "output_format", "background", "negative_prompt", "seed", "size",
    "input_fidelity", "output_compression", "moderation", "complexity", "frame_count",
    "frame_duration_ms", "sequential", "max_images", "safety_tolerance",
}  # fmt: skip


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("inputs")
    Image.new("RGB", REF_SIZE, (30, 120, 200)).save(folder / "ref.png")
    overlay = Image.new("RGBA", REF_SIZE, (0, 0, 0, 0))
    overlay.paste((255, 0, 0, 255), (10, 10, 40, 20))
    overlay.save(folder / "markup.png")
    gray = Image.new("L", REF_SIZE, 0)
    gray.paste(255, (20, 20, 50, 40))
    buffer = io.BytesIO()
    gray.save(buffer, "PNG")
    return {
        "ref": Reference("ref.png", path=folder / "ref.png"),
        "markup": Reference("markup.png", path=folder / "markup.png"),
        "mask": Mask(buffer.getvalue(), *REF_SIZE),
    }


def offered(spec: ModelSpec, inputs: dict[str, Any]) -> dict[str, list[Any]]:
    """Every value the catalog lists for ``spec``, by request field."""
    values: dict[str, list[Any]] = {
        "ratio": list(spec.ratios),
        "resolution": list(spec.resolutions),
        "size": list(spec.sizes),
        "n": [spec.n_max] if spec.n_max > 1 else [],
        "quality": list(spec.qualities),
        "style": list(spec.styles),
        "output_format": list(spec.output_formats),
        "background": list(spec.backgrounds),
        "seed": [7] if spec.seed else [],
        "negative_prompt": ["blurry"] if spec.negative_prompt else [],
        "input_fidelity": list(spec.input_fidelities),
        "moderation": list(spec.moderations),
        "complexity": list(spec.complexities),
        "thinking": list(spec.thinking_levels),
        "output_compression": [0, 100] if spec.output_compression else [],
        "frame_count": [2, spec.max_frames] if spec.max_frames else [],
        "frame_duration_ms": [20, 10000] if spec.max_frames else [],
        "sequential": ["auto", "disabled"] if spec.sequential else [],
        "max_images": [1, spec.max_images] if spec.sequential else [],
        "watermark": [True, False] if spec.watermark else [],
        "safety_tolerance": (
            [0, spec.safety_tolerance_max] if spec.safety_tolerance_max is not None else []
        ),
        "markup": [inputs["markup"]] if spec.markup else [],
        "references": [inputs["ref"]] if spec.max_refs else [],
    }
    return {option: found for option, found in values.items() if found}


def base_request(spec: ModelSpec, option: str, inputs: dict[str, Any]) -> GenerationRequest:
    """A plain request for ``spec`` that ``option`` makes sense on."""
    request = GenerationRequest("a lighthouse at dusk", spec.id)
    edits = Operation.EDIT in spec.operations
    needs_refs = spec.min_refs > 0 or Operation.GENERATE not in spec.operations
    if edits and (needs_refs or (option in EDIT_OPTIONS and option != "references")):
        request = replace(request, references=(inputs["ref"],) * max(1, spec.min_refs))
    if option == "output_compression":
        fmt = next(f for f in spec.output_formats if f in ("jpeg", "webp"))
        request = replace(request, output_format=fmt)
    if option in ("frame_count", "frame_duration_ms"):
        request = replace(request, output_format="gif")
    if option == "max_images":
        request = replace(request, sequential="auto")
    return request


def with_value(request: GenerationRequest, option: str, value: Any) -> GenerationRequest:
    if option == "references":
        return replace(request, references=(*request.references, value))
    return replace(request, **{option: value})


def cases() -> list[tuple[str, str]]:
    return [(model, option) for model in CATALOG.ids() for option in offered_names(model)]


def offered_names(model: str) -> list[str]:
    spec = CATALOG.get(model)
    stand_in = {"ref": None, "markup": None, "mask": None}
    return list(offered(spec, stand_in))


def test_the_catalog_offers_every_late_option_somewhere() -> None:
    options = {option for _, option in cases()}
    late = {
        "input_fidelity", "output_compression", "moderation", "complexity", "frame_count",
        "frame_duration_ms", "thinking", "sequential", "max_images", "watermark",
        "safety_tolerance", "markup",
    }  # fmt: skip
    assert late <= options, late - options
    resolutions = {r for model in CATALOG.ids() for r in CATALOG.get(model).resolutions}
    assert {"512", "3K"} <= resolutions
    ratios = {r for model in CATALOG.ids() for r in CATALOG.get(model).ratios}
    assert {"1:4", "4:1", "1:8", "8:1"} <= ratios


@pytest.mark.parametrize(("model", "option"), cases())
def test_every_offered_value_reaches_the_wire(
    model: str, option: str, inputs: dict[str, Any]
) -> None:
    spec = CATALOG.get(model)
    base = base_request(spec, option, inputs)
    plan, baseline = build(base, spec)
    problems = []
    for value in offered(spec, inputs)[option]:
        if option == "output_format" and value == "svg":
            base_for_value = replace(base, references=(), n=1)  # svg: new images only
            plan, baseline = build(base_for_value, spec)
        else:
            base_for_value = base
        if option == "references" and len(base.references) >= spec.max_refs:
            continue  # an edit-only model's baseline already holds all it takes
        info_only = option == "resolution" and spec.resolution_via is ResolutionVia.NONE
        request = with_value(base_for_value, option, value)
        try:
            plan, sent = build(request, spec)
        except InputError as error:
            problems.append(f"{value!r} refused: {error.message}")
            continue
        where = f"{value!r} through {plan.protocol}"
        if info_only and spec.fixed_resolution is None:
            # listed for information (gemini-2.5: always 1K): the note says the model decides
            assert sent == baseline and len(plan.notes) == 1
            continue
        if plan.notes:
            problems.append(f"{where}: {'; '.join(n.message for n in plan.notes)}")
        if option == "resolution" and spec.fixed_resolution == value:
            if spec.id not in sent:
                problems.append(f"{where}: the model's name is not sent")
            continue
        if sent == baseline:
            problems.append(f"{where}: nothing on the wire changed")
        elif option in VERBATIM and _written(value) not in sent:
            problems.append(f"{where}: the wire changed but the value is not in it")
    assert not problems, "\n".join(problems)


def _written(value: Any) -> str:
    return json.dumps(str(value))[1:-1]


@pytest.mark.parametrize(
    ("model", "protocol", "words"),
    [
        ("gpt-image-2.6", ProtocolId.IMAGES, ('"complexity', '"frame_count')),
        ("gemini-3.1-flash-image-preview", ProtocolId.GEMINI, ('thinkingLevel', 'imageSize')),
    ],
)
def test_late_options_travel_under_their_wire_names(
    model: str, protocol: ProtocolId, words: tuple[str, ...]
) -> None:
    spec = CATALOG.get(model)
    options: dict[str, Any] = (
        {"complexity": "low", "output_format": "gif", "frame_count": 4}
        if model.startswith("gpt-image")
        else {"thinking": "high", "resolution": "512"}
    )
    plan, sent = build(GenerationRequest("a cat", model, **options), spec)
    assert plan.protocol is protocol and not plan.notes
    for word in words:
        assert word in sent
