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
from collections.abc import Callable, Coroutine, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from studio.catalog import Catalog
from studio.domain.errors import StudioError
from studio.domain.job import Job, Placement
from studio.domain.model_spec import ProtocolId
from studio.domain.request import GenerationRequest
from studio.domain.results import ImageResult
from studio.engine.events import EventKind, JobEvent
from studio.engine.manager import Recovery, RequestManager
from studio.store.blobs import BlobStore
from studio.store.history import Filters, ImageRecord, JobRecord, Store
from studio.store.thumbnails import ThumbnailMaker

if TYPE_CHECKING:
    from studio.engine.batch import BatchLine
    from studio.engine.batch_plan import BatchPlan
    from studio.engine.board_export import BoardExport, Progress
    from studio.engine.budget import BudgetExcess
    from studio.engine.composition import Target
    from studio.engine.doctor import Report
    from studio.engine.export import ExportedImage
    from studio.engine.ledger import Claim, LatencyDay, Ledger, Money, ProfileLedger
    from studio.engine.restore import Restored
    from studio.engine.runs import PlannedJob, RunSender
    from studio.protocols.billing import Balance
    from studio.settings.prompt_library import ImportReport, PromptLibrary, SavedPrompt
    from studio.store.boards import Board
    from studio.store.runs import RunKind, RunRecord

