"""A markup overlay (gpt-image-2.6 edits): a transparent image drawn over reference #1.

It travels as an RGBA PNG exactly the size of the first upload, shaped the way the first image
was (resized, padded), so that every mark stays where it was drawn. An overlay of another shape
is refused: stretching it would move the marks, cropping it would drop some.
"""

from __future__ import annotations

import io

from PIL import Image

from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.imaging.inputs import LoadedImage
from studio.imaging.uploads import Placement, Upload

RATIO_TOLERANCE = 0.03  # as for result checks: within 3 % is the same shape

MSG_MARKUP_SHAPE = QT_TRANSLATE_NOOP(
    ERRORS,
    "The markup overlay “{name}” is {width}×{height} pixels, but the first image is "
    "{image_width}×{image_height}: draw the overlay with the first image's proportions.",
)


def markup_for_upload(markup: LoadedImage, placement: Placement) -> Upload:
    """``markup`` as an RGBA PNG placed exactly like the first image on its upload canvas."""
    source_w, source_h = placement.source_size
    wanted = source_w / source_h
    if abs(markup.width / markup.height - wanted) / wanted > RATIO_TOLERANCE:
        raise InputError(
            ErrorKind.INVALID_INPUT,
            MSG_MARKUP_SHAPE,
            name=markup.name,
            width=markup.width,
            height=markup.height,
            image_width=source_w,
            image_height=source_h,
        )
    image = markup.image.convert("RGBA")
    if image.size != placement.size:
        image = image.resize(placement.size, Image.Resampling.LANCZOS)
    if placement.canvas_size != placement.size:
        canvas = Image.new("RGBA", placement.canvas_size, (0, 0, 0, 0))  # padding: no marks
        canvas.paste(image, placement.offset)
        image = canvas
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return Upload.from_bytes("markup.png", "image/png", buffer.getvalue(), image.size)
