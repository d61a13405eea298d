"""What the relay list holds, and the writes that reach profiles.json and the keyring.

The writes run on a worker thread (a keyring may wait for the user to unlock it) and return
their failure instead of raising, so the page can show it in plain words.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from enum import Enum

from studio.domain.errors import StudioError
from studio.domain.profile import Profile
from studio.settings.profiles import ProfileStore
from studio.settings.secrets import KeyStatus, KeyStore

_MOVABLE = (KeyStatus.STORED, KeyStatus.SESSION_ONLY)  # keys we hold (not the environment's)


class Kind(Enum):
    SAVED = "saved"  # in profiles.json
    DRAFT = "draft"  # added or duplicated, not saved yet
    BUILT_IN = "built-in"  # the demo relay or one given for this session: read-only


@dataclass
class Entry:
    profile: Profile  # settings; api_key only for built-in profiles
    kind: Kind
    copy_key_from: str = ""  # a duplicate takes the key of this saved profile…
    known_key: str = field(default="", repr=False)  # …or the key a built-in profile carries

    @property
    def saved_name(self) -> str:
        """The name in profiles.json ("" when not saved)."""
        return self.profile.name if self.kind is Kind.SAVED else ""

    async def key_for_test(self, typed: str | None, keys: KeyStore) -> str | None:
        """The key a connection test sends: the typed one, the one this entry carries, or the
        stored one (read on a worker thread: the keyring may be slow)."""
        if typed:
            return typed
        if self.kind is Kind.BUILT_IN:
            return self.profile.api_key or None
        if self.known_key:
            return self.known_key
        if stored_under := self.saved_name or self.copy_key_from:
            return await asyncio.to_thread(keys.get, stored_under)
        return None


@dataclass(frozen=True)
class Saved:
    name: str
    old_name: str  # "" unless the profile was renamed
    key_status: KeyStatus | None = None  # where the key went (None: no key given)
    error: StudioError | None = None


def write_profile(
    store: ProfileStore, profile: Profile, key: str | None, old_name: str, key_source: str
) -> Saved:
    """Save ``profile`` with ``key``, or with the key held for ``key_source`` when no key was
    typed (a rename or a duplicate); then drop ``old_name`` if the profile was renamed."""
    renamed = old_name if old_name and old_name != profile.name else ""
    try:
        if key is None and key_source and store.keys.status(key_source) in _MOVABLE:
            key = store.keys.get(key_source)
        status = store.add(profile, key)
        if renamed:
            store.remove(renamed)
    except StudioError as error:
        return Saved(profile.name, renamed, error=error)
    return Saved(profile.name, renamed, status)


def remove_profile(store: ProfileStore, name: str) -> StudioError | None:
    try:
        store.remove(name)
    except StudioError as error:
        return error
    return None


def copy_name(name: str, taken: set[str]) -> str:
    """``name`` itself, or with " 2", " 3"… added until it is not taken."""
    candidate, number = name, 2
    while candidate in taken:
        candidate = f"{name} {number}"
        number += 1
    return candidate
