"""The relay doctor: what a relay really does, found out by asking it (protocol.md §11).

Free checks send GET requests only (nothing billable): is the relay reachable, over TLS, does it
accept the key, which models does it list, which async task routes and billing endpoints
answer, is a proxy in the way, do the clocks agree. Paid checks (:mod:`studio.engine.doctor_paid`)
send the smallest real jobs through the request manager, so they are in the history like any
job the user sent.

Each finding is a :class:`Check` with a stable ``name``, ``ok`` (True, False, or None: could
not tell / not offered) and a translatable detail. Used by ``studio-cli doctor`` and the
relay page in Settings.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import json
import re
import ssl
import time
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

import httpx

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind, StudioError
from studio.domain.i18n import QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.notice import Notice
from studio.domain.profile import Profile
from studio.protocols.models import PATH as MODELS_PATH
from studio.protocols.models import model_ids
from studio.protocols.relay_errors import (
    clean_text,
    error_from_response,
    html_summary,
    looks_like_html,
)
from studio.protocols.transport import RelayClient, RetryPolicy, is_loopback

QUICK_TIMEOUT = 20.0  # a free check that takes longer is a finding in itself
CLOCK_SKEW_LIMIT = 300.0  # seconds: beyond this, signed links and TLS start to fail
MADE_UP_TASK_ID = "studio-doctor-0000000000000000"
COMMON_POLL_PATHS = (
    "/v1/images/tasks/{task_id}",  # seed 002
    "/v1/images/generations/{task_id}",  # generation.task (a new-api variant)
    "/v1/tasks/{task_id}",  # tasks-v1
)
SUBSCRIPTION_PATH = "/v1/dashboard/billing/subscription"
USAGE_PATH = "/v1/dashboard/billing/usage"
USAGE_DAYS = 30
_ANY_STATUS = tuple(range(300, 600))
_REQUEST_ID = re.compile(r"\s*\(request id: [^)]*\)", re.IGNORECASE)

# -- findings ----------------------------------------------------------------------------------

MSG_REACHED = QT_TRANSLATE_NOOP(WARNINGS, "{host} answered (HTTP {status}) in {ms} ms.")
MSG_UNREACHABLE = QT_TRANSLATE_NOOP(WARNINGS, "Could not connect to {host}: {reason}")
MSG_TLS_OK = QT_TRANSLATE_NOOP(
    WARNINGS, "https: the connection is encrypted and the certificate is valid."
)
MSG_TLS_FAILED = QT_TRANSLATE_NOOP(
    WARNINGS, "The secure connection failed: {reason}. Check the address, or the computer's date."
)
MSG_TLS_LOCAL = QT_TRANSLATE_NOOP(
    WARNINGS, "Plain http to this computer: nothing leaves it, so there is nothing to encrypt."
)
MSG_TLS_PLAIN = QT_TRANSLATE_NOOP(
    WARNINGS,
    "Plain http: the key and the images travel unencrypted. Use https:// if the relay offers it.",
)
MSG_TLS_UNKNOWN = QT_TRANSLATE_NOOP(WARNINGS, "Not checked: the relay could not be reached.")
MSG_KEY_OK = QT_TRANSLATE_NOOP(WARNINGS, "The relay accepted the key.")
MSG_KEY_MISSING = QT_TRANSLATE_NOOP(WARNINGS, "This profile has no key.")
MSG_KEY_REFUSED = QT_TRANSLATE_NOOP(
    WARNINGS, "The relay did not accept the key (HTTP {status}): {said}"
)
MSG_KEY_NO_CREDIT = QT_TRANSLATE_NOOP(
    WARNINGS, "The relay knows the key, but says the account has no credit (HTTP {status})."
)
MSG_KEY_UNKNOWN = QT_TRANSLATE_NOOP(WARNINGS, "Could not tell (HTTP {status}): {said}")
MSG_MODELS_OK = QT_TRANSLATE_NOOP(
    WARNINGS, "{offered} models offered, {known} of them known to the catalog."
)
MSG_MODELS_EMPTY = QT_TRANSLATE_NOOP(WARNINGS, "The relay's model list is empty.")
MSG_MODELS_NOT_JSON = QT_TRANSLATE_NOOP(WARNINGS, "The model list is not JSON: {said}")
MSG_MODELS_UNREAD = QT_TRANSLATE_NOOP(WARNINGS, "The model list could not be read (HTTP {status}).")
MSG_ROUTE_EXISTS = QT_TRANSLATE_NOOP(
    WARNINGS,
    "The route exists: a made-up task id was answered in JSON (HTTP {status}: “{said}”).",
)
MSG_ROUTE_MISSING = QT_TRANSLATE_NOOP(
    WARNINGS, "Not offered by this relay (HTTP {status}: “{said}”)."
)
MSG_ROUTE_MISSING_OWN = QT_TRANSLATE_NOOP(
    WARNINGS,
    "This profile polls async tasks here, but the relay has no such route (HTTP {status}: "
    "“{said}”). Fix the poll path in the relay's async settings.",
)
MSG_ROUTE_UNKNOWN = QT_TRANSLATE_NOOP(WARNINGS, "Could not tell (HTTP {status}: “{said}”).")
MSG_PROBE_FAILED = QT_TRANSLATE_NOOP(WARNINGS, "Could not tell: {reason}")
MSG_SUBSCRIPTION = QT_TRANSLATE_NOOP(WARNINGS, "Offered: the account's limit is {limit} USD.")
MSG_USAGE = QT_TRANSLATE_NOOP(WARNINGS, "Offered: {amount} USD used from {start} to {end}.")
MSG_BILLING_OFFERED = QT_TRANSLATE_NOOP(WARNINGS, "Offered, without the usual amounts.")
MSG_BILLING_REFUSED = QT_TRANSLATE_NOOP(
    WARNINGS, "Not offered with this key (HTTP {status}: “{said}”)."
)
MSG_PROXY_NONE = QT_TRANSLATE_NOOP(WARNINGS, "No proxy in the way.")
MSG_PROXY_LOCAL = QT_TRANSLATE_NOOP(WARNINGS, "The relay is on this computer: no proxy is used.")
MSG_PROXY_OWN = QT_TRANSLATE_NOOP(WARNINGS, "Through this relay's own proxy {proxy}.")
MSG_PROXY_SYSTEM = QT_TRANSLATE_NOOP(
    WARNINGS, "Through the system proxy {proxy} (from the proxy environment variables)."
)
MSG_PROXY_DOWN = QT_TRANSLATE_NOOP(
    WARNINGS, "The relay is reached through {proxy}: check that this proxy is running."
)
MSG_PROXY_VIA = QT_TRANSLATE_NOOP(
    WARNINGS,
    "A proxy answers between the studio and the relay (Via: {via}). It may cut long requests.",
)
MSG_PROXY_CLOUDFLARE = QT_TRANSLATE_NOOP(
    WARNINGS,
    "Cloudflare sits in front of the relay: it cuts a request that stays silent for 100 s "
    "(HTTP 524) while the image may still be billed. Prefer async mode for slow models.",
)
MSG_PROXY_HTML = QT_TRANSLATE_NOOP(
    WARNINGS,
    "A web page came back instead of the relay's JSON (“{said}”): a proxy, a captive portal or "
    "a wrong base URL is in the way.",
)
MSG_CLOCK_OK = QT_TRANSLATE_NOOP(WARNINGS, "The clocks agree (within {seconds} s).")
MSG_CLOCK_AHEAD = QT_TRANSLATE_NOOP(
    WARNINGS,
    "The relay's clock is {minutes} min ahead of this computer's: signed links and TLS may fail. "
    "Check this computer's date and time.",
)
MSG_CLOCK_BEHIND = QT_TRANSLATE_NOOP(
    WARNINGS,
    "The relay's clock is {minutes} min behind this computer's: signed links and TLS may fail. "
    "Check this computer's date and time.",
)
MSG_CLOCK_UNKNOWN = QT_TRANSLATE_NOOP(WARNINGS, "The relay sent no Date header to compare.")


@dataclass(frozen=True)
class Check:
    """One finding. ``ok`` None: could not tell, or not offered."""

    name: str
    ok: bool | None
    notice: Notice
    paid: bool = False

    @property
    def detail(self) -> str:
        return self.notice.message

    def public(self) -> dict[str, Any]:
        """The ``--json`` entry; its keys are a public interface."""
        return {"name": self.name, "ok": self.ok, "detail": self.detail, "paid": self.paid}

    def record(self) -> dict[str, Any]:
        """What is stored: the public entry plus the template, to be shown translated later."""
        return {**self.public(), "template": self.notice.template, "params": self.notice.params}

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> Check:
        ok = data.get("ok")
        params = data.get("params")
        return cls(
            name=str(data.get("name", "")),
            ok=ok if isinstance(ok, bool) else None,
            notice=Notice(
                str(data.get("name", "")),
                str(data.get("template") or data.get("detail") or ""),
                dict(params) if isinstance(params, Mapping) else {},
            ),
            paid=bool(data.get("paid", False)),
        )


def check(name: str, ok: bool | None, template: str, **params: Any) -> Check:
    return Check(name, ok, Notice(name, template, params))


@dataclass(frozen=True)
class Spent:
    """An estimate from the catalog's list prices (what the relay bills may differ)."""

    amount: float
    currency: str

    def public(self) -> dict[str, Any]:
        return {"amount": float(round(self.amount, 6)), "currency": self.currency}


