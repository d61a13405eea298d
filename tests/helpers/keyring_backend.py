"""A stand-in for the OS keyring in tests: passwords in a JSON file.

Select it in a subprocess with ``PYTHON_KEYRING_BACKEND=tests.helpers.keyring_backend.FileKeyring``
and ``STUDIO_TEST_KEYRING_FILE=/tmp/.../keyring.json`` so that several CLI runs share it (the
repository root must be importable). ``PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring``
is the "no keyring at all" mode.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from jaraco.classes.properties import classproperty
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

KEYRING_FILE_VARIABLE = "STUDIO_TEST_KEYRING_FILE"
BACKEND_PATH = "tests.helpers.keyring_backend.FileKeyring"
NO_BACKEND_PATH = "keyring.backends.fail.Keyring"


class FileKeyring(KeyringBackend):
    @classproperty
    def priority(self) -> float:
        """1 when a file is configured; otherwise never picked by keyring's auto-detection."""
        if not os.environ.get(KEYRING_FILE_VARIABLE):
            raise RuntimeError(f"{KEYRING_FILE_VARIABLE} is not set")
        return 1

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self._path = path

    @property
    def path(self) -> Path:
        if self._path is not None:
            return self._path
        if configured := os.environ.get(KEYRING_FILE_VARIABLE):
            return Path(configured)
        raise KeyringError(f"{KEYRING_FILE_VARIABLE} is not set")

    def entries(self) -> dict[str, dict[str, str]]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def _write(self, entries: dict[str, dict[str, str]]) -> None:
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(entries, indent=2), encoding="utf-8")
        os.replace(temporary, self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries().get(service, {}).get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self.entries()
        entries.setdefault(service, {})[username] = password
        self._write(entries)

    def delete_password(self, service: str, username: str) -> None:
        entries = self.entries()
        if username not in entries.get(service, {}):
            raise PasswordDeleteError(f"no password for {username} in {service}")
        del entries[service][username]
        self._write(entries)
