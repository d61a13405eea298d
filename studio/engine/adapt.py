"""Adapting to a relay that refuses optional parameters (protocol.md §11).

Strict relays and proxies answer HTTP 400 naming a parameter their upstream does not take
(`response_format` for gpt-image behind a proxy, `quality`, `background`…). Such a refusal comes
before any work, so it is not billed: the request may go once more without the parameters the
relay named — never without a required one — and the relay + model pair remembers them, so
later requests leave them out from the start. Every adaptation is said in the job's notes.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Protocol

from studio.domain.errors import Billing, StudioError
from studio.domain.i18n import QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.notice import Notice

# Top-level fields a request can do without: looks, formats and how the answer travels. The
# model, the prompt, the images, the mask and what sizes the picture are never dropped.
DROPPABLE = frozenset(
    {
        "response_format",
        "quality",
        "background",
        "style",
        "output_format",
        "output_compression",
        "moderation",
        "input_fidelity",
        "seed",
        "negative_prompt",
        "user",
        "stream",
        "partial_images",
        "watermark",
        "safety_tolerance",
        "complexity",
        "frame_count",
        "frame_duration_ms",
    }
)
_REFUSAL_WORDS = (
    "unknown",
    "unrecognized",
    "unrecognised",
    "unsupported",
    "not support",
    "does not support",
    "not allowed",
    "not permitted",
    "invalid",
    "unexpected",
    "extra",
    "not a valid",
    "不支持",
    "未知",
    "无效",
)

MSG_DROPPED = QT_TRANSLATE_NOOP(
    WARNINGS,
    "The relay refused {names} (HTTP 400, before doing any work: not billed). The request was "
    "sent once more without it, and {model} on this relay leaves it out from now on (Settings → "
    "Relays to forget it).",
)
MSG_LEFT_OUT = QT_TRANSLATE_NOOP(
    WARNINGS,
    "Not sent: {names}, which this relay refused for {model} before (Settings → Relays to "
    "forget it).",
)


class RefusalMemory(Protocol):
    """What a relay refused, per model (``studio.settings.quirks.RelayQuirks``)."""

    def refused(self, profile: str, model: str) -> frozenset[str]: ...

    def remember(self, profile: str, model: str, names: frozenset[str]) -> None: ...


def refused_parameters(error: StudioError, sent: Collection[str]) -> frozenset[str]:
    """The optional fields that were sent and that a 400 (or 422) from the relay names as
    refused; empty when the error is anything else."""
    if error.status not in (400, 422) or error.billing is not Billing.REFUSED:
        return frozenset()
    text = f"{error.relay_message or ''} {error.params.get('param') or ''}".lower()
    if not any(word in text for word in _REFUSAL_WORDS):
        return frozenset()
    named = {
        name
        for name in DROPPABLE & set(sent)
        if re.search(rf"(?<![a-z0-9_]){re.escape(name)}(?![a-z0-9_])", text)
    }
    return frozenset(named)


def names_text(names: Collection[str]) -> str:
    return ", ".join(sorted(names))


def dropped_note(names: Collection[str], model: str) -> Notice:
    return Notice("refused_dropped", MSG_DROPPED, {"names": names_text(names), "model": model})


def left_out_note(names: Collection[str], model: str) -> Notice:
    return Notice("refused_left_out", MSG_LEFT_OUT, {"names": names_text(names), "model": model})
