"""Every protocol family end to end: the real engine against the simulated relay on loopback."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from studio.domain.errors import ErrorKind
from studio.domain.job import Job, JobState
from studio.domain.model_spec import Operation, ProtocolId
from studio.domain.profile import AsyncOptions, AuthStyle
from studio.domain.request import GenerationRequest, MidjourneyAction, Reference
from studio.engine.events import EventKind, JobEvent
from studio.imaging.masks import load_mask
from studio.simulator import SimulatorServer
from tests.helpers.engine import run_job


def _image(path: Path, size: tuple[int, int], color: tuple[int, int, int]) -> Path:
    Image.new("RGB", size, color).save(path)
    return path


def _alpha_mask(path: Path, size: tuple[int, int], box: tuple[int, int, int, int]) -> Path:
    mask = Image.new("RGBA", size, (0, 0, 0, 255))
    ImageDraw.Draw(mask).rectangle(box, fill=(0, 0, 0, 0))
    mask.save(path)
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"


@pytest.fixture
def refs(tmp_path: Path) -> list[Path]:
    return [
        _image(tmp_path / "first.png", (800, 600), (200, 80, 40)),
        _image(tmp_path / "second.jpg", (640, 640), (40, 160, 90)),
    ]


def _ref(path: Path) -> Reference:
    return Reference(name=path.name, path=path)


def _paid(sim: SimulatorServer) -> list:
    return [e for e in sim.log() if e.kind == "paid"]


def _saved_ok(job: Job, count: int = 1) -> None:
    assert job.state is JobState.SUCCEEDED, job.error and job.error.full_text()
    assert len(job.images) == count
    for image in job.images:
        assert image.path is not None and image.path.is_file()
        data = image.path.read_bytes()
        assert hashlib.sha256(data).hexdigest() == image.sha256
        with Image.open(image.path) as opened:
            assert opened.size == (image.width, image.height)
        assert (
            image.path.suffix
            == {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp"}[image.mime]
        )


# -- images ---------------------------------------------------------------------------------


def test_images_generation_sends_json_and_saves_the_original_bytes(
    sim: SimulatorServer, out: Path
) -> None:
    job = run_job(
        sim.url,
        GenerationRequest("a red kite", "gpt-image-1", ratio="2:3", quality="high", n=2),
        out,
    )
    _saved_ok(job, 2)
    (entry,) = _paid(sim)
    assert entry.path == "/v1/images/generations"
    assert entry.body == {
        "model": "gpt-image-1",
        "prompt": "a red kite",
        "n": 2,
        "size": "1024x1536",
        "quality": "high",
    }
    assert (job.images[0].width, job.images[0].height) == (1024, 1536)
    assert job.usage is not None and job.usage.total_tokens
    assert job.warnings == []


def test_images_output_format_keeps_the_real_format(sim: SimulatorServer, out: Path) -> None:
    job = run_job(
        sim.url, GenerationRequest("jpeg please", "gpt-image-1", output_format="jpeg"), out
    )
    _saved_ok(job)
    assert job.images[0].mime == "image/jpeg"


def test_images_url_results_are_downloaded(sim: SimulatorServer, out: Path) -> None:
    job = run_job(sim.url, GenerationRequest("a lake", "flux-pro", ratio="16:9", seed=42), out)
    _saved_ok(job)
    assert (job.images[0].width, job.images[0].height) == (1366, 768)
    assert job.images[0].source == "url" and job.images[0].url
    assert _paid(sim)[0].body["seed"] == 42
    assert sim.state.stats()["downloads"] == 1


def test_edit_with_several_references_is_multipart(
    sim: SimulatorServer, out: Path, refs: list[Path]
) -> None:
    job = run_job(
        sim.url,
        GenerationRequest("blend them", "gpt-image-1", references=tuple(map(_ref, refs))),
        out,
    )
    _saved_ok(job)
    (entry,) = _paid(sim)
    assert entry.path == "/v1/images/edits"
    assert [(p["name"], Path(p["filename"]).suffix, p["content_type"]) for p in entry.parts] == [
        ("image[]", ".png", "image/png"),
        ("image[]", ".jpg", "image/jpeg"),
    ]
    assert entry.fields == {"model": "gpt-image-1", "prompt": "blend them"}


def test_single_reference_uses_the_plain_field_and_profile_can_repeat_it(
    sim: SimulatorServer, out: Path, refs: list[Path]
) -> None:
    run_job(sim.url, GenerationRequest("one", "gpt-image-1", references=(_ref(refs[0]),)), out)
    assert [p["name"] for p in _paid(sim)[0].parts] == ["image"]
    sim.reset()
    run_job(
        sim.url,
        GenerationRequest("two", "nano-banana", references=tuple(map(_ref, refs))),
        out,
        multi_image_field="image",
    )
    assert [p["name"] for p in _paid(sim)[0].parts] == ["image", "image"]


def test_mask_edit_changes_only_the_masked_area(
    sim: SimulatorServer, out: Path, refs: list[Path], tmp_path: Path
) -> None:
    mask_path = _alpha_mask(tmp_path / "mask.png", (800, 600), (200, 150, 599, 449))
    request = GenerationRequest(
        "a door", "gpt-image-1", references=(_ref(refs[0]),), mask=load_mask(mask_path, "mask.png")
    )
    job = run_job(sim.url, request, out)
    _saved_ok(job)
    part = _paid(sim)[0].parts[-1]
    assert (part["name"], part["content_type"], part["width"], part["height"]) == (
        "mask",
        "image/png",
        800,
        600,
    )
    assert job.warnings == []  # the simulator honoured the mask
    with Image.open(refs[0]) as source, Image.open(job.images[0].path) as result:
        difference = ImageChops.difference(source.convert("RGB"), result.convert("RGB"))
        assert difference.crop((0, 0, 800, 140)).getbbox() is None  # untouched outside
        assert difference.crop((210, 160, 590, 440)).getbbox() is not None  # changed inside


def test_relay_that_ignores_the_mask_is_caught(
    sim: SimulatorServer, out: Path, refs: list[Path], tmp_path: Path
) -> None:
    sim.set_faults("ignore-mask")
    mask_path = _alpha_mask(tmp_path / "mask.png", (800, 600), (200, 150, 599, 449))
    request = GenerationRequest(
        "a door", "gpt-image-1", references=(_ref(refs[0]),), mask=load_mask(mask_path, "mask.png")
    )
    job = run_job(sim.url, request, out)
    assert job.state is JobState.SUCCEEDED
    assert [w.code for w in job.warnings] == ["mask_ignored"]
    assert job.images[0].warnings[0].code == "mask_ignored"


def test_relay_that_ignores_the_ratio_is_caught(sim: SimulatorServer, out: Path) -> None:
    sim.set_faults("ignore-ratio")
    job = run_job(sim.url, GenerationRequest("wide", "nano-banana", ratio="16:9"), out)
    assert job.state is JobState.SUCCEEDED
    assert [w.code for w in job.warnings] == ["ratio_mismatch"]
    assert "16:9" in job.warnings[0].message


def test_dall_e_2_pads_to_a_square_and_takes_a_mask(
    sim: SimulatorServer, out: Path, refs: list[Path], tmp_path: Path
) -> None:
    mask_path = _alpha_mask(tmp_path / "mask.png", (800, 600), (100, 100, 300, 300))
    request = GenerationRequest(
        "a hat", "dall-e-2", references=(_ref(refs[0]),), mask=load_mask(mask_path, "mask.png")
    )
    job = run_job(sim.url, request, out)
    _saved_ok(job)
    parts = _paid(sim)[0].parts
    assert [(p["width"], p["height"]) for p in parts] == [(800, 800), (800, 800)]
    assert [w.code for w in job.warnings] == ["padded_square"]


def test_variations(sim: SimulatorServer, out: Path, refs: list[Path]) -> None:
    request = GenerationRequest(
        "", "dall-e-2", operation=Operation.VARIATION, references=(_ref(refs[1]),), n=2
    )
    job = run_job(sim.url, request, out)
    _saved_ok(job, 2)
    (entry,) = _paid(sim)
    assert entry.path == "/v1/images/variations"
    assert [p["name"] for p in entry.parts] == ["image"]


def test_refs_in_prompt_quirk_for_flux_kontext(sim: SimulatorServer, out: Path) -> None:
    remote = f"{sim.url}/files/missing.png"
    job = run_job(
        sim.url,
        GenerationRequest(
            "make it night", "flux-kontext-pro", references=(Reference(name="r", url=remote),)
        ),
        out,
    )
    (entry,) = _paid(sim)
    assert entry.path == "/v1/images/generations"
    assert entry.body["prompt"] == f"{remote} make it night"
    assert "image" not in entry.body
    assert job.state is JobState.SUCCEEDED


def test_image_field_references_travel_as_data_urls(
    sim: SimulatorServer, out: Path, refs: list[Path]
) -> None:
    job = run_job(
        sim.url,
        GenerationRequest(
            "edit",
            "doubao-seedream-4-0-250828",
            references=(_ref(refs[0]),),
            ratio="16:9",
            resolution="2K",
        ),
        out,
    )
    _saved_ok(job)
    body = _paid(sim)[0].body
    assert body["size"] == "2048x1152"
    assert body["image"][0].startswith("data:image/png;base64,")


# -- images-async -----------------------------------------------------------------------------


def test_async_submits_once_reports_progress_and_saves(sim: SimulatorServer, out: Path) -> None:
    sim.set_faults("async-duration=1")
    events: list[JobEvent] = []
    job = run_job(
        sim.url,
        GenerationRequest("slow one", "sora_image", protocol=ProtocolId.IMAGES_ASYNC, ratio="2:3"),
        out,
        events=events,
    )
    _saved_ok(job)
    (entry,) = _paid(sim)
    assert entry.query.get("async") == "true"
    assert job.task_id
    kinds = [e.kind for e in events]
    assert kinds.index(EventKind.TASK_ID) < kinds.index(EventKind.IMAGE_SAVED)
    progress = [e.job.progress for e in events if e.kind is EventKind.PROGRESS]
    assert progress == sorted(progress) and progress
    assert sim.state.stats()["billed"] == 1


def test_async_wrapped_task_id(sim: SimulatorServer, out: Path) -> None:
    sim.set_faults("async-wrapped,async-duration=0.2")
    job = run_job(
        sim.url, GenerationRequest("x", "nano-banana", protocol=ProtocolId.IMAGES_ASYNC), out
    )
    _saved_ok(job)


def test_async_task_failure(sim: SimulatorServer, out: Path) -> None:
    sim.set_faults("async-fail,async-duration=0.2")
    job = run_job(
        sim.url, GenerationRequest("x", "nano-banana", protocol=ProtocolId.IMAGES_ASYNC), out
    )
    assert job.error is not None and job.error.kind is ErrorKind.TASK_FAILED
    assert job.error.relay_message
    assert len(_paid(sim)) == 1


def test_relay_without_async_mode(sim: SimulatorServer, out: Path) -> None:
    sim.set_faults("no-async")
    job = run_job(
        sim.url, GenerationRequest("x", "nano-banana", protocol=ProtocolId.IMAGES_ASYNC), out
    )
    assert job.error is not None and job.error.kind is ErrorKind.NO_ASYNC
    assert "no async mode" in job.error.message
    assert len(_paid(sim)) == 1 and sim.state.stats()["billed"] == 0


def test_async_paths_are_configurable(sim: SimulatorServer, out: Path) -> None:
    options = AsyncOptions(
        poll_interval=0.1,
        poll_path="/v1/images/tasks/{task_id}",
        submit_query="async=true&mode=fast",
    )
    job = run_job(
        sim.url,
        GenerationRequest("x", "nano-banana", protocol=ProtocolId.IMAGES_ASYNC),
        out,
        async_options=options,
    )
    _saved_ok(job)
    assert _paid(sim)[0].query == {"async": "true", "mode": "fast"}


# -- images-json-edit -----------------------------------------------------------------------------


def test_json_edit(sim: SimulatorServer, out: Path, refs: list[Path]) -> None:
    job = run_job(
        sim.url,
        GenerationRequest(
            "hug", "nano-banana-2-2k", references=tuple(map(_ref, refs)), ratio="9:16"
        ),
        out,
    )
    _saved_ok(job)
    body = _paid(sim)[0].body
    assert set(body) == {"model", "prompt", "images", "ratio"}
    assert len(body["images"]) == 2 and body["ratio"] == "9:16"
    assert (job.images[0].width, job.images[0].height) == (1152, 2048)


# -- gemini ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("auth", [AuthStyle.BEARER, AuthStyle.GOOG_API_KEY])
def test_gemini(sim: SimulatorServer, out: Path, refs: list[Path], auth: AuthStyle) -> None:
    request = GenerationRequest(
        "a fox",
        "gemini-3-pro-image-preview",
        references=(_ref(refs[1]),),
        ratio="4:3",
        resolution="2K",
    )
    job = run_job(sim.url, request, out, gemini_auth=auth)
    _saved_ok(job)
    (entry,) = _paid(sim)
    assert entry.path == "/v1beta/models/gemini-3-pro-image-preview:generateContent"
    assert entry.auth["authorization" if auth is AuthStyle.BEARER else "x-goog-api-key"]
    config = entry.body["generationConfig"]
    assert config["imageConfig"] == {"aspectRatio": "4:3", "imageSize": "2K"}
    assert (job.images[0].width, job.images[0].height) == (2048, 1536)
    assert job.text


@pytest.mark.parametrize(
    ("fault", "kind", "needle"),
    [
        ("text-only", ErrorKind.TEXT_ONLY, "answered in words"),
        ("safety", ErrorKind.SAFETY, "blocked"),
    ],
)
def test_gemini_without_an_image(
    sim: SimulatorServer, out: Path, fault: str, kind: ErrorKind, needle: str
) -> None:
    sim.set_faults(fault)
    job = run_job(sim.url, GenerationRequest("x", "gemini-2.5-flash-image"), out)
    assert job.error is not None and job.error.kind is kind
    assert needle in job.error.message


def test_gemini_drafts_skipped_and_urlsafe_base64(sim: SimulatorServer, out: Path) -> None:
    sim.set_faults("thought,urlsafe-b64")
    job = run_job(sim.url, GenerationRequest("x", "gemini-2.5-flash-image"), out)
    _saved_ok(job, 1)


# -- chat -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["", "chat-data-uri"])
def test_chat_markdown_images(
    sim: SimulatorServer, out: Path, refs: list[Path], fault: str
) -> None:
    sim.set_faults(fault)
    job = run_job(
        sim.url,
        GenerationRequest(
            "a boat", "gpt-4o-image", protocol=ProtocolId.CHAT, references=(_ref(refs[0]),)
        ),
        out,
    )
    _saved_ok(job)
    content = _paid(sim)[0].body["messages"][0]["content"]
    assert [part["type"] for part in content] == ["text", "image_url"]


def test_chat_words_only(sim: SimulatorServer, out: Path) -> None:
    sim.set_faults("text-only")
    job = run_job(sim.url, GenerationRequest("x", "gpt-4o-image", protocol=ProtocolId.CHAT), out)
    assert job.error is not None and job.error.kind is ErrorKind.TEXT_ONLY


# -- midjourney -----------------------------------------------------------------------------------


def test_midjourney_imagine_then_upscale_then_vary_region(
    sim: SimulatorServer, out: Path, tmp_path: Path
) -> None:
    sim.set_faults("async-duration=0.3")
    grid = run_job(sim.url, GenerationRequest("a castle", "midjourney", ratio="16:9"), out)
    _saved_ok(grid)
    assert _paid(sim)[0].body["prompt"] == "a castle --ar 16:9"
    buttons = {b["label"]: b["custom_id"] for b in grid.meta["buttons"]}
    assert {"U1", "V1"} <= set(buttons)

    upscale = run_job(
        sim.url,
        GenerationRequest(
            "",
            "midjourney",
            midjourney=MidjourneyAction(task_id=grid.meta["mj_task_id"], custom_id=buttons["U1"]),
        ),
        out,
    )
    _saved_ok(upscale)
    vary = next(b["custom_id"] for b in upscale.meta["buttons"] if "Inpaint" in b["custom_id"])

    width, height = upscale.images[0].width, upscale.images[0].height
    mask_image = Image.new("L", (width, height), 0)
    ImageDraw.Draw(mask_image).rectangle((0, 0, width // 2, height // 2), fill=255)
    mask_image.save(tmp_path / "bw.png")
    request = GenerationRequest(
        "a dragon",
        "midjourney",
        mask=load_mask(tmp_path / "bw.png", "bw.png"),
        midjourney=MidjourneyAction(task_id=upscale.meta["mj_task_id"], custom_id=vary),
    )
    region = run_job(sim.url, request, out)
    _saved_ok(region)
    modal = [e for e in _paid(sim) if e.path == "/mj/submit/modal"]
    assert len(modal) == 1 and modal[0].body["maskBase64"].startswith("data:image/png;base64,")
    with Image.open(upscale.images[0].path) as before, Image.open(region.images[0].path) as after:
        difference = ImageChops.difference(before.convert("RGB"), after.convert("RGB"))
        assert difference.crop((width // 2 + 8, height // 2 + 8, width, height)).getbbox() is None
        assert difference.crop((0, 0, width // 2 - 8, height // 2 - 8)).getbbox() is not None


def test_midjourney_blend_and_describe(sim: SimulatorServer, out: Path, refs: list[Path]) -> None:
    sim.set_faults("async-duration=0.2")
    blend = run_job(
        sim.url,
        GenerationRequest(
            "",
            "midjourney",
            operation=Operation.MJ_BLEND,
            references=tuple(map(_ref, refs)),
            blend_dimensions="PORTRAIT",
        ),
        out,
    )
    _saved_ok(blend)
    describe = run_job(
        sim.url,
        GenerationRequest(
            "", "midjourney", operation=Operation.MJ_DESCRIBE, references=(_ref(refs[0]),)
        ),
        out,
    )
    assert describe.state is JobState.SUCCEEDED and describe.images == []
    assert describe.text and "1" in describe.text


def test_midjourney_banned_prompt(sim: SimulatorServer, out: Path) -> None:
    sim.set_faults("safety")
    job = run_job(sim.url, GenerationRequest("x", "midjourney"), out)
    assert job.error is not None and job.error.kind is ErrorKind.SAFETY


# -- results that go wrong ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "kind"),
    [
        ("expired-url", ErrorKind.RESULT_EXPIRED),
        ("garbage-b64", ErrorKind.BAD_RESULT),
        ("empty", ErrorKind.NO_IMAGE),
        ("error200", ErrorKind.SERVER),
        ("401", ErrorKind.AUTH),
    ],
)
def test_bad_results_fail_plainly(
    sim: SimulatorServer, out: Path, fault: str, kind: ErrorKind
) -> None:
    sim.set_faults(fault)
    model = "flux" if fault == "expired-url" else "gpt-image-1"
    job = run_job(sim.url, GenerationRequest("x", model), out)
    assert job.state is JobState.FAILED
    assert job.error is not None and job.error.kind is kind, job.error
    assert "<" not in job.error.full_text()
    assert len(_paid(sim)) == 1
    assert not out.exists() or not list(out.iterdir())


def test_models_list(sim: SimulatorServer) -> None:
    import asyncio

    from studio.protocols.models import list_models
    from studio.protocols.transport import RelayClient
    from tests.helpers.engine import sim_profile

    async def go() -> list[str]:
        async with RelayClient(sim_profile(sim.url)) as client:
            return await list_models(client)

    ids = asyncio.run(go())
    assert "gpt-image-1" in ids and "midjourney" in ids and ids == sorted(ids)
