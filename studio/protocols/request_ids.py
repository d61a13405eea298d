"""The relay's request id of a paid call: what its support asks for to find a charge.

Relays built on one-api/new-api answer with ``X-Oneapi-Request-Id``, OpenAI with
``x-request-id``; new-api also quotes ``(request id: …)`` inside its error messages, which is
all there is when a proxy dropped the headers.

The engine collects the id of a job's paid call with :func:`collecting`; the transport reports
each paid POST (:func:`paid_call_started`) and what its answer said (:func:`note_headers` as
soon as the headers arrive, before a body that may never come; :func:`note_body` when they
named none). The receipt lives in a context variable: a job runs in its own task, so jobs on
one client never mix up their ids, and an id that arrived before a deadline cut the call short
is still there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from studio.domain.redact import redact
from studio.protocols.relay_errors import clean_text

HEADERS = ("x-oneapi-request-id", "x-request-id", "request-id")
MAX_LENGTH = 128  # ids are 20-40 characters; anything longer is not one
BODY_SEARCHED = 64 * 1024  # an error message sits at the start of a body
_IN_BODY = re.compile(rb"\(request id:\s*([^)\s]{1,128})\s*\)", re.IGNORECASE)


@dataclass
class Receipt:
    """What the relay said about the last paid call made while collecting."""

    request_id: str | None = None


_current: ContextVar[Receipt | None] = ContextVar("studio_paid_receipt", default=None)


@contextmanager
def collecting() -> Iterator[Receipt]:
    """A receipt for the paid calls made inside the block, in this task (and tasks it starts)."""
    receipt = Receipt()
    token = _current.set(receipt)
    try:
        yield receipt
    finally:
        _current.reset(token)


def clean(value: str) -> str | None:
    """An id as it may be stored and shown: plain text of bounded length, through the one
    redaction rule (it is not a secret, but it is the relay's text)."""
    text = clean_text(value, MAX_LENGTH)
    return redact(text) if text else None


def in_headers(headers: Mapping[str, str]) -> str | None:
    """The request id an answer's headers name (``headers`` look-ups ignore case)."""
    for name in HEADERS:
        if (value := headers.get(name)) and (found := clean(value)):
            return found
    return None


def in_body(body: bytes) -> str | None:
    """The id a new-api error message quotes: ``… (request id: 20261120…)``."""
    match = _IN_BODY.search(body[:BODY_SEARCHED])
    return clean(match.group(1).decode("utf-8", "replace")) if match else None


def paid_call_started() -> None:
    """A paid POST is leaving: an id from an earlier call (refused, or a button pressed before
    the generation) is not this one's."""
    if (receipt := _current.get()) is not None:
        receipt.request_id = None


def note_headers(headers: Mapping[str, str]) -> None:
    """Keep the id the headers of a paid call's answer name."""
    if (receipt := _current.get()) is not None:
        receipt.request_id = in_headers(headers)


def note_body(body: bytes) -> None:
    """Keep the id quoted in a paid call's answer whose headers named none."""
    receipt = _current.get()
    if receipt is not None and receipt.request_id is None:
        receipt.request_id = in_body(body)