@dataclass
class Report:
    profile: str
    checks: list[Check]
    spent: Spent | None = None
    checked_at: float = field(default_factory=time.time)

    @property
    def reachable(self) -> bool:
        return any(c.name == "reachable" and c.ok for c in self.checks)

    def public(self) -> dict[str, Any]:
        """The ``--json`` object; its keys are a public interface."""
        return {
            "profile": self.profile,
            "checks": [c.public() for c in self.checks],
            "spent_estimate": self.spent.public() if self.spent is not None else None,
        }

    def record(self) -> dict[str, Any]:
        return {
            **self.public(),
            "checks": [c.record() for c in self.checks],
            "checked_at": dt.datetime.fromtimestamp(self.checked_at, dt.UTC).isoformat(),
        }

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> Report:
        spent = data.get("spent_estimate")
        try:
            when = dt.datetime.fromisoformat(str(data.get("checked_at"))).timestamp()
        except ValueError:
            when = 0.0
        checks = data.get("checks")
        return cls(
            profile=str(data.get("profile", "")),
            checks=[Check.from_record(c) for c in checks if isinstance(c, Mapping)]
            if isinstance(checks, list)
            else [],
            spent=Spent(float(spent["amount"]), str(spent["currency"]))
            if isinstance(spent, Mapping) and isinstance(spent.get("amount"), int | float)
            else None,
            checked_at=when,
        )


