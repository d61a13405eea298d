"""Start-up on the qasync loop (architecture.md): Qt first, then asyncio on Qt's loop.

``main`` awaits the window's close; the HTTP clients, the store and the demo relay are closed
in its ``finally``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from studio.catalog import Catalog, CatalogError
from studio.engine.manager import RequestManager
from studio.logs import setup_logging
from studio.paths import data_dir
from studio.settings.profiles import ProfileStore
from studio.settings.quirks import RelayQuirks
from studio.settings.resolver import ProfileResolver
from studio.store.history import Store
from studio.ui import crash, i18n, preferences, theme
from studio.ui.bridge import EngineBridge
from studio.ui.demo import Demo
from studio.ui.preferences import Preferences
from studio.ui.services import Services
from studio.ui.warmup import warm_up

log = logging.getLogger(__name__)

def _default_profile(services: Services) -> str:
    names = services.profile_names()
    saved = services.preferences.profile
    if services.demo_profile is not None:
        return services.demo_profile.name
    if saved in names:
        return saved
    return names[0] if names else ""


def build(
    args: argparse.Namespace, app: QApplication
) -> tuple[Services, RequestManager, Demo | None]:
    preferences = Preferences()
    language = i18n.choose(args.lang, preferences.language)
    i18n.install(language)
    theme.apply(app, preferences.theme)
    demo = Demo.prepare() if args.demo else None
    folder = Path(args.data_dir).expanduser() if args.data_dir else data_dir()
    if demo is not None and not args.data_dir:
        folder = folder / "demo"
    catalog = Catalog.load()
    store = Store(folder)
    # One resolver for the window and the engine; the engine asks it on a worker thread.
    resolver = ProfileResolver(ProfileStore(), demo=demo.profile if demo else None)
    manager = RequestManager(store, catalog, resolver.get, quirks=RelayQuirks())
    bridge = EngineBridge(manager, catalog, "")
    services = Services(
        bridge=bridge,
        catalog=catalog,
        preferences=preferences,
        resolver=resolver,
        language=language,
    )
    bridge.default_profile = _default_profile(services)
    return services, manager, demo


async def _main(args: argparse.Namespace, app: QApplication, started: float) -> int:
    from studio.ui.main_window import MainWindow

    # asyncio.to_thread on plain threads: qasync's QThread executor makes exit wait ~200 ms.
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(4, "studio-worker"))
    services, manager, demo = build(args, app)
    window = MainWindow(services, staged=True)
    closed = asyncio.Event()
    window.closed.connect(closed.set)
    try:
        window.restore_layout()
        window.show()
        await window.ready()
        ready_ms = (time.perf_counter() - started) * 1000
        log.info("ready in %.0f ms", ready_ms)
        if args.quit_after_ready:  # nothing more to start: what follows would be thrown away
            print(f"ready_ms: {ready_ms:.0f}", flush=True)
            return 0
        await window.build_rest()  # the docks' contents, right after the first paint
        gc.freeze()  # the objects of start-up live on: keep them out of every collection
        # After the first paint: these threads would compete with it for the GIL.
        warming = asyncio.ensure_future(asyncio.to_thread(warm_up))
        if demo is not None:
            starting = asyncio.ensure_future(asyncio.to_thread(demo.start))
        if args.screenshot:
            shown: QWidget = window
            if args.scenario:
                from studio.ui.scenarios import SCENARIOS

                if demo is not None:
                    await starting
                shown = await SCENARIOS[args.scenario](window)
            await asyncio.sleep(0.3)  # let thumbnails arrive
            saved = shown.grab().save(args.screenshot)
            print(f"screenshot: {args.screenshot}" if saved else "screenshot failed", flush=True)
            return 0 if saved else 1
        await warming
        if demo is not None:
            await starting
        services.bridge.recover()
        await closed.wait()
        return 0
    finally:
        window.hide()
        await services.bridge.aclose()
        await manager.aclose()
        manager.store.close()
        if demo is not None:
            demo.stop()


def tune_interpreter() -> None:
    """Workers decode and hash in short GIL-holding steps; a 1 ms switch interval (default 5)
    hands the GIL back to the window's thread sooner when it waits for it."""
    sys.setswitchinterval(0.001)


def run(args: argparse.Namespace, started: float) -> int:
    setup_logging()
    tune_interpreter()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Studio")
    app.setOrganizationName("studio")
    app.setDesktopFileName("studio")
    from studio.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    crash.install()
    try:
        return qasync.run(_main(args, app, started))
    except CatalogError as error:
        crash.fatal(str(error))
        return 1
    finally:
        preferences.sync_all()  # before a fast exit (studio.app.launch) skips the destructors
        QTimer.singleShot(0, app.quit)
