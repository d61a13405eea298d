"""SVG results (gpt-image-2.6 when asked): saved as the vector they are, drawn by Qt for the
gallery's thumbnail and the detail view."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from studio.domain.job import JobState
from studio.domain.request import GenerationRequest
from studio.ui.pictures.picture import decode_picture
from tests.ui.conftest import Harness


def test_an_svg_result_gets_a_thumbnail_and_opens(harness: Harness) -> None:
    ready: list[tuple[str, int, str]] = []
    harness.bridge.thumbnail_ready.connect(lambda sha, size, path: ready.append((sha, size, path)))

    async def scenario():
        job = await harness.manager.run(
            GenerationRequest("a fox logo", "gpt-image-2.6", output_format="svg"), "sim"
        )
        assert job.state is JobState.SUCCEEDED, job.error
        (image,) = job.images
        harness.bridge.request_thumbnail(image, 256)
        await harness.until(lambda: ready)
        return image

    image = harness.run(scenario())
    assert image.mime == "image/svg+xml"
    sha, size, path = ready[0]
    assert sha == image.sha256 and size == 256 and path
    with Image.open(Path(path)) as thumbnail:
        assert thumbnail.format == "PNG" and max(thumbnail.size) == 256
    picture = decode_picture(image.path)
    assert picture is not None and not picture.full.isNull()
