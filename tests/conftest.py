"""Shared fixtures: isolated user directories and the simulated relay."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")  # qasync binds to PySide6 whatever imports first

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from studio.simulator import SimulatorServer


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real home: data, config and logs go to tmp dirs."""
    for variable in ("STUDIO_DATA_DIR", "STUDIO_CONFIG_DIR", "STUDIO_LOG_DIR"):
        folder = tmp_path / variable.lower()
        folder.mkdir()
        monkeypatch.setenv(variable, str(folder))


@pytest.fixture(scope="session")
def simulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimulatorServer]:
    """One simulated relay on loopback for the whole session (shipped catalog only)."""
    from studio.catalog import Catalog
    from studio.simulator import SimulatorServer

    catalog = Catalog.load(user=tmp_path_factory.mktemp("catalog") / "models.toml")
    with SimulatorServer(catalog=catalog) as server:
        yield server


@pytest.fixture
def sim(simulator: SimulatorServer) -> SimulatorServer:
    """The session's simulated relay with fresh state and no faults."""
    simulator.reset()
    return simulator
