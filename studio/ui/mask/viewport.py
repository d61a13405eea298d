"""Where the image sits on the canvas: scale and position, in device pixels.

``scale`` counts device pixels per image pixel, so 1:1 shows every image pixel on exactly one
screen pixel whatever the display's scale factor. The image's top-left corner sits on a whole
device pixel, which lets the canvas scroll its cached layers by whole pixels when panning.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize

from studio.ui.pictures.zoom import MARGIN, clamped_scale


class Viewport:
    def __init__(self, image_size: QSize) -> None:
        self.image_size = QSize(image_size)
        self.view_size = QSize(1, 1)  # device px
        self.dpr = 1.0
        self.fitted = True
        self.scale = 1.0
        self.origin = QPoint()  # device px of the image's top-left corner
        self.fit()

    # -- the view --------------------------------------------------------------------------

    def resize(self, view_size: QSize, dpr: float) -> None:
        self.view_size = QSize(max(view_size.width(), 1), max(view_size.height(), 1))
        self.dpr = dpr or 1.0
        if self.fitted:
            self.fit()
        else:
            self.origin = self._clamped(self.origin)

    def fit_scale(self) -> float:
        """Shows the whole image; small images are not blown up beyond one image pixel per
        logical pixel."""
        width, height = self.image_size.width(), self.image_size.height()
        if width <= 0 or height <= 0:
            return 1.0
        margin = 2 * MARGIN * self.dpr
        room_w = max(self.view_size.width() - margin, 1)
        room_h = max(self.view_size.height() - margin, 1)
        return min(room_w / width, room_h / height, self.dpr)

    def fit(self) -> None:
        self.fitted = True
        self.scale = self.fit_scale()
        self.origin = self._clamped(QPoint())

    def set_scale(self, scale: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``scale`` keeping the image point under ``anchor`` (device px; default: the
        centre of the view) where it is."""
        scale = clamped_scale(scale)
        if anchor is None:
            anchor = QPointF(self.view_size.width() / 2, self.view_size.height() / 2)
        point = self.to_image(anchor)
        self.fitted = False
        self.scale = scale
        self.origin = self._clamped(
            QPoint(
                round(anchor.x() - point.x() * scale),
                round(anchor.y() - point.y() * scale),
            )
        )

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.set_scale(self.scale * factor, anchor)

    def pan_by(self, dx: float, dy: float) -> QPoint:
        """Move the image by device px; returns how far it really moved (whole px)."""
        before = QPoint(self.origin)
        self.fitted = False
        self.origin = self._clamped(QPoint(round(before.x() + dx), round(before.y() + dy)))
        return self.origin - before

    def _clamped(self, origin: QPoint) -> QPoint:
        def axis(value: int, size: float, room: int) -> int:
            if size <= room:
                return round((room - size) / 2)
            return min(max(value, math.ceil(room - size)), 0)

        width, height = self.target().width(), self.target().height()
        return QPoint(
            axis(origin.x(), width, self.view_size.width()),
            axis(origin.y(), height, self.view_size.height()),
        )

    # -- mapping ---------------------------------------------------------------------------

    def target(self) -> QRectF:
        """Where the whole image is drawn, in device px."""
        return QRectF(
            self.origin.x(),
            self.origin.y(),
            self.image_size.width() * self.scale,
            self.image_size.height() * self.scale,
        )

    def to_image(self, device: QPointF) -> QPointF:
        return QPointF(
            (device.x() - self.origin.x()) / self.scale,
            (device.y() - self.origin.y()) / self.scale,
        )

    def to_device(self, point: QPointF) -> QPointF:
        return QPointF(
            self.origin.x() + point.x() * self.scale, self.origin.y() + point.y() * self.scale
        )

    def device_rect(self, image_rect: QRect, pad: int = 1) -> QRect:
        """The device pixels showing ``image_rect`` (rounded out, ``pad`` px more each side)."""
        left = math.floor(self.origin.x() + image_rect.x() * self.scale) - pad
        top = math.floor(self.origin.y() + image_rect.y() * self.scale) - pad
        right = math.ceil(self.origin.x() + (image_rect.x() + image_rect.width()) * self.scale)
        bottom = math.ceil(self.origin.y() + (image_rect.y() + image_rect.height()) * self.scale)
        return QRect(left, top, right + pad - left, bottom + pad - top)

    def contains(self, device: QPointF) -> bool:
        return self.target().contains(device)
