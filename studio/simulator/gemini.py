"""Native Gemini: ``POST /v1beta/models/{model}:generateContent`` (errors in Google's shape)."""

from __future__ import annotations

import base64
import json
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from studio.simulator import personalities
from studio.simulator.call import Call, endpoint
from studio.simulator.faults import split_directive
from studio.simulator.inputs import Reference, decode_base64, probe
from studio.simulator.jobs import prompt_field, size_field, text_field
from studio.simulator.malformed import corrupt_zlib, gemini_wrong_types
from studio.simulator.render import Scene, draft, render
from studio.simulator.shapes import GARBAGE_B64, TEXT_ONLY, Shape
from studio.simulator.sizes import DEFAULT_SIZE


@endpoint("paid", Shape.GOOGLE)
async def generate_content(call: Call) -> Response:
    model, _, method = call.request.path_params["target"].partition(":")
    call.entry.model = model
    call.require_auth()
    if method != "generateContent":
        raise call.fail(
            404, f"Method {method or '(none)'} is not supported here: use :generateContent"
        )
    personalities.refuse_plain_name(call, model)
    spec = call.state.catalog.get(model)
    if not spec.known:
        raise call.fail(
            404,
            f"models/{model} is not found for API version v1beta, "
            "or is not supported for generateContent.",
        )
    body = await call.read_json()
    texts, refs = await run_in_threadpool(_contents, call, body.get("contents"))
    prompt, directive = split_directive(" ".join(texts))
    prompt = prompt_field(call, spec, prompt)
    config = _object(call, body, "generationConfig")
    image_config = _object(call, config, "imageConfig")
    size = size_field(
        call,
        spec,
        size=None,
        ratio=text_field(call, image_config, "aspectRatio"),
        resolution=text_field(call, image_config, "imageSize"),
    )
    await call.begin({"paid", "gemini", "render"}, directive)
    call.pre_work({"candidates": [], "usageMetadata": _usage(prompt, 0)})
    if call.faults.has("text-only") or "IMAGE" not in config.get(
        "responseModalities", ["TEXT", "IMAGE"]
    ):
        return call.deliver(_answer([{"text": TEXT_ONLY + prompt}], prompt, 0))
    if call.faults.has("ignore-ratio"):
        size = DEFAULT_SIZE
    image = await run_in_threadpool(render, Scene(prompt, *size, (model,), refs), "png")
    if call.faults.has("corrupt-zlib"):
        image = await run_in_threadpool(corrupt_zlib, image)
    if personalities.has(call.state, personalities.GEMINI_MARKDOWN):
        sketch = await run_in_threadpool(draft, image)
        parts = personalities.markdown_parts(call, image, _b64(call, image), _b64(call, sketch))
    else:
        parts = [{"text": "Here is the image you asked for."}]
        if call.faults.has("thought"):
            sketch = await run_in_threadpool(draft, image)
            parts.append(
                {
                    "inlineData": {"mimeType": "image/png", "data": _b64(call, sketch)},
                    "thought": True,
                }
            )
        parts.append({"inlineData": {"mimeType": "image/png", "data": _b64(call, image)}})
    answer = _answer(parts, prompt, 1290)
    if call.faults.has("wrong-types"):
        answer = JSONResponse(gemini_wrong_types(json.loads(answer.body)))
    return call.deliver(answer)


def _object(call: Call, parent: dict[str, Any], name: str) -> dict[str, Any]:
    value = parent.get(name) or {}
    if not isinstance(value, dict):
        raise call.bad_request(f"{name} must be an object")
    return value


def _contents(call: Call, contents: Any) -> tuple[list[str], tuple[Reference, ...]]:
    if not isinstance(contents, list) or not contents:
        raise call.bad_request("contents is required and must be a non-empty list")
    texts: list[str] = []
    refs: list[Reference] = []
    for content in contents:
        parts = content.get("parts") if isinstance(content, dict) else None
        if not isinstance(parts, list):
            raise call.bad_request("every item of contents needs a parts list")
        for part in parts:
            if not isinstance(part, dict):
                raise call.bad_request("every part must be an object")
            if isinstance(part.get("text"), str):
                texts.append(part["text"])
            inline = part.get("inlineData") or part.get("inline_data")
            if inline is not None:
                refs.append(_inline(call, inline))
    return texts, tuple(refs)


def _inline(call: Call, inline: Any) -> bytes:
    data = inline.get("data") if isinstance(inline, dict) else None
    if not isinstance(data, str):
        raise call.bad_request("inlineData needs mimeType and base64 data")
    try:
        return probe(decode_base64(data)).data
    except ValueError as exc:
        raise call.bad_request(f"inlineData is not a usable image: {exc}") from None


def _b64(call: Call, image: bytes) -> str:
    if call.faults.has("garbage-b64"):
        return GARBAGE_B64
    if call.faults.has("urlsafe-b64"):
        return base64.urlsafe_b64encode(image).rstrip(b"=").decode()
    return base64.b64encode(image).decode()


def _answer(parts: list[dict[str, Any]], prompt: str, image_tokens: int) -> JSONResponse:
    return JSONResponse(
        {
            "candidates": [
                {"content": {"role": "model", "parts": parts}, "finishReason": "STOP", "index": 0}
            ],
            "usageMetadata": _usage(prompt, image_tokens),
            "modelVersion": "simulator",
        }
    )


def _usage(prompt: str, candidate_tokens: int) -> dict[str, int]:
    prompt_tokens = max(1, len(prompt) // 4)
    return {
        "promptTokenCount": prompt_tokens,
        "candidatesTokenCount": candidate_tokens,
        "totalTokenCount": prompt_tokens + candidate_tokens,
    }
