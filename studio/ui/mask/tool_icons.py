"""Line icons for the mask painter's own tools, drawn like the studio's set (24 px, 1.75 px
strokes in ``currentColor``, rendered in the palette's text colour).

They live here rather than in ``resources/icons`` because that set is closed (its test lists
every file); ``tool_icon`` gives the studio's own icon for any other name.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from shiboken6 import Shiboken

from studio.ui.icons import icon

_HEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" '
    'fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" '
    'stroke-linejoin="round">'
)
SVGS = {
    "eraser": '<path d="M7 20h13"/><path d="M3.6 14.6 13.4 4.8a2 2 0 0 1 2.8 0l3 3a2 2 0 0 1 0 '
    '2.8L11 19H7.8l-4.2-4.2a1.5 1.5 0 0 1 0-2.1z"/><path d="m8.5 9.8 5.7 5.7"/>',
    "rect-select": '<path d="M4 8V5a1 1 0 0 1 1-1h3"/><path d="M12 4h0"/><path d="M16 4h3a1 1 0 '
    '0 1 1 1v3"/><path d="M20 12h0"/><path d="M20 16v3a1 1 0 0 1-1 1h-3"/><path d="M12 20h0"/>'
    '<path d="M8 20H5a1 1 0 0 1-1-1v-3"/><path d="M4 12h0"/>',
    "lasso": '<path d="M7 17.5C4.6 16.3 3 14.3 3 12c0-4.4 4-8 9-8s9 3.6 9 8-4 8-9 8c-1.2 0-2.3-.2'
    '-3.3-.5"/><circle cx="7" cy="18" r="1.6"/><path d="M6.2 19.4C5.8 21 5 22 4 22"/>',
    "undo": '<path d="M9 14 4 9l5-5"/><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11"/>',
    "redo": '<path d="m15 14 5-5-5-5"/><path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13"/>',
}

_cache: dict[tuple[str, int, int, int], QPixmap] = {}
_icons: dict[str, QIcon] = {}
_clones: set[QIconEngine] = set()


def _svg(name: str, colour: str) -> bytes:
    return f"{_HEAD}{SVGS[name]}</svg>".replace("currentColor", colour).encode("utf-8")


class _InlineEngine(QIconEngine):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def _colour(self, mode: QIcon.Mode) -> str:
        palette = QGuiApplication.palette()
        if mode is QIcon.Mode.Disabled:
            colour = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        elif mode is QIcon.Mode.Selected:
            colour = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            colour = palette.color(QPalette.ColorRole.Text)
        return colour.name()

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def scaledPixmap(  # noqa: N802 - Qt's name
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        scale = max(scale, 1.0)
        side = max(1, round(min(size.width(), size.height()) * scale))
        colour = self._colour(mode)
        key = (self.name, int(colour[1:], 16), side, round(scale * 100))
        cached = _cache.get(key)
        if cached is not None:
            return cached
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        renderer = QSvgRenderer(QByteArray(_svg(self.name, colour)))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, side, side))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        _cache[key] = pixmap
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def clone(self) -> QIconEngine:
        twin = _InlineEngine(self.name)
        _clones.difference_update([engine for engine in _clones if not Shiboken.isValid(engine)])
        _clones.add(twin)
        return twin

    def key(self) -> str:
        return "studio-mask-svg"


def tool_icon(name: str) -> QIcon:
    """One of :data:`SVGS`, or an icon of the studio's set by its name."""
    if name not in SVGS:
        return icon(name)
    made = _icons.get(name)
    if made is None:
        made = _icons[name] = QIcon(_InlineEngine(name))
    return QIcon(made)
