"""Planning a batch: a line's own fields over the base request, its targets, files relative to
the batch file, refusals per job, bad lines by number."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind, InputError
from studio.domain.model_spec import ProtocolId
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest, Reference
from studio.engine.batch import BatchFileError, BatchLine, read_lines
from studio.engine.batch_plan import line_request, line_targets, plan_batch
from studio.engine.composition.model import Target

CATALOG = Catalog.load()
RELAYS = {
    "a": Profile(name="a", base_url="https://a.example"),
    "b": Profile(name="b", base_url="https://b.example", price_multiplier=2.0),
}


def relay(name: str) -> Profile:
    if name not in RELAYS:
        raise InputError(ErrorKind.INVALID_INPUT, "No relay named {name}.", name=name)
    return RELAYS[name]


def test_a_line_takes_the_base_request_unless_it_sets_its_own_field(tmp_path: Path) -> None:
    base = GenerationRequest(
        "", "gpt-image-1", ratio="3:2", n=2, quality="high", references=(Reference("x.png"),)
    )
    plain = line_request(BatchLine(1, "a kite"), base)
    assert (plain.prompt, plain.ratio, plain.n, plain.quality) == ("a kite", "3:2", 2, "high")
    assert plain.references == base.references
    (tmp_path / "refs").mkdir()
    Image.new("RGB", (8, 8)).save(tmp_path / "refs" / "r.png")
    options = {"size": "1024x1024", "n": 1, "resolution": "2k", "refs": ["refs/r.png"]}
    own = line_request(BatchLine(2, "a boat", options), base, tmp_path)
    assert (own.size, own.ratio, own.n, own.resolution) == ("1024x1024", None, 1, "2K")
    assert own.references == (Reference("r.png", path=tmp_path / "refs" / "r.png"),)
    with pytest.raises(ValueError, match=r"reference not found: nope\.png"):
        line_request(BatchLine(3, "x", {"refs": ["nope.png"]}), base, tmp_path)
    remote = line_request(BatchLine(4, "x", {"refs": ["https://cdn.example/a/b.png"]}), base)
    assert remote.references[0].url == "https://cdn.example/a/b.png"


def test_a_line_with_its_own_model_goes_only_there() -> None:
    chosen = [Target("flux", profile="a"), Target("gpt-image-1", profile="b")]
    assert line_targets(BatchLine(1, "x"), chosen, "a") == chosen
    assert line_targets(BatchLine(1, "x", {"model": "dall-e-3"}), chosen, "a") == [
        Target("dall-e-3", None, "a")
    ]
    assert line_targets(
        BatchLine(1, "x", {"model": "dall-e-3", "profile": "b", "protocol": "images"}), chosen, "a"
    ) == [Target("dall-e-3", ProtocolId.IMAGES, "b")]
    assert line_targets(BatchLine(1, "x", {"profile": "b"}), chosen, "a") == [
        Target("flux", profile="b"),
        Target("gpt-image-1", profile="b"),
    ]
    with pytest.raises(ValueError, match="unknown protocol 'pigeon'"):
        line_targets(BatchLine(1, "x", {"protocol": "pigeon"}), chosen, "a")


def test_plan_expands_fits_prices_and_refuses_per_job() -> None:
    lines = read_lines("a {animal}\n# skipped\na boat", "text")
    base = GenerationRequest("", "gpt-image-1", n=2)
    targets = [Target("gpt-image-1", profile="a"), Target("dall-e-3", profile="b")]
    plan = plan_batch(lines, {"animal": ["cat", "fox"]}, base, targets, CATALOG, relay)
    assert [line.prompt for line in plan.lines] == ["a cat", "a fox", "a boat"]
    assert [(job.index, job.request.prompt, job.target.model) for job in plan.planned] == [
        (0, "a cat", "gpt-image-1"),
        (1, "a cat", "dall-e-3"),
        (2, "a fox", "gpt-image-1"),
        (3, "a fox", "dall-e-3"),
        (4, "a boat", "gpt-image-1"),
        (5, "a boat", "dall-e-3"),
    ]
    assert plan.planned[1].request.n == 1  # dall-e-3 takes one image: lowered, with a note
    assert [note.code for note in plan.planned[1].notes] == ["option_lowered"]
    gpt, dalle = CATALOG.get("gpt-image-1").price, CATALOG.get("dall-e-3").price
    assert gpt is not None and dalle is not None
    expected = 3 * (gpt.per_image * 2 + dalle.per_image * 1 * 2.0)  # relay b doubles
    assert plan.estimate.amount == pytest.approx(expected)
    assert plan.sendable == 6 and plan.refused == []


def test_a_relay_that_is_not_there_refuses_its_jobs_only() -> None:
    lines = read_lines("a kite", "text")
    base = GenerationRequest("", "flux")
    plan = plan_batch(
        lines,
        {},
        base,
        [Target("flux", profile="a"), Target("flux", profile="gone")],
        CATALOG,
        relay,
    )
    assert plan.planned[0].refusal is None
    refusal = plan.planned[1].refusal
    assert refusal is not None and "gone" in refusal.message
    assert plan.sendable == 1


def test_bad_lines_are_named_once_each_and_nothing_is_planned(tmp_path: Path) -> None:
    lines = [
        BatchLine(1, "fine"),
        BatchLine(2, "a {colour} kite"),
        BatchLine(3, "x", {"mask": "missing.png"}),
        BatchLine(4, "y", {"protocol": "pigeon"}),
    ]
    with pytest.raises(BatchFileError) as refused:
        plan_batch(
            lines,
            {},
            GenerationRequest("", "flux"),
            [Target("flux")],
            CATALOG,
            relay,
            folder=tmp_path,
            default_profile="a",
        )
    assert [(p.number, p.reason.split(":")[0]) for p in refused.value.problems] == [
        (2, "no values for {colour}")
    ]  # a template's values are checked first: nothing else is read before they are right
    with pytest.raises(BatchFileError) as refused:
        plan_batch(
            lines[2:], {}, GenerationRequest("", "flux"), [Target("flux")], CATALOG, relay,
            folder=tmp_path,
        )  # fmt: skip
    assert [p.number for p in refused.value.problems] == [3, 4]


def test_a_mask_file_is_read_once_for_every_line_naming_it(tmp_path: Path) -> None:
    mask = Image.new("L", (16, 16), 0)
    mask.paste(255, (4, 4, 12, 12))
    mask.save(tmp_path / "mask.png")
    Image.new("RGB", (16, 16)).save(tmp_path / "photo.png")
    lines = [
        BatchLine(number, f"edit {number}", {"refs": ["photo.png"], "mask": "mask.png"})
        for number in range(1, 4)
    ]
    plan = plan_batch(
        lines,
        {},
        GenerationRequest("", "gpt-image-1"),
        [Target("gpt-image-1", profile="a")],
        CATALOG,
        relay,
        folder=tmp_path,
    )
    masks = {id(job.request.mask) for job in plan.planned}
    assert len(masks) == 1 and plan.planned[0].request.mask is not None
    assert plan.planned[0].request.mask.width == 16
