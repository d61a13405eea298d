"""The late-2026 options (protocol.md §11): checked against the model, refused in combinations
relays answer with a 400, recorded and restored; and an explicit protocol the catalog does not
list is honoured with a note."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from studio.catalog import Catalog
from studio.domain.errors import InputError
from studio.domain.model_spec import ProtocolId
from studio.domain.request import GenerationRequest, Mask, Reference
from studio.engine.plan import plan_request
from studio.imaging.provenance import Provenance
from studio.store.history import Store
from tests.unit.test_wire_options import build

REF = Reference(name="a.png", path=Path("a.png"))
MASK = Mask(png=b"", width=8, height=8)
OVERLAY = Reference(name="over.png", path=Path("over.png"))


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return Catalog.load(user=tmp_path_factory.mktemp("c") / "none.toml")


def _plan(catalog: Catalog, model: str, **options: Any):
    request = GenerationRequest(options.pop("prompt", "a cat"), model, **options)
    return plan_request(request, catalog.get(model))


def _body(catalog: Catalog, model: str, **options: Any) -> dict[str, Any]:
    _, sent = build(GenerationRequest("a cat", model, **options), catalog.get(model))
    _path, _, content, data, _ = json.loads(sent)
    return json.loads(content) if content else data


# -- an explicit protocol -------------------------------------------------------------------


def test_an_explicit_protocol_the_catalog_does_not_list_is_honoured_with_a_note(
    catalog: Catalog, tmp_path: Path
) -> None:
    Image.new("RGB", (64, 48)).save(tmp_path / "ref.png")
    ref = Reference("ref.png", path=tmp_path / "ref.png")
    request = GenerationRequest(
        "make it night",
        "nano-banana-2",
        protocol=ProtocolId.IMAGES_JSON_EDIT,
        references=(ref,),
        ratio="16:9",
        resolution="2K",
    )
    plan, sent = build(request, catalog.get("nano-banana-2"))
    assert plan.protocol is ProtocolId.IMAGES_JSON_EDIT
    (note,) = plan.notes
    assert note.message == (
        "The images-json-edit protocol is not listed for nano-banana-2; sent through "
        "images-json-edit as you chose."
    )
    path, _, content, _, _ = json.loads(sent)
    body = json.loads(content)
    assert path == "/v1/images/edits"
    assert (body["model"], body["ratio"], body["resolution"]) == ("nano-banana-2", "16:9", "2k")
    assert body["images"][0].startswith("data:image/png;base64,")


def test_a_listed_protocol_or_async_for_images_needs_no_note(catalog: Catalog) -> None:
    assert _plan(catalog, "gpt-image-1", protocol=ProtocolId.CHAT).notes == ()
    assert _plan(catalog, "dall-e-3", protocol=ProtocolId.IMAGES_ASYNC).notes == ()


@pytest.mark.parametrize(
    ("model", "options", "needle"),
    [
        # an operation the protocol cannot carry
        ("flux", {"protocol": ProtocolId.IMAGES_JSON_EDIT}, "cannot make images from a prompt"),
        ("gpt-image-1", {"protocol": ProtocolId.GEMINI, "operation": "variation"}, "variations"),
        # a mask it has no place for
        (
            "gpt-image-1",
            {"protocol": ProtocolId.GEMINI, "references": (REF,), "mask": MASK},
            "A mask cannot be sent through gemini",
        ),
        # what would change the result is still refused, not dropped
        ("gpt-image-1", {"protocol": ProtocolId.GEMINI, "n": 2}, "one image per request"),
    ],
)
def test_what_cannot_work_at_all_is_still_refused(
    catalog: Catalog, model: str, options: dict[str, Any], needle: str
) -> None:
    from studio.domain.model_spec import Operation

    if "operation" in options:
        options["operation"] = Operation(options["operation"])
        options["references"] = (REF,)
    with pytest.raises(InputError) as caught:
        _plan(catalog, model, **options)
    assert needle in caught.value.message


# -- values, ranges and combinations --------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "options", "needle"),
    [
        ("gpt-image-2", {"background": "transparent"}, "does not offer background transparent"),
        ("gpt-image-2", {"quality": "xhigh"}, "does not offer quality xhigh"),
        ("gpt-image-1-mini", {"references": (REF,), "input_fidelity": "high"}, "no input fidelity"),
        ("gpt-image-2", {"references": (REF,), "input_fidelity": "low"}, "no input fidelity"),
        ("gpt-image-1", {"output_compression": 50}, "jpeg and webp output only"),
        ("gpt-image-1", {"output_format": "png", "output_compression": 50}, "jpeg and webp"),
        ("gpt-image-1", {"output_format": "jpeg", "output_compression": 101}, "from 0 to 100"),
        ("gpt-image-1", {"moderation": "none"}, "does not offer moderation none"),
        ("gpt-image-1", {"complexity": "high"}, "has no complexity setting"),
        ("gpt-image-2.6", {"complexity": "extreme"}, "does not offer complexity extreme"),
        ("gpt-image-2.6", {"frame_count": 4}, "gif output only"),
        ("gpt-image-2.6", {"output_format": "gif", "frame_count": 1}, "from 2 to 24"),
        ("gpt-image-2.6", {"output_format": "gif", "frame_duration_ms": 5}, "from 20 to 10000"),
        ("gpt-image-1", {"output_format": "gif"}, "does not offer output format gif"),
        ("gpt-image-2.6", {"output_format": "svg", "references": (REF,)}, "not for edits"),
        ("gpt-image-2.6", {"output_format": "svg", "n": 2}, "one image per request"),
        (
            "gpt-image-2.6",
            {"output_format": "jpeg", "background": "transparent"},
            "A jpeg cannot be transparent",
        ),
        ("gpt-image-2.6", {"markup": OVERLAY}, "needs the image it is drawn on"),
        (
            "gpt-image-2.6",
            {"markup": OVERLAY, "references": (REF,), "mask": MASK},
            "cannot go together with a mask",
        ),
        ("gpt-image-1", {"markup": OVERLAY, "references": (REF,)}, "has no markup overlay"),
        ("gemini-3-pro-image-preview", {"thinking": "high"}, "has no thinking level"),
        ("gemini-3.1-flash-image-preview", {"thinking": "low"}, "does not offer thinking level"),
        ("nano-banana-2.1", {"resolution": "512"}, "does not offer 512"),
        ("gemini-3.1-flash-lite-image", {"resolution": "2K"}, "does not offer 2K"),
        ("seedream-5-0-260128", {"resolution": "4K"}, "does not offer 4K"),
        ("seedream-5-0-pro-260628", {"sequential": "auto"}, "has no image series"),
        ("doubao-seedream-4-0-250828", {"max_images": 4}, "applies only to a series"),
        (
            "doubao-seedream-4-0-250828",
            {"sequential": "auto", "max_images": 16},
            "from 1 to 15",
        ),
        ("gpt-image-1", {"watermark": True}, "has no watermark setting"),
        ("flux-2-pro", {"safety_tolerance": 6}, "from 0 to 5"),
        ("gpt-image-1", {"safety_tolerance": 2}, "has no safety tolerance"),
    ],
)
def test_late_options_are_checked_before_anything_is_sent(
    catalog: Catalog, model: str, options: dict[str, Any], needle: str
) -> None:
    with pytest.raises(InputError) as caught:
        _plan(catalog, model, **options)
    assert needle in caught.value.message


def test_a_series_that_cannot_travel_is_refused_and_disabled_is_noted(catalog: Catalog) -> None:
    with pytest.raises(InputError, match="image series cannot be sent through chat"):
        _plan(catalog, "doubao-seedream-4-0-250828", protocol=ProtocolId.CHAT, sequential="auto")
    plan = _plan(catalog, "doubao-seedream-4-0-250828", protocol=ProtocolId.CHAT,
                 sequential="disabled")  # fmt: skip
    assert any("image series disabled is not sent through chat" in n.message for n in plan.notes)


def test_gpt_image_bodies_never_carry_response_format(catalog: Catalog) -> None:
    for model in ("gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5", "gpt-image-2",
                  "gpt-image-2.5", "gpt-image-2.6", "gpt-image-2.5-sunburst"):  # fmt: skip
        assert "response_format" not in _body(catalog, model), model
    assert _body(catalog, "dall-e-3")["response_format"] == "url"


def test_seedream_series_watermark_and_size_presets(catalog: Catalog) -> None:
    body = _body(
        catalog,
        "doubao-seedream-4-5-251128",
        resolution="4K",
        sequential="auto",
        max_images=4,
        watermark=False,
    )
    assert body["size"] == "4K"  # the preset itself: the model picks the shape
    assert body["sequential_image_generation"] == "auto"
    assert body["sequential_image_generation_options"] == {"max_images": 4}
    assert body["watermark"] is False
    shaped = _body(catalog, "seedream-5-0-260128", resolution="3K", ratio="16:9")
    width, height = map(int, shaped["size"].split("x"))
    assert abs(width / height - 16 / 9) < 0.02 and width == 3072


def test_gemini_imagesize_512_the_14_ratios_and_the_thinking_level(catalog: Catalog) -> None:
    body = _body(
        catalog, "gemini-3.1-flash-image-preview", resolution="512", ratio="1:8", thinking="minimal"
    )
    config = body["generationConfig"]
    assert config["imageConfig"] == {"aspectRatio": "1:8", "imageSize": "512"}
    assert config["thinkingConfig"] == {"thinkingLevel": "MINIMAL"}
    assert len(catalog.get("gemini-3.1-flash-image-preview").ratios) == 14


def test_gpt_image_2_6_gif_and_flux_2_fields(catalog: Catalog) -> None:
    body = _body(
        catalog,
        "gpt-image-2.6",
        output_format="gif",
        frame_count=8,
        frame_duration_ms=80,
        complexity="low",
        moderation="low",
    )
    assert (body["output_format"], body["frame_count"], body["frame_duration_ms"]) == (
        "gif", 8, 80
    )
    assert (body["complexity"], body["moderation"]) == ("low", "low")
    flux = _body(catalog, "flux-2-max", ratio="16:9", seed=3, safety_tolerance=2)
    assert (flux["aspect_ratio"], flux["seed"], flux["safety_tolerance"]) == ("16:9", 3, 2)
    assert catalog.get("flux-2-flex").max_refs == 8


def test_dall_e_2_is_kept_and_marked_retired(catalog: Catalog) -> None:
    spec = catalog.get("dall-e-2")
    assert spec.retired == "2026-05" and spec.known
    assert _plan(catalog, "dall-e-2").protocol is ProtocolId.IMAGES


def test_midjourney_v8_flags_pass_through_the_prompt(catalog: Catalog) -> None:
    prompt = (
        "a fox in snow --v 8 --hd --q 4 --sref https://example.com/style.png --sw 300 "
        "--profile m7x2k --chaos 10"
    )
    body = json.loads(json.loads(build(GenerationRequest(prompt, "midjourney", ratio="3:2"),
                                       catalog.get("midjourney"))[1])[2])  # fmt: skip
    assert body["prompt"] == prompt + " --ar 3:2"


# -- recorded, stored, restored ---------------------------------------------------------------

LATE = {
    "input_fidelity": "high",
    "output_compression": 60,
    "moderation": "low",
    "complexity": "medium",
    "frame_count": 6,
    "frame_duration_ms": 90,
    "thinking": "high",
    "sequential": "auto",
    "max_images": 3,
    "watermark": False,
    "safety_tolerance": 4,
    "resolution": "512",
}


def test_late_options_are_recorded_and_restored_from_provenance() -> None:
    request = GenerationRequest("a cat", "gpt-image-2.6", **LATE)
    record = Provenance.from_request(request, job_id="j", profile="Work")
    restored, notes = Provenance.from_json(record.to_json()).restore()
    assert notes == []
    assert GenerationRequest(**restored) == request


def test_restoring_holds_late_options_to_their_types_and_ranges() -> None:
    record = Provenance(
        job_id="j",
        prompt="a cat",
        model="gpt-image-2.6",
        parameters={
            "output_compression": 300,
            "watermark": "yes",
            "sequential": "sometimes",
            "input_fidelity": "max",
            "resolution": "3k",
        },
    )
    settings, notes = record.restore()
    assert settings == {"prompt": "a cat", "model": "gpt-image-2.6", "resolution": "3K"}
    assert len(notes) == 4


def _png(mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (32, 24)).save(buffer, "PNG")
    return buffer.getvalue()


def test_the_store_keeps_late_options_and_the_markup_overlay(tmp_path: Path) -> None:
    from studio.domain.job import Job

    (tmp_path / "ref.png").write_bytes(_png())
    (tmp_path / "markup.png").write_bytes(_png("RGBA"))
    request = GenerationRequest(
        "a cat",
        "gpt-image-2.6",
        references=(Reference("ref.png", path=tmp_path / "ref.png"),),
        markup=Reference("markup.png", path=tmp_path / "markup.png"),
        **LATE,
    )
    with Store(tmp_path / "data") as store:
        stored, inputs = store.store_inputs(request)
        store.create_job(Job("j1", stored, "relay"), inputs)
        (tmp_path / "markup.png").unlink()  # the history holds its own copy
        record = store.get("j1")
    assert record is not None
    again = record.job.request
    assert again.parameters() == request.parameters()
    assert again.markup is not None and again.markup.path is not None
    assert again.markup.path.read_bytes() == _png("RGBA")
    assert dataclasses.replace(again, references=(), markup=None) == dataclasses.replace(
        request, references=(), markup=None
    )


@pytest.mark.parametrize(
    "text",
    [
        '[model."x"]\nfamily = "gpt-image"\nthinking_levels = "high"\n',  # not a list
        '[model."x"]\nfamily = "gpt-image"\nmax_frames = -2\n',
        '[model."x"]\nfamily = "flux-2"\nsafety_tolerance_max = -1\n',
        '[model."x"]\nfamily = "dall-e"\nretired = 2026\n',
        '[model."x"]\nfamily = "gpt-image"\nmarkup = "yes"\n',
    ],
)
def test_bad_late_fields_in_a_user_catalog_are_skipped_with_a_reason(
    tmp_path: Path, text: str
) -> None:
    user = tmp_path / "models.toml"
    user.write_text(text, encoding="utf-8")
    loaded = Catalog.load(user=user)
    assert len(loaded.problems) == 1 and "model x" in loaded.problems[0]
    assert loaded.get("gpt-image-2.6").markup  # the shipped catalog still works


def test_a_user_catalog_can_give_a_model_the_late_options(tmp_path: Path) -> None:
    user = tmp_path / "models.toml"
    user.write_text(
        '[model."my-seedream"]\nmodel = "doubao-seedream-4-0-250828"\nmax_images = 6\n'
        'watermark = false\nretired = "2027-01"\n',
        encoding="utf-8",
    )
    spec = Catalog.load(user=user).get("my-seedream")
    assert (spec.sequential, spec.max_images, spec.watermark, spec.retired) == (
        True, 6, False, "2027-01"
    )
