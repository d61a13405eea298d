"""Load and validate an image the user gave us (a reference, a file to edit)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.notice import Notice
from studio.imaging._decode import (
    DamagedError,
    Decoded,
    DecodeError,
    NotAnImageError,
    TooLargeError,
    UnsupportedColorsError,
    UnsupportedFormatError,
    apply_orientation,
    decode,
    detach,
    effective_pixel_limit,
    is_high_bit_depth,
    megapixels,
    to_rgb,
)

MAX_INPUT_PIXELS = 8192 * 8192
MAX_INPUT_BYTES = 512 * 1024 * 1024  # no image we can open is bigger; don't read a video whole

# What the studio reads from the user (Pillow's format names). Others are refused by name.
INPUT_FORMATS = frozenset({"PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF"})


@dataclass(frozen=True)
class LoadedImage:
    """A user's image, ready to use: RGB or RGBA, 8 bits, upright, first frame, no metadata.

    ``image`` is shared: treat it as read-only (copy before changing it).
    """

    name: str
    image: Image.Image = field(repr=False)
    source_format: str  # "PNG", "JPEG", "WEBP", "GIF", "BMP", "TIFF"
    source_bytes: int
    notes: tuple[Notice, ...] = ()

    @property
    def width(self) -> int:
        return self.image.width

    @property
    def height(self) -> int:
        return self.image.height

    @property
    def has_alpha(self) -> bool:
        return self.image.mode == "RGBA"


def read_source(source: Path | str | bytes, name: str) -> bytes:
    """The bytes of a file or of an in-memory image; InputError naming the file when unreadable."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        try:
            data = _read_file(Path(source), name)
        except FileNotFoundError:
            raise InputError(
                ErrorKind.INVALID_INPUT,
                QT_TRANSLATE_NOOP(
                    ERRORS, "“{name}” could not be found. Check that the file still exists."
                ),
                name=name,
            ) from None
        except IsADirectoryError:
            raise _folder(name) from None
        except PermissionError:
            if os.path.isdir(source):
                raise _folder(name) from None
            raise InputError(
                ErrorKind.INVALID_INPUT,
                QT_TRANSLATE_NOOP(
                    ERRORS,
                    "The studio is not allowed to read “{name}”. Check the file's permissions, "
                    "or copy it to a folder you own.",
                ),
                name=name,
            ) from None
        except OSError:
            raise InputError(
                ErrorKind.INVALID_INPUT,
                QT_TRANSLATE_NOOP(
                    ERRORS,
                    "“{name}” could not be read. Check that the drive or network share is "
                    "available and try again.",
                ),
                name=name,
            ) from None
    if not data:
        raise InputError(
            ErrorKind.INVALID_INPUT,
            QT_TRANSLATE_NOOP(ERRORS, "“{name}” is empty (0 bytes). Choose another file."),
            name=name,
        )
    return data


def _read_file(path: Path, name: str) -> bytes:
    with path.open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                ErrorKind.INVALID_INPUT,
                QT_TRANSLATE_NOOP(
                    ERRORS,
                    "“{name}” is too large a file ({size} MB) to be an image the studio can "
                    "open. Choose a file under {limit} MB.",
                ),
                name=name,
                size=size // (1024 * 1024),
                limit=MAX_INPUT_BYTES // (1024 * 1024),
            )
        return file.read()


def _folder(name: str) -> InputError:
    return InputError(
        ErrorKind.INVALID_INPUT,
        QT_TRANSLATE_NOOP(ERRORS, "“{name}” is a folder, not an image. Choose an image file."),
        name=name,
    )


