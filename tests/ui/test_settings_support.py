"""Shared pieces of the settings dialog tests (no tests here): a file-backed OS keyring, the
dialog, user-like input and what ended up on disk."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring.core
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from studio.paths import config_dir
from studio.settings.profiles import PROFILES_FILE
from studio.ui.settings.dialog import SettingsDialog
from tests.helpers.keyring_backend import FileKeyring
from tests.ui.conftest import Harness


def collect_garbage() -> Iterator[None]:
    """After the test, collect reference cycles here, on the GUI thread: the harness leaves
    cycles holding qasync's timers, and a collection that happens to run on a worker thread
    (asyncio.to_thread) would destroy them there ("Timers cannot be stopped from another
    thread")."""
    yield
    gc.collect()


def use_keyring(monkeypatch: pytest.MonkeyPatch, backend: Any) -> None:
    """Make ``backend`` what ``keyring.get_keyring()`` returns for this test."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)


def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FileKeyring:
    """The "OS keyring" for this test: a JSON file (tests/helpers/keyring_backend.py)."""
    backend = FileKeyring(tmp_path / "os-keyring.json")
    use_keyring(monkeypatch, backend)
    return backend


def open_dialog(harness: Harness) -> SettingsDialog:
    parent = harness.keep(QWidget())
    dialog = SettingsDialog(harness.services, parent)
    dialog.open()
    QApplication.processEvents()
    return dialog


def click(button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(edit: QLineEdit, text: str) -> None:
    """Replace the field's text by typing, as a user would."""
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    QTest.keyClicks(edit, text)


def saved_profiles() -> dict[str, dict[str, Any]]:
    path = config_dir() / PROFILES_FILE
    if not path.exists():
        return {}
    return {entry["name"]: entry for entry in json.loads(path.read_text("utf-8"))["profiles"]}


def profiles_file_text() -> str:
    path = config_dir() / PROFILES_FILE
    return path.read_text("utf-8") if path.exists() else ""
