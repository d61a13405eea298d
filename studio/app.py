"""``studio``: the desktop window."""

from __future__ import annotations

import time

_STARTED = time.perf_counter()  # before the heavy imports: ready_ms counts them

import argparse  # noqa: E402
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


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("QT_API", "pyside6")  # qasync must bind to PySide6
    from studio.ui.application import run

    return run(args, _STARTED)


if __name__ == "__main__":
    sys.exit(main())
