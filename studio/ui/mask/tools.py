"""The painter's tools and brush limits."""

from __future__ import annotations

from enum import Enum

MIN_BRUSH = 1.0
MAX_BRUSH = 2000.0
SIZE_STEP = 1.2  # `[` and `]` change the size by this factor (at least one pixel)


class Shape(Enum):
    BRUSH = "brush"  # strokes: brush or eraser
    RECT = "rect"
    LASSO = "lasso"


def grown(size: float, steps: int) -> float:
    """``size`` after ``steps`` presses of `]` (positive) or `[` (negative): proportional steps
    of at least one pixel, within the limits."""
    for _ in range(abs(steps)):
        bigger = max(size * SIZE_STEP, size + 1)
        smaller = min(size / SIZE_STEP, size - 1)
        size = bigger if steps > 0 else smaller
    return min(max(round(size), MIN_BRUSH), MAX_BRUSH)
