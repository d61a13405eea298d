"""Thumbnails made on worker threads and cached on disk, one job per image and size."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from studio.domain.results import SVG_MIME, ImageResult
from studio.store.history import Store
from studio.system.workers import background_pool


class ThumbnailMaker:
    """Hands out futures for thumbnails; never works on the caller's thread.

    Two requests for the same image and size share one piece of work.
    """

    def __init__(
        self,
        store: Store,
        workers: int = 1,
        *,
        vector: Callable[[ImageResult, int, Path], Path] | None = None,
    ) -> None:
        self.store = store
        self.vector = vector  # renders a thumbnail of a vector image (SVG) Pillow cannot read
        self._pool = background_pool(workers, "studio-thumbnails")
        self._pending: dict[tuple[str, int], Future[Path]] = {}
        self._lock = threading.Lock()

    def request(self, image: ImageResult, size: int) -> Future[Path]:
        key = (image.sha256, size)
        with self._lock:
            if (pending := self._pending.get(key)) is not None:
                return pending
            if image.mime == SVG_MIME and self.vector is not None:
                target = self.store.thumbnails_dir / str(size) / image.sha256[:2]
                target = target / f"{image.sha256}.png"
                future = self._pool.submit(self._vector_thumbnail, image, size, target)
            else:
                future = self._pool.submit(self.store.thumbnail, image, size)
            self._pending[key] = future
        future.add_done_callback(lambda _: self._forget(key))
        return future

    def _vector_thumbnail(self, image: ImageResult, size: int, target: Path) -> Path:
        assert self.vector is not None
        return target if target.is_file() else self.vector(image, size, target)

    def _forget(self, key: tuple[str, int]) -> None:
        with self._lock:
            self._pending.pop(key, None)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
