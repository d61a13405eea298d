"""Relay answers with the right keys and the wrong types: a plain reason, never a crash.

One guard in ``protocols.base`` turns anything a parser did not foresee into "the relay's answer
was not understood"; the parsers themselves check types so that the reason names the field.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import httpx
import pytest

from studio.catalog import Catalog
from studio.domain.errors import Billing, ErrorKind, RelayError
from studio.domain.model_spec import Operation
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest, MidjourneyAction
from studio.protocols import midjourney as mj_module
from studio.protocols.base import (
    MSG_NOT_UNDERSTOOD,
    Accepted,
    Completed,
    ImageProtocol,
    TaskState,
    WireRequest,
)
from studio.protocols.chat import ChatProtocol
from studio.protocols.gemini import GeminiProtocol
from studio.protocols.images import ImagesProtocol, parse_images_response
from studio.protocols.images_async import ImagesAsyncProtocol, parse_progress
from studio.protocols.json_edit import JsonEditProtocol
from studio.protocols.midjourney import MidjourneyProtocol, submit_result
from studio.protocols.models import model_ids

PROFILE = Profile(name="t", base_url="https://relay.example", api_key="test-key")
CATALOG = Catalog.load()
NOT_UNDERSTOOD = "The relay's answer was not understood"


def _wire(model: str, **options: Any) -> WireRequest:
    operation = options.pop("operation", Operation.GENERATE)
    request = GenerationRequest(options.pop("prompt", "a fox"), model, **options)
    return WireRequest(request, CATALOG.get(model), operation)


class FakeClient:
    """Answers every POST and GET with the next queued JSON body (or raw bytes)."""

    def __init__(self, *answers: Any) -> None:
        self.profile = PROFILE
        self.answers = list(answers)
        self.paths: list[str] = []

    def _next(self, method: str, path: str) -> httpx.Response:
        self.paths.append(path)
        answer = self.answers.pop(0)
        body = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
        request = httpx.Request(method, f"https://relay.example{path}")
        return httpx.Response(200, content=body, request=request)

    async def post_paid(self, path: str, **_: Any) -> httpx.Response:
        return self._next("POST", path)

    async def get(self, path: str, **_: Any) -> httpx.Response:
        return self._next("GET", path)


def _not_understood(error: RelayError | None, what: str | None = None) -> None:
    assert isinstance(error, RelayError)
    assert error.kind is ErrorKind.BAD_RESULT
    assert error.template == MSG_NOT_UNDERSTOOD
    assert error.message.startswith(NOT_UNDERSTOOD)
    assert error.may_be_billed and error.billing is Billing.MAY_BE_BILLED
    assert "billed" not in error.message  # the billing note is appended by the presentation
    if what is not None:
        assert error.params["what"] == what, error.params["what"]


# -- the guard ------------------------------------------------------------------------------------


def test_an_unforeseen_exception_in_parse_is_not_understood(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(self: ChatProtocol, data: Any, wire: WireRequest) -> Completed:
        return data["choices"][0]["oops"]  # a KeyError the parser did not foresee

    monkeypatch.setattr(ChatProtocol, "parse", broken)
    client = FakeClient({"choices": [{}]})
    with caplog.at_level(logging.WARNING), pytest.raises(RelayError) as caught:
        asyncio.run(ChatProtocol(PROFILE).submit(client, _wire("gpt-4o-image")))  # type: ignore[arg-type]
    _not_understood(caught.value)
    assert "KeyError" in caught.value.params["what"]
    assert client.paths == ["/v1/chat/completions"]
    (record,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert record.exc_info is not None and record.exc_info[0] is KeyError


def test_an_unforeseen_exception_in_a_task_parser_is_not_understood(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(self: ImageProtocol, data: Any, task_id: str) -> Any:
        raise AttributeError("'int' object has no attribute 'get'")

    for cls in (ImagesAsyncProtocol, MidjourneyProtocol):
        monkeypatch.setattr(cls, "parse_task", broken)
        with caplog.at_level(logging.WARNING), pytest.raises(RelayError) as caught:
            asyncio.run(cls(PROFILE).poll(FakeClient({"status": "SUCCESS"}), "t1"))  # type: ignore[arg-type]
        # A failed poll, not a failed task: the relay still has the task, so the engine asks
        # again a few times and then keeps the job resumable.
        _not_understood(caught.value)
        assert "AttributeError" in caught.value.params["what"]
        assert caplog.records[-1].exc_info is not None


def test_a_poll_answer_that_is_an_error_still_raises() -> None:
    """An error body (or an HTML page) is a failed poll the engine may retry, not a failed
    task."""
    client = FakeClient({"error": {"message": "upstream busy", "type": "server_error"}})
    with pytest.raises(RelayError) as caught:
        asyncio.run(ImagesAsyncProtocol(PROFILE).poll(client, "t1"))  # type: ignore[arg-type]
    assert caught.value.template != MSG_NOT_UNDERSTOOD


def test_midjourneys_own_submit_goes_through_the_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(data: Any) -> str:
        raise TypeError("unhashable type: 'list'")

    monkeypatch.setattr(mj_module, "submit_result", broken)
    wire = _wire(
        "midjourney",
        prompt="",
        operation=Operation.MJ_MODAL,
        midjourney=MidjourneyAction(task_id="7", custom_id="MJ::Inpaint::1::abc::SOLO"),
    )
    client = FakeClient({"code": 21, "result": "8"})
    with pytest.raises(RelayError) as caught:
        asyncio.run(MidjourneyProtocol(PROFILE).submit(client, wire))  # type: ignore[arg-type]
    _not_understood(caught.value)
    for operation in (Operation.GENERATE,):
        with pytest.raises(RelayError) as caught:
            asyncio.run(
                MidjourneyProtocol(PROFILE).submit(
                    FakeClient({"code": 1, "result": "9"}),
                    _wire("midjourney", operation=operation),  # type: ignore[arg-type]
                )
            )
        _not_understood(caught.value)


def test_a_body_nested_too_deeply_is_not_understood() -> None:
    client = FakeClient(b"[" * 100_000)
    with pytest.raises(RelayError) as caught:
        asyncio.run(ImagesProtocol(PROFILE).submit(client, _wire("gpt-image-1")))  # type: ignore[arg-type]
    _not_understood(caught.value)
    client = FakeClient(b'{"data":' * 60_000)
    with pytest.raises(RelayError) as caught:
        asyncio.run(ImagesAsyncProtocol(PROFILE).poll(client, "t1"))  # type: ignore[arg-type]
    assert caught.value.template == MSG_NOT_UNDERSTOOD and caught.value.may_be_billed


def test_a_studio_error_from_a_parser_passes_the_guard_unchanged() -> None:
    client = FakeClient({"created": 1, "data": []})
    with pytest.raises(RelayError) as caught:
        asyncio.run(ImagesProtocol(PROFILE).submit(client, _wire("gpt-image-1")))  # type: ignore[arg-type]
    assert caught.value.kind is ErrorKind.NO_IMAGE


# -- right keys, wrong types ------------------------------------------------------------------


WRONG = [
    # images (and json-edit, which reads the same ImagesResponse)
    ("images", {"data": "x"}, "data is a string, expected a list"),
    ("images", {"data": {"0": "iVBOR", "1": 5}}, "data is an object, expected a list"),
    ("images", {"data": {"data": 3}}, "data.data is an int, expected a list"),
    ("images", {"data": [5, "x"]}, "data[0] is an int, expected an object"),
    ("images", {"data": [{"b64_json": 5}]}, "data[0].b64_json is an int, expected a string"),
    (
        "images",
        {"data": [{"url": ["https://x/y.png"]}]},
        "data[0].url is a list, expected a string",
    ),
    ("images", [{"url": "https://x/y.png"}], "the answer is a list, expected an object"),
    ("json-edit", {"data": True, "choices": []}, "data is a bool, expected a list"),
    # images-async
    ("async-submit", {"task_id": ["3dad"]}, "task_id is a list, expected a string"),
    (
        "async-submit",
        {"data": {"task_id": {"id": 1}}},
        "data.task_id is an object, expected a string",
    ),
    ("async-task", {"code": "success", "data": [1, 2]}, "data is a list, expected an object"),
    ("async-task", {"data": {"status": 5}}, "data.status is an int, expected a string"),
    ("async-task", "SUCCESS", "the answer is a string, expected an object"),
    (
        "async-task",
        {"data": {"status": "SUCCESS", "data": "x"}},
        "data.data is a string, expected an object",
    ),
    # gemini
    ("gemini", {"candidates": 1}, "candidates is an int, expected a list"),
    (
        "gemini",
        {"candidates": [{"content": 7}]},
        "candidates[0].content is an int, expected an object",
    ),
    (
        "gemini",
        {"candidates": [{"content": {"parts": 5}}]},
        "candidates[0].content.parts is an int, expected a list",
    ),
    (
        "gemini",
        {"candidates": [{"content": {"parts": [{"inlineData": {"data": 5}}]}}]},
        "candidates[0].content.parts[0].inlineData.data is an int, expected a string",
    ),
    (
        "gemini",
        {"candidates": [{"finishReason": 3}]},
        "candidates[0].finishReason is an int, expected a string",
    ),
    ("gemini", {"promptFeedback": "blocked"}, "promptFeedback is a string, expected an object"),
    ("gemini", [], "the answer is a list, expected an object"),
    # chat
    ("chat", {"choices": True}, "choices is a bool, expected a list"),
    (
        "chat",
        {"choices": [{"message": "hi"}]},
        "choices[0].message is a string, expected an object",
    ),
    (
        "chat",
        {"choices": [{"message": {"content": 7}}]},
        "choices[0].message.content is an int, expected a string",
    ),
    ("chat", {"choices": [3]}, "choices[0] is an int, expected an object"),
    # midjourney
    (
        "mj-task",
        {"status": "SUCCESS", "imageUrl": "https://x/y.png", "buttons": {"a": 1}},
        "buttons is an object, expected a list",
    ),
    ("mj-task", {"status": ["SUCCESS"]}, "status is a list, expected a string"),
    (
        "mj-task",
        {"status": "SUCCESS", "imageUrl": {"url": 1}},
        "imageUrl is an object, expected a string",
    ),
    ("mj-task", [{"status": "SUCCESS"}], "the answer is a list, expected an object"),
    ("mj-submit", {"code": 1, "result": ["1"]}, "result is a list, expected a string"),
    ("mj-submit", "1", "the answer is a string, expected an object"),
]


def _parse(kind: str, data: Any) -> Any:
    if kind == "images":
        return ImagesProtocol(PROFILE).parse(data, _wire("gpt-image-1"))
    if kind == "json-edit":
        return JsonEditProtocol(PROFILE).parse(data, _wire("gpt-image-1"))
    if kind == "async-submit":
        return ImagesAsyncProtocol(PROFILE).parse(data, _wire("gpt-image-1"))
    if kind == "async-task":
        return ImagesAsyncProtocol(PROFILE).parse_task(data, "t1")
    if kind == "gemini":
        return GeminiProtocol(PROFILE).parse(data, _wire("gemini-2.5-flash-image"))
    if kind == "chat":
        return ChatProtocol(PROFILE).parse(data, _wire("gpt-4o-image"))
    if kind == "mj-task":
        return MidjourneyProtocol(PROFILE).parse_task(data, "t1")
    assert kind == "mj-submit"
    return MidjourneyProtocol(PROFILE).parse(data, _wire("midjourney"))


@pytest.mark.parametrize(("kind", "data", "what"), WRONG)
def test_wrong_types_name_the_field(kind: str, data: Any, what: str) -> None:
    with pytest.raises(RelayError) as caught:
        _parse(kind, data)
    _not_understood(caught.value, what)


# -- what is tolerated -------------------------------------------------------------------------


def test_cosmetic_fields_of_the_wrong_type_are_skipped_when_the_image_is_there() -> None:
    result = parse_images_response(
        {
            "data": [7, {"url": "https://x/1.png", "revised_prompt": 5}, "junk"],
            "usage": "lots",
        }
    )
    assert [r.url for r in result.images] == ["https://x/1.png"]
    assert result.images[0].revised_prompt is None and result.usage is None

    gemini = GeminiProtocol(PROFILE).parse(
        {
            "candidates": [
                {
                    "content": {
                        "parts": [{"text": 5}, {"inlineData": {"data": "iVBOR", "mimeType": 3}}]
                    },
                    "finishReason": ["STOP"],
                }
            ],
            "promptFeedback": "fine",
            "usageMetadata": "1290",
        },
        _wire("gemini-2.5-flash-image"),
    )
    assert isinstance(gemini, Completed) and gemini.images[0].mime is None
    assert gemini.usage is None

    chat = ChatProtocol(PROFILE).parse(
        {
            "choices": [{"message": {"content": "![i](https://x/2.png)", "reasoning_content": 4}}],
            "usage": [],
        },
        _wire("gpt-4o-image"),
    )
    assert [r.url for r in chat.images] == ["https://x/2.png"] and chat.usage is None

    task = MidjourneyProtocol(PROFILE).parse_task(
        {"status": "IN_PROGRESS", "progress": {"value": 45}, "imageUrl": 5, "buttons": "x"}, "t1"
    )
    assert task.state is TaskState.RUNNING and task.progress is None and task.preview_url is None
    done = MidjourneyProtocol(PROFILE).parse_task(
        {
            "status": "SUCCESS",
            "imageUrl": "https://x/grid.png",
            "action": 5,
            "properties": "none",
            "buttons": [5, {"customId": 3}, {"customId": "MJ::JOB::upsample::1::h", "label": 1}],
        },
        "t1",
    )
    assert done.result is not None
    assert done.result.meta["buttons"] == [{"custom_id": "MJ::JOB::upsample::1::h", "label": ""}]
    assert done.result.meta["action"] is None


def test_a_url_given_as_an_object_is_read() -> None:  # protocol.md §11
    result = parse_images_response({"data": [{"url": {"url": "https://x/3.png", "cost": 0.04}}]})
    assert [r.url for r in result.images] == ["https://x/3.png"]


def test_progress_of_any_type_is_a_finite_percentage_or_none() -> None:
    assert parse_progress(10**400) == 100.0
    assert parse_progress(-(10**400)) == 0.0
    assert parse_progress(float("nan")) is None
    assert parse_progress("nan%") is None
    assert parse_progress(float("inf")) == 100.0
    assert parse_progress({"p": 1}) is None
    assert parse_progress("45%") == 45.0 and parse_progress(0.45) == 45.0


def test_async_task_ids_of_the_wrong_type_are_not_used() -> None:
    with pytest.raises(RelayError) as caught:
        _parse("async-submit", {"task_id": True})
    _not_understood(caught.value, "task_id is a bool, expected a string")
    assert _parse("async-submit", {"task_id": 123}) == Accepted("123")


def test_models_of_the_wrong_type_are_skipped() -> None:
    assert model_ids({"data": [{"id": 5, "name": "x"}, {"id": ["y"]}, 7, None, "z"]}) == ["x", "z"]
    assert model_ids({"data": None, "models": [{"name": "models/g"}]}) == ["g"]
    assert model_ids({"data": "gpt"}) == []
    assert model_ids(5) == []


# -- Midjourney: a success without a task id ----------------------------------------------------


@pytest.mark.parametrize("code", [1, 21, 22, "1"])
def test_midjourney_success_without_a_result_shows_the_relays_words(code: Any) -> None:
    with pytest.raises(RelayError) as caught:
        submit_result({"code": code, "description": "提交成功"})
    error = caught.value
    assert error.relay_message == "提交成功"
    assert "task id" in error.message
    assert error.kind is ErrorKind.BAD_RESULT and error.may_be_billed
    assert "提交成功" in error.full_text()


@pytest.mark.parametrize("result", [["1"], {"id": "1"}, 1.5, True, "", "  "])
def test_midjourney_code_1_with_a_result_that_is_not_a_task_id(result: Any) -> None:
    with pytest.raises(RelayError) as caught:
        submit_result({"code": 1, "description": "提交成功", "result": result})
    assert caught.value.relay_message == "提交成功"
    assert caught.value.kind is ErrorKind.BAD_RESULT and caught.value.may_be_billed


def test_midjourney_codes_keep_their_meaning() -> None:
    assert submit_result({"code": 1, "result": "1712"}) == "1712"
    assert submit_result({"code": 22, "result": 1712}) == "1712"
    for data, kind in [
        ({"code": 24, "description": "banned"}, ErrorKind.SAFETY),
        ({"code": 23, "description": "full"}, ErrorKind.RATE_LIMITED),
        ({"code": 4, "description": "bad"}, ErrorKind.BAD_REQUEST),
        ({"code": True, "description": "?"}, ErrorKind.SERVER),
        ({"code": float("inf"), "description": "?"}, ErrorKind.SERVER),
        ({"code": [1], "description": 5}, ErrorKind.SERVER),
    ]:
        with pytest.raises(RelayError) as caught:
            submit_result(data)
        assert caught.value.kind is kind, data
        assert isinstance(caught.value.message, str)


def test_mj_describe_and_a_task_without_an_image() -> None:
    describe = MidjourneyProtocol(PROFILE).parse_task(
        {
            "status": "SUCCESS",
            "action": "DESCRIBE",
            "properties": {"finalPrompt": 7},
            "prompt": "p",
        },
        "t1",
    )
    assert describe.result is not None and describe.result.text == "p"
    with pytest.raises(RelayError) as caught:
        MidjourneyProtocol(PROFILE).parse_task({"status": "SUCCESS", "imageUrl": ""}, "t1")
    assert caught.value.kind is ErrorKind.NO_IMAGE
