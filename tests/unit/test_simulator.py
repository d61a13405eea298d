"""The simulated relay's endpoints, over real loopback HTTP."""

from __future__ import annotations

import base64
import io
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PIL import Image, ImageChops, UnidentifiedImageError

from studio.simulator import SimulatorServer

AUTH = {"Authorization": "Bearer test-key"}


@pytest.fixture(scope="module")
def http(simulator: SimulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=simulator.url, headers=AUTH, timeout=10) as client:
        yield client


@pytest.fixture
def client(sim: SimulatorServer, http: httpx.Client) -> httpx.Client:
    """A keep-alive client of the freshly reset simulator."""
    return http


def png(size: tuple[int, int] = (64, 48), mode: str = "RGB", fmt: str = "PNG") -> bytes:
    """A small two-way gradient picture."""
    gradient = Image.linear_gradient("L")
    bands = (gradient, gradient.transpose(Image.Transpose.ROTATE_90), gradient)
    image = Image.merge("RGB", [band.resize(size) for band in bands])
    if mode != "RGB":
        image = image.convert(mode)
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def alpha_mask(size: tuple[int, int], hole: tuple[int, int, int, int]) -> bytes:
    """Opaque everywhere except ``hole`` (alpha 0 = edit there)."""
    mask = Image.new("RGBA", size, (0, 0, 0, 255))
    mask.paste((0, 0, 0, 0), hole)
    buffer = io.BytesIO()
    mask.save(buffer, "PNG")
    return buffer.getvalue()


def picture(item: dict[str, Any], client: httpx.Client) -> Image.Image:
    if item.get("b64_json"):
        data = base64.b64decode(item["b64_json"])
    else:
        data = client.get(item["url"]).content
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def generate(client: httpx.Client, **body: Any) -> httpx.Response:
    return client.post(
        "/v1/images/generations", json={"model": "gpt-image-1", "prompt": "a fox", **body}
    )


def edit(client: httpx.Client, files: list[tuple[str, Any]], **fields: str) -> httpx.Response:
    data = {"model": "gpt-image-1", "prompt": "add a hat", **fields}
    return client.post("/v1/images/edits", data=data, files=files)


# -- generations -------------------------------------------------------------------------------


def test_generation_answers_an_images_response_with_usage(client: httpx.Client) -> None:
    reply = generate(client, size="1536x1024")
    assert reply.status_code == 200
    body = reply.json()
    assert isinstance(body["created"], int)
    assert set(body["usage"]) >= {
        "total_tokens",
        "input_tokens",
        "output_tokens",
        "input_tokens_details",
    }
    assert set(body["usage"]["input_tokens_details"]) == {"text_tokens", "image_tokens"}
    assert body["data"][0]["revised_prompt"] == "a fox"
    image = picture(body["data"][0], client)
    assert (image.format, image.size) == ("PNG", (1536, 1024))


@pytest.mark.parametrize(
    ("body", "size"),
    [
        ({}, (1024, 1024)),
        ({"size": "auto"}, (1024, 1024)),
        ({"size": "512x768"}, (512, 768)),
        ({"model": "nano-banana", "aspect_ratio": "9:16"}, (576, 1024)),
        ({"model": "nano-banana-2", "aspect_ratio": "16:9", "image_size": "2K"}, (2048, 1152)),
        ({"model": "nano-banana-2", "aspect_ratio": "4:3", "image_size": "1K"}, (1024, 768)),
        ({"model": "nano-banana-2-2k", "aspect_ratio": "1:1", "image_size": "1K"}, (2048, 2048)),
    ],
)
def test_generation_size_follows_size_ratio_and_resolution(
    client: httpx.Client, body: dict[str, str], size: tuple[int, int]
) -> None:
    reply = generate(client, **body)
    assert reply.status_code == 200, reply.text
    assert picture(reply.json()["data"][0], client).size == size


