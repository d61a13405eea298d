"""One redaction rule for everything the studio shows, stores, prints or logs.

Secrets reach messages in many ways: a relay echoes the key back in its error, httpx quotes a
header in an exception, a base URL carries ``user:password@``, a signed link carries
``?sig=…``. Whatever is about to be stored or shown passes through :func:`redact`, which
removes

- every key the studio has been given in this process (:func:`remember_secret`), wherever it
  appears;
- the ``user:password@`` part of any URL;
- the values of query parameters whose name is, or ends in, key, token, sig, signature,
  secret or password (``api_key``, ``access_token``, ``X-Amz-Signature`` …);
- ``Bearer …`` tokens, ``Authorization:``/``x-goog-api-key:``/``mj-api-secret:``/``api-key:``
  values, and ``sk-…`` keys.
"""

from __future__ import annotations

import re
import threading

MASK = "***"
MIN_SECRET_LENGTH = 6  # shorter values would blank out ordinary words

_lock = threading.Lock()
_secrets: tuple[str, ...] = ()  # longest first, so a key containing another goes whole

_NAMED = r"(?:key|token|sig|signature|secret|password|passwd|pwd)"
_PATTERNS = (
    # scheme://user:password@host → scheme://***@host
    re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^\s/?#@\"'<>]+@"),
    # ?api_key=… &token=… &X-Amz-Signature=…
    re.compile(r"(?i)([?&;](?:[a-z0-9]+[-_.])*" + _NAMED + r"=)[^&#\s\"'<>]+"),
    re.compile(r"(?i)(bearer\s+)[^\s\"',;]+"),
    re.compile(
        r"(?i)((?:x-goog-api-key|mj-api-secret|api[_-]?key|authorization)[\"']?\s*[:=]\s*"
        r"[\"']?)(?!bearer\s)[^\s\"',;&]+"
    ),
    re.compile(r"\b(sk-)[A-Za-z0-9_-]{16,}"),
)


def remember_secret(value: str | None) -> None:
    """Redact ``value`` from now on wherever it appears (an API key given to this process)."""
    global _secrets
    secret = (value or "").strip()
    if len(secret) < MIN_SECRET_LENGTH:
        return
    with _lock:
        if secret in _secrets:
            return
        forms = {secret, secret.encode("unicode_escape").decode("ascii")}
        _secrets = tuple(sorted({*_secrets, *forms}, key=len, reverse=True))


def redact(text: str) -> str:
    """``text`` with every secret the rule knows replaced by ``***``."""
    if not text:
        return text
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    for pattern in _PATTERNS:
        text = pattern.sub(lambda match: match.group(1) + MASK, text)
    return text


def redact_value(value: object) -> object:
    """Strings redacted; lists, tuples and dicts walked; anything else as it is."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list | tuple):
        return type(value)(redact_value(item) for item in value)
    if isinstance(value, dict):
        return {key: redact_value(item) for key, item in value.items()}
    return value
