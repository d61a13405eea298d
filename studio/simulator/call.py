"""One request's life: credentials, faults, errors in the route's dialect, delivery and the log."""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from studio.domain.model_spec import ModelSpec
from studio.simulator import personalities, shapes
from studio.simulator.bodies import TrickleResponse, with_body_faults
from studio.simulator.faults import NO_FAULTS, Faults, parse_faults
from studio.simulator.shapes import Shape
from studio.simulator.state import LogEntry, SimState

_CREDENTIALS = {
    Shape.OPENAI: ("authorization",),
    Shape.GOOGLE: ("authorization", "x-goog-api-key", "key_param"),
    Shape.MJ: ("authorization", "mj-api-secret"),
}
_LONG = 200


class EarlyAnswerError(Exception):
    """Ends a request early with ``response`` (an error, or a fault's answer)."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


class SimulatedDropError(Exception):
    """Raised on purpose to cut a connection mid-body (the ``drop`` fault)."""


@dataclass
class Call:
    request: Request
    state: SimState
    shape: Shape
    entry: LogEntry
    request_id: str = field(
        default_factory=lambda: time.strftime("%Y%m%d%H%M%S") + f"{secrets.randbelow(10**9):09d}"
    )
    faults: Faults = NO_FAULTS
    links_expired: bool = False  # the request asked for its result links to be expired

    # -- errors ------------------------------------------------------------------------------

    def fail(
        self,
        status: int,
        message: str,
        *,
        code: str | int | None = None,
        type_: str = "invalid_request_error",
        headers: dict[str, str] | None = None,
        http_status: int | None = None,
        param: str = "",
    ) -> EarlyAnswerError:
        response = shapes.error(
            self.shape,
            status,
            message,
            request_id=self.request_id,
            code=code,
            type_=type_,
            headers=headers,
            http_status=http_status,
            param=param,
        )
        return EarlyAnswerError(response)

    def bad_request(
        self, message: str, code: str | int | None = "invalid_request"
    ) -> EarlyAnswerError:
        if self.shape is Shape.MJ:
            return EarlyAnswerError(shapes.mj_reply(4, message))
        return self.fail(400, message, code=code)

    # -- checks ------------------------------------------------------------------------------

    def require_auth(self) -> None:
        presented = self._credentials()
        self.entry.auth = {name: name in presented for name in _CREDENTIALS[self.shape]}
        keys = {value for name, value in presented.items() if name in _CREDENTIALS[self.shape]}
        if not keys:
            raise self.fail(
                401, "No API key provided: send Authorization: Bearer <key>", code="invalid_api_key"
            )
        if self.state.api_key is not None and self.state.api_key not in keys:
            raise self.fail(401, "Invalid token: the API key is not valid", code="invalid_api_key")

    def _credentials(self) -> dict[str, str]:
        headers = self.request.headers
        found = {}
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            found["authorization"] = token.strip()
        for name in ("x-goog-api-key", "mj-api-secret"):
            if value := headers.get(name, "").strip():
                found[name] = value
        if value := self.request.query_params.get("key", "").strip():
            found["key_param"] = value
        return found

    def model_spec(self, name: Any) -> ModelSpec:
        """The catalog's spec for a request's ``model``; 400 when missing or unknown."""
        if not isinstance(name, str) or not name.strip():
            raise self.bad_request("model is required", code="missing_model")
        self.entry.model = name
        personalities.refuse_plain_name(self, name)
        spec = self.state.catalog.get(name)
        if not spec.known:
            raise self.fail(
                400,
                f"No available channel for model {name} under group default",
                code="model_not_found",
            )
        return spec

    async def read_json(self) -> dict[str, Any]:
        try:
            body = json.loads(await self.request.body())
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise self.bad_request(f"the request body is not valid JSON: {exc}") from None
        if not isinstance(body, dict):
            raise self.bad_request("the request body must be a JSON object")
        self.entry.body = truncated(body)
        return body

    # -- faults ------------------------------------------------------------------------------

    async def begin(self, tags: Iterable[str], directive: str = "", *, wait: bool = True) -> None:
        """Work out this request's faults (global plan, header, prompt directive), then wait
        out any latency (unless not ``wait``: a stream waits while its answer is open)."""
        try:
            extra = parse_faults(self.request.headers.get("x-sim-faults", "")) + parse_faults(
                directive
            )
        except ValueError as exc:
            raise self.bad_request(f"bad simulator fault plan: {exc}") from None
        self.faults = self.state.take_faults({"api", *tags}, extra)
        # A directive on the paid request reaches its downloads too: its links are born expired.
        self.links_expired = any(fault.name == "expired-url" for fault in extra)
        self.entry.faults = self.faults.names()
        if wait and (delay := self.faults.value("latency", 0.0)):
            await anyio.sleep(delay)
        if self.faults.has("echo-key"):
            raise self.echo_key()

    def echo_key(self) -> EarlyAnswerError:
        """The ``echo-key`` fault: 401 in OpenAI's shape (whatever the route), quoting the
        credential the request carried and the full URL it was sent to, query included, as
        relays that put both in their errors do."""
        sent = next(iter(self._credentials().values()), "(none)")
        request = self.request
        return EarlyAnswerError(
            shapes.error(
                Shape.OPENAI,
                401,
                f"Invalid token: {sent} — {request.method} {request.url}",
                request_id=self.request_id,
                code="invalid_api_key",
            )
        )

    def pre_work(self, empty: Any) -> None:
        """Faults that answer before any work is done (never billed)."""
        faults = self.faults
        retry = {"Retry-After": f"{faults.value('retry_after', 1.0):g}"}
        if faults.has("401"):
            raise self.fail(401, "Invalid token: the API key is not valid", code="invalid_api_key")
        if faults.has("429"):
            raise self.fail(
                429,
                "Rate limit reached, please slow down",
                code="rate_limit_exceeded",
                headers=retry,
            )
        if faults.has("503"):
            raise self.fail(
                503,
                "The upstream is overloaded, please try again later",
                code="model_not_available",
                headers=retry,
            )
        if faults.has("500"):
            raise self.fail(
                500,
                "Internal error: the upstream failed",
                code="internal_error",
                type_="server_error",
            )
        if faults.has("queue-full") and self.shape is Shape.MJ:
            raise EarlyAnswerError(shapes.mj_reply(23, "The queue is full, please try again later"))
        if faults.has("safety"):
            raise EarlyAnswerError(self._blocked())
        if faults.has("error200"):
            if self.shape is Shape.MJ:
                raise EarlyAnswerError(
                    shapes.mj_reply(24, "Submit failed: the upstream refused the job")
                )
            raise self.fail(
                500,
                "Upstream error: the model did not return an image",
                code="bad_response",
                http_status=200,
            )
        if faults.has("empty"):
            raise EarlyAnswerError(JSONResponse(empty))

    def _blocked(self) -> Response:
        if self.shape is Shape.GOOGLE:
            return JSONResponse(
                {
                    "promptFeedback": {"blockReason": "SAFETY"},
                    "usageMetadata": {"promptTokenCount": 8, "totalTokenCount": 8},
                }
            )
        if self.shape is Shape.MJ:
            return shapes.mj_reply(24, "Banned prompt", None, promptEn="", bannedWord="simulated")
        return shapes.error(
            Shape.OPENAI,
            400,
            "Your request was rejected as a result of our safety system.",
            request_id=self.request_id,
            code="content_policy_violation",
        )

    def deliver(self, response: Response, *, billed: bool = True) -> Response:
        """The answer to a request whose work is done, after the proxy faults."""
        self.entry.billed = billed
        faults = self.faults
        if (page := self.proxy_page()) is not None:
            return page
        if faults.has("drop"):
            return DroppedResponse(response.body, response.status_code, dict(response.headers))
        if faults.has("slow-body"):  # the body in ten pieces spread over VALUE seconds
            pieces = 10
            return TrickleResponse(
                response.body,
                response.status_code,
                dict(response.headers),
                pause=faults.value("slow-body", 1.0) / pieces,
                piece=-(-len(response.body) // pieces) or 1,
            )
        return with_body_faults(response, faults)

    def proxy_page(self) -> Response | None:
        """The page a proxy in front answers instead of the relay's answer (502/524/504)."""
        if self.faults.has("502"):
            return shapes.cloudflare_page(502, "Bad gateway")
        if self.faults.has("524"):
            return shapes.cloudflare_page(524, "A timeout occurred")
        if self.faults.has("504"):
            return shapes.nginx_page(504, "Gateway Time-out")
        return None

    # -- files -------------------------------------------------------------------------------

    def file_url(self, data: bytes, fmt: str) -> str:
        file_id = self.state.store_file(data, f"image/{fmt}", expired=self.links_expired)
        return f"{str(self.request.base_url).rstrip('/')}/files/{file_id}.{fmt}"


