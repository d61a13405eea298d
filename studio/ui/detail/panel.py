"""The detail viewer (right dock): the picture to zoom, pan and compare, and all about it.

Records come from the history through the bridge (the store's thread); pictures are
decoded with ``asyncio.to_thread``. Every load carries a token: a late answer for an image that
is no longer shown is dropped.
"""

from __future__ import annotations

import asyncio
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from studio.store.history import THUMBNAIL_SIZE, ImageRecord, JobRecord
from studio.ui.context_menu import entries
from studio.ui.detail.bars import ActionBar, ViewBar
from studio.ui.detail.info import DetailInfo
from studio.ui.detail.midjourney import MjButton, follow_up_request
from studio.ui.detail.sources import CompareChoice, compare_choices, make_composite
from studio.ui.detail.vary_region import VaryRegionFlow
from studio.ui.detail.viewer import ImageViewer
from studio.ui.pictures.picture import Picture, decode_picture, decode_preview, mask_overlay
from studio.ui.services import Services


def tr(text: str) -> str:
    return QCoreApplication.translate("DetailPanel", text)


class DetailPanel(QWidget):
    action_requested = Signal(str, int)  # action name (as in context_menu.py), image id
    message = Signal(str)  # a short status line (Midjourney follow-ups)

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.bridge = services.bridge
        self.setObjectName("detailPanel")
        self._image_id: int | None = None
        self._image: ImageRecord | None = None
        self._record: JobRecord | None = None
        self._token = 0
        self._compare_token = 0
        self._choices: list[CompareChoice] = []
        self._extra_choices: list[CompareChoice] = []  # a run's other results, offered first
        self._overlay_loading = False

        self.empty = QLabel(tr("Select an image to see it here."))
        self.empty.setObjectName("detailEmpty")
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.view_bar = ViewBar()
        self.viewer = ImageViewer()
        self.action_bar = ActionBar()
        self.info = DetailInfo(services)
        self.vary_region = VaryRegionFlow(services, self)
        scroll = QScrollArea()
        scroll.setObjectName("detailInfoScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.info)
        scroll.viewport().setBackgroundRole(QPalette.ColorRole.Window)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(0)
        top_layout.addWidget(self.view_bar)
        top_layout.addWidget(self.viewer, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.setSpacing(0)
        bottom_layout.addWidget(self.action_bar)
        bottom_layout.addWidget(scroll, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("detailSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)  # the picture takes what the dock can spare
        self.splitter.setStretchFactor(1, 0)
        scroll.setMinimumHeight(160)
        self.splitter.setSizes([600, 300])

        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        self._wire()

    def _wire(self) -> None:
        bar = self.view_bar
        bar.fit.clicked.connect(self.viewer.fit)
        bar.actual.clicked.connect(self.viewer.actual_size)
        bar.zoom_in.clicked.connect(lambda: self.viewer.zoom_by(1.25))
        bar.zoom_out.clicked.connect(lambda: self.viewer.zoom_by(1 / 1.25))
        bar.compare.toggled.connect(self._on_compare_toggled)
        bar.compare_with.currentIndexChanged.connect(self._on_compare_choice)
        bar.mask.toggled.connect(self._on_mask_toggled)
        self.viewer.view_changed.connect(lambda: bar.show_scale(self.viewer.scale))
        self.action_bar.triggered.connect(self._on_action)
        self.viewer.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.viewer.customContextMenuRequested.connect(self._context_menu)
        self.info.keep_outside_requested.connect(self.keep_original_outside_mask)
        self.info.midjourney.chosen.connect(self.follow_up)
        self.vary_region.message.connect(self._say)
        self.vary_region.sent.connect(self._sent)
        self.bridge.history_changed.connect(self._on_history_changed)
        for keys, slot in (("Ctrl+0", self.viewer.fit), ("Ctrl+1", self.viewer.actual_size)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(400, 640)

    # -- public ----------------------------------------------------------------------------

    @property
    def image_id(self) -> int | None:
        return self._image_id

    @property
    def shown_image(self) -> ImageRecord | None:
        """The record of the image on screen, once its history answer is in."""
        return self._image

    def show_compared(self, image_id: int, others: list[tuple[str, Path]]) -> None:
        """``image_id`` with the compare on, against ``others`` (label, file) first: the other
        results of a run, chosen in the Runs tab."""
        self._extra_choices = [CompareChoice(label, path) for label, path in others]
        self._image_id = None  # read again: the choices change
        self.show_image(image_id, keep_extra=True)
        self.view_bar.compare.setChecked(True)

    def show_image(self, image_id: int | None, *, keep_extra: bool = False) -> None:
        """Show ``image_id`` (None: the empty state). Returns at once; loads in the background."""
        if image_id is not None and image_id == self._image_id and self._image is not None:
            return
        if not keep_extra:
            self._extra_choices = []
        self._token += 1
        self._compare_token += 1
        self._image_id = image_id
        self._image = None
        self._record = None
        if image_id is None:
            self._show_empty()
            return
        token = self._token
        self.bridge.spawn(
            self.bridge.image_and_job(image_id),
            lambda found: self._on_records(token, *found),
        )

    # -- loading ---------------------------------------------------------------------------

    def _show_empty(self) -> None:
        self.stack.setCurrentWidget(self.empty)
        self.view_bar.compare.setChecked(False)
        self.view_bar.mask.setChecked(False)

    def _on_records(
        self, token: int, image: ImageRecord | None, record: JobRecord | None, *, fresh: bool = True
    ) -> None:
        if token != self._token:
            return  # another image was chosen meanwhile
        if image is None or record is None or image.trashed_at is not None:
            self._image_id = None
            self._show_empty()
            return
        self._image, self._record = image, record
        self.info.show_record(image, record)
        self.action_bar.set_favourite(image.favourite)
        if not fresh:
            return
        self.stack.setCurrentWidget(self.splitter)
        self.viewer.start(QSize(image.result.width, image.result.height))
        self.viewer.set_message("")
        self._setup_compare(image, record)
        self._setup_mask(record)
        self.bridge.spawn(self._load_preview(token, image))
        self.bridge.spawn(
            asyncio.to_thread(decode_picture, image.result.path),
            lambda picture: self._on_picture(token, picture),
        )

    async def _load_preview(self, token: int, image: ImageRecord) -> None:
        """A cached thumbnail, shown while the full picture decodes."""
        try:
            future = self.bridge.thumbnails.request(image.result, THUMBNAIL_SIZE)
            path = await asyncio.wrap_future(future)
        except Exception:  # no thumbnail: the placeholder stays until the picture is in
            return
        preview = await asyncio.to_thread(decode_preview, path)
        if token == self._token and preview is not None:
            self.viewer.set_preview(preview)

    def _on_picture(self, token: int, picture: Picture | None) -> None:
        if token != self._token:
            return
        if picture is None:
            self.viewer.set_message(tr("The image file could not be read."))
        else:
            self.viewer.set_picture(picture)

    def _on_history_changed(self) -> None:
        """Favourite or trash changed somewhere: refresh what is shown, not the picture."""
        if self._image_id is None or self._image is None:
            return
        token = self._token
        self.bridge.spawn(
            self.bridge.image_and_job(self._image_id),
            lambda found: self._on_records(token, *found, fresh=False),
        )

    # -- compare ---------------------------------------------------------------------------

    def _setup_compare(self, image: ImageRecord, record: JobRecord) -> None:
        self._choices = self._extra_choices + compare_choices(image, record)
        bar = self.view_bar
        combo = bar.compare_with
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([choice.label for choice in self._choices])
        combo.setCurrentIndex(0 if self._choices else -1)
        combo.blockSignals(False)
        bar.compare.setEnabled(bool(self._choices))
        if not self._choices:
            bar.compare.setChecked(False)
        bar.compare.setToolTip(
            tr("Compare with a reference or another result")
            if self._choices
            else tr("Nothing to compare with: this job had no reference and one result.")
        )
        if bar.compare.isChecked():
            self._load_other()
        else:
            self.viewer.set_compare(False)

    def _on_compare_toggled(self, on: bool) -> None:
        self.view_bar.compare_with.setVisible(on)
        self.viewer.set_compare(on)
        if on:
            self._load_other()

    def _on_compare_choice(self, _index: int) -> None:
        if self.view_bar.compare.isChecked():
            self._load_other()

    def _load_other(self) -> None:
        index = self.view_bar.compare_with.currentIndex()
        if not 0 <= index < len(self._choices):
            self.viewer.set_other(None)
            return
        choice = self._choices[index]
        self._compare_token += 1
        token = self._compare_token

        def done(picture: Picture | None) -> None:
            if token != self._compare_token:
                return
            if picture is None:
                self.viewer.set_other(None)
                self.view_bar.compare_with.setToolTip(
                    tr("{name} could not be read.").format(name=choice.label)
                )
                return
            self.viewer.set_other(picture, (choice.label, tr("This image")))

        self.bridge.spawn(asyncio.to_thread(decode_picture, choice.path), done)

    def leave_compare(self) -> None:
        self.view_bar.compare.setChecked(False)

    # -- mask overlay ----------------------------------------------------------------------

    def _setup_mask(self, record: JobRecord) -> None:
        has_mask = record.job.request.mask is not None
        self.view_bar.mask.setEnabled(has_mask)
        self.view_bar.mask.setToolTip(
            tr("Show the masked area (where the edit was asked)")
            if has_mask
            else tr("This job had no mask.")
        )
        self.viewer.set_overlay(None)
        self._overlay_loading = False
        if has_mask and self.view_bar.mask.isChecked():
            self._load_overlay()
        elif not has_mask:
            self.view_bar.mask.setChecked(False)

    def _on_mask_toggled(self, on: bool) -> None:
        self.viewer.set_overlay_visible(on)
        if on:
            self._load_overlay()

    def _load_overlay(self) -> None:
        mask = self._record.job.request.mask if self._record else None
        if mask is None or self._overlay_loading:
            return
        self._overlay_loading = True
        token = self._token
        tint = self.palette().color(QPalette.ColorRole.Highlight)

        def done(overlay) -> None:
            if token == self._token:
                self.viewer.set_overlay(overlay)

        self.bridge.spawn(asyncio.to_thread(mask_overlay, mask.png, tint), done)

    # -- actions ---------------------------------------------------------------------------

    def _on_action(self, name: str) -> None:
        if self._image_id is not None and self._image is not None:
            self.action_requested.emit(name, self._image_id)

    def _context_menu(self, position: QPoint) -> None:
        """The same menu as on a gallery image (context_menu.py), for the image shown."""
        if self._image_id is None or self._image is None:
            return
        menu = QMenu(self)
        for entry in entries():
            if entry is None:
                menu.addSeparator()
                continue
            name, label = entry
            action = menu.addAction(label)
            action.setObjectName(name)
            action.triggered.connect(partial(self._on_action, name))
        menu.popup(self.viewer.mapToGlobal(position))

    def follow_up(self, button: MjButton) -> None:
        """A Midjourney button of the shown image: send it (Vary (Region) asks first)."""
        image, record = self._image, self._record
        if image is None or record is None:
            return
        if button.is_vary_region:
            self.vary_region.start(image, record, button)
            return
        self.bridge.submit(follow_up_request(record, button), record.job.profile_name)
        self._sent(button)

    def _sent(self, button: MjButton) -> None:
        self.info.midjourney.sent(button)
        self.message.emit(tr("Sent to Midjourney: {label}").format(label=button.label))

    def _say(self, text: str) -> None:
        """The Vary (Region) flow's progress: under the buttons of the image it is about (not
        under another image shown meanwhile), and in the status bar."""
        if self._image is not None and self._image.id == self.vary_region.image_id:
            self.info.midjourney.set_status(text)
        self.message.emit(text)

    def keep_original_outside_mask(self) -> None:
        """The repair for an ignored mask: a new image, then show it."""
        image_id = self._image_id
        if image_id is None:
            return
        self.info.set_fix_busy(True)
        token = self._token

        def done(outcome: ImageRecord | str) -> None:
            if isinstance(outcome, str):
                if token == self._token:
                    self.info.set_fix_error(outcome)
                return
            if token == self._token:  # the bridge said history_changed: the gallery has it
                self.show_image(outcome.id)

        self.bridge.spawn(make_composite(self.bridge, image_id), done)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Esc leaves compare, then zoom; a third Esc goes on to the window."""
        if event.key() == Qt.Key.Key_Escape and self._image is not None:
            if self.view_bar.compare.isChecked():
                self.leave_compare()
                event.accept()
                return
            if not self.viewer.fitted_mode:
                self.viewer.fit()
                event.accept()
                return
        super().keyPressEvent(event)