def test_response_format_follows_the_catalog_and_gpt_image_always_answers_b64(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    flux = generate(client, model="flux").json()["data"][0]
    assert flux["url"].startswith(f"{sim.url}/files/")
    assert flux["b64_json"] == ""
    assert picture(flux, client).size == (1024, 1024)
    assert generate(client, model="flux", response_format="b64_json").json()["data"][0]["b64_json"]
    assert "url" not in generate(client, response_format="url").json()["data"][0]
    assert generate(client, model="ideogram").json()["data"][0]["url"]


@pytest.mark.parametrize(("fmt", "pillow"), [("jpeg", "JPEG"), ("webp", "WEBP"), ("png", "PNG")])
def test_output_format_gives_real_bytes_of_that_format(
    client: httpx.Client, fmt: str, pillow: str
) -> None:
    body = generate(client, output_format=fmt, size="256x256").json()
    assert body["output_format"] == fmt
    assert picture(body["data"][0], client).format == pillow


def test_n_images_differ_and_n_above_the_model_limit_is_refused(client: httpx.Client) -> None:
    body = generate(client, n=3, size="256x256").json()
    assert len({item["b64_json"] for item in body["data"]}) == 3
    refused = generate(client, model="dall-e-3", n=2)
    assert refused.status_code == 400
    assert "between 1 and 1" in refused.json()["error"]["message"]


def test_reference_images_in_the_image_field_are_composited(client: httpx.Client) -> None:
    data_url = "data:image/png;base64," + base64.b64encode(png()).decode()
    plain = generate(client, size="512x512").json()
    with_ref = generate(
        client, size="512x512", image=[data_url, base64.b64encode(png()).decode()]
    ).json()
    assert with_ref["usage"]["input_tokens_details"]["image_tokens"] > 0
    assert with_ref["data"][0]["b64_json"] != plain["data"][0]["b64_json"]
    bad = generate(client, image=["not base64 !!"])
    assert bad.status_code == 400
    assert "image[0]" in bad.json()["error"]["message"]


def test_identical_requests_are_answered_from_the_render_cache_quickly(
    client: httpx.Client,
) -> None:
    first = generate(client, prompt="cached").json()["data"][0]["b64_json"]
    started = time.perf_counter()
    for _ in range(5):
        assert generate(client, prompt="cached").json()["data"][0]["b64_json"] == first
    assert (time.perf_counter() - started) / 5 < 0.1


# -- edits and variations ----------------------------------------------------------------------


def test_multipart_edit_takes_image_array_parts_and_logs_them(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    files = [
        ("image[]", ("a.png", png((320, 200)), "image/png")),
        ("image[]", ("b.jpg", png(fmt="JPEG"), "image/jpeg")),
    ]
    reply = edit(client, files, input_fidelity="high")
    assert reply.status_code == 200, reply.text
    assert picture(reply.json()["data"][0], client).size == (320, 200)
    entry = sim.log()[-1]
    assert entry.kind == "paid"
    assert entry.billed
    assert entry.model == "gpt-image-1"
    assert entry.parts == [
        {
            "name": "image[]",
            "filename": "a.png",
            "content_type": "image/png",
            "size": len(png((320, 200))),
            "width": 320,
            "height": 200,
        },
        {
            "name": "image[]",
            "filename": "b.jpg",
            "content_type": "image/jpeg",
            "size": len(png(fmt="JPEG")),
            "width": 64,
            "height": 48,
        },
    ]
    assert entry.fields == {"model": "gpt-image-1", "prompt": "add a hat", "input_fidelity": "high"}


@pytest.mark.parametrize("name", ["image", "image[0]"])
def test_edit_accepts_the_single_and_indexed_part_names(client: httpx.Client, name: str) -> None:
    reply = edit(client, [(name, ("a.webp", png(fmt="WEBP"), "image/webp"))], size="1024x1536")
    assert reply.status_code == 200, reply.text
    assert picture(reply.json()["data"][0], client).size == (1024, 1536)


def test_mask_edit_changes_only_the_transparent_area(client: httpx.Client) -> None:
    size, hole = (256, 192), (64, 48, 160, 128)
    reply = edit(
        client,
        [
            ("image", ("base.png", png(size), "image/png")),
            ("mask", ("mask.png", alpha_mask(size, hole), "image/png")),
        ],
    )
    assert reply.status_code == 200, reply.text
    result = picture(reply.json()["data"][0], client).convert("RGB")
    base = Image.open(io.BytesIO(png(size))).convert("RGB")
    assert result.size == size
    changed = ImageChops.difference(result, base).convert("L").point(lambda v: 255 if v else 0)
    assert changed.getbbox() is not None
    outside = changed.copy()
    outside.paste(0, hole)
    assert outside.getbbox() is None, "pixels outside the mask changed"
    inside = changed.crop(hole)
    assert inside.histogram()[255] > 0.5 * inside.width * inside.height


def test_ignore_mask_fault_changes_pixels_outside_the_mask(client: httpx.Client) -> None:
    size, hole = (128, 128), (0, 0, 32, 32)
    reply = client.post(
        "/v1/images/edits",
        headers={"X-Sim-Faults": "ignore-mask"},
        data={"model": "gpt-image-1", "prompt": "p"},
        files=[
            ("image", ("a.png", png(size), "image/png")),
            ("mask", ("m.png", alpha_mask(size, hole), "image/png")),
        ],
    )
    result = picture(reply.json()["data"][0], client).convert("RGB")
    outside = ImageChops.difference(result, Image.open(io.BytesIO(png(size))).convert("RGB"))
    outside.paste((0, 0, 0), hole)
    assert outside.getbbox() is not None


@pytest.mark.parametrize(
    ("files", "fields", "message"),
    [
        ([("images", ("a.png", png(), "image/png"))], {}, "file parts received: images"),
        ([("file", ("a.png", png(), "image/png"))], {}, "named image, image[] or image[N]"),
        ([], {"image": "not a file"}, "has no filename"),
        ([("image", ("a.txt", png(), "text/plain"))], {}, "content type text/plain"),
        ([("image", ("a.png", b"not an image", "image/png"))], {}, "not a valid image"),
        (
            [
                ("image", ("a.png", png((64, 64)), "image/png")),
                ("mask", ("m.png", png((64, 64)), "image/png")),
            ],
            {},
            "alpha channel",
        ),
        (
            [
                ("image", ("a.png", png((1024, 768)), "image/png")),
                ("mask", ("m.png", alpha_mask((512, 512), (0, 0, 1, 1)), "image/png")),
            ],
            {},
            "mask size 512x512 does not match image size 1024x768",
        ),
        (
            [("image", ("a.png", png((64, 48)), "image/png"))],
            {"model": "dall-e-2"},
            "needs a square image",
        ),
        (
            [("image", ("a.jpg", png((64, 64), fmt="JPEG"), "image/jpeg"))],
            {"model": "dall-e-2"},
            "jpeg images are not accepted",
        ),
        (
            [("image", ("a.png", png(), "image/png"))],
            {"model": "dall-e-3"},
            "does not support image edits",
        ),
        ([("image", ("a.png", png(), "image/png"))], {"prompt": ""}, "prompt is required"),
    ],
)
def test_edit_strictness(
    client: httpx.Client, files: list[Any], fields: dict[str, str], message: str
) -> None:
    reply = edit(
        client, files or [("other", ("x.bin", b"x", "application/octet-stream"))], **fields
    )
    assert reply.status_code == 400
    error = reply.json()["error"]
    assert message in error["message"]
    assert error["message"].endswith(")")
    assert "(request id: " in error["message"]


def test_json_edit_takes_urls_and_data_urls_and_the_name_fixes_the_resolution(
    client: httpx.Client,
) -> None:
    earlier = generate(client, model="flux", size="512x768").json()["data"][0]["url"]
    body = {
        "model": "nano-banana-2-2k",
        "prompt": "the girl holds the cat",
        "images": [
            earlier,
            "data:image/png;base64," + base64.b64encode(png()).decode(),
            "https://example.com/cat.png",
        ],
        "ratio": "16:9",
        "resolution": "1k",
    }
    reply = client.post("/v1/images/edits", json=body)
    assert reply.status_code == 200, reply.text
    answer = reply.json()
    assert answer["object"] == "chat.completion"
    assert answer["model"] == "nano-banana-2-2k"
    assert answer["choices"][0]["message"]["content"] == f"![image]({answer['data'][0]['url']})"
    assert picture(answer["data"][0], client).size == (2048, 1152)
    missing = client.post("/v1/images/edits", json={**body, "images": []})
    assert missing.status_code == 400


def test_variations_of_dall_e_2(client: httpx.Client) -> None:
    files = [("image", ("sq.png", png((256, 256)), "image/png"))]
    reply = client.post(
        "/v1/images/variations",
        data={"model": "dall-e-2", "n": "2", "size": "512x512"},
        files=files,
    )
    assert reply.status_code == 200, reply.text
    items = reply.json()["data"]
    assert len(items) == 2
    assert all(picture(item, client).size == (512, 512) for item in items)
    refused = client.post("/v1/images/variations", data={"model": "gpt-image-1"}, files=files)
    assert refused.status_code == 400


# -- strictness and auth -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        ({"model": ""}, "missing_model", "model is required"),
        ({"model": None}, "missing_model", "model is required"),
        ({"model": "no-such-model"}, "model_not_found", "no-such-model"),
        ({"prompt": ""}, "missing_prompt", "prompt is required"),
        ({"size": "1024×1024"}, "invalid_size", "invalid size"),
        ({"size": "big"}, "invalid_size", "invalid size"),
        ({"aspect_ratio": "wide"}, "invalid_size", "invalid aspect ratio"),
        ({"model": "nano-banana-2", "image_size": "8K"}, "invalid_size", "invalid resolution"),
        ({"response_format": "png"}, "invalid_request", "response_format"),
        ({"model": "dall-e-2", "prompt": "x" * 1001}, "invalid_request", "prompt is too long"),
    ],
)
def test_generation_strictness(
    client: httpx.Client, body: dict[str, Any], code: str, message: str
) -> None:
    reply = generate(client, **body)
    assert reply.status_code == 400
    assert reply.json()["error"]["code"] == code
    assert message in reply.json()["error"]["message"]


