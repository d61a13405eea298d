"""Honest placeholder images, visibly derived from the request (Pillow only).

Colours come from a hash of the prompt, the prompt is written on the picture with the pixel
size and ratio, and reference images appear as thumbnails. Renders are cached: benchmarks
send the same request many times.
"""

from __future__ import annotations

import hashlib
import io
import textwrap
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import urlsplit

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps, ImageStat

from studio.simulator.inputs import Reference
from studio.simulator.sizes import ratio_label

MIME = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}
_COLOUR_NAMES = {
    "red": (200, 40, 40),
    "orange": (230, 130, 30),
    "yellow": (230, 210, 60),
    "green": (50, 160, 70),
    "teal": (40, 150, 150),
    "blue": (40, 80, 200),
    "purple": (130, 60, 170),
    "pink": (230, 130, 180),
    "brown": (120, 80, 40),
    "grey": (128, 128, 128),
    "black": (20, 20, 20),
    "white": (240, 240, 240),
}


@dataclass(frozen=True)
class Scene:
    """What to draw. Everything here is visible in the result."""

    prompt: str
    width: int
    height: int
    caption: tuple[str, ...] = ()  # extra label lines: model, seed, style...
    refs: tuple[Reference, ...] = ()
    variant: str = ""  # varies the colours (image index, seed, Midjourney tile)
    grain: bool = False  # film grain, so files weigh what photos weigh (benchmarks)


def encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "jpeg":
        image.convert("RGB").save(buffer, "JPEG", quality=85)
    elif fmt == "webp":
        image.save(buffer, "WEBP", quality=80, method=0)
    elif fmt in ("bmp", "tiff"):
        image.convert("RGB").save(buffer, fmt.upper())
    else:
        image.save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()


@lru_cache(maxsize=32)
def render(scene: Scene, fmt: str = "png") -> bytes:
    return encode(paint(scene), fmt)


@lru_cache(maxsize=16)
def render_edit(scene: Scene, base: bytes, mask: bytes, mask_style: str, fmt: str = "png") -> bytes:
    """``base`` with only the masked area replaced by the scene (drawn at base's size).

    ``mask_style``: ``alpha`` (alpha 0 = edit), ``bw`` (white = edit) or ``ignore`` (a relay
    that drops the mask: the whole picture changes).
    """
    with Image.open(io.BytesIO(base)) as opened:
        image = opened.copy() if opened.mode in ("RGB", "RGBA") else opened.convert("RGBA")
    drawn = paint(replace(scene, width=image.width, height=image.height)).convert(image.mode)
    if mask_style == "ignore":
        return encode(Image.blend(image, drawn, 0.6), fmt)
    with Image.open(io.BytesIO(mask)) as opened:
        if mask_style == "alpha":
            area = opened.convert("RGBA").getchannel("A").point(lambda a: 255 if a == 0 else 0)
        else:
            area = opened.convert("L").point(lambda v: 255 if v >= 128 else 0)
    image.paste(drawn, (0, 0), area)
    return encode(image, fmt)


