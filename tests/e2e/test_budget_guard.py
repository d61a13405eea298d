"""The budget guard from the outside: a request that would pass a relay's budget is not sent
without --yes (exit 2, said plainly, nothing paid); with --yes it goes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from studio.simulator import SimulatorServer
from tests.helpers.keyring_backend import BACKEND_PATH, KEYRING_FILE_VARIABLE

ROOT = Path(__file__).resolve().parents[2]
KEY = "sk-budget-secret-1a2b3c4d"


def studio_cli(
    tmp_path: Path, *args: str, key: str | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("STUDIO_API_KEY", "STUDIO_BASE_URL", "PYTHON_KEYRING"))
    }
    environment.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        PYTHON_KEYRING_BACKEND=BACKEND_PATH,
        **{KEYRING_FILE_VARIABLE: str(tmp_path / "os-keyring.json")},
    )
    result = subprocess.run(
        [sys.executable, "-m", "studio.cli", *args],
        cwd=tmp_path,
        env=environment,
        input=key,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert KEY not in result.stdout + result.stderr
    return result


def generate(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return studio_cli(
        tmp_path, "generate", "--profile", "budgeted", "--model", "gpt-image-1",
        "--prompt", "a lantern on a jetty", "--out", str(tmp_path / "out"),
        "--data-dir", str(tmp_path / "data"), "--json", *extra,
    )  # fmt: skip


def test_a_request_past_the_daily_budget_needs_yes(sim: SimulatorServer, tmp_path: Path) -> None:
    added = studio_cli(
        tmp_path, "profiles", "add", "budgeted", "--base-url", f"{sim.url}/v1", "--key-stdin",
        "--daily-budget", "0.05",
        key=KEY + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr

    first = generate(tmp_path)  # 0 spent + one gpt-image-1 image (0.042 listed) fits
    assert first.returncode == 0, first.stderr
    assert sim.state.stats()["paid_requests"] == 1

    refused = generate(tmp_path)
    assert refused.returncode == 2, refused.stderr
    said = refused.stderr + refused.stdout
    assert "would pass the daily budget of budgeted" in said
    assert "of 0.05 USD spent today" in said and "--yes" in said
    assert sim.state.stats()["paid_requests"] == 1  # nothing was sent
    error = json.loads(refused.stdout.strip().splitlines()[-1])["error"]
    assert "Nothing was sent, so nothing was billed." in error

    sent = generate(tmp_path, "--yes")
    assert sent.returncode == 0, sent.stderr
    assert sim.state.stats()["paid_requests"] == 2
