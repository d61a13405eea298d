"""Drawing part of a scaled image: which source pixels cover a visible area, and where."""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QRectF, QSize


def covering(image: QSize, target: QRectF, visible: QRectF, pad: int = 0) -> tuple[QRect, QRectF]:
    """The source rectangle (whole pixels, ``pad`` more on each side, within the image) whose
    scaled copy covers ``visible`` when the image is stretched over ``target``, and where that
    copy lands. Rounding to whole pixels keeps zoomed pixels aligned and pieces drawn apart
    seamless (they all use the same mapping)."""
    per_source = target.width() / image.width()  # target px per source px
    left = max(math.floor((visible.left() - target.x()) / per_source) - pad, 0)
    top = max(math.floor((visible.top() - target.y()) / per_source) - pad, 0)
    right = min(math.ceil((visible.right() - target.x()) / per_source) + pad, image.width())
    bottom = min(math.ceil((visible.bottom() - target.y()) / per_source) + pad, image.height())
    source = QRect(left, top, right - left, bottom - top)
    drawn = QRectF(
        target.x() + left * per_source,
        target.y() + top * per_source,
        source.width() * per_source,
        source.height() * per_source,
    )
    return source, drawn