# -- free checks -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FreeFindings:
    checks: list[Check]
    reachable: bool
    key_accepted: bool | None
    offered: tuple[str, ...] | None  # the relay's model list, when it could be read


Clock = Callable[[], float]


async def free_checks(
    profile: Profile, catalog: Catalog, *, clock: Clock = time.time
) -> FreeFindings:
    """Every free check, GET requests only; never raises for what the relay does."""
    quick = replace(
        profile,
        read_timeout=min(profile.read_timeout, QUICK_TIMEOUT),
        connect_timeout=min(profile.connect_timeout, QUICK_TIMEOUT),
    )
    async with RelayClient(quick, policy=RetryPolicy(idempotent_attempts=1)) as client:
        host = urlsplit(client.root).netloc
        started = clock()
        try:
            first = await _get(client, profile, MODELS_PATH)
        except StudioError as error:
            return _unreached(profile, client.root, host, error)
        finished = clock()
        reached = check(
            "reachable",
            True,
            MSG_REACHED,
            host=host,
            status=first.status_code,
            ms=max(round((finished - started) * 1000), 0),
        )
        key_check, key_accepted = _key(profile, first)
        models_check, offered = _models(catalog, first)
        probes = await asyncio.gather(
            *(_route(client, profile, path) for path in _poll_paths(profile)),
            _subscription(client, profile),
            _usage(client, profile, clock),
        )
    checks = [
        reached,
        _tls(client.root, None),
        key_check,
        models_check,
        *probes,
        _proxy(profile, client.root, first),
        _clock(first, (started + finished) / 2),
    ]
    return FreeFindings(checks, True, key_accepted, offered)


async def _get(
    client: RelayClient, profile: Profile, path: str, params: Mapping[str, str] | None = None
) -> httpx.Response:
    return await client.get(
        path, auth=profile.auth_style, params=params, accept_statuses=_ANY_STATUS
    )


def _unreached(profile: Profile, root: str, host: str, error: StudioError) -> FreeFindings:
    reason = str(error.params.get("reason") or error.relay_message or error.message)
    tls_failure = _is_tls_failure(error)
    checks = [
        check("reachable", False, MSG_UNREACHABLE, host=host, reason=reason),
        _tls(root, reason if tls_failure else ""),
        _proxy_unreached(profile, root),
    ]
    return FreeFindings(checks, False, None, None)


