"""Preparing uploads: metadata gone, limits respected, ratio kept, square padding undistorted."""

from __future__ import annotations

import hashlib
import io
import struct
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image, ImageChops, PngImagePlugin

from studio.domain.errors import InputError
from studio.domain.model_spec import UploadLimits
from studio.imaging import (
    LoadedImage,
    Placement,
    PreparedImage,
    image_to_data_url,
    load_image,
    parse_data_url,
    prepare_upload,
)
from studio.imaging.uploads import choose_format
from tests.helpers.badfiles import big_photo, make_bad_inputs, noise

DALL_E_2 = UploadLimits(
    max_bytes=4_000_000, max_side=1024, max_pixels=1024 * 1024, formats=("png",), square=True
)
JPEG_KEYS = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi"}


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> LoadedImage:
    files = make_bad_inputs(tmp_path_factory.mktemp("uploads"))
    return load_image(files["big_photo"], "big_photo.jpg")


@pytest.fixture(scope="module")
def big_default(big: LoadedImage) -> PreparedImage:
    return prepare_upload(big, UploadLimits(), index=1)


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def assert_no_metadata(data: bytes) -> None:
    image = opened(data)
    assert len(image.getexif()) == 0
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "photoshop"):
        assert key not in image.info
    assert set(image.info) <= JPEG_KEYS
    assert getattr(image, "text", {}) == {}
    if image.format == "PNG":
        assert set(png_chunks(data)) <= {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
    elif image.format == "JPEG":
        # APP0 (JFIF) only: no APP1 (EXIF, XMP), APP2 (ICC), APP13 (IPTC), COM
        assert set(jpeg_markers(data)) <= {0xE0, 0xDB, 0xC0, 0xC2, 0xC4, 0xDD}


def png_chunks(data: bytes) -> list[bytes]:
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        chunks.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return chunks


def jpeg_markers(data: bytes) -> list[int]:
    """The segment markers before the image data (SOS)."""
    markers, pos = [], 2
    while data[pos + 1] != 0xDA:
        markers.append(data[pos + 1])
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        pos += 2 + length
    return markers


def test_big_photo_upload_has_no_exif_or_gps(big_default: PreparedImage) -> None:
    original = big_photo()
    assert 0xE1 in jpeg_markers(original)  # the source does carry EXIF
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # with GPS
    upload = big_default.upload
    assert_no_metadata(upload.data)
    assert b"StudioTestCam" not in upload.data
    assert opened(upload.data).getexif().get_ifd(0x8825) == {}


def test_big_photo_is_downscaled_keeping_upright_ratio(
    big: LoadedImage, big_default: PreparedImage
) -> None:
    upload, placement = big_default.upload, big_default.placement
    assert (upload.width, upload.height) == (2731, 4096)
    assert opened(upload.data).size == (2731, 4096)
    assert abs(upload.width / upload.height - 4000 / 6000) < 1 / upload.height
    assert placement.source_size == (4000, 6000)
    assert placement.offset == (0, 0)
    assert placement.canvas_size == placement.size == (2731, 4096)
    assert upload.filename == "ref-1.jpg"
    assert upload.mime == "image/jpeg"
    assert opened(upload.data).format == "JPEG"
    assert upload.sha256 == hashlib.sha256(upload.data).hexdigest()
    assert len(upload.data) <= UploadLimits().max_bytes
    notes = {n.code: n for n in big_default.notes}
    assert "downscaled" in notes
    message = notes["downscaled"].message
    assert "big_photo.jpg" in message
    assert "4000×6000" in message
    assert "2731×4096" in message
    assert big.image.size == (4000, 6000)  # the loaded image itself is untouched


def test_png_metadata_is_stripped() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Somebody Private")
    info.add_itxt("Comment", "secret location", zip=True)
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (1.0, 2.0, 3.0)}
    data = encoded(Image.new("RGB", (50, 40), "red"), "PNG", pnginfo=info, exif=exif)
    assert {b"tEXt", b"iTXt", b"eXIf"} <= set(png_chunks(data))
    prepared = prepare_upload(load_image(data, "meta.png"), UploadLimits(), index=2)
    assert prepared.upload.filename == "ref-2.png"
    assert_no_metadata(prepared.upload.data)
    assert b"Somebody" not in prepared.upload.data


def test_jpeg_with_xmp_and_icc_is_stripped() -> None:
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">private</x:xmpmeta>'
    data = encoded(Image.new("RGB", (30, 30), "green"), "JPEG", icc_profile=icc, xmp=xmp)
    prepared = prepare_upload(load_image(data, "x.jpg"), UploadLimits(), index=1)
    assert_no_metadata(prepared.upload.data)
    assert b"xmpmeta" not in prepared.upload.data


