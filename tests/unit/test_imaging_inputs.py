"""Loading user images: every bad file is refused by name, difficult files load right."""

from __future__ import annotations

import io
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from studio.domain.errors import ErrorKind, InputError
from studio.imaging import LoadedImage, inputs, load_image
from tests.helpers.badfiles import (
    bomb_png,
    make_bad_inputs,
    make_image,
    png16_rgb_ramp,
    raw_png,
)

BAD = ("zero_byte", "text_as_png", "truncated_png", "bomb")
PYTHON_WORDS = ("Traceback", "Error:", "errno", "PIL", "cannot identify", "Errno", "struct")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_bad_inputs(tmp_path_factory.mktemp("inputs"))


@pytest.fixture(scope="module")
def big(files: dict[str, Path]) -> LoadedImage:
    return load_image(files["big_photo"], "big_photo.jpg")


def assert_plain_error(error: InputError, name: str) -> None:
    assert error.kind is ErrorKind.INVALID_INPUT
    assert name in error.message
    for word in PYTHON_WORDS:
        assert word not in error.message
    assert error.__cause__ is None
    assert error.__suppress_context__ or error.__context__ is None


def near(pixel: object, expected: tuple[int, ...], tolerance: int) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True))


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


@pytest.mark.parametrize("key", BAD)
def test_bad_file_is_refused_by_name(files: dict[str, Path], key: str) -> None:
    path = files[key]
    with pytest.raises(InputError) as caught:
        load_image(path, path.name)
    assert_plain_error(caught.value, path.name)


@pytest.mark.parametrize("key", BAD)
def test_bad_bytes_are_refused_by_display_name(files: dict[str, Path], key: str) -> None:
    with pytest.raises(InputError) as caught:
        load_image(files[key].read_bytes(), "Pasted image 3")
    assert_plain_error(caught.value, "Pasted image 3")


def test_messages_say_what_is_wrong(files: dict[str, Path]) -> None:
    def message(key: str) -> str:
        with pytest.raises(InputError) as caught:
            load_image(files[key], files[key].name)
        return caught.value.message

    assert "empty" in message("zero_byte")
    assert "not an image" in message("text_as_png")
    assert "damaged or incomplete" in message("truncated_png")
    assert "20000×20000" in message("bomb")
    assert "too large" in message("bomb")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_image(tmp_path / "gone.png", "gone.png")
    assert_plain_error(caught.value, "gone.png")
    assert "could not be found" in caught.value.message


def test_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_image(tmp_path, "photos")
    assert_plain_error(caught.value, "photos")
    assert "folder" in caught.value.message


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_image(tmp_path / "locked.png", (4, 4), "red")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError) as caught:
        load_image(path, "locked.png")
    assert_plain_error(caught.value, "locked.png")
    assert "not allowed to read" in caught.value.message


def test_huge_file_is_not_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_image(tmp_path / "movie.png", (64, 64), "red")
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 100)
    with pytest.raises(InputError) as caught:
        load_image(path, "movie.png")
    assert_plain_error(caught.value, "movie.png")
    assert "too large a file" in caught.value.message


def test_str_path_is_accepted(tmp_path: Path) -> None:
    path = make_image(tmp_path / "a.png", (3, 2), "red")
    assert load_image(str(path), "a.png").image.size == (3, 2)


def test_html_named_png_is_not_an_image() -> None:
    with pytest.raises(InputError) as caught:
        load_image(b"<!DOCTYPE html><html><title>502</title></html>", "result.png")
    assert "not an image" in caught.value.message


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64, "HEIC"),
        (b"8BPS\x00\x01" + b"\x00" * 64, "PSD"),
        (b"%PDF-1.7\n" + b"\x00" * 64, "PDF"),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "SVG"),
    ],
)
def test_unsupported_format_is_named(data: bytes, shown: str) -> None:
    with pytest.raises(InputError) as caught:
        load_image(data, "scan.x")
    assert_plain_error(caught.value, "scan.x")
    assert shown in caught.value.message
    assert "cannot read" in caught.value.message


def test_unsupported_format_pillow_could_read() -> None:
    data = encoded(Image.new("RGB", (16, 16), "red"), "ICO")
    with pytest.raises(InputError) as caught:
        load_image(data, "favicon.ico")
    assert "ICO" in caught.value.message


def test_bomb_is_refused_before_pillow_opens_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("Pillow must not see a bomb")

    monkeypatch.setattr(Image, "open", forbidden)
    with pytest.raises(InputError) as caught:
        load_image(bomb_png(), "bomb.png")
    assert "too large" in caught.value.message


