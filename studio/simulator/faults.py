"""Fault plans: ``name[=value][*count]`` tokens, comma-separated.

A fault applies to the requests whose *tags* meet its scope (``paid``, ``poll``, ``download``,
``gemini``...). ``*count`` limits a global fault to the next ``count`` matching requests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# name -> (scope tags, takes a numeric value)
_CATALOG: dict[str, tuple[frozenset[str], bool]] = {
    "latency": (frozenset({"api"}), True),
    "retry_after": (frozenset({"paid"}), True),
    "401": (frozenset({"paid", "models"}), False),
    "429": (frozenset({"paid"}), False),
    "500": (frozenset({"paid"}), False),
    "502": (frozenset({"paid"}), False),
    "503": (frozenset({"paid"}), False),
    "504": (frozenset({"paid"}), False),
    "524": (frozenset({"paid"}), False),
    "error200": (frozenset({"paid"}), False),
    "empty": (frozenset({"paid"}), False),
    "garbage-b64": (frozenset({"images", "gemini", "chat"}), False),
    "expired-url": (frozenset({"download"}), False),
    "drop": (frozenset({"paid"}), False),
    "slow-body": (frozenset({"paid"}), True),
    "safety": (frozenset({"paid"}), False),
    "async-fail": (frozenset({"async"}), False),
    "async-duration": (frozenset({"async"}), True),
    "async-wrapped": (frozenset({"images-async"}), False),
    "no-async": (frozenset({"images-async"}), False),
    "poll-500": (frozenset({"poll"}), False),
    "ignore-mask": (frozenset({"mask"}), False),
    "ignore-ratio": (frozenset({"render"}), False),
    "grain": (frozenset({"render"}), False),  # photo-like film grain: realistic file sizes
    "text-only": (frozenset({"gemini", "chat"}), False),
    "urlsafe-b64": (frozenset({"gemini"}), False),
    "thought": (frozenset({"gemini"}), False),
    "chat-data-uri": (frozenset({"chat"}), False),
    "queue-full": (frozenset({"mj"}), False),
    # Milestone 2: faults of real relays after payment (issue 10).
    "download-500": (frozenset({"download"}), False),  # a result link answers 500
    "download-reset": (frozenset({"download"}), False),  # the download connection breaks
    "poll-404": (frozenset({"poll"}), False),  # "task not exist" for a freshly created task
    "huge-body": (frozenset({"paid"}), True),  # the paid answer padded to VALUE MiB
    "gzip": (frozenset({"paid", "poll", "download"}), False),  # Content-Encoding: gzip
    "gzip-bomb": (frozenset({"paid"}), True),  # gzip that inflates to VALUE MiB
    "trickle": (frozenset({"paid"}), True),  # the answer at one byte per VALUE seconds
    "wrong-types": (frozenset({"paid", "poll"}), False),  # JSON of the right keys, wrong types
    "corrupt-zlib": (frozenset({"render"}), False),  # PNG with valid CRCs, damaged zlib data
    "bmp-result": (frozenset({"render"}), False),  # the result encoded as BMP
    "tiff-result": (frozenset({"render"}), False),  # the result encoded as TIFF
    "mj-no-result": (frozenset({"mj"}), False),  # Midjourney code 1 without a task id
    "echo-key": (frozenset({"paid", "poll", "models"}), False),  # 401 quoting the key sent
}

FAULT_NAMES: tuple[str, ...] = tuple(_CATALOG)

_TOKEN = re.compile(r"^(?P<name>[a-z0-9_-]+)(?:=(?P<value>[^*]+))?(?:\*(?P<count>\d+))?$")
_DIRECTIVE = re.compile(r"\s*\[\[sim:(?P<plan>[^\]]*)\]\]\s*")


@dataclass(frozen=True)
class Fault:
    name: str
    value: float | None = None
    count: int | None = None  # None: every matching request

    def matches(self, tags: Iterable[str]) -> bool:
        return not _CATALOG[self.name][0].isdisjoint(tags)


def parse_faults(text: str) -> list[Fault]:
    """Parse a fault plan; raises ValueError naming the bad token."""
    faults = []
    for raw in text.split(","):
        token = raw.strip()
        if token:
            faults.append(_parse_token(token))
    return faults


def _parse_token(token: str) -> Fault:
    match = _TOKEN.match(token.lower())
    if not match:
        raise ValueError(f"bad fault token {token!r}: expected name[=value][*count]")
    name = match["name"]
    if name not in _CATALOG:
        known = ", ".join(FAULT_NAMES)
        raise ValueError(f"unknown fault {name!r} (known: {known})")
    takes_value = _CATALOG[name][1]
    value = _parse_value(name, match["value"], takes_value)
    count = int(match["count"]) if match["count"] else None
    if count == 0:
        raise ValueError(f"fault {token!r}: a count must be at least 1")
    return Fault(name, value, count)


def _parse_value(name: str, raw: str | None, takes_value: bool) -> float | None:
    if not takes_value:
        if raw is not None:
            raise ValueError(f"fault {name!r} takes no value")
        return None
    if raw is None:
        raise ValueError(f"fault {name!r} needs a value: {name}=SECONDS")
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"fault {name!r}: {raw!r} is not a number") from None
    if value < 0:
        raise ValueError(f"fault {name!r}: the value must not be negative")
    return value


def split_directive(prompt: str) -> tuple[str, str]:
    """``(prompt without [[sim:...]] directives, the directives' plans joined)``."""
    plans = [m["plan"] for m in _DIRECTIVE.finditer(prompt)]
    return _DIRECTIVE.sub(" ", prompt).strip(), ",".join(plans)


@dataclass(frozen=True)
class Faults:
    """The faults applied to one request, by name."""

    by_name: Mapping[str, Fault]

    def has(self, name: str) -> bool:
        return name in self.by_name

    def value(self, name: str, default: float) -> float:
        fault = self.by_name.get(name)
        if fault is None or fault.value is None:
            return default
        return fault.value

    def names(self) -> list[str]:
        return sorted(self.by_name)


NO_FAULTS = Faults({})
