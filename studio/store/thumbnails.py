"""Thumbnails made on worker threads and cached on disk, one job per image and size."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path

from studio.domain.results import ImageResult
from studio.engine.workers import background_pool
from studio.store.history import Store


class ThumbnailMaker:
    """Hands out futures for thumbnails; never works on the caller's thread.

    Two requests for the same image and size share one piece of work.
    """

    def __init__(self, store: Store, workers: int = 1) -> None:
        self.store = store
        self._pool = background_pool(workers, "studio-thumbnails")
        self._pending: dict[tuple[str, int], Future[Path]] = {}
        self._lock = threading.Lock()

    def request(self, image: ImageResult, size: int) -> Future[Path]:
        key = (image.sha256, size)
        with self._lock:
            if (pending := self._pending.get(key)) is not None:
                return pending
            future = self._pool.submit(self.store.thumbnail, image, size)
            self._pending[key] = future
        future.add_done_callback(lambda _: self._forget(key))
        return future

    def _forget(self, key: tuple[str, int]) -> None:
        with self._lock:
            self._pending.pop(key, None)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
