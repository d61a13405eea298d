"""What the studio sends for an edit has the layout the official `openai` SDK sends.

The SDK is a test-only oracle: relays are built against it, so matching its multipart layout
(part names, filenames with extensions, content types, text fields) is what keeps uploads from
being silently dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openai
import pytest
from PIL import Image, ImageDraw

from studio.domain.request import GenerationRequest, Reference
from studio.imaging.masks import load_mask
from studio.simulator import SimulatorServer
from tests.helpers.engine import run_job


def _layout(entry: Any) -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    files = [
        (p["name"], Path(p["filename"]).suffix.lower(), p["content_type"]) for p in entry.parts
    ]
    return files, dict(entry.fields)


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[list[Path], Path]:
    first, second = tmp_path / "room.png", tmp_path / "lamp.png"
    Image.new("RGB", (512, 512), (90, 120, 200)).save(first)
    Image.new("RGB", (512, 512), (220, 200, 60)).save(second)
    mask = Image.new("RGBA", (512, 512), (0, 0, 0, 255))
    ImageDraw.Draw(mask).rectangle((128, 128, 383, 383), fill=(0, 0, 0, 0))
    mask.save(tmp_path / "mask.png")
    return [first, second], tmp_path / "mask.png"


@pytest.mark.parametrize("count", [1, 2])
def test_edit_multipart_matches_the_sdk(
    sim: SimulatorServer, tmp_path: Path, inputs: tuple[list[Path], Path], count: int
) -> None:
    images, mask = inputs
    images = images[:count]
    client = openai.OpenAI(base_url=f"{sim.url}/v1", api_key="sim-secret-key", max_retries=0)
    handles = [path.open("rb") for path in images]
    try:
        with mask.open("rb") as mask_handle:
            client.images.edit(
                model="gpt-image-1",
                prompt="put a lamp in the room",
                n=2,
                quality="high",
                image=handles if count > 1 else handles[0],
                mask=mask_handle,
            )
    finally:
        for handle in handles:
            handle.close()
    (sdk,) = [e for e in sim.log() if e.kind == "paid"]
    sim.reset()

    request = GenerationRequest(
        "put a lamp in the room",
        "gpt-image-1",
        n=2,
        quality="high",
        references=tuple(Reference(name=p.name, path=p) for p in images),
        mask=load_mask(mask, mask.name),
    )
    job = run_job(sim.url, request, tmp_path / "out")
    assert job.error is None
    (ours,) = [e for e in sim.log() if e.kind == "paid"]

    assert ours.path == sdk.path == "/v1/images/edits"
    assert _layout(ours) == _layout(sdk)
    assert len(sdk.parts) == count + 1 and sdk.fields["model"] == "gpt-image-1"
    assert [(p["width"], p["height"]) for p in ours.parts] == [
        (p["width"], p["height"]) for p in sdk.parts
    ]
