"""`studio-cli generate` from the outside: a subprocess against the simulated relay.

Checks the public interface exactly: the JSON summary's keys, exit codes 0/1/2, the files in
--out, plain messages on stderr (never a traceback), and how many paid requests were sent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from studio.simulator import SimulatorServer
from tests.helpers.badfiles import make_bad_inputs

SUMMARY_KEYS = {"job_id", "status", "images", "usage", "warnings", "error"}
IMAGE_KEYS = {"path", "width", "height", "mime", "sha256"}


def cli(
    sim_url: str | None, *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") or k.endswith("_DIR")
    }
    if sim_url:
        environment.update(STUDIO_BASE_URL=sim_url, STUDIO_API_KEY="sk-test-secret-123456")
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "studio.cli", "generate", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def summary(result: subprocess.CompletedProcess[str]) -> dict:
    last = result.stdout.strip().splitlines()[-1]
    data = json.loads(last)
    assert set(data) == SUMMARY_KEYS
    return data


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout
    assert "<html" not in (result.stderr + result.stdout).lower()


def paid(sim: SimulatorServer) -> int:
    return sim.state.stats()["paid_requests"]


def test_success_prints_the_summary_and_saves_files(sim: SimulatorServer, tmp_path: Path) -> None:
    result = cli(
        sim.url,
        "--prompt",
        "a snow leopard",
        "--model",
        "gpt-image-1",
        "--ratio",
        "3:2",
        "--n",
        "2",
        "--out",
        "results",
        "--json",
        cwd=tmp_path,
    )
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    data = summary(result)
    assert data["status"] == "succeeded" and data["error"] is None and data["warnings"] == []
    assert isinstance(data["usage"], dict)
    assert len(data["images"]) == 2
    for image in data["images"]:
        assert set(image) == IMAGE_KEYS
        path = Path(image["path"])
        assert path.parent == (tmp_path / "results").resolve() and path.suffix == ".png"
        with Image.open(path) as opened:
            assert opened.size == (image["width"], image["height"]) == (1536, 1024)
    assert paid(sim) == 1
    assert "\r" not in result.stderr  # progress only on a terminal


def test_default_out_is_the_current_folder_and_plain_output_lists_paths(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    result = cli(
        sim.url,
        "--prompt",
        "一只猫",
        "--model",
        "nano-banana",
        "--output-format",
        "png",
        cwd=tmp_path,
    )
    # nano-banana has no output-format setting: refused before sending
    assert result.returncode == 2 and paid(sim) == 0
    result = cli(sim.url, "--prompt", "一只猫", "--model", "nano-banana", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.strip().splitlines()
    assert Path(line).parent == tmp_path.resolve() and Path(line).is_file()
    assert "一只猫" in Path(line).name


def test_every_protocol_from_the_command_line(sim: SimulatorServer, tmp_path: Path) -> None:
    Image.new("RGB", (600, 400), (10, 100, 200)).save(tmp_path / "ref.png")
    sim.set_faults("async-duration=0.3")
    runs = [
        ("images", "gpt-image-1", []),
        ("images-async", "nano-banana-2", ["--ratio", "16:9", "--resolution", "2K"]),
        ("images-json-edit", "nano-banana-2-1k", ["--ref", "ref.png", "--ratio", "1:1"]),
        ("gemini", "gemini-2.5-flash-image", ["--ratio", "9:16"]),
        ("chat", "gpt-4o-image", []),
        ("midjourney", "midjourney", ["--ratio", "3:2"]),
    ]
    for protocol, model, extra in runs:
        result = cli(
            sim.url,
            "--prompt",
            "a tree",
            "--model",
            model,
            "--protocol",
            protocol,
            *extra,
            "--json",
            cwd=tmp_path,
        )
        no_traceback(result)
        assert result.returncode == 0, (protocol, result.stderr)
        assert summary(result)["status"] == "succeeded"
    assert paid(sim) == len(runs)


@pytest.mark.parametrize(
    ("fault", "needle"),
    [
        ("401", "did not accept the API key"),
        ("500", "It may still have been made"),
        ("502", "relay.example | 502: Bad gateway"),
        ("504", "504 Gateway Time-out"),
        ("524", "524: A timeout occurred"),
        ("error200", "reported an error instead of an image"),
        ("empty", "answered without an image"),
        ("garbage-b64", "image"),
        ("drop", "connection to the relay broke"),
        ("safety", "safety"),
    ],
)
def test_faults_fail_with_plain_words_and_one_request(
    sim: SimulatorServer, tmp_path: Path, fault: str, needle: str
) -> None:
    sim.set_faults(fault)
    result = cli(sim.url, "--prompt", "x", "--model", "gpt-image-1", "--json", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 1
    data = summary(result)
    assert data["status"] == "failed" and needle in data["error"]
    assert "{" not in data["error"]  # every placeholder filled in
    assert needle in result.stderr
    assert paid(sim) == 1
    assert data["images"] == [] and not [p for p in tmp_path.iterdir() if p.suffix == ".png"]


def test_expired_link_and_rate_limit(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("expired-url")
    result = cli(sim.url, "--prompt", "x", "--model", "flux", "--json", cwd=tmp_path)
    assert result.returncode == 1
    assert "link has expired" in summary(result)["error"]
    assert "(relay: Request has expired)" in summary(result)["error"]
    sim.reset()
    sim.set_faults("429*1,retry_after=0.3")
    result = cli(sim.url, "--prompt", "x", "--model", "flux", "--json", cwd=tmp_path)
    assert result.returncode == 0 and paid(sim) == 2 and sim.state.stats()["billed"] == 1


def test_the_key_never_shows(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("401")
    result = cli(sim.url, "--prompt", "x", "--model", "gpt-image-1", "--json", cwd=tmp_path)
    assert "sk-test-secret-123456" not in result.stdout + result.stderr
    logs = Path(os.environ["STUDIO_LOG_DIR"])
    for file in logs.rglob("*"):
        if file.is_file():
            assert b"sk-test-secret-123456" not in file.read_bytes()


def edit_with(sim: SimulatorServer, path: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    args = ("--prompt", "x", "--model", "gpt-image-1", "--ref", str(path), "--json")
    result = cli(sim.url, *args, cwd=cwd)
    no_traceback(result)
    return result


@pytest.mark.parametrize("case", ["zero_byte", "text_as_png", "truncated_png", "bomb"])
def test_bad_files_are_refused_by_name_and_nothing_is_sent(
    sim: SimulatorServer, tmp_path: Path, case: str
) -> None:
    path = make_bad_inputs(tmp_path / "bad")[case]
    result = edit_with(sim, path, tmp_path)
    assert result.returncode == 2
    assert path.name in summary(result)["error"] and path.name in result.stderr
    assert paid(sim) == 0


@pytest.mark.parametrize("case", ["cmyk_jpeg", "png16", "animated_gif", "big_photo"])
def test_difficult_files_are_converted_and_sent(
    sim: SimulatorServer, tmp_path: Path, case: str
) -> None:
    path = make_bad_inputs(tmp_path / "hard")[case]
    result = edit_with(sim, path, tmp_path)
    assert result.returncode == 0, result.stderr
    (entry,) = [e for e in sim.log() if e.kind == "paid"]
    part = entry.parts[0]
    assert part["content_type"] in ("image/png", "image/jpeg")
    assert max(part["width"], part["height"]) <= 4096 and part["size"] <= 25 * 1024 * 1024
    if case == "big_photo":
        assert path.stat().st_size > 25 * 1024 * 1024
        assert part["height"] > part["width"]  # turned upright by its EXIF orientation
        assert any(path.name in w for w in summary(result)["warnings"])


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--model", "dall-e-3", "--ratio", "4:3"], "does not offer the ratio 4:3"),
        (["--model", "dall-e-3", "--n", "3"], "1 to 1 image(s)"),
        (["--model", "nano-banana", "--seed", "3"], "no seed setting"),
        (["--model", "flux", "--protocol", "images-json-edit"], "cannot make images from a prompt"),
        (["--model", "gpt-image-1", "--ref", "missing.png"], "missing.png"),
        (["--model", "gpt-image-1", "--mask", "mask.png"], "first reference"),
        (
            ["--model", "gpt-image-1", "--ref", "ref.png", "--mask", "small-mask.png"],
            "small-mask.png",
        ),
        (["--model", "nano-banana-2-1k", "--resolution", "4K"], "always makes 1K images"),
        (["--model", "gpt-image-1", "--out", "ref.png"], "not a folder"),
    ],
)
def test_invalid_input_exits_2_and_sends_nothing(
    sim: SimulatorServer, tmp_path: Path, args: list[str], needle: str
) -> None:
    Image.new("RGB", (300, 200)).save(tmp_path / "ref.png")
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(tmp_path / "mask.png")
    Image.new("RGBA", (100, 100), (0, 0, 0, 0)).save(tmp_path / "small-mask.png")
    result = cli(sim.url, "--prompt", "x", *args, "--json", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2, result.stderr
    assert needle in summary(result)["error"]
    assert paid(sim) == 0


def test_no_relay_configured(tmp_path: Path) -> None:
    result = cli(None, "--prompt", "x", "--model", "gpt-image-1", "--json", cwd=tmp_path)
    assert result.returncode == 2
    assert "STUDIO_BASE_URL" in summary(result)["error"]


def test_bad_base_url(tmp_path: Path) -> None:
    result = cli(
        None,
        "--prompt",
        "x",
        "--model",
        "gpt-image-1",
        cwd=tmp_path,
        env={"STUDIO_BASE_URL": "relay.example", "STUDIO_API_KEY": "k"},
    )
    no_traceback(result)
    assert result.returncode == 2 and "not a valid http" in result.stderr


def test_usage_errors_are_argparse_exit_2(tmp_path: Path) -> None:
    result = cli(None, "--model", "gpt-image-1", cwd=tmp_path)
    assert result.returncode == 2 and "--prompt" in result.stderr


def test_progress_goes_to_a_terminal_stderr(sim: SimulatorServer, tmp_path: Path) -> None:
    import pty

    sim.set_faults("async-duration=0.5")
    leader, follower = pty.openpty()
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") or k.endswith("_DIR")
    }
    environment.update(STUDIO_BASE_URL=sim.url, STUDIO_API_KEY="k")
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "studio.cli",
            "generate",
            "--prompt",
            "x",
            "--model",
            "nano-banana",
            "--protocol",
            "images-async",
            "--json",
        ],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
        timeout=60,
        check=False,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
        if len(chunk) < 65536:
            break
    os.close(leader)
    progress = b"".join(chunks).decode()
    assert process.returncode == 0
    assert "task " in progress and "accepted" in progress and "\r" in progress
    assert "saved " in progress
    assert json.loads(process.stdout.strip().splitlines()[-1])["status"] == "succeeded"


@pytest.mark.parametrize(
    ("fault", "billing"),
    [
        ("401", "The relay refused it before doing any work: it was not billed."),
        ("429*9", "The relay refused it before doing any work: it was not billed."),
        ("500", "It may have been billed"),
        ("524", "It may have been billed"),
        ("empty", "It may have been billed"),
        ("drop", "It may have been billed"),
    ],
)
def test_every_failure_says_what_it_cost(
    sim: SimulatorServer, tmp_path: Path, fault: str, billing: str
) -> None:
    sim.set_faults(fault)
    result = cli(sim.url, "--prompt", "x", "--model", "gpt-image-1", "--json", cwd=tmp_path)
    assert result.returncode == 1
    assert billing in summary(result)["error"] and billing in result.stderr
