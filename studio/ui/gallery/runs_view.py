"""The Runs tab beside the images: each compare (or batch) one row, its targets side by side.

A search over the runs' prompts, then the rows, newest first, live while their jobs run. Click
a card to see it in the detail view, double-click (or Enter) to open it there, F or its ★ marks
the best, Retry sends a failed one again in the same run. "Compare in detail" opens the current
card in the detail view's compare, against the other selected cards (or the rest of its run).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.ui.gallery import glyphs
from studio.ui.gallery.runs_delegate import CELL_WIDTH, HEADER_WIDTH, ROW_HEIGHT, RunsDelegate
from studio.ui.gallery.runs_model import RunCell, RunsModel
from studio.ui.gallery.thumbnails import ThumbnailCache
from studio.ui.icons import icon
from studio.ui.services import Services
from studio.ui.widgets.labels import role_label

TICK_MS = 1000  # running cards: their seconds, once a second
SEARCH_DELAY_MS = 250
ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)

Place = tuple[str, int]  # run id, the job's index in the run


def tr(text: str) -> str:
    return QCoreApplication.translate("GalleryRuns", text)


class RunsTable(QTableView):
    """Rows of runs, cards of targets; cells are selected one by one (Ctrl/Shift for more)."""

    image_activated = Signal(int)

    def __init__(self, model: RunsModel, thumbnails: ThumbnailCache) -> None:
        super().__init__()
        self.setObjectName("runsView")
        self.runs = model
        self.thumbnails = thumbnails
        self.delegate = RunsDelegate(thumbnails, self)
        self.painted: set[tuple[str, int]] = set()
        self.setModel(model)
        self.setItemDelegate(self.delegate)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QTableView.Shape.NoFrame)
        clear = self.palette()  # the cards draw their own selection ring (the app's accent)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            clear.setColor(group, QPalette.ColorRole.Highlight, Qt.GlobalColor.transparent)
        self.setPalette(clear)
        for header, size in (
            (self.horizontalHeader(), CELL_WIDTH),
            (self.verticalHeader(), ROW_HEIGHT),
        ):
            header.hide()
            header.setDefaultSectionSize(size)
            header.setMinimumSectionSize(24)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(self._fit_header)
        model.columnsInserted.connect(self._fit_header)
        self.doubleClicked.connect(self._on_double_clicked)
        self._fit_header()

    def _fit_header(self, *_: object) -> None:
        if self.runs.columnCount():
            self.horizontalHeader().resizeSection(0, HEADER_WIDTH)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self.delegate.painted = self.painted = set()
        super().paintEvent(event)
        self.thumbnails.end_frame(self.painted)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.delegate.hover_pos = QPointF(event.position())
        self.viewport().update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self.delegate.hover_pos = None
        self.viewport().update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() in ACTIVATE_KEYS and plain:
            index = self.currentIndex()
            image_id = self.runs.image_id(index.row(), index.column())
            if image_id is not None:
                self.image_activated.emit(image_id)
                event.accept()
                return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802
        """Typing is for the window's keys (F), not a search: the search field is above."""
        del search

    def _on_double_clicked(self, index: QModelIndex) -> None:
        image_id = self.runs.image_id(index.row(), index.column())
        if image_id is not None:
            self.image_activated.emit(image_id)

    def selected_cells(self) -> list[tuple[int, int]]:
        """(row, column) of the selected cards, the current one first."""
        found = [
            (index.row(), index.column())
            for index in self.selectionModel().selectedIndexes()
            if self.runs.cell(index.row(), index.column()) is not None
        ]
        current = self.currentIndex()
        place = (current.row(), current.column())
        if place in found:
            found.remove(place)
            found.insert(0, place)
        return found


