"""What relays send back: base64 in every dress, data URLs, markdown links, validated bytes."""

from __future__ import annotations

import base64
import hashlib
import io
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image

from studio.domain.errors import ErrorKind, RelayError
from studio.imaging import (
    decode_base64_image,
    find_image_links,
    parse_data_url,
    validate_result,
)
from tests.helpers.badfiles import animated_gif, bomb_png, noise, truncated_png


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


# Bytes whose base64 has "+" and "/" (and "-", "_" in the URL-safe alphabet) and needs padding.
PAYLOAD = bytes(range(256)) + b"\xfb\xff\xfe" + b"x"
STANDARD = base64.b64encode(PAYLOAD).decode()
URL_SAFE = base64.urlsafe_b64encode(PAYLOAD).decode()


def wrapped(text: str, width: int = 76, newline: str = "\n") -> str:
    return newline.join(text[i : i + width] for i in range(0, len(text), width))


@pytest.mark.parametrize(
    "text",
    [
        STANDARD,
        URL_SAFE,
        STANDARD.rstrip("="),
        URL_SAFE.rstrip("="),
        "data:image/png;base64," + STANDARD,
        "DATA:image/jpeg;base64," + URL_SAFE.rstrip("="),
        "data:image/webp;charset=utf-8;base64," + STANDARD,
        wrapped(STANDARD),
        wrapped(URL_SAFE.rstrip("="), 64, "\r\n"),
        "data:image/png;base64,\n" + wrapped(STANDARD) + "\n",
        "  " + STANDARD + "  \n",
        " ".join(STANDARD[i : i + 10] for i in range(0, len(STANDARD), 10)),
    ],
)
def test_base64_variants_round_trip(text: str) -> None:
    assert "+" in STANDARD
    assert "/" in STANDARD
    assert STANDARD.endswith("=")
    assert decode_base64_image(text) == PAYLOAD


def test_base64_of_a_real_image_round_trips() -> None:
    png = encoded(noise((64, 64), seed=9), "PNG")
    assert decode_base64_image(base64.urlsafe_b64encode(png).decode().rstrip("=")) == png


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "not base64 at all!",
        "QUJD$RA==",
        "A",
        "QUJDR",  # one character too many for a base64 group
        "data:image/png;base64,",
        "data:image/png;base64",
        "<html><body>502 Bad Gateway</body></html>",
        '{"error": {"message": "quota"}}',
    ],
)
def test_base64_garbage_is_refused_plainly(text: str) -> None:
    with pytest.raises(RelayError) as caught:
        decode_base64_image(text)
    assert caught.value.kind is ErrorKind.BAD_RESULT
    assert caught.value.message == "The relay sent an image that could not be decoded."
    assert caught.value.__suppress_context__ or caught.value.__context__ is None


def test_parse_data_url() -> None:
    assert parse_data_url("data:image/png;base64," + STANDARD) == ("image/png", PAYLOAD)
    assert parse_data_url("data:Image/JPEG;base64," + URL_SAFE) == ("image/jpeg", PAYLOAD)
    assert parse_data_url("data:,Hello%2C%20World%21") == ("text/plain", b"Hello, World!")
    assert parse_data_url("data:text/plain;charset=utf-8,a%00b") == ("text/plain", b"a\x00b")


@pytest.mark.parametrize("url", ["https://x/y.png", "data:image/png;base64", "", "data:;base64,@@"])
def test_bad_data_url(url: str) -> None:
    with pytest.raises(RelayError) as caught:
        parse_data_url(url)
    assert caught.value.kind is ErrorKind.BAD_RESULT


