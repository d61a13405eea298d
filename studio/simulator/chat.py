"""``POST /v1/chat/completions``: the image comes back as markdown inside the message."""

from __future__ import annotations

import base64
import time
import uuid
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from studio.simulator.call import Call, endpoint
from studio.simulator.faults import split_directive
from studio.simulator.inputs import Reference
from studio.simulator.jobs import prompt_field, references
from studio.simulator.malformed import chat_wrong_types, corrupt_zlib
from studio.simulator.render import Scene, render
from studio.simulator.shapes import GARBAGE_B64, TEXT_ONLY
from studio.simulator.sizes import DEFAULT_SIZE


@endpoint("paid")
async def completions(call: Call) -> Response:
    call.require_auth()
    body = await call.read_json()
    spec = call.model_spec(body.get("model"))
    if body.get("stream"):
        raise call.bad_request("stream is not supported by this relay for image models")
    texts, refs = _last_user_message(call, body.get("messages"))
    prompt, directive = split_directive(" ".join(texts))
    prompt = prompt_field(call, spec, prompt)
    await call.begin({"paid", "chat", "render"}, directive)
    call.pre_work(_completion(spec.id, None, prompt))
    if call.faults.has("text-only"):
        return call.deliver(JSONResponse(_completion(spec.id, TEXT_ONLY + prompt, prompt)))
    image = await run_in_threadpool(render, Scene(prompt, *DEFAULT_SIZE, (spec.id,), refs), "png")
    if call.faults.has("corrupt-zlib"):
        image = await run_in_threadpool(corrupt_zlib, image)
    if call.faults.has("garbage-b64"):
        link = f"data:image/png;base64,{GARBAGE_B64}"
    elif call.faults.has("chat-data-uri"):
        link = f"data:image/png;base64,{base64.b64encode(image).decode()}"
    else:
        link = call.file_url(image, "png")
    content = f"Here is your image:\n\n![image]({link})"
    completion = _completion(spec.id, content, prompt)
    if call.faults.has("wrong-types"):
        completion = chat_wrong_types(completion)
    return call.deliver(JSONResponse(completion))


def _last_user_message(call: Call, messages: Any) -> tuple[list[str], tuple[Reference, ...]]:
    if not isinstance(messages, list) or not messages:
        raise call.bad_request("messages is required and must be a non-empty list")
    users = [m for m in messages if isinstance(m, dict) and m.get("role") == "user"]
    if not users:
        raise call.bad_request("messages needs a user message")
    content = users[-1].get("content")
    if isinstance(content, str):
        return [content], ()
    if not isinstance(content, list):
        raise call.bad_request("message content must be a string or a list of parts")
    texts = [
        p["text"]
        for p in content
        if isinstance(p, dict) and p.get("type") == "text" and isinstance(p.get("text"), str)
    ]
    urls = [
        p.get("image_url") for p in content if isinstance(p, dict) and p.get("type") == "image_url"
    ]
    return texts, references(call, urls, "image_url")


def _completion(model: str, content: str | None, prompt: str) -> dict[str, Any]:
    """A chat completion; ``content`` None gives the empty answer (no choices)."""
    prompt_tokens = max(1, len(prompt) // 4)
    completion_tokens = 0 if content is None else max(1, len(content) // 4)
    choices = (
        []
        if content is None
        else [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ]
    )
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": choices,
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }
