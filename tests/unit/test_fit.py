"""Fitting one composition to another target (compare, batch): what a model cannot take is left
out (or lowered) with a note, and what cannot be fitted refuses that target only."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.catalog import Catalog
from studio.domain.errors import InputError
from studio.domain.model_spec import ProtocolId
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest, Mask, Reference
from studio.engine.composition.model import Target
from studio.engine.fit import fit_request
from studio.engine.runs import plan_compare, total_estimate

CATALOG = Catalog.load()
MASK = Mask(b"png", 64, 64, "mask.png")


def refs(count: int) -> tuple[Reference, ...]:
    return tuple(Reference(f"ref{i}.png", path=Path(f"ref{i}.png")) for i in range(count))


def fit(request: GenerationRequest, model: str, protocol: ProtocolId | None = None):
    return fit_request(request, CATALOG.get(model), protocol)


def codes(notes) -> list[tuple[str, str]]:
    return [(note.code, note.params["option"]) for note in notes]


def test_a_request_the_model_takes_is_kept_as_it_is() -> None:
    request = GenerationRequest("a kite", "dall-e-3", ratio="3:2", n=2, quality="high")
    fitted, notes = fit(request, "gpt-image-1")
    assert notes == ()
    assert fitted == GenerationRequest("a kite", "gpt-image-1", ratio="3:2", n=2, quality="high")


def test_a_mask_is_dropped_for_a_model_without_masks() -> None:
    request = GenerationRequest("fix the sky", "gpt-image-1", references=refs(1), mask=MASK)
    fitted, notes = fit(request, "nano-banana")
    assert fitted.mask is None
    assert fitted.references == refs(1)  # the image to edit stays
    assert fitted.model == "nano-banana"
    assert codes(notes) == [("option_dropped", "mask")]
    assert notes[0].message == "nano-banana cannot take the mask: left out for it."


def test_n_is_lowered_to_the_models_limit() -> None:
    fitted, notes = fit(GenerationRequest("boats", "gpt-image-1", n=4), "dall-e-3")
    assert fitted.n == 1
    assert codes(notes) == [("option_lowered", "number of images")]
    assert notes[0].params["limit"] == 1 and notes[0].params["value"] == 4


def test_references_are_trimmed_to_the_models_limit_keeping_the_first() -> None:
    request = GenerationRequest("blend these", "gpt-image-1", references=refs(3))
    fitted, notes = fit(request, "dall-e-2")
    assert fitted.references == refs(1)
    assert codes(notes) == [("option_lowered", "reference images")]


def test_references_are_left_out_for_a_model_that_takes_none() -> None:
    request = GenerationRequest("like this", "gpt-image-1", references=refs(2), mask=MASK)
    fitted, notes = fit(request, "dall-e-3")
    assert fitted.references == () and fitted.mask is None
    assert ("option_dropped", "reference images") in codes(notes)


def test_a_ratio_the_model_lacks_is_dropped_and_one_it_has_kept() -> None:
    wide = GenerationRequest("a harbour", "nano-banana", ratio="21:9")
    fitted, notes = fit(wide, "dall-e-3")
    assert fitted.ratio is None
    assert codes(notes) == [("option_dropped", "ratio")]
    kept, none = fit(GenerationRequest("a harbour", "nano-banana", ratio="16:9"), "dall-e-3")
    assert kept.ratio == "16:9" and none == ()


def test_several_options_are_dropped_one_note_each() -> None:
    request = GenerationRequest(
        "a lantern", "flux", seed=7, ratio="21:9", quality="hd", n=3, references=refs(2)
    )
    fitted, notes = fit(request, "dall-e-3")
    assert (fitted.seed, fitted.ratio, fitted.n, fitted.references) == (None, None, 1, ())
    assert fitted.quality == "hd"  # dall-e-3 offers it
    assert sorted(option for _, option in codes(notes)) == sorted(
        ["seed", "ratio", "number of images", "reference images"]
    )


def test_an_unfittable_request_is_refused() -> None:
    with pytest.raises(InputError, match="at least 1 reference"):
        fit(GenerationRequest("edit it", "gpt-image-1"), "qwen-image-edit")
    with pytest.raises(InputError, match="prompt"):
        fit(GenerationRequest("   ", "gpt-image-1"), "dall-e-3")


def test_a_compare_plan_refuses_only_the_target_that_cannot_take_it() -> None:
    relay = Profile(name="relay-a", base_url="http://relay.example", api_key="k")
    targets = [
        Target("gpt-image-1", profile="relay-a"),
        Target("qwen-image-edit", profile="relay-a"),
        Target("dall-e-3", profile="relay-a"),
    ]
    planned = plan_compare(
        GenerationRequest("a red kite", "", n=2), targets, CATALOG, {"relay-a": relay}
    )
    assert [job.refusal is None for job in planned] == [True, False, True]
    assert [job.request.n for job in planned] == [2, 2, 1]
    assert [job.estimate.amount for job in planned] == pytest.approx([0.084, None, 0.04])
    assert total_estimate(planned).amount == pytest.approx(0.124)  # refused: not counted
