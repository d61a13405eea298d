"""Decoding pictures for the viewer off the GUI thread (QImage is safe to build in any thread)."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader

SMALLEST_LEVEL = 512  # halving stops once the longer side is at most this


@dataclass(frozen=True)
class Picture:
    """A decoded image and its halved copies, for smooth and fast drawing when zoomed out."""

    levels: tuple[QImage, ...]  # levels[0] is full size

    @property
    def full(self) -> QImage:
        return self.levels[0]

    @property
    def size(self) -> QSize:
        return self.full.size()

    def level_for(self, device_width: float) -> QImage:
        """The smallest copy at least ``device_width`` pixels wide (full size when zoomed in)."""
        chosen = self.levels[0]
        for level in self.levels[1:]:
            if level.width() < device_width:
                break
            chosen = level
        return chosen

    @classmethod
    def from_image(cls, image: QImage) -> Picture:
        alpha = image.hasAlphaChannel()
        image = image.convertToFormat(
            QImage.Format.Format_ARGB32_Premultiplied if alpha else QImage.Format.Format_RGB32
        )
        levels = [image]
        while max(levels[-1].width(), levels[-1].height()) > SMALLEST_LEVEL:
            previous = levels[-1]
            levels.append(
                previous.scaled(
                    max(1, previous.width() // 2),
                    max(1, previous.height() // 2),
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        return cls(tuple(levels))


def decode_picture(path: Path | None) -> Picture | None:
    """Runs in a worker thread. None when the file is missing or unreadable."""
    if path is None:
        return None
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        return None
    return Picture.from_image(image)


def decode_preview(path: Path | None) -> QImage | None:
    """A small image (a cached thumbnail) for the moment the full one is still decoding."""
    if path is None:
        return None
    image = QImage(str(path))
    return None if image.isNull() else image


def mask_overlay(png: bytes, tint: QColor, opacity: float = 0.45) -> QImage | None:
    """The studio's mask (L PNG, 255 = edit here) as a tinted, translucent overlay.

    Runs in a worker thread.
    """
    try:
        with Image.open(BytesIO(png)) as opened:
            grey = opened.convert("L")
    except (OSError, ValueError):
        return None
    alpha = grey.point(lambda value: round(value * opacity))
    layer = Image.new("RGBA", grey.size, (tint.red(), tint.green(), tint.blue(), 0))
    layer.putalpha(alpha)
    data = layer.tobytes()
    image = QImage(data, layer.width, layer.height, layer.width * 4, QImage.Format.Format_RGBA8888)
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)  # a deep copy
