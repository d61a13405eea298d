"""`studio-cli doctor` from the outside: a subprocess against the simulated relay.

Free checks never send a paid request; paid checks run only with --paid (and --yes, or a
confirmation on a terminal), through the engine, recorded in the history. The JSON object on
the last line has exactly the documented shape; exit codes are 0 (every check ran), 1 (the
relay could not be reached) and 2 (bad input).
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from studio.domain.profile import Profile
from studio.paths import config_dir, data_dir
from studio.settings.profiles import ProfileStore
from studio.simulator import SimulatorServer

KEY = "sk-doctor-secret-7c6b5a4d3e2f"
REPORT_KEYS = {"profile", "checks", "spent_estimate"}
CHECK_KEYS = {"name", "ok", "detail", "paid"}
FEATURES = {"paid:mask", "paid:ratio", "paid:n", "paid:transparency"}


def doctor(
    sim_url: str | None,
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") or k.endswith("_DIR")
    }
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        environment.pop(name, None)
    if sim_url:
        environment.update(STUDIO_BASE_URL=sim_url, STUDIO_API_KEY=KEY)
    environment.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "studio.cli", "doctor", *args],
        cwd=cwd,
        env=environment,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert KEY not in result.stdout + result.stderr
    return result


def report(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """The last line, held to the exact documented schema."""
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(data) == REPORT_KEYS
    assert isinstance(data["profile"], str)
    assert isinstance(data["checks"], list) and data["checks"]
    for check in data["checks"]:
        assert set(check) == CHECK_KEYS, check
        assert isinstance(check["name"], str) and check["name"]
        assert check["ok"] in (True, False, None)
        assert isinstance(check["detail"], str) and check["detail"]
        assert isinstance(check["paid"], bool)
    spent = data["spent_estimate"]
    if spent is not None:
        assert set(spent) == {"amount", "currency"}
        assert isinstance(spent["amount"], float) and isinstance(spent["currency"], str)
    names = [check["name"] for check in data["checks"]]
    assert len(names) == len(set(names))
    return data


def by_name(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {check["name"]: check for check in data["checks"]}


def paid(sim: SimulatorServer) -> int:
    return sim.state.stats()["paid_requests"]


def test_free_checks_against_the_simulator(sim: SimulatorServer, tmp_path: Path) -> None:
    result = doctor(sim.url, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = report(result)
    assert data["profile"] == "environment" and data["spent_estimate"] is None
    checks = by_name(data)
    assert not any(check["paid"] for check in checks.values())
    for name in ("reachable", "key", "models", "clock", "proxy"):
        assert checks[name]["ok"] is True, checks[name]
    assert "known to the catalog" in checks["models"]["detail"]
    assert checks["tls"]["ok"] is None  # plain http on this computer: nothing to check
    # The seed's poll route answers "task not exist" for a made-up id: it exists.
    assert checks["async:/v1/images/tasks"]["ok"] is True
    assert "exists" in checks["async:/v1/images/tasks"]["detail"]
    # The simulator answers new-api's billing endpoints: its credit, nothing used yet.
    assert checks["billing:subscription"]["ok"] is True
    assert "100.00 USD" in checks["billing:subscription"]["detail"]
    assert checks["billing:usage"]["ok"] is True
    assert "0.00 USD" in checks["billing:usage"]["detail"]
    assert paid(sim) == 0
    paths = [entry.path for entry in sim.state.log()]
    assert "/v1/dashboard/billing/subscription" in paths
    assert "/v1/dashboard/billing/usage" in paths
    (usage,) = [entry for entry in sim.state.log() if entry.path.endswith("/usage")]
    assert set(usage.query) == {"start_date", "end_date"}
    assert all(entry.method == "GET" for entry in sim.state.log())


def test_a_relay_without_billing_endpoints_is_not_offered(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_personalities("no-billing")
    result = doctor(sim.url, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    checks = by_name(report(result))
    for name in ("billing:subscription", "billing:usage"):
        assert checks[name]["ok"] is None
        assert "not offered" in checks[name]["detail"].lower()


def test_text_output_is_one_line_per_check(sim: SimulatorServer, tmp_path: Path) -> None:
    result = doctor(sim.url, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    data = report(doctor(sim.url, "--json", cwd=tmp_path))
    for check in data["checks"]:
        assert sum(check["name"] in line.split() for line in lines) == 1, check["name"]
    assert any(line.split()[0] == "ok" and "reachable" in line for line in lines)


def test_a_wrong_key_is_found_and_exit_is_0(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.state.api_key = "sk-the-right-one-000000"
    result = doctor(sim.url, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    checks = by_name(report(result))
    assert checks["reachable"]["ok"] is True
    assert checks["key"]["ok"] is False
    assert "did not accept" in checks["key"]["detail"] or "refused" in checks["key"]["detail"]


def test_a_closed_port_exits_1(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = doctor(f"http://127.0.0.1:{port}", "--json", cwd=tmp_path)
    assert result.returncode == 1
    checks = by_name(report(result))
    assert checks["reachable"]["ok"] is False
    assert "key" not in checks  # nothing else could be asked


def test_bad_input_exits_2(sim: SimulatorServer, tmp_path: Path) -> None:
    unknown = doctor(sim.url, "--profile", "nowhere", cwd=tmp_path)
    assert unknown.returncode == 2 and "There is no profile named nowhere" in unknown.stderr
    no_terminal = doctor(sim.url, "--paid", cwd=tmp_path)
    assert no_terminal.returncode == 2 and "--yes" in no_terminal.stderr
    nothing = doctor(None, cwd=tmp_path)
    assert nothing.returncode == 2 and "No relay is configured" in nothing.stderr
    assert paid(sim) == 0 and sim.state.log() == []


def test_paid_checks_run_through_the_engine_and_pass(sim: SimulatorServer, tmp_path: Path) -> None:
    result = doctor(sim.url, "--paid", "--yes", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = report(result)
    checks = by_name(data)
    # Nothing used with this relay yet: one generation with the cheapest model it offers.
    generations = [name for name in checks if name.startswith("paid:generate:")]
    assert len(generations) == 1
    paid_names = {*generations, *FEATURES}
    assert {name for name, check in checks.items() if check["paid"]} == paid_names
    for name in paid_names:
        assert checks[name]["ok"] is True, checks[name]
    assert checks["reachable"]["paid"] is False
    spent = data["spent_estimate"]
    assert spent is not None and spent["currency"] == "USD" and spent["amount"] > 0
    # One request per paid check (n=2 is one request), each recorded in the history.
    assert paid(sim) == len(paid_names)
    with sqlite3.connect(data_dir() / "history.sqlite3") as db:
        states = [row[0] for row in db.execute("SELECT state FROM jobs")]
    assert states == ["succeeded"] * len(paid_names)


def test_an_ignored_mask_is_reported(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("ignore-mask")
    result = doctor(sim.url, "--paid", "--yes", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    checks = by_name(report(result))
    assert checks["paid:mask"]["ok"] is False
    assert "outside the mask" in checks["paid:mask"]["detail"]
    assert checks["paid:ratio"]["ok"] is True


def test_an_ignored_ratio_is_reported(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("ignore-ratio")
    checks = by_name(report(doctor(sim.url, "--paid", "--yes", "--json", cwd=tmp_path)))
    assert checks["paid:ratio"]["ok"] is False
    assert checks["paid:mask"]["ok"] is True


def test_the_protocols_used_before_are_generated_again(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    env = {"STUDIO_BASE_URL": sim.url, "STUDIO_API_KEY": KEY}
    generated = subprocess.run(
        [
            sys.executable,
            "-m",
            "studio.cli",
            "generate",
            "--prompt",
            "a fox",
            "--model",
            "gemini-2.5-flash-image",
            "--out",
            str(tmp_path / "out"),
        ],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert generated.returncode == 0, generated.stderr
    before = paid(sim)
    checks = by_name(report(doctor(sim.url, "--paid", "--yes", "--json", cwd=tmp_path)))
    assert checks["paid:generate:gemini"]["ok"] is True
    assert "gemini-2.5-flash-image" in checks["paid:generate:gemini"]["detail"]
    assert "paid:generate:images" not in checks  # not used with this relay yet
    generate_names = [name for name in checks if name.startswith("paid:generate:")]
    assert generate_names == ["paid:generate:gemini"]
    assert paid(sim) - before == 1 + 4


def test_the_terminal_confirmation_shows_the_estimate(sim: SimulatorServer, tmp_path: Path) -> None:
    """A pseudo-terminal stands in for the user: "n" runs nothing paid."""
    script = (
        "import os, pty, sys\n"
        "argv = [sys.executable, '-m', 'studio.cli', 'doctor', '--paid']\n"
        "pid, fd = pty.fork()\n"
        "if pid == 0:\n"
        "    os.execvp(argv[0], argv)\n"
        "seen = b''\n"
        "while b'[y/N]' not in seen:\n"
        "    chunk = os.read(fd, 1024)\n"
        "    if not chunk: break\n"
        "    seen += chunk\n"
        "os.write(fd, b'n\\n')\n"
        "while True:\n"
        "    try:\n"
        "        chunk = os.read(fd, 1024)\n"
        "    except OSError:\n"
        "        break\n"
        "    if not chunk: break\n"
        "    seen += chunk\n"
        "_, status = os.waitpid(pid, 0)\n"
        "sys.stdout.write(seen.decode('utf-8', 'replace'))\n"
        "sys.exit(os.waitstatus_to_exitcode(status))\n"
    )
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") or k.endswith("_DIR")
    }
    environment.update(STUDIO_BASE_URL=sim.url, STUDIO_API_KEY=KEY)
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "USD" in result.stdout and "[y/N]" in result.stdout
    assert "paid:mask" in result.stdout and "Estimated cost: about 0.0" in result.stdout
    assert paid(sim) == 0
    assert "paid checks were not run" in result.stdout.lower()


def test_a_saved_profile_stores_its_findings_without_the_key(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    ProfileStore().add(Profile("my relay", sim.url))  # the key comes from the environment
    env = {"STUDIO_API_KEY_MY_RELAY": KEY}
    result = doctor(None, "--profile", "my relay", "--json", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert report(result)["profile"] == "my relay"
    stored = json.loads((config_dir() / "doctor.json").read_text("utf-8"))
    record = stored["relays"]["my relay"]
    assert record["checked_at"]
    assert {check["name"] for check in record["checks"]} >= {"reachable", "key", "models"}
    for path in config_dir().rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes()
