"""What every part of the window may use, handed down from the application."""

from __future__ import annotations

from dataclasses import dataclass

from studio.catalog import Catalog
from studio.domain.profile import Profile
from studio.settings.profiles import ProfileStore
from studio.settings.resolver import ProfileResolver
from studio.ui.bridge import EngineBridge
from studio.ui.preferences import Preferences


@dataclass
class Services:
    """The window's holder. Relay profiles are the :class:`ProfileResolver`'s (the same one
    the request manager asks): the methods here only hand its answers on."""

    bridge: EngineBridge
    catalog: Catalog
    preferences: Preferences
    resolver: ProfileResolver
    language: str = "en"

    @property
    def profiles(self) -> ProfileStore:
        """The stored profiles (Settings → Relays edits them)."""
        return self.resolver.store

    @property
    def demo_profile(self) -> Profile | None:
        """The demo relay (demo mode: the built-in simulated relay), or None."""
        return self.resolver.demo

    @demo_profile.setter
    def demo_profile(self, profile: Profile | None) -> None:
        self.resolver.demo = profile

    @property
    def demo(self) -> bool:
        return self.resolver.demo is not None

    def profile_names(self) -> list[str]:
        """Every relay the window can use, the built-in ones first (no keyring is read)."""
        return self.resolver.names()

    def profile(self, name: str) -> Profile:
        """The profile with its key. It may wait for the keyring: call it on a worker thread
        (or await ``resolver.aget``)."""
        return self.resolver.get(name)
