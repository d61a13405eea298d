"""Gallery thumbnails: small, upright, WebP, written atomically, fast on big sources."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import ExifTags, Image, ImageDraw, JpegImagePlugin

from studio.domain.errors import InputError
from studio.imaging.thumbnails import THUMBNAIL_SIZES, make_thumbnail
from tests.helpers.badfiles import animated_gif, cmyk_jpeg, noise, png16_gray_ramp, truncated_png


def write(path: Path, image: Image.Image, fmt: str, **options: Any) -> Path:
    image.save(path, fmt, **options)
    return path


def opened(path: Path) -> Image.Image:
    data = path.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    with Image.open(io.BytesIO(data)) as check:
        check.verify()
    image = Image.open(io.BytesIO(data))
    assert image.format == "WEBP"
    image.load()
    return image


def near(pixel: tuple[int, ...], expected: tuple[int, ...], tolerance: int = 24) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True))


def test_sizes() -> None:
    assert THUMBNAIL_SIZES == (256, 512)


@pytest.mark.parametrize("size", THUMBNAIL_SIZES)
@pytest.mark.parametrize(
    ("source_size", "fmt"),
    [((1000, 500), "PNG"), ((300, 900), "JPEG"), ((777, 777), "WEBP"), ((1600, 1200), "GIF")],
)
def test_longer_side_is_the_size_and_the_ratio_is_kept(
    tmp_path: Path, size: int, source_size: tuple[int, int], fmt: str
) -> None:
    width, height = source_size
    image = Image.linear_gradient("L").resize(source_size).convert("RGB")
    source = write(tmp_path / f"source.{fmt.lower()}", image, fmt)
    result = opened(make_thumbnail(source, tmp_path / "thumb.webp", size))
    assert max(result.size) == size
    assert result.width / result.height == pytest.approx(width / height, rel=0.01)
    assert result.mode == "RGB"


def test_never_upscales(tmp_path: Path) -> None:
    source = write(tmp_path / "small.png", noise((100, 50), seed=1), "PNG")
    assert opened(make_thumbnail(source, tmp_path / "t.webp", 512)).size == (100, 50)


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    stored = Image.new("RGB", (400, 200), (0, 0, 255))
    stored.paste((255, 0, 0), (0, 0, 200, 200))  # the stored left half is red
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # shown turned 90° clockwise: red on top
    source = write(tmp_path / "photo.jpg", stored, "JPEG", quality=95, exif=exif)
    result = opened(make_thumbnail(source, tmp_path / "t.webp", 256)).convert("RGB")
    assert result.size == (128, 256)
    assert near(result.getpixel((64, 32)), (255, 0, 0))
    assert near(result.getpixel((64, 224)), (0, 0, 255))


def test_transparency_is_kept(tmp_path: Path) -> None:
    image = Image.new("RGBA", (600, 300), (255, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((300, 0, 599, 299), fill=(0, 128, 0, 255))
    source = write(tmp_path / "alpha.png", image, "PNG")
    result = opened(make_thumbnail(source, tmp_path / "t.webp", 256))
    assert result.mode == "RGBA" and result.size == (256, 128)
    assert result.getpixel((20, 64))[3] == 0
    assert near(result.getpixel((230, 64)), (0, 128, 0, 255))


@pytest.mark.parametrize(
    ("name", "data", "mode"),
    [
        ("cmyk.jpg", cmyk_jpeg(), "RGB"),
        ("gray16.png", png16_gray_ramp(), "RGB"),
        ("animated.gif", animated_gif(), "RGB"),
    ],
)
def test_unusual_sources_become_rgb(tmp_path: Path, name: str, data: bytes, mode: str) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    result = opened(make_thumbnail(source, tmp_path / "t.webp", 256))
    assert result.mode == mode


def test_palette_with_transparency_keeps_alpha(tmp_path: Path) -> None:
    image = Image.new("P", (300, 300), 0)
    image.putpalette([255, 255, 255, 200, 0, 0] + [0] * 762)
    ImageDraw.Draw(image).rectangle((150, 0, 299, 299), fill=1)
    source = write(tmp_path / "palette.png", image, "PNG", transparency=0)
    result = opened(make_thumbnail(source, tmp_path / "t.webp", 256))
    assert result.mode == "RGBA"
    assert result.getpixel((10, 10))[3] == 0
    assert near(result.getpixel((250, 10)), (200, 0, 0, 255))


def test_big_jpeg_uses_draft_and_is_fast(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    image = Image.linear_gradient("L").resize((4096, 4096)).convert("RGB")
    source = write(tmp_path / "big.jpg", image, "JPEG", quality=85)
    drafts: list[tuple[int, int]] = []
    draft = JpegImagePlugin.JpegImageFile.draft

    def spy(self: JpegImagePlugin.JpegImageFile, mode: str | None, size: Any) -> Any:
        drafts.append(size)
        return draft(self, mode, size)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    started = time.perf_counter()
    result = opened(make_thumbnail(source, tmp_path / "t.webp", 256))
    elapsed = time.perf_counter() - started
    assert result.size == (256, 256)
    assert drafts and max(drafts[0]) <= 1024  # decoded at 1/4 scale or smaller
    assert elapsed < 2.0
    assert near(result.getpixel((128, 2)), (0, 0, 0), 40)
    assert near(result.getpixel((128, 253)), (255, 255, 255), 40)


def test_big_png_is_reasonably_fast(tmp_path: Path) -> None:
    image = Image.linear_gradient("L").resize((4096, 4096)).convert("RGB")
    source = write(tmp_path / "big.png", image, "PNG", compress_level=1)
    started = time.perf_counter()
    result = opened(make_thumbnail(source, tmp_path / "t.webp", 512))
    assert time.perf_counter() - started < 3.0
    assert result.size == (512, 512)


def test_written_atomically_with_no_temporary_file_left(tmp_path: Path) -> None:
    source = write(tmp_path / "source.png", noise((200, 100), seed=2), "PNG")
    folder = tmp_path / "cache" / "256"  # created on demand
    destination = make_thumbnail(source, folder / "abc.webp", 256)
    assert destination == folder / "abc.webp"
    assert os.listdir(folder) == ["abc.webp"]
    opened(destination)
    make_thumbnail(source, destination, 64)  # replacing an existing thumbnail
    assert os.listdir(folder) == ["abc.webp"]
    assert opened(destination).size == (64, 32)


def test_the_destination_appears_only_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write(tmp_path / "source.png", noise((200, 100), seed=2), "PNG")
    destination = tmp_path / "t.webp"
    destination.write_bytes(b"old thumbnail")
    seen: list[tuple[bytes, bytes]] = []
    replace = os.replace

    def checking_replace(src: str, dst: str) -> None:
        assert Path(src).parent == destination.parent  # same folder: an atomic rename
        seen.append((Path(src).read_bytes(), destination.read_bytes()))
        replace(src, dst)

    monkeypatch.setattr(os, "replace", checking_replace)
    make_thumbnail(source, destination, 128)
    ((new, old),) = seen
    assert old == b"old thumbnail"  # untouched until the rename
    assert new == destination.read_bytes() and new[:4] == b"RIFF"


def test_a_failed_write_leaves_the_old_file_and_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write(tmp_path / "source.png", noise((200, 100), seed=2), "PNG")
    folder = tmp_path / "thumbs"
    folder.mkdir()
    destination = folder / "t.webp"
    destination.write_bytes(b"old thumbnail")

    def failing_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space"):
        make_thumbnail(source, destination, 128)
    assert os.listdir(folder) == ["t.webp"]
    assert destination.read_bytes() == b"old thumbnail"


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("truncated.png", truncated_png(), "damaged"),
        ("notes.png", b"These are my notes, not a picture.\n" * 4, "not an image"),
        ("empty.png", b"", "empty"),
        (
            "cut.jpg",
            b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00",
            "damaged",
        ),
    ],
)
def test_unreadable_sources_raise_an_input_error_naming_the_file(
    tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    with pytest.raises(InputError) as caught:
        make_thumbnail(source, tmp_path / "t.webp", 256)
    assert name in caught.value.message and words in caught.value.message
    assert not (tmp_path / "t.webp").exists()


def test_a_missing_source_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"gone\.png.*could not be found"):
        make_thumbnail(tmp_path / "gone.png", tmp_path / "t.webp", 256)


def test_size_must_be_positive(tmp_path: Path) -> None:
    source = write(tmp_path / "source.png", noise((20, 10), seed=2), "PNG")
    with pytest.raises(ValueError, match="positive"):
        make_thumbnail(source, tmp_path / "t.webp", 0)
