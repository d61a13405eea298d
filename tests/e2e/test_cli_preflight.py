"""`studio-cli generate` checks everything it can before the relay is paid (issue 10).

Each refusal: exit code 2, a message naming the cause, and not one request to the relay.
Also: options a protocol cannot carry are named in the warnings, and an image's provenance
cannot steer what is sent.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from studio.imaging.provenance import Provenance, embed, read
from studio.simulator import SimulatorServer
from tests.helpers.keyring_backend import BACKEND_PATH, KEYRING_FILE_VARIABLE, FileKeyring

ROOT = Path(__file__).resolve().parents[2]
KEY = "sk-preflight-secret-0a1b2c3d"


def run(
    sim: SimulatorServer | None,
    *args: str | bytes,
    cwd: Path,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") or k.endswith("_DIR")
    }
    environment["PYTHONPATH"] = str(ROOT)
    if sim is not None:
        environment.update(STUDIO_BASE_URL=sim.url, STUDIO_API_KEY=KEY)
    environment.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "studio.cli", *args],
        cwd=cwd,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        errors="backslashreplace",
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr + result.stdout
    assert "internal error" not in result.stderr
    return result


def generate(sim: SimulatorServer | None, *args: str | bytes, cwd: Path, **options):
    return run(sim, "generate", *args, cwd=cwd, **options)


def summary(result: subprocess.CompletedProcess[str]) -> dict:
    return json.loads(result.stdout.strip().splitlines()[-1])


def refused(result: subprocess.CompletedProcess[str], sim: SimulatorServer, needle: str) -> None:
    assert result.returncode == 2, result.stderr
    assert needle in result.stderr
    assert sim.log() == []  # not one request reached the relay
    assert KEY not in result.stdout + result.stderr


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder that exists and cannot be written, even by root (sysfs refuses new files)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    candidates = [folder, Path("/sys/kernel")]
    for candidate in candidates:
        try:
            probe = candidate / ".probe"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError:
            return candidate
    pytest.skip("no folder here refuses writes (running as root without sysfs)")


# -- folders -------------------------------------------------------------------------------------


def test_a_missing_out_folder_is_created(sim: SimulatorServer, tmp_path: Path) -> None:
    result = generate(
        sim, "--prompt", "x", "--model", "gpt-image-1", "--out", "new/deeper", "--json",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (image,) = summary(result)["images"]
    assert Path(image["path"]).parent == (tmp_path / "new" / "deeper").resolve()


def test_an_out_folder_that_cannot_be_made_is_refused(sim: SimulatorServer, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    result = generate(
        sim, "--prompt", "x", "--model", "gpt-image-1", "--out", "a-file/results", "--json",
        cwd=tmp_path,
    )  # fmt: skip
    refused(result, sim, "cannot be created or written")
    assert "a-file/results" in result.stderr and "Choose another with --out" in result.stderr
    assert summary(result)["status"] == "failed"


def test_an_out_folder_that_cannot_be_written_is_refused(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    folder = unwritable_folder(tmp_path)
    result = generate(
        sim, "--prompt", "x", "--model", "gpt-image-1", "--out", str(folder), cwd=tmp_path
    )
    refused(result, sim, f"The results folder {folder} cannot be created or written")


def test_a_data_folder_that_cannot_be_written_is_refused(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    folder = unwritable_folder(tmp_path)
    for how in (["--data-dir", str(folder)], []):
        result = generate(
            sim, "--prompt", "x", "--model", "gpt-image-1", *how, "--json", cwd=tmp_path,
            env={"STUDIO_DATA_DIR": str(folder)},
        )  # fmt: skip
        refused(result, sim, f"The data folder {folder} cannot be created or written")
        assert "--data-dir or STUDIO_DATA_DIR" in result.stderr
    inside = folder / "studio-data"
    result = generate(
        sim, "--prompt", "x", "--model", "gpt-image-1", "--data-dir", str(inside), cwd=tmp_path
    )
    refused(result, sim, f"The data folder {inside} cannot be created or written")


# -- the key ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "named"),
    [
        ("sk-first-half\nsecond-half", "contains a line break"),
        ("sk-abc\u200bdef123456", "contains a zero-width space (U+200B)"),
        ("sk-abc\ufeffdef123456", "contains a byte order mark (U+FEFF)"),
        ("sk-abcédef123456", "contains the non-ASCII character “é” (U+00E9)"),
        ("sk-abc\x07def123456", "contains a control character (U+0007)"),
    ],
)
def test_a_key_that_cannot_travel_in_a_header_is_never_sent(
    sim: SimulatorServer, tmp_path: Path, key: str, named: str
) -> None:
    result = generate(
        sim, "--prompt", "x", "--model", "gpt-image-1", "--json", cwd=tmp_path,
        env={"STUDIO_API_KEY": key},
    )  # fmt: skip
    refused(result, sim, "The API key " + named)
    assert summary(result)["status"] == "failed"
    assert not list((Path(os.environ["STUDIO_DATA_DIR"])).glob("**/*.sqlite3-journal"))


def test_profiles_add_refuses_such_a_key_and_stores_nothing(tmp_path: Path) -> None:
    keyring_file = tmp_path / "keyring.json"
    env = {"PYTHON_KEYRING_BACKEND": BACKEND_PATH, KEYRING_FILE_VARIABLE: str(keyring_file)}
    result = run(
        None, "profiles", "add", "relay", "--base-url", "https://relay.example/v1",
        "--key-stdin", cwd=tmp_path, env=env, stdin="sk-abc\u200bdef123456\n",
    )  # fmt: skip
    assert result.returncode == 2
    assert "The API key contains a zero-width space (U+200B)" in result.stderr
    assert FileKeyring(keyring_file).entries().get("studio", {}) == {}
    ok = run(
        None, "profiles", "add", "relay", "--base-url", "https://relay.example/v1",
        "--key-stdin", cwd=tmp_path, env=env, stdin=KEY + "\n",
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert FileKeyring(keyring_file).entries()["studio"] == {"relay": KEY}


# -- text that is not UTF-8 --------------------------------------------------------------------


def test_a_prompt_with_bytes_that_are_not_utf8_is_refused(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    result = generate(
        sim, "--prompt", b"caf\xe9 au lait", "--model", "gpt-image-1", "--json", cwd=tmp_path
    )
    refused(result, sim, "The prompt contains bytes that are not UTF-8 text")
    assert summary(result)["status"] == "failed"


def test_a_negative_prompt_with_bytes_that_are_not_utf8_is_refused(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    result = generate(
        sim, "--prompt", "x", "--negative-prompt", b"\xff\xfe", "--model", "ideogram",
        cwd=tmp_path,
    )  # fmt: skip
    refused(result, sim, "The negative prompt contains bytes that are not UTF-8 text")


def test_file_names_with_bytes_that_are_not_utf8_are_refused(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    folder = os.fsencode(tmp_path)
    ref, mask = folder + b"/ref-\xff.png", folder + b"/mask-\xfe.png"
    with open(ref, "wb") as file:
        Image.new("RGB", (64, 48), (1, 2, 3)).save(file, "PNG")
    with open(mask, "wb") as file:
        Image.new("L", (64, 48), 255).save(file, "PNG")
    result = generate(sim, "--prompt", "x", "--model", "gpt-image-1", "--ref", ref, cwd=tmp_path)
    refused(result, sim, "The file name of reference image 1 contains bytes that are not UTF-8")
    good = tmp_path / "good.png"
    Image.new("RGB", (64, 48), (1, 2, 3)).save(good)
    result = generate(
        sim, "--prompt", "x", "--model", "gpt-image-1", "--ref", str(good), "--mask", mask,
        cwd=tmp_path,
    )  # fmt: skip
    refused(result, sim, "The mask's file name contains bytes that are not UTF-8")


# -- provenance -----------------------------------------------------------------------------------


def test_secrets_in_a_negative_prompt_never_fail_after_payment(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    """Refused before sending, or sent and exported with the secret left out: never an error
    once the relay was paid."""
    secret = "https://cdn.example/x.png?token=abcdef123456"
    result = generate(
        sim, "--prompt", "x", "--model", "ideogram", "--negative-prompt", f"not like {secret}",
        "--json", cwd=tmp_path,
    )  # fmt: skip
    if result.returncode == 2:
        assert sim.log() == []
        return
    assert result.returncode == 0, result.stderr
    (image,) = summary(result)["images"]
    record = read(Path(image["path"]))
    assert record is not None and "abcdef123456" not in record.to_json()


# -- options a protocol cannot carry, and what an image may restore ------------------------------


def test_an_option_chat_cannot_carry_is_named_in_the_warnings(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    result = generate(
        sim, "--prompt", "a red kite", "--model", "gpt-image-1", "--protocol", "chat",
        "--quality", "high", "--json", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    warnings = summary(result)["warnings"]
    assert "The quality high is not sent through chat: the model decides." in warnings
    assert "warning: The quality high is not sent through chat" in result.stderr
    (entry,) = [e for e in sim.log() if e.kind == "paid"]
    assert "quality" not in entry.body and entry.body["model"] == "gpt-image-1"


def _hostile_png(tmp_path: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (9, 9, 9)).save(buffer, "PNG")
    record = Provenance(
        job_id="job-hostile",
        prompt="a quiet harbour",
        model="gpt-image-1",
        protocol="images",
        parameters={
            "n": "10",  # a string: not a number of images
            "size": "1024x1024",
            "quality": "low",
            "output_format": "tiff",  # not a format the studio offers
            "extra": {
                "model": "dall-e-3",
                "n": 10,
                "size": "256x256",
                "quality": "hd",
                "prompt": "something else",
            },
        },
    )
    data, sidecar = embed(buffer.getvalue(), record)
    assert sidecar is None
    path = tmp_path / "hostile.png"
    path.write_bytes(data)
    return path


def test_a_crafted_image_cannot_steer_the_request(sim: SimulatorServer, tmp_path: Path) -> None:
    image = _hostile_png(tmp_path)
    result = generate(sim, "--from-image", str(image), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (entry,) = [e for e in sim.log() if e.kind == "paid"]
    assert entry.body["model"] == "gpt-image-1" and entry.body["prompt"] == "a quiet harbour"
    assert entry.body["size"] == "1024x1024" and entry.body["quality"] == "low"
    assert "n" not in entry.body and "output_format" not in entry.body
    warnings = " ".join(summary(result)["warnings"])
    assert "number of images (10)" in warnings and "output format (tiff)" in warnings
    assert "extra relay fields (model, n, size, quality, prompt) were not restored" in warnings

    sim.reset()
    result = generate(
        sim, "--from-image", str(image), "--model", "gpt-image-1-mini", "--n", "2",
        "--quality", "high", "--size", "1536x1024", "--json", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (entry,) = [e for e in sim.log() if e.kind == "paid"]
    sent = {key: entry.body.get(key) for key in ("model", "n", "size", "quality")}
    assert sent == {"model": "gpt-image-1-mini", "n": 2, "size": "1536x1024", "quality": "high"}
