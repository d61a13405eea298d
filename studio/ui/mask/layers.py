"""The canvas's two cached layers, each the size of the view in device pixels.

- the *base*: the background, a checkerboard under the image, the source image drawn from the
  nearest halved copy (smooth when shrunk, crisp when zoomed in);
- the *overlay*: the mask, tinted. The mask's gray bytes are read in place as an Alpha8 image
  (no copy of the mask is ever made), drawn scaled, then coloured with the tint by SourceIn.

Only the parts that changed are drawn again: a stroke redraws the few device pixels it touched,
a pan scrolls the layers and draws the strips that came into view, a zoom redraws the view once.
Painting the widget is then two blits of its exposed rectangle.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPixmap

from studio.ui.mask.viewport import Viewport
from studio.ui.pictures.picture import Picture
from studio.ui.pictures.scaling import covering

SMOOTH_FROM = 0.5  # the overlay is sampled smoothly between this scale and 1:1
MAX_PENDING = 32  # dirty rectangles kept apart before they are merged into one

_FAST_FORMATS = (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied)


def draw_mapped(
    painter: QPainter, image: QImage, target: QRectF, clip: QRect, smooth: bool
) -> None:
    """``image`` stretched over ``target`` (device px), drawing only the pixels in ``clip``.

    The source rectangle is rounded out to whole pixels (plus a margin for smooth sampling), so
    every part drawn uses exactly the same mapping: pieces drawn apart join without seams.
    """
    visible = QRectF(clip).intersected(target)
    if visible.isEmpty() or image.isNull():
        return
    source, drawn = covering(image.size(), target, visible, 2 if smooth else 0)
    painter.setClipRect(clip)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
    painter.drawImage(drawn, image, QRectF(source))


class Layers:
    def __init__(self) -> None:
        self.base = QPixmap()
        self.overlay = QPixmap()
        self._base_dirty: list[QRect] = []
        self._overlay_dirty: list[QRect] = []
        self._tint = QColor(255, 64, 64)

    # -- what to redraw --------------------------------------------------------------------

    def resize(self, size: QSize) -> None:
        """A new view size: both layers are drawn again in full."""
        if self.base.size() != size:
            self.base = QPixmap(size)
            self.overlay = QPixmap(size)
            self.overlay.fill(Qt.GlobalColor.transparent)  # gives the pixmap its alpha channel
        self.invalidate()

    def invalidate(self, base: bool = True, overlay: bool = True) -> None:
        whole = QRect(QPoint(), self.base.size())
        if base:
            self._base_dirty = [whole]
        if overlay:
            self._overlay_dirty = [whole]

    def mark_overlay(self, rect: QRect) -> None:
        self._overlay_dirty = _added(self._overlay_dirty, rect)

    def set_tint(self, colour: QColor) -> None:
        self._tint = QColor(colour.red(), colour.green(), colour.blue())
        self.invalidate(base=False)

    def scroll(self, delta: QPoint) -> None:
        """The image moved by ``delta`` device px: move what is drawn, mark what came in."""
        whole = QRect(QPoint(), self.base.size())
        moved = whole.translated(delta).intersected(whole)
        if moved.isEmpty():
            self.invalidate()
            return
        for pixmap in (self.base, self.overlay):
            pixmap.scroll(delta.x(), delta.y(), whole)
        self._base_dirty = [rect.translated(delta) for rect in self._base_dirty]
        self._overlay_dirty = [rect.translated(delta) for rect in self._overlay_dirty]
        for strip in _uncovered(whole, moved):
            self._base_dirty = _added(self._base_dirty, strip)
            self._overlay_dirty = _added(self._overlay_dirty, strip)

    # -- drawing ---------------------------------------------------------------------------

    def draw_base(
        self,
        view: Viewport,
        picture: Picture | None,
        source: QImage,
        background: QColor,
        checker: QBrush,
    ) -> None:
        if not self._base_dirty or self.base.isNull():
            return
        target = view.target()
        if picture is not None:
            image = picture.level_for(target.width())
        elif source.format() in _FAST_FORMATS:
            image = source  # the halved copies are still being made
        else:
            image = QImage()
        painter = QPainter(self.base)
        for rect in self._base_dirty:
            painter.setClipRect(rect)
            painter.fillRect(rect, background)
            painter.fillRect(QRectF(rect).intersected(target), checker)
            smooth = image.width() > target.width() + 0.5
            draw_mapped(painter, image, target, rect, smooth)
        painter.end()
        self._base_dirty = []

    def draw_overlay(self, view: Viewport, mask: QImage) -> None:
        """``mask`` is the document's live Format_Grayscale8 image; it is read in place and no
        reference to it is kept once this returns."""
        if not self._overlay_dirty or self.overlay.isNull():
            return
        alpha = QImage(
            mask.constBits(),
            mask.width(),
            mask.height(),
            mask.bytesPerLine(),
            QImage.Format.Format_Alpha8,
        )
        target = view.target()
        # Bilinear sampling helps a moderate reduction; far out it would cost four times as much
        # for the same aliasing, and zoomed in the pixels stay crisp.
        smooth = SMOOTH_FROM <= view.scale < 1.0
        painter = QPainter(self.overlay)
        for rect in self._overlay_dirty:
            painter.setClipRect(rect)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            painter.fillRect(rect, Qt.GlobalColor.transparent)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            draw_mapped(painter, alpha, target, rect, smooth)  # black, the mask as alpha
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(rect, self._tint)
        painter.end()
        del alpha
        self._overlay_dirty = []


def _added(rects: list[QRect], rect: QRect) -> list[QRect]:
    if rect.isEmpty():
        return rects
    if any(existing.contains(rect) for existing in rects):
        return rects
    rects = [*rects, rect]
    if len(rects) > MAX_PENDING:
        merged = QRect()
        for each in rects:
            merged = merged.united(each)
        rects = [merged]
    return rects


def _uncovered(whole: QRect, covered: QRect) -> list[QRect]:
    """``whole`` minus ``covered`` (a rectangle inside it) as up to four strips."""
    strips = [
        QRect(whole.left(), whole.top(), whole.width(), covered.top() - whole.top()),
        QRect(whole.left(), covered.bottom() + 1, whole.width(), whole.bottom() - covered.bottom()),
        QRect(whole.left(), covered.top(), covered.left() - whole.left(), covered.height()),
        QRect(
            covered.right() + 1, covered.top(), whole.right() - covered.right(), covered.height()
        ),
    ]
    return [strip for strip in strips if not strip.isEmpty()]
