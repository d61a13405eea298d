"""What real relays send in late 2026 (protocol.md §11), read by the protocols: images inside
words, and async tasks recognised by their shape whether asked for or not."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from typing import Any

import httpx
import pytest

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind, RelayError
from studio.domain.model_spec import Operation
from studio.domain.profile import AsyncOptions, Profile
from studio.domain.request import GenerationRequest
from studio.protocols.base import Accepted, Completed, RawImage, TaskState, WireRequest
from studio.protocols.chat import ChatProtocol
from studio.protocols.gemini import GeminiProtocol
from studio.protocols.images import ImagesProtocol
from studio.protocols.images_async import ImagesAsyncProtocol

PROFILE = Profile(name="t", base_url="https://relay.example", api_key="test-key")
CATALOG = Catalog.load()
DATA_URI = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAF"
    "AAH/iZk9HQAAAABJRU5ErkJggg=="
)
LINK = "https://files.relay.example/abc/result.png"
GENERATION_POLL = "/v1/images/generations/{task_id}"
TASKS_V1_POLL = "/v1/tasks/{task_id}"


def _wire(model: str) -> WireRequest:
    return WireRequest(GenerationRequest("a fox", model), CATALOG.get(model), Operation.GENERATE)


def _gemini(*parts: dict[str, Any]) -> dict[str, Any]:
    return {
        "candidates": [
            {"content": {"role": "model", "parts": list(parts)}, "finishReason": "STOP"}
        ],
        "usageMetadata": {"totalTokenCount": 9},
    }


def _parse_gemini(data: dict[str, Any]) -> Completed:
    return GeminiProtocol(PROFILE).parse(data, _wire("gemini-2.5-flash-image"))


# -- images inside words -------------------------------------------------------------------------


def test_a_markdown_link_in_a_gemini_text_part_is_the_result() -> None:
    done = _parse_gemini(_gemini({"text": f"Here is the image you asked for.\n\n![image]({LINK})"}))
    assert done.images == (RawImage("markdown", url=LINK),)
    assert done.text == "Here is the image you asked for."  # the words, without the link
    assert done.usage == {"totalTokenCount": 9}


def test_a_data_uri_in_a_gemini_text_part_is_the_result() -> None:
    done = _parse_gemini(_gemini({"text": f"![image]({DATA_URI})"}))
    assert done.images == (RawImage("inline", url=DATA_URI),)
    assert done.text is None


def test_thought_parts_are_skipped_whatever_they_hold() -> None:
    thought_text = {"text": "**Planning** the light first.", "thought": True}
    thought_draft = {"text": f"![draft]({LINK.replace('result', 'draft')})", "thought": True}
    thought_inline = {"inlineData": {"mimeType": "image/png", "data": "AAAA"}, "thought": True}
    done = _parse_gemini(
        _gemini(thought_text, thought_draft, thought_inline, {"text": f"Done: ![x]({LINK})"})
    )
    assert [image.url for image in done.images] == [LINK]
    assert done.text == "Done:"
    with pytest.raises(RelayError) as caught:  # only thoughts held images: words, no image
        _parse_gemini(_gemini(thought_text, thought_draft, {"text": "I drew a fox for you."}))
    assert caught.value.kind is ErrorKind.TEXT_ONLY
    assert "I drew a fox for you." in caught.value.message
    assert "Planning" not in caught.value.message


def test_inline_images_and_links_in_words_are_all_results_in_order() -> None:
    done = _parse_gemini(
        _gemini(
            {"inlineData": {"mimeType": "image/png", "data": "AAAA"}},
            {"text": f"and a second one ![b]({DATA_URI}) and a third {LINK}"},
        )
    )
    assert [image.source for image in done.images] == ["inline", "inline", "markdown"]
    assert done.images[1].url == DATA_URI and done.images[2].url == LINK


def test_chat_content_with_progress_lines_before_the_link() -> None:
    content = f"进度 12%\n\n进度 45%\n\n进度 100%\n\n生成完成 ✅\n\n![image]({LINK})"
    data = {"choices": [{"message": {"role": "assistant", "content": content}}]}
    done = ChatProtocol(PROFILE).parse(data, _wire("gpt-4o-image"))
    assert done.images == (RawImage("markdown", url=LINK),)
    inline = {"choices": [{"message": {"content": f"进度 45%\n![image]({DATA_URI})"}}]}
    assert ChatProtocol(PROFILE).parse(inline, _wire("gpt-4o-image")).images == (
        RawImage("inline", url=DATA_URI),
    )


# -- tasks recognised by shape -------------------------------------------------------------------

TASK_SHAPES = [
    # seed 002 (and the same wrapped): polled where the profile says
    ({"task_id": "3dad"}, "3dad", None),
    ({"code": "success", "message": "", "data": "3dad"}, "3dad", None),
    ({"code": "success", "data": {"task_id": "3dad"}}, "3dad", None),
    # an OpenAI-style task object: polled at the generations path
    (
        {"id": "gentask_1", "object": "generation.task", "status": "queued", "error": None},
        "gentask_1",
        GENERATION_POLL,
    ),
    # a generic task record: polled at /v1/tasks
    ({"task_id": "task_9", "status": "submitted", "created_at": 1}, "task_9", TASKS_V1_POLL),
]


@pytest.mark.parametrize(("answer", "task_id", "poll_path"), TASK_SHAPES)
def test_the_sync_images_protocol_recognises_a_task_by_its_shape(
    answer: dict[str, Any], task_id: str, poll_path: str | None
) -> None:
    outcome = ImagesProtocol(PROFILE).parse(answer, _wire("gpt-image-1"))
    assert outcome == Accepted(task_id, poll_path=poll_path)


@pytest.mark.parametrize(("answer", "task_id", "poll_path"), TASK_SHAPES)
def test_the_async_protocol_knows_where_each_shape_is_polled(
    answer: dict[str, Any], task_id: str, poll_path: str | None
) -> None:
    outcome = ImagesAsyncProtocol(PROFILE).parse(answer, _wire("gpt-image-1"))
    assert outcome == Accepted(task_id, poll_path=poll_path)


def test_a_poll_path_the_user_set_in_the_profile_wins_over_the_shape() -> None:
    custom = replace(PROFILE, async_options=AsyncOptions(poll_path="/api/jobs/{task_id}"))
    for protocol in (ImagesProtocol(custom), ImagesAsyncProtocol(custom)):
        answer = {"id": "g1", "object": "generation.task", "status": "queued"}
        assert protocol.parse(answer, _wire("gpt-image-1")) == Accepted("g1", poll_path=None)


@pytest.mark.parametrize(
    "answer",
    [
        {"id": "img-1", "object": "list", "created": 1, "data": []},  # 200 with no image
        {"created": 1, "data": []},
        {"id": "chatcmpl-1", "object": "chat.completion", "choices": []},
    ],
)
def test_answers_that_are_not_tasks_stay_no_image(answer: dict[str, Any]) -> None:
    with pytest.raises(RelayError) as caught:
        ImagesProtocol(PROFILE).parse(answer, _wire("gpt-image-1"))
    assert caught.value.kind is ErrorKind.NO_IMAGE


def test_an_images_response_with_an_id_is_still_images() -> None:
    answer = {"id": "x1", "object": "chat.completion", "data": [{"url": LINK}]}
    outcome = ImagesProtocol(PROFILE).parse(answer, _wire("gpt-image-1"))
    assert isinstance(outcome, Completed) and outcome.images[0].url == LINK


# -- polling those tasks -------------------------------------------------------------------------


class Relay:
    """Answers GETs with queued (status, JSON) pairs and remembers the paths."""

    def __init__(self, *answers: tuple[int, Any]) -> None:
        self.profile = PROFILE
        self.answers = list(answers)
        self.paths: list[str] = []

    async def get(self, path: str, **_: Any) -> httpx.Response:
        self.paths.append(path)
        status, body = self.answers.pop(0)
        request = httpx.Request("GET", f"https://relay.example{path}")
        return httpx.Response(status, content=json.dumps(body).encode(), request=request)


def _poll(relay: Relay, task_id: str, path: str | None) -> Any:
    return asyncio.run(ImagesAsyncProtocol(PROFILE).poll(relay, task_id, path))  # type: ignore[arg-type]


def test_a_generation_task_is_polled_at_its_path_until_it_succeeds() -> None:
    relay = Relay(
        (202, {"id": "g/1", "object": "generation.task", "status": "queued", "progress": 0}),
        (202, {"id": "g/1", "object": "generation.task", "status": "in_progress", "progress": 40}),
        (
            200,
            {
                "id": "g/1",
                "object": "generation.task",
                "status": "succeeded",
                "progress": 100,
                "error": None,
                "data": [{"b64_json": "AAAA"}],
                "usage": {"total_tokens": 7},
            },
        ),
    )
    updates = [_poll(relay, "g/1", GENERATION_POLL) for _ in range(3)]
    assert relay.paths == ["/v1/images/generations/g%2F1"] * 3
    assert [u.state for u in updates] == [TaskState.PENDING, TaskState.RUNNING, TaskState.SUCCEEDED]
    assert updates[1].progress == 40.0
    assert updates[2].result is not None and updates[2].result.usage == {"total_tokens": 7}


def test_a_failed_task_record_is_a_failed_task_not_a_failed_poll() -> None:
    failed = {
        "id": "g1",
        "object": "generation.task",
        "status": "failed",
        "error": {"code": "generation_failed", "message": "The upstream model failed"},
    }
    update = _poll(Relay((200, failed)), "g1", GENERATION_POLL)
    assert update.state is TaskState.FAILED
    assert update.error is not None and update.error.kind is ErrorKind.TASK_FAILED
    assert update.error.relay_message == "The upstream model failed"


def test_a_tasks_v1_record_is_polled_at_v1_tasks_with_its_result_inside() -> None:
    relay = Relay(
        (200, {"task_id": "t1", "status": "processing", "progress": "45%", "result": None}),
        (
            200,
            {
                "task_id": "t1",
                "status": "succeeded",
                "progress": "100%",
                "result": {"created": 1, "data": [{"url": LINK}], "usage": {"total_tokens": 3}},
            },
        ),
    )
    running, done = _poll(relay, "t1", TASKS_V1_POLL), _poll(relay, "t1", TASKS_V1_POLL)
    assert relay.paths == ["/v1/tasks/t1", "/v1/tasks/t1"]
    assert running.state is TaskState.RUNNING and running.progress == 45.0
    assert done.result is not None and done.result.images[0].url == LINK


def test_without_a_path_the_profiles_poll_path_is_used() -> None:
    relay = Relay((200, {"code": "success", "data": {"task_id": "s1", "status": "IN_PROGRESS"}}))
    _poll(relay, "s1", None)
    assert relay.paths == ["/v1/images/tasks/s1"]
