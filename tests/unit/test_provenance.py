"""Provenance inside result files: PNG iTXt, JPEG XMP, sidecars; never a key or a base URL."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from PIL import ExifTags, Image, PngImagePlugin

from studio import __version__
from studio.domain.errors import InputError
from studio.domain.model_spec import Operation, ProtocolId
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest, Mask
from studio.imaging.provenance import (
    PROVENANCE_KEY,
    XMP_NAMESPACE,
    Provenance,
    embed,
    read,
    read_bytes,
    sidecar_path,
)
from tests.helpers.badfiles import animated_gif, noise, png_chunk

SHA_A = hashlib.sha256(b"reference one").hexdigest()
SHA_B = hashlib.sha256(b"reference two").hexdigest()
SHA_MASK = hashlib.sha256(b"mask").hexdigest()
SHA_SOURCE = hashlib.sha256(b"source").hexdigest()

CHINESE = "一只雪豹站在悬崖上，水墨风格，晨雾"
EMOJI = "a cat 🐱 wearing a hat 🎩, family 👨‍👩‍👧, flag 🇨🇳"
MARKUP = "<studio:provenance>& \"quotes\" 'apos' ]]> </x:xmpmeta> <?xpacket end='w'?>"
CONTROL = "line one\nline two\ttab\r\x00nul\x7f\u2028\ufeff\ufffe\uffff"


def make(**overrides: Any) -> Provenance:
    values: dict[str, Any] = {
        "job_id": "job-0001",
        "created_at": "2025-03-01T12:34:56Z",
        "prompt": "a snow leopard on a cliff",
        "model": "gpt-image-1",
        "protocol": "images",
        "parameters": {
            "operation": "edit",
            "ratio": "3:2",
            "resolution": "2K",
            "size": "1536x1024",
            "n": 2,
            "quality": "high",
            "seed": 42,
            "negative_prompt": "blurry, 模糊",
            "style": "vivid",
            "output_format": "png",
            "background": "transparent",
            "extra": {"guidance": 3.5, "steps": [1, 2], "max_tokens": 5, "keep": True},
        },
        "profile": "Home relay 家",
        "references": [SHA_A, SHA_B],
        "mask": SHA_MASK,
        "source_image": SHA_SOURCE,
    }
    values.update(overrides)
    return Provenance(**values)


def encoded(image: Image.Image, fmt: str, **options: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def png_bytes(**options: Any) -> bytes:
    return encoded(noise((48, 32), seed=3), "PNG", **options)


def jpeg_bytes(**options: Any) -> bytes:
    return encoded(noise((48, 32), seed=4), "JPEG", quality=90, **options)


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """(type, payload) of every chunk, checking each CRC."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, payload = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + payload) & 0xFFFFFFFF == crc, kind
        chunks.append((kind, payload))
        pos += 12 + length
    return chunks


def is_studio_text(chunk: tuple[bytes, bytes]) -> bool:
    kind, payload = chunk
    return kind in (b"iTXt", b"tEXt", b"zTXt") and payload.startswith(b"studio\x00")


def jpeg_segments(data: bytes) -> list[bytes]:
    """Every marker segment before SOS, whole (marker and length included)."""
    segments, pos = [], 2
    while data[pos + 1] != 0xDA:
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        segments.append(data[pos : pos + 2 + length])
        pos += 2 + length
    return segments


def scan(data: bytes) -> bytes:
    """A JPEG from its SOS marker on: the entropy-coded image data (no metadata holds 0xFF DA)."""
    return data[data.index(b"\xff\xda") :]


def studio_xmp(segment: bytes) -> bool:
    return segment[:2] == b"\xff\xe1" and XMP_NAMESPACE.encode() in segment


