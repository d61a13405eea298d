"""Expand canvas: the original at the anchor pixel for pixel, the mask over the new area, the
asked shape in multiples of 8, the pixel budget, and plain errors when there is nothing to add."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from studio.domain.errors import InputError
from studio.domain.request import Reference
from studio.imaging.masks import mask_to_image
from studio.imaging.outpaint import (
    OVERLAP,
    RATIOS,
    Anchor,
    CanvasSize,
    Fill,
    Margins,
    Ratio,
    expand_canvas,
    expansion_reference,
    parse_target,
    plan_expansion,
)

SOURCE = (64, 48)
CANVAS = (128, 96)  # room for the source at every anchor, a multiple of 8 both ways
OFFSETS = {  # anchor -> where the source's top-left corner must land on CANVAS
    Anchor.TOP_LEFT: (0, 0),
    Anchor.TOP: (32, 0),
    Anchor.TOP_RIGHT: (64, 0),
    Anchor.LEFT: (0, 24),
    Anchor.CENTER: (32, 24),
    Anchor.RIGHT: (64, 24),
    Anchor.BOTTOM_LEFT: (0, 48),
    Anchor.BOTTOM: (32, 48),
    Anchor.BOTTOM_RIGHT: (64, 48),
}


def noise(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """Every pixel different from its neighbours: a shifted paste cannot match by accident."""
    return Image.frombytes(mode, size, os.urandom(size[0] * size[1] * len(mode)))


def png(image: Image.Image, fmt: str = "PNG", **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def region_values(image: Image.Image, box: tuple[int, int, int, int]) -> set[int]:
    """The distinct values of an "L" region (as the set of its extremes when it is uniform)."""
    low, high = image.crop(box).getextrema()
    return {low} if low == high else {low, high, -1}


@pytest.mark.parametrize("anchor", list(Anchor))
def test_every_anchor_puts_the_original_exactly_there(anchor: Anchor) -> None:
    source = noise(SOURCE)
    expansion = expand_canvas(png(source), CanvasSize(*CANVAS), anchor, name="noise.png")
    assert (expansion.width, expansion.height) == CANVAS
    assert expansion.offset == OFFSETS[anchor]
    assert expansion.scaled == 1.0
    result = decoded(expansion.image_png)
    assert result.size == CANVAS
    x, y = OFFSETS[anchor]
    placed = result.crop((x, y, x + SOURCE[0], y + SOURCE[1]))
    assert placed.tobytes() == source.tobytes()  # 1:1, not resampled, not shifted


@pytest.mark.parametrize("anchor", list(Anchor))
def test_the_mask_covers_the_new_area_and_reaches_a_little_into_the_original(
    anchor: Anchor,
) -> None:
    expansion = expand_canvas(png(noise(SOURCE)), CanvasSize(*CANVAS), anchor, name="n.png")
    mask = mask_to_image(expansion.mask)
    assert (expansion.mask.width, expansion.mask.height) == CANVAS == mask.size
    assert mask.mode == "L"
    x, y = OFFSETS[anchor]
    right, bottom = x + SOURCE[0], y + SOURCE[1]
    new_area = Image.new("1", CANVAS, 1)
    new_area.paste(0, (x, y, right, bottom))
    for point in [(px, py) for px in range(0, CANVAS[0], 4) for py in range(0, CANVAS[1], 4)]:
        if new_area.getpixel(point):
            assert mask.getpixel(point) == 255, point
    # Away from the overlap the original is kept; the band next to new area ramps down.
    inner = (
        x + (OVERLAP if x > 0 else 0),
        y + (OVERLAP if y > 0 else 0),
        right - (OVERLAP if right < CANVAS[0] else 0),
        bottom - (OVERLAP if bottom < CANVAS[1] else 0),
    )
    assert region_values(mask, inner) == {0}
    assert mask.crop((x, y, right, bottom)).getextrema()[1] < 255  # feathered, never hard 255


def test_the_overlap_is_a_monotonic_ramp_only_on_sides_with_new_area() -> None:
    expansion = expand_canvas(png(noise(SOURCE)), CanvasSize(128, 48), Anchor.LEFT, name="n.png")
    mask = mask_to_image(expansion.mask)
    row = [mask.getpixel((column, 20)) for column in range(SOURCE[0] - OVERLAP - 2, 70)]
    assert row == sorted(row)  # rising towards the new area, no step back
    band = row[2 : 2 + OVERLAP]
    assert all(0 < value < 255 for value in band)
    assert row[0] == row[1] == 0 and row[-1] == 255
    assert region_values(mask, (0, 0, SOURCE[0] - OVERLAP, 48)) == {0}  # left edge: no new area


def test_overlap_and_feather_are_configurable() -> None:
    data = png(noise(SOURCE))
    hard = mask_to_image(
        expand_canvas(data, CanvasSize(80, 48), Anchor.LEFT, overlap=0, name="n.png").mask
    )
    assert region_values(hard, (0, 0, 64, 48)) == {0}
    assert region_values(hard, (64, 0, 80, 48)) == {255}
    wide = mask_to_image(
        expand_canvas(data, CanvasSize(80, 48), Anchor.LEFT, overlap=4, feather=False).mask
    )
    assert region_values(wide, (0, 0, 60, 48)) == {0}
    assert region_values(wide, (60, 0, 80, 48)) == {255}


@pytest.mark.parametrize(
    "size", [(300, 200), (1000, 750), (1024, 1024), (777, 1333), (64, 48), (1920, 1080)]
)
@pytest.mark.parametrize("ratio", RATIOS)
def test_a_ratio_gives_the_smallest_canvas_of_that_shape_that_holds_the_original(
    size: tuple[int, int], ratio: str
) -> None:
    shape = Ratio(*map(float, ratio.split(":")))
    try:
        layout = plan_expansion(size, ratio)
    except InputError:  # the image already has that shape
        assert abs(size[0] / size[1] - shape.width / shape.height) < 0.01
        return
    width, height = layout.canvas_size
    assert width >= size[0] and height >= size[1]
    assert width % 8 == 0 and height % 8 == 0
    assert abs(height - width * shape.height / shape.width) <= 1  # the ratio within 1 px
    assert layout.placed_size == size and layout.scale == 1.0
    # The smallest: no narrower canvas meets the same rules.
    for narrower in range(8, width, 8):
        ideal = narrower * shape.height / shape.width
        fits = [h for h in range(8, height + 64, 8) if abs(h - ideal) <= 1 and h >= size[1]]
        assert narrower < size[0] or not fits, (narrower, fits)
    left, top, right, bottom = layout.box
    assert min(left, top) >= 0 and right <= width and bottom <= height


def test_a_ratio_result_holds_the_picture_and_has_that_shape() -> None:
    source = noise((300, 200))
    expansion = expand_canvas(png(source), "16:9", Anchor.BOTTOM_RIGHT, name="wide.png")
    result = decoded(expansion.image_png)
    assert result.size == (expansion.width, expansion.height) == (368, 208)
    assert abs(expansion.height - expansion.width * 9 / 16) <= 1
    assert expansion.offset == (68, 8)
    x, y = expansion.offset
    assert result.crop((x, y, x + 300, y + 200)).tobytes() == source.tobytes()


def test_too_large_a_canvas_is_scaled_down_as_a_whole_and_says_so() -> None:
    source = noise((1000, 1000))
    limit = 1_000_000
    expansion = expand_canvas(png(source), "21:9", name="big.png", max_pixels=limit)
    assert expansion.width * expansion.height <= limit
    assert expansion.width % 8 == 0 and expansion.height % 8 == 0
    assert abs(expansion.height - expansion.width * 9 / 21) <= 1
    assert 0.5 < expansion.scaled < 1
    placed = expansion.placed_size
    assert placed[0] == placed[1] == round(1000 * expansion.scaled)
    assert expansion.height >= placed[1]
    assert [note.code for note in expansion.notes] == ["expand_scaled"]
    assert "big.png" in expansion.notes[0].message and "1 megapixels" in expansion.notes[0].message
    mask = mask_to_image(expansion.mask)
    x, y = expansion.offset
    assert mask.size == (expansion.width, expansion.height)
    inner = (x + OVERLAP, y + OVERLAP, x + placed[0] - OVERLAP, y + placed[1] - OVERLAP)
    assert region_values(mask, inner) == {0}


def test_an_explicit_size_too_large_is_scaled_too() -> None:
    layout = plan_expansion((1000, 500), CanvasSize(4000, 2000), max_pixels=2_000_000)
    assert layout.canvas_size[0] * layout.canvas_size[1] <= 2_000_000
    assert layout.scale < 1
    assert layout.placed_size == (round(1000 * layout.scale), round(500 * layout.scale))


@pytest.mark.parametrize(
    ("size", "target"),
    [((512, 512), "1:1"), ((1600, 900), "16:9"), ((1601, 900), "16:9"), ((600, 400), "3:2")],
)
def test_asking_for_the_shape_the_image_already_has_is_a_clear_error(
    size: tuple[int, int], target: str
) -> None:
    with pytest.raises(InputError) as caught:
        plan_expansion(size, target, name="photo.png")
    assert caught.value.message == (
        f"“photo.png” already has the {target} shape, so there is nothing to add. "
        "Choose another ratio or a larger size."
    )


def test_nothing_to_add_with_a_size_or_margins_is_an_error_too() -> None:
    with pytest.raises(InputError, match=r"exactly the size of “a\.png”"):
        plan_expansion((64, 48), CanvasSize(64, 48), name="a.png")
    with pytest.raises(InputError, match=r"smaller than “a\.png” \(64×48\)"):
        plan_expansion((64, 48), CanvasSize(128, 40), name="a.png")
    with pytest.raises(InputError, match="All margins are zero"):
        plan_expansion((64, 48), Margins(), name="a.png")
    with pytest.raises(InputError, match="cannot be negative"):
        plan_expansion((64, 48), Margins(left=-8))
    with pytest.raises(InputError, match="between 1:16 and 16:1"):
        plan_expansion((64, 48), "40:1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16:9", Ratio(16, 9)),
        (" 2.39 : 1 ", Ratio(2.39, 1)),
        ("2048x1152", CanvasSize(2048, 1152)),
        ("2048 × 1152", CanvasSize(2048, 1152)),
    ],
)
def test_targets_are_read_from_text(text: str, expected: object) -> None:
    assert parse_target(text) == expected


@pytest.mark.parametrize(
    ("text", "words"), [("wide", "not a ratio"), ("0:9", "not a ratio"), ("0x5", "not a size")]
)
def test_unreadable_targets_say_how_to_write_them(text: str, words: str) -> None:
    with pytest.raises(InputError, match=words):
        parse_target(text)


def test_margins_grow_the_asked_sides_to_multiples_of_8() -> None:
    layout = plan_expansion((64, 48), Margins(left=10, top=0, right=10, bottom=20))
    assert layout.canvas_size == (88, 72)  # 84 → 88 shared left/right; 68 → 72 at the bottom
    assert layout.offset == (12, 0)
    assert plan_expansion((64, 48), Margins.around(8)).canvas_size == (80, 64)


def test_the_new_area_continues_the_border_colours() -> None:
    source = Image.new("RGB", (64, 48), (220, 30, 30))
    source.paste((30, 30, 220), (32, 0, 64, 48))  # red left half, blue right half
    expansion = expand_canvas(png(source), CanvasSize(160, 48), Anchor.CENTER, name="rb.png")
    result = decoded(expansion.image_png)
    far_left, far_right = result.getpixel((4, 24)), result.getpixel((155, 24))
    assert far_left[0] > far_left[2] + 60  # reddish on the red side
    assert far_right[2] > far_right[0] + 60  # bluish on the blue side
    gray = decoded(
        expand_canvas(png(source), CanvasSize(160, 48), fill=Fill.GRAY, name="rb.png").image_png
    )
    assert gray.getpixel((4, 24)) == (128, 128, 128)


def test_transparency_is_kept_in_the_original_and_the_new_area_is_opaque() -> None:
    source = noise((32, 32), "RGBA")
    expansion = expand_canvas(png(source), CanvasSize(64, 32), Anchor.LEFT, name="a.png")
    result = decoded(expansion.image_png)
    assert result.mode == "RGBA"
    assert result.crop((0, 0, 32, 32)).tobytes() == source.tobytes()
    assert result.getchannel("A").crop((32, 0, 64, 32)).getextrema() == (255, 255)


def test_camera_orientation_is_applied_before_placing() -> None:
    sideways = Image.new("RGB", (80, 40), (200, 40, 40))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    data = png(sideways, "JPEG", exif=exif.tobytes())
    expansion = expand_canvas(data, "1:1", name="phone.jpg")
    assert expansion.placed_size == (40, 80)  # upright
    assert (expansion.width, expansion.height) == (80, 80)
    assert expansion.offset == (20, 0)
    assert "exif_rotated" in [note.code for note in expansion.notes]


def test_files_references_and_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "holiday photo.jpg"
    noise((64, 48)).save(path)
    from_path = expand_canvas(path, "1:1")
    assert from_path.source_name == "holiday photo.jpg"
    reference = expansion_reference(from_path)
    assert reference.name == "holiday photo-expanded.png"
    assert reference.data == from_path.image_png and reference.path is None
    assert from_path.mask.name == "holiday photo-expanded-mask.png"
    assert decoded(reference.data).size == (64, 64)

    from_reference = expand_canvas(Reference(name="pasted.png", data=png(noise((64, 48)))), "1:1")
    assert from_reference.name == "pasted-expanded.png"
    with pytest.raises(InputError, match=r"“cat\.png” is a link"):
        expand_canvas(Reference(name="cat.png", url="https://example.com/cat.png"), "1:1")
    with pytest.raises(InputError, match=r"“notes\.png” is not an image"):
        expand_canvas(b"hello, not a picture", "1:1", name="notes.png")
    with pytest.raises(InputError, match="too large"):  # the decompression-bomb guard
        expand_canvas(png(Image.new("L", (9000, 8000))), "1:1", name="bomb.png")