log = logging.getLogger(__name__)
T = TypeVar("T")
DRAFT_SIDE = 512  # streamed drafts are shown in a tile: no need for more pixels
# Seconds a relay has to tell its balance (the Relays page): two GETs, each as slow as the relay
# (the demo relay answers after 1.5 s); the page shows nothing until then, and nothing after.
BALANCE_TIMEOUT = 8.0


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
    run_started = Signal(object)  # RunRecord: a compare (or batch) recorded, its jobs going out
    boards_changed = Signal()  # a board added, renamed or removed: board lists reload
    prompts_changed = Signal()  # the prompt library changed: its lists reload

    def __init__(self, manager: RequestManager, catalog: Catalog, default_profile: str) -> None:
        super().__init__()
        self.manager = manager
        self.store: Store = manager.store
        self.catalog = catalog
        self._default_profile = default_profile
        self.thumbnails = ThumbnailMaker(self.store, vector=_svg_thumbnail)
        self._tasks: set[asyncio.Task[Any]] = set()
        # The board receiving new results (the Boards sidebar's choice); None: no board.
        self.board_id: int | None = None
        self._prompt_library: PromptLibrary | None = None
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
            job = await self.manager.submit(
                request,
                profile_name or self.default_profile,
                place=Placement(board_id=self.board_id),
            )
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

    async def relays_in_history(self) -> list[str]:
        """The relays with finished jobs in the history (the Relays page's list)."""
        from studio.engine.ledger import relays_with_jobs

        return await self.manager.run_in_store(relays_with_jobs, self.store)

    async def relay_figures(self, profile_name: str) -> ProfileLedger | None:
        """One relay's figures over the whole history, its markup applied (None: no finished
        job); the other relays are not computed."""
        from studio.engine.ledger import relay_ledger

        markup = (await self.markups([profile_name]))[profile_name]
        return await self.manager.run_in_store(
            partial(relay_ledger, markup=markup), self.store, self.catalog, profile_name
        )

    async def recent_claims(self, profile_name: str, limit: int) -> list[Claim]:
        """The relay's newest ``limit`` claims, oldest first, its markup applied (the page's
        list; :meth:`claims` gives them all, for an export)."""
        from studio.engine.ledger import recent_claims

        markup = (await self.markups([profile_name]))[profile_name]
        return await self.manager.run_in_store(
            partial(recent_claims, markup=markup), self.store, self.catalog, profile_name, limit
        )

    async def latency_by_day(self, profile_name: str, days: list[str]) -> list[LatencyDay]:
        """(day, p50 ms, p95 ms) of submit → image saved for each local day ``YYYY-MM-DD``
        (the Relays page's latency chart), in one query on the store's thread."""
        from studio.engine.ledger import latency_by_day

        return await self.manager.run_in_store(latency_by_day, self.store, profile_name, days)

    async def doctor_findings(self, profile_name: str) -> Report | None:
        """The relay doctor's last findings for ``profile_name`` (None: never checked), read
        from the config folder on a worker thread."""

        def read() -> Report | None:
            from studio.engine.doctor import Report
            from studio.settings.doctor_results import DoctorResults

            record = DoctorResults().load(profile_name)
            return Report.from_record(record) if record is not None else None

        return await asyncio.to_thread(read)

    async def balance(self, profile_name: str) -> Balance | None:
        """What the relay says is left on the account, or None (it does not tell, or the
        profile is gone): an optional figure, never an error."""
        from studio.protocols.billing import read_balance

        try:
            profile = await asyncio.to_thread(self.manager.profiles, profile_name)
        except StudioError:
            return None
        return await read_balance(profile, timeout=BALANCE_TIMEOUT)

    # -- runs: one composition sent to several targets (compare), shown as one row ------------

    async def plan_compare(
        self, request: GenerationRequest, targets: Sequence[Target]
    ) -> list[PlannedJob]:
        """Each target's request fitted (what it cannot take left out with a note) and priced;
        a target without a relay goes through the current one. InputError without targets.
        Relays (the keyring) are read on a worker thread."""
        from studio.engine.runs import plan_compare

        current = self.default_profile
        resolved = [t if t.profile else replace(t, profile=current) for t in targets]

        def plan() -> list[PlannedJob]:
            profiles = {}
            for name in {target.profile or "" for target in resolved}:
                try:
                    profiles[name] = self.manager.profiles(name)
                except StudioError:  # gone: no price; sending it says why
                    continue
            return plan_compare(request, resolved, self.catalog, profiles)

        return await asyncio.to_thread(plan)

    async def run_over_budget(self, planned: Sequence[PlannedJob]) -> BudgetExcess | None:
        """The first relay budget the run's jobs would pass (those on one relay together)."""
        from studio.engine.runs import over_budgets

        profiles = {}
        for name in {job.target.profile or "" for job in planned if job.refusal is None}:
            try:
                profiles[name] = await asyncio.to_thread(self.manager.profiles, name)
            except StudioError:
                continue
        if not any(
            p.daily_budget is not None or p.monthly_budget is not None for p in profiles.values()
        ):
            return None
        found = await self.manager.run_in_store(
            over_budgets, self.store, self.catalog, planned, profiles
        )
        return found[0] if found else None

    def send_run(
        self,
        kind: RunKind,
        title: str,
        planned: Sequence[PlannedJob],
        spec: Mapping[str, object] | None = None,
    ) -> RunSender:
        """Record the run and send its jobs (ordinary durable jobs, each ``job_submitted``);
        ``run_started`` once the run is in the history. Returns at once."""
        from studio.engine.runs import RunSender

        started: list[bool] = []

        def submitted(_index: int, job: Job) -> None:
            if not started:
                started.append(True)
                self.run_started.emit(sender.run)
            self.job_submitted.emit(job)

        sender = RunSender(
            self.manager, kind, title, planned, spec=spec, board_id=self.board_id, on_job=submitted
        )
        self.spawn(sender.send())
        return sender

    async def runs_page(
        self, search: str | None, limit: int, cells: int
    ) -> list[tuple[RunRecord, list[JobRecord], list[int]]]:
        """Runs newest first (``search`` in their titles), each with its jobs in order (a
        retry in place of what it retried), at most ``cells`` of them, and the places in the
        run of the others."""
        from studio.store.runs import list_runs, run_jobs

        def read() -> list[tuple[RunRecord, list[JobRecord], list[int]]]:
            found = []
            for run in list_runs(self.store, search, limit):
                newest: dict[int, JobRecord] = {}
                for record in run_jobs(self.store, run.id):  # oldest first
                    index = record.job.run_index
                    newest[index if index is not None else -1] = record
                places = sorted(newest)
                found.append((run, [newest[i] for i in places[:cells]], places[cells:]))
            return found

        return await self.manager.run_in_store(read)

    # -- boards: the sidebar's lists, moves, and a board's export ------------------------------

    async def boards(self) -> tuple[list[Board], int, int]:
        """Every board by name with its image count; then how many images there are in all,
        and how many on no board. One visit to the store's thread."""
        from studio.store.boards import list_boards

        def read() -> tuple[list[Board], int, int]:
            return (
                list_boards(self.store),
                self.store.count_images(Filters()),
                self.store.count_images(Filters(no_board=True)),
            )

        return await self.manager.run_in_store(read)

    async def add_board(self, name: str) -> Board:
        """A new board; BoardNameError (reason empty | too_long | taken) when the name can't
        be one. ``boards_changed`` follows."""
        from studio.store.boards import add_board

        board = await self.manager.run_in_store(add_board, self.store, name)
        self.boards_changed.emit()
        return board

    async def rename_board(self, board_id: int, name: str) -> Board | None:
        """The board under its new name (None: it is gone); BoardNameError like
        :meth:`add_board`. ``boards_changed`` follows."""
        from studio.store.boards import rename_board

        board = await self.manager.run_in_store(rename_board, self.store, board_id, name)
        self.boards_changed.emit()
        return board

    async def remove_board(self, board_id: int) -> bool:
        """Remove a board; its images stay, on no board. ``boards_changed`` and
        ``history_changed`` follow."""
        from studio.store.boards import remove_board

        if self.board_id == board_id:
            self.board_id = None
        removed = await self.manager.run_in_store(remove_board, self.store, board_id)
        self.boards_changed.emit()
        self.history_changed.emit()
        return removed

    async def move_images(self, image_ids: list[int], board_id: int | None) -> int:
        """Put images on a board (None: on no board); how many moved. ``history_changed``
        follows."""
        from studio.store.boards import move_images

        moved = await self.manager.run_in_store(move_images, self.store, list(image_ids), board_id)
        self.history_changed.emit()
        return moved

    async def export_board(
        self,
        board_id: int,
        parent: Path,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> BoardExport | None:
        """The board's images into ``parent/<board name>/`` with their provenance: listed on
        the store's thread, written on a worker thread; ``progress`` (done, total) is called on
        the GUI thread. None: no such board. BoardExportError when writing fails."""
        from studio.engine.board_export import board_images, write_board

        found = await self.manager.run_in_store(board_images, self.store, board_id)
        if found is None:
            return None
        loop = asyncio.get_running_loop()

        def told(done: int, total: int) -> None:
            if progress is not None:
                loop.call_soon_threadsafe(progress, done, total)

        return await asyncio.to_thread(
            partial(write_board, found, parent, progress=told, cancelled=cancelled)
        )

    # -- batch: many prompts at once (the Batch dialog) ----------------------------------------

    async def read_batch_file(self, path: Path) -> list[BatchLine]:
        """The lines of a batch file (text, ``.jsonl``, ``.csv``), read and checked on a worker
        thread: BatchFileError names its bad lines; OSError or UnicodeDecodeError when the file
        cannot be read."""
        from studio.engine.batch import read_batch_file

        return await asyncio.to_thread(read_batch_file, path)

    async def plan_batch(
        self,
        lines: str | Sequence[BatchLine],
        variables: Mapping[str, Sequence[str]],
        base: GenerationRequest,
        targets: Sequence[Target],
        folder: Path | None = None,
    ) -> BatchPlan:
        """Typed text (one prompt or template a line) or a file's lines, expanded with the
        variables, each line × target built on ``base``, fitted and priced — all on a worker
        thread (the relays' profiles are read there too). A target without a relay goes
        through the current one. BatchFileError names the lines that cannot be sent."""
        from studio.engine.batch import read_lines
        from studio.engine.batch_plan import plan_batch

        current = self.default_profile
        resolved = [t if t.profile else replace(t, profile=current) for t in targets]

        def plan() -> BatchPlan:
            found = read_lines(lines, "text") if isinstance(lines, str) else lines
            return plan_batch(
                found,
                variables,
                base,
                resolved,
                self.catalog,
                self.manager.profiles,
                folder=folder,
                default_profile=current,
            )

        return await asyncio.to_thread(plan)

    async def relays_concurrency(self, names: Sequence[str]) -> int:
        """How many requests the relays take at once, together (each profile's concurrency;
        a relay that cannot be read counts as one)."""

        def read() -> int:
            total = 0
            for name in dict.fromkeys(names):
                try:
                    total += max(1, int(self.manager.profiles(name).concurrency))
                except StudioError:
                    total += 1
            return max(1, total)

        return await asyncio.to_thread(read)

    def send_batch(
        self,
        title: str,
        planned: Sequence[PlannedJob],
        *,
        spec: Mapping[str, object] | None = None,
        concurrency: int | None = None,
        done: Callable[[list[Job]], None] | None = None,
    ) -> RunSender:
        """Record a batch run and send its jobs, at most ``concurrency`` at once (each relay's
        own limit applies too), on the current board; each job ``job_submitted``, the run
        ``run_started``. Returns at once; ``done`` hears the jobs when all have ended."""
        from studio.engine.runs import RunSender

        started: list[bool] = []

        def submitted(_index: int, job: Job) -> None:
            if not started:
                started.append(True)
                self.run_started.emit(sender.run)
            self.job_submitted.emit(job)

        sender = RunSender(
            self.manager,
            "batch",
            title,
            planned,
            spec=spec,
            board_id=self.board_id,
            concurrency=concurrency,
            on_job=submitted,
        )

        async def go() -> list[Job]:
            try:
                return await sender.send()
            except Exception:  # the dialog still hears the end, with what was sent
                log.exception("the batch %s stopped", sender.run.id)
                return list(sender.progress.jobs.values())

        self.spawn(go(), done)
        return sender

    # -- the prompt library: the composer's "/" and the library's manager ----------------------

    @property
    def prompt_library(self) -> PromptLibrary:
        """The saved prompts (in the config folder); call its methods off the GUI thread."""
        if self._prompt_library is None:
            from studio.settings.prompt_library import PromptLibrary

            self._prompt_library = PromptLibrary()
        return self._prompt_library

    async def saved_prompts(self) -> list[SavedPrompt]:
        """Every saved prompt, read on a worker thread."""
        return await asyncio.to_thread(self.prompt_library.load)

    async def save_prompt(self, prompt: SavedPrompt, replace_existing: bool = False) -> SavedPrompt:
        """Save a prompt (PromptLibraryError "taken" when the name is, unless replacing);
        ``prompts_changed`` follows."""
        saved = await asyncio.to_thread(
            partial(self.prompt_library.add, prompt, replace_existing=replace_existing)
        )
        self.prompts_changed.emit()
        return saved

    async def update_prompt(
        self,
        name: str,
        *,
        new_name: str | None = None,
        tags: str | None = None,
        text: str | None = None,
    ) -> SavedPrompt:
        """Rename, retag or rewrite a saved prompt; ``prompts_changed`` follows."""
        saved = await asyncio.to_thread(
            partial(self.prompt_library.update, name, new_name=new_name, tags=tags, text=text)
        )
        self.prompts_changed.emit()
        return saved

    async def remove_prompt(self, name: str) -> None:
        await asyncio.to_thread(self.prompt_library.remove, name)
        self.prompts_changed.emit()

    async def import_prompts(self, path: Path) -> ImportReport:
        """Merge a prompt library file (PromptLibraryError "unreadable", OSError); then
        ``prompts_changed``."""
        report = await asyncio.to_thread(self.prompt_library.import_from, path)
        self.prompts_changed.emit()
        return report

    async def export_prompts(self, path: Path, names: Sequence[str] | None = None) -> int:
        """Write the library (or the prompts named) to ``path``; how many (OSError)."""
        return await asyncio.to_thread(self.prompt_library.export_to, path, names)

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
