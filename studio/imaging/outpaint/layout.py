"""Expand canvas, the geometry: which canvas a shape, size or margins give, and where the
picture goes on it. Plain arithmetic (no Pillow): cheap enough to run on every change in a dialog.

The canvas is the smallest one of the asked shape that holds the picture at 1:1, both sides a
multiple of 8. When it would exceed the pixel budget, everything shrinks together.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import UploadLimits

MULTIPLE = 8  # both canvas sides are a multiple of this (what image models are happy with)
# What the catalog's edit models take by default (``UploadLimits.max_pixels``, 4096²): a larger
# canvas would only be shrunk again before the upload.
DEFAULT_MAX_PIXELS = UploadLimits().max_pixels
EXTREME_RATIO = 16.0  # shapes between 1:16 and 16:1 (the widest a catalog model takes)
RATIOS = ("1:1", "4:3", "3:2", "16:9", "9:16", "3:4", "2:3", "21:9")


class Anchor(StrEnum):
    """Where the original sits on the new canvas (row-major, as on a 3×3 grid)."""

    TOP_LEFT = "top-left"
    TOP = "top"
    TOP_RIGHT = "top-right"
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    BOTTOM_LEFT = "bottom-left"
    BOTTOM = "bottom"
    BOTTOM_RIGHT = "bottom-right"

    @property
    def row(self) -> int:
        return list(Anchor).index(self) // 3

    @property
    def column(self) -> int:
        return list(Anchor).index(self) % 3


@dataclass(frozen=True)
class Ratio:
    width: float
    height: float

    def __str__(self) -> str:
        return f"{_number(self.width)}:{_number(self.height)}"


@dataclass(frozen=True)
class CanvasSize:
    width: int
    height: int

    def __str__(self) -> str:
        return f"{self.width}×{self.height}"


@dataclass(frozen=True)
class Margins:
    """Pixels to add on each side (the anchor is then implied by the margins)."""

    left: int = 0
    top: int = 0
    right: int = 0
    bottom: int = 0

    @classmethod
    def around(cls, pixels: int) -> Margins:
        return cls(pixels, pixels, pixels, pixels)


Target = Ratio | CanvasSize | Margins


@dataclass(frozen=True)
class Layout:
    """Where everything goes: the source, shrunk by ``scale`` to ``placed_size``, lies at
    ``offset`` on a ``canvas_size`` canvas."""

    source_size: tuple[int, int]
    canvas_size: tuple[int, int]
    offset: tuple[int, int]
    placed_size: tuple[int, int]
    scale: float = 1.0

    @property
    def box(self) -> tuple[int, int, int, int]:
        x, y = self.offset
        return x, y, x + self.placed_size[0], y + self.placed_size[1]


# -- reading what the user asked for --------------------------------------------------------

_RATIO = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[:/]\s*(\d+(?:\.\d+)?)\s*$")
_SIZE = re.compile(r"^\s*(\d+)\s*[x×*]\s*(\d+)\s*$", re.IGNORECASE)


def parse_target(text: str) -> Target:
    """``"16:9"`` → Ratio, ``"2048x1152"`` (or ``×``) → CanvasSize; InputError otherwise."""
    if (found := _RATIO.match(text)) is not None:
        width, height = float(found[1]), float(found[2])
        if width > 0 and height > 0:
            return Ratio(width, height)
    elif (found := _SIZE.match(text)) is not None:
        width, height = int(found[1]), int(found[2])
        if width > 0 and height > 0:
            return CanvasSize(width, height)
        raise _not_a_size(text)
    if "x" in text.lower() or "×" in text:
        raise _not_a_size(text)
    raise InputError(
        ErrorKind.INVALID_INPUT,
        QT_TRANSLATE_NOOP(
            ERRORS, "“{value}” is not a ratio. Write it as width:height, for example 16:9."
        ),
        value=text,
    )


def _not_a_size(text: str) -> InputError:
    return InputError(
        ErrorKind.INVALID_INPUT,
        QT_TRANSLATE_NOOP(
            ERRORS,
            "“{value}” is not a size. Write it as width×height in pixels, for example 2048×1152.",
        ),
        value=text,
    )


# -- the geometry (no pixels: cheap enough for the GUI thread) ------------------------------


def plan_expansion(
    source_size: tuple[int, int],
    target: Target | str,
    anchor: Anchor | str = Anchor.CENTER,
    *,
    multiple: int = MULTIPLE,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    name: str = "image",
) -> Layout:
    """Where the source goes on the new canvas; InputError when there is nothing to add."""
    target = parse_target(target) if isinstance(target, str) else target
    anchor = Anchor(anchor)
    width, height = source_size
    _check_growth(width, height, target, name)
    canvas, offset = _arrange(width, height, target, anchor, multiple, 1.0)
    if canvas[0] * canvas[1] <= max_pixels:
        return Layout(source_size, canvas, offset, source_size)
    scale = math.sqrt(max_pixels / (canvas[0] * canvas[1]))
    for _ in range(400):
        placed = (max(1, math.floor(width * scale)), max(1, math.floor(height * scale)))
        canvas, offset = _arrange(*placed, target, anchor, multiple, scale)
        if canvas[0] * canvas[1] <= max_pixels:
            return Layout(source_size, canvas, offset, placed, placed[0] / width)
        scale *= 0.99
    raise InputError(
        ErrorKind.INVALID_INPUT,
        QT_TRANSLATE_NOOP(
            ERRORS,
            "The expanded canvas cannot fit within {limit} megapixels. Choose a less extreme "
            "ratio or a smaller size.",
        ),
        limit=megapixels(max_pixels),
    )


def _check_growth(width: int, height: int, target: Target, name: str) -> None:
    if isinstance(target, Ratio):
        shape = target.width / target.height
        if not 1 / EXTREME_RATIO <= shape <= EXTREME_RATIO:
            raise InputError(
                ErrorKind.INVALID_INPUT,
                QT_TRANSLATE_NOOP(
                    ERRORS, "{ratio} is too wide or too tall. Choose a ratio between 1:16 and 16:1."
                ),
                ratio=str(target),
            )
        grow_x = max(width, height * shape) - width
        grow_y = max(height, width / shape) - height
        if grow_x <= 1 and grow_y <= 1:
            raise InputError(
                ErrorKind.INVALID_INPUT,
                QT_TRANSLATE_NOOP(
                    ERRORS,
                    "“{name}” already has the {ratio} shape, so there is nothing to add. Choose "
                    "another ratio or a larger size.",
                ),
                name=name,
                ratio=str(target),
            )
    elif isinstance(target, CanvasSize):
        if target.width < width or target.height < height:
            raise InputError(
                ErrorKind.INVALID_INPUT,
                QT_TRANSLATE_NOOP(
                    ERRORS,
                    "The new canvas ({width}×{height}) is smaller than “{name}” "
                    "({image_width}×{image_height}). Choose a size at least as large as the image.",
                ),
                width=target.width,
                height=target.height,
                name=name,
                image_width=width,
                image_height=height,
            )
        if (target.width, target.height) == (width, height):
            raise InputError(
                ErrorKind.INVALID_INPUT,
                QT_TRANSLATE_NOOP(
                    ERRORS,
                    "The new canvas is exactly the size of “{name}”, so there is nothing to add. "
                    "Choose a larger size.",
                ),
                name=name,
            )
    else:
        sides = (target.left, target.top, target.right, target.bottom)
        if min(sides) < 0:
            raise InputError(
                ErrorKind.INVALID_INPUT,
                QT_TRANSLATE_NOOP(
                    ERRORS, "Margins cannot be negative. Enter zero or more pixels for each side."
                ),
            )
        if max(sides) == 0:
            raise InputError(
                ErrorKind.INVALID_INPUT,
                QT_TRANSLATE_NOOP(
                    ERRORS,
                    "All margins are zero, so there is nothing to add to “{name}”. Enter a "
                    "margin for at least one side.",
                ),
                name=name,
            )


def _arrange(
    width: int, height: int, target: Target, anchor: Anchor, multiple: int, scale: float
) -> tuple[tuple[int, int], tuple[int, int]]:
    """(canvas size, offset) for a source of ``width``×``height`` (already scaled)."""
    if isinstance(target, Margins):
        left, right = _rounded_margins(
            width, round(target.left * scale), round(target.right * scale), multiple
        )
        top, bottom = _rounded_margins(
            height, round(target.top * scale), round(target.bottom * scale), multiple
        )
        return (width + left + right, height + top + bottom), (left, top)
    if isinstance(target, Ratio):
        canvas = _ratio_canvas(width, height, target, multiple)
    else:
        canvas = (
            _ceil_to(max(width, round(target.width * scale)), multiple),
            _ceil_to(max(height, round(target.height * scale)), multiple),
        )
    space_x, space_y = canvas[0] - width, canvas[1] - height
    return canvas, (space_x * anchor.column // 2, space_y * anchor.row // 2)


def _ratio_canvas(width: int, height: int, ratio: Ratio, multiple: int) -> tuple[int, int]:
    """The smallest canvas holding ``width``×``height`` whose sides are multiples of
    ``multiple`` and whose height is within 1 px of ``ratio`` for its width."""
    shape = ratio.width / ratio.height
    first = _ceil_to(max(width, height * shape), multiple)
    canvas_width = first
    for _ in range(10_000):
        ideal = canvas_width / shape
        canvas_height = _ceil_to(max(height, ideal - 1), multiple)
        if canvas_height <= ideal + 1:
            return canvas_width, canvas_height
        canvas_width += multiple
    return first, _ceil_to(max(height, first / shape), multiple)  # unreachable for sane ratios


def _rounded_margins(side: int, before: int, after: int, multiple: int) -> tuple[int, int]:
    """The margins on one axis, grown so the total is a multiple; the extra goes to the sides
    that already grow (shared when both do)."""
    extra = _ceil_to(side + before + after, multiple) - (side + before + after)
    if before and after:
        return before + extra // 2, after + extra - extra // 2
    if before:
        return before + extra, after
    return before, after + extra


def _ceil_to(value: float, multiple: int) -> int:
    return max(multiple, math.ceil(value / multiple - 1e-9) * multiple)


def megapixels(pixels: int) -> str:
    return f"{pixels / 1_000_000:.1f}".removesuffix(".0")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
