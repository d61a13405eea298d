"""`studio` as a user starts it: flags, demo mode, ready time, screenshot, language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image


def studio(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "studio", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=False,
    )


def test_quit_after_ready_prints_the_time(tmp_path: Path) -> None:
    result = studio("--demo", "--data-dir", str(tmp_path / "data"), "--quit-after-ready")
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("ready_ms:")]
    assert 0 < int(line.split(":")[1]) < 60_000
    assert "Traceback" not in result.stderr
    assert (tmp_path / "data" / "history.sqlite3").is_file()


def test_demo_uses_its_own_data_folder(tmp_path: Path) -> None:
    result = studio("--demo", "--quit-after-ready", env={"STUDIO_DATA_DIR": str(tmp_path / "d")})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "d" / "demo" / "history.sqlite3").is_file()
    assert not (tmp_path / "d" / "history.sqlite3").exists()


def test_screenshot_in_both_languages(tmp_path: Path) -> None:
    for language in ("en", "zh_CN"):
        shot = tmp_path / f"{language}.png"
        result = studio(
            "--demo",
            "--data-dir",
            str(tmp_path / "data"),
            "--lang",
            language,
            "--screenshot",
            str(shot),
        )
        assert result.returncode == 0, result.stderr
        with Image.open(shot) as image:
            assert image.width >= 800 and image.height >= 500
            assert len(image.convert("L").resize((64, 40)).getcolors(4096) or []) > 8  # not blank


def test_bad_flags_are_refused_plainly(tmp_path: Path) -> None:
    result = studio("--lang", "klingon")
    assert result.returncode == 2 and "invalid choice" in result.stderr
