"""Demo mode's relay: the built-in simulated relay on loopback, for the window's demo mode."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from studio.domain.profile import AsyncOptions, Profile

DEMO_FAULTS = "latency=1.5"  # long enough to watch a job run, short enough not to bore


@dataclass
class Demo:
    """The built-in simulated relay, on loopback, for demo mode.

    Its port is chosen at once (the profile needs the URL); the relay itself starts on a
    worker thread after the window is up, so it costs the start-up nothing.
    """

    port: int
    profile: Profile
    server: Any = None

    @classmethod
    def prepare(cls) -> Demo:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        name = QCoreApplication.translate("Application", "Demo relay")
        profile = Profile(
            name=name,
            base_url=f"http://127.0.0.1:{port}",
            api_key="demo",
            concurrency=4,
            async_options=AsyncOptions(poll_interval=1.0),
        )
        return cls(port, profile)

    def start(self) -> None:
        from studio.simulator import SimulatorServer

        self.server = SimulatorServer(port=self.port, faults=DEMO_FAULTS, async_duration=6.0)
        self.server.start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