def input_error(problem: DecodeError, name: str, max_pixels: int) -> InputError:
    """The message for a file the user gave us that could not be decoded."""
    if isinstance(problem, NotAnImageError):
        return InputError(
            ErrorKind.INVALID_INPUT,
            QT_TRANSLATE_NOOP(
                ERRORS,
                "“{name}” is not an image. Choose a PNG, JPEG, WebP, GIF, BMP or TIFF file.",
            ),
            name=name,
        )
    if isinstance(problem, UnsupportedFormatError):
        return InputError(
            ErrorKind.INVALID_INPUT,
            QT_TRANSLATE_NOOP(
                ERRORS,
                "“{name}” is a {format} file, which the studio cannot read. Save it as PNG or "
                "JPEG and try again.",
            ),
            name=name,
            format=problem.format,
        )
    if isinstance(problem, TooLargeError):
        limit = megapixels(effective_pixel_limit(max_pixels))
        if problem.width and problem.height:
            return InputError(
                ErrorKind.INVALID_INPUT,
                QT_TRANSLATE_NOOP(
                    ERRORS,
                    "“{name}” is too large: {width}×{height} pixels, more than the {limit} "
                    "megapixels the studio opens. Make it smaller in an image editor first.",
                ),
                name=name,
                width=problem.width,
                height=problem.height,
                limit=limit,
            )
        return InputError(
            ErrorKind.INVALID_INPUT,
            QT_TRANSLATE_NOOP(
                ERRORS,
                "“{name}” is too large to open safely (more than {limit} megapixels). Make it "
                "smaller in an image editor first.",
            ),
            name=name,
            limit=limit,
        )
    if isinstance(problem, UnsupportedColorsError):
        return InputError(
            ErrorKind.INVALID_INPUT,
            QT_TRANSLATE_NOOP(
                ERRORS,
                "“{name}” uses a colour format the studio cannot convert. Save it as an "
                "ordinary RGB PNG or JPEG and try again.",
            ),
            name=name,
        )
    assert isinstance(problem, DamagedError)
    return InputError(
        ErrorKind.INVALID_INPUT,
        QT_TRANSLATE_NOOP(
            ERRORS,
            "“{name}” is damaged or incomplete and cannot be read. Open it in an image editor "
            "and save it again, or choose another file.",
        ),
        name=name,
    )


def decode_input(source: Path | str | bytes, name: str, max_pixels: int) -> tuple[Decoded, int]:
    """Read and decode a user's file (first frame, original mode); errors name the file."""
    data = read_source(source, name)
    try:
        return decode(data, formats=INPUT_FORMATS, max_pixels=max_pixels), len(data)
    except DecodeError as problem:
        raise input_error(problem, name, max_pixels) from None


def load_image(
    source: Path | str | bytes, name: str, *, max_pixels: int = MAX_INPUT_PIXELS
) -> LoadedImage:
    """Read, check and normalise an image. Raises InputError naming ``name`` when it can't."""
    decoded, size = decode_input(source, name, max_pixels)
    notes: list[Notice] = []
    high_bits = is_high_bit_depth(decoded)
    try:
        image, rotated = apply_orientation(decoded.image)
        image, was_cmyk = to_rgb(image)
    except DecodeError as problem:
        decoded.image.close()
        raise input_error(problem, name, max_pixels) from None
    image = detach(image, decoded.image)
    if was_cmyk:
        notes.append(
            _note(
                "converted_cmyk",
                QT_TRANSLATE_NOOP(WARNINGS, "“{name}” was converted from CMYK to RGB colours."),
                name,
            )
        )
    if high_bits:
        notes.append(
            _note(
                "reduced_16bit",
                QT_TRANSLATE_NOOP(
                    WARNINGS, "“{name}” has 16 bits per channel; it was reduced to 8."
                ),
                name,
            )
        )
    if decoded.frames > 1:
        notes.append(
            _note(
                "first_frame",
                QT_TRANSLATE_NOOP(
                    WARNINGS,
                    "“{name}” has several frames (an animation or pages); only the first is used.",
                ),
                name,
            )
        )
    if rotated:
        notes.append(
            _note(
                "exif_rotated",
                QT_TRANSLATE_NOOP(
                    WARNINGS, "“{name}” was turned upright as its camera orientation says."
                ),
                name,
            )
        )
    return LoadedImage(name, image, decoded.format, size, tuple(notes))


def _note(code: str, template: str, name: str) -> Notice:
    return Notice(code, template, {"name": name})
