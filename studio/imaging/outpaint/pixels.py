"""Expand canvas, the pixels: the enlarged picture, its new area filled, and the mask.

The new area is filled with the picture's own border colours stretched outward and strongly
blurred (``Fill.BLUR``). Edit models read the pixels under the mask as a hint, and relays that
ignore the mask send the whole picture to a model that keeps what it sees: a soft continuation
of the picture's colours is context they can build on, where a flat frame would be kept as a
frame. ``Fill.GRAY`` (neutral 50 % gray) is there for models that do better with a blank.

The mask follows the studio's convention (255 = edit = the new area, 0 = keep the original)
and reaches ``overlap`` pixels into the original with a linear ramp, so the seam is repainted
and blends. Everything here is CPU work: run it in a thread.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePath
from typing import Any

from PIL import Image, ImageChops, ImageFilter

from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.notice import Notice
from studio.domain.request import Mask, Reference
from studio.imaging.inputs import MAX_INPUT_PIXELS, LoadedImage, load_image
from studio.imaging.masks import mask_from_image
from studio.imaging.outpaint.layout import (
    DEFAULT_MAX_PIXELS,
    MULTIPLE,
    Anchor,
    Layout,
    Target,
    megapixels,
    plan_expansion,
)

OVERLAP = 8  # px of the original the mask reaches into, ramping down to 0
_FILL_SIDE = 96  # the blurred fill is worked out at this size, then scaled up
_PNG_LEVEL = 1  # zlib level: twice as fast as 6 on large canvases, a few per cent bigger


class Fill(StrEnum):
    BLUR = "blur"  # the border's colours, stretched outward and blurred
    GRAY = "gray"  # neutral 50 % gray


@dataclass(frozen=True)
class Expansion:
    """The enlarged picture (PNG), its mask (255 = the new area) and where the original went.

    ``scaled`` is 1.0 when the original is at 1:1, less when everything had to shrink to stay
    within the pixel budget (a note in ``notes`` says so too).
    """

    image_png: bytes
    mask: Mask
    width: int
    height: int
    offset: tuple[int, int]
    scaled: float
    placed_size: tuple[int, int] = (0, 0)
    source_name: str = "image.png"
    notes: tuple[Notice, ...] = ()

    @property
    def name(self) -> str:
        return f"{_stem(self.source_name)}-expanded.png"


def load_reference(reference: Reference, *, max_pixels: int = MAX_INPUT_PIXELS) -> LoadedImage:
    """A reference's picture, upright and checked (the bomb guard included)."""
    if reference.data is not None:
        return load_image(reference.data, reference.name, max_pixels=max_pixels)
    if reference.path is not None:
        return load_image(reference.path, reference.name, max_pixels=max_pixels)
    raise InputError(
        ErrorKind.INVALID_INPUT,
        QT_TRANSLATE_NOOP(
            ERRORS,
            "“{name}” is a link. Save the picture to this computer first, then expand its canvas.",
        ),
        name=reference.name,
    )


