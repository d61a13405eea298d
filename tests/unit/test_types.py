"""The Qt-free core type-checks: mypy, strict, over the files listed in pyproject.toml's
[tool.mypy] (the window, the command line and the simulated relay are left out on purpose)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import studio

PACKAGE = Path(studio.__file__).parent
ROOT = PACKAGE.parent  # pyproject.toml, whose [tool.mypy] says what is checked and how
UNCHECKED = {"ui", "cli", "simulator", "app.py", "__main__.py", "__init__.py", "py.typed"}

pytestmark = pytest.mark.slow  # about 6 s per mypy run (no cache: nothing is written in the tree)


def _mypy(root: Path, cache: Path) -> tuple[int, str]:
    """``mypy`` as configured by the pyproject.toml under ``root``, run from there."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "pyproject.toml", "--cache-dir", cache],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def _configured_files() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        files: list[str] = tomllib.load(file)["tool"]["mypy"]["files"]
    return files


def test_the_whole_core_is_listed() -> None:
    """A new package or module beside the faces is type-checked from the start."""
    listed = {Path(name).relative_to("studio").as_posix() for name in _configured_files()}
    core = {
        child.name
        for child in PACKAGE.iterdir()
        if child.name not in UNCHECKED
        and (child.suffix == ".py" or (child / "__init__.py").is_file())
    }
    assert len(core) >= 10
    assert listed == core


def test_the_core_type_checks(tmp_path: Path) -> None:
    code, report = _mypy(ROOT, tmp_path / "cache")
    assert code == 0, report
    checked = re.search(r"Success: no issues found in (\d+) source files", report)
    assert checked is not None, report
    expected = sum(
        len(list((ROOT / name).rglob("*.py"))) if (ROOT / name).is_dir() else 1
        for name in _configured_files()
    )
    assert int(checked.group(1)) == expected, report


WRONG = '''"""Two mistakes: a plain type error, and one only strict mode reports."""

number: int = "a"


def untyped(value):
    return value
'''


def test_a_type_error_in_the_core_fails_the_check(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(PACKAGE, copy / "studio", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy)
    (copy / "studio" / "engine" / "_wrong.py").write_text(WRONG, encoding="utf-8")
    code, report = _mypy(copy, tmp_path / "cache")
    assert code == 1, report
    wrong = [line for line in report.splitlines() if "_wrong.py" in line]
    assert any(line.endswith("[assignment]") and ":3: error:" in line for line in wrong), report
    assert any(line.endswith("[no-untyped-def]") for line in wrong), report
