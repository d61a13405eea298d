"""Vector results (SVG, which gpt-image-2.6 answers when asked) drawn by Qt's SVG renderer:
Pillow reads no SVG. Safe on worker threads (QImage and QSvgRenderer, no widgets)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from studio.domain.results import ImageResult


def render_svg(path: Path, longest: int) -> QImage:
    """The SVG at ``path`` drawn with its longer side ``longest`` pixels (transparent ground)."""
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        raise ValueError(f"{path.name} is not an SVG Qt can draw")
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(longest, longest)
    scaled = size.scaled(longest, longest, Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(scaled, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def svg_thumbnail(image: ImageResult, size: int, target: Path) -> Path:
    """A PNG thumbnail of an SVG result at ``target`` (written atomically)."""
    assert image.path is not None
    drawn = render_svg(image.path, size)
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=".partial-", suffix=".png", dir=target.parent)
    os.close(descriptor)
    try:
        if not drawn.save(temporary, "PNG"):
            raise OSError(f"could not write {temporary}")
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target
