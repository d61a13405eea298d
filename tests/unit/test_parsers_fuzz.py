"""Every parser of relay answers, fed anything JSON can hold: only a StudioError may escape,
and what comes back is well typed.

Relays answer with the right keys and the wrong types (a list where an object belongs,
``"choices": true``, ``"parts": 5``), with truncated bodies, huge numbers and long strings. The
parsers walk JSON with type checks; the guard in ``protocols.base`` is only the last net, so
these tests call the parsers directly.
"""

from __future__ import annotations

import copy
import json
import math
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind, RelayError, StudioError
from studio.domain.model_spec import Operation
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.protocols.base import (
    Accepted,
    Completed,
    RawImage,
    TaskState,
    TaskUpdate,
    WireRequest,
    read_json,
)
from studio.protocols.chat import ChatProtocol
from studio.protocols.gemini import GeminiProtocol
from studio.protocols.images import ImagesProtocol
from studio.protocols.images_async import ImagesAsyncProtocol
from studio.protocols.json_edit import JsonEditProtocol
from studio.protocols.jsonbody import LONG_STRING, Blob
from studio.protocols.midjourney import MidjourneyProtocol, submit_result
from studio.protocols.models import model_ids

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PROFILE = Profile(name="fuzz", base_url="https://relay.example", api_key="fuzz-key")
CATALOG = Catalog.load()


def _wire(model: str) -> WireRequest:
    return WireRequest(GenerationRequest("a fox", model), CATALOG.get(model), Operation.GENERATE)


WIRES = {
    "images": _wire("gpt-image-1"),
    "gemini": _wire("gemini-2.5-flash-image"),
    "chat": _wire("gpt-4o-image"),
    "midjourney": _wire("midjourney"),
}

# -- the real shapes (protocol.md §2–§8) -------------------------------------------------------

B64 = (  # a 1×1 PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
IMAGES = {
    "created": 1713833628,
    "data": [
        {"url": "https://cdn.example/1.png", "b64_json": "", "revised_prompt": "a red fox"},
        {"b64_json": B64, "revised_prompt": "a fox"},
    ],
    "usage": {
        "total_tokens": 100,
        "input_tokens": 50,
        "output_tokens": 50,
        "input_tokens_details": {"text_tokens": 10, "image_tokens": 40},
    },
}
JSON_EDIT = {
    **IMAGES,
    "object": "chat.completion",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "![i](https://x/y.png)"}}],
}
ASYNC_SUBMITS = [{"task_id": "3dad"}, {"code": "success", "message": "", "data": "3dad"}]
ASYNC_TASK = {
    "code": "success",
    "message": "",
    "data": {
        "task_id": "3dad",
        "platform": "sync-task",
        "action": "image-sync",
        "status": "SUCCESS",
        "fail_reason": "",
        "submit_time": 1758993864,
        "progress": "100%",
        "data": {"data": [{"url": "https://cdn.example/2.png", "b64_json": ""}], "usage": {}},
    },
}
GEMINI = {
    "candidates": [
        {
            "content": {
                "role": "model",
                "parts": [
                    {"text": "Here it is."},
                    {"inlineData": {"mimeType": "image/png", "data": B64}, "thought": True},
                    {"inlineData": {"mimeType": "image/png", "data": B64}},
                    {"inline_data": {"mime_type": "image/png", "data": B64}},
                    {"fileData": {"fileUri": "https://cdn.example/3.png"}},
                ],
            },
            "finishReason": "STOP",
            "index": 0,
        }
    ],
    "promptFeedback": {"blockReason": "SAFETY", "blockReasonMessage": "no"},
    "usageMetadata": {"promptTokenCount": 8, "candidatesTokenCount": 1290, "totalTokenCount": 1298},
}
CHAT = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": [
                    {"type": "text", "text": "Here: ![image](https://cdn.example/4.png)"},
                    {"type": "image_url", "image_url": {"url": "data:image/png;base64," + B64}},
                ],
                "reasoning_content": "进度 45%",
            },
            "finish_reason": "stop",
        }
    ],
    "usage": {"prompt_tokens": 5, "completion_tokens": 9, "total_tokens": 14},
}
MJ_SUBMIT = {"code": 1, "description": "Submit success", "result": "1712", "properties": {}}
MJ_TASK = {
    "id": "1712",
    "action": "IMAGINE",
    "status": "SUCCESS",
    "progress": "100%",
    "imageUrl": "https://cdn.example/grid.png",
    "failReason": "",
    "prompt": "a castle",
    "buttons": [
        {"customId": "MJ::JOB::upsample::1::abc", "label": "U1", "emoji": ""},
        {"customId": "MJ::JOB::reroll::0::abc::SOLO", "label": "", "emoji": "🔄"},
    ],
    "properties": {"finalPrompt": "a castle"},
}
MODELS = {"object": "list", "data": [{"id": "gpt-image-1"}, {"id": "models/gemini-x"}, "flux"]}

