"""``studio-cli`` in a subprocess, as a user or a script runs it: relays from the environment
or from profiles stored with a file-backed keyring, the data folders of the test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.helpers.keyring_backend import BACKEND_PATH, KEYRING_FILE_VARIABLE

ROOT = Path(__file__).resolve().parents[2]
KEY = "sk-runs-secret-9f8e7d6c"


def environment(tmp_path: Path, sim_url: str | None, extra: dict[str, str] | None = None):
    """The test's environment without the outer relay; ``sim_url``: the environment's relay."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("STUDIO_API_KEY", "STUDIO_BASE_URL", "PYTHON_KEYRING"))
    }
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        PYTHON_KEYRING_BACKEND=BACKEND_PATH,
        **{KEYRING_FILE_VARIABLE: str(tmp_path / "os-keyring.json")},
    )
    if sim_url:
        env.update(STUDIO_BASE_URL=sim_url, STUDIO_API_KEY=KEY)
    env.update(extra or {})
    return env


def studio_cli(
    tmp_path: Path,
    *args: str,
    sim_url: str | None = None,
    stdin: str | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "studio.cli", *args],
        cwd=cwd or tmp_path,
        env=environment(tmp_path, sim_url),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    said = result.stdout + result.stderr
    assert "Traceback" not in said, said
    assert KEY not in said
    return result


def add_profile(tmp_path: Path, name: str, url: str, *options: str) -> None:
    added = studio_cli(
        tmp_path, "profiles", "add", name, "--base-url", f"{url}/v1", "--key-stdin", *options,
        stdin=KEY + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr


def last_json(result: subprocess.CompletedProcess[str]) -> Any:
    lines = result.stdout.strip().splitlines()
    assert lines, result.stderr
    return json.loads(lines[-1])


def paid(sim: Any) -> int:
    return sum(entry.kind == "paid" for entry in sim.log())
