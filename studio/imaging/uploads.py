"""Prepare a reference image for upload within a model's limits (size, bytes, format, square)."""

from __future__ import annotations

import base64
import hashlib
import io
import math
from dataclasses import dataclass, field

from PIL import Image

from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.model_spec import UploadLimits
from studio.domain.notice import Notice
from studio.imaging.inputs import LoadedImage

JPEG_QUALITY = 92
_LOSSY_STEPS = (92, 85, 75)  # tried in turn at the first size before making the image smaller
_SHRUNK_QUALITY = 75
_MIN_SIDE = 16  # below this, give up fitting into max_bytes
_MAX_ROUNDS = 12

_MIME = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}
_EXTENSION = {"png": "png", "jpeg": "jpg", "webp": "webp"}
_ALIASES = {"jpg": "jpeg", "image/png": "png", "image/jpeg": "jpeg", "image/webp": "webp"}


@dataclass(frozen=True)
class Upload:
    filename: str
    mime: str
    data: bytes = field(repr=False)
    width: int
    height: int
    sha256: str

    @classmethod
    def from_bytes(cls, filename: str, mime: str, data: bytes, size: tuple[int, int]) -> Upload:
        return cls(filename, mime, data, size[0], size[1], hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class Placement:
    """How the source was put onto the uploaded canvas: resized to ``size`` (= source × scale,
    rounded), pasted at ``offset`` on a ``canvas_size`` canvas (larger only when padded)."""

    source_size: tuple[int, int]
    scale: float
    offset: tuple[int, int]
    canvas_size: tuple[int, int]
    size: tuple[int, int] = (0, 0)  # (0, 0): derived from source_size and scale

    def __post_init__(self) -> None:
        if self.size == (0, 0):
            object.__setattr__(self, "size", scaled_size(self.source_size, self.scale))

    @property
    def box(self) -> tuple[int, int, int, int]:
        """Where the source lies on the canvas (left, top, right, bottom)."""
        x, y = self.offset
        return x, y, x + self.size[0], y + self.size[1]


@dataclass(frozen=True)
class PreparedImage:
    upload: Upload
    placement: Placement
    notes: tuple[Notice, ...] = ()


def image_to_data_url(upload: Upload) -> str:
    return f"data:{upload.mime};base64,{base64.b64encode(upload.data).decode('ascii')}"


def _allowed_formats(limits: UploadLimits) -> list[str]:
    allowed: list[str] = []
    for fmt in limits.formats:
        key = _ALIASES.get(fmt.lower(), fmt.lower())
        if key in _MIME and key not in allowed:
            allowed.append(key)
    return allowed


def choose_format(has_alpha: bool, source_format: str, limits: UploadLimits) -> str:
    """PNG for transparency or PNG sources, else JPEG, else what the model takes.

    Transparency goes to WebP when the model takes WebP but not PNG (JPEG would lose it).
    """
    allowed = _allowed_formats(limits)
    if not allowed:
        raise InputError(
            ErrorKind.UNSUPPORTED,
            QT_TRANSLATE_NOOP(
                ERRORS,
                "The model accepts only {formats} images, which the studio cannot create.",
            ),
            formats=", ".join(limits.formats) or "no",
        )
    if (has_alpha or source_format == "PNG") and "png" in allowed:
        return "png"
    if has_alpha and "webp" in allowed:
        return "webp"
    if "jpeg" in allowed:
        return "jpeg"
    return allowed[0]


def fit_scale(width: int, height: int, limits: UploadLimits) -> float:
    """The largest scale ≤ 1 that fits max_side and max_pixels (counting the square canvas)."""
    if limits.square:
        side_limit = min(limits.max_side, math.isqrt(max(1, limits.max_pixels)))
        return min(1.0, side_limit / max(width, height))
    scale = min(1.0, limits.max_side / max(width, height))
    if width * height * scale * scale > limits.max_pixels:
        scale = math.sqrt(limits.max_pixels / (width * height))
    return scale


def scaled_size(
    source: tuple[int, int], scale: float, limits: UploadLimits | None = None
) -> tuple[int, int]:
    if scale >= 1.0:
        return source
    width = max(1, round(source[0] * scale))
    height = max(1, round(source[1] * scale))
    if limits is not None:  # rounding up must not break the limits
        side = min(limits.max_side, math.isqrt(limits.max_pixels)) if limits.square else None
        while (
            width > 1
            and height > 1
            and (
                max(width, height) > (side or limits.max_side) or width * height > limits.max_pixels
            )
        ):
            if width >= height:
                width -= 1
            else:
                height -= 1
    return width, height


def placement_for(source: tuple[int, int], scale: float, limits: UploadLimits) -> Placement:
    size = scaled_size(source, scale, limits)
    if limits.square:
        side = max(size)
        offset = ((side - size[0]) // 2, (side - size[1]) // 2)
        return Placement(source, scale, offset, (side, side), size)
    return Placement(source, scale, (0, 0), size, size)


def _canvas(source: Image.Image, placement: Placement, fmt: str, square: bool) -> Image.Image:
    """The source resized and, for square models, padded — transparent when the format allows.

    Square (dall-e-2) uploads are RGBA even when nothing is padded: that API wants RGBA.
    """
    image = source
    if placement.size != image.size:
        # reducing_gap: shrink by whole factors first (fast), then a fair Lanczos finish
        image = image.resize(placement.size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    keeps_alpha = fmt in ("png", "webp")
    if square and keeps_alpha and image.mode != "RGBA":
        image = image.convert("RGBA")
    if placement.canvas_size != placement.size:
        fill = (0, 0, 0, 0) if image.mode == "RGBA" else (255, 255, 255)
        canvas = Image.new(image.mode, placement.canvas_size, fill)
        canvas.paste(image, placement.offset)
        image = canvas
    if image.mode == "RGBA" and not keeps_alpha:
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    if image is source:
        image = image.copy()  # saving touches the image object: never save the shared one
    image.info = {}
    return image


def encode(image: Image.Image, fmt: str, quality: int | None = None) -> bytes:
    """Encode with no metadata at all (no EXIF, XMP, ICC, text chunks, comments).

    ``image`` must be private to the caller (saving sets attributes on it) and have no info.
    """
    image.info = {}
    buffer = io.BytesIO()
    if fmt == "jpeg":
        image.save(buffer, "JPEG", quality=quality or JPEG_QUALITY)
    elif fmt == "webp":
        image.save(buffer, "WEBP", quality=quality or JPEG_QUALITY, method=4)
    else:
        image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()


def prepare_upload(loaded: LoadedImage, limits: UploadLimits, *, index: int) -> PreparedImage:
    """Re-encode ``loaded`` within ``limits`` as ``ref-{index}.<ext>`` (index: 1 for the first).

    Never upscales, never crops, never distorts; metadata is always stripped.
    """
    image = loaded.image
    source = image.size
    square = limits.square
    # Square uploads are padded with transparency: they need a format that keeps it.
    fmt = choose_format(loaded.has_alpha or square, loaded.source_format, limits)
    scale = fit_scale(*source, limits)
    qualities: tuple[int | None, ...] = _LOSSY_STEPS if fmt != "png" else (None,)
    used_quality: int | None = qualities[0]
    for _ in range(_MAX_ROUNDS):
        placement = placement_for(source, scale, limits)
        canvas = _canvas(image, placement, fmt, square)
        for quality in qualities:
            data = encode(canvas, fmt, quality)
            used_quality = quality
            if len(data) <= limits.max_bytes:
                upload = Upload.from_bytes(
                    f"ref-{index}.{_EXTENSION[fmt]}", _MIME[fmt], data, canvas.size
                )
                notes = _notes(loaded, placement, fmt, used_quality, limits)
                return PreparedImage(upload, placement, notes)
        qualities = (_SHRUNK_QUALITY,) if fmt != "png" else (None,)
        shrink = min(0.9, max(0.5, 0.95 * math.sqrt(limits.max_bytes / len(data))))
        scale *= shrink
        if max(scaled_size(source, scale)) < _MIN_SIDE:
            break
    raise InputError(
        ErrorKind.INVALID_INPUT,
        QT_TRANSLATE_NOOP(
            ERRORS,
            "“{name}” cannot be made smaller than the model's {limit} MB upload limit. "
            "Choose a simpler or smaller image.",
        ),
        name=loaded.name,
        limit=_megabytes(limits.max_bytes),
    )


def _megabytes(count: int) -> str:
    return f"{count / 1_000_000:.1f}".removesuffix(".0")


def _notes(
    loaded: LoadedImage, placement: Placement, fmt: str, quality: int | None, limits: UploadLimits
) -> tuple[Notice, ...]:
    notes: list[Notice] = []
    name = loaded.name
    (sw, sh), (w, h) = placement.source_size, placement.size
    if (w, h) != (sw, sh):
        notes.append(
            Notice(
                "downscaled",
                QT_TRANSLATE_NOOP(
                    WARNINGS,
                    "“{name}” was downscaled from {source_width}×{source_height} to "
                    "{width}×{height} to fit the model's limits.",
                ),
                {"name": name, "source_width": sw, "source_height": sh, "width": w, "height": h},
            )
        )
    if placement.canvas_size != placement.size:
        side = placement.canvas_size[0]
        notes.append(
            Notice(
                "padded_square",
                QT_TRANSLATE_NOOP(
                    WARNINGS,
                    "“{name}” was padded to a {side}×{side} square (the model takes only square "
                    "images); nothing was cut off or stretched.",
                ),
                {"name": name, "side": side},
            )
        )
    if loaded.has_alpha and fmt == "jpeg":
        notes.append(
            Notice(
                "flattened",
                QT_TRANSLATE_NOOP(
                    WARNINGS,
                    "“{name}” has transparent areas, which the model's formats cannot keep: "
                    "they were filled with white.",
                ),
                {"name": name},
            )
        )
    if quality is not None and quality < JPEG_QUALITY:
        notes.append(
            Notice(
                "compressed",
                QT_TRANSLATE_NOOP(
                    WARNINGS,
                    "“{name}” was compressed more strongly to stay under the model's {limit} MB "
                    "upload limit.",
                ),
                {"name": name, "limit": _megabytes(limits.max_bytes)},
            )
        )
    return tuple(notes)
