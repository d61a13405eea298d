"""A studio window on the offscreen platform, driven like a user, with asyncio on Qt's loop.

``harness.run(coroutine)`` runs a scenario on the qasync loop: inside it, drive widgets with
QTest/qtbot (keys, clicks, drops) and ``await harness.until(condition)`` for the engine.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from studio.catalog import Catalog
from studio.engine.manager import RequestManager
from studio.settings.profiles import ProfileStore
from studio.settings.quirks import RelayQuirks
from studio.settings.resolver import ProfileResolver
from studio.simulator import SimulatorServer
from studio.store.history import Store
from studio.ui.bridge import EngineBridge
from studio.ui.preferences import Preferences
from studio.ui.services import Services
from tests.helpers.engine import FAST_RETRIES, sim_profile

T = TypeVar("T")


class Harness:
    def __init__(
        self, app: QApplication, sim: SimulatorServer | None, data_dir: Path, **profile: Any
    ) -> None:
        self.app = app
        app.setQuitOnLastWindowClosed(False)  # closing a test window must not stop the loop
        self.sim = sim
        self.loop = qasync.QEventLoop(app, already_running=False)
        asyncio.set_event_loop(self.loop)
        self.store = Store(data_dir)
        self.catalog = Catalog.load()
        url = profile.pop("url", None) or (sim.url if sim else "")
        profile = sim_profile(url, **profile)
        self.profile = profile
        self.quirks = RelayQuirks()
        # The window's resolver: the test's relay given for the session, the stored profiles.
        self.resolver = ProfileResolver(ProfileStore(), given=[profile])
        self.manager = RequestManager(
            self.store,
            self.catalog,
            self.resolver.get,
            policy=FAST_RETRIES,
            quirks=self.quirks,
        )
        self.bridge = EngineBridge(self.manager, self.catalog, profile.name)
        self.services = Services(
            bridge=self.bridge,
            catalog=self.catalog,
            preferences=Preferences(),
            resolver=self.resolver,
        )
        self.widgets: list[Any] = []

    def run(self, scenario: Coroutine[Any, Any, T], within: float = 60.0) -> T:
        return self.loop.run_until_complete(asyncio.wait_for(scenario, within))

    async def until(self, condition: Callable[[], object], within: float = 20.0) -> None:
        deadline = self.loop.time() + within
        while not condition():
            if self.loop.time() > deadline:
                raise AssertionError("the condition never came true")
            await asyncio.sleep(0.01)

    def keep(self, widget: T) -> T:
        self.widgets.append(widget)
        return widget

    def close(self) -> None:
        async def shutdown() -> None:
            for widget in self.widgets:
                widget.close()
                widget.deleteLater()
            await self.bridge.aclose()
            await self.manager.aclose()

        self.loop.run_until_complete(shutdown())
        self.store.close()
        self.loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture
def harness(qapp: QApplication, sim: SimulatorServer, tmp_path: Path) -> Iterator[Harness]:
    instance = Harness(qapp, sim, tmp_path / "data")
    try:
        yield instance
    finally:
        instance.close()
        qapp.processEvents()
        gc.collect()  # qasync's timers must die on the GUI thread, not in a worker's collection
