"""The bar above the grid: search over prompts, model, profile, date, ★, status."""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from studio.ui.gallery import glyphs
from studio.ui.gallery.tiles import GalleryQuery, Period, Status

SEARCH_DELAY_MS = 250


def tr(text: str) -> str:
    return QCoreApplication.translate("GalleryFilters", text)


def _period_names() -> dict[Period, str]:
    return {
        Period.ANY: tr("Any time"),
        Period.TODAY: tr("Today"),
        Period.WEEK: tr("Last 7 days"),
        Period.MONTH: tr("Last 30 days"),
    }


def _status_names() -> dict[Status, str]:
    return {
        Status.ALL: tr("Any status"),
        Status.RUNNING: tr("Running"),
        Status.FAILED: tr("Failed"),
        Status.DONE: tr("Done"),
    }


def describe(query: GalleryQuery) -> list[str]:
    """The filters that are on, in words (the search itself is said elsewhere)."""
    words = []
    if query.model:
        words.append(tr("Model: {model}").format(model=query.model))
    if query.profile:
        words.append(tr("Profile: {profile}").format(profile=query.profile))
    if query.period is not Period.ANY:
        words.append(_period_names()[query.period])
    if query.favourites:
        words.append(tr("Favourites only"))
    if query.status is not Status.ALL:
        words.append(tr("Status: {status}").format(status=_status_names()[query.status]))
    return words


class FilterBar(QWidget):
    changed = Signal(object)  # GalleryQuery
    leave_down = Signal()  # Down or Enter in the search field: on to the grid

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("galleryFilters")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)

        self.search = QLineEdit()
        self.search.setObjectName("gallerySearch")
        self.search.setPlaceholderText(tr("Search prompts…"))
        self.search.setClearButtonEnabled(True)
        self._search_icon = self.search.addAction(
            glyphs.search_icon(self.palette()), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search.setMinimumWidth(160)
        self.search.installEventFilter(self)
        layout.addWidget(self.search, 3)

        self.model_box = self._combo("galleryModelFilter", tr("Model"))
        self.profile_box = self._combo("galleryProfileFilter", tr("Profile"))
        self.period_box = self._combo("galleryDateFilter", tr("Date"))
        for period, name in _period_names().items():
            self.period_box.addItem(name, period.value)
        self.favourites = QToolButton()
        self.favourites.setObjectName("galleryFavouritesFilter")
        self.favourites.setCheckable(True)
        self.favourites.setAutoRaise(True)
        self.favourites.setIcon(glyphs.star_icon(self.palette()))
        self.favourites.setToolTip(tr("Favourites only"))
        self.favourites.setAccessibleName(tr("Favourites only"))
        self.status_box = self._combo("galleryStatusFilter", tr("Status"))
        for status, name in _status_names().items():
            self.status_box.addItem(name, status.value)
        self._models: list[str] = []
        self._profiles: list[str] = []
        self.set_choices([], [])
        for widget in (self.model_box, self.profile_box, self.period_box):
            layout.addWidget(widget)
        layout.addWidget(self.favourites)
        layout.addWidget(self.status_box)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        for box in (self.model_box, self.profile_box, self.period_box, self.status_box):
            box.currentIndexChanged.connect(lambda _: self._emit())
        self.favourites.toggled.connect(lambda _: self._emit())
        self._last = self.query()

    def _combo(self, name: str, label: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setToolTip(label)
        box.setAccessibleName(label)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return box

    # -- the query -------------------------------------------------------------------------

    def query(self, now: float | None = None) -> GalleryQuery:
        period = Period(self.period_box.currentData() or Period.ANY)
        return GalleryQuery(
            search=self.search.text().strip(),
            model=self.model_box.currentData() or None,
            profile=self.profile_box.currentData() or None,
            period=period,
            since=period.since(time.time() if now is None else now),
            favourites=self.favourites.isChecked(),
            status=Status(self.status_box.currentData() or Status.ALL),
        )

    def _emit(self) -> None:
        self._debounce.stop()
        query = self.query()
        if replace(query, since=None) != replace(self._last, since=None):
            self._last = query
            self.changed.emit(query)

    def flush(self) -> None:
        """Apply a search still waiting for its delay."""
        if self._debounce.isActive():
            self._emit()

    def clear(self) -> None:
        """Every filter off, one change."""
        widgets = (
            self.search,
            self.model_box,
            self.profile_box,
            self.period_box,
            self.status_box,
            self.favourites,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for box in (self.model_box, self.profile_box, self.period_box, self.status_box):
            box.setCurrentIndex(0)
        self.favourites.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self._emit()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- what can be chosen ----------------------------------------------------------------

    def set_choices(self, models: list[str], profiles: list[str]) -> None:
        self._models = models
        self._profiles = profiles
        self._fill(self.model_box, tr("All models"), models)
        self._fill(self.profile_box, tr("All profiles"), profiles)
        self.profile_box.setVisible(len(profiles) > 1 or bool(self.profile_box.currentData()))

    def add_choice(self, model: str, profile: str) -> None:
        if model not in self._models or profile not in self._profiles:
            self.set_choices(
                sorted({*self._models, model}, key=str.casefold),
                sorted({*self._profiles, profile}, key=str.casefold),
            )

    @staticmethod
    def _fill(box: QComboBox, everything: str, names: list[str]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, None)
        for name in names:
            box.addItem(name, name)
        if current and current not in names:
            box.addItem(current, current)  # still chosen: keep it until changed
        box.setCurrentIndex(max(0, box.findData(current)) if current else 0)
        box.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:  # light ↔ dark: redraw the glyphs
            self._search_icon.setIcon(glyphs.search_icon(self.palette()))
            self.favourites.setIcon(glyphs.star_icon(self.palette()))
        super().changeEvent(event)

    # -- keys in the search field ----------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self._emit()
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.flush()
                self.leave_down.emit()
                return True
        return super().eventFilter(watched, event)
