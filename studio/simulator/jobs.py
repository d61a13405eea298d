"""An images-endpoint job: the checked request fields, its rendering and the ImagesResponse."""

from __future__ import annotations

import base64
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from studio.domain.model_spec import ModelSpec
from studio.simulator import tasks
from studio.simulator.call import Call
from studio.simulator.inputs import Reference, resolve_reference
from studio.simulator.malformed import corrupt_zlib, images_wrong_types
from studio.simulator.render import Scene, render, render_edit
from studio.simulator.shapes import GARBAGE_B64, image_usage
from studio.simulator.sizes import DEFAULT_SIZE, output_size

_FORMATS = {"png": "png", "jpeg": "jpeg", "jpg": "jpeg", "webp": "webp"}


@dataclass(frozen=True)
class ImageJob:
    spec: ModelSpec
    prompt: str
    size: tuple[int, int]
    n: int = 1
    refs: tuple[Reference, ...] = ()
    fmt: str = "png"
    response_format: str = "b64_json"
    caption: tuple[str, ...] = ()
    variant: str = ""
    base: bytes = b""  # the first image of a mask edit
    mask: bytes = b""
    mask_style: str = ""  # alpha | bw | ignore; empty: no mask
    grain: bool = False

    def scenes(self) -> list[Scene]:
        width, height = self.size
        numbered = self.n > 1
        return [
            Scene(
                self.prompt,
                width,
                height,
                (*self.caption, f"image {i + 1} of {self.n}") if numbered else self.caption,
                self.refs,
                f"{self.variant}:{i}",
                self.grain,
            )
            for i in range(self.n)
        ]


# -- reading fields ----------------------------------------------------------------------------


def text_field(call: Call, fields: dict[str, Any], name: str) -> str | None:
    value = fields.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise call.bad_request(f"{name} must be a string")
    return str(value)


def prompt_field(call: Call, spec: ModelSpec, prompt: str) -> str:
    if not prompt:
        raise call.bad_request("prompt is required", code="missing_prompt")
    if len(prompt) > spec.prompt_max:
        raise call.bad_request(
            f"prompt is too long: {len(prompt)} characters, {spec.id} takes {spec.prompt_max}"
        )
    return prompt


def n_field(call: Call, spec: ModelSpec, raw: str | None) -> int:
    try:
        n = int(raw) if raw is not None else 1
    except ValueError:
        raise call.bad_request(f"n must be an integer, got {raw!r}") from None
    if not 1 <= n <= spec.n_max:
        raise call.bad_request(f"n must be between 1 and {spec.n_max} for {spec.id}, got {n}")
    return n


def format_field(call: Call, raw: str | None) -> str:
    fmt = _FORMATS.get((raw or "png").lower())
    if fmt is None:
        raise call.bad_request(f"output_format must be png, jpeg or webp, got {raw!r}")
    return fmt


def response_format_field(call: Call, spec: ModelSpec, raw: str | None) -> str:
    if raw is not None and raw not in ("url", "b64_json"):
        raise call.bad_request(f"response_format must be url or b64_json, got {raw!r}")
    if spec.family == "gpt-image":
        return "b64_json"
    return raw or spec.response_format or "b64_json"


def size_field(
    call: Call,
    spec: ModelSpec,
    *,
    size: str | None,
    ratio: str | None,
    resolution: str | None,
    fallback: tuple[int, int] = DEFAULT_SIZE,
) -> tuple[int, int]:
    try:
        return output_size(
            size=size,
            ratio=ratio,
            resolution=spec.fixed_resolution or resolution,
            fallback=fallback,
        )
    except ValueError as exc:
        raise call.bad_request(str(exc), code="invalid_size") from None


def references(call: Call, raw: Any, name: str) -> tuple[Reference, ...]:
    """Reference images given in JSON: URLs, data URLs or base64 (also ``{image_url}``)."""
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    refs = []
    for index, item in enumerate(items):
        text = _reference_text(item)
        if text is None:
            raise call.bad_request(f"{name}[{index}] must be a URL, a data URL or base64")
        try:
            refs.append(resolve_reference(text, _own_file(call)))
        except ValueError as exc:
            raise call.bad_request(f"{name}[{index}] is not a usable image: {exc}") from None
    return tuple(refs)