class RunsPage(QWidget):
    """The search, the compare button, and the table (or a card saying why it is empty)."""

    current_changed = Signal(object)  # image id or None: the current card's image
    image_activated = Signal(int)
    compare_requested = Signal(int, list)  # image id, [(label, Path)] to compare it with

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.setObjectName("runsPage")
        self.services = services
        self.bridge = services.bridge
        self.model = RunsModel(self.bridge, services.catalog, self)
        self.thumbnails = ThumbnailCache(self.bridge)
        self.thumbnails.setParent(self)
        self.table = RunsTable(self.model, self.thumbnails)

        self.search = QLineEdit()
        self.search.setObjectName("runsSearch")
        self.search.setPlaceholderText(tr("Search runs by prompt…"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(
            glyphs.search_icon(self.palette()), QLineEdit.ActionPosition.LeadingPosition
        )
        self.compare_button = QPushButton(icon("compare"), tr("Compare in detail"))
        self.compare_button.setObjectName("compareRunCells")
        self.compare_button.setToolTip(
            tr("Open the current card in the detail view's compare, against the other selected "
               "cards (or the rest of its run)")
        )  # fmt: skip
        self.compare_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 8, 8, 8)
        bar.setSpacing(8)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.compare_button)

        self.empty = role_label("hint")
        self.empty.setObjectName("runsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setContentsMargins(48, 48, 48, 48)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.setFocusProxy(self.table)

        self._keep: tuple[Place | None, list[Place]] = (None, [])
        self._current: int | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(lambda: self.model.set_search(self.search.text()))
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.compare_button.clicked.connect(self.compare_selected)
        self.table.image_activated.connect(self.image_activated)
        self.table.delegate.action.connect(self._on_card_action)
        self.thumbnails.changed.connect(self.table.viewport().update)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.listing_changed.connect(self._update_empty)
        self.model.dataChanged.connect(lambda *_: self._after_change())
        selection = self.table.selectionModel()
        selection.currentChanged.connect(lambda *_: self._on_selection())
        selection.selectionChanged.connect(lambda *_: self._on_selection())
        self._loaded_once = False

    # -- public ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.refresh()

    def selected_image_ids(self) -> list[int]:
        found = (self.model.image_id(r, c) for r, c in self.table.selected_cells())
        return [image_id for image_id in found if image_id is not None]

    def select_cell(self, row: int, column: int, *, add: bool = False) -> None:
        flag = (
            QItemSelectionModel.SelectionFlag.Select
            if add
            else QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.table.selectionModel().setCurrentIndex(self.model.index(row, column), flag)

    def compare_selected(self) -> None:
        """The current card against the other selected ones (or the rest of its run)."""
        cells = self.table.selected_cells()
        images = [(r, c) for r, c in cells if self.model.image_id(r, c) is not None]
        if not images:
            return
        first = images[0]
        others = images[1:]
        if not others:  # one card: against the rest of its run
            row = first[0]
            others = [
                (row, c)
                for c in range(1, self.model.columnCount())
                if (row, c) != first and self.model.image_id(row, c) is not None
            ]
        if not others:
            return
        image_id = self.model.image_id(*first)
        assert image_id is not None
        self.compare_requested.emit(image_id, [self._choice(r, c) for r, c in others])

    def _choice(self, row: int, column: int) -> tuple[str, Path]:
        cell = self.model.cell(row, column)
        assert cell is not None and cell.image is not None
        return cell.label, cell.image.path(self.bridge.blobs)

    # -- following the model -------------------------------------------------------------------

    def _update_empty(self) -> None:
        if self.model.rowCount() or not self.model.loaded:
            self.stack.setCurrentWidget(self.table)
            return
        if self.model.search:
            self.empty.setText(
                tr("No run has “{text}” in its prompt.").format(text=self.model.search)
            )
        else:
            self.empty.setText(
                tr("No runs yet. Turn on Compare beside the model in the composer to send one "
                   "prompt to several models or relays: each compare shows here as one row, its "
                   "results side by side.")
            )  # fmt: skip
        self.stack.setCurrentWidget(self.empty)

    def _place(self, row: int, column: int) -> Place | None:
        cell = self.model.cell(row, column)
        if cell is None:
            return None
        return self.model.rows[row].run.id, cell.index

    def _remember_selection(self) -> None:
        current = self.table.currentIndex()
        places = [self._place(r, c) for r, c in self.table.selected_cells()]
        self._keep = (
            self._place(current.row(), current.column()),
            [p for p in places if p is not None],
        )

    def _restore_selection(self) -> None:
        current, selected = self._keep
        self._keep = (None, [])
        selection = QItemSelection()
        for run_id, index in selected:
            place = self.model.find(run_id, index)
            if place is not None:
                model_index = self.model.index(*place)
                selection.select(model_index, model_index)
        model = self.table.selectionModel()
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if current is not None and (place := self.model.find(*current)) is not None:
            model.setCurrentIndex(
                self.model.index(*place), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self._after_change()

    def _after_change(self) -> None:
        self._update_tick()
        self._update_compare()
        self._emit_current()

    def _on_selection(self) -> None:
        self._update_compare()
        self._emit_current()

    def _update_compare(self) -> None:
        cells = self.table.selected_cells()
        images = [place for place in cells if self.model.image_id(*place) is not None]
        enabled = len(images) >= 2
        if len(images) == 1:
            row = images[0][0]
            enabled = (
                sum(1 for c in range(1, self.model.columnCount()) if self.model.image_id(row, c))
                >= 2
            )
        self.compare_button.setEnabled(enabled)

    def _emit_current(self) -> None:
        index = self.table.currentIndex()
        selected = self.table.selectionModel().isSelected(index) if index.isValid() else False
        image_id = self.model.image_id(index.row(), index.column()) if selected else None
        if image_id != self._current:
            self._current = image_id
            self.current_changed.emit(image_id)

    def _on_card_action(self, name: str, row: int, column: int) -> None:
        cell = self.model.cell(row, column)
        if not isinstance(cell, RunCell):
            return
        if name == "favourite" and cell.image is not None:
            self.bridge.spawn(self.bridge.toggle_favourite(cell.image.id))
        elif name == "retry" and cell.job is not None:
            self.bridge.retry(cell.job.id)

    # -- the clock for running cards -----------------------------------------------------------

    def _update_tick(self) -> None:
        wanted = bool(self.model.live_cells()) and self.isVisible()
        if wanted and not self._tick.isActive():
            self._tick.start()
        elif not wanted and self._tick.isActive():
            self._tick.stop()

    def _on_tick(self) -> None:
        if self.isVisible() and not self.window().isMinimized():
            for row, column in self.model.live_cells():
                self.table.update(self.model.index(row, column))
                self.table.update(self.model.index(row, 0))
        self._update_tick()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.thumbnails.device_pixel_ratio = self.devicePixelRatioF()
        if not self._loaded_once:  # the history is read when the tab is first shown
            self._loaded_once = True
            self.model.refresh()
        self._update_tick()


class RunsTab(QObject):
    """ "Images | Runs" above the gallery: the Runs page takes the place of the images' filter
    bar and grid. Its cards speak through the panel's own signals (current image, open)."""

    def __init__(
        self, panel: QWidget, layout: QVBoxLayout, images: list[QWidget], services: Services
    ) -> None:
        super().__init__(panel)
        self.images = images
        self.page = RunsPage(services)
        self.page.hide()
        self.bar = QTabBar()
        self.bar.setObjectName("galleryTabs")
        self.bar.setDocumentMode(True)
        self.bar.setExpanding(False)
        self.bar.addTab(tr("Images"))
        self.bar.addTab(tr("Runs"))
        self.bar.setTabToolTip(1, tr("Compares and batches: one row each, results side by side"))
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(8, 4, 8, 0)
        row.addWidget(self.bar)
        row.addStretch(1)
        layout.insertWidget(0, holder)
        layout.addWidget(self.page, 1)
        self.bar.currentChanged.connect(self._switched)
        for name in ("current_changed", "image_activated"):
            getattr(self.page, name).connect(getattr(panel, name))

    @property
    def showing(self) -> bool:
        return self.bar.currentIndex() == 1

    def show_runs(self) -> None:
        self.bar.setCurrentIndex(1)

    def show_images(self) -> None:
        self.bar.setCurrentIndex(0)

    def _switched(self, index: int) -> None:
        runs = index == 1
        for widget in self.images:
            widget.setVisible(not runs)
        self.page.setVisible(runs)
        if runs:
            self.page.table.setFocus()