def expand_image(
    source: LoadedImage,
    target: Target | str,
    anchor: Anchor | str = Anchor.CENTER,
    *,
    overlap: int = OVERLAP,
    feather: bool = True,
    fill: Fill = Fill.BLUR,
    multiple: int = MULTIPLE,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> Expansion:
    """The enlarged picture and its mask (CPU work: run it in a thread)."""
    layout = plan_expansion(
        source.image.size,
        target,
        anchor,
        multiple=multiple,
        max_pixels=max_pixels,
        name=source.name,
    )
    picture = source.image
    if layout.placed_size != picture.size:
        picture = picture.resize(layout.placed_size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    if fill is Fill.GRAY:
        canvas = Image.new("RGB", layout.canvas_size, (128, 128, 128))
    else:
        canvas = _blurred_border(picture, layout)
    if picture.mode == "RGBA":
        canvas = canvas.convert("RGBA")  # the new area is opaque; the original keeps its alpha
    canvas.paste(picture, layout.offset)
    stem = _stem(source.name)
    mask = mask_from_image(expansion_mask(layout, overlap, feather), f"{stem}-expanded-mask.png")
    notes = source.notes
    if layout.scale < 1:
        notes += (
            Notice(
                "expand_scaled",
                QT_TRANSLATE_NOOP(
                    WARNINGS,
                    "“{name}” was reduced to {percent} % so that the expanded picture stays "
                    "within {limit} megapixels.",
                ),
                {
                    "name": source.name,
                    "percent": round(layout.scale * 100),
                    "limit": megapixels(max_pixels),
                },
            ),
        )
    return Expansion(
        image_png=_png(canvas),
        mask=mask,
        width=layout.canvas_size[0],
        height=layout.canvas_size[1],
        offset=layout.offset,
        scaled=layout.scale,
        placed_size=layout.placed_size,
        source_name=source.name,
        notes=notes,
    )


def expand_canvas(
    source: Reference | Path | str | bytes,
    target: Target | str,
    anchor: Anchor | str = Anchor.CENTER,
    *,
    name: str | None = None,
    **options: Any,
) -> Expansion:
    """Load ``source`` (a reference, a file or image bytes) and expand it; see expand_image."""
    if isinstance(source, Reference):
        loaded = load_reference(source)
    else:
        label = name or (Path(source).name if isinstance(source, Path | str) else "image.png")
        loaded = load_image(source, label)
    return expand_image(loaded, target, anchor, **options)


def expansion_reference(expansion: Expansion) -> Reference:
    """The enlarged picture as a reference for the composer (``<stem>-expanded.png``)."""
    return Reference(name=expansion.name, data=expansion.image_png)


def expansion_mask(layout: Layout, overlap: int = OVERLAP, feather: bool = True) -> Image.Image:
    """ "L": 255 over the new area, 0 over the original, and a band of ``overlap`` px inside the
    original along each side that borders new area: a linear ramp down to 0 when ``feather``,
    else 255 (a hard edge moved inward)."""
    width, height = layout.canvas_size
    left, top, right, bottom = layout.box
    mask = Image.new("L", (width, height), 255)
    mask.paste(0, layout.box)
    if overlap <= 0:
        return mask
    placed_width, placed_height = layout.placed_size
    nearest = Image.Resampling.NEAREST
    for side, grows in (
        ("left", left > 0),
        ("top", top > 0),
        ("right", right < width),
        ("bottom", bottom < height),
    ):
        if not grows:
            continue
        depth = min(overlap, placed_width if side in ("left", "right") else placed_height)
        ramp = bytes(_ramp(step, overlap, feather) for step in range(depth))  # border inward
        if side in ("right", "bottom"):
            ramp = ramp[::-1]
        if side in ("left", "right"):
            strip = Image.frombytes("L", (depth, 1), ramp).resize((depth, placed_height), nearest)
            x = left if side == "left" else right - depth
            box = (x, top, x + depth, bottom)
        else:
            strip = Image.frombytes("L", (1, depth), ramp).resize((placed_width, depth), nearest)
            y = top if side == "top" else bottom - depth
            box = (left, y, right, y + depth)
        mask.paste(ImageChops.lighter(mask.crop(box), strip), box)
    return mask


def _ramp(step: int, overlap: int, feather: bool) -> int:
    return round(255 * (overlap - step) / (overlap + 1)) if feather else 255


def _blurred_border(picture: Image.Image, layout: Layout) -> Image.Image:
    """The canvas filled with the picture's border colours stretched outward and blurred,
    worked out on a small copy (fast at any size) and scaled up smoothly."""
    width, height = layout.canvas_size
    factor = max(1.0, max(width, height) / _FILL_SIDE)
    small_width = max(1, round(picture.width / factor))
    small_height = max(1, round(picture.height / factor))
    small_canvas = (
        max(small_width, round(width / factor)),
        max(small_height, round(height / factor)),
    )
    small_offset = (
        min(round(layout.offset[0] / factor), small_canvas[0] - small_width),
        min(round(layout.offset[1] / factor), small_canvas[1] - small_height),
    )
    small = picture.convert("RGB").resize((small_width, small_height), Image.Resampling.BOX)
    padded = _edge_padded(small, small_canvas, small_offset)
    padded = padded.filter(ImageFilter.GaussianBlur(max(small_canvas) / 24))
    return padded.resize((width, height), Image.Resampling.BICUBIC)


def _edge_padded(
    picture: Image.Image, size: tuple[int, int], offset: tuple[int, int]
) -> Image.Image:
    """``picture`` at ``offset`` on a ``size`` canvas whose rest repeats its outermost pixels."""
    width, height = size
    x, y = offset
    right, bottom = x + picture.width, y + picture.height
    out = Image.new(picture.mode, size)
    out.paste(picture, offset)
    nearest = Image.Resampling.NEAREST
    if x > 0:
        out.paste(
            picture.crop((0, 0, 1, picture.height)).resize((x, picture.height), nearest), (0, y)
        )
    if right < width:
        column = picture.crop((picture.width - 1, 0, picture.width, picture.height))
        out.paste(column.resize((width - right, picture.height), nearest), (right, y))
    if y > 0:
        out.paste(out.crop((0, y, width, y + 1)).resize((width, y), nearest), (0, 0))
    if bottom < height:
        row = out.crop((0, bottom - 1, width, bottom))
        out.paste(row.resize((width, height - bottom), nearest), (0, bottom))
    return out


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=_PNG_LEVEL)
    return buffer.getvalue()


def _stem(name: str) -> str:
    return PurePath(name).stem or "image"
