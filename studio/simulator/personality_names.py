"""The names of the relay personalities (see ``personalities``) and how they are given.

The simulator's state, its server and the command line need the names only; the hooks that
act them out live in ``studio.simulator.personalities``.
"""

from __future__ import annotations

from collections.abc import Iterable

GEMINI_MARKDOWN = "gemini-markdown"
STRICT_PARAMS = "strict-params"
GENERATION_TASK = "generation-task"
TASKS_V1 = "tasks-v1"
CLOUDFLARE_100S = "cloudflare-100s"
URL_OBJECT = "url-object"
SUFFIXED_NAMES = "suffixed-names"
NO_BILLING = "no-billing"

PERSONALITIES: dict[str, str] = {
    GEMINI_MARKDOWN: "native Gemini answers carry the image as a markdown link or a data URI "
    "inside a text part, after thought parts",
    STRICT_PARAMS: "HTTP 400 (not billed) naming the optional parameters it does not take",
    GENERATION_TASK: "images answers are generation.task objects polled at "
    "/v1/images/generations/{id}",
    TASKS_V1: 'images answers are {"task_id", "status": "submitted"} polled at /v1/tasks/{id}',
    CLOUDFLARE_100S: "Cloudflare's 524 page when a non-streamed answer has not started "
    "within 100 s",
    URL_OBJECT: 'result links as "url": {"url": …, "cost": …}',
    SUFFIXED_NAMES: "lists gpt-image-2-all, gpt-image-2:official and nano-banana-pro, and "
    "refuses the plain names",
    NO_BILLING: "no /v1/dashboard/billing endpoints (404): a relay not built on one-api/new-api",
}
PERSONALITY_NAMES: tuple[str, ...] = tuple(PERSONALITIES)

CLOUDFLARE_CUT = 100.0  # seconds cloudflare-100s waits for an answer to start


def parse_personalities(value: str | Iterable[str]) -> frozenset[str]:
    """Names given comma-separated and/or as a list; ValueError names an unknown one."""
    items = [value] if isinstance(value, str) else list(value)
    names = set()
    for item in items:
        if not isinstance(item, str):
            raise ValueError(f"a personality is a name, got {item!r}")
        for raw in item.split(","):
            name = raw.strip().lower()
            if not name:
                continue
            if name not in PERSONALITIES:
                known = ", ".join(PERSONALITY_NAMES)
                raise ValueError(f"unknown personality {name!r} (known: {known})")
            names.add(name)
    return frozenset(names)
