"""The request being composed, without Qt: its signals, its rules, its undo, and that it asks
the same one-fact functions as the plan."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from studio.catalog import Catalog
from studio.domain.errors import StudioError
from studio.domain.model_spec import Operation, ProtocolId
from studio.domain.request import GenerationRequest, Mask, Reference
from studio.engine.composition import Composition
from studio.engine.plan import plan_request
from studio.protocols.capabilities import FALLBACK_MASK_MODEL, masks_first_reference

CATALOG = Catalog.load()
MASK = Mask(png=b"\x89PNG mask", width=8, height=8)


def ref(name: str) -> Reference:
    return Reference(name=name, data=name.encode())


class Heard:
    """Every signal of a composition, in the order it fired."""

    def __init__(self, composition: Composition) -> None:
        self.fields: list[tuple[str, Any]] = []
        self.changed: list[frozenset[str]] = []
        self.other: list[tuple[str, Any]] = []
        for name in composition.events.signals:
            getattr(composition.events, name).connect(
                lambda value, name=name: self.fields.append((name, value))
            )
        composition.changed.connect(self.changed.append)
        composition.mask_dropped.connect(lambda: self.other.append(("mask_dropped", None)))
        composition.refused.connect(lambda refs: self.other.append(("refused", refs)))
        composition.restored.connect(lambda left: self.other.append(("restored", left)))

    def clear(self) -> None:
        self.fields.clear()
        self.changed.clear()
        self.other.clear()


@pytest.fixture
def composition() -> Composition:
    return Composition(CATALOG, "gpt-image-1")


def test_a_change_fires_its_field_then_changed_and_the_same_value_fires_nothing(
    composition: Composition,
) -> None:
    heard = Heard(composition)
    composition.prompt = "a kite over the dunes"
    assert heard.fields == [("prompt", "a kite over the dunes")]
    assert heard.changed == [frozenset({"prompt"})]
    heard.clear()
    composition.prompt = "a kite over the dunes"
    composition.update(quality=None, n=1)  # already so
    assert heard.fields == [] and heard.changed == []


def test_unknown_fields_are_refused(composition: Composition) -> None:
    with pytest.raises(TypeError, match="colour"):
        composition.update(colour="red")


def test_a_new_model_keeps_what_it_offers_and_drops_the_rest(composition: Composition) -> None:
    composition.update(ratio="3:2", quality="high", n=4, background="transparent")
    composition.update(extra={"user": "x"}, operation=Operation.EDIT)
    heard = Heard(composition)
    composition.model = "flux-pro"  # ratios incl. 3:2; no quality, one image, no background
    draft = composition.draft
    assert (draft.ratio, draft.quality, draft.n, draft.background) == ("3:2", None, 1, None)
    assert draft.extra == {} and draft.operation is None  # request fields without a control
    assert heard.fields[0] == ("model", "flux-pro")  # the model first: widgets set up choices
    assert {"ratio", "quality", "n", "background"} <= heard.changed[0] | {"ratio"}


def test_a_protocol_the_new_model_does_not_list_goes(composition: Composition) -> None:
    composition.protocol = ProtocolId.CHAT
    composition.model = "flux-pro"  # images, images-async only
    assert composition.protocol is None
    composition.protocol = ProtocolId.IMAGES_ASYNC
    composition.model = "gpt-image-1"  # speaks images: async comes with it
    assert composition.protocol is ProtocolId.IMAGES_ASYNC


def test_a_size_and_a_ratio_it_lacks_do_not_stay_together(composition: Composition) -> None:
    composition.size = "1536x1024"  # 3:2
    composition.ratio = "2:3"  # set last: the size follows it away
    assert (composition.ratio, composition.size) == ("2:3", None)
    composition.size = "1024x1024"  # set last: the ratio goes
    assert (composition.ratio, composition.size) == (None, "1024x1024")
    composition.ratio = "1:1"  # fits the size: both stay
    assert (composition.ratio, composition.size) == ("1:1", "1024x1024")


def test_the_mask_goes_when_reference_one_changes_and_says_so(composition: Composition) -> None:
    first, second, third = ref("one.png"), ref("two.png"), ref("three.png")
    composition.add_references([first, second])
    composition.mask = MASK
    heard = Heard(composition)
    composition.move_reference(1, 2)  # #2 moved behind itself: nothing happens
    composition.add_references([third])  # appended: #1 stays
    assert composition.mask == MASK and ("mask_dropped", None) not in heard.other
    composition.move_reference(2, 0)  # "three" becomes #1
    assert composition.references[0] == third
    assert composition.mask is None
    assert heard.other == [("mask_dropped", None)]
    assert ("mask", None) in heard.fields


def test_a_mask_without_references_is_not_kept(composition: Composition) -> None:
    composition.mask = MASK
    assert composition.mask is None


def test_references_past_the_limit_are_refused_by_name() -> None:
    composition = Composition(CATALOG, "dall-e-2")  # max_refs = 1
    heard = Heard(composition)
    first, second = ref("a.png"), ref("b.png")
    assert composition.add_references([first, second]) == 1
    assert composition.references == (first,)
    assert heard.other == [("refused", (second,))]
    assert composition.add_references([second], reserved=0) == 0  # full


def test_references_go_where_they_are_put(composition: Composition) -> None:
    a, b, c, d = (ref(f"{n}.png") for n in "abcd")
    composition.add_references([a, b])
    composition.add_references([c], at=1)
    composition.add_references([d], at=0)
    assert composition.references == (d, a, c, b)
    composition.remove_reference(0)
    assert composition.references == (a, c, b)
    composition.add_references([d], reserved=14)  # 16 - 3 - 14 < 1: no room left
    assert composition.references == (a, c, b)


def test_use_as_markup_moves_the_reference_out_of_the_tray() -> None:
    composition = Composition(CATALOG, "gpt-image-2.6")
    overlay, picture = ref("arrows.png"), ref("room.png")
    composition.add_references([picture, overlay])
    with composition.group("markup"):
        composition.use_as_markup(1)
    assert composition.references == (picture,) and composition.markup == overlay
    assert composition.to_request().markup == overlay
    composition.model = "gpt-image-1"  # takes no overlay: kept, not sent
    assert composition.markup == overlay and composition.to_request().markup is None


def test_what_the_protocol_cannot_carry_is_kept_but_not_sent() -> None:
    composition = Composition(CATALOG, "qwen-image")  # a negative prompt travels
    composition.negative_prompt = "blurry"
    composition.prompt = "  a quiet harbour  "
    request = composition.to_request()
    assert request.negative_prompt == "blurry" and request.prompt == "a quiet harbour"
    composition.model = "gpt-image-1"
    assert composition.to_request().negative_prompt is None
    assert composition.negative_prompt == "blurry"
    composition.model = "qwen-image"  # a switch back brings it
    assert composition.to_request().negative_prompt == "blurry"


def test_set_request_is_one_step_and_names_what_the_model_cannot_take(
    composition: Composition,
) -> None:
    composition.prompt = "before"
    heard = Heard(composition)
    request = GenerationRequest(
        "a crafted harbour", "gpt-image-1", quality="ultra-max", seed=7, n=2,
        references=(ref("r.png"),), mask=MASK,
    )  # fmt: skip
    left_out = composition.set_request(request, "my relay")
    assert ("quality", "ultra-max") in left_out and ("seed", 7) in left_out
    assert heard.other[-1] == ("restored", left_out)
    assert composition.prompt == "a crafted harbour" and composition.n == 2
    assert composition.mask == MASK and composition.profile == "my relay"
    assert len(heard.changed) == 1  # every field at once
    assert composition.history.undo_label == "reuse settings"
    assert composition.undo()
    assert composition.prompt == "before" and composition.references == ()


def test_typing_is_one_undo_step_and_undo_redo_fire_the_signals(
    composition: Composition,
) -> None:
    for text in ("a", "a k", "a kite"):
        composition.prompt = text
    composition.ratio = "3:2"
    assert len(composition.history) == 2
    heard = Heard(composition)
    assert composition.undo()  # the ratio
    assert composition.undo()  # all the typing
    assert composition.prompt == "" and composition.ratio is None
    assert ("prompt", "") in heard.fields and ("ratio", None) in heard.fields
    assert not composition.undo()
    assert composition.redo() and composition.prompt == "a kite"
    composition.prompt = "a kite!"  # after an undo/redo, typing starts a new step
    assert composition.undo() and composition.prompt == "a kite"


def test_an_echo_while_undoing_is_not_a_new_step(composition: Composition) -> None:
    composition.prompt = "one"
    composition.ratio = "3:2"
    # a widget that writes back what it is shown, as the composer's controls may
    composition.events.ratio.connect(lambda value: composition.update(ratio=value))
    composition.undo()
    assert composition.history.can_redo and len(composition.history) == 1


def test_the_mask_model_rule_keeps_a_model_that_can_and_switches_one_that_cannot() -> None:
    composition = Composition(CATALOG, "gpt-image-1")
    assert composition.use_mask_capable_model("flux-pro") is None
    composition.model = "flux-pro"
    assert not masks_first_reference(composition.spec)
    assert composition.use_mask_capable_model("flux-pro") == FALLBACK_MASK_MODEL
    composition.model = "flux-pro"
    assert composition.use_mask_capable_model("dall-e-2") == "dall-e-2"  # the image's own


def _requests() -> list[GenerationRequest]:
    requests = []
    for model in CATALOG.ids():
        spec = CATALOG.get(model)
        requests.append(GenerationRequest("a test", model))
        if spec.max_refs:
            refs = tuple(ref(f"{n}.png") for n in range(max(1, spec.min_refs)))
            requests.append(GenerationRequest("a test", model, references=refs))
    return requests


@pytest.mark.parametrize("request_", _requests(), ids=lambda r: f"{r.model}-{len(r.references)}")
def test_the_composer_and_the_plan_agree_on_protocol_operation_and_mask(
    request_: GenerationRequest,
) -> None:
    """One fact, one place: what the composer shows (its protocol, what is carried, whether a
    mask can be painted) is what the plan does with the request."""
    composition = Composition(CATALOG, "gpt-image-1")
    composition.set_request(request_)
    spec = composition.spec
    try:
        plan = plan_request(composition.to_request(), spec)
    except StudioError:
        return  # e.g. Midjourney follow-ups: not a request the composer makes from scratch
    assert composition.protocol_in_use is plan.protocol
    assert composition.operation_in_use is plan.operation
    if request_.references and masks_first_reference(spec):
        composition.mask = MASK
        with_mask = plan_request(composition.to_request(), spec)  # the plan takes it
        assert with_mask.operation is Operation.EDIT


def test_the_composition_imports_without_qt() -> None:
    code = (
        "import sys; import studio.engine.composition; "
        "print(any(m.startswith(('PySide6', 'qasync')) for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"