def test_small_image_is_never_upscaled() -> None:
    loaded = load_image(encoded(Image.new("RGB", (64, 32), "red"), "PNG"), "s.png")
    prepared = prepare_upload(loaded, UploadLimits(), index=1)
    assert (prepared.upload.width, prepared.upload.height) == (64, 32)
    assert prepared.placement.scale == 1.0
    assert prepared.notes == ()


@pytest.mark.parametrize(
    ("limits", "expected"),
    [
        (UploadLimits(max_side=500), (500, 250)),
        (UploadLimits(max_pixels=20_000), (200, 100)),
        (UploadLimits(max_side=300, max_pixels=20_000), (200, 100)),
        (UploadLimits(max_side=999, max_pixels=10**8), (999, 500)),
    ],
)
def test_downscale_fits_side_and_pixels(limits: UploadLimits, expected: tuple[int, int]) -> None:
    loaded = load_image(encoded(Image.new("RGB", (2000, 1000), "red"), "PNG"), "wide.png")
    prepared = prepare_upload(loaded, limits, index=1)
    size = (prepared.upload.width, prepared.upload.height)
    assert size == expected
    assert max(size) <= limits.max_side
    assert size[0] * size[1] <= limits.max_pixels
    assert opened(prepared.upload.data).size == size


@pytest.mark.parametrize(
    ("mode", "source", "formats", "expected"),
    [
        ("RGBA", "PNG", ("png", "jpeg", "webp"), "png"),
        ("RGB", "PNG", ("png", "jpeg", "webp"), "png"),
        ("RGB", "JPEG", ("png", "jpeg", "webp"), "jpeg"),
        ("RGB", "WEBP", ("png", "jpeg", "webp"), "jpeg"),
        ("RGB", "PNG", ("jpeg",), "jpeg"),
        ("RGB", "JPEG", ("webp",), "webp"),
        ("RGBA", "PNG", ("jpg", "webp"), "webp"),  # transparency kept when PNG is not allowed
        ("RGBA", "PNG", ("jpeg",), "jpeg"),
    ],
)
def test_format_choice(
    mode: str, source: str, formats: tuple[str, ...], expected: str, tmp_path: Path
) -> None:
    color = (200, 10, 10, 128) if mode == "RGBA" else (200, 10, 10)
    data = encoded(Image.new(mode, (20, 20), color), source)
    loaded = load_image(data, "f")
    limits = UploadLimits(formats=formats)
    assert choose_format(loaded.has_alpha, loaded.source_format, limits) == expected
    upload = prepare_upload(loaded, limits, index=3).upload
    real = opened(upload.data).format
    assert real == {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}[expected]
    assert upload.filename == f"ref-3.{ {'png': 'png', 'jpeg': 'jpg', 'webp': 'webp'}[expected] }"
    assert upload.mime == f"image/{expected}"


def test_transparency_flattened_for_jpeg_only_models() -> None:
    image = Image.new("RGBA", (20, 20), (0, 0, 0, 0))
    image.paste((0, 0, 255, 255), (0, 0, 10, 20))
    prepared = prepare_upload(
        load_image(encoded(image, "PNG"), "t.png"), UploadLimits(formats=("jpeg",)), index=1
    )
    flat = opened(prepared.upload.data)
    assert flat.mode == "RGB"
    assert min(flat.getpixel((15, 10))) > 240  # transparent became white
    assert "flattened" in [n.code for n in prepared.notes]


def test_alpha_is_kept_in_png_upload() -> None:
    image = Image.new("RGBA", (20, 20), (255, 0, 0, 0))
    image.paste((0, 0, 255, 255), (0, 0, 10, 20))
    prepared = prepare_upload(load_image(encoded(image, "PNG"), "a.png"), UploadLimits(), index=1)
    back = opened(prepared.upload.data)
    assert back.mode == "RGBA"
    assert back.getpixel((15, 5))[3] == 0
    assert back.getpixel((5, 5)) == (0, 0, 255, 255)


def test_square_padding_keeps_original_pixels_undistorted() -> None:
    source = noise((300, 200), seed=3)
    loaded = load_image(encoded(source, "PNG"), "wide.png")
    prepared = prepare_upload(loaded, DALL_E_2, index=1)
    upload, placement = prepared.upload, prepared.placement
    assert (upload.width, upload.height) == (300, 300)
    assert placement.offset == (0, 50)
    assert placement.size == (300, 200)
    assert placement.canvas_size == (300, 300)
    assert upload.filename == "ref-1.png"
    back = opened(upload.data)
    assert back.mode == "RGBA"  # dall-e-2 wants RGBA
    inner = back.crop(placement.box).convert("RGB")
    assert ImageChops.difference(inner, source).getbbox() is None  # exact, not resampled
    top = back.crop((0, 0, 300, 50))
    bottom = back.crop((0, 250, 300, 300))
    assert top.getchannel("A").getextrema() == (0, 0)
    assert bottom.getchannel("A").getextrema() == (0, 0)
    assert back.crop(placement.box).getchannel("A").getextrema() == (255, 255)
    assert "padded_square" in [n.code for n in prepared.notes]


