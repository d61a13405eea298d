"""`kill -9` at the worst moments: nothing paid is lost, nothing is paid twice."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.simulator import SimulatorServer


def _env(sim: SimulatorServer) -> dict[str, str]:
    env = dict(os.environ)
    env.update(STUDIO_BASE_URL=sim.url, STUDIO_API_KEY="sk-crash-test-0001")
    return env


def _generate(sim: SimulatorServer, tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "studio.cli",
            "generate",
            "--prompt",
            "a crash test",
            *args,
            "--out",
            str(tmp_path / "out"),
            "--json",
        ],
        env=_env(sim),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def _cli(sim: SimulatorServer, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studio.cli", *args],
        env=_env(sim),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _database() -> Path:
    return Path(os.environ["STUDIO_DATA_DIR"]) / "history.sqlite3"


def _jobs() -> list[tuple[str, str, str | None]]:
    if not _database().exists():
        return []
    try:
        with sqlite3.connect(f"file:{_database()}?mode=ro", uri=True) as connection:
            return connection.execute("SELECT id, state, task_id FROM jobs").fetchall()
    except sqlite3.OperationalError:  # being created by the process under test
        return []


def _wait_for(condition, within: float = 20.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL


def _visible_files() -> list[Path]:
    root = Path(os.environ["STUDIO_DATA_DIR"]) / "blobs"
    return [p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")]


def _integrity() -> str:
    with sqlite3.connect(_database()) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def test_kill_during_async_poll_then_resume(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("async-duration=3")
    process = _generate(sim, tmp_path, "--model", "nano-banana", "--protocol", "images-async")
    _wait_for(lambda: any(task for _, _, task in _jobs()))
    _kill(process)
    ((job_id, state, task_id),) = _jobs()
    assert state in ("submitted", "running") and task_id
    assert _integrity() == "ok"

    result = _cli(sim, "resume", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    (resumed,) = report["resumed"]
    assert resumed["job_id"] == job_id and resumed["status"] == "succeeded"
    (image,) = resumed["images"]
    assert Path(image["path"]).is_file()
    assert sim.state.stats()["paid_requests"] == 1  # exactly one submission
    assert _jobs() == [(job_id, "succeeded", task_id)]
    assert _integrity() == "ok"
    assert [p.name for p in _visible_files()] == [Path(image["path"]).name]


def test_kill_during_sync_request_is_interrupted_not_resent(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("latency=4")
    process = _generate(sim, tmp_path, "--model", "nano-banana")
    _wait_for(lambda: sim.state.stats()["paid_requests"] == 1)
    _kill(process)
    ((job_id, state, _),) = _jobs()
    assert state == "submitted"

    result = _cli(sim, "resume", "--json")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["resumed"] == []
    (interrupted,) = report["interrupted"]
    assert interrupted["job_id"] == job_id and interrupted["may_be_billed"] is True
    time.sleep(4.5)  # the relay finishes the first request; nobody sends another
    assert sim.state.stats()["paid_requests"] == 1
    assert _jobs()[0][1] == "interrupted"
    assert _integrity() == "ok"
    assert _visible_files() == []

    shown = json.loads(_cli(sim, "history", "show", job_id, "--json").stdout)
    assert shown["status"] == "interrupted" and "not sent again" in shown["error"]
    sim.set_faults("")
    retried = _cli(sim, "retry", job_id, "--json")
    assert retried.returncode == 0, retried.stderr
    assert sim.state.stats()["paid_requests"] == 2  # only because the user asked


@pytest.mark.parametrize("delay", [0.0, 0.15, 0.4, 0.8, 1.6])
def test_kill_at_any_moment_never_pays_twice(
    sim: SimulatorServer, tmp_path: Path, delay: float
) -> None:
    sim.set_faults("async-duration=1")
    process = _generate(sim, tmp_path, "--model", "nano-banana", "--protocol", "images-async")
    time.sleep(delay)
    _kill(process)
    jobs_before = _jobs()
    result = _cli(sim, "resume", "--json")
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    paid = sim.state.stats()["paid_requests"]
    assert paid <= 1
    for job_id, state, task_id in _jobs():
        if task_id:  # the task id was committed: the image must come back
            assert state == "succeeded", (job_id, state, jobs_before)
        else:
            assert state in ("interrupted", "failed", "succeeded")
    assert _integrity() == "ok"


def test_kill_while_the_result_downloads_then_resume_downloads_it(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("latency=3*2")  # the paid request, then the download of its result
    process = _generate(sim, tmp_path, "--model", "flux")  # flux answers with a link
    _wait_for(lambda: any(state == "downloading" for _, state, _ in _jobs()))
    _kill(process)
    ((job_id, state, _),) = _jobs()
    assert state == "downloading"

    result = _cli(sim, "resume", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["interrupted"] == []
    (resumed,) = report["resumed"]
    assert resumed["job_id"] == job_id and resumed["status"] == "succeeded"
    assert "relay was answering" not in result.stdout + result.stderr
    (image,) = resumed["images"]
    assert Path(image["path"]).is_file()
    assert sim.state.stats()["paid_requests"] == 1
    assert _jobs()[0][1] == "succeeded"
    assert _integrity() == "ok"