class DroppedResponse(Response):
    """Status line, headers and half the body; then the connection goes away."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers}
        )
        half = self.body[: len(self.body) // 2]
        await send({"type": "http.response.body", "body": half, "more_body": True})
        raise SimulatedDropError("connection dropped on purpose")


Handler = Callable[[Call], Awaitable[Response]]
Route = Callable[[Request], Awaitable[Response]]


def endpoint(
    kind: str, shape: Shape = Shape.OPENAI, *, logged: bool = True
) -> Callable[[Handler], Route]:
    """Turn ``handler(call)`` into a Starlette endpoint whose request is logged.

    API requests are logged on arrival (status 0 while in flight: a client that gave up
    still left a trace) and completed when answered; controls are logged once answered
    (unless not ``logged``: a reset starts a fresh log).
    """

    def decorate(handler: Handler) -> Route:
        async def route(request: Request) -> Response:
            state: SimState = request.app.state.sim
            query = {k: v for k, v in request.query_params.items() if k != "key"}
            entry = LogEntry(request.method, request.url.path, query, kind)
            call = Call(request, state, shape, entry)
            entry.request_id = call.request_id
            if kind != "control":
                state.record(entry)
            try:
                if kind == "control":
                    response = await handler(call)
                else:  # the proxy in front may cut a call whose answer is slow to start
                    response = await personalities.behind_cloudflare(state, handler(call))
            except EarlyAnswerError as early:
                response = early.response
            response.headers.setdefault("X-Oneapi-Request-Id", call.request_id)
            entry.status = response.status_code
            entry.answered = time.monotonic()
            if kind == "control" and logged:
                state.record(entry)
            return response

        return route

    return decorate


def truncated(value: Any) -> Any:
    """A copy of a JSON value with strings over 200 characters cut short."""
    if isinstance(value, str) and len(value) > _LONG:
        return f"{value[:_LONG]}…(+{len(value) - _LONG} chars)"
    if isinstance(value, dict):
        return {k: truncated(v) for k, v in value.items()}
    if isinstance(value, list):
        return [truncated(v) for v in value]
    return value
