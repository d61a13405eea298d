"""Turning whatever a relay answers when things go wrong into one :class:`RelayError`.

Relays fail in many shapes (protocol.md §10): OpenAI's ``{"error": {...}}``, Google's
``{"error": {"code", "message", "status"}}``, Midjourney's ``{"code", "description"}``, HTML
pages from Cloudflare or nginx, and HTTP 200 answers that carry an error. Each becomes a plain
message for the user plus the relay's own words (text only, never HTML).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

import httpx

from studio.domain.errors import Billing, ErrorKind, RelayError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP

_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")
_MAX_RELAY_TEXT = 500

_QUOTA_WORDS = ("quota", "insufficient", "balance", "余额", "额度", "credit", "billing")
_SAFETY_WORDS = ("content_policy", "safety", "moderation", "sensitive", "违规", "敏感", "blocked")
_MODEL_WORDS = (
    "model_not_found",
    "no available channel",
    "无可用渠道",
    "does not exist",
    "not found",
)

FATE_UNKNOWN_STATUSES = frozenset({500, 502, 504, 520, 521, 522, 523, 524, 525, 526, 527, 530})

MSG_FATE_UNKNOWN_STATUS = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay failed while making the image (HTTP {status}). It may still have been made; the "
    "request was not sent again.",
)
MSG_AUTH = QT_TRANSLATE_NOOP(
    ERRORS, "The relay did not accept the API key (HTTP {status}). Check the key in the profile."
)
MSG_QUOTA = QT_TRANSLATE_NOOP(
    ERRORS, "The relay says the account has no credit left (HTTP {status}). Top it up, then retry."
)
MSG_RATE_LIMITED = QT_TRANSLATE_NOOP(
    ERRORS, "The relay is limiting requests (HTTP 429). Wait a moment, then retry."
)
MSG_RATE_LIMITED_FOR = QT_TRANSLATE_NOOP(
    ERRORS, "The relay is limiting requests and asks to wait {seconds} s. Retry after that."
)
MSG_UNAVAILABLE = QT_TRANSLATE_NOOP(
    ERRORS, "The relay is unavailable right now (HTTP {status}); retry later."
)
MSG_SAFETY = QT_TRANSLATE_NOOP(
    ERRORS, "The provider refused this request for safety reasons. Change the prompt or images."
)
MSG_MODEL_NOT_FOUND = QT_TRANSLATE_NOOP(
    ERRORS, "The relay does not offer the model {model}. Pick another model or check the profile."
)
MSG_TOO_LARGE = QT_TRANSLATE_NOOP(
    ERRORS, "The request was too large for the relay (HTTP 413). Use fewer or smaller images."
)
MSG_BAD_REQUEST = QT_TRANSLATE_NOOP(
    ERRORS, "The relay rejected the request (HTTP {status}). Its reason is shown below."
)
MSG_NOT_FOUND = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay has no such endpoint (HTTP {status} on {path}). Check the base URL and protocol.",
)
MSG_WORDS_ONLY = QT_TRANSLATE_NOOP(
    ERRORS, "The model answered in words instead of an image: “{text}”"
)
MSG_SERVER = QT_TRANSLATE_NOOP(ERRORS, "The relay answered with an error (HTTP {status}).")
MSG_ERROR_IN_OK = QT_TRANSLATE_NOOP(
    ERRORS, "The relay reported an error instead of an image. Its reason is shown below."
)
MSG_NOT_JSON = QT_TRANSLATE_NOOP(
    ERRORS, "The relay sent something that is not a valid answer (HTTP {status}). See below."
)
MSG_WEB_PAGE = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay sent a web page instead of an answer (HTTP {status}). The base URL may be wrong, "
    "or a proxy stepped in.",
)


def clean_text(text: str, limit: int = _MAX_RELAY_TEXT) -> str:
    """Plain, single-spaced text of bounded length: safe to show anywhere."""
    text = _SPACES.sub(" ", _TAGS.sub(" ", html.unescape(text))).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def looks_like_html(body: bytes, content_type: str = "") -> bool:
    head = body[:512].lstrip().lower()
    return "html" in content_type.lower() or head.startswith((b"<!doctype", b"<html", b"<head"))


def html_summary(body: bytes) -> str:
    """``Title`` of an HTML error page, or its first words: never the markup."""
    if match := _TITLE.search(body[:65536]):
        return clean_text(match.group(1).decode("utf-8", "replace"), 200)
    return clean_text(body[:4096].decode("utf-8", "replace"), 200)


def relay_message_from_json(data: Any) -> tuple[str | None, str | None]:
    """(message, code) from any of the relay error shapes, or (None, None)."""
    if not isinstance(data, dict):
        return None, None
    error = data.get("error")
    if isinstance(error, dict):
        message = error.get("message") or error.get("msg")
        code = error.get("code") or error.get("type") or error.get("status")
        return (clean_text(str(message)) if message else None), (str(code) if code else None)
    if isinstance(error, str) and error:
        return clean_text(error), None
    for key in ("description", "message", "msg", "detail", "fail_reason", "failReason"):
        value = data.get(key)
        if isinstance(value, str) and value:
            code = data.get("code") or data.get("type")
            return clean_text(value), (str(code) if code is not None else None)
    return None, None


def error_in_ok_body(data: Any) -> RelayError | None:
    """An HTTP 200 answer that is really an error (protocol.md §10), or None. The request
    reached the relay and was answered as done: it may have been billed."""
    if not isinstance(data, dict):
        return None
    failed = (isinstance(data.get("error"), dict | str) and data.get("error")) or (
        data.get("success") is False
        or str(data.get("code", "")).lower() in ("fail", "failed", "error")
    )
    if not failed:
        return None
    message, code = relay_message_from_json(data)
    error = _classify_body(200, message, code, path="")
    error.billing = Billing.MAY_BE_BILLED
    return error


def error_from_response(response: httpx.Response, *, model: str | None = None) -> RelayError:
    """A non-2xx answer as a :class:`RelayError`, classified by status and body. A 4xx (and a
    503: "not now") is a refusal before any work; anything else may have been billed."""
    error = _error_from_response(response, model=model)
    status = response.status_code
    error.billing = (
        Billing.REFUSED if 400 <= status < 500 or status == 503 else Billing.MAY_BE_BILLED
    )
    return error


def _error_from_response(response: httpx.Response, *, model: str | None = None) -> RelayError:
    status = response.status_code
    body = response.content
    path = response.request.url.path if response.request else ""
    if looks_like_html(body, response.headers.get("content-type", "")):
        relay_message = f"HTTP {status}: {html_summary(body)}"
        if status in FATE_UNKNOWN_STATUSES:
            return RelayError(
                ErrorKind.FATE_UNKNOWN,
                MSG_FATE_UNKNOWN_STATUS,
                status=status,
                relay_message=relay_message,
                may_be_billed=True,
            )
        return _classify_status(status, relay_message, None, path=path, model=model)
    message, code = None, None
    try:
        message, code = relay_message_from_json(json.loads(body)) if body else (None, None)
    except ValueError:
        message = clean_text(body[:2000].decode("utf-8", "replace")) or None
    return _classify_status(status, message, code, path=path, model=model)


def _classify_status(
    status: int, message: str | None, code: str | None, *, path: str, model: str | None
) -> RelayError:
    lowered = f"{message or ''} {code or ''}".lower()
    if status in FATE_UNKNOWN_STATUSES:
        return RelayError(
            ErrorKind.FATE_UNKNOWN,
            MSG_FATE_UNKNOWN_STATUS,
            status=status,
            relay_message=message,
            may_be_billed=True,
        )
    if status in (401, 403) and not any(w in lowered for w in _QUOTA_WORDS):
        return RelayError(ErrorKind.AUTH, MSG_AUTH, status=status, relay_message=message)
    if status == 429 and not any(w in lowered for w in _QUOTA_WORDS):
        return RelayError(
            ErrorKind.RATE_LIMITED, MSG_RATE_LIMITED, status=status, relay_message=message
        )
    if status == 503:
        return RelayError(ErrorKind.SERVER, MSG_UNAVAILABLE, status=status, relay_message=message)
    if status == 413:
        return RelayError(
            ErrorKind.BAD_REQUEST, MSG_TOO_LARGE, status=status, relay_message=message
        )
    if status in (404, 405) and not message:
        return RelayError(ErrorKind.BAD_REQUEST, MSG_NOT_FOUND, status=status, path=path)
    return _classify_body(status, message, code, path=path, model=model)


def _classify_body(
    status: int, message: str | None, code: str | None, *, path: str, model: str | None = None
) -> RelayError:
    lowered = f"{message or ''} {code or ''}".lower()
    if any(w in lowered for w in _QUOTA_WORDS):
        return RelayError(ErrorKind.QUOTA, MSG_QUOTA, status=status, relay_message=message)
    if any(w in lowered for w in _SAFETY_WORDS):
        return RelayError(ErrorKind.SAFETY, MSG_SAFETY, status=status, relay_message=message)
    if "model" in lowered and any(w in lowered for w in _MODEL_WORDS):
        return RelayError(
            ErrorKind.MODEL_NOT_FOUND,
            MSG_MODEL_NOT_FOUND,
            status=status,
            relay_message=message,
            model=model or "?",
        )
    if status in (401, 403):
        return RelayError(ErrorKind.AUTH, MSG_AUTH, status=status, relay_message=message)
    if status == 200:
        return RelayError(ErrorKind.SERVER, MSG_ERROR_IN_OK, status=status, relay_message=message)
    if 400 <= status < 500:
        return RelayError(
            ErrorKind.BAD_REQUEST, MSG_BAD_REQUEST, status=status, relay_message=message
        )
    return RelayError(ErrorKind.SERVER, MSG_SERVER, status=status, relay_message=message)


def not_json_error(response: httpx.Response) -> RelayError:
    """A 2xx answer that is not JSON: an HTML page from a proxy, or garbage. The request was
    answered as done: it may have been billed."""
    body = response.content
    if looks_like_html(body, response.headers.get("content-type", "")):
        return RelayError(
            ErrorKind.SERVER,
            MSG_WEB_PAGE,
            status=response.status_code,
            relay_message=f"HTTP {response.status_code}: {html_summary(body)}",
            may_be_billed=True,
        )
    return RelayError(
        ErrorKind.SERVER,
        MSG_NOT_JSON,
        status=response.status_code,
        relay_message=clean_text(body[:300].decode("utf-8", "replace")) or None,
        may_be_billed=True,
    )
