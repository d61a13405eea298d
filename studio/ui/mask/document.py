"""The mask being painted: 8-bit gray pixels (255 = edit here) with per-stroke undo by tiles.

Coordinates are image pixels (floats allowed for stroke points; pixel (x, y) covers the square
from (x, y) to (x + 1, y + 1), so a dab at (10.5, 10.5) is centred on pixel (10, 10)).

The canvas reads ``image()`` to draw: keep no QImage copy of it (QImage is implicitly shared,
so the next edit would then copy the whole mask) — draw from ``image()`` and repaint the rect
that ``changed`` reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QObject, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPolygonF

from studio.ui.mask.brush import StrokePath, StrokePiece, paint_piece
from studio.ui.mask.tiles import History, InvertStep, Step, TileGrid, TileStep, unpadded_bytes

GRAY = QImage.Format.Format_Grayscale8


class Tool(Enum):
    BRUSH = "brush"  # adds to the mask (towards 255)
    ERASER = "eraser"  # removes from the mask (towards 0)


@dataclass
class _Stroke:
    erase: bool
    hardness: float
    path: StrokePath
    step: TileStep = field(default_factory=TileStep)


def blank_mask(width: int, height: int) -> QImage:
    """Zeroed mask pixels (thread-safe: QImage is not tied to the GUI thread)."""
    image = QImage(width, height, GRAY)
    if image.isNull():
        raise MemoryError(f"no memory for a {width}×{height} mask")
    image.fill(0)
    return image


class MaskDocument(QObject):
    """Mask pixels the size of the source image, edited by strokes and whole-mask operations.

    Every edit is one undo step. Undo keeps only the tiles an edit touched (before/after), never a
    full copy per stroke; ``undo_bytes`` reports what the history holds.
    """

    changed = Signal(QRect)  # image-pixel rectangle whose mask values changed (for repaint)
    history_changed = Signal()  # can_undo / can_redo / is_empty may have changed

    MAX_UNDO_STEPS = 100
    MAX_UNDO_BYTES = 512 * 1024 * 1024

    def __init__(
        self, width: int, height: int, parent: QObject | None = None, *, blank: QImage | None = None
    ) -> None:
        """``blank``: the zeroed pixels made beforehand by :func:`blank_mask` (in a worker
        thread: zeroing 64 MB for 8192² takes longer than a frame)."""
        super().__init__(parent)
        if width < 1 or height < 1:
            raise ValueError(f"a mask needs a positive size, not {width}×{height}")
        if blank is not None and (blank.size() != QSize(width, height) or blank.format() != GRAY):
            raise ValueError("the blank mask must be Grayscale8 of the document's size")
        image = blank if blank is not None else blank_mask(width, height)
        self._image = image
        self._bounds = QRect(0, 0, width, height)
        self._grid = TileGrid(image, 0)
        self._history = History(self.MAX_UNDO_STEPS, self.MAX_UNDO_BYTES)
        self._stroke: _Stroke | None = None

    @classmethod
    def from_gray(cls, gray: QImage, parent: QObject | None = None) -> MaskDocument:
        """A document holding ``gray`` (any format convertible to Grayscale8), no undo step."""
        document = cls(gray.width(), gray.height(), parent)
        document._copy_pixels(gray)
        document._grid.set_all(None)
        return document

    # -- the pixels -------------------------------------------------------------------------
    def width(self) -> int:
        return self._image.width()

    def height(self) -> int:
        return self._image.height()

    def size(self) -> QSize:
        return self._image.size()

    def image(self) -> QImage:
        """The live mask, QImage.Format_Grayscale8 (do not modify; read for display)."""
        return self._image

    def is_empty(self) -> bool:
        """True when no pixel is above 0 (cheap: tracked, not scanned per call)."""
        return self._grid.all_equal(0)

    def replace(self, gray: QImage) -> None:
        """Replace the whole mask with ``gray`` (same size, any format convertible to
        Grayscale8) as ONE undoable step (e.g. after load, feather computed in a thread)."""
        if gray.size() != self._image.size():
            raise ValueError(
                f"the mask is {self.width()}×{self.height()}, "
                f"the replacement {gray.width()}×{gray.height()}"
            )
        self._finish_stroke()
        step = TileStep()
        step.keep_before(self._grid, range(self._grid.count))
        self._copy_pixels(gray)
        self._grid.set_all(None)
        step.rect = QRect(self._bounds)
        self._commit(step)

    def gray_bytes(self) -> bytes:
        """A copy of the pixels, row-major, width*height bytes (to hand to a worker thread)."""
        return unpadded_bytes(self._image)

    # -- strokes ----------------------------------------------------------------------------
    def begin_stroke(self, tool: Tool, size: float, hardness: float) -> None:
        """Start one undo step. size = brush diameter in image pixels; hardness 0..1
        (1 = hard edge, 0 = soft falloff from the centre to the rim)."""
        self._finish_stroke()
        hardness = min(1.0, max(0.0, float(hardness)))
        self._stroke = _Stroke(
            erase=tool is Tool.ERASER, hardness=hardness, path=StrokePath(size, hardness)
        )

    def stroke_to(self, point: QPointF, pressure: float = 1.0) -> QRect:
        """Continue the stroke to ``point`` (the first call just stamps a dab). The stroke is
        painted continuously between points (a capsule per segment; dabs 5–15 % of the
        diameter apart where pressure changes the width), so fast mouse moves give a continuous
        line; pressure scales the diameter (tablet, down to 10 %). Returns the dirty rect (also
        emitted through ``changed``; empty when nothing was touched)."""
        stroke = self._stroke
        if stroke is None:
            raise RuntimeError("stroke_to() needs begin_stroke() first")
        piece = stroke.path.advance(point.x(), point.y(), pressure)
        dirty = piece.bounds().intersected(self._bounds)
        if dirty.isEmpty():
            return QRect()
        tiles = self._piece_tiles(piece)
        stroke.step.keep_before(self._grid, tiles)
        paint_piece(self._image, piece, stroke.hardness, stroke.erase)
        # Max with 255 stays 255 (brush), min with 0 stays 0 (eraser): those tiles stay known.
        self._grid.forget(tiles, unless=0 if stroke.erase else 255)
        stroke.step.rect = stroke.step.rect.united(dirty)
        self.changed.emit(dirty)
        return dirty

    def end_stroke(self) -> None:
        stroke, self._stroke = self._stroke, None
        if stroke is not None and not stroke.step.is_empty():
            self._history.push(stroke.step)
            self.history_changed.emit()

    def stroke_active(self) -> bool:
        return self._stroke is not None

    # -- selections and whole-mask operations (each one undo step) --------------------------
    def fill_rect(self, rect: QRect, tool: Tool = Tool.BRUSH) -> None:
        self._finish_stroke()
        area = rect.intersected(self._bounds)
        if area.isEmpty():
            return
        value = 0 if tool is Tool.ERASER else 255
        grid = self._grid
        tiles = grid.indices(area)
        if all(grid.values[index] == value for index in tiles):
            return  # nothing would change
        step = TileStep()
        step.keep_before(grid, tiles)
        painter = QPainter(self._image)
        try:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            painter.fillRect(area, QColor(value, value, value))
        finally:
            painter.end()
        grid.forget(tiles, unless=value)
        for index in tiles:
            if area.contains(grid.rect(index)):
                grid.values[index] = value
        step.rect = area
        self._commit(step)

    def fill_polygon(self, polygon: QPolygonF, tool: Tool = Tool.BRUSH) -> None:
        """Fill a lasso (antialiased edge; loops that cross themselves are filled too)."""
        self._finish_stroke()
        if polygon.size() < 3:
            return
        area = polygon.boundingRect().toAlignedRect().adjusted(-1, -1, 1, 1)
        area = area.intersected(self._bounds)
        if area.isEmpty():
            return
        value = 0 if tool is Tool.ERASER else 255
        tiles = self._grid.indices(area)
        step = TileStep()
        step.keep_before(self._grid, tiles)
        painter = QPainter(self._image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(value, value, value))
            painter.drawPolygon(polygon, Qt.FillRule.WindingFill)
        finally:
            painter.end()
        self._grid.forget(tiles, unless=value)
        step.rect = area
        self._commit(step)

    def clear(self) -> None:
        self._fill_all(0)

    def fill(self) -> None:
        self._fill_all(255)

    def invert(self) -> None:
        self._finish_stroke()
        self._image.invertPixels()
        self._grid.invert_all()
        self._commit(InvertStep(QRect(self._bounds)))

    # -- history ----------------------------------------------------------------------------
    def can_undo(self) -> bool:
        return bool(self._history.undo_steps) or self._stroke_has_pixels()

    def can_redo(self) -> bool:
        return bool(self._history.redo_steps) and self._stroke is None

    def undo(self) -> None:
        self._finish_stroke()
        if not self._history.undo_steps:
            return
        step = self._history.undo_steps.pop()
        rect = step.undo(self._grid)
        self._history.redo_steps.append(step)
        self._history.trim()
        self.changed.emit(rect)
        self.history_changed.emit()

    def redo(self) -> None:
        self._finish_stroke()
        if not self._history.redo_steps:
            return
        step = self._history.redo_steps.pop()
        rect = step.redo(self._grid)
        self._history.undo_steps.append(step)
        self.changed.emit(rect)
        self.history_changed.emit()

    def undo_bytes(self) -> int:
        """Bytes the history holds (pixel copies plus an estimate of per-tile bookkeeping)."""
        pending = self._stroke.step.nbytes() if self._stroke is not None else 0
        return self._history.nbytes() + pending

    def set_history_limits(self, max_steps: int, max_bytes: int) -> None:
        """Cap the history (defaults MAX_UNDO_STEPS / MAX_UNDO_BYTES); oldest steps go first."""
        self._history.max_steps = max(1, max_steps)
        self._history.max_bytes = max(0, max_bytes)
        self._history.trim()
        self.history_changed.emit()

    # -- internals --------------------------------------------------------------------------
    def _finish_stroke(self) -> None:
        if self._stroke is not None:
            self.end_stroke()

    def _piece_tiles(self, piece: StrokePiece) -> list[int]:
        grid, bounds = self._grid, self._bounds
        tiles: set[int] = set()
        for dab in piece.dabs:
            tiles.update(grid.indices(dab.bounds().intersected(bounds)))
        segment = piece.segment
        if segment is not None:
            start, end = segment.start, segment.end
            rect = segment.bounds().intersected(bounds)
            reach = start.reach() + 1.5  # the outline's half width, and then some
            tiles.update(grid.indices_along(rect, (start.x, start.y), (end.x, end.y), reach))
        return sorted(tiles)

    def _stroke_has_pixels(self) -> bool:
        return self._stroke is not None and not self._stroke.step.is_empty()

    def _commit(self, step: Step) -> None:
        self._history.push(step)
        self.changed.emit(step.rect)
        self.history_changed.emit()

    def _fill_all(self, value: int) -> None:
        self._finish_stroke()
        if self._grid.all_equal(value):
            return
        step = TileStep()
        step.keep_before(self._grid, range(self._grid.count))
        self._image.fill(value)
        self._grid.set_all(value)
        step.rect = QRect(self._bounds)
        self._commit(step)

    def _copy_pixels(self, gray: QImage) -> None:
        source = gray if gray.format() == GRAY else gray.convertToFormat(GRAY)
        if source.bytesPerLine() == self._image.bytesPerLine():
            size = self._image.sizeInBytes()
            self._image.bits()[:size] = source.constBits()[:size]
            return
        painter = QPainter(self._image)
        try:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            painter.drawImage(QPoint(0, 0), source)
        finally:
            painter.end()
