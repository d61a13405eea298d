"""The one small interface every wire family implements.

A protocol turns a prepared request into an :class:`HttpCall` (pure, CPU-bound: run in a
thread), sends it as a paid POST, and turns the answer into :class:`Completed` images or an
:class:`Accepted` task id to poll. It knows bytes on the wire and nothing of files, SQLite or Qt.
"""

from __future__ import annotations

import asyncio
import json
import logging
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from studio.domain.errors import ErrorKind, RelayError, StudioError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import ModelSpec, Operation, ProtocolId
from studio.domain.profile import AuthStyle, Profile
from studio.domain.request import GenerationRequest
from studio.protocols.jsonbody import Blob
from studio.protocols.transport import RelayClient, parse_json

if TYPE_CHECKING:
    import httpx

    from studio.imaging.uploads import Upload

log = logging.getLogger(__name__)

MSG_NOT_UNDERSTOOD = QT_TRANSLATE_NOOP(ERRORS, "The relay's answer was not understood ({what}).")


@dataclass(frozen=True)
class ResolvedParams:
    """Ratio, size and resolution as this model wants them (see ``engine.params``)."""

    size: str | None = None  # "1536x1024" for the `size` field
    aspect_ratio: str | None = None  # "3:2" for aspect_ratio / ratio / imageConfig / --ar
    image_size: str | None = None  # "2K" for image_size / imageSize / resolution
    expected_size: tuple[int, int] | None = None  # pixels we expect back, when known
    expected_ratio: str | None = None


@dataclass(frozen=True)
class WireRequest:
    """Everything a protocol needs, validated and prepared by the engine."""

    request: GenerationRequest
    spec: ModelSpec
    operation: Operation
    params: ResolvedParams = field(default_factory=ResolvedParams)
    uploads: tuple[Upload, ...] = ()  # reference images, ready to send
    ref_urls: tuple[str, ...] = ()  # references passed on as URLs
    mask: Upload | None = None  # in the model's mask style, at the first upload's size
    markup: Upload | None = None  # a transparent overlay (RGBA PNG) at the first upload's size
    # Optional top-level fields never to send: what this relay refused (see engine.adapt).
    omit: frozenset[str] = frozenset()

    @property
    def model(self) -> str:
        return self.request.model

    @property
    def prompt(self) -> str:
        return self.request.prompt


@dataclass(frozen=True)
class HttpCall:
    """A POST, with its JSON already serialised (off the event loop) or as multipart parts."""

    path: str
    auth: AuthStyle = AuthStyle.BEARER
    content: bytes | None = field(default=None, repr=False)
    content_type: str | None = None
    data: dict[str, str] | None = None
    files: list[tuple[str, tuple[str, bytes, str]]] | None = field(default=None, repr=False)
    params: dict[str, str] | None = None

    @classmethod
    def with_json(
        cls,
        path: str,
        body: Any,
        *,
        auth: AuthStyle = AuthStyle.BEARER,
        params: dict[str, str] | None = None,
    ) -> HttpCall:
        content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        return cls(path, auth, content, "application/json", params=params)

    def json_body(self) -> Any:
        """The JSON body back as Python (for the request preview and tests)."""
        return json.loads(self.content) if self.content else None

    def fields(self) -> frozenset[str]:
        """The top-level fields this call sends (JSON keys, or form fields and file parts)."""
        if self.data is not None or self.files is not None:
            return frozenset(self.data or {}) | {name for name, _ in self.files or []}
        body = self.json_body() if self.content_type == "application/json" else None
        return frozenset(body) if isinstance(body, dict) else frozenset()

    def without(self, names: frozenset[str]) -> HttpCall:
        """The same call without the top-level fields ``names`` (nested ones stay)."""
        if not names:
            return self
        if self.data is not None or self.files is not None:
            data = {k: v for k, v in (self.data or {}).items() if k not in names}
            return replace(self, data=data)
        body = self.json_body() if self.content_type == "application/json" else None
        if not isinstance(body, dict) or not names & body.keys():
            return self
        kept = {key: value for key, value in body.items() if key not in names}
        return HttpCall.with_json(self.path, kept, auth=self.auth, params=self.params)


