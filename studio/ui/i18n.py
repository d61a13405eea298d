"""Languages: English source strings, 简体中文 from ``resources/translations/studio_zh_CN.ts``.

The .ts is compiled to .qm by the build (``packaging``) and, in a source checkout, on first
use into the cache folder with the ``lrelease`` that ships with PySide6.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from studio.domain.errors import StudioError
from studio.domain.notice import Notice
from studio.paths import APP_NAME, resources_dir

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
_installed: list[QTranslator] = []


def system_language() -> str:
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def choose(requested: str | None, saved: str | None) -> str:
    for candidate in (requested, saved):
        if candidate in LANGUAGES:
            return candidate
    return system_language()


def _lrelease() -> Path | None:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (
        folder / "lrelease",
        folder / "lrelease.exe",
        folder / "Qt" / "bin" / "lrelease",
    ):
        if candidate.is_file():
            return candidate
    return None


def compile_translation(source: Path, target: Path) -> bool:
    tool = _lrelease()
    if tool is None:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [str(tool), "-silent", str(source), "-qm", str(target)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    if result.returncode != 0:
        log.warning("lrelease failed for %s: %s", source, result.stderr.strip())
    return result.returncode == 0 and target.is_file()


def compiled(language: str) -> Path | None:
    """The .qm for ``language``: shipped, or compiled from the .ts when that is newer."""
    folder = resources_dir() / "translations"
    shipped = folder / f"studio_{language}.qm"
    source = folder / f"studio_{language}.ts"
    if shipped.is_file() and (
        not source.is_file() or shipped.stat().st_mtime >= source.stat().st_mtime
    ):
        return shipped
    if not source.is_file():
        return None
    cached = (
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "translations" / shipped.name
    )
    if cached.is_file() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    return cached if compile_translation(source, cached) else None


def install(language: str) -> None:
    """Load Qt's own and the studio's translations for ``language`` (English needs none)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        return
    qt = QTranslator()
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    ours = QTranslator()
    path = compiled(language)
    if path is not None and ours.load(str(path)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no %s translation could be loaded", language)


def message(item: StudioError | Notice) -> str:
    """An engine message in the user's language, its parameters filled in.

    Parameters that are themselves marked words (an operation, an option name) are translated
    too; anything else (names, numbers, the relay's text) is shown as it is.
    """
    context = "Errors" if isinstance(item, StudioError) else "Warnings"
    template = QCoreApplication.translate(context, item.template)
    params = {
        key: QCoreApplication.translate(context, value) if isinstance(value, str) else value
        for key, value in item.params.items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return item.message


def billing_note(error: StudioError) -> str:
    """What a failure cost, in the user's language ("" while undecided)."""
    note = error.billing_note
    return QCoreApplication.translate("Errors", note) if note else ""