def test_webp_bomb_is_refused_from_its_header() -> None:
    vp8x = b"VP8X" + struct.pack("<I", 10) + b"\x00" * 4
    vp8x += (20000 - 1).to_bytes(3, "little") + (20000 - 1).to_bytes(3, "little")
    data = b"RIFF" + struct.pack("<I", 4 + len(vp8x)) + b"WEBP" + vp8x
    with pytest.raises(InputError) as caught:
        load_image(data, "huge.webp")
    assert "20000×20000" in caught.value.message


def test_pillow_bomb_error_is_turned_into_an_input_error() -> None:
    # Our limit is raised above Pillow's hard limit (2 × 89 MP): Pillow's own check refuses it.
    with pytest.raises(InputError) as caught:
        load_image(bomb_png(15000, 15000), "bomb.png", max_pixels=10**9)
    assert "too large" in caught.value.message


def test_pillow_bomb_warning_never_escapes() -> None:
    # 95 MP passes our raised limit and is above Pillow's warning limit; with warnings as
    # errors, an escaping DecompressionBombWarning would surface as "too large" here.
    with pytest.raises(InputError) as caught:
        load_image(bomb_png(10000, 9500), "bomb.png", max_pixels=10**9)
    assert "damaged or incomplete" in caught.value.message


def test_configurable_pixel_limit() -> None:
    data = encoded(Image.new("RGB", (100, 60), "red"), "PNG")
    assert load_image(data, "a.png", max_pixels=6000).image.size == (100, 60)
    with pytest.raises(InputError) as caught:
        load_image(data, "a.png", max_pixels=5999)
    assert "100×60" in caught.value.message


