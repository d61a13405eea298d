"""The studio's icon set: 24 px line icons (``resources/icons/*.svg``) in the palette's colours.

The SVGs draw with ``currentColor``; :func:`icon` returns a QIcon whose engine renders them on
demand in the palette's text colour (a dimmer one when disabled, the highlighted-text colour when
selected) at whatever size and device pixel ratio a widget asks for. Rendered pixmaps are cached
and the cache is dropped when the palette's colours change, so icons follow a theme switch.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from shiboken6 import Shiboken

from studio.paths import resources_dir

log = logging.getLogger(__name__)

ICON_NAMES = (
    "generate",
    "cancel",
    "retry",
    "star",
    "star-filled",
    "trash",
    "export",
    "settings",
    "search",
    "zoom-in",
    "zoom-out",
    "fit",
    "one-to-one",
    "compare",
    "mask",
    "reuse",
    "reference",
    "copy",
    "folder",
    "warning",
    "close",
    "add",
    "history",
    "eye",
    "eye-off",
    "refresh",
    "info",
    "eraser",
    "rect-select",
    "lasso",
    "undo",
    "redo",
)
APP_ICON = "studio"
STANDARD_SIZES = (16, 24, 32, 48, 64, 128, 256)
_CURRENT_COLOUR = b"currentColor"

_ColourKey = tuple[int, int, int]  # normal, disabled, selected as 0xAARRGGBB
_renderers: dict[tuple[str, int], QSvgRenderer] = {}
_pixmaps: dict[tuple[str, int, int, int, float], QPixmap] = {}
_colours_seen: list[_ColourKey] = []
_clones: set[QIconEngine] = set()
_icons: dict[tuple[str, QPalette.ColorRole | None], QIcon] = {}


def icons_dir() -> Path:
    return resources_dir() / "icons"


@cache
def _source(name: str) -> bytes | None:
    try:
        return (icons_dir() / f"{name}.svg").read_bytes()
    except OSError:
        return None


def clear_cache() -> None:
    _renderers.clear()
    _pixmaps.clear()


def _palette_colours() -> _ColourKey:
    palette = QGuiApplication.palette()
    text = QPalette.ColorRole.Text
    return (
        palette.color(QPalette.ColorGroup.Active, text).rgba(),
        palette.color(QPalette.ColorGroup.Disabled, text).rgba(),
        palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText).rgba(),
    )


def _colour_for(mode: QIcon.Mode, role: QPalette.ColorRole) -> int:
    """The colour for ``mode``; drops the cache first when the palette changed since last time."""
    colours = _palette_colours()
    if _colours_seen != [colours]:
        clear_cache()
        _colours_seen[:] = [colours]
    if role is not QPalette.ColorRole.Text:
        group = (
            QPalette.ColorGroup.Disabled
            if mode is QIcon.Mode.Disabled
            else QPalette.ColorGroup.Active
        )
        return QGuiApplication.palette().color(group, role).rgba()
    normal, disabled, selected = colours
    if mode is QIcon.Mode.Disabled:
        return disabled
    if mode is QIcon.Mode.Selected:
        return selected
    return normal


def _tinted(source: bytes, colour: int) -> bytes:
    """``source`` drawing in ``colour`` wherever it says ``currentColor``."""
    tint = QColor.fromRgba(colour)
    source = source.replace(_CURRENT_COLOUR, tint.name().encode("ascii"))
    if tint.alpha() < 255:  # a translucent palette colour
        source = source.replace(b"<svg ", f'<svg opacity="{tint.alphaF():.3f}" '.encode(), 1)
    return source


def _renderer(name: str, colour: int | None) -> QSvgRenderer:
    key = (name, -1 if colour is None else colour)
    renderer = _renderers.get(key)
    if renderer is None:
        source = _source(name) or b""
        data = QByteArray(source if colour is None else _tinted(source, colour))
        renderer = _renderers[key] = QSvgRenderer(data)
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    return renderer


def render(name: str, side: int, colour: int | None) -> QImage:
    """The icon ``name`` as a ``side`` × ``side`` image (``colour`` None: its own colours)."""
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _renderer(name, colour).render(painter, QRectF(0, 0, side, side))
    painter.end()
    return image


class SvgIconEngine(QIconEngine):
    """Renders one SVG at any size; ``role`` is the palette colour that replaces
    ``currentColor`` (None: the SVG keeps its own colours)."""

    def __init__(
        self, name: str, role: QPalette.ColorRole | None = QPalette.ColorRole.Text
    ) -> None:
        super().__init__()
        self.name = name
        self.role = role

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def scaledPixmap(  # noqa: N802 - Qt's name
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        colour = None if self.role is None else _colour_for(mode, self.role)
        scale = max(scale, 1.0)
        key = (self.name, -1 if colour is None else colour, size.width(), size.height(), scale)
        cached = _pixmaps.get(key)
        if cached is not None:
            return cached
        width, height = round(size.width() * scale), round(size.height() * scale)
        side = max(1, min(width, height))
        image = render(self.name, side, colour)
        if (width, height) != (side, side):  # a square icon centred in a wider or taller box
            boxed = QImage(max(width, 1), max(height, 1), QImage.Format.Format_ARGB32_Premultiplied)
            boxed.fill(Qt.GlobalColor.transparent)
            painter = QPainter(boxed)
            painter.drawImage((width - side) // 2, (height - side) // 2, image)
            painter.end()
            image = boxed
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        _pixmaps[key] = pixmap
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: N802
        return size

    def availableSizes(  # noqa: N802
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(side, side) for side in STANDARD_SIZES]

    def clone(self) -> QIconEngine:
        # The QIcon that asked owns the copy, but PySide does not hand it over: keep the Python
        # side alive until Qt deletes the engine (which invalidates the wrapper).
        twin = SvgIconEngine(self.name, self.role)
        _clones.difference_update([engine for engine in _clones if not Shiboken.isValid(engine)])
        _clones.add(twin)
        return twin

    def key(self) -> str:
        return "studio-svg"

    def iconName(self) -> str:  # noqa: N802
        return self.name

    def isNull(self) -> bool:  # noqa: N802
        return _source(self.name) is None


def _svg_icon(name: str, role: QPalette.ColorRole | None) -> QIcon:
    made = _icons.get((name, role))
    if made is None:
        if _source(name) is None:
            log.warning("the icon %s is missing from %s", name, icons_dir())
            return QIcon()
        made = _icons[(name, role)] = QIcon(SvgIconEngine(name, role))
    return QIcon(made)


def icon(name: str, role: QPalette.ColorRole = QPalette.ColorRole.Text) -> QIcon:
    """The line icon ``name`` (one of :data:`ICON_NAMES`) in the palette's ``role`` colour:
    Text by default, ``HighlightedText`` on an accent ("primary") button."""
    return _svg_icon(name, role)


def app_icon() -> QIcon:
    """The studio's own colourful icon (window, task bar, notifications)."""
    return _svg_icon(APP_ICON, None)
