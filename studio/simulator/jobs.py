"""An images-endpoint job: the checked request fields, its rendering and the ImagesResponse."""

from __future__ import annotations

import base64
import io
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PIL import Image, ImageDraw
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from studio.domain.model_spec import ModelSpec
from studio.simulator import personalities, tasks
from studio.simulator.call import Call
from studio.simulator.inputs import Reference, resolve_reference
from studio.simulator.malformed import corrupt_zlib, images_wrong_types
from studio.simulator.render import Scene, encode, render, render_edit
from studio.simulator.shapes import GARBAGE_B64, image_usage
from studio.simulator.sizes import DEFAULT_SIZE, output_size

_FORMATS = {"png": "png", "jpeg": "jpeg", "jpg": "jpeg", "webp": "webp", "gif": "gif", "svg": "svg"}


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
    transparent: bool = False  # ``background: transparent`` (png/webp keep the alpha)
    frames: int = 1  # gif output: frame_count

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
        raise call.bad_request(f"output_format must be png, jpeg, webp, gif or svg, got {raw!r}")
    return fmt


def frames_field(call: Call, fields: dict[str, Any]) -> int:
    """``frame_count`` of gif output (1 when absent)."""
    raw = text_field(call, fields, "frame_count")
    try:
        frames = int(raw) if raw is not None else 1
    except ValueError:
        raise call.bad_request(f"frame_count must be an integer, got {raw!r}") from None
    if not 1 <= frames <= 100:
        raise call.bad_request(f"frame_count must be between 1 and 100, got {frames}")
    return frames


def series_field(call: Call, spec: ModelSpec, fields: dict[str, Any], n: int) -> int:
    """How many images: ``n``, or a Seedream series (``sequential_image_generation: auto``)
    of ``sequential_image_generation_options.max_images``; refused where the model has none."""
    mode = fields.get("sequential_image_generation")
    options = fields.get("sequential_image_generation_options")
    if mode is None and options is None:
        return n
    if not spec.sequential:
        raise call.bad_request(
            f"{spec.id} does not support sequential_image_generation", code="invalid_parameter"
        )
    if mode not in ("auto", "disabled"):
        raise call.bad_request(
            f"sequential_image_generation must be auto or disabled, got {mode!r}"
        )
    if mode == "disabled":
        return n
    if isinstance(options, str):  # a multipart field carries the object as JSON
        try:
            options = json.loads(options)
        except ValueError:
            options = None
    count = options.get("max_images", spec.max_images) if isinstance(options, dict) else None
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= spec.max_images:
        raise call.bad_request(
            f"sequential_image_generation_options.max_images must be 1 to {spec.max_images}"
        )
    return count


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
    elif personalities.task_style(call.state):
        found.add("async")
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
    job, images = await render_images(call, job)
    result = _result(call, job, images)
    style = personalities.task_style(call.state)  # a relay that always answers with a task
    if style or tasks.wants_async(call):
        result = personalities.url_objects(call.state, result, job.spec)
        return tasks.submit(call, result, style or tasks.SEED)
    if chat_style:
        result = _chat_style(result)
    result = personalities.url_objects(call.state, result, job.spec)
    if call.faults.has("wrong-types"):
        result = images_wrong_types(result)
    return call.deliver(JSONResponse(result))


async def render_images(call: Call, job: ImageJob) -> tuple[ImageJob, list[bytes]]:
    """The job as the render faults change it, and its pictures (also for streamed answers)."""
    job = _with_render_faults(call, job)
    images = [await run_in_threadpool(_render, job, scene) for scene in job.scenes()]
    if call.faults.has("corrupt-zlib"):
        images = [await run_in_threadpool(corrupt_zlib, image) for image in images]
    return job, images


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
    if job.fmt in ("gif", "svg"):  # late-2026 output formats (protocol.md §11)
        return _animated(render(scene, "png"), job.frames) if job.fmt == "gif" else _svg(scene)
    if job.mask_style:
        return render_edit(scene, job.base, job.mask, job.mask_style, job.fmt)
    if job.transparent and job.fmt in ("png", "webp"):
        return _cut_out(render(scene, "png"), job.fmt)
    return render(scene, job.fmt)


def _animated(data: bytes, frames: int) -> bytes:
    """A gif of ``frames`` frames: the picture with a bar that grows frame by frame."""
    with Image.open(io.BytesIO(data)) as opened:
        still = opened.convert("RGB")
    pictures = []
    for index in range(frames):
        frame = still.copy()
        width = max(1, frame.width * (index + 1) // frames)
        ImageDraw.Draw(frame).rectangle((0, frame.height - 8, width, frame.height), (255, 255, 255))
        pictures.append(frame)
    buffer = io.BytesIO()
    pictures[0].save(buffer, "GIF", save_all=True, append_images=pictures[1:], duration=100, loop=0)
    return buffer.getvalue()


def _svg(scene: Scene) -> bytes:
    """An svg document with the picture inside (honest about its size and prompt)."""
    picture = base64.b64encode(render(scene, "png")).decode()
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{scene.width}" height="{scene.height}">'
        f'<image width="{scene.width}" height="{scene.height}" '
        f'href="data:image/png;base64,{picture}"/></svg>'
    ).encode()


def _cut_out(data: bytes, fmt: str) -> bytes:
    """A transparent background: only a centred oval of the picture stays opaque."""
    with Image.open(io.BytesIO(data)) as opened:
        image = opened.convert("RGBA")
    width, height = image.size
    alpha = Image.new("L", image.size, 0)
    ImageDraw.Draw(alpha).ellipse((width // 8, height // 8, width * 7 // 8, height * 7 // 8), 255)
    image.putalpha(alpha)
    return encode(image, fmt)


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
