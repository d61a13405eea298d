"""The one door between the widgets and the engine.

Engine events (plain Python, already persisted) become Qt signals on the GUI thread; user
actions become engine calls scheduled on the asyncio loop (qasync). Widgets never await network
IO and never touch SQLite: history queries go through :meth:`EngineBridge.query`, which runs
them on the store's worker thread.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from studio.catalog import Catalog
from studio.domain.job import Job
from studio.domain.request import GenerationRequest
from studio.domain.results import ImageResult
from studio.engine.events import EventKind, JobEvent
from studio.engine.manager import Recovery, RequestManager
from studio.store.history import Store
from studio.store.thumbnails import ThumbnailMaker

log = logging.getLogger(__name__)
T = TypeVar("T")
DRAFT_SIDE = 512  # streamed drafts are shown in a tile: no need for more pixels


class EngineBridge(QObject):
    job_changed = Signal(object)  # Job: state, progress, task id, error — persisted before emitted
    job_waiting = Signal(object, float, str)  # Job, seconds, reason: a retry is waiting
    image_saved = Signal(object, object)  # Job, ImageResult (with its history id)
    job_submitted = Signal(object)  # Job, just queued
    recovered = Signal(object)  # Recovery after start-up
    history_changed = Signal()  # trash, restore, favourites, purge: views reload
    thumbnail_ready = Signal(str, int, str)  # sha256, size, path ("" when it failed)
    job_partial = Signal(object, int, object)  # Job, draft index, QImage of a streamed draft
    profile_switched = Signal(str)  # the current relay changed: its name ("" for none)

    def __init__(self, manager: RequestManager, catalog: Catalog, default_profile: str) -> None:
        super().__init__()
        self.manager = manager
        self.store: Store = manager.store
        self.catalog = catalog
        self._default_profile = default_profile
        self.thumbnails = ThumbnailMaker(self.store, vector=_svg_thumbnail)
        self._tasks: set[asyncio.Task[Any]] = set()
        manager.listeners.append(self._on_event)

    @property
    def default_profile(self) -> str:
        """The current relay: where Generate sends. Setting another emits ``profile_switched``."""
        return self._default_profile

    @default_profile.setter
    def default_profile(self, name: str) -> None:
        if name != self._default_profile:
            self._default_profile = name
            self.profile_switched.emit(name)

    # -- engine → widgets ------------------------------------------------------------------

    def _on_event(self, event: JobEvent) -> None:
        if event.kind is EventKind.IMAGE_SAVED and event.image is not None:
            self.image_saved.emit(event.job, event.image)
        elif event.kind is EventKind.WAITING:
            self.job_waiting.emit(event.job, event.seconds or 0.0, event.reason or "")
        elif event.kind is EventKind.PARTIAL_IMAGE:
            if event.partial is not None:
                self._show_draft(event.job, event.index or 0, event.partial)
        else:
            self.job_changed.emit(event.job)

    def _show_draft(self, job: Job, index: int, data: bytes) -> None:
        """Shrink a streamed draft off the GUI thread, then hand it to the widgets."""
        from studio.imaging.thumbnails import draft_pixels

        def shown(pixels: tuple[bytes, int, int] | None) -> None:
            if pixels is None:
                return
            raw, width, height = pixels
            image = QImage(raw, width, height, width * 4, QImage.Format.Format_RGBA8888).copy()
            self.job_partial.emit(job, index, image)

        self.spawn(asyncio.to_thread(draft_pixels, data, DRAFT_SIDE), shown)

    # -- widgets → engine ------------------------------------------------------------------

    def spawn(self, work: Coroutine[Any, Any, T], done: Callable[[T], None] | None = None) -> None:
        """Run ``work`` on the loop, keep a strong reference, report failures in the log."""
        task = asyncio.ensure_future(work)
        self._tasks.add(task)

        def finished(finished_task: asyncio.Task[T]) -> None:
            self._tasks.discard(finished_task)
            if finished_task.cancelled():
                return
            if (error := finished_task.exception()) is not None:
                log.error("background work failed", exc_info=error)
                return
            if done is not None:
                done(finished_task.result())

        task.add_done_callback(finished)

    def submit(self, request: GenerationRequest, profile_name: str | None = None) -> None:
        async def go() -> Job:
            job = await self.manager.submit(request, profile_name or self.default_profile)
            self.job_submitted.emit(job)
            return job

        self.spawn(go())

    def cancel(self, job_id: str) -> None:
        self.spawn(self.manager.cancel(job_id))

    def retry(self, job_id: str) -> None:
        async def go() -> None:
            job = await self.manager.retry(job_id)
            self.job_submitted.emit(job)

        self.spawn(go())

    def resume(self, job_id: str) -> None:
        """Finish a resumable job (fetch or save what was kept); nothing billable is sent."""

        async def go() -> None:
            job = await self.manager.resume(job_id)
            if job is not None:
                self.job_changed.emit(job)

        self.spawn(go())

    def recover(self) -> None:
        def done(recovery: Recovery) -> None:
            self.recovered.emit(recovery)

        self.spawn(self.manager.recover(), done)

    def running(self) -> list[Job]:
        return self.manager.running()

    # -- history ---------------------------------------------------------------------------

    def query(self, function: Callable[..., T], *args: Any, done: Callable[[T], None]) -> None:
        """Run a store method on the store's thread; ``done(result)`` on the GUI thread."""

        async def go() -> T:
            return await self.manager.run_in_store(function, *args)

        self.spawn(go(), done)

    def change_history(self, function: Callable[..., Any], *args: Any) -> None:
        """A store write (trash, favourite…) then ``history_changed``."""
        self.query(function, *args, done=lambda _: self.history_changed.emit())

    def request_thumbnail(self, image: ImageResult, size: int) -> None:
        """Made on a worker thread; ``thumbnail_ready`` arrives on the GUI thread."""
        future = self.thumbnails.request(image, size)

        def finished(done: Future[Path]) -> None:
            if done.cancelled():  # closing: nobody is waiting for it any more
                return
            try:
                path = str(done.result())
            except Exception:  # a damaged file: the tile shows a placeholder
                log.warning("no thumbnail for %s", image.sha256, exc_info=True)
                path = ""
            self.thumbnail_ready.emit(image.sha256, size, path)

        future.add_done_callback(finished)

    async def aclose(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self.thumbnails.close()


def _svg_thumbnail(image: ImageResult, size: int, target: Path) -> Path:
    from studio.ui.vector import svg_thumbnail  # QtSvg loads with the first vector result

    return svg_thumbnail(image, size, target)
