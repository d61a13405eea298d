"""The layer order holds: Qt stays in studio/ui and the entry points (the rest must work with Qt
uninstalled), and the import contracts in pyproject.toml (import-linter) are kept."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import studio

PACKAGE = Path(studio.__file__).parent
ROOT = PACKAGE.parent  # pyproject.toml, whose [tool.importlinter] holds the contracts
QT_MODULES = ("PySide6", "qasync", "shiboken6")
ALLOWED = ("ui/", "app.py", "__main__.py")


def _non_ui_modules() -> list[Path]:
    return [
        path
        for path in PACKAGE.rglob("*.py")
        if not path.relative_to(PACKAGE).as_posix().startswith(ALLOWED)
    ]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_qt_import_in_the_source_outside_the_ui() -> None:
    modules = _non_ui_modules()
    assert len(modules) > 20  # the scan really looked at the package
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(_imports(path) & set(QT_MODULES))
        for path in modules
        if _imports(path) & set(QT_MODULES)
    }
    assert offenders == {}


BLOCKER = """
import importlib, importlib.abc, pkgutil, sys

class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {blocked!r}:
            raise ImportError("Qt imported outside studio/ui: " + name)
        return None

sys.meta_path.insert(0, NoQt())
import studio
loaded = 0
for info in pkgutil.walk_packages(studio.__path__, "studio."):
    relative = info.name.removeprefix("studio.").replace(".", "/")
    if relative.startswith("ui") or relative == "app" or relative.endswith("__main__"):
        continue
    importlib.import_module(info.name)
    loaded += 1
print(loaded)
"""


def test_every_non_ui_module_imports_with_qt_blocked() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER.format(blocked=set(QT_MODULES))],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 20


LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` over the package under ``root``, with the contracts of the
    pyproject.toml there (no cache: nothing is written into the tree)."""
    return subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--no-cache"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_import_contracts_are_kept() -> None:
    result = _lint_imports(ROOT)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "BROKEN" not in report
    assert report.count(" KEPT") >= 4, report  # the floors, no circles, Qt, the picture room


@pytest.mark.parametrize(
    ("module", "source", "broken"),
    [
        # siblings on one floor: the engine names settings' types as Protocols instead
        ("engine/_crossing.py", "from studio.settings import quirks", "The floors"),
        # a climb: the store asking the engine (as files.py/workers.py once made it)
        ("store/_climbing.py", "from studio.engine import manager", "The floors"),
        # a circle inside a room
        ("simulator/_circle.py", "from studio.simulator import call", "No circles"),
        ("protocols/_qt.py", "import PySide6", "Qt stays in the window"),
    ],
)
def test_a_broken_contract_fails_the_check(
    tmp_path: Path, module: str, source: str, broken: str
) -> None:
    shutil.copytree(PACKAGE, tmp_path / "studio", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    if broken == "No circles":  # call.py imports it back
        call = tmp_path / "studio" / "simulator" / "call.py"
        call.write_text(
            call.read_text(encoding="utf-8") + "\nfrom studio.simulator import _circle\n",
            encoding="utf-8",
        )
    (tmp_path / "studio" / module).write_text(source + "\n", encoding="utf-8")
    result = _lint_imports(tmp_path)
    report = result.stdout + result.stderr
    assert result.returncode != 0, report
    assert f"{broken}" in report.split("Broken contracts")[-1], report
