"""Zooming a picture: the scale's limits, one step, and the wheel that zooms around the pointer.

The detail viewer and the mask painter's canvas both count ``scale`` in device pixels per image
pixel and zoom the same way: one wheel notch or one key press is one ``STEP``, and the image
point under the pointer stays under it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtGui import QWheelEvent

MIN_SCALE = 0.02
MAX_SCALE = 32.0
STEP = 1.25  # one key press or one wheel notch
MARGIN = 8  # logical px kept free around a fitted image
NOTCH = 120  # angle delta of one wheel notch (eighths of a degree)


def clamped_scale(scale: float) -> float:
    return min(max(scale, MIN_SCALE), MAX_SCALE)


class WheelZoom:
    """Mixed into a picture widget (before QWidget) that has ``zoom_by(factor, anchor)``: the
    wheel zooms around the pointer, a notch a ``STEP`` (a smooth wheel or a touchpad in
    fractions of one); a wheel turned sideways is left to the parent."""

    if TYPE_CHECKING:  # the widget's own

        def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None: ...

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        steps = event.angleDelta().y() / NOTCH
        if not steps:
            event.ignore()
            return
        self.zoom_by(STEP**steps, event.position())
        event.accept()
