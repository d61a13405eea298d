"""`studio-cli profiles` from the outside: subprocesses sharing a file-backed "OS keyring".

Checks exit codes 0/1/2, that the key reaches the keyring and never stdout, stderr or a file,
and `profiles test` against the simulated relay.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from studio.domain.profile import Profile
from studio.paths import config_dir
from studio.settings import KeyStatus, KeyStore, ProfileStore
from studio.simulator import SimulatorServer
from tests.helpers.keyring_backend import (
    BACKEND_PATH,
    KEYRING_FILE_VARIABLE,
    NO_BACKEND_PATH,
    FileKeyring,
)

ROOT = Path(__file__).resolve().parents[2]
KEY = "sk-e2e-secret-5a4b3c2d1e"


class ProfilesCli:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.keyring_file = tmp_path / "os-keyring.json"
        self.outputs: list[str] = []

    def __call__(
        self, *args: str, key: str | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        environment = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(("STUDIO_API_KEY", "STUDIO_BASE_URL", "PYTHON_KEYRING"))
        }
        environment.update(
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            PYTHON_KEYRING_BACKEND=BACKEND_PATH,
            **{KEYRING_FILE_VARIABLE: str(self.keyring_file)},
        )
        environment.update(env or {})
        result = subprocess.run(
            [sys.executable, "-m", "studio.cli", "profiles", *args],
            cwd=self.tmp_path,
            env=environment,
            input=key,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        self.outputs += [result.stdout, result.stderr]
        assert "Traceback" not in result.stdout + result.stderr
        return result

    def keyring(self) -> dict[str, dict[str, str]]:
        return FileKeyring(self.keyring_file).entries()

    def add_directly(self, name: str, base_url: str) -> None:
        """Set a profile up without a subprocess (``add`` itself is tested on its own)."""
        store = ProfileStore(keys=KeyStore(FileKeyring(self.keyring_file), session={}))
        assert store.add(Profile(name, base_url), KEY) is KeyStatus.STORED

    def files_holding(self, secret: str) -> list[Path]:
        """Every file under tmp_path (config, data and log dirs included) holding ``secret``,
        the simulated OS keyring aside."""
        return [
            path
            for path in self.tmp_path.rglob("*")
            if path.is_file() and path != self.keyring_file and secret.encode() in path.read_bytes()
        ]


@pytest.fixture
def cli(tmp_path: Path) -> ProfilesCli:
    return ProfilesCli(tmp_path)


def last_json(result: subprocess.CompletedProcess[str]) -> list[dict]:
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_add_list_remove(cli: ProfilesCli) -> None:
    added = cli(
        "add",
        "main relay",
        "--base-url",
        "https://relay.example/v1",
        "--key-stdin",
        "--read-timeout",
        "900",
        "--auth-style",
        "x-goog-api-key",
        "--async-success-words",
        "OK, DONE",
        "--webhook",
        "https://hooks.example/x",
        key=KEY + "\n",
    )
    assert added.returncode == 0, added.stderr
    assert "keyring" in added.stdout and added.stderr == ""
    assert cli.keyring() == {"studio": {"main relay": KEY}}
    assert (config_dir() / "profiles.json").is_file()

    table = cli("list")
    assert table.returncode == 0
    assert table.stdout.splitlines()[0].split() == ["NAME", "BASE", "URL", "KEY"]
    assert "main relay  https://relay.example/v1  stored" in table.stdout

    listed = last_json(cli("list", "--json"))
    assert len(listed) == 1
    entry = listed[0]
    assert entry["name"] == "main relay" and entry["base_url"] == "https://relay.example/v1"
    assert entry["has_key"] is True
    assert entry["read_timeout"] == 900 and entry["auth_style"] == "x-goog-api-key"
    assert entry["concurrency"] == 4 and entry["proxy"] is None
    assert entry["async"]["success_words"] == ["OK", "DONE"]
    assert entry["async"]["webhook"] == "https://hooks.example/x"

    removed = cli("remove", "main relay")
    assert removed.returncode == 0, removed.stderr
    assert (
        json.loads((config_dir() / "profiles.json").read_text(encoding="utf-8"))["profiles"] == []
    )
    assert cli.keyring() == {"studio": {}}
    assert all(KEY not in output for output in cli.outputs)
    assert cli.files_holding(KEY) == []


def test_test_reports_a_working_relay(cli: ProfilesCli, sim: SimulatorServer) -> None:
    cli.add_directly("sim", sim.url)
    result = cli("test", "sim")
    assert result.returncode == 0, result.stdout + result.stderr
    offered = httpx.get(f"{sim.url}/v1/models", headers={"Authorization": "Bearer k"}).json()
    lines = result.stdout.splitlines()
    assert "Reachable: yes" in lines
    assert "Key accepted: yes" in lines
    assert any(line.startswith(f"Models: {len(offered['data'])} offered") for line in lines)
    assert KEY not in result.stdout + result.stderr


def test_test_reports_a_rejected_key(cli: ProfilesCli, sim: SimulatorServer) -> None:
    sim.set_faults("401")
    cli.add_directly("sim", sim.url + "/v1")
    result = cli("test", "sim")
    assert result.returncode == 1
    assert "Reachable: yes" in result.stdout
    assert "Key accepted: no — The relay did not accept the API key" in result.stdout
    assert "not ready" in result.stderr
    assert KEY not in result.stdout + result.stderr


def test_test_reports_an_unreachable_relay(cli: ProfilesCli) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cli.add_directly("gone", f"http://127.0.0.1:{port}")
    result = cli("test", "gone")
    assert result.returncode == 1
    assert result.stdout.splitlines()[1].startswith("Reachable: no — Could not connect")


def test_unknown_names_and_invalid_input_exit_2(cli: ProfilesCli) -> None:
    for action in ("remove", "test"):
        result = cli(action, "nowhere")
        assert result.returncode == 2
        assert "There is no profile named nowhere" in result.stderr
    bad_url = cli("add", "r", "--base-url", "relay.example")
    assert bad_url.returncode == 2 and "base URL relay.example" in bad_url.stderr
    empty_key = cli("add", "r", "--base-url", "https://relay.example", "--key-stdin", key="\n")
    assert empty_key.returncode == 2 and "No key arrived" in empty_key.stderr
    assert not (config_dir() / "profiles.json").exists()


def test_a_damaged_profiles_file_is_reported_not_replaced(cli: ProfilesCli) -> None:
    path = config_dir() / "profiles.json"
    path.write_text("{oops", encoding="utf-8")
    result = cli("add", "r", "--base-url", "https://r.example")
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert path.read_text(encoding="utf-8") == "{oops"


def test_without_a_keyring_the_key_is_kept_nowhere(cli: ProfilesCli) -> None:
    no_keyring = {"PYTHON_KEYRING_BACKEND": NO_BACKEND_PATH}
    added = cli(
        "add", "bare", "--base-url", "https://r.example", "--key-stdin", key=KEY, env=no_keyring
    )
    assert added.returncode == 0
    assert "session only" in added.stderr and "STUDIO_API_KEY_BARE" in added.stderr
    assert not cli.keyring_file.exists()
    assert cli.files_holding(KEY) == []
    assert last_json(cli("list", "--json", env=no_keyring))[0]["has_key"] is False

    from_environment = cli("list", env={**no_keyring, "STUDIO_API_KEY_BARE": KEY})
    assert "from environment" in from_environment.stdout
    assert all(KEY not in output for output in cli.outputs)


def test_a_relays_markup_and_budgets_are_kept_and_checked(cli: ProfilesCli) -> None:
    added = cli(
        "add", "reseller", "--base-url", "https://relay.example/v1",
        "--price-multiplier", "1.5", "--daily-budget", "2", "--monthly-budget", "30",
        "--budget-currency", "CNY",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    (entry,) = last_json(cli("list", "--json"))
    assert entry["price_multiplier"] == 1.5
    assert (entry["daily_budget"], entry["monthly_budget"]) == (2.0, 30.0)
    assert entry["budget_currency"] == "CNY"
    plain = cli("add", "plain", "--base-url", "https://relay.example/v1")
    assert plain.returncode == 0, plain.stderr
    entry = {e["name"]: e for e in last_json(cli("list", "--json"))}["plain"]
    assert entry["price_multiplier"] == 1.0 and entry["daily_budget"] is None
    for flags, said in (
        (("--price-multiplier", "0"), "price multiplier"),
        (("--daily-budget", "-1"), "daily budget must be a number of at least 0"),
        (("--monthly-budget", "nan"), "monthly budget must be a number of at least 0"),
        (("--budget-currency", "dollars"), "three-letter code"),
    ):
        refused = cli("add", "bad", "--base-url", "https://relay.example/v1", *flags)
        assert refused.returncode == 2 and said in refused.stderr, refused.stderr
    names = [e["name"] for e in last_json(cli("list", "--json"))]
    assert "bad" not in names
