"""Late-2026 models and options end to end: `studio-cli generate` against the simulated relay.

What the relay received is read from the simulator's log (bodies, form fields, file parts);
what the user got from the JSON summary and the files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from studio.simulator import SimulatorServer
from tests.e2e.test_cli_generate import cli, no_traceback, paid, summary


def _paid_entries(sim: SimulatorServer) -> list:
    return [entry for entry in sim.log() if entry.kind == "paid"]


def _ok(result) -> dict:
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    data = summary(result)
    assert data["status"] == "succeeded", data
    return data


def test_an_unlisted_protocol_the_user_chose_is_used_with_a_warning(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    Image.new("RGB", (320, 180), (20, 90, 160)).save(tmp_path / "ref.png")
    result = cli(
        sim.url,
        "--prompt", "the same street at night",
        "--model", "nano-banana-2",
        "--protocol", "images-json-edit",
        "--ref", "ref.png",
        "--ratio", "16:9",
        "--resolution", "2K",
        "--json",
        cwd=tmp_path,
    )  # fmt: skip
    data = _ok(result)
    assert data["warnings"] == [
        "The images-json-edit protocol is not listed for nano-banana-2; sent through "
        "images-json-edit as you chose."
    ]
    assert "not listed for nano-banana-2" in result.stderr  # printed as a warning too
    (entry,) = _paid_entries(sim)
    assert entry.path == "/v1/images/edits" and entry.parts is None
    assert (entry.body["ratio"], entry.body["resolution"]) == ("16:9", "2k")
    (image,) = data["images"]
    assert (image["width"], image["height"]) == (2048, 1152)


def test_a_seedream_series_is_one_job_with_several_images(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    result = cli(
        sim.url,
        "--prompt", "four seasons of one tree",
        "--model", "doubao-seedream-4-0-250828",
        "--sequential", "auto",
        "--max-images", "3",
        "--no-watermark",
        "--resolution", "2K",
        "--json",
        cwd=tmp_path,
    )  # fmt: skip
    data = _ok(result)
    assert len(data["images"]) == 3 and len({i["sha256"] for i in data["images"]}) == 3
    assert paid(sim) == 1
    (entry,) = _paid_entries(sim)
    assert entry.body["sequential_image_generation"] == "auto"
    assert entry.body["sequential_image_generation_options"] == {"max_images": 3}
    assert entry.body["watermark"] is False and entry.body["size"] == "2K"


def test_seedream_pro_refuses_a_series_before_anything_is_sent(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    result = cli(
        sim.url, "--prompt", "x", "--model", "seedream-5-0-pro-260628",
        "--sequential", "auto", "--json", cwd=tmp_path,
    )  # fmt: skip
    no_traceback(result)
    assert result.returncode == 2 and "has no image series" in summary(result)["error"]
    assert paid(sim) == 0


def test_gpt_image_2_6_edit_with_a_markup_overlay_as_a_gif(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    Image.new("RGB", (300, 200), (200, 200, 200)).save(tmp_path / "photo.png")
    overlay = Image.new("RGBA", (600, 400), (0, 0, 0, 0))
    overlay.paste((255, 0, 0, 255), (100, 100, 300, 140))
    overlay.save(tmp_path / "arrows.png")
    result = cli(
        sim.url,
        "--prompt", "move the lamp where the arrow points",
        "--model", "gpt-image-2.6",
        "--ref", "photo.png",
        "--markup", "arrows.png",
        "--output-format", "gif",
        "--frame-count", "4",
        "--frame-duration-ms", "120",
        "--complexity", "low",
        "--moderation", "low",
        "--json",
        cwd=tmp_path,
    )  # fmt: skip
    data = _ok(result)
    (entry,) = _paid_entries(sim)
    assert entry.path == "/v1/images/edits"
    parts = {part["name"]: part for part in entry.parts}
    assert set(parts) == {"image", "markup"}
    assert (parts["markup"]["width"], parts["markup"]["height"]) == (300, 200)  # as the photo
    assert parts["markup"]["content_type"] == "image/png"
    assert entry.fields["frame_count"] == "4" and entry.fields["complexity"] == "low"
    assert "response_format" not in entry.fields
    (image,) = data["images"]
    assert image["mime"] == "image/gif"
    with Image.open(image["path"]) as gif:
        assert gif.n_frames == 4


def test_a_markup_overlay_with_a_mask_is_refused_before_sending(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    Image.new("RGB", (300, 200)).save(tmp_path / "photo.png")
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(tmp_path / "mask.png")
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(tmp_path / "arrows.png")
    result = cli(
        sim.url, "--prompt", "x", "--model", "gpt-image-2.6", "--ref", "photo.png",
        "--mask", "mask.png", "--markup", "arrows.png", "--json", cwd=tmp_path,
    )  # fmt: skip
    no_traceback(result)
    assert result.returncode == 2
    assert "cannot go together with a mask" in summary(result)["error"]
    assert paid(sim) == 0


def test_svg_output_is_asked_for_and_saved_as_the_vector_it_is(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    result = cli(
        sim.url, "--prompt", "a logo of a fox", "--model", "gpt-image-2.6",
        "--output-format", "svg", "--json", cwd=tmp_path,
    )  # fmt: skip
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    (entry,) = _paid_entries(sim)
    assert entry.body["output_format"] == "svg" and "n" not in entry.body
    (image,) = summary(result)["images"]
    assert image["mime"] == "image/svg+xml" and image["path"].endswith(".svg")
    assert Path(image["path"]).read_bytes().lstrip().startswith((b"<svg", b"<?xml"))


def test_jpeg_with_a_transparent_background_is_refused(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    result = cli(
        sim.url, "--prompt", "x", "--model", "gpt-image-2.6", "--output-format", "jpeg",
        "--background", "transparent", "--json", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2 and "cannot be transparent" in summary(result)["error"]
    assert paid(sim) == 0


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (
            ["--model", "gemini-3.1-flash-image-preview", "--resolution", "512",
             "--ratio", "1:4", "--thinking", "high"],
            (128, 512),
        ),
        (
            ["--model", "flux-2-pro", "--ratio", "16:9", "--safety-tolerance", "2",
             "--seed", "9"],
            (1024, 576),
        ),
        (
            ["--model", "gpt-image-2.5-flare", "--quality", "xhigh", "--ratio", "3:2",
             "--output-format", "webp", "--output-compression", "70"],
            (1024, 672),
        ),
        (["--model", "seedream-5-0-260128", "--resolution", "3K", "--ratio", "1:1"], (3072, 3072)),
    ],
)  # fmt: skip
def test_late_models_take_their_options(
    sim: SimulatorServer, tmp_path: Path, args: list[str], expect: tuple[int, int]
) -> None:
    data = _ok(cli(sim.url, "--prompt", "a quiet harbour", *args, "--json", cwd=tmp_path))
    (image,) = data["images"]
    assert (image["width"], image["height"]) == expect
    (entry,) = _paid_entries(sim)
    sent = entry.body
    if "generationConfig" in sent:
        assert sent["generationConfig"]["thinkingConfig"] == {"thinkingLevel": "HIGH"}
        assert sent["generationConfig"]["imageConfig"]["imageSize"] == "512"
    elif sent["model"] == "flux-2-pro":
        assert sent["safety_tolerance"] == 2
    elif sent["model"].startswith("gpt-image"):
        assert sent["output_compression"] == 70 and "response_format" not in sent
