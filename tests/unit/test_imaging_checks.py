"""Result checks: ratio and size against the request, changes outside the mask, compositing."""

from __future__ import annotations

import time

import pytest
from PIL import Image, ImageChops

from studio.domain.request import Mask
from studio.imaging import changed_outside_mask, keep_outside_mask, mask_from_image, ratio_check
from studio.imaging.checks import _dilate, parse_ratio
from tests.helpers.badfiles import noise


def box_mask(size: tuple[int, int], box: tuple[int, int, int, int]) -> Mask:
    image = Image.new("L", size, 0)
    image.paste(255, box)
    return mask_from_image(image)


@pytest.mark.parametrize(
    ("text", "value"),
    [("16:9", 16 / 9), ("3x2", 1.5), ("4×3", 4 / 3), ("9/16", 9 / 16), ("1.5", 1.5)],
)
def test_parse_ratio(text: str, value: float) -> None:
    assert parse_ratio(text) == pytest.approx(value)


@pytest.mark.parametrize("text", [None, "", "auto", "0:1", "1:0", "wide", "-1"])
def test_parse_ratio_nonsense(text: str | None) -> None:
    assert parse_ratio(text) is None


@pytest.mark.parametrize(
    ("width", "height", "ratio"),
    [(1344, 768, "16:9"), (1184, 864, "4:3"), (1536, 672, "21:9"), (1024, 1024, "1:1")],
)
def test_relay_rounding_is_tolerated(width: int, height: int, ratio: str) -> None:
    assert ratio_check(width, height, ratio, None) is None


@pytest.mark.parametrize(
    ("width", "expected"),
    [(1029, None), (1031, "ratio_mismatch"), (971, None), (969, "ratio_mismatch")],
)
def test_ratio_tolerance_on_both_sides(width: int, expected: str | None) -> None:
    notice = ratio_check(width, 1000, "1:1", None)
    assert (notice.code if notice else None) == expected


def test_custom_tolerance() -> None:
    assert ratio_check(1100, 1000, "1:1", None, tolerance=0.11) is None
    assert ratio_check(1100, 1000, "1:1", None, tolerance=0.09) is not None


def test_ratio_mismatch_message() -> None:
    notice = ratio_check(1024, 1024, "16:9", None)
    assert notice is not None
    assert notice.code == "ratio_mismatch"
    assert "1024×1024" in notice.message
    assert "16:9" in notice.message


def test_flipped_orientation_is_a_mismatch() -> None:
    assert ratio_check(768, 1344, "16:9", None) is not None


def test_exact_size() -> None:
    assert ratio_check(1024, 1536, None, (1024, 1536)) is None
    assert ratio_check(1040, 1560, None, (1024, 1536)) is None  # 1.6 % larger, same ratio
    notice = ratio_check(1056, 1584, None, (1024, 1536))  # 3.1 % larger, same ratio
    assert notice is not None
    assert notice.code == "size_mismatch"
    assert "1024×1536" in notice.message
    assert "1056×1584" in notice.message
    wrong_ratio = ratio_check(1024, 1024, None, (1024, 1536))
    assert wrong_ratio is not None
    assert wrong_ratio.code == "ratio_mismatch"


def test_ratio_wins_over_size_when_both_are_given() -> None:
    assert ratio_check(1024, 1024, "16:9", (1344, 768)).code == "ratio_mismatch"
    assert ratio_check(1344, 768, "16:9", (1344, 768)) is None


def test_nothing_asked_nothing_checked() -> None:
    assert ratio_check(1000, 10, None, None) is None
    assert ratio_check(1000, 10, "auto", None) is None


def test_changed_outside_mask_share() -> None:
    size = (100, 100)
    source = Image.new("RGB", size, (100, 100, 100))
    result = source.copy()
    result.paste((250, 0, 0), (40, 40, 60, 60))  # inside the mask: does not count
    result.paste((100, 100, 140), (0, 0, 10, 96))  # 960 pixels outside, changed by 40 > 24
    result.paste((120, 100, 100), (90, 0, 100, 100))  # changed by 20 ≤ 24: not counted
    mask = box_mask(size, (40, 40, 60, 60))
    share = changed_outside_mask(source, result, mask)
    assert share == pytest.approx(960 / (100 * 100 - 400))
    assert changed_outside_mask(source, result, mask, threshold=19) == pytest.approx(
        (960 + 1000) / (100 * 100 - 400)
    )


