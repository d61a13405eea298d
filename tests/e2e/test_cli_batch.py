"""`studio-cli batch` from the outside: templates × variables, CSV/JSONL files with bad lines,
a dry run, the cost guard, the concurrency cap, a failed job kept in the run, Ctrl+C."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from studio.simulator import SimulatorServer
from tests.e2e.test_run_sender import most_at_once
from tests.helpers.studio_cli import environment, last_json, paid, studio_cli

TOP_KEYS = ["run_id", "planned", "succeeded", "failed", "images", "estimate", "jobs"]
JOB_KEYS = ["index", "prompt", "model", "job_id", "status", "images", "error"]
GPT_IMAGE_1, DALL_E_3 = 0.042, 0.04  # list prices per image


def batch(sim: SimulatorServer, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return studio_cli(
        tmp_path, "batch", *args, "--out", str(tmp_path / "out"), "--json", sim_url=sim.url
    )


def summary(result: subprocess.CompletedProcess[str]) -> dict:
    data = last_json(result)
    assert list(data) == TOP_KEYS
    assert list(data["estimate"]) == ["amount", "currency"]
    for job in data["jobs"]:
        assert list(job) == JOB_KEYS
    return data


def test_a_template_times_its_variables_on_two_targets(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    (tmp_path / "animals.txt").write_text(
        "# one subject, several styles\na {animal} in {style}\n\n", encoding="utf-8"
    )
    result = batch(
        sim, tmp_path, "animals.txt", "--target", "gpt-image-1", "--target", "dall-e-3",
        "--var", "animal=cat,dog", "--var", "style=ink, oil",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = summary(result)
    assert data["run_id"].startswith("r")
    assert (data["planned"], data["succeeded"], data["failed"], data["images"]) == (8, 8, 0, 8)
    assert data["estimate"] == {"amount": pytest.approx(4 * (GPT_IMAGE_1 + DALL_E_3)),
                                "currency": "USD"}  # fmt: skip
    jobs = data["jobs"]
    assert [job["index"] for job in jobs] == list(range(8))
    assert [(job["prompt"], job["model"]) for job in jobs[:4]] == [
        ("a cat in ink", "gpt-image-1"),
        ("a cat in ink", "dall-e-3"),
        ("a cat in oil", "gpt-image-1"),
        ("a cat in oil", "dall-e-3"),
    ]
    assert jobs[-1]["prompt"] == "a dog in oil"
    assert all(job["status"] == "succeeded" and job["error"] is None for job in jobs)
    assert all(Path(job["images"][0]["path"]).is_file() for job in jobs)
    assert paid(sim) == 8
    sent = sorted(e.body["prompt"] for e in sim.log() if e.kind == "paid")
    assert sent == sorted(job["prompt"] for job in jobs)

    listed = last_json(studio_cli(tmp_path, "history", "list", "--run", data["run_id"], "--json"))
    assert sorted(job["job_id"] for job in listed) == sorted(job["job_id"] for job in jobs)


def test_jsonl_lines_name_their_own_model_and_refs_beside_the_file(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    folder = tmp_path / "brief"
    folder.mkdir()
    Image.new("RGB", (64, 48), "blue").save(folder / "product.png")
    lines = [
        {"prompt": "the product on marble", "refs": ["product.png"], "n": 2},
        {"prompt": "the product, {ratio} poster", "model": "dall-e-3", "ratio": "16:9"},
    ]
    (folder / "shots.jsonl").write_text("\n".join(json.dumps(line) for line in lines))
    result = batch(
        sim, tmp_path, str(folder / "shots.jsonl"), "--target", "gpt-image-1",
        "--var", "ratio=wide",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = summary(result)
    assert [(job["model"], job["prompt"]) for job in data["jobs"]] == [
        ("gpt-image-1", "the product on marble"),
        ("dall-e-3", "the product, wide poster"),
    ]
    assert data["images"] == 3
    edit, poster = (e for e in sim.log() if e.kind == "paid")
    assert edit.path.endswith("/images/edits") and edit.parts
    assert (edit.parts[0]["width"], edit.parts[0]["height"]) == (64, 48)
    assert poster.body["size"] == "1792x1024"


@pytest.mark.parametrize(
    ("name", "text", "needle"),
    [
        (
            "bad.csv",
            "prompt,model,n\na cat,gpt-image-1,1\na dog,dall-e-3,1,extra\na fox,dall-e-3,x\n",
            ["line 3: 4 cells, but the header names 3 fields", "line 4: n is not a whole number"],
        ),
        (
            "bad.jsonl",
            '{"prompt": "a cat"}\n\n{"prompt": "a dog", "colour": "red"}\n{oops\n',
            ["line 3: unknown field(s): colour", "line 4: not JSON"],
        ),
        ("template.txt", "a cat\na {animal}\n", ["line 2: no values for {animal}"]),
        ("braces.txt", "a cat\na {animal\n", ["line 2: a { or } without its pair"]),
        (
            "refs.jsonl",
            '{"prompt": "a cat", "refs": ["missing.png"]}\n',
            ["line 1: reference not found: missing.png"],
        ),
        (
            "not-an-image.jsonl",
            '{"prompt": "a cat"}\n{"prompt": "a dog", "refs": "notes.png"}\n',
            ["line 2: gpt-image-1: ", "notes.png"],
        ),
        (
            "unfit.jsonl",
            '{"prompt": "a cat"}\n{"prompt": "edit it", "model": "qwen-image-edit"}\n',
            ["line 2: qwen-image-edit: qwen-image-edit needs at least 1 reference image"],
        ),
        (
            "relay.jsonl",
            '{"prompt": "a cat", "profile": "nowhere"}\n',
            ["line 1: gpt-image-1: There is no profile named nowhere"],
        ),
        ("empty.txt", "# nothing here\n\n", ["holds no prompts"]),
    ],
)
def test_a_bad_line_is_named_by_its_number_and_nothing_is_sent(
    sim: SimulatorServer, tmp_path: Path, name: str, text: str, needle: list[str]
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "notes.png").write_text("not an image")
    result = batch(sim, tmp_path, name, "--target", "gpt-image-1")
    assert result.returncode == 2, result.stderr
    for part in needle:
        assert part in result.stderr
    assert result.stdout == ""
    assert paid(sim) == 0
    assert last_json(studio_cli(tmp_path, "history", "list", "--json")) == []


def test_a_line_without_a_model_needs_a_target(sim: SimulatorServer, tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text("a cat\n")
    result = batch(sim, tmp_path, "p.txt")
    assert result.returncode == 2
    assert "line 1: no target: choose a model" in result.stderr


def test_a_dry_run_prints_the_plan_and_sends_nothing(sim: SimulatorServer, tmp_path: Path) -> None:
    (tmp_path / "list.csv").write_text("prompt,model,n\na cat,gpt-image-1,2\na {x},,\n")
    result = batch(
        sim, tmp_path, "list.csv", "--target", "dall-e-3@environment", "--var", "x=dog,fox",
        "--dry-run",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = summary(result)
    assert data["run_id"] is None
    assert (data["planned"], data["succeeded"], data["failed"], data["images"]) == (3, 0, 0, 0)
    assert [(j["prompt"], j["model"], j["job_id"], j["status"]) for j in data["jobs"]] == [
        ("a cat", "gpt-image-1", None, "planned"),
        ("a dog", "dall-e-3", None, "planned"),
        ("a fox", "dall-e-3", None, "planned"),
    ]
    assert data["estimate"]["amount"] == pytest.approx(2 * GPT_IMAGE_1 + 2 * DALL_E_3)
    listing = result.stdout.splitlines()
    assert "line 2" in listing[0] and "gpt-image-1@environment" in listing[0]
    assert listing[-2] == "3 job(s), estimated cost about 0.16 USD"
    assert paid(sim) == 0
    assert not (tmp_path / "out").exists()


def test_above_max_cost_nothing_is_sent_unless_yes(sim: SimulatorServer, tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text("a {thing}\n")
    args = ["p.txt", "--target", "gpt-image-1", "--var", "thing=cup,jug,bowl"]
    refused = batch(sim, tmp_path, *args, "--max-cost", "0.1")  # 3 × 0.042 = 0.126
    assert refused.returncode == 2
    assert "above --max-cost 0.1" in refused.stderr and "--yes" in refused.stderr
    assert paid(sim) == 0
    fits = batch(sim, tmp_path, *args, "--max-cost", "0.2", "--concurrency", "1")
    assert fits.returncode == 0, fits.stderr
    assert paid(sim) == 3
    forced = batch(sim, tmp_path, *args, "--max-cost", "0.1", "--yes")
    assert forced.returncode == 0, forced.stderr
    assert summary(forced)["succeeded"] == 3 and paid(sim) == 6
    unknown = batch(sim, tmp_path, "p.txt", "--target", "nano-banana", "--var", "thing=cup",
                    "--max-cost", "5")  # fmt: skip
    assert unknown.returncode == 2 and "cannot be estimated" in unknown.stderr
    assert paid(sim) == 6


def test_the_concurrency_cap_holds(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("latency=0.3")
    (tmp_path / "p.txt").write_text("\n".join(f"kite {n}" for n in range(6)))
    result = batch(sim, tmp_path, "p.txt", "--target", "dall-e-3", "--concurrency", "2")
    assert result.returncode == 0, result.stderr
    assert summary(result)["succeeded"] == 6
    assert 1 < most_at_once(sim) <= 2


def test_a_failed_job_is_recorded_failed_and_the_rest_kept(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    (tmp_path / "p.txt").write_text("a cup\na jug [[sim:safety]]\na bowl\n")
    result = batch(sim, tmp_path, "p.txt", "--target", "gpt-image-1")
    assert result.returncode == 1, result.stderr
    data = summary(result)
    assert (data["succeeded"], data["failed"], data["images"]) == (2, 1, 2)
    statuses = [job["status"] for job in data["jobs"]]
    assert statuses == ["succeeded", "failed", "succeeded"]
    failed = data["jobs"][1]
    assert failed["error"] and failed["images"] == [] and failed["job_id"]
    assert "error: #1 (line 2, gpt-image-1@environment)" in result.stderr
    listed = studio_cli(
        tmp_path, "history", "list", "--run", data["run_id"], "--status", "failed", "--json"
    )
    assert [job["job_id"] for job in last_json(listed)] == [failed["job_id"]]


def recorded_jobs() -> int:
    database = Path(os.environ["STUDIO_DATA_DIR"]) / "history.sqlite3"
    if not database.exists():
        return 0
    with contextlib.closing(sqlite3.connect(database, timeout=5)) as db:
        try:
            return int(db.execute("SELECT COUNT(*) FROM jobs").fetchone()[0])
        except sqlite3.OperationalError:  # not made yet
            return 0


def test_ctrl_c_cancels_the_whole_batch(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("latency=30")
    (tmp_path / "p.txt").write_text("\n".join(f"lamp {n}" for n in range(6)))
    process = subprocess.Popen(
        [sys.executable, "-m", "studio.cli", "batch", "p.txt", "--target", "dall-e-3",
         "--concurrency", "2", "--out", str(tmp_path / "out"), "--json"],
        cwd=tmp_path,
        env=environment(tmp_path, sim.url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while paid(sim) < 2 or recorded_jobs() < 6:  # two sent, the rest queued
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1, stderr
    assert "Traceback" not in stderr and "interrupted" in stderr
    data = json.loads(stdout.strip().splitlines()[-1])
    assert data["succeeded"] == 0 and data["failed"] == 6
    assert [job["status"] for job in data["jobs"]] == ["cancelled"] * 6
    assert all(job["job_id"] for job in data["jobs"])  # every job of the batch is recorded
    billed = ["may have been billed" in job["error"] for job in data["jobs"]]
    assert billed == [True] * 2 + [False] * 4
    assert paid(sim) == 2
    listed = studio_cli(tmp_path, "history", "list", "--run", data["run_id"], "--json")
    assert sorted(job["status"] for job in last_json(listed)) == ["cancelled"] * 6
