"""Profiles as the engine and the CLI resolve them: the keyring is read off the event loop, and
`--profile NAME` and the environment's relay both work, recorded under their names."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

from studio.catalog import Catalog
from studio.domain.job import JobState
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.engine.manager import RequestManager
from studio.settings.profiles import ProfileStore
from studio.settings.resolver import ProfileResolver
from studio.settings.secrets import KeyStore
from studio.simulator import SimulatorServer
from studio.store.history import Store
from tests.helpers.engine import FAST_RETRIES
from tests.helpers.keyring_backend import BACKEND_PATH, KEYRING_FILE_VARIABLE
from tests.helpers.keyrings import BlockingKeyring
from tests.helpers.manager import until

ROOT = Path(__file__).resolve().parents[2]
KEY = "sk-resolution-key-000000001"
ENV_KEY = "sk-environment-key-0000001"


def test_the_manager_waits_for_a_locked_keyring_off_the_event_loop(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    backend = BlockingKeyring()
    profiles = ProfileStore(tmp_path / "profiles.json", keys=KeyStore(backend, session={}))
    profiles.add(Profile(name="relay", base_url=f"{sim.url}/v1"))
    backend.set_password("studio", "relay", KEY)
    resolver = ProfileResolver(profiles)

    async def scenario() -> JobState:
        store = Store(tmp_path / "data")
        manager = RequestManager(store, Catalog.load(), resolver.get, policy=FAST_RETRIES)
        try:
            request = GenerationRequest(prompt="a fox in the snow", model="gpt-image-1")
            submitting = asyncio.ensure_future(manager.submit(request, "relay"))
            await until(backend.entered.is_set)  # the loop goes on while the keyring waits
            backend.release.set()
            job = await manager.wait((await submitting).id)
            return job.state
        finally:
            await manager.aclose()
            store.close()

    state = asyncio.run(scenario())
    assert backend.released_in_time, "the keyring was read on the event loop and blocked it"
    assert "MainThread" not in backend.readers
    assert state is JobState.SUCCEEDED
    assert sim.state.stats()["paid_requests"] == 1


def _cli(env: dict[str, str], cwd: Path, *args: str, stdin: str | None = None) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "studio.cli", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines and lines[-1].startswith(("{", "[")) else {}


def test_profile_name_and_the_environment_both_send_and_are_recorded(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STUDIO_API", "STUDIO_BASE"))}
    env.update(
        PYTHONPATH=str(ROOT),
        PYTHON_KEYRING_BACKEND=BACKEND_PATH,
        **{KEYRING_FILE_VARIABLE: str(tmp_path / "keyring.json")},
    )
    _cli(env, tmp_path, "profiles", "add", "relay", "--base-url", f"{sim.url}/v1",
         "--key-stdin", stdin=KEY + "\n")  # fmt: skip
    env.update(STUDIO_BASE_URL=sim.url, STUDIO_API_KEY=ENV_KEY)  # both: each keeps its place
    common = ("--model", "gpt-image-1", "--out", "out", "--json")
    by_name = _cli(env, tmp_path, "generate", "--profile", "relay", "--prompt", "one", *common)
    by_env = _cli(env, tmp_path, "generate", "--prompt", "two", *common)
    again = _cli(env, tmp_path, "generate", "--profile", "environment", "--prompt", "3", *common)
    assert [by_name["status"], by_env["status"], again["status"]] == ["succeeded"] * 3

    listed = _cli(env, tmp_path, "history", "list", "--json")
    profiles = {entry["prompt"]: entry["profile"] for entry in listed}
    assert profiles == {"one": "relay", "two": "environment", "3": "environment"}
    assert sim.state.stats()["paid_requests"] == 3