def test_square_padding_after_downscale(big: LoadedImage) -> None:
    prepared = prepare_upload(big, DALL_E_2, index=1)
    placement = prepared.placement
    assert (prepared.upload.width, prepared.upload.height) == (1024, 1024)
    assert placement.size == (683, 1024)
    assert placement.offset == (170, 0)
    assert len(prepared.upload.data) <= DALL_E_2.max_bytes
    back = opened(prepared.upload.data)
    assert back.getpixel((10, 500))[3] == 0  # padding is transparent
    assert back.getpixel((500, 500))[3] == 255
    assert back.getpixel((170 + 680, 5))[0] > 200  # the red corner, top right, undistorted
    assert {"downscaled", "padded_square"} <= {n.code for n in prepared.notes}


def test_square_source_is_not_padded() -> None:
    loaded = load_image(encoded(Image.new("RGB", (400, 400), "red"), "PNG"), "sq.png")
    prepared = prepare_upload(loaded, DALL_E_2, index=1)
    assert prepared.placement.offset == (0, 0)
    assert prepared.placement.canvas_size == (400, 400)
    assert opened(prepared.upload.data).mode == "RGBA"
    assert "padded_square" not in [n.code for n in prepared.notes]


def test_max_bytes_png_steps_down_size() -> None:
    loaded = load_image(encoded(noise((800, 400), seed=4), "PNG"), "noisy.png")
    limits = UploadLimits(max_bytes=200_000, formats=("png",))
    prepared = prepare_upload(loaded, limits, index=1)
    upload = prepared.upload
    assert len(upload.data) <= limits.max_bytes
    assert upload.width < 800
    assert abs(upload.width / upload.height - 2) < 0.02
    assert "downscaled" in [n.code for n in prepared.notes]


def test_max_bytes_jpeg_steps_down_quality_first() -> None:
    loaded = load_image(encoded(noise((600, 400), seed=5), "JPEG", quality=95), "noisy.jpg")
    at_92 = len(prepare_upload(loaded, UploadLimits(), index=1).upload.data)
    limits = UploadLimits(max_bytes=int(at_92 * 0.85))
    prepared = prepare_upload(loaded, limits, index=1)
    assert len(prepared.upload.data) <= limits.max_bytes
    assert (prepared.upload.width, prepared.upload.height) == (600, 400)  # size kept
    assert [n.code for n in prepared.notes] == ["compressed"]


def test_max_bytes_jpeg_then_size() -> None:
    loaded = load_image(encoded(noise((600, 400), seed=5), "JPEG", quality=95), "noisy.jpg")
    limits = UploadLimits(max_bytes=40_000)
    prepared = prepare_upload(loaded, limits, index=1)
    assert len(prepared.upload.data) <= limits.max_bytes
    assert prepared.upload.width < 600
    assert abs(prepared.upload.width / prepared.upload.height - 1.5) < 0.02
    assert {"compressed", "downscaled"} <= {n.code for n in prepared.notes}


def test_impossible_byte_limit_names_the_file() -> None:
    loaded = load_image(encoded(noise((64, 64), seed=6), "PNG"), "tiny.png")
    with pytest.raises(InputError) as caught:
        prepare_upload(loaded, UploadLimits(max_bytes=10), index=1)
    assert "tiny.png" in caught.value.message
    assert "upload limit" in caught.value.message


def test_data_url_round_trip() -> None:
    loaded = load_image(encoded(Image.new("RGB", (8, 8), "red"), "PNG"), "r.png")
    upload = prepare_upload(loaded, UploadLimits(), index=1).upload
    url = image_to_data_url(upload)
    assert url.startswith("data:image/png;base64,")
    assert parse_data_url(url) == ("image/png", upload.data)


def test_preparing_one_image_from_several_threads() -> None:
    loaded = load_image(encoded(noise((450, 300), seed=8), "PNG"), "shared.png")
    limits = [UploadLimits(max_side=side) for side in (150, 250, 450)] * 3 + [DALL_E_2] * 3

    def prepare(limit: UploadLimits) -> tuple[str, tuple[int, int]]:
        prepared = prepare_upload(loaded, limit, index=1)
        return prepared.upload.sha256, prepared.placement.canvas_size

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(prepare, limits)) == [prepare(limit) for limit in limits]
    assert loaded.image.info == {}
    assert loaded.image.size == (450, 300)


def test_imaging_never_imports_qt() -> None:
    code = (
        "import sys, studio.imaging, tests.helpers.badfiles; "
        "sys.exit(any(m.split('.')[0] in ('PySide6', 'qasync') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root, check=False).returncode == 0


def test_placement_size_can_be_derived() -> None:
    placement = Placement((4000, 6000), 0.6826666666666666, (0, 0), (2731, 4096))
    assert placement.size == (2731, 4096)
    assert placement.box == (0, 0, 2731, 4096)