def test_markdown_and_bare_links_in_order_without_duplicates() -> None:
    text = (
        "Here you go! ![result 1](https://cdn.example/a/1.png)\n"
        "Also see https://cdn.example/b/2.jpg?sig=abc&exp=1. And a page https://example.com/about.\n"
        '![second](<https://cdn.example/c/3 with space.webp> "the title")\n'
        "![](data:image/png;base64,iVBORw0KGgo=)\n"
        "![dup](https://cdn.example/a/1.png)\n"
        "![no ext](https://files.example/get?id=7 'title')\n"
        "![relative](images/local.png)\n"
        "Bare again: https://cdn.example/a/1.png, and https://cdn.example/d/4.GIF\n"
        "(https://cdn.example/e/5.jpeg) https://cdn.example/f/6.png#frag "
        "https://cdn.example/g/not-image.txt https://cdn.example/h/7.webp?x=1&y=2"
    )
    assert find_image_links(text) == [
        "https://cdn.example/a/1.png",
        "https://cdn.example/c/3 with space.webp",
        "data:image/png;base64,iVBORw0KGgo=",
        "https://files.example/get?id=7",
        "https://cdn.example/b/2.jpg?sig=abc&exp=1",
        "https://cdn.example/d/4.GIF",
        "https://cdn.example/e/5.jpeg",
        "https://cdn.example/f/6.png#frag",
        "https://cdn.example/h/7.webp?x=1&y=2",
    ]


def test_no_links() -> None:
    assert find_image_links("I cannot draw that, sorry.") == []
    assert find_image_links("") == []


@pytest.mark.parametrize(
    "text",
    ["![" * 50_000, "![a](" * 50_000, "![a](<" * 50_000, "![a](x " * 50_000, '![a](x "' * 50_000],
)
def test_hostile_markdown_is_scanned_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    find_image_links(text)
    assert time.perf_counter() - started < 1.0


def test_unclosed_markdown_before_a_real_image() -> None:
    text = "![broken](https://a/x.png ![ok](https://b/y.png)"
    assert find_image_links(text) == ["https://b/y.png", "https://a/x.png"]


def test_huge_markdown_data_url_is_found_quickly() -> None:
    data = base64.b64encode(encoded(noise((1000, 1000), seed=1), "PNG")).decode()
    url = "data:image/png;base64," + data
    assert find_image_links(f"![image]({url})") == [url]


@pytest.mark.parametrize(
    ("fmt", "mime", "extension", "options"),
    [
        ("PNG", "image/png", "png", {}),
        ("JPEG", "image/jpeg", "jpg", {"quality": 90}),
        ("WEBP", "image/webp", "webp", {"quality": 80}),
        ("GIF", "image/gif", "gif", {}),
    ],
)
def test_valid_results_keep_their_bytes(
    fmt: str, mime: str, extension: str, options: dict[str, object]
) -> None:
    data = encoded(noise((120, 80), seed=2), fmt, **options)
    result = validate_result(data)
    assert result.data is data
    assert (result.mime, result.extension) == (mime, extension)
    assert (result.width, result.height) == (120, 80)
    assert result.sha256 == hashlib.sha256(data).hexdigest()


def test_format_is_sniffed_not_trusted() -> None:
    jpeg = encoded(Image.new("RGB", (10, 10), "red"), "JPEG")
    labelled = "data:image/png;base64," + base64.b64encode(jpeg).decode()
    claimed, data = parse_data_url(labelled)
    assert claimed == "image/png"
    result = validate_result(data)
    assert (result.mime, result.extension) == ("image/jpeg", "jpg")
    assert result.data == jpeg


def test_animated_gif_result_is_accepted_as_is() -> None:
    data = animated_gif()
    result = validate_result(data)
    assert result.data == data
    assert result.mime == "image/gif"


def test_validating_from_several_threads() -> None:
    blobs = [encoded(noise((150, 100), seed=i), fmt) for i, fmt in enumerate(["PNG", "JPEG"] * 6)]
    blobs += [b"<html><title>x</title></html>", truncated_png()]

    def check(data: bytes) -> object:
        try:
            return validate_result(data)
        except RelayError as error:
            return error.message

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(check, blobs)) == [check(b) for b in blobs]


def test_empty_result() -> None:
    with pytest.raises(RelayError) as caught:
        validate_result(b"")
    assert caught.value.kind is ErrorKind.BAD_RESULT
    assert "empty" in caught.value.message


