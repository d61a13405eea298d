"""``studio-cli``: the engine from a terminal or a script."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from studio import __version__
from studio.cli import (
    batch,
    boards,
    compare,
    doctor,
    generate,
    history,
    ledger,
    models,
    profiles,
    resume,
    simulate,
)

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studio-cli",
        description="Generate and edit images through OpenAI-compatible relays.",
    )
    parser.add_argument("--version", action="version", version=f"studio {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr as well")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in (
        generate,
        compare,
        batch,
        history,
        boards,
        resume,
        models,
        profiles,
        simulate,
        doctor,
        ledger,
    ):
        command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from studio.logs import setup_logging

    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(console=args.verbose, level=logging.DEBUG if args.verbose else logging.INFO)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("studio-cli: interrupted", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # never a traceback for the user; the log has the details
        log.exception("studio-cli %s failed", args.command)
        print(
            f"studio-cli: internal error ({type(error).__name__}). The details are in the log.",
            file=sys.stderr,
        )
        return EXIT_FAILED


def run() -> None:
    sys.exit(main())
