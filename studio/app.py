"""``studio``: the desktop window."""

from __future__ import annotations

import time

_STARTED = time.perf_counter()  # before the heavy imports: ready_ms counts them

import argparse  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="studio", description="Studio, the image studio.")
    parser.add_argument("--demo", action="store_true", help="use the built-in simulated relay")
    parser.add_argument("--data-dir", help="where history and images live")
    parser.add_argument("--lang", choices=["en", "zh_CN"], help="interface language")
    parser.add_argument(
        "--quit-after-ready",
        action="store_true",
        help="start, show the window with the gallery loaded, print ready_ms and exit",
    )
    parser.add_argument(
        "--screenshot", metavar="PATH", help="save a picture of the window and exit"
    )
    parser.add_argument(
        "--scenario",
        choices=[
            "first-run",
            "running",
            "gallery",
            "error",
            "kept",
            "relay-models",
            "doctor",
            "first-relay",
            "first-relay-ready",
            "settings",
            "mask-painter",
            "inpaint-warning",
            "expand",
            "composer-nano-banana-2",
            "relays",
            "boards",
            "batch",
            "batch-running",
            "compare",
        ],
        help=argparse.SUPPRESS,  # a scripted state for --screenshot (packaging/screenshots.py)
    )
    return parser.parse_args(argv)


def _import_core_before_qt() -> None:
    """PySide6 reads the source of every module imported after it (see
    studio.ui.source_scan): the Qt-free part of the window's start-up comes first."""
    import asyncio  # noqa: F401
    import concurrent.futures  # noqa: F401

    import studio.catalog
    import studio.engine.composition
    import studio.engine.manager
    import studio.logs
    import studio.settings.resolver  # noqa: F401


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("QT_API", "pyside6")  # qasync must bind to PySide6
    _import_core_before_qt()
    from studio.ui.source_scan import skip_own_modules

    skip_own_modules()
    from studio.ui.application import run

    return run(args, _STARTED)


def launch() -> None:
    """The ``studio`` command: :func:`main`, then a quick exit. Everything that must outlive
    the process is written by then (history closed, preferences synced, logs flushed here);
    tearing down hundreds of modules and widgets one by one would only keep a closed window's
    process alive for another ~70 ms."""
    code = main()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    launch()
