"""The image the mask is painted on, decoded from a reference off the GUI thread.

It is read exactly as the engine will read it when the request is sent (the same size limit,
turned upright as the camera's orientation says, first frame, 8-bit RGB or RGBA), so the mask
painted on it has the size the engine checks.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.request import Mask, Reference
from studio.imaging.inputs import load_image
from studio.ui.mask.document import blank_mask
from studio.ui.mask.window import MaskPainterWindow
from studio.ui.preferences import Preferences


def tr(text: str) -> str:
    return QCoreApplication.translate("MaskSource", text)


def decode_reference(reference: Reference) -> QImage:
    """Runs in a worker thread. Format_RGB32, or ARGB32_Premultiplied when some pixel is not
    opaque. Raises InputError with the user's message when it cannot."""
    source: Path | bytes
    if reference.path is not None:
        source = reference.path
    elif reference.data is not None:
        source = reference.data
    else:
        raise InputError(
            ErrorKind.INVALID_INPUT,
            QT_TRANSLATE_NOOP(
                ERRORS,
                "“{name}” is a link to an image on the web; the mask can only be painted on an "
                "image on this computer. Save the image, add the file as the reference and try "
                "again.",
            ),
            name=reference.name,
        )
    loaded = load_image(source, reference.name)
    return to_qimage(loaded.image)


def to_qimage(image: Image.Image) -> QImage:
    """An RGB or RGBA Pillow image as a QImage that owns its pixels, in a format Qt draws fast.

    The Pillow image is not needed afterwards; large ones are packed row by row once, so the
    peak is about two copies of the pixels.
    """
    width, height = image.size
    if image.mode == "RGBA":
        packed = image.tobytes("raw", "BGRA")
        straight = QImage(packed, width, height, width * 4, QImage.Format.Format_ARGB32)
        return straight.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    if image.mode != "RGB":
        image = image.convert("RGB")
    packed = image.tobytes("raw", "BGRX")
    return QImage(packed, width, height, width * 4, QImage.Format.Format_RGB32).copy()


async def load_source(reference: Reference) -> QImage:
    """The reference decoded for the mask painter (InputError when it cannot be)."""
    return await asyncio.to_thread(decode_reference, reference)


async def open_painter_for(
    reference: Reference,
    mask: Mask | None = None,
    parent: QWidget | None = None,
    preferences: Preferences | None = None,
) -> MaskPainterWindow:
    """Decode ``reference`` off the GUI thread and show the painter on it (maximised).

    ``mask``: one painted before on this image, to go on with; ``preferences``: where the
    brush and overlay are remembered between paintings. Raises InputError (with the
    user's message: ``i18n.message``) when the image cannot be opened.
    """
    image = await load_source(reference)
    blank = await asyncio.to_thread(blank_mask, image.width(), image.height())
    title = tr("Paint a mask — {name}").format(name=reference.name)
    window = MaskPainterWindow(image, mask, parent, title, blank)
    if preferences is not None:  # the brush and overlay as the user left them last time
        window.apply_look(preferences.painter)

        def remember(*_: object) -> None:
            preferences.painter = window.look()

        window.accepted.connect(remember)
        window.cancelled.connect(remember)
    window.present()
    return window
