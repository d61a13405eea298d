"""HTTP to a relay with the retry discipline of protocol.md §10.

A paid POST is sent again only when it provably never reached the relay (the connection could
not be made) or the relay said "not now" before doing any work (429, or 503 with Retry-After).
Anything after the body left — 500/502/504/524, a read time-out, a dropped connection — fails
at once with a message that says the image may have been billed. Polls and downloads cost
nothing and retry freely with backoff.
"""

from __future__ import annotations

import asyncio
import email.utils
import functools
import ipaddress
import logging
import re
import ssl
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from studio import __version__
from studio.domain.errors import Billing, ErrorKind, InputError, RelayError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.profile import AuthStyle, Profile
from studio.protocols import jsonbody, request_ids
from studio.protocols.events import PartialHook, collect_image_events, is_event_stream
from studio.protocols.reading import (
    ACCEPT_ENCODING,
    BodyEncodingError,
    BodyTooLargeError,
    decoded_response,
    read_capped,
)
from studio.protocols.relay_errors import (
    MSG_RATE_LIMITED_FOR,
    clean_text,
    error_from_response,
    error_in_ok_body,
    not_json_error,
)

log = logging.getLogger(__name__)

MiB = 1024 * 1024
DEFAULT_DOWNLOAD_CAP = 200 * MiB
DEFAULT_DOWNLOAD_TIMEOUT = 180.0  # one attempt at downloading one image
# A paid answer carries at most n images of base64 (4096² PNGs are ~40 MB of text each).
DEFAULT_ANSWER_CAP = 512 * MiB
ERROR_BODY_CAP = 1 * MiB  # an error page is read this far (enough for any message)

MSG_UNREACHABLE = QT_TRANSLATE_NOOP(
    ERRORS,
    "Could not connect to the relay at {host}. Check the base URL, your network or proxy, then "
    "retry.",
)
MSG_READ_TIMEOUT = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay did not answer within {seconds} s. The request was not sent again; async mode "
    "avoids this for slow models.",
)
MSG_DROPPED = QT_TRANSLATE_NOOP(
    ERRORS,
    "The connection to the relay broke before its answer arrived. The image may still have been "
    "made; the request was not sent again.",
)
MSG_SEND_FAILED = QT_TRANSLATE_NOOP(
    ERRORS,
    "The connection broke while the request was being sent. It was not sent again; retry when "
    "the network is stable.",
)
MSG_BAD_BASE_URL = QT_TRANSLATE_NOOP(
    ERRORS, "The base URL {url} is not a valid http:// or https:// address. Fix it in the profile."
)
MSG_REDIRECTED = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay redirected the request to {location}. Use that address as the profile's base URL.",
)
MSG_POLL_FAILED = QT_TRANSLATE_NOOP(
    ERRORS, "Could not reach the relay to check on the task ({reason}). It will be checked again."
)
MSG_DOWNLOAD_EXPIRED = QT_TRANSLATE_NOOP(
    ERRORS,
    "The image link has expired or is gone (HTTP {status}, still after {attempts} tries). "
    "Relays keep results for a limited time, often about an hour.",
)
MSG_DOWNLOAD_FAILED = QT_TRANSLATE_NOOP(
    ERRORS, "Could not download the image from the relay ({reason}), even after trying for a while."
)
MSG_DOWNLOAD_TOO_BIG = QT_TRANSLATE_NOOP(
    ERRORS, "The image at the link is larger than {limit} MB; it was not downloaded."
)
MSG_ANSWER_TOO_BIG = QT_TRANSLATE_NOOP(
    ERRORS, "The relay's answer is larger than {limit} MB; the studio stopped reading it."
)
MSG_ANSWER_UNREADABLE = QT_TRANSLATE_NOOP(
    ERRORS, "The relay's answer could not be read ({reason})."
)


