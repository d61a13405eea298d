"""The one-click repair for an ignored mask: original pixels outside, result inside."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from studio.domain.request import GenerationRequest, Reference
from studio.engine.composite import NoMaskError, keep_original_outside_mask
from studio.imaging.masks import load_mask
from studio.simulator import SimulatorServer
from studio.store.history import Store
from tests.helpers.manager import manager_on


def test_composite_restores_the_outside_and_links_to_the_result(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    source_path = tmp_path / "photo.png"
    Image.effect_noise((400, 300), 50).convert("RGB").save(source_path)
    mask_file = Image.new("RGBA", (400, 300), (0, 0, 0, 255))
    ImageDraw.Draw(mask_file).rectangle((100, 80, 299, 219), fill=(0, 0, 0, 0))
    mask_file.save(tmp_path / "mask.png")
    sim.set_faults("ignore-mask")
    data = tmp_path / "data"

    async def go() -> int:
        async with manager_on(sim.url, data) as manager:
            request = GenerationRequest(
                "a window",
                "gpt-image-1",
                references=(Reference("photo.png", source_path),),
                mask=load_mask(tmp_path / "mask.png", "mask.png"),
            )
            job = await manager.run(request, "sim")
            assert [w.code for w in job.warnings] == ["mask_ignored"]
            record = manager.store.get(job.id)
            return record.images[0].id

    image_id = asyncio.run(go())
    with Store(data) as store:
        repaired = keep_original_outside_mask(store, image_id, feather=4)
        assert repaired.kind == "composite" and repaired.derived_from == image_id
        assert repaired.result.warnings[0].code == "composite"
        original = store.image(image_id)
        assert original is not None and original.result.path.is_file()
        (record,) = store.list_jobs()
        assert [i.kind for i in record.images] == ["result", "composite"]
        with (
            Image.open(source_path) as source,
            Image.open(repaired.result.path) as fixed,
            Image.open(original.result.path) as broken,
        ):
            source, fixed, broken = (i.convert("RGB") for i in (source, fixed, broken))
            outside = ImageChops.difference(source, fixed)
            assert outside.crop((0, 0, 400, 70)).getbbox() is None  # far outside: the source
            assert outside.crop((0, 230, 400, 300)).getbbox() is None
            inside = ImageChops.difference(fixed, broken).crop((110, 90, 290, 210))
            assert inside.getbbox() is None  # well inside: the relay's pixels
            assert ImageChops.difference(source, broken).crop((0, 0, 400, 70)).getbbox()


def test_no_mask_no_composite(sim: SimulatorServer, tmp_path: Path) -> None:
    async def go() -> int:
        async with manager_on(sim.url, tmp_path / "data") as manager:
            job = await manager.run(GenerationRequest("plain", "flux"), "sim")
            return manager.store.get(job.id).images[0].id

    image_id = asyncio.run(go())
    with Store(tmp_path / "data") as store, pytest.raises(NoMaskError):
        keep_original_outside_mask(store, image_id)
