"""Running the simulated relay with uvicorn: in a background thread, or in the foreground."""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterable
from types import TracebackType

import uvicorn

from studio.catalog import Catalog
from studio.simulator.app import create_app
from studio.simulator.call import SimulatedDropError
from studio.simulator.personality_names import CLOUDFLARE_CUT
from studio.simulator.state import LogEntry, SimState

_START_TIMEOUT = 10.0


class _QuietDrops(logging.Filter):
    """The ``drop`` fault cuts connections on purpose: no traceback for those."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], SimulatedDropError))


def _quiet_drops() -> None:
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietDrops) for f in logger.filters):
        logger.addFilter(_QuietDrops())


def _bind(host: str, port: int) -> socket.socket:
    # proto=IPPROTO_TCP: asyncio only sets TCP_NODELAY on such sockets (else 40 ms per answer).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def _server(state: SimState) -> uvicorn.Server:
    config = uvicorn.Config(
        create_app(state),
        lifespan="off",
        access_log=False,
        log_level="warning",
        timeout_graceful_shutdown=2,
    )
    return uvicorn.Server(config)


class SimulatorServer:
    """A simulated relay on 127.0.0.1 in a background thread::

    with SimulatorServer(faults="latency=0.1") as sim:
        httpx.get(f"{sim.url}/v1/models", headers={"Authorization": "Bearer k"})
    """

    def __init__(
        self,
        port: int = 0,
        faults: str = "",
        api_key: str | None = None,
        *,
        host: str = "127.0.0.1",
        catalog: Catalog | None = None,
        async_duration: float = 2.0,
        personalities: str | Iterable[str] = (),
        cloudflare_cut: float = CLOUDFLARE_CUT,
    ) -> None:
        self.host = host
        self.port = port
        self.state = SimState(
            catalog=catalog,
            faults=faults,
            api_key=api_key,
            async_duration=async_duration,
            personalities=personalities,
            cloudflare_cut=cloudflare_cut,
        )
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> SimulatorServer:
        if self._thread is not None:
            raise RuntimeError("the simulator is already running")
        _quiet_drops()
        sock = _bind(self.host, self.port)
        self.port = sock.getsockname()[1]
        self._server = _server(self.state)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="simulated-relay", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                sock.close()
                self.stop()
                raise RuntimeError("the simulated relay did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout=5)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def set_faults(self, faults: str) -> None:
        self.state.set_faults(faults)

    def set_personalities(
        self, names: str | Iterable[str], *, cloudflare_cut: float | None = None
    ) -> None:
        self.state.set_personalities(names, cloudflare_cut=cloudflare_cut)

    def reset(self) -> None:
        self.state.reset()

    def log(self) -> list[LogEntry]:
        return self.state.log()

    def __enter__(self) -> SimulatorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    faults: str = "",
    api_key: str | None = None,
    on_ready: Callable[[str], None] | None = None,
    personalities: str | Iterable[str] = (),
) -> None:
    """Run the simulated relay in the foreground until Ctrl+C.

    ``on_ready`` gets the base URL once the port is bound (useful with ``port=0``).
    """
    _quiet_drops()
    state = SimState(faults=faults, api_key=api_key, personalities=personalities)
    sock = _bind(host, port)
    if on_ready is not None:
        on_ready(f"http://{host}:{sock.getsockname()[1]}")
    with contextlib.suppress(KeyboardInterrupt):
        _server(state).run(sockets=[sock])
