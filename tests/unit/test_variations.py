"""Variations are made the way each model can: its variations endpoint, the image as a
reference, or the same prompt again."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.catalog import Catalog
from studio.domain.model_spec import Operation
from studio.domain.request import GenerationRequest, Mask, MidjourneyAction, Reference
from studio.engine.plan import plan_request
from studio.engine.variations import variation_request

IMAGE = Reference("kite.png", path=Path("/images/kite.png"))
OLD = Reference("old.png", path=Path("/images/old.png"))


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def _request(model: str) -> GenerationRequest:
    return GenerationRequest(
        "a red kite",
        model,
        references=(OLD,),
        mask=Mask(b"png", 8, 8),
        seed=42,
        ratio="1:1",
        n=2,
        midjourney=MidjourneyAction("task-1", custom_id="MJ::JOB::upsample::1"),
    )


def test_a_model_with_a_variations_endpoint_gets_the_image_alone(catalog: Catalog) -> None:
    varied = variation_request(_request("dall-e-2"), IMAGE, catalog.get("dall-e-2"))
    assert varied.operation is Operation.VARIATION and varied.references == (IMAGE,)
    assert varied.mask is None and varied.seed is None and varied.midjourney is None
    assert varied.n == 2 and varied.model == "dall-e-2"


def test_a_model_that_takes_references_gets_the_image_as_the_only_one(catalog: Catalog) -> None:
    varied = variation_request(_request("gpt-image-1"), IMAGE, catalog.get("gpt-image-1"))
    assert varied.references == (IMAGE,) and varied.operation is None
    assert varied.prompt == "a red kite" and varied.ratio == "1:1" and varied.seed is None
    assert plan_request(varied, catalog.get("gpt-image-1")).operation is Operation.EDIT


def test_a_text_only_model_runs_the_prompt_again_with_a_new_seed(catalog: Catalog) -> None:
    varied = variation_request(_request("flux-pro"), IMAGE, catalog.get("flux-pro"))
    assert varied.references == () and varied.seed is None and varied.mask is None
    assert varied.prompt == "a red kite" and varied.n == 2
