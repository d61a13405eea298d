"""Where the studio finds its shipped resources and keeps its user data."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "studio"


@cache
def resources_dir() -> Path:
    """The folder holding models.toml, icons and translations.

    Looked up in order: ``STUDIO_RESOURCES``, a PyInstaller bundle, the source tree (also
    editable installs), and ``<prefix>/share/studio/resources`` for wheel installs.
    """
    candidates: list[Path] = []
    if env := os.environ.get("STUDIO_RESOURCES"):
        candidates.append(Path(env))
    if bundle := getattr(sys, "_MEIPASS", None):
        candidates.append(Path(bundle) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    candidates.append(Path(sys.prefix) / "share" / APP_NAME / "resources")
    for candidate in candidates:
        if (candidate / "models.toml").is_file():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"studio resources not found (looked in {searched})")


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """History, images and caches: ``--data-dir``, then ``STUDIO_DATA_DIR``, then the OS default."""
    chosen = override or os.environ.get("STUDIO_DATA_DIR")
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return path.expanduser()


def config_dir() -> Path:
    """Settings, profiles and user catalog overrides: ``STUDIO_CONFIG_DIR`` or the OS default."""
    chosen = os.environ.get("STUDIO_CONFIG_DIR")
    path = Path(chosen) if chosen else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    return path.expanduser()


def log_dir() -> Path:
    chosen = os.environ.get("STUDIO_LOG_DIR")
    path = Path(chosen) if chosen else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    return path.expanduser()
