"""Qt stays in studio/ui and the entry points: the rest must work with Qt uninstalled."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import studio

PACKAGE = Path(studio.__file__).parent
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
