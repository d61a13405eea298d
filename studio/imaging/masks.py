"""Masks: read either convention, store the studio's own, write what a model wants.

The studio's convention (``studio.domain.request.Mask``): an 8-bit grayscale PNG the size of
the first reference, 255 = edit here, 0 = keep, values between = soft edge.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageChops, ImageOps

from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import MaskStyle
from studio.domain.request import Mask
from studio.imaging._decode import DecodeError, apply_orientation, detach, to_rgb
from studio.imaging.inputs import MAX_INPUT_PIXELS, LoadedImage, decode_input, input_error
from studio.imaging.uploads import Placement, Upload

# A gray mask counts as black-and-white (and is thresholded at 128) when at least this share
# of its pixels is within 32 levels of black or white: compression noise is cleaned up, while
# deliberate gradients and wide soft edges are kept.
NEAR_BINARY_SHARE = 0.99
_NEAR = 32


def mask_to_image(mask: Mask) -> Image.Image:
    """The mask as an "L" image (255 = edit)."""
    with Image.open(io.BytesIO(mask.png), formats=["PNG"]) as opened:
        image = opened.convert("L") if opened.mode != "L" else opened.copy()
    image.info = {}
    return image


def mask_from_image(img: Image.Image, name: str = "mask.png") -> Mask:
    """Store an image already in the studio's convention (gray, 255 = edit) as a Mask."""
    gray = img if img.mode == "L" else img.convert("L")
    return Mask(_png(gray), gray.width, gray.height, name)


def _png(image: Image.Image) -> bytes:
    clean = image.copy()  # saving sets attributes on the image: never save the caller's
    clean.info = {}
    buffer = io.BytesIO()
    clean.save(buffer, "PNG")
    return buffer.getvalue()


def _edit_area_from_gray(gray: Image.Image) -> Image.Image:
    histogram = gray.histogram()
    near = sum(histogram[:_NEAR]) + sum(histogram[256 - _NEAR :])
    if near >= NEAR_BINARY_SHARE * gray.width * gray.height:
        return gray.point(lambda v: 255 if v >= 128 else 0)
    return gray


def load_mask(source: Path | str | bytes, name: str, *, max_pixels: int = MAX_INPUT_PIXELS) -> Mask:
    """Read a mask drawn in either convention and return it in the studio's.

    A real alpha channel (some pixel not opaque) means the OpenAI convention: transparent =
    edit. Otherwise the gray level decides: white = edit (near black-and-white masks are
    thresholded at 128, other gray levels kept as soft edges).
    """
    decoded, _ = decode_input(source, name, max_pixels)
    try:
        image, _ = apply_orientation(decoded.image)
        image, _ = to_rgb(image)  # RGBA only when some pixel is not opaque
    except DecodeError as problem:
        decoded.image.close()
        raise input_error(problem, name, max_pixels) from None
    image = detach(image, decoded.image)
    if image.mode == "RGBA":
        edit = ImageOps.invert(image.getchannel("A"))
    else:
        edit = _edit_area_from_gray(image.convert("L"))
    if edit.getextrema()[1] == 0:
        raise InputError(
            ErrorKind.INVALID_INPUT,
            QT_TRANSLATE_NOOP(
                ERRORS,
                "The mask “{name}” marks no area to edit. Paint the area to change in white "
                "(or make it transparent) and try again.",
            ),
            name=name,
        )
    return mask_from_image(edit, name)


def check_mask_matches(mask: Mask, first: LoadedImage) -> None:
    if (mask.width, mask.height) != first.image.size:
        raise InputError(
            ErrorKind.INVALID_INPUT,
            QT_TRANSLATE_NOOP(
                ERRORS,
                "The mask “{mask}” is {mask_width}×{mask_height} pixels but “{image}” is "
                "{image_width}×{image_height}. The mask must be exactly the size of the first "
                "image.",
            ),
            mask=mask.name,
            mask_width=mask.width,
            mask_height=mask.height,
            image=first.name,
            image_width=first.image.width,
            image_height=first.image.height,
        )


def place_mask(mask: Mask, placement: Placement) -> Image.Image:
    """The mask ("L", 255 = edit) resized and padded exactly like the first image."""
    gray = mask_to_image(mask)
    if gray.size != placement.source_size:
        raise InputError(
            ErrorKind.INVALID_INPUT,
            QT_TRANSLATE_NOOP(
                ERRORS,
                "The mask “{mask}” is {mask_width}×{mask_height} pixels but the first image is "
                "{image_width}×{image_height}. The mask must be exactly the size of the first "
                "image.",
            ),
            mask=mask.name,
            mask_width=gray.width,
            mask_height=gray.height,
            image_width=placement.source_size[0],
            image_height=placement.source_size[1],
        )
    if placement.size != gray.size:
        # Bilinear (area-averaging when shrinking): soft edges, no ringing into the kept area.
        gray = gray.resize(placement.size, Image.Resampling.BILINEAR)
    if placement.canvas_size != placement.size:
        canvas = Image.new("L", placement.canvas_size, 0)  # padding: keep
        canvas.paste(gray, placement.offset)
        gray = canvas
    return gray


def mask_for_upload(mask: Mask, style: MaskStyle, placement: Placement) -> Upload:
    """The mask as the model wants it, pixel for pixel the size of the first upload.

    ALPHA: RGBA, black, alpha 0 where to edit and 255 where to keep (OpenAI).
    BLACK_WHITE: grayscale, white where to edit, black where to keep.
    """
    if style is MaskStyle.NONE:
        raise InputError(
            ErrorKind.UNSUPPORTED,
            QT_TRANSLATE_NOOP(
                ERRORS,
                "This model cannot take a mask. Remove the mask or "
                "choose a model that supports editing with one.",
            ),
        )
    edit = place_mask(mask, placement)
    if style is MaskStyle.ALPHA:
        black = Image.new("L", edit.size, 0)
        image = Image.merge("RGBA", (black, black, black, ImageChops.invert(edit)))
    else:
        image = edit
    return Upload.from_bytes("mask.png", "image/png", _png(image), image.size)