@lru_cache(maxsize=8)
def render_grid(tiles: tuple[Scene, ...], fmt: str = "png") -> bytes:
    """A 2×2 grid of four tiles of equal size (Midjourney)."""
    width, height = tiles[0].width, tiles[0].height
    grid = Image.new("RGB", (width * 2, height * 2))
    for index, tile in enumerate(tiles[:4]):
        grid.paste(paint(tile), ((index % 2) * width, (index // 2) * height))
    return encode(grid, fmt)


def draft(data: bytes, max_side: int = 256) -> bytes:
    """A small blurred version: an in-progress preview or a model's 'thought' draft."""
    with Image.open(io.BytesIO(data)) as opened:
        image = opened.convert("RGB")
    image.thumbnail((max_side, max_side))
    return encode(image.filter(ImageFilter.GaussianBlur(4)), "png")


def describe(data: bytes) -> list[str]:
    """Four prompt suggestions that honestly follow from the picture's size and colours."""
    with Image.open(io.BytesIO(data)) as opened:
        image = opened.convert("RGB")
    mean = ImageStat.Stat(image.resize((64, 64))).mean
    colour = min(
        _COLOUR_NAMES,
        key=lambda n: sum((a - b) ** 2 for a, b in zip(_COLOUR_NAMES[n], mean, strict=True)),
    )
    ratio = ratio_label(image.width, image.height)
    return [
        f"a picture dominated by {colour} tones, soft light --ar {ratio}",
        f"{colour} abstract composition, {image.width}x{image.height} px, flat shapes --ar {ratio}",
        f"minimalist poster in shades of {colour}, bold lettering --ar {ratio}",
        f"digital illustration with a {colour} gradient background and circles --ar {ratio}",
    ]


# -- painting ---------------------------------------------------------------------------------


def paint(scene: Scene) -> Image.Image:
    digest = hashlib.sha256(f"{scene.prompt}\x00{scene.variant}".encode()).digest()
    image = _background(scene.width, scene.height, digest)
    draw = ImageDraw.Draw(image)
    _circles(draw, scene.width, scene.height, digest)
    _prompt_text(draw, scene)
    _label(draw, scene)
    _thumbnails(image, scene)
    if scene.grain:
        noise = Image.effect_noise((scene.width, scene.height), 48).convert("RGB")
        image = Image.blend(image.convert("RGB"), noise, 0.12)
    return image


def _background(width: int, height: int, digest: bytes) -> Image.Image:
    """A two-colour gradient in one of four directions (coloured small, then stretched)."""
    ramp = bytes(range(256)) if digest[0] & 1 else bytes(range(255, -1, -1))
    strip = Image.frombytes("L", (1, 256) if digest[0] & 2 else (256, 1), ramp)
    dark = (digest[1] // 2, digest[2] // 2, digest[3] // 2)
    light = (128 + digest[4] // 2, 128 + digest[5] // 2, 128 + digest[6] // 2)
    coloured = ImageOps.colorize(strip, dark, light)
    return coloured.resize((width, height), Image.Resampling.BILINEAR)


def _circles(draw: ImageDraw.ImageDraw, width: int, height: int, digest: bytes) -> None:
    for i in range(3):
        x, y, r, c = digest[8 + 4 * i : 12 + 4 * i]
        radius = (r / 255 * 0.2 + 0.05) * min(width, height)
        centre = (x / 255 * width, y / 255 * height)
        colour = (c, digest[20 + i], digest[24 + i])
        box = (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius)
        draw.ellipse(box, fill=colour)


def _prompt_text(draw: ImageDraw.ImageDraw, scene: Scene) -> None:
    size = max(12, min(scene.width, scene.height) // 18)
    margin = size
    chars = max(8, int((scene.width - 2 * margin) / (size * 0.55)))
    max_lines = max(1, int(scene.height * 0.6 / (size * 1.25)))
    lines = textwrap.wrap(scene.prompt or "(no prompt)", chars)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1][: chars - 1] + "…"]
    text, font, shadow = "\n".join(lines), _font(size), max(1, size // 16)
    draw.multiline_text(
        (margin + shadow, margin + shadow), text, font=font, fill="black", spacing=size // 4
    )
    draw.multiline_text((margin, margin), text, font=font, fill="white", spacing=size // 4)


def _label(draw: ImageDraw.ImageDraw, scene: Scene) -> None:
    size = max(10, min(scene.width, scene.height) // 32)
    text = "\n".join(
        [f"{scene.width}x{scene.height} · {ratio_label(scene.width, scene.height)}", *scene.caption]
    )
    font = _font(size)
    left, top, right, bottom = draw.multiline_textbbox((0, 0), text, font=font, spacing=size // 4)
    pad = size // 2
    x = pad * 2
    y = scene.height - (bottom - top) - pad * 3
    draw.rectangle((x - pad, y - pad, x + right - left + pad, y + bottom - top + pad), fill="black")
    draw.multiline_text((x - left, y - top), text, font=font, fill="white", spacing=size // 4)


def _thumbnails(image: Image.Image, scene: Scene) -> None:
    side = max(16, min(scene.width, scene.height) // 5)
    gap = max(2, side // 12)
    x = scene.width - gap
    y = scene.height - side - gap
    for ref in scene.refs:
        thumb = _thumbnail(ref, side)
        x -= thumb.width
        if x < 0:
            break
        image.paste(ImageOps.expand(thumb, border=gap // 2, fill="white"), (x - gap // 2, y))
        x -= gap * 2


def _thumbnail(ref: Reference, side: int) -> Image.Image:
    if isinstance(ref, bytes):
        with Image.open(io.BytesIO(ref)) as opened:
            thumb = opened.convert("RGB")
        thumb.thumbnail((side, side))
        return thumb
    card = Image.new("RGB", (side, side), (90, 90, 90))
    font = _font(max(8, side // 8))
    text = "URL\n" + "\n".join(textwrap.wrap(urlsplit(ref).netloc or ref, 12)[:3])
    ImageDraw.Draw(card).multiline_text((4, 4), text, font=font, fill="white")
    return card


# Fonts that also draw Chinese, when the system has one (Pillow's own covers Latin only).
_CJK_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)


@lru_cache(maxsize=32)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in _CJK_FONTS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)
