"""The simulated relay takes the late-2026 fields (protocol.md §11), over real loopback HTTP."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator

import httpx
import pytest
from PIL import Image

from studio.simulator import SimulatorServer
from studio.simulator.sizes import output_size

AUTH = {"Authorization": "Bearer test-key"}


@pytest.fixture
def client(sim: SimulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sim.url, headers=AUTH, timeout=30) as http:
        yield http


def _image(item: dict) -> Image.Image:
    return Image.open(io.BytesIO(base64.b64decode(item["b64_json"])))


def test_sizes_take_512_3k_and_seedream_presets() -> None:
    assert output_size(resolution="512", ratio="1:1") == (512, 512)
    assert output_size(size="3K") == (3072, 3072)
    assert output_size(size="2k", ratio="16:9") == (2048, 1152)


def test_a_series_makes_several_images_from_one_request(client: httpx.Client) -> None:
    body = {
        "model": "doubao-seedream-4-0-250828",
        "prompt": "a tree in four seasons",
        "sequential_image_generation": "auto",
        "sequential_image_generation_options": {"max_images": 3},
        "watermark": False,
        "size": "1K",
        "response_format": "b64_json",
    }
    answer = client.post("/v1/images/generations", json=body)
    assert answer.status_code == 200, answer.text
    assert len(answer.json()["data"]) == 3
    disabled = {**body, "sequential_image_generation": "disabled"}
    assert len(client.post("/v1/images/generations", json=disabled).json()["data"]) == 1


def test_seedream_pro_refuses_a_series(client: httpx.Client) -> None:
    answer = client.post(
        "/v1/images/generations",
        json={"model": "seedream-5-0-pro-260628", "prompt": "x",
              "sequential_image_generation": "auto"},
    )  # fmt: skip
    assert answer.status_code == 400
    assert "sequential_image_generation" in answer.json()["error"]["message"]


def test_gif_output_has_the_frames_asked_for_and_svg_is_an_svg(client: httpx.Client) -> None:
    gif = client.post(
        "/v1/images/generations",
        json={"model": "gpt-image-2.6", "prompt": "a spinning top", "output_format": "gif",
              "frame_count": 5, "size": "1024x1024"},
    )  # fmt: skip
    assert gif.status_code == 200, gif.text
    with _image(gif.json()["data"][0]) as picture:
        assert picture.format == "GIF" and picture.n_frames == 5
    svg = client.post(
        "/v1/images/generations",
        json={"model": "gpt-image-2.6", "prompt": "a logo", "output_format": "svg"},
    )
    data = base64.b64decode(svg.json()["data"][0]["b64_json"])
    assert data.startswith(b"<svg") and b'width="1024"' in data


def test_a_multipart_edit_takes_a_markup_part_and_the_series_as_json(
    client: httpx.Client,
) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48)).save(buffer, "PNG")
    photo = buffer.getvalue()
    answer = client.post(
        "/v1/images/edits",
        data={"model": "gpt-image-2.6", "prompt": "move the lamp", "input_fidelity": "high"},
        files=[("image", ("a.png", photo, "image/png")),
               ("markup", ("markup.png", photo, "image/png"))],
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    seedream = client.post(
        "/v1/images/edits",
        data={
            "model": "doubao-seedream-4-0-250828",
            "prompt": "the same tree",
            "sequential_image_generation": "auto",
            "sequential_image_generation_options": json.dumps({"max_images": 2}),
        },
        files=[("image", ("a.png", photo, "image/png"))],
    )
    assert seedream.status_code == 200, seedream.text
    assert len(seedream.json()["data"]) == 2
