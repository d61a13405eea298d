"""The current relay's own model list, for the model picker: cached, refreshed, never blocking.

Follows the window's current relay (``bridge.profile_switched``). For each relay it shows the
list cached last time at once, then asks the relay (``GET /v1/models``, free) when the relay was
just switched to, when the picker opens and the list was not asked for in this session, or on
Refresh. Nothing here waits on the GUI thread: the profile (its key may sit in a locked
keyring), the cache file and the relay are all reached on the asyncio loop or a worker thread.
When the relay cannot be reached, the cached list stays (or the catalog, without one) and the
picker says so quietly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from shiboken6 import Shiboken

from studio.domain.errors import StudioError
from studio.domain.profile import Profile
from studio.settings.relay_models import (
    CACHE_FILE,
    CachedModels,
    Fetched,
    Listing,
    ModelListCache,
    arrange,
    fetch_models,
)
from studio.ui.services import Services

log = logging.getLogger(__name__)

FRESH_FOR = 600.0  # seconds: opening the picker does not ask again sooner


@dataclass(frozen=True)
class _Found:
    profile: Profile | None
    cached: CachedModels | None


class RelayModels(QObject):
    """``listing`` for the current relay, plus what the picker says about where it came from."""

    changed = Signal()  # the listing or its state changed
    switched = Signal()  # another relay became the current one (its list follows)

    def __init__(
        self,
        services: Services,
        cache: ModelListCache | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.catalog = services.catalog
        self.cache = cache or ModelListCache(services.bridge.data_dir / CACHE_FILE)
        self.profile = ""
        self.models: tuple[str, ...] | None = None  # None: no list (the catalog is shown)
        self.fetched_at: float | None = None  # when ``models`` came from the relay
        self.fresh = False  # ``models`` came from the relay in this session
        self.fetching = False
        self.failed = False  # the last time the relay was asked, it gave no list
        self.problem: StudioError | None = None  # …and why, when it said
        self.listing: Listing = arrange(self.catalog, None)
        self._asked: dict[str, float] = {}  # profile → when it was last asked (monotonic)
        self._generation = 0  # bumped on every switch: answers for an older relay are dropped
        services.bridge.profile_switched.connect(self._on_switched)
        self._start(services.bridge.default_profile, fetch=False)

    # -- what the picker calls -------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the relay now (the Refresh button); ignored while asking."""
        if self.profile and not self.fetching:
            self._start(self.profile, fetch=True, keep_shown=True)

    def ensure_fresh(self) -> None:
        """Ask the relay unless it was asked lately (the picker opens)."""
        asked = self._asked.get(self.profile)
        if asked is None or time.monotonic() - asked > FRESH_FOR:
            self.refresh()

    # -- following the current relay -------------------------------------------------------

    def _on_switched(self, name: str) -> None:
        if Shiboken.isValid(self):
            self.switched.emit()
            self._start(name, fetch=bool(name))

    def _start(self, name: str, *, fetch: bool, keep_shown: bool = False) -> None:
        self._generation += 1
        generation = self._generation
        self.profile = name
        if not keep_shown:
            self.models, self.fetched_at, self.fresh = None, None, False
            self.listing = arrange(self.catalog, None)
        self.failed, self.problem = False, None
        self.fetching = fetch
        if fetch:
            self._asked[name] = time.monotonic()
        self.changed.emit()
        if not name:
            return

        async def look_up() -> _Found:
            profile = await asyncio.to_thread(self._profile, name)
            if profile is None:
                return _Found(None, None)
            return _Found(profile, await asyncio.to_thread(self.cache.get, name, profile.base_url))

        def found(result: _Found) -> None:
            if not self._current(generation):
                return
            if result.cached is not None and not (keep_shown and self.fresh):
                self._show(result.cached.models, result.cached.fetched_at, fresh=False)
            if fetch and result.profile is not None:
                self._fetch(result.profile, generation)
            elif fetch:  # the profile is gone (or unreadable): nobody to ask
                self.fetching, self.failed = False, True
            self.changed.emit()

        self.services.bridge.spawn(look_up(), found)

    def _fetch(self, profile: Profile, generation: int) -> None:
        async def ask() -> Fetched:
            try:
                fetched = await fetch_models(profile)
            except Exception:  # never an error dialog for a model list
                log.warning("asking %s for its models failed", profile.name, exc_info=True)
                return Fetched(None)
            if fetched.models is not None:
                await asyncio.to_thread(
                    self.cache.put, profile.name, profile.base_url, fetched.models
                )
            return fetched

        def answered(fetched: Fetched) -> None:
            if not self._current(generation):
                return
            self.fetching = False
            if fetched.models is None:
                self.failed, self.problem = True, fetched.problem
            else:
                self._show(fetched.models, time.time(), fresh=True)
            self.changed.emit()

        self.services.bridge.spawn(ask(), answered)

    def _show(self, models: tuple[str, ...], when: float, *, fresh: bool) -> None:
        self.models, self.fetched_at, self.fresh = tuple(models), when, fresh
        self.listing = arrange(self.catalog, self.models)

    def _current(self, generation: int) -> bool:
        return Shiboken.isValid(self) and generation == self._generation

    def _profile(self, name: str) -> Profile | None:
        """The profile with its key (read on a worker thread), or None when it cannot be had."""
        with contextlib.suppress(Exception):
            return self.services.profile(name)
        return None
