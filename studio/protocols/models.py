"""`models`: what a relay sells, from ``GET /v1/models``."""

from __future__ import annotations

from typing import Any

from studio.domain.profile import AuthStyle
from studio.protocols.base import understood
from studio.protocols.transport import RelayClient, parse_json

PATH = "/v1/models"


def model_ids(data: Any) -> list[str]:
    """Model ids from an OpenAI-style list (also a bare list, or Google's ``models``).

    Never raises: entries of any other type are skipped.
    """
    items = data
    if isinstance(data, dict):
        items = data.get("data")
        if not isinstance(items, list):
            items = data.get("models")
    ids: set[str] = set()
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            item = next(
                (item[k] for k in ("id", "name") if isinstance(item.get(k), str) and item[k]), None
            )
        if isinstance(item, str) and item.strip() and (name := item.removeprefix("models/")):
            ids.add(name)
    return sorted(ids)


async def list_models(client: RelayClient) -> list[str]:
    response = await client.get(PATH, auth=AuthStyle.BEARER)
    return model_ids(understood(parse_json, response, billed=False))
