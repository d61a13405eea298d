"""`studio-cli compare` from the outside: one prompt to several models on several relays, one of
them failing; options a target cannot take left out with a warning; the relays' budgets; and
invalid input refused with nothing sent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from studio.simulator import SimulatorServer
from tests.helpers.studio_cli import add_profile, last_json, paid, studio_cli

TOP_KEYS = ["run_id", "targets"]
TARGET_KEYS = ["model", "profile", "job_id", "status", "images", "seconds", "warnings", "error"]
IMAGE_KEYS = ["path", "width", "height", "mime", "sha256"]


@pytest.fixture(scope="module")
def failing_relay() -> Iterator[SimulatorServer]:
    """A second relay whose every paid request fails with a 500."""
    with SimulatorServer(faults="500") as server:
        yield server


def compare(tmp_path: Path, *args: str) -> tuple[int, dict, str]:
    result = studio_cli(
        tmp_path, "compare", "--prompt", "a red kite over dunes", *args,
        "--out", str(tmp_path / "out"), "--json",
    )  # fmt: skip
    data = last_json(result) if result.returncode != 2 else {}
    if data:
        assert list(data) == TOP_KEYS
        for target in data["targets"]:
            assert list(target) == TARGET_KEYS
            for image in target["images"]:
                assert list(image) == IMAGE_KEYS
    return result.returncode, data, result.stderr


def test_a_failing_relay_leaves_the_other_targets_intact(
    sim: SimulatorServer, failing_relay: SimulatorServer, tmp_path: Path
) -> None:
    failing_relay.reset()
    failing_relay.set_faults("500")
    add_profile(tmp_path, "relay-a", sim.url)
    add_profile(tmp_path, "relay-b", failing_relay.url)
    code, data, stderr = compare(
        tmp_path,
        "--target", "gpt-image-1@relay-a",
        "--target", "gpt-image-1@relay-b",
        "--target", "dall-e-3@relay-a",
    )  # fmt: skip
    assert code == 1, stderr
    good, bad, third = data["targets"]
    assert [(t["model"], t["profile"]) for t in data["targets"]] == [
        ("gpt-image-1", "relay-a"),
        ("gpt-image-1", "relay-b"),
        ("dall-e-3", "relay-a"),
    ]
    assert [t["status"] for t in data["targets"]] == ["succeeded", "failed", "succeeded"]
    assert good["error"] is None and bad["error"] and bad["images"] == []
    for target in (good, third):
        (image,) = target["images"]
        assert Path(image["path"]).is_file() and Path(image["path"]).parent == tmp_path / "out"
        assert target["seconds"] > 0
    assert len({t["job_id"] for t in data["targets"]}) == 3
    assert paid(sim) == 2 and paid(failing_relay) == 1
    assert "relay-b" in stderr and "error:" in stderr

    # one run in the history, each target an ordinary job in it
    listed = studio_cli(tmp_path, "history", "list", "--run", data["run_id"], "--json")
    assert listed.returncode == 0, listed.stderr
    jobs = last_json(listed)
    assert sorted(job["job_id"] for job in jobs) == sorted(t["job_id"] for t in data["targets"])
    assert sorted(job["status"] for job in jobs) == ["failed", "succeeded", "succeeded"]
    prefix = studio_cli(tmp_path, "history", "list", "--run", data["run_id"][:12], "--json")
    assert len(last_json(prefix)) == 3
    unknown = studio_cli(tmp_path, "history", "list", "--run", "r-none")
    assert unknown.returncode == 2 and "no run r-none" in unknown.stderr


def test_options_a_target_cannot_take_are_left_out_with_a_warning(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    Image.new("RGB", (64, 64), "red").save(tmp_path / "ref.png")
    mask = Image.new("RGBA", (64, 64), (0, 0, 0, 255))
    mask.paste((0, 0, 0, 0), (16, 16, 48, 48))
    mask.save(tmp_path / "mask.png")
    add_profile(tmp_path, "relay-a", sim.url)
    code, data, stderr = compare(
        tmp_path, "--target", "gpt-image-1@relay-a", "--target", "nano-banana@relay-a",
        "--n", "2", "--ref", "ref.png", "--mask", "mask.png",
    )  # fmt: skip
    assert code == 0, stderr
    gpt, banana = data["targets"]
    assert (gpt["status"], banana["status"]) == ("succeeded", "succeeded")
    assert len(gpt["images"]) == 2 and len(banana["images"]) == 1
    assert not any("cannot take" in w or "lowered" in w for w in gpt["warnings"])
    assert "nano-banana cannot take the mask: left out for it." in banana["warnings"]
    lowered = "nano-banana takes at most 1 for the number of images: 2 lowered to 1."
    assert lowered in banana["warnings"]
    edits = [e for e in sim.log() if e.kind == "paid"]
    assert len(edits) == 2
    assert "warning: nano-banana@relay-a: nano-banana cannot take the mask" in stderr


def test_the_budget_guard_counts_every_target_on_a_relay(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    add_profile(tmp_path, "budgeted", sim.url, "--daily-budget", "0.05")
    two = ["--target", "gpt-image-1@budgeted", "--target", "dall-e-3@budgeted"]
    code, _, stderr = compare(tmp_path, *two)  # 0.042 + 0.04 listed: past 0.05 together
    assert code == 2
    assert "would pass the daily budget of budgeted" in stderr and "--yes" in stderr
    assert "estimated cost about 0.08 USD" in stderr
    assert paid(sim) == 0
    code, data, stderr = compare(tmp_path, *two, "--yes")
    assert code == 0, stderr
    assert [t["status"] for t in data["targets"]] == ["succeeded", "succeeded"]
    assert paid(sim) == 2


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--target", "gpt image"], "not of the form MODEL or MODEL@PROFILE"),
        (["--target", "gpt-image-1@"], "not of the form MODEL or MODEL@PROFILE"),
        (["--target", "gpt-image-1@nowhere"], "nowhere"),
        (["--target", "qwen-image-edit@relay-a"], "needs at least 1 reference image"),
        (["--ref", "missing.png"], "missing.png"),
        (["--ref", "notes.png"], "notes.png"),
        (["--ref", "ref.png", "--mask", "small-mask.png"], "small-mask.png"),
        (["--n", "0"], "--n must be at least 1"),
        (["--out", "ref.png"], "not a folder"),
    ],
)
def test_invalid_input_exits_2_and_sends_nothing(
    sim: SimulatorServer, tmp_path: Path, args: list[str], needle: str
) -> None:
    Image.new("RGB", (300, 200)).save(tmp_path / "ref.png")
    Image.new("RGBA", (100, 100), (0, 0, 0, 0)).save(tmp_path / "small-mask.png")
    (tmp_path / "notes.png").write_text("not an image")
    add_profile(tmp_path, "relay-a", sim.url)
    targets = [] if "--target" in args else ["--target", "gpt-image-1@relay-a"]
    result = studio_cli(
        tmp_path, "compare", "--prompt", "x", "--target", "dall-e-3@relay-a", *targets, *args,
        "--json",
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert needle in result.stderr
    assert "Nothing was sent" in result.stderr
    assert result.stdout == ""
    assert paid(sim) == 0
    listed = studio_cli(tmp_path, "history", "list", "--json")
    assert last_json(listed) == []  # nothing recorded either


def test_a_target_without_a_profile_goes_through_the_environments_relay(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    result = studio_cli(
        tmp_path, "compare", "--prompt", "a quiet harbour", "--target", "dall-e-3",
        "--out", str(tmp_path / "out"), sim_url=sim.url,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("dall-e-3@environment  succeeded")
    assert result.stdout.splitlines()[-1].startswith("run r")
    assert paid(sim) == 1