def _is_tls_failure(error: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLError):
            return True
        text = str(current)
        if "SSL" in text or "CERTIFICATE" in text.upper():
            return True
        current = current.__cause__ or current.__context__
    return False


def _tls(root: str, failure: str | None) -> Check:
    """``failure``: None when the relay answered, "" when it was not reached for another
    reason, else what the TLS handshake said."""
    if urlsplit(root).scheme != "https":
        if is_loopback(root):
            return check("tls", None, MSG_TLS_LOCAL)
        return check("tls", False, MSG_TLS_PLAIN)
    if failure is None:
        return check("tls", True, MSG_TLS_OK)
    if failure:
        return check("tls", False, MSG_TLS_FAILED, reason=failure)
    return check("tls", None, MSG_TLS_UNKNOWN)


def _said(response: httpx.Response) -> str:
    """What an answer says, in a few plain words (never markup, no request ids)."""
    body = response.content
    if looks_like_html(body, response.headers.get("content-type", "")):
        text = html_summary(body)
    elif response.status_code >= 300 and (said := error_from_response(response).relay_message):
        text = said
    else:
        text = body[:300].decode("utf-8", "replace")
    return clean_text(_REQUEST_ID.sub("", text), 200) or f"HTTP {response.status_code}"


def _json(response: httpx.Response) -> Any:
    if looks_like_html(response.content, response.headers.get("content-type", "")):
        return None
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return None


def _key(profile: Profile, response: httpx.Response) -> tuple[Check, bool | None]:
    status = response.status_code
    if not profile.api_key:
        return check("key", False, MSG_KEY_MISSING), False
    if status < 300:
        return check("key", True, MSG_KEY_OK), True
    error = error_from_response(response)
    if error.kind is ErrorKind.AUTH:
        return check("key", False, MSG_KEY_REFUSED, status=status, said=_said(response)), False
    if error.kind is ErrorKind.QUOTA:
        return check("key", True, MSG_KEY_NO_CREDIT, status=status), True
    return check("key", None, MSG_KEY_UNKNOWN, status=status, said=_said(response)), None


def _models(catalog: Catalog, response: httpx.Response) -> tuple[Check, tuple[str, ...] | None]:
    status = response.status_code
    if status >= 300:
        return check("models", None, MSG_MODELS_UNREAD, status=status), None
    data = _json(response)
    if data is None:
        return check("models", False, MSG_MODELS_NOT_JSON, said=_said(response)), None
    ids = tuple(model_ids(data))
    if not ids:
        return check("models", False, MSG_MODELS_EMPTY), ids
    known = sum(catalog.is_listed(name) for name in ids)
    return check("models", True, MSG_MODELS_OK, offered=len(ids), known=known), ids


def _poll_paths(profile: Profile) -> list[str]:
    paths = [profile.async_options.poll_path, *COMMON_POLL_PATHS]
    return list(dict.fromkeys(path.strip() for path in paths if path.strip()))


def route_name(path: str) -> str:
    """``async:/v1/images/tasks`` for ``/v1/images/tasks/{task_id}``."""
    return "async:" + path.removesuffix("/{task_id}")


def _route_exists(response: httpx.Response) -> bool | None:
    """Whether a GET for a made-up task id reached a task route: a JSON answer ("task not
    exist") says yes; an HTML 404 or "Invalid URL" says no; a refused key or a 5xx can't tell."""
    status = response.status_code
    if status in (401, 403) or status >= 500:
        return None
    if status == 405:
        return False
    data = _json(response)
    if data is None:
        return False
    return "invalid url" not in response.text.lower()


async def _route(client: RelayClient, profile: Profile, path: str) -> Check:
    name = route_name(path)
    own = path == profile.async_options.poll_path.strip()
    try:
        response = await _get(client, profile, path.replace("{task_id}", MADE_UP_TASK_ID))
    except StudioError as error:
        return check(name, None, MSG_PROBE_FAILED, reason=error.message)
    status, said = response.status_code, _said(response)
    exists = _route_exists(response)
    if exists:
        return check(name, True, MSG_ROUTE_EXISTS, status=status, said=said)
    if exists is None:
        return check(name, None, MSG_ROUTE_UNKNOWN, status=status, said=said)
    if own:
        return check(name, False, MSG_ROUTE_MISSING_OWN, status=status, said=said)
    return check(name, None, MSG_ROUTE_MISSING, status=status, said=said)


