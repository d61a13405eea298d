"""``studio-cli simulate``: the simulated relay in the foreground."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from studio.simulator.faults import FAULT_NAMES, parse_faults
from studio.simulator.personality_names import PERSONALITIES, parse_personalities
from studio.simulator.server import serve


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "simulate",
        help="run the simulated relay (every protocol, switchable faults)",
        description="Run a simulated relay on loopback that speaks every protocol the studio "
        "does and can inject faults. Point STUDIO_BASE_URL at it; any API key is accepted "
        "unless --key is given.",
    )
    parser.add_argument("--port", type=int, default=8000, help="port (0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--faults",
        default="",
        help="comma-separated faults, e.g. 'latency=2,502*1' (name[=value][*count]): "
        + ", ".join(FAULT_NAMES),
    )
    parser.add_argument(
        "--personality",
        action="append",
        default=[],
        metavar="NAME",
        help="behave like a particular kind of relay (repeatable, or comma-separated; none by "
        "default): " + "; ".join(f"{name}: {what}" for name, what in PERSONALITIES.items()),
    )
    parser.add_argument("--key", default=None, help="accept only this API key")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        parse_faults(args.faults)
        personalities = parse_personalities(args.personality)
    except ValueError as error:
        print(f"studio-cli simulate: {error}", file=sys.stderr)
        return 2

    def ready(url: str) -> None:
        print(f"Simulated relay listening on {url}", flush=True)
        print(f"  export STUDIO_BASE_URL={url} STUDIO_API_KEY=sim-key", flush=True)
        if args.faults:
            print(f"  faults: {args.faults}", flush=True)
        if personalities:
            print(f"  personalities: {', '.join(sorted(personalities))}", flush=True)
        print("Press Ctrl+C to stop.", flush=True)

    try:
        serve(
            args.host, args.port, args.faults, args.key, on_ready=ready, personalities=personalities
        )
    except OSError as error:
        print(
            f"studio-cli simulate: cannot listen on {args.host}:{args.port}: {error.strerror}",
            file=sys.stderr,
        )
        return 1
    return 0