def test_unchanged_result_and_resized_result() -> None:
    source = Image.new("RGB", (80, 60), (10, 200, 30))
    mask = box_mask((80, 60), (0, 0, 40, 60))
    assert changed_outside_mask(source, source.copy(), mask) == 0.0
    bigger = Image.new("RGB", (160, 120), (10, 200, 30))
    bigger.paste((255, 255, 255), (0, 0, 70, 120))  # inside the mask (the left half)
    assert changed_outside_mask(source, bigger, mask) == 0.0
    everything = Image.new("RGBA", (160, 120), (200, 0, 0, 255))
    assert changed_outside_mask(source, everything, mask) == 1.0


def test_mask_covering_everything() -> None:
    source = Image.new("RGB", (10, 10))
    mask = box_mask((10, 10), (0, 0, 10, 10))
    assert changed_outside_mask(source, Image.new("RGB", (10, 10), "white"), mask) == 0.0


def test_changed_outside_mask_is_fast_on_4096_squared() -> None:
    size = (4096, 4096)
    source = noise(size, seed=1)
    result = noise(size, seed=2)
    mask = box_mask(size, (1024, 1024, 3072, 3072))
    started = time.perf_counter()
    share = changed_outside_mask(source, result, mask)
    elapsed = time.perf_counter() - started
    # Two random bytes differ by at most 24 with p = (49·256 − 24·25) / 256²; all three channels
    # of a pixel stay that close with p³.
    close = (49 * 256 - 24 * 25) / 256**2
    assert share == pytest.approx(1 - close**3, abs=0.001)
    assert elapsed < 1.5, elapsed


def test_keep_outside_mask() -> None:
    size = (120, 100)
    source = Image.new("RGB", size, (200, 30, 30))
    source.paste((0, 0, 0), (0, 0, 5, 5))
    result = Image.new("RGB", (240, 200), (20, 20, 220))  # twice the size: resized back
    box = (40, 30, 80, 70)
    out = keep_outside_mask(source, result, box_mask(size, box), feather=4.0)
    assert out.size == size
    assert out.mode == "RGB"
    # Further than the feather radius from the mask: exactly the source.
    reach = (box[0] - 5, box[1] - 5, box[2] + 5, box[3] + 5)
    patched = out.copy()
    patched.paste(source.crop(reach), reach[:2])
    assert ImageChops.difference(patched, source).getbbox() is None
    # Deep inside: exactly the result.
    assert out.crop((50, 40, 70, 60)).getcolors() == [(400, (20, 20, 220))]
    # On the edge: a blend of both.
    edge = out.getpixel((40, 50))
    assert 20 < edge[0] < 200
    assert 20 < edge[2] < 220


def test_keep_outside_mask_hard_edge() -> None:
    size = (50, 50)
    source = Image.new("RGBA", size, (200, 30, 30, 255))
    result = Image.new("RGB", size, (20, 20, 220))
    out = keep_outside_mask(source, result, box_mask(size, (10, 10, 20, 20)), feather=0)
    assert out.mode == "RGBA"
    assert out.getpixel((9, 15)) == (200, 30, 30, 255)
    assert out.getpixel((10, 15)) == (20, 20, 220, 255)


def test_keep_outside_mask_large_feather_still_exact_outside() -> None:
    size = (200, 200)
    source = Image.effect_noise(size, 60).convert("RGB")
    result = Image.new("RGB", size, (0, 255, 0))
    box = (80, 80, 120, 120)
    out = keep_outside_mask(source, result, box_mask(size, box), feather=15.0)
    reach = (box[0] - 16, box[1] - 16, box[2] + 16, box[3] + 16)
    patched = out.copy()
    patched.paste(source.crop(reach), reach[:2])
    assert ImageChops.difference(patched, source).getbbox() is None
    assert out.getpixel((100, 100)) == (0, 255, 0)
    assert out.getpixel((box[0] - 10, 100)) != source.getpixel((box[0] - 10, 100))


@pytest.mark.parametrize("radius", [1, 4, 5, 9, 15])
def test_dilation_reaches_exactly_the_radius(radius: int) -> None:
    dot = Image.new("L", (61, 61), 0)
    dot.putpixel((30, 30), 255)
    grown = _dilate(dot, radius)
    assert grown.getbbox() == (30 - radius, 30 - radius, 31 + radius, 31 + radius)
    assert grown.histogram()[255] == (2 * radius + 1) ** 2