def test_web_page_instead_of_image() -> None:
    page = (
        b"<!DOCTYPE html>\n<html><head><title>520: Web server is returning an unknown error"
        b"</title></head><body><h1>Oops</h1></body></html>"
    )
    with pytest.raises(RelayError) as caught:
        validate_result(page)
    assert caught.value.message == "The relay sent a web page instead of an image."
    assert caught.value.relay_message == "520: Web server is returning an unknown error"
    assert "<" not in caught.value.full_text()


def test_json_instead_of_image() -> None:
    body = b'{"error": {"message": "Insufficient quota (request id: 42)", "type": "x"}}'
    with pytest.raises(RelayError) as caught:
        validate_result(body)
    assert caught.value.message == "The relay sent text instead of an image."
    assert caught.value.relay_message == "Insufficient quota (request id: 42)"


def test_plain_text_instead_of_image() -> None:
    with pytest.raises(RelayError) as caught:
        validate_result(b"Internal Server Error")
    assert caught.value.message == "The relay sent text instead of an image."


def test_binary_garbage() -> None:
    with pytest.raises(RelayError) as caught:
        validate_result(bytes(range(256)) * 4)
    assert caught.value.message == "The relay sent something that is not an image."


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated_results_are_detected(cut: float) -> None:
    for data in (
        encoded(noise((200, 200), seed=3), "PNG"),
        encoded(noise((200, 200), seed=3), "JPEG", quality=90),
        encoded(noise((200, 200), seed=3), "WEBP", quality=90),
    ):
        with pytest.raises(RelayError) as caught:
            validate_result(data[: int(len(data) * cut)])
        assert caught.value.message == "The relay sent a damaged or incomplete image."
    with pytest.raises(RelayError):
        validate_result(truncated_png())


def test_too_many_pixels_checked_from_the_header() -> None:
    with pytest.raises(RelayError) as caught:
        validate_result(bomb_png())
    assert "too large" in caught.value.message
    data = encoded(Image.new("RGB", (100, 100), "red"), "PNG")
    assert validate_result(data, max_pixels=10_000).width == 100
    with pytest.raises(RelayError) as caught:
        validate_result(data, max_pixels=9_999)
    assert "too large" in caught.value.message


def test_result_in_a_format_not_shown_as_it_is_gets_a_png_copy_and_keeps_its_bytes() -> None:
    sent = encoded(Image.new("RGB", (10, 8), "red"), "BMP")
    validated = validate_result(sent)
    assert (validated.mime, validated.width, validated.height) == ("image/png", 10, 8)
    assert validated.original is not None and validated.original.data == sent
    assert (validated.original.format, validated.original.extension) == ("BMP", "bmp")
    with Image.open(io.BytesIO(validated.data)) as copy:
        assert copy.format == "PNG" and copy.getpixel((0, 0))[:3] == (255, 0, 0)


def test_result_in_a_format_nothing_here_reads_is_named() -> None:
    pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    with pytest.raises(RelayError) as caught:
        validate_result(pdf)
    assert "PDF" in caught.value.message


@pytest.mark.parametrize(
    ("document", "size"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect/></svg>',
            (640, 480),
        ),
        (
            b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
            b'viewBox="0 0 300 200" width="100%"></svg>',
            (300, 200),
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>', (1024, 1024)),
    ],
)
def test_an_svg_result_is_kept_as_the_vector_it_is(document: bytes, size: tuple[int, int]) -> None:
    validated = validate_result(document)
    assert (validated.mime, validated.extension) == ("image/svg+xml", "svg")
    assert (validated.width, validated.height) == size
    assert validated.data == document and validated.original is None


