"""What the CLI commands share: the data folder, the relay profile, the engine's pieces."""

from __future__ import annotations

import argparse
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.profile import Profile
from studio.engine.manager import RequestManager
from studio.paths import data_dir
from studio.settings.profiles import ProfileStore
from studio.settings.quirks import RelayQuirks
from studio.store.history import Store

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2
ENVIRONMENT_PROFILE = "environment"  # the relay given by STUDIO_BASE_URL + STUDIO_API_KEY

MSG_NO_RELAY = QT_TRANSLATE_NOOP(
    ERRORS,
    "No relay is configured. Set STUDIO_BASE_URL and STUDIO_API_KEY, or pass --profile NAME.",
)


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where history and images live (default: $STUDIO_DATA_DIR or the user data folder)",
    )


def environment_profile() -> Profile | None:
    base_url = os.environ.get("STUDIO_BASE_URL", "").strip()
    if not base_url:
        return None
    key = os.environ.get("STUDIO_API_KEY", "").strip()
    return Profile(name=ENVIRONMENT_PROFILE, base_url=base_url, api_key=key)


def resolve_profile(name: str | None) -> Profile:
    """``--profile NAME`` from the settings (key from the keyring), else the environment."""
    if name and name != ENVIRONMENT_PROFILE:
        return ProfileStore().get(name)
    profile = environment_profile()
    if profile is None:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_NO_RELAY)
    return profile


def profile_source(chosen: Profile | None = None) -> Callable[[str], Profile]:
    """Profiles by name for the manager; ``chosen`` is served without another lookup."""

    def resolve(name: str) -> Profile:
        if chosen is not None and chosen.name == name:
            return chosen
        return resolve_profile(name)

    return resolve


def open_store(args: argparse.Namespace) -> Store:
    return Store(data_dir(getattr(args, "data_dir", None)))


@asynccontextmanager
async def engine(
    args: argparse.Namespace, chosen: Profile | None = None, **options: Any
) -> AsyncIterator[RequestManager]:
    """A request manager over the history in the data folder, closed properly at the end."""
    store = open_store(args)
    options.setdefault("quirks", RelayQuirks())
    manager = RequestManager(store, Catalog.load(), profile_source(chosen), **options)
    try:
        yield manager
    finally:
        await manager.aclose()
        store.close()