def _reference_text(item: Any) -> str | None:
    if isinstance(item, dict):
        item = item.get("image_url", item.get("url"))
        if isinstance(item, dict):
            item = item.get("url")
    return item if isinstance(item, str) and item.strip() else None


def _own_file(call: Call) -> Callable[[str], bytes | None]:
    def lookup(file_id: str) -> bytes | None:
        stored = call.state.file(file_id)
        return stored.data if stored else None

    return lookup


def caption(spec: ModelSpec, fields: dict[str, str | None]) -> tuple[str, ...]:
    """What the picture's label says besides its size: model and the options that shape it."""
    lines = [spec.id]
    for name in ("quality", "style", "seed", "background"):
        if value := fields.get(name):
            lines.append(f"{name} {value}")
    if negative := fields.get("negative_prompt"):
        lines.append(f"not: {negative[:60]}")
    return tuple(lines)


# -- answering ---------------------------------------------------------------------------------


def tags(call: Call, job: ImageJob) -> set[str]:
    found = {"paid", "images", "render"}
    if tasks.wants_async(call):
        found |= {"async", "images-async"}
    if job.mask_style:
        found.add("mask")
    return found


async def answer(
    call: Call, job: ImageJob, directive: str, *, chat_style: bool = False
) -> Response:
    """Faults, rendering, then the ImagesResponse (or an async task holding it)."""
    await call.begin(tags(call, job), directive)
    if tasks.wants_async(call):
        tasks.refuse_without_async(call)
    call.pre_work({"created": int(time.time()), "data": []})
    job = _with_render_faults(call, job)
    images = [await run_in_threadpool(_render, job, scene) for scene in job.scenes()]
    if call.faults.has("corrupt-zlib"):
        images = [await run_in_threadpool(corrupt_zlib, image) for image in images]
    result = _result(call, job, images)
    if tasks.wants_async(call):
        return tasks.submit(call, result)
    if chat_style:
        result = _chat_style(result)
    if call.faults.has("wrong-types"):
        result = images_wrong_types(result)
    return call.deliver(JSONResponse(result))


def _with_render_faults(call: Call, job: ImageJob) -> ImageJob:
    if call.faults.has("ignore-ratio") and not job.mask_style:  # a mask edit keeps its image's size
        job = replace(job, size=DEFAULT_SIZE)
    if call.faults.has("ignore-mask") and job.mask_style:
        job = replace(job, mask_style="ignore")
    if call.faults.has("garbage-b64"):
        job = replace(job, response_format="b64_json")
    if call.faults.has("grain"):
        job = replace(job, grain=True)
    for fault, fmt in (("bmp-result", "bmp"), ("tiff-result", "tiff")):
        if call.faults.has(fault):  # a relay whose upstream answers in a format of its own
            job = replace(job, fmt=fmt)
    return job


def _render(job: ImageJob, scene: Scene) -> bytes:
    if job.mask_style:
        return render_edit(scene, job.base, job.mask, job.mask_style, job.fmt)
    return render(scene, job.fmt)


def _result(call: Call, job: ImageJob, images: list[bytes]) -> dict[str, Any]:
    data = []
    for image in images:
        if call.faults.has("garbage-b64"):
            data.append({"b64_json": GARBAGE_B64, "revised_prompt": job.prompt})
        elif job.response_format == "url":
            data.append(
                {"url": call.file_url(image, job.fmt), "b64_json": "", "revised_prompt": job.prompt}
            )
        else:
            data.append(
                {"b64_json": base64.b64encode(image).decode(), "revised_prompt": job.prompt}
            )
    width, height = job.size
    return {
        "created": int(time.time()),
        "data": data,
        "model": job.spec.id,
        "size": f"{width}x{height}",
        "output_format": job.fmt,
        "usage": image_usage(job.prompt, len(job.refs), [(width, height)] * len(images)),
    }


def _chat_style(result: dict[str, Any]) -> dict[str, Any]:
    """Seed 000's JSON edits answer: the ImagesResponse plus chat-completion fields."""
    first = result["data"][0] if result["data"] else {}
    content = f"![image]({first['url']})" if first.get("url") else ""
    return {
        "id": str(uuid.uuid4()),
        "object": "chat.completion",
        **result,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
    }