def test_truncated_jpeg_is_detected() -> None:
    data = encoded(Image.effect_noise((256, 256), 80).convert("RGB"), "JPEG", quality=90)
    with pytest.raises(InputError) as caught:
        load_image(data[: len(data) * 2 // 3], "cut.jpg")
    assert "damaged or incomplete" in caught.value.message
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_png_with_bad_crc_is_detected() -> None:
    data = bytearray(encoded(Image.new("RGB", (32, 32), "red"), "PNG"))
    idat = data.index(b"IDAT")
    data[idat + 6] ^= 0xFF  # a flipped byte inside the compressed pixels
    with pytest.raises(InputError) as caught:
        load_image(bytes(data), "crc.png")
    assert "damaged" in caught.value.message


def test_cmyk_jpeg_is_converted(files: dict[str, Path]) -> None:
    assert b"Adobe" in files["cmyk_jpeg"].read_bytes()  # Adobe-style inverted CMYK
    loaded = load_image(files["cmyk_jpeg"], "cmyk.jpg")
    assert loaded.image.mode == "RGB"
    assert loaded.source_format == "JPEG"
    red, blue = loaded.image.getpixel((8, 16)), loaded.image.getpixel((56, 16))
    assert near(red, (255, 0, 0), 15)
    assert near(blue, (0, 0, 255), 15)
    assert [n.code for n in loaded.notes] == ["converted_cmyk"]


def test_16_bit_gray_png_is_scaled_not_clipped(files: dict[str, Path]) -> None:
    loaded = load_image(files["png16"], "gray16.png")
    assert loaded.image.mode == "RGB"
    for x in (0, 1, 64, 128, 200, 254, 255):
        value = loaded.image.getpixel((x, 4))
        assert value[0] == value[1] == value[2]
        assert abs(value[0] - x) <= 1, (x, value)
    assert [n.code for n in loaded.notes] == ["reduced_16bit"]


def test_16_bit_rgb_png_keeps_its_colours() -> None:
    loaded = load_image(png16_rgb_ramp(), "rgb16.png")
    for x in (0, 100, 255):
        assert near(loaded.image.getpixel((x, 0)), (x, 128, 0), 1)
    assert "reduced_16bit" in [n.code for n in loaded.notes]


def test_animated_gif_gives_its_first_frame(files: dict[str, Path]) -> None:
    loaded = load_image(files["animated_gif"], "animated.gif")
    assert loaded.image.getpixel((16, 16))[:3] == (255, 0, 0)
    assert loaded.source_format == "GIF"
    assert [n.code for n in loaded.notes] == ["first_frame"]


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_animated_png_and_webp_give_their_first_frame(fmt: str) -> None:
    frames = [Image.new("RGB", (16, 16), c) for c in ((0, 200, 0), (200, 0, 0), (0, 0, 200))]
    options = {"lossless": True} if fmt == "WEBP" else {}
    data = encoded(frames[0], fmt, save_all=True, append_images=frames[1:], **options)
    loaded = load_image(data, f"anim.{fmt.lower()}")
    assert loaded.image.getpixel((8, 8))[:3] == (0, 200, 0)
    assert "first_frame" in [n.code for n in loaded.notes]


def test_still_gif_has_no_note() -> None:
    loaded = load_image(encoded(Image.new("P", (8, 8)), "GIF"), "still.gif")
    assert loaded.notes == ()


def test_exif_orientation_is_applied(big: LoadedImage) -> None:
    # Stored 6000×4000 with a red top-left corner; orientation 6 turns it 90° clockwise.
    assert big.image.size == (4000, 6000)
    assert big.image.getpixel((3900, 100))[0] > 240
    assert big.image.getpixel((3900, 100))[1] < 20
    assert big.image.getpixel((100, 100)) != big.image.getpixel((3900, 100))
    assert "exif_rotated" in [n.code for n in big.notes]
    assert big.source_bytes > 25_000_000


def test_small_exif_rotation_180() -> None:
    image = Image.new("RGB", (40, 20), "blue")
    image.paste((255, 0, 0), (0, 0, 10, 10))
    exif = Image.Exif()
    exif[0x0112] = 3
    loaded = load_image(encoded(image, "JPEG", quality=95, exif=exif), "turned.jpg")
    assert loaded.image.size == (40, 20)
    assert loaded.image.getpixel((35, 15))[0] > 230


def test_loaded_image_is_plain_loaded_and_without_metadata(big: LoadedImage) -> None:
    assert type(big.image) is Image.Image  # not tied to a file any more
    assert big.image.info == {}
    assert big.image.mode == "RGB"


@pytest.mark.parametrize(
    ("mode", "color", "expected_mode"),
    [
        ("L", 77, "RGB"),
        ("1", 1, "RGB"),
        ("LA", (77, 128), "RGBA"),
        ("RGBA", (1, 2, 3, 255), "RGB"),  # fully opaque alpha is dropped
        ("RGBA", (1, 2, 3, 100), "RGBA"),
        ("I;16", 65535, "RGB"),
    ],
)
def test_modes_become_rgb_or_rgba(mode: str, color: object, expected_mode: str) -> None:
    data = encoded(Image.new(mode, (8, 8), color), "PNG")
    assert load_image(data, "m.png").image.mode == expected_mode


def test_palette_transparency_is_kept() -> None:
    image = Image.new("P", (8, 8), 0)
    image.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    image.paste(1, (0, 0, 4, 8))
    loaded = load_image(encoded(image, "PNG", transparency=0), "pal.png")
    assert loaded.image.mode == "RGBA"
    assert loaded.image.getpixel((1, 1)) == (0, 0, 255, 255)
    assert loaded.image.getpixel((6, 1))[3] == 0


def test_gray_16_bit_with_white_is_not_all_white() -> None:
    raw = b"".join(struct.pack(">H", v) for v in (0, 16384, 32768, 65535))
    loaded = load_image(raw_png(4, 1, 16, 0, raw), "g.png")
    assert [loaded.image.getpixel((x, 0))[0] for x in range(4)] == [0, 64, 128, 255]


def test_other_input_formats_load() -> None:
    image = Image.new("RGB", (10, 6), (10, 200, 30))
    for fmt in ("BMP", "TIFF", "WEBP"):
        options = {"lossless": True} if fmt == "WEBP" else {}
        loaded = load_image(encoded(image, fmt, **options), f"x.{fmt.lower()}")
        assert loaded.source_format == fmt
        assert loaded.image.getpixel((3, 3)) == (10, 200, 30)


def test_loading_from_several_threads(files: dict[str, Path]) -> None:
    keys = ["cmyk_jpeg", "png16", "animated_gif"] * 4 + list(BAD)

    def attempt(key: str) -> tuple[str, object]:
        try:
            return key, load_image(files[key], key).image.tobytes()
        except InputError as error:
            return key, error.message

    with ThreadPoolExecutor(max_workers=6) as pool:
        parallel = list(pool.map(attempt, keys))
    assert parallel == [attempt(key) for key in keys]


def test_crafted_bomb_has_valid_crc() -> None:
    data = bomb_png()
    length = struct.unpack(">I", data[8:12])[0]
    chunk = data[12 : 16 + length]
    (crc,) = struct.unpack(">I", data[16 + length : 20 + length])
    assert chunk[:4] == b"IHDR"
    assert zlib.crc32(chunk) & 0xFFFFFFFF == crc
    assert struct.unpack(">II", chunk[4:12]) == (20000, 20000)
    assert len(data) < 10_000
