"""Streamed images answers (gpt-image family): ``"stream": true`` and ``partial_images`` 0–3.

The answer is ``text/event-stream`` with OpenAI's events (see the ``openai`` SDK's
``ImageGenStreamEvent`` / ``ImageEditStreamEvent``): for each image, ``partial_images`` events
``image_generation.partial_image`` (small blurred drafts, ``partial_image_index`` 0, 1, …), then
``image_generation.completed`` with the final ``b64_json`` and ``usage``; edits say
``image_edit.…``. The headers go out at once and a comment (``: keep-alive``) every half second
while the picture is made, so a proxy that cuts silent calls (``cloudflare-100s``) lets it live.

Models of other families ignore ``stream`` (relays drop fields they do not know) and answer
with JSON as usual. Faults: ``latency`` is spent inside the open stream; ``drop`` cuts the
connection after the drafts, before the final image; ``garbage-b64`` spoils the final image.
"""

from __future__ import annotations

import base64
import io
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import anyio
from PIL import Image, ImageFilter
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response, StreamingResponse

from studio.domain.model_spec import ModelSpec
from studio.simulator import jobs
from studio.simulator.call import Call, SimulatedDropError
from studio.simulator.jobs import ImageJob
from studio.simulator.render import encode
from studio.simulator.shapes import GARBAGE_B64, image_usage

GENERATION = "image_generation"
EDIT = "image_edit"
MAX_PARTIALS = 3
KEEP_ALIVE = 0.5  # seconds between comments while the picture is being made
PARTIAL_TOKENS = 100  # extra output tokens each partial image is billed (OpenAI's rule)
_STREAMING_FAMILIES = frozenset({"gpt-image"})
_FALSE = ("false", "0", "")
_TRUE = ("true", "1")


def requested(call: Call, spec: ModelSpec, fields: dict[str, Any]) -> int | None:
    """How many partial images a streamed answer has, or None when the answer is not streamed.
    Malformed ``stream`` / ``partial_images`` values are refused (400, not billed)."""
    raw = fields.get("stream")
    if isinstance(raw, str):
        if raw.strip().lower() in _FALSE:
            return None
        if raw.strip().lower() not in _TRUE:
            raise call.bad_request(f"stream must be a boolean, got {raw!r}")
    elif raw is None or raw is False:
        return None
    elif raw is not True:
        raise call.bad_request(f"stream must be a boolean, got {raw!r}")
    if spec.family not in _STREAMING_FAMILIES:
        return None  # dropped like any field the relay does not know: a JSON answer
    value = fields.get("partial_images")
    if value is None or value == "":
        return 0
    try:
        count = int(value) if not isinstance(value, bool | float) else -1
    except ValueError:
        count = -1
    if not 0 <= count <= MAX_PARTIALS:
        raise call.bad_request(
            f"partial_images must be an integer between 0 and {MAX_PARTIALS}, got {value!r}",
            code="invalid_value",
        )
    return count


async def answer(
    call: Call,
    job: ImageJob,
    directive: str,
    partials: int,
    kind: str,
    fields: dict[str, Any],
) -> Response:
    """Faults before any work answer as usual; then the event stream (billed once it opens)."""
    await call.begin(jobs.tags(call, job) | {"stream"}, directive, wait=False)
    call.pre_work({"created": int(time.time()), "data": []})
    call.entry.billed = True
    if (page := call.proxy_page()) is not None:
        return page
    looks = {
        "background": str(fields.get("background") or "auto"),
        "quality": str(fields.get("quality") or "auto"),
    }
    return StreamingResponse(
        _events(call, job, partials, kind, looks),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _events(
    call: Call, job: ImageJob, partials: int, kind: str, looks: dict[str, str]
) -> AsyncIterator[bytes]:
    waited, delay = 0.0, call.faults.value("latency", 0.0)
    while waited < delay:  # the picture is being made: the stream says it is alive
        pause = min(KEEP_ALIVE, delay - waited)
        await anyio.sleep(pause)
        waited += pause
        yield b": keep-alive\n\n"
    job, images = await jobs.render_images(call, job)
    width, height = job.size
    fmt = job.fmt if job.fmt in ("png", "jpeg", "webp") else "png"
    common = {**looks, "output_format": fmt, "size": f"{width}x{height}"}
    for image in images:
        for index in range(partials):
            sketch = await run_in_threadpool(draft, image, fmt, index, partials)
            yield event(
                f"{kind}.partial_image",
                {
                    "type": f"{kind}.partial_image",
                    "b64_json": _b64(sketch),
                    "created_at": int(time.time()),
                    "partial_image_index": index,
                    **common,
                },
            )
        if call.faults.has("drop"):
            raise SimulatedDropError("stream dropped on purpose before the final image")
        usage = image_usage(job.prompt, len(job.refs), [(width, height)])
        usage["output_tokens"] += PARTIAL_TOKENS * partials
        usage["total_tokens"] += PARTIAL_TOKENS * partials
        final = GARBAGE_B64 if call.faults.has("garbage-b64") else _b64(image)
        yield event(
            f"{kind}.completed",
            {
                "type": f"{kind}.completed",
                "b64_json": final,
                "created_at": int(time.time()),
                **common,
                "usage": usage,
            },
        )


def event(name: str, data: dict[str, Any]) -> bytes:
    return f"event: {name}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


def draft(image: bytes, fmt: str, index: int, count: int) -> bytes:
    """Partial image ``index`` of ``count``: small and blurred, a little sharper each time."""
    with Image.open(io.BytesIO(image)) as opened:
        picture = opened.convert("RGBA" if fmt != "jpeg" else "RGB")
    picture.thumbnail((64 << index, 64 << index))
    radius = 2 * (count - index)
    return encode(picture.filter(ImageFilter.GaussianBlur(radius)), fmt)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()