@dataclass(frozen=True)
class RawImage:
    """An image as the relay handed it over, before download, decoding and checks."""

    source: str  # b64 | url | inline | markdown
    url: str | None = None
    b64: str | Blob | None = None
    mime: str | None = None
    revised_prompt: str | None = None


@dataclass(frozen=True)
class Completed:
    images: tuple[RawImage, ...]
    usage: dict[str, Any] | None = None
    text: str | None = None  # words the model said alongside the images
    meta: dict[str, Any] = field(default_factory=dict)  # e.g. Midjourney buttons


@dataclass(frozen=True)
class Accepted:
    task_id: str
    # Where to ask about the task when the answer's shape says so ("/v1/tasks/{task_id}"); None:
    # where the profile's async settings say.
    poll_path: str | None = None


class TaskState(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


@dataclass(frozen=True)
class TaskUpdate:
    state: TaskState
    progress: float | None = None  # percent, 0..100
    result: Completed | None = None
    error: RelayError | None = None
    preview_url: str | None = None


# -- reading answers: one guard ------------------------------------------------------------------

_T = TypeVar("_T")
_HINT_LENGTH = 160


def not_understood(what: str, *, billed: bool = True) -> RelayError:
    """The failure for an answer of the wrong shape; ``what`` names the field and its type."""
    return RelayError(ErrorKind.BAD_RESULT, MSG_NOT_UNDERSTOOD, what=what, may_be_billed=billed)


def understood(parse: Callable[..., _T], *args: Any, billed: bool = True) -> _T:
    """``parse(*args)``, with anything but a :class:`StudioError` turned into "the relay's
    answer was not understood". Every reading of a relay's answer goes through here: a reply
    of the wrong shape to a paid request arrives after the relay was paid (``billed``), so it
    must end as a plain reason, never as an internal error."""
    try:
        return parse(*args)
    except StudioError:
        raise
    except Exception as exc:
        log.warning("the relay's answer was not understood by %s", _name(parse), exc_info=True)
        hint = _hint(exc)
        if len(hint) > _HINT_LENGTH:
            hint = hint[: _HINT_LENGTH - 1] + "…"
        raise not_understood(hint, billed=billed) from exc


def _hint(exc: Exception) -> str:
    try:
        words = str(exc)
    except Exception:
        words = ""
    return f"{type(exc).__name__}: {words}" if words else type(exc).__name__


def _name(function: Callable[..., Any]) -> str:
    return getattr(function, "__qualname__", None) or repr(function)


def read_json(response: httpx.Response) -> Any:
    """A 2xx answer's JSON (long strings as blobs), through the guard: HTML, garbage and
    200-with-error raise their own errors, a body nested too deeply is not understood."""
    # Safe on the event loop even for 30 MB: jsonbody keeps base64 out of json.loads.
    return understood(parse_json, response)


def type_name(value: Any) -> str:
    """``value``'s JSON type with its article, for "x is an int, expected a list"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a bool"
    if isinstance(value, int):
        return "an int"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str | Blob):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def wrong_type(name: str, value: Any, expected: str) -> str:
    """The hint for a field of the wrong type: "choices is a bool, expected a list"."""
    return f"{name} is {type_name(value)}, expected {expected}"


def want_object(value: Any, name: str) -> dict[str, Any]:
    """``value`` as a JSON object (``{}`` when absent); any other type is not understood."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise not_understood(wrong_type(name, value, "an object"))
    return value


def want_list(value: Any, name: str) -> list[Any]:
    """``value`` as a JSON array (``[]`` when absent); any other type is not understood."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise not_understood(wrong_type(name, value, "a list"))
    return value


def text_of(value: Any) -> str | None:
    """A JSON string (or blob) as ``str``; None for any other type or an unreadable blob."""
    if isinstance(value, str):
        return value
    if isinstance(value, Blob):
        try:
            return value.text()
        except ValueError:  # a blob with broken escapes: jsonbody never parsed it
            return None
    return None


class Problems:
    """Fields of the wrong type that a parser skipped: harmless while an image is found, the
    reason it was not understood when none is."""

    def __init__(self) -> None:
        self.first: str | None = None

    def note(self, name: str, value: Any, expected: str) -> None:
        if self.first is None:
            self.first = wrong_type(name, value, expected)

    def text(self, value: Any, name: str) -> str | None:
        """A string field; a value of another type (not null) is noted and skipped."""
        text = text_of(value)
        if text is None and value is not None:
            self.note(name, value, "a string")
        return text

    def raise_if_any(self) -> None:
        if self.first is not None:
            raise not_understood(self.first)


async def send(client: RelayClient, call: HttpCall, model: str) -> Any:
    """POST ``call`` as a paid request; its JSON answer (errors raised)."""
    response = await client.post_paid(
        call.path,
        auth=call.auth,
        content=call.content,
        content_type=call.content_type,
        data=call.data,
        files=call.files,
        params=call.params,
        model=model,
    )
    return read_json(response)


class ImageProtocol(ABC):
    id: ClassVar[ProtocolId]
    operations: ClassVar[frozenset[Operation]]
    polls: ClassVar[bool] = False  # answers with a task id to poll

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.left_out: frozenset[str] = frozenset()  # refused fields the last call left out

    @abstractmethod
    def build(self, wire: WireRequest) -> HttpCall:
        """The HTTP request for ``wire``; pure and CPU-bound (base64, JSON)."""

    @abstractmethod
    def parse(self, data: Any, wire: WireRequest) -> Completed | Accepted:
        """The relay's 2xx JSON answer (long strings as blobs)."""

    async def submit(self, client: RelayClient, wire: WireRequest) -> Completed | Accepted:
        # Base64 of uploads is real work: off the event loop. A text-only body is not.
        heavy = bool(wire.uploads or wire.mask)
        call = await asyncio.to_thread(self.call_for, wire) if heavy else self.call_for(wire)
        return understood(self.parse, await send(client, call, wire.model), wire)

    def call_for(self, wire: WireRequest) -> HttpCall:
        """The call for ``wire`` without what the relay refuses; what it sends, and what was
        left out, are kept on the protocol (one instance serves one job)."""
        call = self.build(wire)
        if wire.omit:
            full = call.fields()
            call = call.without(wire.omit)
            self.left_out = full - call.fields()
        self._last_call: HttpCall | None = call
        return call

    def sent(self) -> frozenset[str]:
        """The top-level fields of the last call this protocol built."""
        call = getattr(self, "_last_call", None)
        return call.fields() if call is not None else frozenset()

    async def poll(self, client: RelayClient, task_id: str, path: str | None = None) -> TaskUpdate:
        """The task's state now: :meth:`fetch_task`, then :meth:`parse_task` through the guard.
        ``path``: where the submit's answer said to ask (:attr:`Accepted.poll_path`); protocols
        that poll one fixed place ignore it.

        An answer of the wrong shape is a failed poll, not a failed task: the relay still has
        the task, so the engine asks again a few times and then keeps the job resumable.
        """
        response = await self.fetch_task(client, task_id)
        return understood(self.parse_task, read_json(response), task_id)

    async def fetch_task(self, client: RelayClient, task_id: str) -> httpx.Response:
        """GET the task's state (protocols that poll)."""
        raise NotImplementedError(f"{self.id} answers at once; there is nothing to poll")

    def parse_task(self, data: Any, task_id: str) -> TaskUpdate:
        """The relay's answer about a task (long strings as blobs)."""
        raise NotImplementedError(f"{self.id} answers at once; there is nothing to poll")