def test_a_cut_off_svg_is_damaged_not_a_result() -> None:
    with pytest.raises(RelayError):
        validate_result(b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect')


def test_damaged_png_header_is_damaged_not_huge() -> None:
    garbage = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR garbage, not an image at all"
    with pytest.raises(RelayError) as caught:
        validate_result(garbage)
    assert "damaged" in caught.value.message or "not an image" in caught.value.message


def test_large_base64_decodes_in_chunks_exactly() -> None:
    import base64
    import os

    from studio.imaging.results import BASE64_CHUNK

    data = os.urandom(3 * BASE64_CHUNK + 12345)
    encoded = base64.b64encode(data)
    assert decode_base64_image(encoded) == data
    assert decode_base64_image(base64.urlsafe_b64encode(data).rstrip(b"=").decode()) == data
    broken = encoded[: 2 * BASE64_CHUNK] + b"!" + encoded[2 * BASE64_CHUNK + 1 :]
    with pytest.raises(RelayError):
        decode_base64_image(broken)


def _rechunked_png(data: bytes, damage) -> bytes:
    """``data`` with its IDAT payload passed through ``damage`` and every CRC recomputed."""
    import struct
    import zlib

    from tests.helpers.badfiles import png_chunk

    chunks, position, idat = [], 8, b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        payload = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IDAT":
            idat += payload
            if b"IDAT" not in [k for k, _ in chunks]:
                chunks.append((kind, b""))
        else:
            chunks.append((kind, payload))
    out = data[:8]
    for kind, payload in chunks:
        out += png_chunk(kind, damage(idat) if kind == b"IDAT" else payload)
    assert zlib.crc32(b"IEND") & 0xFFFFFFFF == struct.unpack(">I", out[-4:])[0]
    return out


def _broken_deflate(stream: bytes) -> bytes:
    """The zlib stream's first half kept, then a deflate block of the reserved type 3: every
    inflater stops there with an error, while the header and the first rows look fine."""
    import zlib

    raw = zlib.decompress(stream)
    packer = zlib.compressobj(6)
    head = packer.compress(raw[: len(raw) // 2]) + packer.flush(zlib.Z_FULL_FLUSH)
    return head + b"\x06" + b"\x00" * 64


def test_png_with_valid_checksums_but_corrupt_zlib_data_is_damaged() -> None:
    original = encoded(noise((160, 120), seed=4), "PNG")
    assert validate_result(_rechunked_png(original, lambda idat: idat)).width == 160
    corrupt = _rechunked_png(original, _broken_deflate)
    with Image.open(io.BytesIO(corrupt)) as image:
        image.verify()  # every chunk checksum is right: only decoding notices
    with pytest.raises(RelayError) as caught:
        validate_result(corrupt)
    assert caught.value.kind is ErrorKind.BAD_RESULT
    assert caught.value.message == "The relay sent a damaged or incomplete image."


def test_png_whose_zlib_data_ends_early_or_flips_a_byte_is_damaged() -> None:
    original = encoded(noise((96, 64), seed=5), "PNG")
    for damage in (
        lambda idat: idat[: len(idat) * 2 // 3],  # cut short, CRC recomputed
        lambda idat: idat[:-4] + bytes(4),  # Adler-32 of the pixels no longer matches
        lambda idat: idat[:2] + b"\xff" * 32 + idat[34:],  # garbage in the middle
    ):
        with pytest.raises(RelayError) as caught:
            validate_result(_rechunked_png(original, damage))
        assert caught.value.kind is ErrorKind.BAD_RESULT


@pytest.mark.parametrize(
    ("mode", "options"),
    [
        ("RGB", {}),
        ("RGBA", {}),
        ("L", {}),
        ("LA", {}),
        ("P", {}),
        ("1", {}),
        ("I;16", {}),
        ("RGB", {"interlace": 1}),  # Pillow writes Adam7 only when asked (and reads it back)
    ],
)
def test_every_kind_of_valid_png_passes_the_full_check(mode: str, options: dict) -> None:
    image = noise((37, 23), seed=6).convert(mode) if mode != "I;16" else Image.new("I;16", (37, 23))
    data = encoded(image, "PNG", **options)
    result = validate_result(data)
    assert (result.width, result.height, result.mime) == (37, 23, "image/png")
