"""One redaction rule for everything the studio shows, stores, prints or logs.

Secrets reach messages in many ways: a relay echoes the key back in its error, httpx quotes a
header in an exception, a base URL carries ``user:password@``, a signed link carries
``?sig=…``. Whatever is about to be stored or shown passes through :func:`redact`, which
removes

- every key the studio has been given in this process (:func:`remember_secret`; the keys in
  the environment with :func:`remember_environment_secrets`), wherever it appears: as it is,
  escaped the way Python, JSON or a URL would write it, and each line of a key that has
  several;
- the ``user:password@`` part of any URL (also a bare ``user:password@host``, as
  ``urlsplit(url).netloc`` gives it);
- the values of query parameters whose name is, or ends in, key, token, sig, signature,
  secret or password (``api_key``, ``access_token``, ``X-Amz-Signature`` …), and of JSON
  members named so (``"password": "…"``);
- ``Bearer …`` tokens, ``Authorization:``/``x-goog-api-key:``/``mj-api-secret:``/``api-key:``
  values (``Basic …`` credentials too), and ``sk-…`` keys.
"""

from __future__ import annotations

import json
import os
import re
import threading
from urllib.parse import quote, quote_plus

MASK = "***"
MIN_SECRET_LENGTH = 6  # shorter values would blank out ordinary words
MIN_PIECE_LENGTH = 8  # a line of a key with several ("Bearer" alone is no secret)

_lock = threading.Lock()
_secrets: tuple[str, ...] = ()  # longest first, so a key containing another goes whole

_NAMED = r"(?:key|token|sig|signature|secret|password|passwd|pwd)"
_PATTERNS = (
    # scheme://user:password@host → scheme://***@host
    re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^\s/?#@\"'<>]+(?=@)"),
    # user:password@host without a scheme (a URL's netloc) → ***@host
    re.compile(r"(?<![\w.+/:@%~-])()[A-Za-z_][\w.~%+-]*:[^\s/?#@\"'<>]+(?=@[\w\[])"),
    # ?api_key=… &token=… &X-Amz-Signature=… #access_token=… (or a bare query string)
    re.compile(r"(?i)((?:^|[?&;#])(?:[a-z0-9]+[-_.])*" + _NAMED + r"=)[^&#\s\"'<>]+"),
    # "password": "…", 'client_secret': '…'
    re.compile(r"(?i)([\"'](?:[\w-]*[-_.])?" + _NAMED + r"[\"']\s*:\s*[\"'])[^\"'\\]+"),
    re.compile(r"(?i)(bearer\s+)[^\s\"',;]+"),
    re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?basic\s+)[^\s\"',;]+"),
    re.compile(
        r"(?i)((?:x-goog-api-key|mj-api-secret|api[_-]?key|authorization)[\"']?\s*[:=]\s*"
        r"[\"']?)(?!bearer\s|basic\s)[^\s\"',;&]+"
    ),
    re.compile(r"\b(sk-)[A-Za-z0-9_-]{16,}"),
)
ENVIRONMENT_KEYS = "STUDIO_API_KEY"  # and STUDIO_API_KEY_<PROFILE>


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= character <= "\udfff" for character in text)


def _forms(secret: str) -> set[str]:
    """``secret`` as it may be written: itself, escaped by Python (``str``/``bytes`` reprs), by
    JSON and by URL encoding, and each of its lines when it has several."""
    # Bytes that are not UTF-8 (lone surrogates from a terminal) are spelled as the escapes
    # they would be printed as, never raised over.
    raw = secret.encode("utf-8", "surrogateescape") if _has_surrogates(secret) else None
    forms = {
        secret,
        secret.encode("unicode_escape").decode("ascii"),
        repr(raw if raw is not None else secret.encode("utf-8"))[2:-1],
        json.dumps(secret)[1:-1],
        quote(raw if raw is not None else secret, safe=""),
        quote(raw if raw is not None else secret),
        quote_plus(raw if raw is not None else secret),
    }
    if raw is None:
        forms.add(json.dumps(secret, ensure_ascii=False)[1:-1])
    forms = {form for form in forms if len(form) >= MIN_SECRET_LENGTH}
    pieces = secret.split()  # a key pasted with a line break: each line is secret too
    if len(pieces) > 1:
        forms.update(piece for piece in pieces if len(piece) >= MIN_PIECE_LENGTH)
    return forms


def remember_secret(value: str | None) -> None:
    """Redact ``value`` from now on wherever it appears (an API key given to this process)."""
    global _secrets
    secret = (value or "").strip()
    if len(secret) < MIN_SECRET_LENGTH:
        return
    with _lock:
        if secret in _secrets:
            return
        _secrets = tuple(sorted({*_secrets, *_forms(secret)}, key=len, reverse=True))


def remember_environment_secrets() -> None:
    """Remember the keys given through the environment (``STUDIO_API_KEY``,
    ``STUDIO_API_KEY_<PROFILE>``), so a process redacts them before it has made a profile."""
    for name, value in os.environ.items():
        if name == ENVIRONMENT_KEYS or name.startswith(ENVIRONMENT_KEYS + "_"):
            remember_secret(value)


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
