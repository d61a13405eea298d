"""Work on whole masks that runs in a worker thread: feather, load, save, the final Mask.

The painter hands over a *snapshot* of the mask: ``QImage(document.image())``, an implicitly
shared copy made in no time on the GUI thread. QImage's sharing is thread-safe: should the
document be edited meanwhile, it copies its pixels first and the snapshot stays as it was.
Results come back as QImages (safe to build in any thread) to ``replace`` the mask with.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter
from PySide6.QtGui import QImage

from studio.domain.request import Mask
from studio.imaging.masks import load_mask, mask_from_image, mask_to_image

GRAY = QImage.Format.Format_Grayscale8


class Convention(Enum):
    BLACK_WHITE = "black-white"  # gray PNG, white = edit (the studio's own)
    ALPHA = "alpha"  # RGBA PNG, transparent = edit (OpenAI's)


class WrongSizeError(Exception):
    def __init__(self, width: int, height: int) -> None:
        super().__init__(width, height)
        self.width = width
        self.height = height


def snapshot(mask: QImage) -> QImage:
    """On the GUI thread: a shared copy of the live mask to hand to a worker."""
    return QImage(mask)


def pil_gray(mask: QImage) -> Image.Image:
    """A Grayscale8 QImage as a Pillow "L" image (one copy of the pixels)."""
    if mask.format() != GRAY:
        mask = mask.convertToFormat(GRAY)
    size, stride = (mask.width(), mask.height()), mask.bytesPerLine()
    return Image.frombytes("L", size, bytes(mask.constBits()), "raw", "L", stride)


def _from_pil(image: Image.Image) -> QImage:
    width, height = image.size
    return QImage(image.tobytes(), width, height, width, GRAY).copy()


def feathered(mask: QImage, radius: float) -> QImage:
    """The mask blurred by a Gaussian of ``radius`` px: soft edges both ways."""
    return _from_pil(pil_gray(mask).filter(ImageFilter.GaussianBlur(radius)))


def mask_pixels(mask: Mask) -> QImage:
    """A studio Mask (gray PNG, 255 = edit) as a Grayscale8 image."""
    return _from_pil(mask_to_image(mask))


def read_mask_file(path: Path, width: int, height: int) -> QImage:
    """A mask file in either convention (detected), which must be ``width`` × ``height``.

    Raises InputError (unreadable, not an image, marks nothing) or WrongSizeError.
    """
    mask = load_mask(path, path.name)
    if (mask.width, mask.height) != (width, height):
        raise WrongSizeError(mask.width, mask.height)
    return mask_pixels(mask)


def write_mask_file(path: Path, mask: QImage, convention: Convention) -> None:
    """Save the mask as a PNG in ``convention``; the file appears whole or not at all."""
    gray = pil_gray(mask)
    if convention is Convention.ALPHA:
        black = Image.new("L", gray.size, 0)
        image = Image.merge("RGBA", (black, black, black, ImageChops.invert(gray)))
    else:
        image = gray
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with temporary.open("wb") as file:
            image.save(file, "PNG")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def finished_mask(mask: QImage, name: str) -> Mask:
    """The painted mask as the studio stores it (gray PNG, 255 = edit)."""
    return mask_from_image(pil_gray(mask), name)
