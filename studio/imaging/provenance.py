"""Where an image came from, written inside the file (or next to it) and read back.

The relay's original bytes are never re-encoded: provenance goes into a PNG ``iTXt`` chunk or a
JPEG XMP ``APP1`` segment, spliced in between the existing chunks/segments. Other formats (and
anything too big or too damaged to splice safely) get a sidecar ``<name>.studio.json``.

Provenance never holds a key or a base URL: only the profile *name*, and parameters without
entries named like either, their values passed through the one redaction rule.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from studio import __version__
from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.model_spec import Operation, ProtocolId
from studio.domain.notice import Notice
from studio.domain.redact import redact
from studio.domain.request import (
    BACKGROUNDS,
    BLEND_DIMENSIONS,
    COMPRESSION_RANGE,
    FRAME_COUNT_MIN,
    FRAME_DURATION_RANGE,
    INPUT_FIDELITIES,
    MODERATIONS,
    OUTPUT_FORMATS,
    RESOLUTIONS,
    SEED_MAX,
    SEQUENTIAL,
    GenerationRequest,
)
from studio.domain.setting_words import SETTING_WORDS

__all__ = [
    "PROVENANCE_KEY",
    "SIDECAR_SUFFIX",
    "XMP_NAMESPACE",
    "Provenance",
    "embed",
    "read",
    "read_bytes",
    "sidecar_path",
]

PROVENANCE_KEY = "studio"
SIDECAR_SUFFIX = f".{PROVENANCE_KEY}.json"
XMP_NAMESPACE = "https://studio.invalid/ns/provenance/1.0/"

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_TEXT_CHUNKS = (b"iTXt", b"tEXt", b"zTXt")
_PNG_KEYWORD = PROVENANCE_KEY.encode("latin-1") + b"\x00"
_XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
_JPEG_MAX_SEGMENT = 65535  # the length field counts itself: 65533 bytes of payload at most
_MAX_TEXT_BYTES = 16 * 1024 * 1024  # a provenance chunk or sidecar bigger than this is not ours
_SHA256 = re.compile(r"[0-9a-f]{64}")


# --- the record ---------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True, kw_only=True)
class Provenance:
    """How an image was made. Construct with keywords; invalid data raises ValueError; secrets
    in ``parameters`` are left out or redacted. ``parameters`` is copied (through JSON) so the
    record never shares state."""

    app: str = PROVENANCE_KEY
    version: str = __version__
    job_id: str
    created_at: str = field(default_factory=_now)  # ISO 8601, UTC
    prompt: str
    model: str
    protocol: str | None = None
    parameters: dict[str, Any] = field(default_factory=dict)
    profile: str = ""  # the profile's name, never its key or base URL
    references: list[str] = field(default_factory=list)  # sha256 hex of each reference, in order
    mask: str | None = None  # sha256 hex of the mask
    source_image: str | None = None  # sha256 hex of the image this one was derived from

    def __post_init__(self) -> None:
        for name in ("app", "version", "job_id", "created_at", "prompt", "model", "profile"):
            _require(isinstance(getattr(self, name), str), f"{name} must be a string")
        _require(self.app == PROVENANCE_KEY, f"app must be {PROVENANCE_KEY!r}")
        _require(self.protocol is None or isinstance(self.protocol, str), "bad protocol")
        _require(isinstance(self.parameters, dict), "parameters must be a dict")
        _require(
            isinstance(self.references, list | tuple) and not isinstance(self.references, str),
            "references must be a list of sha256 hex digests",
        )
        object.__setattr__(self, "parameters", _clean_parameters(self.parameters))
        object.__setattr__(self, "references", [_digest(h, "reference") for h in self.references])
        for name in ("mask", "source_image"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, _digest(value, name))
        try:
            self.to_json().encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("provenance text must be valid Unicode") from None

    def to_json(self) -> str:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> Provenance:
        """Tolerant reading: unknown keys are ignored, missing optional ones take defaults.
        ValueError when ``text`` is not a provenance record."""
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise ValueError("provenance is not valid JSON") from None
        _require(isinstance(data, dict), "provenance must be a JSON object")
        for name in ("prompt", "model"):
            _require(name in data, f"provenance has no {name}")
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known and v is not None}
        values.setdefault("job_id", "")
        values.setdefault("created_at", "")
        values.setdefault("version", "")
        try:
            return cls(**values)
        except TypeError:  # a required field was null
            raise ValueError("provenance lacks a required field") from None

    @classmethod
    def from_request(
        cls,
        request: GenerationRequest,
        *,
        job_id: str,
        profile: str,
        references: Sequence[str] = (),
        protocol: str | None = None,
        source_image: str | None = None,
        created_at: str | None = None,
    ) -> Provenance:
        """The record for ``request``: ``references`` are the sha256 digests of its reference
        images (the caller has their bytes); ``protocol`` the one actually used, when resolved."""
        parameters = request.parameters()
        for name in ("prompt", "model", "protocol"):
            parameters.pop(name, None)
        used = protocol if protocol is not None else request.protocol
        return cls(
            job_id=job_id,
            created_at=created_at or _now(),
            prompt=request.prompt,
            model=request.model,
            protocol=None if used is None else str(used),
            parameters=parameters,
            profile=profile,
            references=list(references),
            mask=hashlib.sha256(request.mask.png).hexdigest() if request.mask else None,
            source_image=source_image,
        )

    def request_settings(self) -> dict[str, Any]:
        """Keyword arguments for :class:`GenerationRequest` that restore these settings (no
        references or mask: those are files the caller finds by their digests). Only the
        studio's own settings, each held to what a typed option may be; anything else is left
        out (:meth:`restore` says what)."""
        return self.restore()[0]

    def restore(self) -> tuple[dict[str, Any], list[Notice]]:
        """:meth:`request_settings` and a note for each saved value that was left out.

        A file can say anything: restoring never carries ``extra`` (relay fields the studio
        would send unseen), an operation that needs a Midjourney task, or a value of the wrong
        type or outside a closed set. What is kept is checked again like typed input when the
        request is planned."""
        settings: dict[str, Any] = {"prompt": self.prompt, "model": self.model}
        left_out: list[tuple[str, Any]] = []
        if self.protocol is not None:
            if self.protocol in {p.value for p in ProtocolId}:
                settings["protocol"] = ProtocolId(self.protocol)
            else:
                left_out.append(("protocol", self.protocol))
        params = self.parameters
        operation = params.get("operation")
        if operation in _RESTORABLE_OPERATIONS:
            settings["operation"] = Operation(operation)
        elif operation is not None and operation not in _FOLLOW_UPS:
            left_out.append(("operation", operation))  # a follow-up is made anew, not restored
        for name, valid in _CHECKS.items():
            if name not in params or params[name] is None:
                continue
            value = params[name]
            if not valid(value):
                left_out.append((name, value))
            elif name == "resolution":
                settings[name] = value.strip().upper()
            else:
                settings[name] = value
        notes = [
            Notice(
                "setting_left_out",
                MSG_SETTING_LEFT_OUT,
                {"setting": SETTING_WORDS.get(name, name), "value": _shown(value)},
            )
            for name, value in left_out
        ]
        extra = params.get("extra")
        if extra:
            names = list(extra) if isinstance(extra, dict) else ["extra"]
            shown = ", ".join(_shown(str(name), 30) for name in names[:5])
            notes.append(
                Notice(
                    "extra_left_out",
                    MSG_EXTRA_LEFT_OUT,
                    {"names": shown + (", …" if len(names) > 5 else "")},
                )
            )
        return settings, notes


MSG_SETTING_LEFT_OUT = QT_TRANSLATE_NOOP(
    WARNINGS, "The image's saved {setting} ({value}) is not a value the studio takes: left out."
)
MSG_EXTRA_LEFT_OUT = QT_TRANSLATE_NOOP(
    WARNINGS,
    "The image's extra relay fields ({names}) were not restored: only the studio's own "
    "settings are.",
)
_FOLLOW_UPS = frozenset(
    {Operation.MJ_ACTION.value, Operation.MJ_CHANGE.value, Operation.MJ_MODAL.value}
)
_RESTORABLE_OPERATIONS = frozenset(o.value for o in Operation) - _FOLLOW_UPS
_SHORT_TEXT = 200  # ratio, size, quality, style: nothing a model offers is longer


def _text(limit: int | None = _SHORT_TEXT) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, str) and (limit is None or len(value) <= limit)


def _one_of(choices: Sequence[str], *, upper: bool = False) -> Callable[[Any], bool]:
    def valid(value: Any) -> bool:
        return isinstance(value, str) and (value.strip().upper() if upper else value) in choices

    return valid


def _flag(value: Any) -> bool:
    return isinstance(value, bool)


def _whole(low: int, high: int) -> Callable[[Any], bool]:
    def valid(value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high

    return valid


# The same checks a typed option gets before the plan sees it (argparse's types and choices).
_CHECKS: dict[str, Callable[[Any], bool]] = {
    "ratio": _text(),
    "resolution": _one_of(RESOLUTIONS, upper=True),
    "size": _text(),
    "n": _whole(1, 100),
    "quality": _text(),
    "seed": _whole(0, SEED_MAX),
    "negative_prompt": _text(None),
    "style": _text(),
    "output_format": _one_of(OUTPUT_FORMATS),
    "background": _one_of(BACKGROUNDS),
    "blend_dimensions": _one_of(BLEND_DIMENSIONS),
    "input_fidelity": _one_of(INPUT_FIDELITIES),
    "output_compression": _whole(*COMPRESSION_RANGE),
    "moderation": _one_of(MODERATIONS),
    "complexity": _text(),  # model-dependent words: the plan checks them against the model
    "frame_count": _whole(FRAME_COUNT_MIN, 1000),
    "frame_duration_ms": _whole(*FRAME_DURATION_RANGE),
    "thinking": _text(),
    "sequential": _one_of(SEQUENTIAL),
    "max_images": _whole(1, 100),
    "watermark": _flag,
    "safety_tolerance": _whole(0, 100),
}


def _shown(value: Any, limit: int = 40) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(message)


def _digest(value: object, name: str) -> str:
    if not isinstance(value, str) or not _SHA256.fullmatch(value.lower()):
        raise ValueError(f"{name} must be a sha256 hex digest")
    return value.lower()


# --- no secrets, no endpoints ---------------------------------------------------------------

_SECRET_WORDS = frozenset(
    {
        "key",
        "apikey",
        "token",
        "secret",
        "password",
        "passwd",
        "authorization",
        "auth",
        "bearer",
        "credential",
        "credentials",
        "cookie",
    }
)
_ENDPOINT_NAMES = frozenset(
    {"base_url", "baseurl", "api_base", "api_url", "endpoint", "host", "proxy", "relay"}
)
_LINK_WORDS = frozenset({"url", "uri", "link", "hook", "webhook", "callback"})
_HTTP = re.compile(r"^\s*https?://", re.IGNORECASE)


def _words(key: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", key).lower()
    return [w for w in re.split(r"[^a-z0-9]+", spaced) if w]


def _refused_entry(key: str, value: object) -> bool:
    """The entry names a key, a token or an endpoint: it has no place in a file."""
    words = _words(key)
    if any(w in _SECRET_WORDS for w in words) or "_".join(words) in _ENDPOINT_NAMES:
        return True
    return isinstance(value, str) and bool(_HTTP.match(value)) and any(
        w in _LINK_WORDS for w in words
    )


def _check_secrets(value: object, where: str) -> object:
    """``value`` without secrets: entries whose name is a key, token or endpoint left out, and
    every string passed through the one redaction rule (a link's ``?token=``, a URL's
    ``user:password@``, a key the studio was given). Never raises for a secret: this runs at
    export time, after the user paid. ValueError only when a dict key is not a string."""
    if isinstance(value, dict):
        kept: dict[str, Any] = {}
        for key, item in value.items():
            _require(isinstance(key, str), f"{where} keys must be strings")
            if not _refused_entry(key, item):
                kept[key] = _check_secrets(item, f"{where}.{key}")
        return kept
    if isinstance(value, list | tuple):
        return [_check_secrets(item, where) for item in value]
    if isinstance(value, str):
        return redact(value)
    return value


def _clean_parameters(parameters: dict[str, Any]) -> dict[str, Any]:
    cleaned = _check_secrets(parameters, "parameters")
    try:
        text = json.dumps(cleaned, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        raise ValueError("parameters must be JSON-serialisable") from None
    copy: dict[str, Any] = json.loads(text)
    return copy


# --- writing ---------------------------------------------------------------------------------


def sidecar_path(path: Path) -> Path:
    """``photo.webp`` → ``photo.webp.studio.json``, next to it."""
    return path.with_name(path.name + SIDECAR_SUFFIX)


def embed(data: bytes, provenance: Provenance) -> tuple[bytes, str | None]:
    """(bytes with ``provenance`` inside, None), or (bytes without any stale studio metadata,
    the JSON to write at :func:`sidecar_path`) when the format cannot carry it. Pixel data and
    every other chunk or segment are kept byte for byte."""
    text = provenance.to_json()
    if data.startswith(_PNG_SIGNATURE):
        embedded = _png_embed(data, text)
        if embedded is not None:
            return embedded, None
    elif data.startswith(b"\xff\xd8\xff"):
        segments = _jpeg_segments(data)
        if segments is not None:
            packet = _xmp_segment(text)
            return _jpeg_splice(data, segments, packet), (None if packet else text)
    return data, text


def _png_chunks(data: bytes) -> list[tuple[int, int, bytes]] | None:
    """(start, end, type) of each chunk up to IEND; None when the layout is broken."""
    chunks: list[tuple[int, int, bytes]] = []
    pos = len(_PNG_SIGNATURE)
    while pos + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if end > len(data):
            return None
        chunks.append((pos, end, kind))
        pos = end
        if kind == b"IEND":
            return chunks
    return None


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(payload, zlib.crc32(kind)) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def _png_embed(data: bytes, text: str) -> bytes | None:
    chunks = _png_chunks(data)
    if not chunks or chunks[0][2] != b"IHDR":
        return None
    # keyword, no compression (flag 0, method 0), no language tag, no translated keyword
    payload = _PNG_KEYWORD + b"\x00\x00" + b"\x00\x00" + text.encode("utf-8")
    parts = [data[: chunks[0][1]], _png_chunk(b"iTXt", payload)]
    for start, end, kind in chunks[1:]:
        if kind in _PNG_TEXT_CHUNKS and data.startswith(_PNG_KEYWORD, start + 8):
            continue  # an older studio chunk: replaced
        parts.append(data[start:end])
    parts.append(data[chunks[-1][1] :])  # whatever follows IEND stays too
    return b"".join(parts)


def _jpeg_segments(data: bytes) -> list[tuple[int, int, int]] | None:
    """(start, end, marker) of each segment after SOI and before SOS; None when broken."""
    segments: list[tuple[int, int, int]] = []
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte: belongs to the next marker
            pos += 1
            continue
        if marker == 0xDA:
            segments.append((pos, pos, marker))  # sentinel: everything from here is kept as is
            return segments
        if marker in (0x00, 0xD8, 0xD9) or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            return None  # no metadata segment looks like this before the scan
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        end = pos + 2 + length
        if length < 2 or end > len(data):
            return None
        segments.append((pos, end, marker))
        pos = end
    return None


def _is_studio_xmp(segment: bytes) -> bool:
    body = segment[4:]
    return body.startswith(_XMP_HEADER) and XMP_NAMESPACE.encode("ascii") in body


def _is_header_segment(segment: bytes) -> bool:
    """APP0 (JFIF, JFXX) and an Exif APP1 stay first: some readers only look there."""
    marker = segment[1]
    return marker == 0xE0 or (marker == 0xE1 and segment[4:10] == b"Exif\x00\x00")


def _xmp_segment(text: str) -> bytes | None:
    """The APP1 segment holding ``text`` in an XMP packet; None when it exceeds 64 KB."""
    value = escape(text.replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff"))
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="" xmlns:studio="{XMP_NAMESPACE}">'
        f"<studio:provenance>{value}</studio:provenance>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    payload = _XMP_HEADER + packet.encode("utf-8")
    if len(payload) + 2 > _JPEG_MAX_SEGMENT:
        return None
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def _jpeg_splice(data: bytes, segments: list[tuple[int, int, int]], packet: bytes | None) -> bytes:
    """SOI, the header segments, ``packet``, the other segments (minus older studio XMP), then
    everything from SOS on, untouched."""
    kept = [data[start:end] for start, end, _ in segments[:-1]]
    kept = [s for s in kept if not (s[1] == 0xE1 and _is_studio_xmp(s))]
    first = 0
    while first < len(kept) and _is_header_segment(kept[first]):
        first += 1
    inserted = [packet] if packet else []
    return b"".join([data[:2], *kept[:first], *inserted, *kept[first:], data[segments[-1][0] :]])


# --- reading ---------------------------------------------------------------------------------

_BAD_DATA = (ValueError, struct.error, zlib.error, RecursionError, MemoryError)


def read_bytes(data: bytes) -> Provenance | None:
    """The provenance embedded in PNG or JPEG ``data``; None when there is none or it is
    damaged. Never decodes pixels."""
    try:
        return _embedded(io.BytesIO(data))
    except _BAD_DATA:
        return None


def read(path: Path) -> Provenance | None:
    """The provenance inside the file at ``path`` or, failing that, in its sidecar; None when
    there is none. InputError naming the file when ``path`` cannot be read."""
    path = Path(path)
    try:
        with path.open("rb") as file:
            try:
                found = _embedded(file)
            except _BAD_DATA:
                found = None
    except OSError as problem:
        raise _unreadable(path, problem) from None
    return found if found is not None else _read_sidecar(sidecar_path(path))


def _read_sidecar(path: Path) -> Provenance | None:
    try:
        with path.open("rb") as file:
            text = file.read(_MAX_TEXT_BYTES + 1)
    except OSError:
        return None  # no sidecar (or an unreadable one): no provenance
    if len(text) > _MAX_TEXT_BYTES:
        return None
    return _parse(text)


def _parse(text: str | bytes) -> Provenance | None:
    try:
        return Provenance.from_json(text)
    except (ValueError, TypeError, RecursionError):
        return None


def _embedded(file: IO[bytes]) -> Provenance | None:
    head = file.read(8)
    if head == _PNG_SIGNATURE:
        return _png_read(file)
    if head.startswith(b"\xff\xd8\xff"):
        file.seek(2)
        return _jpeg_read(file)
    return None


def _read_exactly(file: IO[bytes], count: int) -> bytes | None:
    data = file.read(count)
    return data if len(data) == count else None


def _png_read(file: IO[bytes]) -> Provenance | None:
    while (head := _read_exactly(file, 8)) is not None:
        length, kind = struct.unpack(">I4s", head)
        if kind == b"IEND":
            return None
        if kind not in _PNG_TEXT_CHUNKS or length > _MAX_TEXT_BYTES:
            file.seek(length + 4, io.SEEK_CUR)
            continue
        body = _read_exactly(file, length + 4)
        if body is None:
            return None
        payload, (crc,) = body[:-4], struct.unpack(">I", body[-4:])
        if not payload.startswith(_PNG_KEYWORD):
            continue
        if zlib.crc32(payload, zlib.crc32(kind)) & 0xFFFFFFFF != crc:
            continue  # a damaged chunk is no provenance
        text = _png_text(kind, payload[len(_PNG_KEYWORD) :])
        found = _parse(text) if text is not None else None
        if found is not None:
            return found
    return None


def _png_text(kind: bytes, body: bytes) -> str | None:
    """The text of a tEXt/zTXt/iTXt chunk after its keyword; None when unreadable."""
    if kind == b"tEXt":
        return body.decode("latin-1")
    if kind == b"zTXt":
        return _inflate(body[1:]).decode("latin-1") if body[:1] == b"\x00" else None
    if len(body) < 2:
        return None
    compressed, method = body[0], body[1]
    parts = body[2:].split(b"\x00", 2)  # language tag, translated keyword, text
    if len(parts) != 3:
        return None
    text = parts[2]
    if compressed:
        if method != 0:
            return None
        text = _inflate(text)
    return text.decode("utf-8")


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    text = inflater.decompress(data, _MAX_TEXT_BYTES)
    if inflater.unconsumed_tail:
        raise ValueError("provenance text too large")
    return text


def _jpeg_read(file: IO[bytes]) -> Provenance | None:
    while _read_exactly(file, 1) == b"\xff":
        marker = _read_exactly(file, 1)
        while marker == b"\xff":
            marker = _read_exactly(file, 1)
        if marker is None or marker[0] in (0xD9, 0xDA):
            return None  # the end, or the scan: no metadata beyond this point
        if 0xD0 <= marker[0] <= 0xD7 or marker[0] == 0x01:
            continue
        size = _read_exactly(file, 2)
        if size is None:
            return None
        (length,) = struct.unpack(">H", size)
        if length < 2:
            return None
        if marker[0] != 0xE1:
            file.seek(length - 2, io.SEEK_CUR)
            continue
        body = _read_exactly(file, length - 2)
        if body is None:
            return None
        found = _from_xmp(body[len(_XMP_HEADER) :]) if body.startswith(_XMP_HEADER) else None
        if found is not None:
            return found
    return None


_NS_PREFIX = re.compile(
    rb'xmlns:([A-Za-z_][\w.-]*)\s*=\s*["\']' + re.escape(XMP_NAMESPACE.encode())
)


def _from_xmp(packet: bytes) -> Provenance | None:
    """Our property in an XMP packet, as an element or (rewritten by a tool) an attribute."""
    prefix = _NS_PREFIX.search(packet)
    if prefix is None:
        return None
    name = re.escape(prefix.group(1) + b":provenance")
    match = re.search(rb"<" + name + rb"(?:\s[^>]*)?>(.*?)</" + name + rb"\s*>", packet, re.S)
    if match is None:
        match = re.search(rb"\s" + name + rb"\s*=\s*\"([^\"]*)\"", packet)
    if match is None:
        return None
    return _parse(html.unescape(match.group(1).decode("utf-8")))


def _unreadable(path: Path, problem: OSError) -> InputError:
    name = path.name or str(path)
    if isinstance(problem, FileNotFoundError):
        template = QT_TRANSLATE_NOOP(
            ERRORS, "“{name}” could not be found. Check that the file still exists."
        )
    elif isinstance(problem, IsADirectoryError) or path.is_dir():
        template = QT_TRANSLATE_NOOP(
            ERRORS, "“{name}” is a folder, not an image. Choose an image file."
        )
    elif isinstance(problem, PermissionError):
        template = QT_TRANSLATE_NOOP(
            ERRORS,
            "The studio is not allowed to read “{name}”. Check the file's permissions, "
            "or copy it to a folder you own.",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            ERRORS,
            "“{name}” could not be read. Check that the drive or network share is "
            "available and try again.",
        )
    return InputError(ErrorKind.INVALID_INPUT, template, name=name)
