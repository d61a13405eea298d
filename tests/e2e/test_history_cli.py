"""History, models, --from-image and the key's absence, through `studio-cli` subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from studio.imaging import provenance
from studio.simulator import SimulatorServer
from tests.helpers.keyring_backend import BACKEND_PATH, KEYRING_FILE_VARIABLE

ROOT = Path(__file__).resolve().parents[2]
KEY = "sk-history-secret-7f6e5d4c3b"


class Cli:
    """`studio-cli` with a profile named "relay" whose key lives in the (file-backed) keyring."""

    def __init__(self, sim: SimulatorServer, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("STUDIO_API_KEY", "STUDIO_BASE_URL"))
        }
        self.env.update(
            PYTHONPATH=str(ROOT),
            PYTHON_KEYRING_BACKEND=BACKEND_PATH,
            **{KEYRING_FILE_VARIABLE: str(tmp_path / "keyring.json")},
        )
        self.outputs: list[str] = []
        added = self(
            "profiles",
            "add",
            "relay",
            "--base-url",
            f"{sim.url}/v1",
            "--key-stdin",
            stdin=KEY + "\n",
        )
        assert added.returncode == 0, added.stderr

    def __call__(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "studio.cli", *args],
            cwd=self.tmp_path,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        self.outputs += [result.stdout, result.stderr]
        assert "Traceback" not in result.stderr
        return result

    def json(self, *args: str) -> object:
        result = self(*args)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def cli(sim: SimulatorServer, tmp_path: Path) -> Cli:
    return Cli(sim, tmp_path)


def _generate(cli: Cli, prompt: str, *extra: str) -> dict:
    return cli.json(
        "generate",
        "--profile",
        "relay",
        "--prompt",
        prompt,
        "--model",
        "gpt-image-1",
        "--out",
        "out",
        "--json",
        *extra,
    )


def test_history_list_search_show_export(cli: Cli, sim: SimulatorServer, tmp_path: Path) -> None:
    first = _generate(cli, "a snow leopard on a cliff")
    second = _generate(cli, "一只在屋顶上的猫", "--ratio", "3:2")
    sim.set_faults("502")
    failed = cli(
        "generate", "--profile", "relay", "--prompt", "a broken one", "--model", "flux", "--json"
    )
    assert failed.returncode == 1
    sim.set_faults("")

    jobs = cli.json("history", "list", "--json")
    assert [j["job_id"] for j in jobs[1:]] == [second["job_id"], first["job_id"]]
    for job in jobs:
        assert {"job_id", "prompt", "model", "status", "created_at", "images"} <= set(job)
    assert jobs[0]["status"] == "failed" and "502" in jobs[0]["error"]
    assert [j["prompt"] for j in cli.json("history", "list", "--json", "--search", "屋顶")] == [
        "一只在屋顶上的猫"
    ]
    assert [j["prompt"] for j in cli.json("history", "list", "--json", "--search", "leopard")] == [
        "a snow leopard on a cliff"
    ]
    assert [j["status"] for j in cli.json("history", "list", "--json", "--status", "failed")] == [
        "failed"
    ]
    assert len(cli.json("history", "list", "--json", "--limit", "1")) == 1

    stored = Path(jobs[1]["images"][0]["path"])
    assert stored.is_file() and jobs[1]["images"][0]["width"] == 1536

    shown = cli.json("history", "show", second["job_id"][:12], "--json")
    assert shown["parameters"]["ratio"] == "3:2" and shown["protocol"] == "images"

    exported = cli("history", "export", first["job_id"], second["job_id"], "--out", "exported")
    paths = [Path(line) for line in exported.stdout.split()]
    assert len(paths) == 2 and all(p.parent.name == "exported" for p in paths)
    record = provenance.read(paths[1])
    assert record is not None and record.prompt == "一只在屋顶上的猫" and record.profile == "relay"
    assert record.parameters["ratio"] == "3:2"
    with Image.open(paths[1]) as exported_image, Image.open(stored) as original:
        assert exported_image.tobytes() == original.tobytes()  # pixels untouched


def test_trash_restore_purge(cli: Cli) -> None:
    job = _generate(cli, "to the trash")
    stored = Path(cli.json("history", "list", "--json")[0]["images"][0]["path"])
    assert cli("history", "purge", job["job_id"]).returncode == 1  # not in the trash yet
    assert stored.is_file()
    assert cli("history", "trash", job["job_id"]).returncode == 0
    assert cli.json("history", "list", "--json") == []
    assert [j["job_id"] for j in cli.json("history", "list", "--json", "--trash")] == [
        job["job_id"]
    ]
    assert cli("history", "restore", job["job_id"]).returncode == 0
    assert len(cli.json("history", "list", "--json")) == 1
    cli("history", "trash", job["job_id"])
    assert cli("history", "purge", job["job_id"]).returncode == 0
    assert cli.json("history", "list", "--json", "--trash") == []
    assert not stored.exists()
    assert cli("history", "show", job["job_id"]).returncode == 2


def test_from_image_restores_the_settings(cli: Cli, sim: SimulatorServer, tmp_path: Path) -> None:
    ref = tmp_path / "ref.png"
    Image.new("RGB", (640, 480), (30, 90, 150)).save(ref)
    made = _generate(cli, "a lamp by the window", "--ref", str(ref), "--quality", "high")
    sim.reset()
    again = cli.json(
        "generate",
        "--profile",
        "relay",
        "--from-image",
        made["images"][0]["path"],
        "--out",
        "again",
        "--json",
    )
    assert again["status"] == "succeeded"
    (entry,) = [e for e in sim.log() if e.kind == "paid"]
    assert entry.fields["prompt"] == "a lamp by the window" and entry.fields["quality"] == "high"
    assert [p["name"] for p in entry.parts] == ["image"]  # the reference came back from history
    not_ours = tmp_path / "plain.png"
    Image.new("RGB", (8, 8)).save(not_ours)
    refused = cli("generate", "--profile", "relay", "--from-image", str(not_ours), "--json")
    assert refused.returncode == 2 and "carries no studio settings" in refused.stderr


def test_models_merges_the_catalog_with_the_relay(cli: Cli) -> None:
    models = cli.json("models", "--profile", "relay", "--json")
    by_id = {m["id"]: m for m in models}
    assert by_id["gpt-image-1"]["known"] and by_id["gpt-image-1"]["offered"] is True
    assert by_id["nano-banana-2"]["protocols"][0] == "images"
    offline = json.loads(cli("models", "--json").stdout.strip().splitlines()[-1])
    assert {m["offered"] for m in offline} == {None}


def test_the_key_is_nowhere_on_disk(cli: Cli, sim: SimulatorServer, tmp_path: Path) -> None:
    _generate(cli, "secret keeping")
    sim.set_faults("401")
    cli("generate", "--profile", "relay", "--prompt", "refused", "--model", "gpt-image-1", "--json")
    sim.set_faults("")
    job = cli.json("history", "list", "--json")[-1]
    cli("history", "export", job["job_id"], "--out", "exported")
    cli("profiles", "test", "relay")
    searched: list[str] = []
    folders = [
        Path(os.environ[v]) for v in ("STUDIO_DATA_DIR", "STUDIO_CONFIG_DIR", "STUDIO_LOG_DIR")
    ]
    for folder in [*folders, tmp_path / "out", tmp_path / "exported"]:
        for file in folder.rglob("*"):
            if file.is_file():
                searched.append(file.name)
                data = file.read_bytes()
                assert KEY.encode() not in data, file
                assert sim.url.encode() not in data or (
                    file.suffix in (".json",) and "profiles" in file.name
                ), file
    for expected in ("history.sqlite3", "profiles.json", "studio.log"):
        assert expected in searched
    assert sum(name.endswith(".png") for name in searched) >= 3  # stored, out, exported
    assert not any(KEY in output for output in cli.outputs)
    assert (Path(os.environ["STUDIO_LOG_DIR"]) / "studio.log").is_file()


@pytest.mark.parametrize(("fmt", "embedded"), [("jpeg", True), ("webp", False)])
def test_jpeg_and_webp_results_carry_their_settings(cli: Cli, fmt: str, embedded: bool) -> None:
    made = _generate(cli, f"a {fmt} result", "--output-format", fmt)
    path = Path(made["images"][0]["path"])
    assert path.suffix == {"jpeg": ".jpg", "webp": ".webp"}[fmt]
    sidecar = provenance.sidecar_path(path)
    assert sidecar.exists() is not embedded
    found = provenance.read(path)
    assert found is not None and found.prompt == f"a {fmt} result"
    assert found.parameters["output_format"] == fmt
