"""What the dialog needs before it can show anything: the picture and the pixel budget."""

from __future__ import annotations

from PIL import Image
from PySide6.QtGui import QImage

from studio.domain.request import Reference
from studio.imaging.inputs import MAX_INPUT_PIXELS, LoadedImage
from studio.imaging.outpaint import DEFAULT_MAX_PIXELS, load_reference
from studio.ui.services import Services


def pixel_limit(services: Services | None) -> int:
    """The budget for the enlarged picture: what the composer's model takes as an upload."""
    if services is None:
        return DEFAULT_MAX_PIXELS
    try:
        spec = services.catalog.get(services.preferences.model)
    except Exception:  # an unknown model name: the default budget is fine
        return DEFAULT_MAX_PIXELS
    return min(MAX_INPUT_PIXELS, spec.upload.max_pixels)


def read_source(reference: Reference, side: int) -> tuple[LoadedImage, QImage]:
    """The picture, upright and checked, and a thumbnail of it (worker thread)."""
    loaded = load_reference(reference)
    image = loaded.image
    scale = min(1.0, side / max(image.size))
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    small = image.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0).convert("RGBA")
    data = small.tobytes()
    thumbnail = QImage(data, size[0], size[1], size[0] * 4, QImage.Format.Format_RGBA8888)
    return loaded, thumbnail.copy()  # copy: the QImage must own its pixels