KEYS = sorted(
    {
        *IMAGES,
        *IMAGES["data"][0],
        *JSON_EDIT,
        *ASYNC_TASK["data"],
        *GEMINI,
        *GEMINI["candidates"][0],
        "content",
        "parts",
        "text",
        "inlineData",
        "inline_data",
        "mimeType",
        "mime_type",
        "fileData",
        "fileUri",
        "thought",
        "blockReason",
        "message",
        "reasoning_content",
        "image_url",
        "url",
        *MJ_SUBMIT,
        *MJ_TASK,
        "customId",
        "label",
        "emoji",
        "finalPrompt",
        "taskId",
        "state",
        "failReason",
        "models",
        "name",
    }
)
WORDS = [
    "",
    " ",
    "SUCCESS",
    "success",
    "FAILURE",
    "failed",
    "IN_PROGRESS",
    "NOT_START",
    "queued",
    "STOP",
    "SAFETY",
    "IMAGE_SAFETY",
    "DESCRIBE",
    "45%",
    "1e999",
    "nan",
    "https://cdn.example/a.png",
    "data:image/png;base64," + B64,
    "data:image/png;base64,",
    "![x](https://cdn.example/b.png)",
    "![x](data:image/png;base64," + B64 + ")",
    B64,
    "提交成功",
    "banned prompt",
]
LONG = [
    "A" * (LONG_STRING + 10),
    "![a](" * 20_000,
    "https://cdn.example/" + "x" * 100_000 + ".png",
]


BLOB_BYTES = [B64.encode(), b"a\\/b", b"\\x", b"\\u12", b""]  # broken escapes too


def _blob(raw: bytes, escaped: bool) -> Blob:
    return Blob(memoryview(raw), escaped=escaped)


leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400) | st.integers(max_value=-(10**300)),
    st.floats(),  # NaN and ±Infinity too: Python's json accepts them
    st.text(max_size=12),
    st.sampled_from(WORDS),
    st.sampled_from(LONG),
    st.builds(_blob, st.sampled_from(BLOB_BYTES), st.booleans()),
)
json_like = st.recursive(
    leaves,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), children, max_size=6)
    ),
    max_leaves=30,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    parent = value
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = new
    return value


def _retyped(original: Any) -> st.SearchStrategy[Any]:
    """A value of another JSON type than ``original`` (the "right key, wrong type" case)."""
    others = [
        st.none(),
        st.booleans(),
        st.integers(min_value=-5, max_value=5),
        st.floats(allow_nan=True),
        st.sampled_from(WORDS),
        st.lists(st.sampled_from([1, "x", None, {}]), max_size=3),
        st.dictionaries(st.sampled_from(KEYS), st.sampled_from([1, "x", None, [], {}]), max_size=3),
    ]
    return st.one_of(others).filter(lambda new: type(new) is not type(original))


@st.composite
def mutated(draw: st.DrawFn, shape: Any) -> Any:
    """``shape`` with one to three of its nodes given another type (or any JSON value)."""
    value = copy.deepcopy(shape)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(_paths(value)))
        current = value
        for step in path:
            current = current[step]
        new = draw(_retyped(current) | json_like)
        value = _replace(value, path, new)
    return value