def test_non_json_body_is_a_400(client: httpx.Client) -> None:
    reply = client.post(
        "/v1/images/generations", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert reply.status_code == 400


def test_missing_or_wrong_credentials_get_401(sim: SimulatorServer) -> None:
    body = {"model": "gpt-image-1", "prompt": "p", "size": "256x256"}
    url = f"{sim.url}/v1/images/generations"
    missing = httpx.post(url, json=body)
    assert missing.status_code == 401
    assert set(missing.json()["error"]) == {"message", "type", "param", "code"}
    sim.state.api_key = "right"
    assert httpx.post(url, json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert httpx.post(url, json=body, headers={"Authorization": "Bearer right"}).status_code == 200
    assert httpx.post(url, json=body, headers={"Authorization": "right"}).status_code == 401
    entries = sim.log()
    assert [e.auth for e in entries] == [{"authorization": False}] + [
        {"authorization": True}
    ] * 2 + [{"authorization": False}]
    assert "right" not in repr([e.to_dict() for e in entries])
    assert sim.state.stats()["billed"] == 1


def test_unknown_routes_answer_an_openai_shaped_404(client: httpx.Client) -> None:
    reply = client.get("/v1/images/generations")
    assert reply.status_code == 404
    assert "Invalid URL (GET /v1/images/generations)" in reply.json()["error"]["message"]


# -- async -------------------------------------------------------------------------------------


def poll_until_done(
    client: httpx.Client, task_id: str
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    seen = []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        reply = client.get(f"/v1/images/tasks/{task_id}")
        assert reply.status_code == 200, reply.text
        data = reply.json()["data"]
        seen.append(data)
        if data["status"] in ("SUCCESS", "FAILURE"):
            return seen, data
        time.sleep(0.05)
    raise AssertionError("the task never finished")


def test_async_task_progresses_then_succeeds_and_is_billed_once(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    sim.state.async_duration = 0.4
    submit = client.post(
        "/v1/images/generations",
        params={"async": "true", "webhook": "https://example.com/hook"},
        json={"model": "flux", "prompt": "slow", "size": "768x512"},
    )
    assert submit.status_code == 200
    task_id = submit.json()["task_id"]
    seen, final = poll_until_done(client, task_id)
    running = [d for d in seen if d["status"] == "IN_PROGRESS"]
    assert running
    assert all(d["data"] is None for d in running)
    progress = [int(d["progress"].rstrip("%")) for d in running]
    assert progress == sorted(progress)
    assert progress[-1] > progress[0]
    assert final["progress"] == "100%"
    assert final["task_id"] == task_id
    assert final["fail_reason"] == ""
    assert final["submit_time"] <= final["finish_time"]
    result = final["data"]
    assert result["model"] == "flux"
    assert "usage" in result
    assert "created" in result
    assert picture(result["data"][0], client).size == (768, 512)
    assert sim.state.stats() == {
        "billed": 1,
        "paid_requests": 1,
        "polls": len(seen),
        "downloads": 1,
    }


def test_async_edit_and_faults(client: httpx.Client) -> None:
    files = [("image", ("a.png", png(), "image/png"))]
    edit_task = client.post(
        "/v1/images/edits?async=true", data={"model": "gpt-image-1", "prompt": "p"}, files=files
    )
    assert edit_task.status_code == 200
    assert edit_task.json()["task_id"]

    wrapped = client.post(
        "/v1/images/generations?async=true",
        headers={"X-Sim-Faults": "async-wrapped"},
        json={"model": "flux", "prompt": "p"},
    )
    assert wrapped.json()["code"] == "success"
    assert wrapped.json()["message"] == ""
    assert client.get(f"/v1/images/tasks/{wrapped.json()['data']}").status_code == 200

    failing = client.post(
        "/v1/images/generations?async=true",
        headers={"X-Sim-Faults": "async-fail,async-duration=0"},
        json={"model": "flux", "prompt": "p"},
    )
    _, final = poll_until_done(client, failing.json()["task_id"])
    assert final["status"] == "FAILURE"
    assert final["fail_reason"]
    assert final["data"] is None

    no_async = client.post(
        "/v1/images/generations?async=true",
        headers={"X-Sim-Faults": "no-async"},
        json={"model": "flux", "prompt": "p"},
    )
    assert no_async.status_code == 404
    assert (
        client.post(
            "/v1/images/generations",
            headers={"X-Sim-Faults": "no-async"},
            json={"model": "flux", "prompt": "p"},
        ).status_code
        == 200
    )

    assert client.get("/v1/images/tasks/nope").status_code == 404
    polled = client.get(
        f"/v1/images/tasks/{wrapped.json()['data']}", headers={"X-Sim-Faults": "poll-500"}
    )
    assert polled.status_code == 500
    assert "error" in polled.json()


# -- gemini ------------------------------------------------------------------------------------


def gemini_body(text: str = "a lighthouse", **image_config: str) -> dict[str, Any]:
    return {
        "contents": [{"role": "user", "parts": [{"text": text}]}],
        "generationConfig": {"responseModalities": ["TEXT", "IMAGE"], "imageConfig": image_config},
    }


def gemini_image(part: dict[str, Any]) -> Image.Image:
    """The picture of an inlineData part, in either base64 alphabet."""
    inline = part["inlineData"]
    assert inline["mimeType"] == "image/png"
    data = inline["data"].replace("-", "+").replace("_", "/")
    return Image.open(io.BytesIO(base64.b64decode(data + "=" * (-len(data) % 4))))


@pytest.mark.parametrize(
    ("headers", "params"),
    [(AUTH, {}), ({"x-goog-api-key": "k"}, {}), ({}, {"key": "k"})],
)
def test_gemini_accepts_each_credential_carrier(
    sim: SimulatorServer, headers: dict[str, str], params: dict[str, str]
) -> None:
    url = f"{sim.url}/v1beta/models/gemini-3-pro-image-preview:generateContent"
    reply = httpx.post(
        url,
        json=gemini_body(aspectRatio="3:4", imageSize="2K"),
        headers=headers,
        params=params,
        timeout=10,
    )
    assert reply.status_code == 200, reply.text
    candidate = reply.json()["candidates"][0]
    assert candidate["finishReason"] == "STOP"
    text, image = candidate["content"]["parts"]
    assert text["text"]
    assert gemini_image(image).size == (1536, 2048)
    assert set(reply.json()["usageMetadata"]) == {
        "promptTokenCount",
        "candidatesTokenCount",
        "totalTokenCount",
    }
    assert sim.log()[-1].query == {}


def test_gemini_errors_are_google_shaped(sim: SimulatorServer) -> None:
    base = f"{sim.url}/v1beta/models"
    missing = httpx.post(f"{base}/gemini-2.5-flash-image:generateContent", json=gemini_body())
    assert missing.status_code == 401
    assert missing.json()["error"]["status"] == "UNAUTHENTICATED"
    unknown = httpx.post(f"{base}/gemini-nope:generateContent", json=gemini_body(), headers=AUTH)
    assert unknown.status_code == 404
    assert unknown.json()["error"]["status"] == "NOT_FOUND"
    empty = httpx.post(
        f"{base}/gemini-2.5-flash-image:generateContent", json={"contents": []}, headers=AUTH
    )
    assert empty.status_code == 400
    assert empty.json()["error"]["status"] == "INVALID_ARGUMENT"


def test_gemini_takes_inline_images_in_both_spellings(client: httpx.Client) -> None:
    data = base64.b64encode(png()).decode()
    parts = [
        {"inlineData": {"mimeType": "image/png", "data": data}},
        {
            "inline_data": {
                "mime_type": "image/png",
                "data": base64.urlsafe_b64encode(png()).decode().rstrip("="),
            }
        },
        {"text": "combine them"},
    ]
    reply = client.post(
        "/v1beta/models/gemini-2.5-flash-image:generateContent",
        json={"contents": [{"parts": parts}]},
    )
    assert reply.status_code == 200, reply.text
    bad = client.post(
        "/v1beta/models/gemini-2.5-flash-image:generateContent",
        json={
            "contents": [
                {"parts": [{"text": "x"}, {"inlineData": {"mimeType": "image/png", "data": "@@@"}}]}
            ]
        },
    )
    assert bad.status_code == 400


@pytest.mark.parametrize("fault", ["text-only", "safety", "urlsafe-b64", "thought", "garbage-b64"])
def test_gemini_faults(client: httpx.Client, fault: str) -> None:
    reply = client.post(
        "/v1beta/models/gemini-2.5-flash-image:generateContent",
        json=gemini_body(),
        headers={"X-Sim-Faults": fault},
    )
    assert reply.status_code == 200
    body = reply.json()
    if fault == "safety":
        assert body["promptFeedback"]["blockReason"] == "SAFETY"
        assert "candidates" not in body
        return
    parts = body["candidates"][0]["content"]["parts"]
    if fault == "text-only":
        assert len(parts) == 1
        assert parts[0]["text"].startswith("I can't draw that")
    elif fault == "urlsafe-b64":
        data = parts[1]["inlineData"]["data"]
        assert not set(data) & {"+", "/", "="}
        assert gemini_image(parts[1]).size == (1024, 1024)
    elif fault == "thought":
        assert parts[1]["thought"] is True
        assert "thought" not in parts[2]
        assert gemini_image(parts[1]).size != gemini_image(parts[2]).size == (1024, 1024)
    else:
        with pytest.raises(UnidentifiedImageError):
            gemini_image(parts[1]).load()


# -- chat --------------------------------------------------------------------------------------


def chat_body(content: Any) -> dict[str, Any]:
    return {
        "model": "gpt-4o-image",
        "messages": [{"role": "system", "content": "draw"}, {"role": "user", "content": content}],
    }


def test_chat_answers_a_markdown_image_of_a_served_url(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    content = [
        {"type": "text", "text": "a red bicycle"},
        {
            "type": "image_url",
            "image_url": {"url": "data:image/png;base64," + base64.b64encode(png()).decode()},
        },
    ]
    reply = client.post("/v1/chat/completions", json=chat_body(content))
    assert reply.status_code == 200, reply.text
    message = reply.json()["choices"][0]["message"]
    assert message["role"] == "assistant"
    url = message["content"].split("](")[1].rstrip(")")
    assert url.startswith(f"{sim.url}/files/")
    assert Image.open(io.BytesIO(client.get(url).content)).size == (1024, 1024)


def test_chat_faults_data_uri_and_text_only(client: httpx.Client) -> None:
    data_uri = client.post(
        "/v1/chat/completions", json=chat_body("a cat"), headers={"X-Sim-Faults": "chat-data-uri"}
    )
    content = data_uri.json()["choices"][0]["message"]["content"]
    assert "![image](data:image/png;base64," in content
    words = client.post("/v1/chat/completions", json=chat_body("a cat [[sim:text-only]]"))
    content = words.json()["choices"][0]["message"]["content"]
    assert "![" not in content
    assert content.startswith("I can't draw that")
    assert (
        client.post(
            "/v1/chat/completions", json={"model": "gpt-4o-image", "messages": []}
        ).status_code
        == 400
    )


# -- models, files, control --------------------------------------------------------------------


def test_models_lists_the_catalog(client: httpx.Client, sim: SimulatorServer) -> None:
    body = client.get("/v1/models").json()
    assert body["object"] == "list"
    ids = [m["id"] for m in body["data"]]
    assert ids == sim.state.catalog.ids()
    assert "gpt-image-1" in ids
    assert "midjourney" in ids
    assert all(m["object"] == "model" and m["owned_by"] and m["created"] for m in body["data"])
    assert httpx.get(f"{sim.url}/v1/models").status_code == 401
    assert sim.log()[0].kind == "models"


def test_files_expire(client: httpx.Client, sim: SimulatorServer) -> None:
    url = generate(client, model="flux").json()["data"][0]["url"]
    assert client.get(url).headers["content-type"] == "image/png"
    expired = client.get(url, headers={"X-Sim-Faults": "expired-url"})
    assert expired.status_code == 403
    assert "<Code>AccessDenied</Code><Message>Request has expired</Message>" in expired.text
    assert client.get(f"{sim.url}/files/0123abcd.png").status_code == 404
    sim.state.file_ttl = 0
    late = generate(client, model="flux").json()["data"][0]["url"]
    assert client.get(late).status_code == 403


def test_control_endpoints(client: httpx.Client, sim: SimulatorServer) -> None:
    assert client.post("/_sim/faults", json={"faults": "500*2,latency=0.01"}).json() == {
        "faults": "500*2,latency=0.01"
    }
    assert client.get("/_sim/faults").json() == {"faults": "500*2,latency=0.01"}
    refused = client.post("/_sim/faults", json={"faults": "explode"})
    assert refused.status_code == 400
    assert "unknown fault 'explode'" in refused.json()["error"]["message"]
    assert generate(client).status_code == 500
    assert client.delete("/_sim/faults").json() == {"faults": ""}
    assert generate(client, size="256x256").status_code == 200
    assert client.get("/_sim/stats").json() == {
        "billed": 1,
        "paid_requests": 2,
        "polls": 0,
        "downloads": 0,
    }
    log = client.get("/_sim/log").json()
    assert [e["kind"] for e in log] == [
        "control",
        "control",
        "control",
        "paid",
        "control",
        "paid",
        "control",
    ]
    assert log[3]["faults"] == ["500", "latency"]
    assert log[3]["status"] == 500
    assert not log[3]["billed"]
    assert log[3]["body"] == {"model": "gpt-image-1", "prompt": "a fox"}
    assert client.post("/_sim/reset").json() == {"reset": True}
    assert sim.log() == []


def test_long_json_strings_are_truncated_in_the_log(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    generate(client, prompt="p" * 500, size="256x256")
    logged = sim.log()[-1].body["prompt"]
    assert logged.startswith("p" * 200)
    assert logged.endswith("(+300 chars)")