@dataclass(frozen=True)
class RetryPolicy:
    connect_attempts: int = 3  # a paid POST whose connection could not be made
    limited_attempts: int = 4  # a paid POST answered 429, or 503 with Retry-After
    max_wait: float = 60.0  # the longest Retry-After honoured automatically
    backoff: float = 0.5  # first delay; doubles each time
    backoff_cap: float = 8.0
    idempotent_attempts: int = 5  # polls and model lists
    download_attempts: int = 8  # a result link that fails for a passing reason (5xx, reset)
    download_window: float = 90.0  # …tried again for at most this long
    gone_attempts: int = 3  # a link answering 403/404/410: a CDN may not have it yet

    def delay(self, attempt: int) -> float:
        return min(self.backoff * (2.0 ** max(attempt - 1, 0)), self.backoff_cap)


WaitHook = Callable[[str, float], Awaitable[None] | None]
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ProxyError)


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@functools.cache
def tls_context() -> ssl.SSLContext:
    """One TLS context for every client: loading the CA bundle takes ~50 ms, so it is done
    once (and the window warms it up on a worker thread at start)."""
    return ssl.create_default_context(cafile=certifi_bundle())


def certifi_bundle() -> str | None:
    try:
        import certifi
    except ImportError:  # the system's store is used instead
        return None
    return certifi.where()


def retry_after_seconds(response: httpx.Response) -> float | None:
    """``retry-after-ms`` or ``Retry-After`` (seconds or an HTTP date), when present."""
    if (ms := response.headers.get("retry-after-ms")) is not None:
        try:
            return max(float(ms) / 1000, 0.0)
        except ValueError:
            pass
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(parsed.timestamp() - time.time(), 0.0) if parsed else None