def _billing_refusal(name: str, response: httpx.Response) -> Check:
    status = response.status_code
    template = MSG_BILLING_REFUSED if status in (401, 403) else MSG_ROUTE_MISSING
    return check(name, None, template, status=status, said=_said(response))


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(value)
    except ValueError:
        return None


async def _subscription(client: RelayClient, profile: Profile) -> Check:
    name = "billing:subscription"
    try:
        response = await _get(client, profile, SUBSCRIPTION_PATH)
    except StudioError as error:
        return check(name, None, MSG_PROBE_FAILED, reason=error.message)
    data = _json(response)
    if response.status_code >= 300 or not isinstance(data, dict):
        return _billing_refusal(name, response)
    limit = _number(data.get("hard_limit_usd", data.get("system_hard_limit_usd")))
    if limit is None:
        return check(name, True, MSG_BILLING_OFFERED)
    return check(name, True, MSG_SUBSCRIPTION, limit=f"{limit:.2f}")


async def _usage(client: RelayClient, profile: Profile, clock: Clock) -> Check:
    name = "billing:usage"
    today = dt.datetime.fromtimestamp(clock(), dt.UTC).date()
    start = today - dt.timedelta(days=USAGE_DAYS)
    end = today + dt.timedelta(days=1)
    params = {"start_date": start.isoformat(), "end_date": end.isoformat()}
    try:
        response = await _get(client, profile, USAGE_PATH, params)
    except StudioError as error:
        return check(name, None, MSG_PROBE_FAILED, reason=error.message)
    data = _json(response)
    if response.status_code >= 300 or not isinstance(data, dict):
        return _billing_refusal(name, response)
    cents = _number(data.get("total_usage"))
    if cents is None:
        return check(name, True, MSG_BILLING_OFFERED)
    return check(
        name,
        True,
        MSG_USAGE,
        amount=f"{cents / 100:.2f}",
        start=start.isoformat(),
        end=today.isoformat(),
    )


def system_proxy(url: str) -> str | None:
    """The proxy the environment's variables give for ``url`` (as httpx reads them), if any."""
    parts = urlsplit(url)
    proxies = urllib.request.getproxies_environment()
    if not proxies:
        return None
    host = parts.hostname or ""
    # In urllib.request on every Python 3 (proxy_bypass uses it off Windows and macOS) but
    # undocumented, so typeshed's stubs leave it out.
    if urllib.request.proxy_bypass_environment(host, proxies):  # type: ignore[attr-defined]
        return None
    return proxies.get(parts.scheme) or proxies.get("all")


def _proxy_unreached(profile: Profile, root: str) -> Check:
    if is_loopback(root):
        return check("proxy", True, MSG_PROXY_LOCAL)
    proxy = profile.proxy or system_proxy(root)
    if proxy:
        return check("proxy", False, MSG_PROXY_DOWN, proxy=proxy)
    return check("proxy", True, MSG_PROXY_NONE)


def _proxy(profile: Profile, root: str, response: httpx.Response) -> Check:
    headers = response.headers
    if looks_like_html(response.content, headers.get("content-type", "")):
        return check("proxy", False, MSG_PROXY_HTML, said=_said(response))
    if via := headers.get("via"):
        return check("proxy", None, MSG_PROXY_VIA, via=clean_text(via, 120))
    if "cf-ray" in headers or headers.get("server", "").lower() == "cloudflare":
        return check("proxy", None, MSG_PROXY_CLOUDFLARE)
    if is_loopback(root):
        return check("proxy", True, MSG_PROXY_LOCAL)
    if profile.proxy:
        return check("proxy", True, MSG_PROXY_OWN, proxy=profile.proxy)
    if proxy := system_proxy(root):
        return check("proxy", True, MSG_PROXY_SYSTEM, proxy=proxy)
    return check("proxy", True, MSG_PROXY_NONE)


def _clock(response: httpx.Response, local: float) -> Check:
    header = response.headers.get("date")
    try:
        when = email.utils.parsedate_to_datetime(header) if header else None
    except (TypeError, ValueError):
        when = None
    if when is None:
        return check("clock", None, MSG_CLOCK_UNKNOWN)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    skew = when.timestamp() - local
    if abs(skew) <= CLOCK_SKEW_LIMIT:
        return check("clock", True, MSG_CLOCK_OK, seconds=max(round(abs(skew)), 1))
    template = MSG_CLOCK_AHEAD if skew > 0 else MSG_CLOCK_BEHIND
    return check("clock", False, template, minutes=round(abs(skew) / 60))