def _truncated(shape: Any, long_b64: bool) -> st.SearchStrategy[bytes]:
    """The JSON of ``shape`` cut anywhere (with a long base64 value: the blob path)."""
    if long_b64:
        shape = json.loads(json.dumps(shape).replace(B64, B64 * (LONG_STRING // len(B64) + 2)))
    body = json.dumps(shape, ensure_ascii=False).encode()
    return st.integers(min_value=0, max_value=len(body)).map(lambda cut: body[:cut])


def _response(body: bytes) -> httpx.Response:
    return httpx.Response(200, content=body, request=httpx.Request("POST", "https://relay.example"))


# -- what a well-typed result is ------------------------------------------------------------------


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _check_raw(raw: Any) -> None:
    assert isinstance(raw, RawImage)
    assert raw.source in ("b64", "url", "inline", "markdown")
    assert raw.url is None or (_is_text(raw.url) and raw.url)
    assert raw.b64 is None or isinstance(raw.b64, str | Blob)
    assert raw.url is not None or raw.b64 is not None
    assert raw.mime is None or _is_text(raw.mime)
    assert raw.revised_prompt is None or _is_text(raw.revised_prompt)


def _check_completed(result: Any) -> None:
    assert isinstance(result, Completed)
    assert isinstance(result.images, tuple)
    for raw in result.images:
        _check_raw(raw)
    assert result.usage is None or isinstance(result.usage, dict)
    assert result.text is None or _is_text(result.text)
    assert isinstance(result.meta, dict)
    buttons = result.meta.get("buttons", [])
    assert isinstance(buttons, list)
    for button in buttons:
        assert _is_text(button["custom_id"]) and button["custom_id"]
        assert _is_text(button["label"])
    assert result.meta.get("action") is None or _is_text(result.meta["action"])


def _check_outcome(result: Any) -> None:
    if isinstance(result, Accepted):
        assert _is_text(result.task_id) and result.task_id
    else:
        _check_completed(result)
        assert result.images  # a Completed submit always carries an image


def _check_update(update: Any) -> None:
    assert isinstance(update, TaskUpdate)
    assert isinstance(update.state, TaskState)
    if update.progress is not None:
        assert isinstance(update.progress, float) and math.isfinite(update.progress)
        assert 0.0 <= update.progress <= 100.0
    if update.state is TaskState.SUCCEEDED:
        _check_completed(update.result)
    else:
        assert update.result is None
    if update.state is TaskState.FAILED:
        assert isinstance(update.error, RelayError)
    assert update.preview_url is None or _is_text(update.preview_url)


def _refused(error: StudioError) -> None:
    """Any StudioError is allowed; one about the answer's shape is BAD_RESULT and billed."""
    assert isinstance(error, RelayError)
    if error.message.startswith("The relay's answer was not understood"):
        assert error.kind is ErrorKind.BAD_RESULT
        assert error.may_be_billed


# -- the parsers ----------------------------------------------------------------------------------


def parse_images(data: Any) -> None:
    _check_outcome(ImagesProtocol(PROFILE).parse(data, WIRES["images"]))


def parse_json_edit(data: Any) -> None:
    _check_outcome(JsonEditProtocol(PROFILE).parse(data, WIRES["images"]))


def parse_async_submit(data: Any) -> None:
    _check_outcome(ImagesAsyncProtocol(PROFILE).parse(data, WIRES["images"]))


def parse_async_task(data: Any) -> None:
    _check_update(ImagesAsyncProtocol(PROFILE).parse_task(data, "3dad"))


def parse_gemini(data: Any) -> None:
    _check_outcome(GeminiProtocol(PROFILE).parse(data, WIRES["gemini"]))


def parse_chat(data: Any) -> None:
    _check_outcome(ChatProtocol(PROFILE).parse(data, WIRES["chat"]))


def parse_mj_submit(data: Any) -> None:
    task_id = submit_result(data)
    assert _is_text(task_id) and task_id
    _check_outcome(MidjourneyProtocol(PROFILE).parse(data, WIRES["midjourney"]))


def parse_mj_task(data: Any) -> None:
    _check_update(MidjourneyProtocol(PROFILE).parse_task(data, "1712"))


def parse_models(data: Any) -> None:
    ids = model_ids(data)
    assert isinstance(ids, list) and all(_is_text(i) and i for i in ids)
    assert ids == sorted(set(ids))


PARSERS = {
    "images": (parse_images, [IMAGES]),
    "json-edit": (parse_json_edit, [JSON_EDIT]),
    "async-submit": (parse_async_submit, [*ASYNC_SUBMITS, IMAGES]),
    "async-task": (parse_async_task, [ASYNC_TASK, ASYNC_TASK["data"]]),
    "gemini": (parse_gemini, [GEMINI, {**GEMINI, "promptFeedback": {}}]),
    "chat": (parse_chat, [CHAT]),
    "mj-submit": (parse_mj_submit, [MJ_SUBMIT]),
    "mj-task": (parse_mj_task, [MJ_TASK, {**MJ_TASK, "action": "DESCRIBE"}]),
    "models": (parse_models, [MODELS]),
}


def _run(name: str, data: Any) -> None:
    parser = PARSERS[name][0]
    try:
        parser(data)
    except StudioError as error:
        _refused(error)


@pytest.mark.parametrize("name", PARSERS)
def test_well_formed_answers_parse(name: str) -> None:
    parser, shapes = PARSERS[name]
    for shape in shapes:
        if name == "gemini" and shape is GEMINI:
            with pytest.raises(RelayError):  # promptFeedback.blockReason: blocked
                parser(copy.deepcopy(shape))
            continue
        parser(copy.deepcopy(shape))


@pytest.mark.parametrize("name", PARSERS)
@FUZZ
@given(data=json_like)
def test_any_json_value(name: str, data: Any) -> None:
    _run(name, data)


@pytest.mark.parametrize("name", PARSERS)
@FUZZ
@given(data=st.data())
def test_right_keys_wrong_types(name: str, data: st.DataObject) -> None:
    shape = data.draw(st.sampled_from(PARSERS[name][1]))
    _run(name, data.draw(mutated(shape)))


@pytest.mark.parametrize("name", PARSERS)
@FUZZ
@given(data=st.data())
def test_truncated_bodies_through_the_json_reader(name: str, data: st.DataObject) -> None:
    shape = data.draw(st.sampled_from(PARSERS[name][1]))
    body = data.draw(_truncated(shape, data.draw(st.booleans())))
    try:
        value = read_json(_response(body))
    except StudioError as error:
        _refused(error)
        return
    _run(name, value)


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000,
        b'{"data":' * 50_000,
        b'{"a":"' + b"x" * (LONG_STRING + 1) + b'","b":' + b"[" * 100_000,
        b"1" * 5000,
        b'{"data": [' + b"9" * 4000 + b"]}",
        b"\xff\xfe\x00garbage",
        b"",
    ],
)
def test_hostile_bodies_are_refused_or_parsed(body: bytes) -> None:
    try:
        value = read_json(_response(body))
    except StudioError as error:
        _refused(error)
        return
    for name in PARSERS:
        _run(name, value)
