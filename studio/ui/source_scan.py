"""PySide6 reads the source of every module imported after it, looking for
``from __feature__ import …`` (which the studio never uses): ~0.1 ms a module, a tenth of the
window's start-up. :func:`skip_own_modules` enters the studio's modules in PySide's table as
what they are — PySide code without features — and so every module already loaded (the
Qt-free core and the standard library the window's modules name again), so none is read.

PySide keeps that table in ``shibokensupport.feature.pyside_feature_dict`` (module name →
0: uses PySide, -1: doesn't). Should a PySide release change it, nothing here breaks: the
modules are simply read again.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import PySide6.QtCore  # noqa: F401 - the table exists once PySide is in


def own_module_names(root: Path, package: str) -> list[str]:
    """Every module of ``package`` (its folder ``root``), by walking the folder once."""
    names = [package]
    stack = [(root, package)]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir() and entry.name.isidentifier():
                stack.append((Path(entry.path), f"{prefix}.{entry.name}"))
                names.append(f"{prefix}.{entry.name}")
            elif entry.name.endswith(".py") and entry.name != "__init__.py":
                names.append(f"{prefix}.{entry.name[:-3]}")
    return names


def skip_own_modules() -> int:
    """How many modules PySide will no longer read (0 when its table isn't there): the
    studio's own, and every module already loaded — none of them uses ``__feature__``."""
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    import studio

    known = dict.fromkeys(own_module_names(Path(studio.__file__).parent, "studio"), 0)
    for name in list(sys.modules):
        known.setdefault(name, 0 if name.startswith(_USE_PYSIDE) else -1)
    added = 0
    for name, value in known.items():
        if name not in table:
            table[name] = value
            added += 1
    return added


_USE_PYSIDE = ("PySide6", "shiboken6", "qasync")
