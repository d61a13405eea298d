"""The one small interface every wire family implements.

A protocol turns a prepared request into an :class:`HttpCall` (pure, CPU-bound: run in a
thread), sends it as a paid POST, and turns the answer into :class:`Completed` images or an
:class:`Accepted` task id to poll. It knows bytes on the wire and nothing of files, SQLite or Qt.
"""

from __future__ import annotations

import asyncio
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from studio.domain.errors import RelayError
from studio.domain.model_spec import ModelSpec, Operation, ProtocolId
from studio.domain.profile import AuthStyle, Profile
from studio.domain.request import GenerationRequest
from studio.protocols.jsonbody import Blob
from studio.protocols.transport import RelayClient, parse_json

if TYPE_CHECKING:
    from studio.imaging.uploads import Upload


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
    # Safe on the event loop even for 30 MB: jsonbody keeps base64 out of json.loads.
    return parse_json(response)


class ImageProtocol(ABC):
    id: ClassVar[ProtocolId]
    operations: ClassVar[frozenset[Operation]]
    polls: ClassVar[bool] = False  # answers with a task id to poll

    def __init__(self, profile: Profile) -> None:
        self.profile = profile

    @abstractmethod
    def build(self, wire: WireRequest) -> HttpCall:
        """The HTTP request for ``wire``; pure and CPU-bound (base64, JSON)."""

    @abstractmethod
    def parse(self, data: Any, wire: WireRequest) -> Completed | Accepted:
        """The relay's 2xx JSON answer (long strings as blobs)."""

    async def submit(self, client: RelayClient, wire: WireRequest) -> Completed | Accepted:
        # Base64 of uploads is real work: off the event loop. A text-only body is not.
        heavy = bool(wire.uploads or wire.mask)
        call = await asyncio.to_thread(self.build, wire) if heavy else self.build(wire)
        return self.parse(await send(client, call, wire.model), wire)

    async def poll(self, client: RelayClient, task_id: str) -> TaskUpdate:
        raise NotImplementedError(f"{self.id} answers at once; there is nothing to poll")
