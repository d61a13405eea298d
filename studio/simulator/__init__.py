"""A simulated relay (ASGI, Starlette) for the demo mode and the network tests."""

from studio.simulator.app import create_app
from studio.simulator.faults import FAULT_NAMES, parse_faults
from studio.simulator.personality_names import PERSONALITY_NAMES, parse_personalities
from studio.simulator.server import SimulatorServer, serve
from studio.simulator.state import LogEntry, SimState

__all__ = [
    "FAULT_NAMES",
    "PERSONALITY_NAMES",
    "LogEntry",
    "SimState",
    "SimulatorServer",
    "create_app",
    "parse_faults",
    "parse_personalities",
    "serve",
]
