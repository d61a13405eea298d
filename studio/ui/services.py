"""What every part of the window may use, handed down from the application."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from studio.catalog import Catalog
from studio.domain.profile import Profile
from studio.settings.profiles import ProfileStore
from studio.ui.bridge import EngineBridge
from studio.ui.preferences import Preferences


@dataclass
class Services:
    bridge: EngineBridge
    catalog: Catalog
    preferences: Preferences
    profiles: ProfileStore
    demo_profile: Profile | None = None  # demo mode: the built-in simulated relay
    language: str = "en"
    extra_profiles: dict[str, Profile] = field(default_factory=dict)

    @property
    def demo(self) -> bool:
        return self.demo_profile is not None

    def profile_names(self) -> list[str]:
        names = list(self.extra_profiles)
        if self.demo_profile is not None:
            names.insert(0, self.demo_profile.name)
        # A broken profiles.json must not break the window; the settings dialog explains it.
        with contextlib.suppress(Exception):
            names += [n for n in self.profiles.names() if n not in names]
        return names

    def profile(self, name: str) -> Profile:
        if self.demo_profile is not None and name == self.demo_profile.name:
            return self.demo_profile
        if name in self.extra_profiles:
            return self.extra_profiles[name]
        return self.profiles.get(name)