class RelayClient:
    """One relay profile's HTTP client. Create one per profile; close it with :meth:`aclose`."""

    def __init__(
        self,
        profile: Profile,
        *,
        policy: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        on_wait: WaitHook | None = None,
        answer_cap: int = DEFAULT_ANSWER_CAP,
    ) -> None:
        self.profile = profile
        self.policy = policy or RetryPolicy()
        self.answer_cap = answer_cap
        self.on_wait = on_wait
        self.on_partial: PartialHook | None = None  # drafts of a streamed answer, as they come
        self.paid_requests_sent = 0
        root = profile.root_url
        if urlsplit(root).scheme not in ("http", "https") or not urlsplit(root).hostname:
            raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_BASE_URL, url=profile.base_url)
        parts = urlsplit(root)
        if "@" in parts.netloc and profile.api_key:
            # httpx would turn user:password into a Basic Authorization header that replaces
            # the key's: the key is what relays check.
            log.warning("ignoring the user name and password in the base URL of %s", profile.name)
            root = parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
        self.root = root
        timeout = httpx.Timeout(
            connect=profile.connect_timeout,
            read=profile.read_timeout,
            write=max(profile.connect_timeout, 120.0),
            pool=None,
        )
        self._http = httpx.AsyncClient(
            verify=tls_context(),
            timeout=timeout,
            proxy=profile.proxy or None,
            trust_env=not is_loopback(root),
            transport=transport,
            headers={"User-Agent": f"studio/{__version__}", "Accept-Encoding": ACCEPT_ENCODING},
            limits=httpx.Limits(max_connections=max(profile.concurrency * 2, 8)),
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> RelayClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # -- helpers ---------------------------------------------------------------------------

    def url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        return self.root + (path if path.startswith("/") else "/" + path)

    def auth(self, style: AuthStyle) -> tuple[dict[str, str], dict[str, str]]:
        """Headers and query parameters that carry the key in ``style``."""
        key = self.profile.api_key
        if not key:
            return {}, {}
        if style is AuthStyle.GOOG_API_KEY:
            return {"x-goog-api-key": key}, {}
        if style is AuthStyle.MJ_API_SECRET:
            return {"mj-api-secret": key}, {}
        return {"Authorization": f"Bearer {key}"}, {}

    def _same_origin(self, url: str) -> bool:
        ours, theirs = urlsplit(self.root), urlsplit(url)
        return (ours.scheme, ours.netloc) == (theirs.scheme, theirs.netloc)

    async def _wait(self, reason: str, seconds: float) -> None:
        log.info("waiting %.1f s before retrying (%s)", seconds, reason)
        if self.on_wait is not None:
            maybe = self.on_wait(reason, seconds)
            if maybe is not None:
                await maybe
        await asyncio.sleep(seconds)

    # -- paid requests ---------------------------------------------------------------------

    async def post_paid(
        self,
        path: str,
        *,
        auth: AuthStyle = AuthStyle.BEARER,
        content: bytes | None = None,
        content_type: str | None = None,
        data: Mapping[str, Any] | None = None,
        files: list[tuple[str, tuple[str, bytes, str]]] | None = None,
        params: Mapping[str, str] | None = None,
        model: str | None = None,
    ) -> httpx.Response:
        """POST a request the relay may charge for; never resend it unless provably unsent."""
        url = self.url(path)
        headers, auth_params = self.auth(auth)
        if content_type:
            headers["Content-Type"] = content_type
        query = {**auth_params, **(params or {})}
        connect_failures = 0
        limited = 0
        while True:
            try:
                self.paid_requests_sent += 1
                response = await self._post_and_read(
                    url, content=content, data=data, files=files, params=query, headers=headers
                )
            except _NOT_SENT as exc:
                self.paid_requests_sent -= 1  # it never left this machine
                connect_failures += 1
                if connect_failures >= self.policy.connect_attempts:
                    raise RelayError(
                        ErrorKind.NETWORK,
                        MSG_UNREACHABLE,
                        host=urlsplit(url).netloc,
                        relay_message=_describe(exc),
                        billing=Billing.NOT_SENT,
                    ) from exc
                await self._wait("connect", self.policy.delay(connect_failures))
                continue
            except httpx.ReadTimeout as exc:
                raise RelayError(
                    ErrorKind.FATE_UNKNOWN,
                    MSG_READ_TIMEOUT,
                    may_be_billed=True,
                    seconds=round(self.profile.read_timeout),
                ) from exc
            except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
                log.warning("connection dropped after sending %s: %s", url, _describe(exc))
                raise RelayError(ErrorKind.FATE_UNKNOWN, MSG_DROPPED, may_be_billed=True) from exc
            except (httpx.WriteError, httpx.WriteTimeout) as exc:
                raise RelayError(
                    ErrorKind.NETWORK,
                    MSG_SEND_FAILED,
                    relay_message=_describe(exc),
                    billing=Billing.NOT_SENT,
                ) from exc
            except httpx.UnsupportedProtocol as exc:
                raise RelayError(
                    ErrorKind.NETWORK, MSG_BAD_BASE_URL, url=url, billing=Billing.NOT_SENT
                ) from exc
            except BodyTooLargeError as exc:
                raise RelayError(
                    ErrorKind.BAD_RESULT,
                    MSG_ANSWER_TOO_BIG,
                    limit=exc.limit // MiB,
                    may_be_billed=True,
                ) from exc
            except BodyEncodingError as exc:
                raise RelayError(
                    ErrorKind.BAD_RESULT, MSG_ANSWER_UNREADABLE, reason=str(exc), may_be_billed=True
                ) from exc
            except httpx.HTTPError as exc:
                raise RelayError(
                    ErrorKind.FATE_UNKNOWN,
                    MSG_DROPPED,
                    may_be_billed=True,
                    relay_message=_describe(exc),
                ) from exc

            status = response.status_code
            wait = retry_after_seconds(response)
            if status == 429 or (status == 503 and wait is not None):
                error = error_from_response(response, model=model)
                if error.kind is ErrorKind.QUOTA:
                    raise error
                limited += 1
                delay = wait if wait is not None else self.policy.delay(limited)
                if limited >= self.policy.limited_attempts or delay > self.policy.max_wait:
                    if wait is not None and status == 429:
                        raise RelayError(
                            ErrorKind.RATE_LIMITED,
                            MSG_RATE_LIMITED_FOR,
                            status=status,
                            relay_message=error.relay_message,
                            seconds=round(wait),
                            billing=Billing.REFUSED,
                        )
                    raise error
                await self._wait("rate-limited", delay)
                continue
            if 300 <= status < 400:
                raise RelayError(
                    ErrorKind.BAD_REQUEST,
                    MSG_REDIRECTED,
                    status=status,
                    location=response.headers.get("location", "?"),
                    billing=Billing.REFUSED,
                )
            if status >= 400:
                raise error_from_response(response, model=model)
            return response

    async def _post_and_read(
        self,
        url: str,
        *,
        content: bytes | None,
        data: Mapping[str, Any] | None,
        files: list[tuple[str, tuple[str, bytes, str]]] | None,
        params: Mapping[str, str],
        headers: dict[str, str],
    ) -> httpx.Response:
        """POST and read the whole answer within the answer cap (errors: their first MiB)."""
        request = self._http.build_request(
            "POST",
            url,
            content=content,
            data=data,
            files=files,
            params=params or None,
            headers=headers,
        )
        request_ids.paid_call_started()
        response = await self._http.send(request, stream=True, follow_redirects=False)
        try:
            # The relay's request id, before a body that may never come (a cut, a deadline).
            request_ids.note_headers(response.headers)
            cap = self.answer_cap if response.status_code < 300 else ERROR_BODY_CAP
            if response.status_code < 300 and is_event_stream(response):  # a streamed answer
                body = await collect_image_events(response, cap, self.on_partial)
            else:
                try:
                    body = await read_capped(response, cap)
                except BodyTooLargeError:
                    if response.status_code < 300:
                        raise
                    body = b""  # an error page too long to matter: its status says enough
            request_ids.note_body(body)  # an id quoted in an error message, when headers had none
            return decoded_response(response, body)
        finally:
            await response.aclose()

    async def _get_and_read(
        self, url: str, *, params: Mapping[str, str], headers: dict[str, str], cap: int
    ) -> httpx.Response:
        response = await self._http.send(
            self._http.build_request("GET", url, params=params or None, headers=headers),
            stream=True,
        )
        try:
            return decoded_response(response, await read_capped(response, cap))
        finally:
            await response.aclose()

    # -- free requests ---------------------------------------------------------------------

    async def get(
        self,
        path: str,
        *,
        auth: AuthStyle = AuthStyle.BEARER,
        params: Mapping[str, str] | None = None,
        accept_statuses: tuple[int, ...] = (),
    ) -> httpx.Response:
        """GET with retries (polls, model lists): free to repeat."""
        url = self.url(path)
        headers, auth_params = self.auth(auth)
        query = {**auth_params, **(params or {})}
        attempt = 0
        while True:
            attempt += 1
            last_try = attempt >= self.policy.idempotent_attempts
            try:
                response = await self._get_and_read(
                    url, params=query, headers=headers, cap=self.answer_cap
                )
            except httpx.UnsupportedProtocol as exc:
                raise RelayError(ErrorKind.NETWORK, MSG_BAD_BASE_URL, url=url) from exc
            except BodyTooLargeError as exc:
                raise RelayError(
                    ErrorKind.BAD_RESULT, MSG_ANSWER_TOO_BIG, limit=exc.limit // MiB
                ) from exc
            except (httpx.HTTPError, BodyEncodingError) as exc:
                if last_try:
                    raise RelayError(
                        ErrorKind.NETWORK, MSG_POLL_FAILED, reason=_describe(exc)
                    ) from exc
                await self._wait("poll", self.policy.delay(attempt))
                continue
            status = response.status_code
            if status in accept_statuses or status < 300:
                return response
            if (status >= 500 or status in (408, 429)) and not last_try:
                wait = retry_after_seconds(response)
                delay = (
                    min(wait, self.policy.max_wait)
                    if wait is not None
                    else self.policy.delay(attempt)
                )
                await self._wait("poll", delay)
                continue
            raise error_from_response(response)

    async def download(
        self,
        url: str,
        *,
        max_bytes: int = DEFAULT_DOWNLOAD_CAP,
        time_limit: float = DEFAULT_DOWNLOAD_TIMEOUT,
    ) -> bytes:
        """Fetch a result image, capped in size and time; failures that may pass (5xx, a reset,
        a time-out) are tried again for a while, a link that answers 403/404/410 a few times.

        The key is sent only to the relay's own origin, never to a CDN.
        """
        absolute = urljoin(self.root + "/", url)
        headers = self.auth(AuthStyle.BEARER)[0] if self._same_origin(absolute) else {}
        policy = self.policy
        started = time.monotonic()
        attempt = gone = 0
        while True:
            attempt += 1
            try:
                return await asyncio.wait_for(
                    self._download_once(absolute, headers, max_bytes), time_limit
                )
            except _GoneError as exc:
                gone += 1
                if gone >= policy.gone_attempts:
                    raise RelayError(
                        ErrorKind.RESULT_EXPIRED,
                        MSG_DOWNLOAD_EXPIRED,
                        status=exc.status,
                        attempts=gone,
                        relay_message=exc.said,
                    ) from exc
            except RelayError:
                raise
            except (_TransientError, httpx.HTTPError, TimeoutError, BodyEncodingError) as exc:
                reason = exc.reason if isinstance(exc, _TransientError) else _describe(exc)
                out_of_time = time.monotonic() - started + policy.delay(attempt) > (
                    policy.download_window
                )
                if attempt >= policy.download_attempts or out_of_time:
                    raise RelayError(ErrorKind.NETWORK, MSG_DOWNLOAD_FAILED, reason=reason) from exc
            await self._wait("download", policy.delay(attempt))

    async def _download_once(self, url: str, headers: dict[str, str], max_bytes: int) -> bytes:
        async with self._http.stream(
            "GET", url, headers=headers, follow_redirects=True
        ) as response:
            status = response.status_code
            if status >= 400:
                body = await read_capped(response, ERROR_BODY_CAP)
                if status in (401, 403, 404, 410):
                    raise _GoneError(status, _short_body(body))
                if status >= 500 or status in (408, 429):
                    raise _TransientError(f"HTTP {status}")
                raise error_from_response(decoded_response(response, body))
            try:
                return await read_capped(response, max_bytes)
            except BodyTooLargeError:
                raise RelayError(
                    ErrorKind.BAD_RESULT, MSG_DOWNLOAD_TOO_BIG, limit=max_bytes // MiB
                ) from None


class _GoneError(Exception):
    def __init__(self, status: int, said: str | None) -> None:
        super().__init__(status)
        self.status = status
        self.said = said


class _TransientError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


_XML_MESSAGE = re.compile(rb"<Message>(.*?)</Message>", re.DOTALL | re.IGNORECASE)


def _short_body(body: bytes) -> str | None:
    """What a storage server said: an S3/OSS ``<Message>``, or the first words of the body."""
    if match := _XML_MESSAGE.search(body[:4000]):
        return clean_text(match.group(1).decode("utf-8", "replace"), 200) or None
    return clean_text(body[:1000].decode("utf-8", "replace"), 200) or None


def parse_json(response: httpx.Response) -> Any:
    """A 2xx answer's JSON (long strings as blobs); HTML, garbage and 200-with-error raise."""
    try:
        data = jsonbody.loads(response.content)
    except ValueError as exc:
        raise not_json_error(response) from exc
    if (error := error_in_ok_body(data)) is not None:
        raise error
    return data
