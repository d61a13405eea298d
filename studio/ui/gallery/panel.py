"""The gallery (centre of the window): the filter bar over a grid of this session's jobs and
the history's images, or a card saying why there is nothing to show."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from studio.domain.job import Job
from studio.domain.results import ImageResult
from studio.ui.gallery.empty import EmptyState
from studio.ui.gallery.filters import FilterBar, describe
from studio.ui.gallery.model import GalleryModel
from studio.ui.gallery.runs_view import RunsTab
from studio.ui.gallery.source import Choices, load_choices
from studio.ui.gallery.thumbnails import ThumbnailCache
from studio.ui.gallery.tiles import GalleryQuery
from studio.ui.gallery.view import GalleryView
from studio.ui.services import Services

TICK_MS = 1000  # running tiles: elapsed seconds and progress, at most once a second


def tr(text: str) -> str:
    return QCoreApplication.translate("Gallery", text)


class GalleryPanel(QWidget):
    current_changed = Signal(object)  # image id or None
    image_activated = Signal(int)  # double-click / Enter / Space
    context_requested = Signal(list, object)  # image ids, global QPoint
    try_demo_requested = Signal()
    add_relay_requested = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.setObjectName("galleryPanel")
        self.services = services
        bridge = services.bridge
        self.model = GalleryModel(bridge, self)
        self.thumbnails = ThumbnailCache(bridge)
        self.thumbnails.setParent(self)
        self.view = GalleryView(self.model, self.thumbnails)
        self.filter_bar = FilterBar()
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.stack, 1)
        self.runs = RunsTab(self, layout, [self.filter_bar, self.stack], services)  # Images | Runs
        self.setFocusProxy(self.view)

        self._first_page = asyncio.Event()
        self._current: int | None = None
        # Jobs started in this session, with the selection when they started: their newest
        # image is selected as it arrives, unless the user picked another image meanwhile.
        self._following: dict[str, list[int]] = {}
        self._reselect: int | None = None
        # The Boards sidebar's choice: (board id, "no board") and the board's name
        self._board: tuple[int | None, bool] = (None, False)
        self._board_name = ""
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        # selection and cursor change in two steps: announce the outcome once, after both
        self._current_check = QTimer(self)
        self._current_check.setSingleShot(True)
        self._current_check.setInterval(0)
        self._current_check.timeout.connect(self._emit_current)

        bridge.job_changed.connect(self._on_job_changed)
        bridge.job_submitted.connect(self._on_job_changed)
        bridge.job_waiting.connect(self.model.on_job_waiting)
        bridge.image_saved.connect(self.model.on_image_saved)
        bridge.job_partial.connect(self.model.on_job_partial)
        bridge.image_saved.connect(self._follow_new_image)  # after the model has its row
        bridge.job_submitted.connect(self._start_following)
        bridge.history_changed.connect(self.reload)
        self.thumbnails.changed.connect(self.view.viewport().update)
        self.model.listing_changed.connect(self._on_listing_changed)
        self.model.row_replaced.connect(lambda _: self._current_check.start())
        self.filter_bar.changed.connect(self._on_query)
        self.filter_bar.leave_down.connect(self._focus_grid)
        self.view.image_activated.connect(self.image_activated)
        self.view.context_requested.connect(self.context_requested)
        selection = self.view.selectionModel()
        selection.currentChanged.connect(lambda *_: self._current_check.start())
        selection.selectionChanged.connect(lambda *_: self._current_check.start())
        self.empty.try_demo.connect(self._on_try_demo)
        self.empty.add_relay.connect(self.add_relay_requested)
        self.empty.clear_filters.connect(self.filter_bar.clear)

        for job in bridge.running():
            self.model.on_job_changed(job)
        self.model.set_query(self._with_board(self.filter_bar.query()))
        self._load_choices()

    # -- the public API --------------------------------------------------------------------

    async def first_page_loaded(self) -> None:
        await self._first_page.wait()

    def selected_image_ids(self) -> list[int]:
        if self.runs.showing:  # the Runs tab: its selected cards
            return self.runs.page.selected_image_ids()
        return self.view.selected_image_ids()

    def reload(self) -> None:
        """The history changed (trash, favourites…): read it again, keep selection and place."""
        self.model.refresh()
        self._load_choices()

    def update_empty_state(self) -> None:
        """The relays changed: the welcome card goes once there is one to use."""
        self._update_empty_state()

    def focus_search(self) -> None:
        self.filter_bar.focus_search()

    def set_board(self, board_id: int | None, no_board: bool = False, name: str = "") -> None:
        """Show one board's images (``board_id``), those on no board, or all (neither)."""
        self._board_name = name
        board = (board_id, no_board and board_id is None)
        if board == self._board:
            self._update_empty_state()  # renamed, perhaps
            return
        self._board = board
        self._reselect = self._current
        self.model.set_query(self._with_board(self.filter_bar.query()))

    def _with_board(self, query: GalleryQuery) -> GalleryQuery:
        return replace(query, board_id=self._board[0], no_board=self._board[1])

    # -- listing ---------------------------------------------------------------------------

    def _on_query(self, query: GalleryQuery) -> None:
        self._reselect = self._current
        self.model.set_query(self._with_board(query))

    def _on_listing_changed(self) -> None:
        model = self.model
        if model.loaded:
            self._first_page.set()
        if self._reselect is not None and model.loaded:
            row = model.row_of_image(self._reselect)
            self._reselect = None
            if row >= 0:
                self.view.selectionModel().setCurrentIndex(
                    model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                self.view.scrollTo(model.index(row))
        self._update_empty_state()
        self._update_tick()
        self._current_check.start()

    def _update_empty_state(self) -> None:
        model = self.model
        if model.rowCount() or not model.loaded:
            self.stack.setCurrentWidget(self.view)
            return
        query = model.query
        if model.failed:
            self.empty.show_failed()
        elif query.is_default:
            if self.services.demo or self.services.bridge.default_profile:
                self.empty.show_demo_hint()  # a relay is ready: say how to start
            else:
                self.empty.show_welcome()
        elif replace(query, board_id=None, no_board=False).is_default:
            self._show_empty_board(query)
        else:
            self.empty.show_no_match(query.search, self._board_words(query) + describe(query))
        had_focus = self.view.hasFocus()
        self.stack.setCurrentWidget(self.empty)
        if had_focus:
            self.filter_bar.search.setFocus()

    def _show_empty_board(self, query: GalleryQuery) -> None:
        if query.no_board:
            self.empty.show_board(
                tr("Every image is on a board"), tr("Images on no board will show here.")
            )
        else:
            self.empty.show_board(
                tr("Nothing on “{board}” yet").format(board=self._board_name),
                tr(
                    "Drag images from the gallery onto the board in Boards, or generate: "
                    "new results go to the board chosen there."
                ),
            )

    def _board_words(self, query: GalleryQuery) -> list[str]:
        if query.no_board:
            return [tr("No board")]
        if query.board_id is not None:
            return [tr("Board: {board}").format(board=self._board_name)]
        return []

    def _on_try_demo(self) -> None:
        self.try_demo_requested.emit()
        self._update_empty_state()  # the window may have started the demo: say what to do next

    def _load_choices(self) -> None:
        def done(choices: Choices | None) -> None:
            if choices is not None:
                self.filter_bar.set_choices(choices.models, choices.profiles)

        self.services.bridge.spawn(load_choices(self.services.bridge), done)

    def _focus_grid(self) -> None:
        if self.stack.currentWidget() is self.view:
            self.view.setFocus()
            if not self.view.currentIndex().isValid() and self.model.rowCount():
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )

    # -- jobs ------------------------------------------------------------------------------

    def _on_job_changed(self, job: Job) -> None:
        if job.state.is_terminal:  # its images were all told before this
            self._following.pop(job.id, None)
        self.model.on_job_changed(job)
        self.filter_bar.add_choice(job.request.model, job.profile_name)

    def _update_tick(self) -> None:
        wanted = bool(self.model.live_rows()) and self.isVisible()
        if wanted and not self._tick.isActive():
            self._tick.start()
        elif not wanted and self._tick.isActive():
            self._tick.stop()

    def _on_tick(self) -> None:
        if self.isVisible() and not self.window().isMinimized():
            self.view.repaint_live()
        self._update_tick()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._update_tick()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        self._update_tick()

    # -- selection -------------------------------------------------------------------------

    def _start_following(self, job: Job) -> None:
        self._following[job.id] = self.selected_image_ids()

    def _follow_new_image(self, job: Job, image: ImageResult) -> None:
        before = self._following.get(job.id)
        if before is None or image.id is None or self.selected_image_ids() != before:
            return  # not a job started here, or the user has chosen another image since
        row = self.model.row_of_image(image.id)
        if row < 0:
            return  # the filters hide it
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)
        if job.id in self._following:
            self._following[job.id] = [image.id]

    def _emit_current(self) -> None:
        index = self.view.currentIndex()
        selection = self.view.selectionModel()
        image_id = None
        if index.isValid() and selection.isSelected(index):
            image_id = self.model.image_id(index.row())
        if image_id != self._current:
            self._current = image_id
            self.current_changed.emit(image_id)
