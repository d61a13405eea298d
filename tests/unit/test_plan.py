"""Requests the model cannot take are refused before anything is read or sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.catalog import Catalog
from studio.domain.errors import InputError
from studio.domain.model_spec import Operation, ProtocolId
from studio.domain.request import GenerationRequest, Mask, MidjourneyAction, Reference
from studio.engine.plan import plan_request

REF = Reference(name="a.png", path=Path("a.png"))
MASK = Mask(png=b"", width=8, height=8)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return Catalog.load(user=tmp_path_factory.mktemp("c") / "none.toml")


def _plan(catalog: Catalog, model: str, **options):
    return plan_request(
        GenerationRequest(options.pop("prompt", "a cat"), model, **options), catalog.get(model)
    )


def test_default_protocol_and_operation(catalog: Catalog) -> None:
    plan = _plan(catalog, "gpt-image-1")
    assert (plan.protocol, plan.operation) == (ProtocolId.IMAGES, Operation.GENERATE)
    plan = _plan(catalog, "gpt-image-1", references=(REF,))
    assert plan.operation is Operation.EDIT
    # json-edit only edits: a text-only request for a resolution-named model goes by images.
    assert _plan(catalog, "nano-banana-2-1k").protocol is ProtocolId.IMAGES
    assert (
        _plan(catalog, "nano-banana-2-1k", references=(REF,)).protocol
        is ProtocolId.IMAGES_JSON_EDIT
    )
    assert _plan(catalog, "gemini-2.5-flash-image").protocol is ProtocolId.GEMINI
    assert _plan(catalog, "midjourney").protocol is ProtocolId.MIDJOURNEY


def test_async_is_allowed_wherever_images_is(catalog: Catalog) -> None:
    assert (
        _plan(catalog, "dall-e-3", protocol=ProtocolId.IMAGES_ASYNC).protocol
        is ProtocolId.IMAGES_ASYNC
    )


def test_unknown_models_may_use_any_protocol(catalog: Catalog) -> None:
    plan = _plan(catalog, "brand-new-model", protocol=ProtocolId.GEMINI)
    assert plan.protocol is ProtocolId.GEMINI


def test_midjourney_follow_ups(catalog: Catalog) -> None:
    action = MidjourneyAction(task_id="t1", custom_id="MJ::JOB::upsample::1::x")
    assert (
        _plan(catalog, "midjourney", prompt="", midjourney=action).operation is Operation.MJ_ACTION
    )
    plan = _plan(catalog, "midjourney", midjourney=action, mask=MASK)
    assert plan.operation is Operation.MJ_MODAL


@pytest.mark.parametrize(
    ("model", "options", "needle"),
    [
        ("gpt-image-1", {"prompt": "   "}, "it is empty"),
        ("dall-e-2", {"prompt": "x" * 1001}, "1001 characters; dall-e-2 takes at most 1000"),
        (
            "flux",
            {"protocol": ProtocolId.IMAGES_JSON_EDIT},
            "images-json-edit protocol cannot make images from a prompt",
        ),
        ("dall-e-3", {"references": (REF,)}, "dall-e-3 does not take reference images"),
        ("flux", {"references": (REF,)}, "does not take reference images"),
        ("dall-e-2", {"references": (REF, REF)}, "at most 1 reference image(s); there are 2"),
        ("flux-kontext-dev", {}, "needs at least 1 reference image(s)"),
        ("qwen-image-edit", {}, "needs at least 1 reference"),
        ("nano-banana", {"references": (REF,), "mask": MASK}, "cannot edit with a mask"),
        ("gpt-image-1", {"mask": MASK}, "add that image as the first reference"),
        (
            "gpt-image-1",
            {"references": (REF,), "mask": MASK, "protocol": ProtocolId.CHAT},
            "cannot be sent through chat",
        ),
        ("midjourney", {"mask": MASK}, "only for Vary (Region)"),
        ("dall-e-3", {"n": 2}, "1 to 1 image(s) per request; 2 were asked"),
        ("gpt-image-1", {"n": 0}, "1 to 10"),
        ("gpt-image-1", {"quality": "ultra"}, "does not offer quality ultra"),
        ("nano-banana", {"quality": "hd"}, "has no quality setting"),
        ("gpt-image-1", {"seed": 7}, "has no seed setting"),
        ("gpt-image-1", {"negative_prompt": "blur"}, "has no negative prompt setting"),
        (
            "dall-e-3",
            {"protocol": ProtocolId.IMAGES_JSON_EDIT, "references": (REF,)},
            "images-json-edit protocol cannot make images from a prompt",
        ),
        (  # a protocol the user chose is honoured, but not where a mask has no place
            "gpt-image-1",
            {"references": (REF,), "mask": MASK, "protocol": ProtocolId.GEMINI},
            "cannot be sent through gemini",
        ),
        (
            "nano-banana-2-1k",
            {"protocol": ProtocolId.IMAGES_JSON_EDIT},
            "cannot make images from a prompt",
        ),
    ],
)
def test_refusals_name_the_problem(
    catalog: Catalog, model: str, options: dict[str, object], needle: str
) -> None:
    with pytest.raises(InputError) as caught:
        _plan(catalog, model, **options)
    assert needle in caught.value.message
