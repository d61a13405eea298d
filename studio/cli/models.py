"""``studio-cli models``: the catalog, merged with what the relay actually sells."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from studio.catalog import Catalog
from studio.cli.common import EXIT_FAILED, EXIT_OK, profiles
from studio.cli.output import say, say_json
from studio.domain.errors import StudioError
from studio.domain.model_spec import ModelSpec
from studio.protocols.models import list_models
from studio.protocols.transport import RelayClient


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "models", help="models the studio knows, and which the relay offers"
    )
    parser.add_argument("--profile", metavar="NAME", help="ask this relay (default: environment)")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run)


def entry(spec: ModelSpec, offered: bool | None) -> dict[str, Any]:
    return {
        "id": spec.id,
        "label": spec.label,
        "family": spec.family,
        "known": spec.known,
        "offered": offered,
        "protocols": [p.value for p in spec.protocols],
        "operations": [o.value for o in spec.operations],
        "ratios": list(spec.ratios),
        "resolutions": list(spec.resolutions),
        "sizes": list(spec.sizes),
        "max_refs": spec.max_refs,
        "mask": spec.mask.value,
        "n_max": spec.n_max,
    }


def merged(catalog: Catalog, offered: list[str] | None) -> list[dict[str, Any]]:
    """Every catalog model (offered or not) and every relay model (known or not)."""
    on_relay = set(offered or [])
    entries = [
        entry(catalog.get(name), (name in on_relay) if offered is not None else None)
        for name in catalog.ids()
    ]
    entries += [entry(catalog.get(name), True) for name in sorted(on_relay - set(catalog.ids()))]
    return entries


async def _offered(profile_name: str | None) -> list[str]:
    profile = profiles().chosen(profile_name)
    async with RelayClient(profile) as client:
        return await list_models(client)


def run(args: argparse.Namespace) -> int:
    catalog = Catalog.load()
    offered: list[str] | None = None
    problem = None
    if args.profile or profiles().environment is not None:
        try:
            offered = asyncio.run(_offered(args.profile))
        except StudioError as error:
            problem = error
    entries = merged(catalog, offered)
    if problem is not None:
        say(f"warning: could not ask the relay: {problem.full_text()}", error=True)
    if args.json:
        say_json(entries)
        return EXIT_FAILED if problem else EXIT_OK
    for item in entries:
        mark = {True: "✓", False: "·", None: " "}[item["offered"]]
        known = "" if item["known"] else "  (not in the catalog: generic settings)"
        say(f"{mark} {item['id']:<34} {item['family']:<16} {','.join(item['protocols'])}{known}")
    if offered is not None:
        say(f"\n✓ = offered by the relay ({len(offered)} models)")
    return EXIT_FAILED if problem else EXIT_OK
