"""API keys: only in the OS keyring, never on disk.

One keyring entry per profile (service ``studio``, username = the profile name). Without a
usable keyring a key is kept in memory for this process only; reading also falls back to
``STUDIO_API_KEY_<NAME>`` for scripts and CI.
"""

from __future__ import annotations

import logging
import os
import re
from enum import StrEnum
from typing import TYPE_CHECKING

from studio.domain.i18n import QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.notice import Notice

if TYPE_CHECKING:  # keyring loads its backends on first use, not at start-up (~50 ms)
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE = "studio"
GENERIC_KEY_VARIABLE = "STUDIO_API_KEY"

MSG_KEY_SESSION_ONLY = QT_TRANSLATE_NOOP(
    WARNINGS,
    "No system keyring is available, so the key for {name} was kept for this session only and "
    "not saved. Install or unlock a keyring (GNOME Keyring or KWallet, Windows Credential "
    "Manager, macOS Keychain) or set {variable} for scripts.",
)

# Keys kept because the keyring refused them: shared by every KeyStore of this process.
_SESSION_KEYS: dict[str, str] = {}


class KeyStatus(StrEnum):
    STORED = "keyring"  # in the OS keyring
    SESSION_ONLY = "session"  # in memory until this process ends
    FROM_ENVIRONMENT = "environment"  # STUDIO_API_KEY_<NAME> or STUDIO_API_KEY
    MISSING = "missing"


def key_variable(profile_name: str) -> str:
    """``STUDIO_API_KEY_<NAME>``: the name upper-cased, anything but A-Z and 0-9 as ``_``."""
    return f"{GENERIC_KEY_VARIABLE}_{re.sub(r'[^A-Z0-9]', '_', profile_name.upper())}"


def session_only_notice(profile_name: str) -> Notice:
    return Notice(
        "key_session_only",
        MSG_KEY_SESSION_ONLY,
        {"name": profile_name, "variable": key_variable(profile_name)},
    )


def _usable(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_usable(member) for member in backend.backends)
    return True


class KeyStore:
    """Profile keys in the OS keyring, with a per-process fallback when there is none.

    ``backend`` defaults to keyring's choice (``PYTHON_KEYRING_BACKEND`` or the platform's).
    Nothing here writes a key to a file, a log line or an exception message.
    """

    def __init__(
        self, backend: KeyringBackend | None = None, *, session: dict[str, str] | None = None
    ) -> None:
        self._chosen_backend = backend
        self._session = _SESSION_KEYS if session is None else session

    def _backend(self) -> KeyringBackend | None:
        import keyring

        try:
            backend = self._chosen_backend or keyring.get_keyring()
        except Exception as error:
            log.warning("no keyring backend could be loaded (%s)", type(error).__name__)
            return None
        return backend if _usable(backend) else None

    def available(self) -> bool:
        return self._backend() is not None

    def set(self, profile_name: str, key: str) -> KeyStatus:
        if not key:
            raise ValueError("an empty key cannot be stored")
        if (backend := self._backend()) is not None:
            try:
                backend.set_password(SERVICE, profile_name, key)
            except Exception as error:
                log.warning(
                    "the keyring refused the key for %s (%s); keeping it for this session",
                    profile_name,
                    type(error).__name__,
                )
            else:
                self._session.pop(profile_name, None)
                return KeyStatus.STORED
        self._session[profile_name] = key
        return KeyStatus.SESSION_ONLY

    def get(self, profile_name: str) -> str | None:
        return self._lookup(profile_name)[0]

    def status(self, profile_name: str) -> KeyStatus:
        """Where :meth:`get` would find the key (without revealing it)."""
        return self._lookup(profile_name)[1]

    def delete(self, profile_name: str) -> None:
        self._session.pop(profile_name, None)
        if (backend := self._backend()) is None:
            return
        from keyring.errors import PasswordDeleteError

        try:
            backend.delete_password(SERVICE, profile_name)
        except PasswordDeleteError:
            pass  # there was no entry
        except Exception as error:
            log.warning(
                "could not delete the key for %s from the keyring (%s)",
                profile_name,
                type(error).__name__,
            )

    def _lookup(self, profile_name: str) -> tuple[str | None, KeyStatus]:
        if key := self._session.get(profile_name):
            return key, KeyStatus.SESSION_ONLY
        if (backend := self._backend()) is not None:
            try:
                key = backend.get_password(SERVICE, profile_name)
            except Exception as error:
                log.warning(
                    "could not read the key for %s from the keyring (%s)",
                    profile_name,
                    type(error).__name__,
                )
            else:
                if key:
                    return key, KeyStatus.STORED
        # Only the profile's own variable: STUDIO_API_KEY belongs to STUDIO_BASE_URL's relay,
        # and a key must never travel to another relay by accident.
        if key := os.environ.get(key_variable(profile_name), "").strip():
            return key, KeyStatus.FROM_ENVIRONMENT
        return None, KeyStatus.MISSING
