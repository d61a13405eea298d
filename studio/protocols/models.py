"""`models`: what a relay sells, from ``GET /v1/models``."""

from __future__ import annotations

from typing import Any

from studio.domain.profile import AuthStyle
from studio.protocols.transport import RelayClient, parse_json

PATH = "/v1/models"


def model_ids(data: Any) -> list[str]:
    """Model ids from an OpenAI-style list (also a bare list, or Google's ``models``)."""
    items = data.get("data", data.get("models")) if isinstance(data, dict) else data
    ids: list[str] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str):
            ids.append(item)
        elif isinstance(item, dict):
            name = item.get("id") or item.get("name")
            if isinstance(name, str) and name:
                ids.append(name.removeprefix("models/"))
    return sorted(set(ids))


async def list_models(client: RelayClient) -> list[str]:
    response = await client.get(PATH, auth=AuthStyle.BEARER)
    return model_ids(parse_json(response))
