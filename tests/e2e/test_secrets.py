"""Every byte the studio prints or writes, grepped for secrets.

`studio-cli` runs in subprocesses against a relay that answers 401 quoting the key it was sent
and the URL it was called at (the ``echo-key`` fault), with result links signed like presigned
storage links, a base URL carrying ``user:password@``, and a key with a line break. Then every
byte of stdout and stderr and of every file under the data, config, log and output folders
(the history database and its WAL included) is searched for the key, the password and the
signature, as they are and as Python, JSON or a URL would escape them.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from studio.simulator import SimulatorServer
from studio.simulator.call import Call
from tests.helpers.keyring_backend import BACKEND_PATH, KEYRING_FILE_VARIABLE

ROOT = Path(__file__).resolve().parents[2]
KEY = "zz-Plain-Key-4711-abcdef"  # looks like no key: only the rule that was told can hide it
PASSWORD = "pw-Userinfo-0815-xyz"
SIG = "f00dcafe0815beef"
LINED_KEY = "zz-Plain-Key-4711\nabcdef-next-line"


def forms(secret: str) -> set[bytes]:
    """``secret`` as it is and as it would be written escaped; each line of a key that has
    several."""
    found = {
        secret,
        secret.encode("unicode_escape").decode("ascii"),
        json.dumps(secret)[1:-1],
        quote(secret, safe=""),
        quote(secret),
    }
    found.update(line for line in secret.splitlines() if len(line) >= 8)
    return {form.encode("utf-8") for form in found}


class Studio:
    """`studio-cli` with its own data, config, log and output folders; keeps what it printed."""

    def __init__(self, tmp_path: Path, base_url: str, key: str) -> None:
        self.root = tmp_path / "studio"
        self.data, self.config, self.logs, self.out = (
            self.root / name for name in ("data", "config", "logs", "out")
        )
        for folder in (self.data, self.config, self.logs, self.out):
            folder.mkdir(parents=True)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_")}
        self.env.update(
            STUDIO_BASE_URL=base_url,
            STUDIO_API_KEY=key,
            STUDIO_DATA_DIR=str(self.data),
            STUDIO_CONFIG_DIR=str(self.config),
            STUDIO_LOG_DIR=str(self.logs),
            PYTHONPATH=str(ROOT),
            PYTHON_KEYRING_BACKEND=BACKEND_PATH,
            **{KEYRING_FILE_VARIABLE: str(tmp_path / "keyring.json")},  # the "OS keyring"
        )
        self.printed: list[tuple[str, bytes]] = []

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "studio.cli", *args]

    def __call__(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[bytes]:
        result = subprocess.run(
            self.command(*args),
            cwd=self.root,
            env=self.env,
            input=stdin.encode() if stdin is not None else None,
            capture_output=True,
            timeout=180,
            check=False,
        )
        self.printed += [(f"stdout of {args}", result.stdout), (f"stderr of {args}", result.stderr)]
        assert b"Traceback" not in result.stderr, result.stderr.decode()
        return result

    def json(self, *args: str) -> Any:
        result = self(*args)
        return json.loads(result.stdout.decode().strip().splitlines()[-1])

    def killed_while_polling(self, sim: SimulatorServer) -> None:
        """An async job whose task id is in the history and whose process died polling."""
        sim.set_faults("async-duration=30")
        process = subprocess.Popen(
            self.command(
                "generate",
                "--prompt",
                "a lighthouse in fog",
                "--model",
                "nano-banana",
                "--protocol",
                "images-async",
                "--out",
                "out",
                "--json",
            ),
            cwd=self.root,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for(lambda: any(task for (task,) in self._tasks()))
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)

    def _tasks(self) -> list[tuple[str | None]]:
        database = self.data / "history.sqlite3"
        if not database.exists():
            return []
        try:
            with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
                return connection.execute("SELECT task_id FROM jobs").fetchall()
        except sqlite3.OperationalError:
            return []

    def history_everything(self) -> list[str]:
        """Every way the history shows its jobs; the ids."""
        self("history", "list")
        jobs = self.json("history", "list", "--json")
        ids = [job["job_id"] for job in jobs]
        for job_id in ids:
            self("history", "show", job_id)
            self("history", "show", job_id, "--json")
        self("history", "export", *ids, "--out", "out")
        return ids

    def written(self) -> list[tuple[str, bytes]]:
        files = []
        for folder in (self.data, self.config, self.logs, self.out):
            files += [(str(p), p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()]
        return files

    def assert_no_trace(self, *secrets: str, allowed: Iterable[Path] = ()) -> None:
        """Not one form of any of ``secrets`` in anything printed or written (except in the
        ``allowed`` files: the settings that must hold what the user typed)."""
        skipped = {str(path) for path in allowed}
        everything = [item for item in self.printed + self.written() if item[0] not in skipped]
        assert any(name.endswith("history.sqlite3") for name, _ in everything)
        assert any(name.endswith("studio.log") for name, _ in everything)
        leaks = [
            (where, form)
            for where, data in everything
            for secret in secrets
            for form in forms(secret)
            if form in data
        ]
        assert not leaks, leaks


def _wait_for(condition: Callable[[], object], within: float = 30.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


@pytest.fixture
def signed_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """The simulated relay's result links carry a signature, like presigned S3/OSS/Azure links
    (the download route ignores the query)."""
    plain = Call.file_url

    def signed(self: Call, data: bytes, fmt: str) -> str:
        return f"{plain(self, data, fmt)}?se=2099-01-01&sp=r&sig={SIG}&X-Amz-Signature={SIG}"

    monkeypatch.setattr(Call, "file_url", signed)


def test_a_relay_that_echoes_the_key_leaves_no_trace(
    sim: SimulatorServer, tmp_path: Path, signed_links: None
) -> None:
    studio = Studio(tmp_path, sim.url, KEY)
    made = studio.json(
        "generate", "--prompt", "a kite", "--model", "flux", "--out", "out", "--json"
    )
    assert made["status"] == "succeeded" and len(made["images"]) == 1
    studio.killed_while_polling(sim)

    sim.set_faults("echo-key")
    failed = studio("-v", "generate", "--prompt", "a harbour", "--model", "flux", "--json")
    assert failed.returncode == 1
    error = json.loads(failed.stdout.decode().strip().splitlines()[-1])["error"]
    assert "Invalid token: ***" in error and f"{sim.url}/v1/images/generations" in error
    resumed = studio("resume", "--json")
    (job,) = json.loads(resumed.stdout.decode().strip().splitlines()[-1])["resumed"]
    assert job["status"] == "failed" and "***" in job["error"]
    assert b"***" in studio("models").stderr
    studio("models", "--json")
    studio("profiles", "list")
    studio("profiles", "list", "--json")
    assert len(studio.history_everything()) == 3
    assert sim.state.stats()["paid_requests"] == 3

    studio.assert_no_trace(KEY, SIG)


def test_a_password_in_the_base_url_leaves_no_trace(sim: SimulatorServer, tmp_path: Path) -> None:
    """httpx turns a URL's ``user:password@`` into Basic auth, which replaces the Bearer key:
    the relay refuses every request. The password must show nowhere all the same."""
    host = sim.url.split("://", 1)[1]
    studio = Studio(tmp_path, f"http://alice:{PASSWORD}@{host}/v1", KEY)
    sim.set_faults("echo-key")
    failed = studio("-v", "generate", "--prompt", "a harbour", "--model", "flux", "--json")
    assert failed.returncode == 1
    studio("models")
    relay = f"http://alice:{PASSWORD}@{host}/v1"
    added = studio(
        "profiles",
        "add",
        "relay",
        "--base-url",
        relay,
        "--proxy",
        f"http://bob:{PASSWORD}@127.0.0.1:9",
        "--webhook",
        f"https://hooks.example/done?token={SIG}",
        "--key-stdin",
        stdin=KEY + "\n",
    )
    assert added.returncode == 0, added.stderr.decode()
    listing = studio("profiles", "list")
    assert b"http://***@" in listing.stdout
    (profile,) = studio.json("profiles", "list", "--json")
    assert profile["base_url"] == f"http://***@{host}/v1"
    studio("profiles", "test", "relay")
    studio("-v", "generate", "--profile", "relay", "--prompt", "a kite", "--model", "flux")
    studio("resume", "--json")
    studio.history_everything()

    # profiles.json is the setting itself: it keeps the base URL, proxy and webhook as typed.
    studio.assert_no_trace(PASSWORD, SIG, allowed=[studio.config / "profiles.json"])
    studio.assert_no_trace(KEY)
    basic = base64.b64encode(f"alice:{PASSWORD}".encode()).decode()
    studio.assert_no_trace(basic)


def test_a_key_with_a_line_break_leaves_no_trace(sim: SimulatorServer, tmp_path: Path) -> None:
    studio = Studio(tmp_path, sim.url, LINED_KEY)
    sim.set_faults("echo-key")
    failed = studio("-v", "generate", "--prompt", "a harbour", "--model", "flux", "--json")
    assert failed.returncode in (1, 2)
    studio("models")
    studio("models", "--json")
    studio("resume", "--json")
    studio.history_everything()
    studio.assert_no_trace(LINED_KEY)
