"""Relay personalities: whole relays that behave their own way (protocol.md §11).

A fault breaks one request; a personality is how a relay (or the proxy in front of it) always
behaves. None is on by default (the demo stays honest); several combine. The handlers call the
small hooks below; each hook does nothing unless its personality is on.

- ``gemini-markdown``: a translating proxy (LiteLLM, new-api) answers native Gemini requests
  with the image *inside a text part*, as a markdown link to a file and as a data URI in turn
  (the first answer after a reset has the link), after ``thought`` parts (thinking text and a
  draft).
- ``strict-params``: HTTP 400 in OpenAI's shape naming the optional parameters its upstream does
  not take (all of those sent, the first as ``param``); refused before any work, not billed.
- ``generation-task``: every images generation/edit answers a ``generation.task`` (HTTP 202 and
  ``Location``), polled at ``GET /v1/images/generations/{id}``.
- ``tasks-v1``: every images generation/edit answers ``{"task_id", "status": "submitted"}``,
  polled at ``GET /v1/tasks/{id}``.
- ``cloudflare-100s``: a call whose answer has not started within the cut (100 s unless
  ``SimState.cloudflare_cut`` says otherwise) gets Cloudflare's 524 page while the relay keeps
  working (and bills). A streamed call starts its answer at once, so it lives.
- ``url-object``: result links as ``{"url": {"url": …, "cost": …}}``.
- ``suffixed-names``: ``/v1/models`` lists relay names (``gpt-image-2-all``,
  ``gpt-image-2:official``, ``nano-banana-pro``) instead of the plain ones, and paid requests
  for the plain names find no channel (new-api's 503); the relay names are served by the
  catalog entry they stand for.
- ``no-billing``: no ``/v1/dashboard/billing/*`` endpoints (404, as for any unknown path): a
  relay not built on one-api/new-api (the routes are ``studio.simulator.billing``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from starlette.responses import Response

from studio.simulator import shapes
from studio.simulator.personality_names import (
    CLOUDFLARE_100S,
    GEMINI_MARKDOWN,
    GENERATION_TASK,
    STRICT_PARAMS,
    SUFFIXED_NAMES,
    TASKS_V1,
    URL_OBJECT,
)

if TYPE_CHECKING:
    from studio.domain.model_spec import ModelSpec
    from studio.simulator.state import SimState

# Optional fields a strict proxy's upstream does not take, in the order they are named.
REFUSED_PARAMS = (
    "response_format",
    "quality",
    "background",
    "style",
    "moderation",
    "output_compression",
    "input_fidelity",
)
# Plain catalog names and the relay names listed instead of them.
RELAY_NAMES: dict[str, tuple[str, ...]] = {
    "gpt-image-2": ("gpt-image-2-all", "gpt-image-2:official"),
    "gemini-3-pro-image-preview": ("nano-banana-pro",),
}
DEFAULT_COST = 0.04  # what a url-object says an image cost, when the catalog has no price
_USER_GROUP = "default"
_detached: set[asyncio.Task[Any]] = set()  # work that goes on after Cloudflare cut the call


class CallLike(Protocol):
    """What a hook needs of the request it acts on (``studio.simulator.call.Call`` is one):
    the hooks sit below the request's life and are handed it, so they never import it."""

    @property
    def state(self) -> SimState: ...

    def fail(
        self,
        status: int,
        message: str,
        *,
        code: str | int | None = ...,
        type_: str = ...,
        param: str = ...,
    ) -> Exception: ...

    def file_url(self, data: bytes, fmt: str) -> str: ...


def has(state: SimState, name: str) -> bool:
    return name in state.personalities


# -- strict-params -------------------------------------------------------------------------------


def refuse_params(call: CallLike, fields: Mapping[str, Any]) -> None:
    """``strict-params``: HTTP 400 naming the optional fields sent that are not taken."""
    if not has(call.state, STRICT_PARAMS):
        return
    refused = [name for name in REFUSED_PARAMS if name in fields]
    if not refused:
        return
    quoted = ", ".join(f"'{name}'" for name in refused)
    noun = "parameter" if len(refused) == 1 else "parameters"
    raise call.fail(400, f"Unknown {noun}: {quoted}.", code="unknown_parameter", param=refused[0])


# -- suffixed-names ------------------------------------------------------------------------------


def listed_models(state: SimState, ids: Iterable[str]) -> list[str]:
    """What ``/v1/models`` lists: ``ids``, with relay names instead of plain ones."""
    if not has(state, SUFFIXED_NAMES):
        return list(ids)
    listed: list[str] = []
    for name in ids:
        listed.extend(RELAY_NAMES.get(name, (name,)))
    return listed


def refuse_plain_name(call: CallLike, name: str) -> None:
    """``suffixed-names``: a plain name has no channel (new-api's distributor: 503)."""
    if has(call.state, SUFFIXED_NAMES) and name in RELAY_NAMES:
        raise call.fail(
            503,
            f"当前分组 {_USER_GROUP} 下对于模型 {name} 无可用渠道",
            code="model_not_found",
            type_="new_api_error",
        )


# -- gemini-markdown -----------------------------------------------------------------------------


def markdown_parts(
    call: CallLike, image: bytes, image_b64: str, draft_b64: str
) -> list[dict[str, Any]]:
    """A translating proxy's Gemini parts: thinking, a draft, then the image inside words: a
    link to a file in the first answer after a reset (and every other one after it), a data
    URI in the second (and every other one)."""
    if call.state.next_turn(GEMINI_MARKDOWN) % 2 == 0:
        link = call.file_url(image, "png")
    else:
        link = f"data:image/png;base64,{image_b64}"
    return [
        {
            "text": "**Composing the picture**\n\nI'm placing the subject first, then the light.",
            "thought": True,
        },
        {"text": f"![draft](data:image/png;base64,{draft_b64})", "thought": True},
        {"text": f"Here is the image you asked for.\n\n![image]({link})"},
    ]


# -- url-object ----------------------------------------------------------------------------------


def url_objects(state: SimState, result: dict[str, Any], spec: ModelSpec) -> dict[str, Any]:
    """``url-object``: every string ``url`` of an ImagesResponse as ``{"url", "cost"}``."""
    if not has(state, URL_OBJECT):
        return result
    cost = spec.price.per_image if spec.price else DEFAULT_COST
    data = [
        {**item, "url": {"url": item["url"], "cost": cost}}
        if isinstance(item, dict) and isinstance(item.get("url"), str) and item["url"]
        else item
        for item in result.get("data", [])
    ]
    return {**result, "data": data}


# -- tasks ---------------------------------------------------------------------------------------


def task_style(state: SimState) -> str | None:
    """Which task shape every images answer takes, if any (generation-task first)."""
    for name in (GENERATION_TASK, TASKS_V1):
        if has(state, name):
            return name
    return None


# -- cloudflare-100s -----------------------------------------------------------------------------


async def behind_cloudflare(state: SimState, work: Awaitable[Response]) -> Response:
    """``work``'s answer, or Cloudflare's 524 page when it has not started within the cut. The
    relay behind does not know: its work goes on (and is billed) after the page was sent."""
    if not has(state, CLOUDFLARE_100S):
        return await work
    task = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=state.cloudflare_cut)
    if task in done:
        return task.result()
    _detached.add(task)
    task.add_done_callback(_forget)
    return shapes.cloudflare_page(524, "A timeout occurred")


def _forget(task: asyncio.Task[Any]) -> None:
    _detached.discard(task)
    if not task.cancelled():
        task.exception()  # an early answer nobody reads any more: retrieved, not logged
