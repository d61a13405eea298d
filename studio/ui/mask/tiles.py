"""Tiles of a gray mask and the undo history made of them.

The mask is cut into ``TILE`` × ``TILE`` tiles. An undo step keeps, for each tile the edit
touched, a snapshot from before the edit (taken lazily, the first time the edit touches the
tile) and — only once the step has been undone — one from after it. A snapshot of a tile whose
pixels are all equal is just that value (a fresh or cleared mask costs almost nothing); other
tiles are copied (64 KiB each).

The grid also remembers, per tile, whether it is uniform (and its value) or not, so emptiness
is known without scanning the whole mask after every edit.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPainter

TILE = 256
NON_UNIFORM = -1  # a tile known to hold at least two different values
ENTRY_OVERHEAD = 128  # bytes: an estimate of what Python spends per snapshot kept

Snapshot = int | QImage  # a uniform tile's value, or a copy of the tile's pixels
TileValue = int | None  # 0..255 uniform, NON_UNIFORM, or None when not known


def unpadded_bytes(image: QImage) -> bytes:
    """The pixels of a Format_Grayscale8 image, row after row, without the row padding."""
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = image.constBits()
    if stride == width:
        return bytes(data[: width * height])
    return b"".join(data[row * stride : row * stride + width] for row in range(height))


def uniform_value(image: QImage) -> int:
    """The value all pixels of ``image`` share, or NON_UNIFORM."""
    data = unpadded_bytes(image)
    if not data:
        return NON_UNIFORM
    first = data[0]
    return first if data == bytes((first,)) * len(data) else NON_UNIFORM


class TileGrid:
    """Tile geometry, snapshots and restore over one live Format_Grayscale8 image."""

    def __init__(self, image: QImage, value: TileValue) -> None:
        self.image = image
        self.columns = -(-image.width() // TILE)
        self.rows = -(-image.height() // TILE)
        self.count = self.columns * self.rows
        self.values: list[TileValue] = [value] * self.count

    def rect(self, index: int) -> QRect:
        column, row = index % self.columns, index // self.columns
        left, top = column * TILE, row * TILE
        return QRect(
            left,
            top,
            min(TILE, self.image.width() - left),
            min(TILE, self.image.height() - top),
        )

    def indices(self, rect: QRect) -> list[int]:
        """The tiles ``rect`` (already clipped to the image) overlaps."""
        if rect.isEmpty():
            return []
        first_column, last_column = rect.left() // TILE, rect.right() // TILE
        first_row, last_row = rect.top() // TILE, rect.bottom() // TILE
        return [
            row * self.columns + column
            for row in range(first_row, last_row + 1)
            for column in range(first_column, last_column + 1)
        ]

    def indices_along(
        self, rect: QRect, start: tuple[float, float], end: tuple[float, float], reach: float
    ) -> list[int]:
        """The tiles of ``rect`` that pixels within ``reach`` of the segment may lie in (a long
        diagonal stroke touches a band of tiles, not its whole bounding box)."""
        (ax, ay), (bx, by) = start, end
        dx, dy = bx - ax, by - ay
        length_squared = dx * dx + dy * dy or 1e-12
        limit = reach + TILE / 2 * 1.4143 + 1.0  # a tile's pixels lie this near its centre
        chosen = []
        for index in self.indices(rect):
            column, row = index % self.columns, index // self.columns
            cx, cy = (column + 0.5) * TILE, (row + 0.5) * TILE
            share = min(1.0, max(0.0, ((cx - ax) * dx + (cy - ay) * dy) / length_squared))
            if math.hypot(cx - ax - dx * share, cy - ay - dy * share) <= limit:
                chosen.append(index)
        return chosen

    def value(self, index: int) -> int:
        """The tile's uniform value or NON_UNIFORM, computed (and remembered) if unknown."""
        known = self.values[index]
        if known is None:
            known = uniform_value(self.image.copy(self.rect(index)))
            self.values[index] = known
        return known

    def snapshot(self, index: int) -> Snapshot:
        known = self.values[index]
        if known is not None and known != NON_UNIFORM:
            return known
        pixels = self.image.copy(self.rect(index))
        if known is None:
            known = uniform_value(pixels)
            self.values[index] = known
            if known != NON_UNIFORM:
                return known
        return pixels

    def restore(self, snapshots: Mapping[int, Snapshot]) -> None:
        painter = QPainter(self.image)
        try:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            for index, snapshot in snapshots.items():
                rect = self.rect(index)
                if isinstance(snapshot, int):
                    painter.fillRect(rect, QColor(snapshot, snapshot, snapshot))
                    self.values[index] = snapshot
                else:
                    painter.drawImage(QPoint(rect.left(), rect.top()), snapshot)
                    self.values[index] = NON_UNIFORM
        finally:
            painter.end()

    def forget(self, indices: Iterable[int], unless: int | None = None) -> None:
        """Mark tiles as changed (value unknown), except those already uniformly ``unless``
        (e.g. 255 under the brush: max(255, anything) stays 255)."""
        values = self.values
        for index in indices:
            if unless is None or values[index] != unless:
                values[index] = None

    def set_all(self, value: TileValue) -> None:
        self.values = [value] * self.count

    def invert_all(self) -> None:
        self.values = [
            value if value is None or value == NON_UNIFORM else 255 - value for value in self.values
        ]

    def all_equal(self, target: int) -> bool:
        """True when every pixel is ``target`` (scans only tiles changed since last asked)."""
        for index, known in enumerate(self.values):
            if known == target:
                continue
            if known is not None or self.value(index) != target:
                return False
        return True


