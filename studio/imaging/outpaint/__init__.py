"""Expand canvas (outpainting): the picture on a larger canvas and a mask over the new area.

``layout`` works out the canvas and where the picture goes (no Pillow); ``pixels`` makes the
enlarged picture and its mask (worker thread).
"""

from studio.imaging.outpaint.layout import (
    DEFAULT_MAX_PIXELS,
    EXTREME_RATIO,
    MULTIPLE,
    RATIOS,
    Anchor,
    CanvasSize,
    Layout,
    Margins,
    Ratio,
    Target,
    parse_target,
    plan_expansion,
)
from studio.imaging.outpaint.pixels import (
    OVERLAP,
    Expansion,
    Fill,
    expand_canvas,
    expand_image,
    expansion_mask,
    expansion_reference,
    load_reference,
)

__all__ = [
    "DEFAULT_MAX_PIXELS",
    "EXTREME_RATIO",
    "MULTIPLE",
    "OVERLAP",
    "RATIOS",
    "Anchor",
    "CanvasSize",
    "Expansion",
    "Fill",
    "Layout",
    "Margins",
    "Ratio",
    "Target",
    "expand_canvas",
    "expand_image",
    "expansion_mask",
    "expansion_reference",
    "load_reference",
    "parse_target",
    "plan_expansion",
]
