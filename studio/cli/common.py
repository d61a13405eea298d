"""What the CLI commands share: the data folder, the relay profile, the engine's pieces."""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from studio.catalog import Catalog
from studio.domain.profile import Profile
from studio.engine.manager import RequestManager
from studio.paths import data_dir
from studio.settings.quirks import RelayQuirks
from studio.settings.resolver import ProfileResolver
from studio.store.history import Store

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where history and images live (default: $STUDIO_DATA_DIR or the user data folder)",
    )


def profiles(chosen: Profile | None = None) -> ProfileResolver:
    """The CLI's relays: ``chosen`` (already looked up, e.g. with ``--timeout`` applied), the
    environment's (``environment``), then the stored profiles."""
    return ProfileResolver.reading_environment(given=[chosen] if chosen is not None else ())


def open_store(args: argparse.Namespace) -> Store:
    return Store(data_dir(getattr(args, "data_dir", None)))


@asynccontextmanager
async def engine(
    args: argparse.Namespace, chosen: Profile | None = None, **options: Any
) -> AsyncIterator[RequestManager]:
    """A request manager over the history in the data folder, closed properly at the end."""
    store = open_store(args)
    options.setdefault("quirks", RelayQuirks())
    manager = RequestManager(store, Catalog.load(), profiles(chosen).get, **options)
    try:
        yield manager
    finally:
        await manager.aclose()
        store.close()