def snapshot_bytes(snapshot: Snapshot) -> int:
    if isinstance(snapshot, int):
        return ENTRY_OVERHEAD
    return ENTRY_OVERHEAD + snapshot.sizeInBytes()


class TileStep:
    """One undoable edit: tile snapshots from before it (and from after it, once undone)."""

    def __init__(self) -> None:
        self.rect = QRect()  # the pixels the edit changed, for repaint
        self.before: dict[int, Snapshot] = {}
        self.after: dict[int, Snapshot] | None = None
        self._bytes = 0

    def keep_before(self, grid: TileGrid, indices: Iterable[int]) -> None:
        for index in indices:
            if index not in self.before:
                snapshot = grid.snapshot(index)
                self.before[index] = snapshot
                self._bytes += snapshot_bytes(snapshot)

    def is_empty(self) -> bool:
        return not self.before

    def nbytes(self) -> int:
        return self._bytes

    def undo(self, grid: TileGrid) -> QRect:
        if self.after is None:
            self.after = {index: grid.snapshot(index) for index in self.before}
            self._bytes += sum(snapshot_bytes(snapshot) for snapshot in self.after.values())
        grid.restore(self.before)
        return self.rect

    def redo(self, grid: TileGrid) -> QRect:
        assert self.after is not None, "redo of a step that was never undone"
        grid.restore(self.after)
        # Back on the undo side the step only needs "before"; "after" is retaken on undo.
        self._bytes -= sum(snapshot_bytes(snapshot) for snapshot in self.after.values())
        self.after = None
        return self.rect


class InvertStep:
    """Inverting is its own inverse: nothing to keep."""

    def __init__(self, rect: QRect) -> None:
        self.rect = rect

    def nbytes(self) -> int:
        return ENTRY_OVERHEAD

    def undo(self, grid: TileGrid) -> QRect:
        grid.image.invertPixels()
        grid.invert_all()
        return self.rect

    redo = undo


Step = TileStep | InvertStep


class History:
    """Undo and redo stacks, capped by step count and by bytes (oldest steps dropped first)."""

    def __init__(self, max_steps: int, max_bytes: int) -> None:
        self.max_steps = max_steps
        self.max_bytes = max_bytes
        self.undo_steps: list[Step] = []
        self.redo_steps: list[Step] = []  # the next step to redo is last

    def nbytes(self) -> int:
        return sum(step.nbytes() for step in self.undo_steps) + sum(
            step.nbytes() for step in self.redo_steps
        )

    def push(self, step: Step) -> None:
        self.redo_steps.clear()
        self.undo_steps.append(step)
        self.trim()

    def trim(self) -> None:
        while len(self.undo_steps) > self.max_steps:
            del self.undo_steps[0]
        while self.nbytes() > self.max_bytes and len(self.undo_steps) + len(self.redo_steps) > 1:
            if self.undo_steps:
                del self.undo_steps[0]
            else:  # the step furthest in the future
                del self.redo_steps[0]