def decoded(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB").tobytes()


# --- the record ---------------------------------------------------------------------------


def test_defaults_name_the_app_version_and_a_utc_time() -> None:
    record = Provenance(job_id="j", prompt="p", model="m")
    assert record.app == PROVENANCE_KEY == "studio"
    assert record.version == __version__
    assert record.created_at.endswith("Z") and "T" in record.created_at
    assert (record.protocol, record.parameters, record.profile) == (None, {}, "")
    assert (record.references, record.mask, record.source_image) == ([], None, None)


def test_json_round_trip_keeps_every_field() -> None:
    record = make(prompt=CHINESE + EMOJI + MARKUP + CONTROL)
    text = record.to_json()
    assert Provenance.from_json(text) == record
    assert Provenance.from_json(text.encode("utf-8")) == record
    data = json.loads(text)
    assert data["prompt"] == CHINESE + EMOJI + MARKUP + CONTROL
    assert data["references"] == [SHA_A, SHA_B]
    assert set(data) == {f.name for f in dataclasses.fields(Provenance)}


def test_from_json_is_tolerant() -> None:
    text = json.dumps(
        {"prompt": "p", "model": "m", "future_field": {"x": 1}, "mask": None, "app": "studio"}
    )
    record = Provenance.from_json(text)
    assert (record.prompt, record.model, record.job_id, record.created_at) == ("p", "m", "", "")
    assert (record.references, record.parameters, record.mask) == ([], {}, None)


def test_from_json_drops_unknown_secret_looking_top_level_keys() -> None:
    text = json.dumps(
        {"prompt": "p", "model": "m", "api_key": "sk-live-123", "base_url": "https://relay.x"}
    )
    assert "sk-live" not in Provenance.from_json(text).to_json()
    assert "relay.x" not in Provenance.from_json(text).to_json()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "{",
        "null",
        "[]",
        '"a string"',
        "{}",
        '{"prompt": "p"}',
        '{"prompt": null, "model": "m"}',
        '{"prompt": 1, "model": "m"}',
        '{"prompt": "p", "model": "m", "app": "another-tool"}',
        '{"prompt": "p", "model": "m", "parameters": []}',
        '{"prompt": "p", "model": "m", "references": "abc"}',
        '{"prompt": "p", "model": "m", "references": ["not-a-hash"]}',
        '{"prompt": "p", "model": "m", "mask": 5}',
        '{"prompt": "p", "model": "m", "protocol": 7}',
        '{"prompt": "p", "model": "m", "parameters": {"seed": NaN}}',
        "[" * 100_000,
    ],
)
def test_from_json_refuses_garbage(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (any ValueError: the message varies)
        Provenance.from_json(text)


def test_digests_are_normalised_and_checked() -> None:
    record = make(references=(SHA_A.upper(),), mask=SHA_MASK.upper())
    assert record.references == [SHA_A]
    assert record.mask == SHA_MASK
    with pytest.raises(ValueError, match="sha256"):
        make(references=[SHA_A + "\n"])
    with pytest.raises(ValueError, match="sha256"):
        make(source_image="abc")


def test_parameters_are_copied_and_must_be_json() -> None:
    parameters: dict[str, Any] = {"ratio": "1:1", "extra": {"steps": (1, 2)}}
    record = make(parameters=parameters)
    parameters["ratio"] = "16:9"
    assert record.parameters == {"ratio": "1:1", "extra": {"steps": [1, 2]}}
    with pytest.raises(ValueError, match="JSON"):
        make(parameters={"when": object()})
    with pytest.raises(ValueError, match="JSON"):
        make(parameters={"scale": float("inf")})
    with pytest.raises(ValueError, match="Unicode"):
        make(prompt="half a surrogate \ud800")


@pytest.mark.parametrize(
    ("parameters", "kept"),
    [
        ({"api_key": "sk-123"}, {}),
        ({"key": "sk-123"}, {}),
        ({"apiKey": "sk-123"}, {}),
        ({"X-Api-Key": "sk-123"}, {}),
        ({"Authorization": "Bearer sk-123"}, {}),
        ({"token": "abc"}, {}),
        ({"access_token": "abc"}, {}),
        ({"secret": "abc"}, {}),
        ({"client_secret": "abc"}, {}),
        ({"password": "hunter2"}, {}),
        ({"base_url": "https://relay.example.com/v1"}, {}),
        ({"baseURL": "https://relay.example.com/v1"}, {}),
        ({"endpoint": "relay.example.com"}, {}),
        ({"url": "https://relay.example.com/v1"}, {}),
        ({"url": "HTTP://relay.example.com/v1"}, {}),
        ({"image_url": "https://relay.example.com/files/1.png"}, {}),
        ({"notifyHook": "https://relay.example.com/hook"}, {}),
        ({"extra": {"api_key": "sk-123"}}, {"extra": {}}),
        ({"extra": {"headers": {"Authorization": "Bearer sk-123"}}}, {"extra": {"headers": {}}}),
        (
            {"extra": {"list": [{"base_url": "https://relay.example.com"}], "steps": 4}},
            {"extra": {"list": [{}], "steps": 4}},
        ),
        ({"seed": 7, "password": "hunter2"}, {"seed": 7}),
    ],
)
def test_entries_naming_a_secret_or_an_endpoint_are_dropped(
    parameters: dict[str, Any], kept: dict[str, Any]
) -> None:
    """They used to raise ValueError, at export time, after the user had paid: now the entry is
    left out of the record and the rest of the settings kept."""
    assert make(parameters=parameters).parameters == kept
    text = json.dumps({"prompt": "p", "model": "m", "parameters": parameters})
    assert Provenance.from_json(text).parameters == kept


@pytest.mark.parametrize(
    ("parameters", "kept"),
    [
        (
            {"style": "https://user:pass@cdn.example.com/x.png"},
            {"style": "https://***@cdn.example.com/x.png"},
        ),
        (
            {"style": "see https://cdn.example.com/x.png?token=abc"},
            {"style": "see https://cdn.example.com/x.png?token=***"},
        ),
        (
            {"negative_prompt": "no logo from https://x.example/a.png?token=abc123"},
            {"negative_prompt": "no logo from https://x.example/a.png?token=***"},
        ),
        (
            {"extra": {"notes": ["https://cdn.example/a.png?X-Amz-Signature=f00d&x=1"]}},
            {"extra": {"notes": ["https://cdn.example/a.png?X-Amz-Signature=***&x=1"]}},
        ),
    ],
)
def test_values_carrying_a_secret_are_redacted(
    parameters: dict[str, Any], kept: dict[str, Any]
) -> None:
    """These used to raise ValueError too; the one redaction rule now masks the secret part."""
    assert make(parameters=parameters).parameters == kept
    text = json.dumps({"prompt": "p", "model": "m", "parameters": parameters})
    assert Provenance.from_json(text).parameters == kept


def test_a_key_given_to_the_studio_never_reaches_the_parameters() -> None:
    Profile("p", "https://relay.example", api_key="zz-Provenance-Key-4711")
    record = make(parameters={"extra": {"note": "made with zz-Provenance-Key-4711"}})
    assert "zz-Provenance-Key-4711" not in record.to_json()


def test_parameter_keys_must_be_strings() -> None:
    with pytest.raises(ValueError, match="keys must be strings"):
        make(parameters={"extra": {1: "one"}})


def test_a_file_carrying_a_secret_reads_without_it() -> None:
    text = json.dumps({"prompt": "p", "model": "m", "parameters": {"api_key": "sk-1", "seed": 3}})
    data = png_bytes()
    forged = (
        data[:33] + png_chunk(b"iTXt", b"studio\x00\x00\x00\x00\x00" + text.encode()) + data[33:]
    )
    found = read_bytes(forged)
    assert found is not None and found.parameters == {"seed": 3}
    assert "sk-1" not in found.to_json()


def test_ordinary_parameters_are_not_mistaken_for_secrets() -> None:
    parameters = {
        "max_tokens": 100,
        "keep_original": True,
        "url": "not a link",
        "style": "https://cdn.example.com/style.png",
        "negative_prompt": "no api_key, no tokens",
        "author": "me",
    }
    assert make(parameters=parameters).parameters == parameters
    assert make(prompt="put my api_key https://x.example/?token=1 in the sky").prompt


def test_from_request_and_back_to_a_request() -> None:
    request = GenerationRequest(
        prompt="雪豹 🐆",
        model="gpt-image-1",
        protocol=ProtocolId.IMAGES,
        operation=Operation.EDIT,
        ratio="3:2",
        resolution="2K",
        n=3,
        quality="high",
        seed=7,
        negative_prompt="blur",
        style="vivid",
        output_format="webp",
        background="opaque",
        extra={"guidance": 2.5},
    )
    masked = dataclasses.replace(request, mask=Mask(b"mask-png", 8, 8))
    record = Provenance.from_request(
        masked, job_id="job-9", profile="Work", references=[SHA_A], source_image=SHA_SOURCE
    )
    assert (record.prompt, record.model, record.protocol) == ("雪豹 🐆", "gpt-image-1", "images")
    assert record.mask == hashlib.sha256(b"mask-png").hexdigest()
    assert "prompt" not in record.parameters and "model" not in record.parameters
    assert record.parameters["operation"] == "edit" and record.parameters["n"] == 3
    assert (record.references, record.source_image, record.profile) == ([SHA_A], SHA_SOURCE, "Work")
    restored = GenerationRequest(**Provenance.from_json(record.to_json()).request_settings())
    # Restoring never carries `extra`: hidden fields must not steer a request (issue 10).
    assert restored == dataclasses.replace(request, extra={})


def test_request_settings_skip_values_of_the_wrong_type() -> None:
    record = make(protocol="carrier-pigeon", parameters={"n": "two", "seed": True, "ratio": 3})
    assert record.request_settings() == {"prompt": record.prompt, "model": record.model}


# --- PNG -------------------------------------------------------------------------------------


@pytest.mark.parametrize("prompt", [CHINESE, EMOJI, MARKUP, CONTROL, "中" * 30_000, "x" * 30_000])
def test_png_round_trip(prompt: str) -> None:
    record = make(prompt=prompt)
    data, sidecar = embed(png_bytes(), record)
    assert sidecar is None
    assert read_bytes(data) == record
    with Image.open(io.BytesIO(data)) as image:
        assert image.info[PROVENANCE_KEY] == record.to_json()
        assert image.text[PROVENANCE_KEY] == record.to_json()
    with Image.open(io.BytesIO(data)) as image:
        image.verify()


def test_png_chunk_goes_right_after_ihdr_and_nothing_else_changes() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Software", "relay renderer")
    original = encoded(noise((300, 200), seed=5), "PNG", pnginfo=info, optimize=False)
    data, _ = embed(original, make())
    before, after = png_chunks(original), png_chunks(data)
    assert after[0][0] == b"IHDR" and after[1][0] == b"iTXt" and is_studio_text(after[1])
    assert [after[0], *after[2:]] == before  # every other chunk, in order, byte for byte
    assert [c for c in after if c[0] == b"IDAT"] == [c for c in before if c[0] == b"IDAT"]
    assert data.replace(data[33 : 33 + 12 + len(after[1][1])], b"", 1) == original
    assert decoded(data) == decoded(original)


def test_png_embedding_twice_keeps_one_chunk() -> None:
    first, _ = embed(png_bytes(), make(prompt="first"))
    assert embed(first, make(prompt="first"))[0] == first
    second, _ = embed(first, make(prompt="second"))
    assert sum(map(is_studio_text, png_chunks(second))) == 1
    assert read_bytes(second) == make(prompt="second")
    assert len(second) == len(first) + len("second") - len("first")


def test_png_studio_chunks_written_by_other_tools_are_read_and_replaced() -> None:
    record = make(prompt="ascii only")
    for add in (
        lambda info: info.add_text(PROVENANCE_KEY, record.to_json()),  # tEXt
        lambda info: info.add_text(PROVENANCE_KEY, record.to_json(), zip=True),  # zTXt
        lambda info: info.add_itxt(PROVENANCE_KEY, record.to_json(), zip=True),  # iTXt, zlib
    ):
        info = PngImagePlugin.PngInfo()
        add(info)
        data = encoded(noise((16, 16), seed=1), "PNG", pnginfo=info)
        assert read_bytes(data) == record
        replaced, _ = embed(data, make(prompt="新的"))
        assert sum(map(is_studio_text, png_chunks(replaced))) == 1
        assert read_bytes(replaced) == make(prompt="新的")


def test_png_text_after_the_image_data_is_found() -> None:
    original = png_bytes()
    text = make().to_json().encode()
    late = (
        original[:-12] + png_chunk(b"iTXt", b"studio\x00\x00\x00\x00\x00" + text) + original[-12:]
    )
    assert read_bytes(late) == make()


def test_reading_does_not_decode_pixels() -> None:
    data, _ = embed(png_bytes(), make())
    chunks = png_chunks(data)
    broken = b"\x89PNG\r\n\x1a\n" + b"".join(
        png_chunk(kind, b"\x00" * len(payload) if kind == b"IDAT" else payload)
        for kind, payload in chunks
    )
    with pytest.raises(Exception):  # noqa: B017, PT011 (Pillow's error for broken zlib data)
        decoded(broken)
    assert read_bytes(broken) == make()


def test_a_png_that_cannot_be_spliced_falls_back_to_a_sidecar() -> None:
    truncated = png_bytes()[:-20]  # no IEND: splicing could only make it worse
    data, sidecar = embed(truncated, make())
    assert data == truncated
    assert sidecar is not None and Provenance.from_json(sidecar) == make()


# --- JPEG ------------------------------------------------------------------------------------


@pytest.mark.parametrize("prompt", [CHINESE, EMOJI, MARKUP, CONTROL, "x" * 30_000])
def test_jpeg_round_trip(prompt: str) -> None:
    record = make(prompt=prompt)
    original = jpeg_bytes()
    data, sidecar = embed(original, record)
    assert sidecar is None
    assert read_bytes(data) == record
    with Image.open(io.BytesIO(data)) as image:
        assert XMP_NAMESPACE.encode() in image.info["xmp"]
        image.verify()
    assert decoded(data) == decoded(original)
    assert scan(data) == scan(original)


def test_jpeg_segment_goes_after_jfif_and_exif_and_nothing_else_changes() -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "RelayCam"
    original = jpeg_bytes(exif=exif, comment=b"kept")
    data, _ = embed(original, make())
    before, after = jpeg_segments(original), jpeg_segments(data)
    assert before[0][:2] == b"\xff\xe0" and before[1][4:10] == b"Exif\x00\x00"
    assert after[:2] == before[:2] and studio_xmp(after[2])
    assert after[3:] == before[2:]
    assert data[:2] == b"\xff\xd8" and scan(data) == scan(original)
    with Image.open(io.BytesIO(data)) as image:
        assert image.getexif()[ExifTags.Base.Make] == "RelayCam"
        assert image.info["comment"] == b"kept"
        image.load()
    assert decoded(data) == decoded(original)


def test_jpeg_embedding_twice_keeps_one_packet() -> None:
    first, _ = embed(jpeg_bytes(), make(prompt="first"))
    assert embed(first, make(prompt="first"))[0] == first
    second, _ = embed(first, make(prompt="second 第二"))
    assert sum(map(studio_xmp, jpeg_segments(second))) == 1
    assert read_bytes(second) == make(prompt="second 第二")
    assert scan(second) == scan(first)


def test_jpeg_keeps_a_foreign_xmp_packet() -> None:
    foreign = b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x='adobe:ns:meta/'/>"
    original = jpeg_bytes()
    original = (
        original[:20] + b"\xff\xe1" + struct.pack(">H", len(foreign) + 2) + foreign + original[20:]
    )
    data, _ = embed(original, make())
    assert foreign in data
    assert read_bytes(data) == make()


def test_jpeg_too_long_for_a_segment_falls_back_to_a_sidecar(tmp_path: Path) -> None:
    long = make(prompt="中" * 30_000)  # 90 kB of UTF-8: more than one APP1 segment holds
    original = jpeg_bytes()
    data, sidecar = embed(original, long)
    assert data == original
    assert sidecar is not None and Provenance.from_json(sidecar) == long
    # An older embedded record must not outlive the new one.
    older, _ = embed(original, make(prompt="older"))
    data, sidecar = embed(older, long)
    assert data == original and sidecar is not None
    path = tmp_path / "result.jpg"
    path.write_bytes(data)
    sidecar_path(path).write_text(sidecar, encoding="utf-8")
    assert read(path) == long


def test_xmp_rewritten_as_an_attribute_by_another_tool_is_read() -> None:
    record = make(prompt="属性 & <attr>")
    value = record.to_json().replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    packet = (
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description xmlns:st="{XMP_NAMESPACE}" '
        f'st:provenance="{value}"/></rdf:RDF></x:xmpmeta>'
    ).encode()
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + packet
    original = jpeg_bytes()
    data = original[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + original[2:]
    assert read_bytes(data) == record


# --- other formats and sidecars ---------------------------------------------------------------


@pytest.mark.parametrize(
    "original",
    [
        pytest.param(encoded(noise((20, 20), seed=2), "WEBP", quality=80), id="webp"),
        pytest.param(animated_gif(), id="gif"),
        pytest.param(encoded(noise((20, 20), seed=2), "BMP"), id="bmp"),
        pytest.param(b"not an image at all", id="text"),
    ],
)
def test_other_formats_get_a_sidecar(original: bytes, tmp_path: Path) -> None:
    record = make(prompt=CHINESE + EMOJI)
    data, sidecar = embed(original, record)
    assert data == original
    assert sidecar is not None and Provenance.from_json(sidecar) == record
    assert read_bytes(data) is None
    path = tmp_path / "result.bin"
    path.write_bytes(data)
    assert read(path) is None
    sidecar_path(path).write_text(sidecar, encoding="utf-8")
    assert read(path) == record


def test_sidecar_path_keeps_the_whole_name() -> None:
    assert sidecar_path(Path("/a/b/cat.webp")) == Path("/a/b/cat.webp.studio.json")
    assert sidecar_path(Path("cat.gif")) != sidecar_path(Path("cat.webp"))


def test_read_prefers_the_embedded_record_and_ignores_a_bad_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(embed(png_bytes(), make(prompt="inside"))[0])
    sidecar_path(path).write_text(make(prompt="beside").to_json(), encoding="utf-8")
    assert read(path) == make(prompt="inside")
    plain = tmp_path / "plain.png"
    plain.write_bytes(png_bytes())
    sidecar_path(plain).write_bytes(b"\xff\xfe garbage {")
    assert read(plain) is None


def test_unreadable_paths_raise_an_input_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing-image\.png") as missing:
        read(tmp_path / "missing-image.png")
    assert "could not be found" in missing.value.message
    folder = tmp_path / "a-folder.png"
    folder.mkdir()
    with pytest.raises(InputError, match=r"a-folder\.png"):
        read(folder)


# --- damaged and foreign data --------------------------------------------------------------


def itxt(text: bytes, keyword: bytes = b"studio", compressed: bool = False) -> bytes:
    body = zlib.compress(text) if compressed else text
    return png_chunk(b"iTXt", keyword + b"\x00" + bytes([compressed, 0]) + b"\x00\x00" + body)


def with_chunk(chunk: bytes) -> bytes:
    data = png_bytes()
    return data[:33] + chunk + data[33:]


def with_xmp(packet: bytes) -> bytes:
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + packet
    data = jpeg_bytes()
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + data[2:]


GOOD = make().to_json().encode()
NS = XMP_NAMESPACE.encode()


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\x89PNG\r\n\x1a\n", id="png-signature-only"),
        pytest.param(b"\xff\xd8\xff", id="jpeg-soi-only"),
        pytest.param(png_bytes(), id="png-without"),
        pytest.param(jpeg_bytes(), id="jpeg-without"),
        pytest.param(with_chunk(itxt(b"not json")), id="not-json"),
        pytest.param(with_chunk(itxt(b"[1, 2]")), id="json-list"),
        pytest.param(with_chunk(itxt(b'{"prompt": "p"}')), id="no-model"),
        pytest.param(with_chunk(itxt(b'{"app": "other", "prompt": "p", "model": "m"}')), id="app"),
        pytest.param(with_chunk(itxt(b"\xff\xfe\xfd")), id="not-utf8"),
        pytest.param(
            with_chunk(itxt(b"x" * 100, compressed=True)[:-6] + b"\0\0"), id="damaged-zlib-tail"
        ),
        pytest.param(with_chunk(itxt(GOOD)[:-1] + b"\x00"), id="crc-mismatch"),
        pytest.param(with_chunk(itxt(GOOD, keyword=b"studio-other")), id="other-keyword"),
        pytest.param(with_chunk(png_chunk(b"iTXt", b"studio\x00\x01")), id="short-itxt"),
        pytest.param(with_chunk(png_chunk(b"iTXt", b"studio\x00\x01\x00" + b"zz")), id="bad-zlib"),
        pytest.param(with_chunk(png_chunk(b"zTXt", b"studio\x00\x00" + b"zz")), id="bad-ztxt"),
        pytest.param(with_chunk(itxt(b" " * (20 * 1024 * 1024), compressed=True)), id="zlib-bomb"),
        pytest.param(png_bytes()[:40] + b"\xff\xff\xff\xffiTXt", id="huge-length"),
        pytest.param(with_chunk(itxt(GOOD))[:60], id="truncated-chunk"),
        pytest.param(with_xmp(b"<x/>"), id="xmp-foreign"),
        pytest.param(with_xmp(b'xmlns:studio="' + NS + b'"'), id="xmp-no-property"),
        pytest.param(
            with_xmp(b'xmlns:s="' + NS + b'"><s:provenance>{oops</s:provenance>'), id="xmp-bad"
        ),
        pytest.param(
            with_xmp(b'xmlns:s="' + NS + b'"><s:provenance>\xff\xfe</s:provenance>'), id="xmp-bin"
        ),
        pytest.param(b"\xff\xd8\xff\xe1\x00\x01", id="jpeg-bad-length"),
        pytest.param(b"\xff\xd8\xff\xe1\xff\xf0http://ns.adobe.com/xap/1.0/\x00", id="jpeg-short"),
        pytest.param(b"\xff\xd8\x00\x00\x00", id="jpeg-no-marker"),
        pytest.param(b"<html>not an image</html>", id="html"),
    ],
)
def test_damaged_or_foreign_data_reads_as_none(data: bytes, tmp_path: Path) -> None:
    assert read_bytes(data) is None
    path = tmp_path / "file.img"
    path.write_bytes(data)
    assert read(path) is None


def test_embedding_into_a_damaged_jpeg_changes_nothing() -> None:
    broken = b"\xff\xd8\xff\xe0\x00\x10JFIF"  # a segment that runs past the end
    assert embed(broken, make()) == (broken, make().to_json())
