"""Thumbnails for the tiles being painted, never for the others.

The delegate asks for a pixmap while painting; a missing one is *wanted*. Wanted thumbnails are
requested from the bridge a few at a time, the most recently painted first; those that scrolled
out of sight before their turn are dropped. A made thumbnail file is read and shaped (scaled,
corners rounded) into a QImage on a low-priority worker thread, which hands it back with a
queued signal (not through an asyncio task: a task step that comes due while some coroutine runs
a nested event loop is dropped by asyncio, and the tile would wait forever); only
``QPixmap.fromImage`` runs on the GUI thread. Pixmaps live in an LRU cache bounded in bytes.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QImage, QPainter, QPixmap, QTransform

from studio.imaging.sizes import THUMBNAIL_SIZES
from studio.system.workers import background_pool
from studio.ui.bridge import EngineBridge
from studio.ui.gallery.tiles import ImageTile

MAX_IN_FLIGHT = 4  # thumbnails being made or read at once
DEFAULT_BUDGET = 96 * 1024 * 1024  # bytes of pixmaps kept
CORNER_RADIUS = 6.0  # logical pixels

Key = tuple[str, int]  # sha256, tile size in device pixels


def thumbnail_size(device_pixels: int) -> int:
    """The smallest stored thumbnail size that is sharp at ``device_pixels``."""
    for size in THUMBNAIL_SIZES:
        if device_pixels <= size:
            return size
    return THUMBNAIL_SIZES[-1]


def shape_tile(path: str, box: int, radius: float) -> QImage:
    """Worker thread: the thumbnail at ``path`` filling a ``box``² square (the middle of it
    when it is not square), corners rounded. A null QImage when the file cannot be read.
    """
    try:
        source = QImage(path)
        if source.isNull():
            return QImage()
        filled = source.scaled(
            box,
            box,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        left, top = (filled.width() - box) // 2, (filled.height() - box) // 2
        fitted = filled.copy(left, top, box, box).convertToFormat(
            QImage.Format.Format_ARGB32_Premultiplied
        )
        shaped = QImage(fitted.size(), QImage.Format.Format_ARGB32_Premultiplied)
        shaped.fill(Qt.GlobalColor.transparent)
        painter = QPainter(shaped)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        brush = QBrush(fitted)
        brush.setTransform(QTransform())
        painter.setBrush(brush)
        painter.drawRoundedRect(QRectF(shaped.rect()), radius, radius)
        painter.end()
        return shaped
    except Exception:  # a damaged file: the tile keeps its placeholder
        return QImage()


class ThumbnailCache(QObject):
    changed = Signal()  # new pixmaps (or known failures): repaint what is visible
    _shaped = Signal(object, object)  # key, QImage: from a worker thread to the GUI thread

    def __init__(self, bridge: EngineBridge, budget: int = DEFAULT_BUDGET) -> None:
        super().__init__()
        self.bridge = bridge
        self.budget = budget
        self.device_pixel_ratio = 1.0
        self._pixmaps: OrderedDict[Key, QPixmap] = OrderedDict()
        self._cost = 0
        self._broken: set[Key] = set()
        self._wanted: OrderedDict[Key, ImageTile] = OrderedDict()  # most recent last
        self._requested: dict[tuple[str, int], set[int]] = {}  # (sha, size) → boxes
        self._shaping: set[Key] = set()
        self._closed = False
        self._pool = background_pool(1, "studio-gallery")
        pool = self._pool
        self.destroyed.connect(lambda: pool.shutdown(wait=False, cancel_futures=True))
        self._shaped.connect(self._on_shaped)
        bridge.thumbnail_ready.connect(self._on_thumbnail_ready)

    # -- asked while painting ----------------------------------------------------------------

    def pixmap(self, tile: ImageTile, box: int) -> QPixmap | None:
        key = (tile.sha256, box)
        found = self._pixmaps.get(key)
        if found is not None:
            self._pixmaps.move_to_end(key)
            return found
        known = key in self._broken or key in self._shaping or self._is_requested(key)
        if not known:
            self._wanted[key] = tile
            self._wanted.move_to_end(key)
        return None

    def is_broken(self, tile: ImageTile, box: int) -> bool:
        return (tile.sha256, box) in self._broken

    def end_frame(self, visible: set[Key]) -> None:
        """After a paint: what scrolled out of sight before its turn is let go."""
        for key in [key for key in self._wanted if key not in visible]:
            del self._wanted[key]
        self._dispatch()

    @property
    def memory(self) -> int:
        return self._cost

    def __len__(self) -> int:
        return len(self._pixmaps)

    def close(self) -> None:
        self._closed = True
        self._wanted.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)

    # -- making them -------------------------------------------------------------------------

    def _is_requested(self, key: Key) -> bool:
        sha, box = key
        boxes = self._requested.get((sha, thumbnail_size(box)))
        return boxes is not None and box in boxes

    def _busy(self) -> int:
        return len(self._requested) + len(self._shaping)

    def _dispatch(self) -> None:
        while self._wanted and self._busy() < MAX_IN_FLIGHT and not self._closed:
            key, tile = self._wanted.popitem(last=True)
            sha, box = key
            size = thumbnail_size(box)
            boxes = self._requested.get((sha, size))
            if boxes is not None:
                boxes.add(box)
                continue
            self._requested[(sha, size)] = {box}
            self.bridge.request_thumbnail(tile.result(self.bridge.blobs), size)

    def _on_thumbnail_ready(self, sha: str, size: int, path: str) -> None:
        boxes = self._requested.pop((sha, size), None)
        if boxes is None or self._closed:
            return
        radius = CORNER_RADIUS * self.device_pixel_ratio
        for box in boxes:
            key = (sha, box)
            if not path:
                self._broken.add(key)
                continue
            self._shaping.add(key)
            self._pool.submit(self._shape, key, path, box, radius)
        if not path:
            self.changed.emit()
        self._dispatch()

    def _shape(self, key: Key, path: str, box: int, radius: float) -> None:
        """On a worker thread."""
        image = shape_tile(path, box, radius)
        with contextlib.suppress(RuntimeError):  # the gallery closed meanwhile
            self._shaped.emit(key, image)

    def _on_shaped(self, key: Key, image: QImage) -> None:
        self._shaping.discard(key)
        if self._closed:
            return
        if image.isNull():
            self._broken.add(key)
        else:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.device_pixel_ratio)
            self._store(key, pixmap)
        self.changed.emit()
        self._dispatch()

    def _store(self, key: Key, pixmap: QPixmap) -> None:
        old = self._pixmaps.pop(key, None)
        if old is not None:
            self._cost -= _cost(old)
        self._pixmaps[key] = pixmap
        self._cost += _cost(pixmap)
        while self._cost > self.budget and len(self._pixmaps) > 1:
            _, evicted = self._pixmaps.popitem(last=False)
            self._cost -= _cost(evicted)


def _cost(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(pixmap.depth(), 8) // 8
