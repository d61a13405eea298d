"""The one door between the widgets and the engine.

Engine events (plain Python, already persisted) become Qt signals on the GUI thread; user
actions become engine calls scheduled on the asyncio loop (qasync). Widgets never await network
IO and never touch SQLite: each question they ask the history is a method here named for what
it asks (:meth:`EngineBridge.images_page`, :meth:`EngineBridge.image_and_job`…), a coroutine
that runs the store's part on the store's worker thread and answers on the loop, that is on
the GUI thread. Await it in a coroutine, or ``bridge.spawn(bridge.<question>(…), done)``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from studio.catalog import Catalog
from studio.domain.errors import StudioError
from studio.domain.job import Job
from studio.domain.model_spec import ProtocolId
from studio.domain.request import GenerationRequest
from studio.domain.results import ImageResult
from studio.engine.events import EventKind, JobEvent
from studio.engine.manager import Recovery, RequestManager
from studio.store.blobs import BlobStore
from studio.store.history import Filters, ImageRecord, JobRecord, Store
from studio.store.thumbnails import ThumbnailMaker

if TYPE_CHECKING:
    from studio.engine.budget import BudgetExcess
    from studio.engine.export import ExportedImage
    from studio.engine.ledger import Claim, Ledger, Money
    from studio.engine.restore import Restored
    from studio.protocols.billing import Balance

log = logging.getLogger(__name__)
T = TypeVar("T")
DRAFT_SIDE = 512  # streamed drafts are shown in a tile: no need for more pixels
BALANCE_TIMEOUT = 3.0  # seconds a relay has to tell its balance (the Relays page)


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

    # -- history: what the widgets ask, answered on the store's thread ----------------------

    @property
    def blobs(self) -> BlobStore:
        """Where the history's image files are (paths only: no file is read, no SQLite)."""
        return self.store.blobs

    @property
    def data_dir(self) -> Path:
        """The data folder (the history, its images, the caches kept next to them)."""
        return self.store.data_dir

    async def images_page(
        self,
        filters: Filters,
        limit: int,
        before: tuple[float, int] | None = None,
        *,
        shape: Callable[[list[ImageRecord]], T] | None = None,
    ) -> Any:
        """History images newest first, ``limit`` of them after the cursor ``before``.
        ``shape`` (the gallery packs its tiles) runs on the rows on the store's thread too,
        so the GUI thread receives them ready."""
        return await self.manager.run_in_store(
            _shaped, partial(self.store.list_images, filters, limit=limit, before=before), shape
        )

    async def jobs_page(
        self,
        filters: Filters,
        limit: int,
        before: tuple[float, str] | None = None,
        *,
        shape: Callable[[list[JobRecord]], T] | None = None,
    ) -> Any:
        """Jobs newest first, like :meth:`images_page`."""
        return await self.manager.run_in_store(
            _shaped, partial(self.store.list_jobs, filters, limit=limit, before=before), shape
        )

    async def image_and_job(self, image_id: int) -> tuple[ImageRecord | None, JobRecord | None]:
        """One history image and the job that made it (None, None when it is gone)."""

        def read() -> tuple[ImageRecord | None, JobRecord | None]:
            image = self.store.image(image_id)
            return image, (self.store.get(image.job_id) if image else None)

        return await self.manager.run_in_store(read)

    async def job_record(self, job_id: str) -> JobRecord | None:
        """One job with its images, as the history holds it."""
        return await self.manager.run_in_store(self.store.get, job_id)

    async def history_choices(self) -> tuple[list[str], list[str]]:
        """The models and the profiles the history holds (the gallery's filter pickers)."""
        return await self.manager.run_in_store(self.store.models_and_profiles)

    async def relay_usage(self, profile_name: str) -> list[tuple[ProtocolId, str]]:
        """(protocol, model) this relay's jobs used, newest first (the relay check's plan)."""
        from studio.engine.doctor_paid import used_with

        return await self.manager.run_in_store(used_with, self.store, profile_name)

    async def keep_outside_mask(self, image_id: int) -> ImageRecord:
        """A new history image: ``image_id`` inside its job's mask, the original outside.
        Raises ``studio.engine.composite.NoMaskError`` when the mask or the original is gone.
        ``history_changed`` follows."""
        from studio.engine.composite import keep_original_outside_mask

        made = await self.manager.run_in_store(keep_original_outside_mask, self.store, image_id)
        self.history_changed.emit()
        return made

    async def toggle_favourite(self, image_id: int) -> bool:
        """Mark or unmark a favourite; the new value. ``history_changed`` follows."""

        def flip() -> bool:
            image = self.store.image(image_id)
            value = not (image.favourite if image else False)
            self.store.set_favourite(image_id, value)
            return value

        value = await self.manager.run_in_store(flip)
        self.history_changed.emit()
        return value

    async def trash(self, image_ids: list[int]) -> int:
        """Move images to the trash (recoverable); how many moved. ``history_changed`` follows."""
        moved = await self.manager.run_in_store(self.store.trash_images, list(image_ids))
        self.history_changed.emit()
        return moved

    async def untrash(self, image_ids: list[int]) -> int:
        """Bring images back from the trash; how many. ``history_changed`` follows."""
        back = await self.manager.run_in_store(self.store.restore_images, list(image_ids))
        self.history_changed.emit()
        return back

    async def export(self, image_ids: list[int], folder: Path) -> list[ExportedImage]:
        """Export images (each with its job's provenance) into ``folder``."""
        from studio.engine.export import export_images  # Pillow and provenance: on first use

        return await self.manager.run_in_store(export_images, self.store, image_ids, folder)

    async def restore_from_image(self, path: Path) -> Restored:
        """The settings a studio image carries, its references found in this history
        (``studio.engine.restore``); InputError when it carries none. Read on a worker thread."""
        from studio.engine.restore import restore_from_image

        return await asyncio.to_thread(restore_from_image, path, self.store.blobs)

    # -- money: the budget guard and today's spend -------------------------------------------

    async def over_budget(
        self, request: GenerationRequest, profile_name: str
    ) -> BudgetExcess | None:
        """The budget of ``profile_name`` that ``request`` would pass, or None (also when the
        profile cannot be read: sending it explains that)."""
        from studio.engine.budget import over_budget

        try:
            profile = await asyncio.to_thread(self.manager.profiles, profile_name)
        except StudioError:
            return None
        if profile.daily_budget is None and profile.monthly_budget is None:
            return None
        return await self.manager.run_in_store(
            over_budget, self.store, self.catalog, profile, request
        )

    async def spend_today(self, profile_name: str) -> Money | None:
        """What ``profile_name`` cost today (its markup applied), None without a profile."""
        from studio.engine.ledger import spend_today

        try:
            profile = await asyncio.to_thread(self.manager.profiles, profile_name)
        except StudioError:
            return None
        return await self.manager.run_in_store(
            partial(spend_today, markup=profile.price_multiplier),
            self.store,
            self.catalog,
            profile.name,
        )

    # -- the Relays page: the ledger, the claim list, a relay's balance -----------------------

    async def markups(self, names: list[str]) -> dict[str, float]:
        """Each relay's price multiplier (Settings); 1.0 for a relay no longer saved."""

        def read() -> dict[str, float]:
            found = {}
            for name in names:
                try:
                    found[name] = float(self.manager.profiles(name).price_multiplier)
                except StudioError:
                    found[name] = 1.0
            return found

        return await asyncio.to_thread(read)

    async def ledger(
        self, since: date | None = None, until: date | None = None, saved: list[str] = ()
    ) -> Ledger:
        """Every relay's figures in the history over local days ``since``..``until`` (open
        when None), the markup of each relay in ``saved`` applied (1.0 for the others);
        aggregated on the store's thread."""
        from studio.engine.ledger import ledger

        markups = await self.markups(list(saved))
        return await self.manager.run_in_store(
            partial(ledger, since=since, until=until, markups=markups), self.store, self.catalog
        )

    async def claims(self, profile_name: str | None = None) -> list[Claim]:
        """Jobs that may have been billed without delivering (all relays when None), oldest
        first, each relay's markup applied."""
        from studio.engine.ledger import claims

        if profile_name is None:
            _, names = await self.manager.run_in_store(self.store.models_and_profiles)
        else:
            names = [profile_name]
        markups = await self.markups(list(names))
        return await self.manager.run_in_store(
            partial(claims, profile=profile_name, markups=markups), self.store, self.catalog
        )

    async def latency_by_day(
        self, profile_name: str, days: list[str]
    ) -> list[tuple[str, float | None, float | None]]:
        """(day, p50 ms, p95 ms) of submit → image saved for each local day ``YYYY-MM-DD``
        (the Relays page's latency chart); one window query per day on the store's thread."""
        from studio.engine.ledger import window
        from studio.store.ledger import latency_rows

        def read() -> list[tuple[str, float | None, float | None]]:
            found = []
            for day in days:
                start, end = window(date.fromisoformat(day), date.fromisoformat(day))
                p50, p95 = latency_rows(self.store, [profile_name], start, end).get(
                    profile_name, (None, None)
                )
                found.append((day, p50, p95))
            return found

        return await self.manager.run_in_store(read)

    async def balance(self, profile_name: str) -> Balance | None:
        """What the relay says is left on the account, or None (it does not tell, or the
        profile is gone): an optional figure, never an error."""
        from studio.protocols.billing import read_balance

        try:
            profile = await asyncio.to_thread(self.manager.profiles, profile_name)
        except StudioError:
            return None
        return await read_balance(profile, timeout=BALANCE_TIMEOUT)

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


def _shaped(read: Callable[[], list[Any]], shape: Callable[[list[Any]], Any] | None) -> Any:
    rows = read()
    return rows if shape is None else shape(rows)


def _svg_thumbnail(image: ImageResult, size: int, target: Path) -> Path:
    from studio.ui.vector import svg_thumbnail  # QtSvg loads with the first vector result

    return svg_thumbnail(image, size, target)
