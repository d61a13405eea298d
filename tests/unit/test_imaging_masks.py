"""Masks: both conventions read, the studio's stored, the model's written at the upload's size."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from studio.domain.errors import ErrorKind, InputError
from studio.domain.model_spec import MaskStyle, UploadLimits
from studio.domain.request import Mask
from studio.imaging import (
    check_mask_matches,
    load_image,
    load_mask,
    mask_for_upload,
    mask_from_image,
    mask_to_image,
    prepare_upload,
)
from tests.helpers.badfiles import make_bad_inputs, make_mask

SIZE = (200, 100)
BOX = (50, 20, 150, 80)  # left, top, right, bottom (exclusive)
DALL_E_2 = UploadLimits(
    max_bytes=4_000_000, max_side=1024, max_pixels=1 << 20, formats=("png",), square=True
)


def encoded(image: Image.Image, fmt: str = "PNG", **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def box_mask(size: tuple[int, int] = SIZE, box: tuple[int, int, int, int] = BOX) -> Mask:
    image = Image.new("L", size, 0)
    image.paste(255, box)
    return mask_from_image(image)


@pytest.mark.parametrize("convention", ["alpha", "bw"])
def test_both_conventions_give_the_same_mask(tmp_path: Path, convention: str) -> None:
    path = make_mask(tmp_path / f"{convention}.png", SIZE, BOX, convention)
    mask = load_mask(path, path.name)
    assert (mask.width, mask.height) == SIZE
    assert mask.name == path.name
    stored = opened(mask.png)
    assert stored.format == "PNG"
    assert stored.mode == "L"
    assert stored.getpixel((100, 50)) == 255  # inside the box: edit
    assert stored.getpixel((10, 10)) == 0
    assert stored.getpixel((49, 50)) == 0
    assert stored.getpixel((50, 50)) == 255
    assert stored.getpixel((149, 79)) == 255
    assert stored.getpixel((150, 79)) == 0
    assert stored.histogram()[255] == 100 * 60


def test_rgb_white_on_black_mask(tmp_path: Path) -> None:
    image = Image.new("RGB", SIZE, "black")
    image.paste((255, 255, 255), BOX)
    mask = load_mask(encoded(image), "rgb.png")
    assert mask_to_image(mask).histogram()[255] == 100 * 60


def test_compressed_black_white_mask_is_thresholded() -> None:
    image = Image.new("L", (256, 256), 0)
    image.paste(255, (64, 64, 192, 192))
    mask = load_mask(encoded(image.convert("RGB"), "JPEG", quality=60), "mask.jpg")
    gray = mask_to_image(mask)
    histogram = gray.histogram()
    assert histogram[0] + histogram[255] == 256 * 256  # binary again
    assert abs(histogram[255] - 128 * 128) < 300


def test_gray_levels_are_kept_as_soft_edges() -> None:
    ramp = Image.linear_gradient("L").rotate(90)  # 256×256, a wide horizontal ramp
    mask = load_mask(encoded(ramp), "ramp.png")
    gray = mask_to_image(mask)
    assert gray.tobytes() == ramp.tobytes()


def test_soft_alpha_edges_become_gray_levels() -> None:
    image = Image.new("RGBA", (4, 1), (0, 0, 0, 255))
    for x, alpha in enumerate((0, 64, 192, 255)):
        image.putpixel((x, 0), (0, 0, 0, alpha))
    gray = mask_to_image(load_mask(encoded(image), "soft.png"))
    assert [gray.getpixel((x, 0)) for x in range(4)] == [255, 191, 63, 0]


@pytest.mark.parametrize(
    "image",
    [
        Image.new("L", SIZE, 0),
        Image.new("RGBA", SIZE, (0, 0, 0, 255)),  # opaque, so read as gray: black
        Image.new("RGB", SIZE, (6, 6, 6)),  # near black: thresholded to black
    ],
    ids=["black", "opaque-black-rgba", "near-black"],
)
def test_mask_marking_nothing_is_refused(image: Image.Image) -> None:
    with pytest.raises(InputError) as caught:
        load_mask(encoded(image), "empty-mask.png")
    assert caught.value.kind is ErrorKind.INVALID_INPUT
    assert "empty-mask.png" in caught.value.message
    assert "marks no area to edit" in caught.value.message


def test_fully_transparent_mask_means_edit_everything() -> None:
    mask = load_mask(encoded(Image.new("RGBA", SIZE, (0, 0, 0, 0))), "all.png")
    assert mask_to_image(mask).getextrema() == (255, 255)


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_bad_inputs(tmp_path_factory.mktemp("masks"))


@pytest.mark.parametrize("key", ["zero_byte", "text_as_png", "truncated_png", "bomb"])
def test_bad_mask_files_are_refused_by_name(bad_files: dict[str, Path], key: str) -> None:
    path = bad_files[key]
    with pytest.raises(InputError) as caught:
        load_mask(path, path.name)
    assert path.name in caught.value.message
    assert "Error" not in caught.value.message


def test_check_mask_matches(tmp_path: Path) -> None:
    first = load_image(encoded(Image.new("RGB", SIZE, "red")), "photo.png")
    check_mask_matches(box_mask(), first)
    wrong = box_mask((100, 100), (10, 10, 20, 20))
    with pytest.raises(InputError) as caught:
        check_mask_matches(wrong, first)
    message = caught.value.message
    assert "100×100" in message
    assert "200×100" in message
    assert "photo.png" in message
    assert "mask.png" in message


def test_alpha_upload_without_resizing() -> None:
    first = load_image(encoded(Image.new("RGB", SIZE, "red")), "photo.png")
    prepared = prepare_upload(first, UploadLimits(), index=1)
    upload = mask_for_upload(box_mask(), MaskStyle.ALPHA, prepared.placement)
    assert (upload.filename, upload.mime) == ("mask.png", "image/png")
    assert (upload.width, upload.height) == (prepared.upload.width, prepared.upload.height)
    image = opened(upload.data)
    assert image.format == "PNG"
    assert image.mode == "RGBA"
    assert image.size == SIZE
    assert image.getpixel((100, 50)) == (0, 0, 0, 0)  # edit: transparent
    assert image.getpixel((10, 10)) == (0, 0, 0, 255)  # keep: opaque black
    alpha = image.getchannel("A")
    assert alpha.histogram()[0] == 100 * 60
    assert alpha.histogram()[255] == 200 * 100 - 100 * 60


def test_black_white_upload() -> None:
    first = load_image(encoded(Image.new("RGB", SIZE, "red")), "photo.png")
    prepared = prepare_upload(first, UploadLimits(), index=1)
    upload = mask_for_upload(box_mask(), MaskStyle.BLACK_WHITE, prepared.placement)
    image = opened(upload.data)
    assert image.size == SIZE
    assert image.convert("L").getpixel((100, 50)) == 255
    assert image.convert("L").getpixel((10, 10)) == 0
    assert "A" not in image.getbands()


def test_mask_follows_downscale() -> None:
    first = load_image(encoded(Image.linear_gradient("L").resize((2000, 1000))), "big.png")
    prepared = prepare_upload(first, UploadLimits(max_side=500), index=1)
    assert (prepared.upload.width, prepared.upload.height) == (500, 250)
    mask = box_mask((2000, 1000), (400, 200, 1200, 600))
    for style in (MaskStyle.ALPHA, MaskStyle.BLACK_WHITE):
        upload = mask_for_upload(mask, style, prepared.placement)
        assert (upload.width, upload.height) == (500, 250)
        edit = opened(upload.data)
        edit = edit.getchannel("A").point(lambda v: 255 - v) if style is MaskStyle.ALPHA else edit
        assert edit.getpixel((200, 100)) == 255  # box centre, scaled by ¼
        assert edit.getpixel((101, 51)) == 255
        assert edit.getpixel((298, 148)) == 255
        assert edit.getpixel((98, 48)) == 0
        assert edit.getpixel((302, 152)) == 0
        assert edit.getpixel((450, 200)) == 0


def test_mask_follows_square_padding_and_padding_is_kept() -> None:
    first = load_image(encoded(Image.linear_gradient("L").resize((2000, 1000))), "wide.png")
    prepared = prepare_upload(first, DALL_E_2, index=1)
    placement = prepared.placement
    assert (prepared.upload.width, prepared.upload.height) == (1024, 1024)
    assert placement.size == (1024, 512)
    assert placement.offset == (0, 256)
    mask = box_mask((2000, 1000), (0, 0, 1000, 1000))  # the whole left half
    upload = mask_for_upload(mask, MaskStyle.ALPHA, placement)
    image = opened(upload.data)
    assert image.size == (1024, 1024)
    alpha = image.getchannel("A")
    assert alpha.getpixel((100, 500)) == 0  # the left half, moved down by the padding
    assert alpha.getpixel((900, 500)) == 255
    assert alpha.crop((0, 0, 1024, 256)).getextrema() == (255, 255)  # padding: keep
    assert alpha.crop((0, 768, 1024, 1024)).getextrema() == (255, 255)
    assert alpha.getpixel((100, 257)) == 0


def test_soft_edges_give_intermediate_alpha() -> None:
    gray = Image.new("L", SIZE, 0)
    ImageDraw.Draw(gray).rectangle((50, 20, 149, 79), fill=128)
    first = load_image(encoded(Image.new("RGB", SIZE, "red")), "photo.png")
    placement = prepare_upload(first, UploadLimits(), index=1).placement
    upload = mask_for_upload(mask_from_image(gray), MaskStyle.ALPHA, placement)
    assert opened(upload.data).getpixel((100, 50))[3] == 127


def test_model_without_mask_support() -> None:
    first = load_image(encoded(Image.new("RGB", SIZE, "red")), "photo.png")
    placement = prepare_upload(first, UploadLimits(), index=1).placement
    with pytest.raises(InputError) as caught:
        mask_for_upload(box_mask(), MaskStyle.NONE, placement)
    assert caught.value.kind is ErrorKind.UNSUPPORTED


def test_mask_of_the_wrong_size_is_refused_at_upload() -> None:
    first = load_image(encoded(Image.new("RGB", SIZE, "red")), "photo.png")
    placement = prepare_upload(first, UploadLimits(), index=1).placement
    with pytest.raises(InputError) as caught:
        mask_for_upload(box_mask((50, 50), (0, 0, 10, 10)), MaskStyle.ALPHA, placement)
    assert "50×50" in caught.value.message


def test_mask_image_round_trip() -> None:
    image = Image.linear_gradient("L").resize((64, 32))
    mask = mask_from_image(image, "painted.png")
    assert (mask.width, mask.height, mask.name) == (64, 32, "painted.png")
    assert mask_to_image(mask).tobytes() == image.tobytes()
    assert mask_to_image(mask).mode == "L"
    assert mask_from_image(image.convert("RGB")).png == mask.png
