"""Expand canvas…: choose a shape or size and where the picture stays; get the enlarged picture
and a mask over the new area, ready for an edit.

The picture is decoded once, on a worker thread, when the dialog opens (the preview's thumbnail
comes from the same decode, so the sizes shown are the sizes made). The layout is plain
arithmetic, worked out on every change; the pixels are made on a worker thread on Expand.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from studio.domain.errors import StudioError
from studio.domain.request import Reference
from studio.imaging.inputs import LoadedImage
from studio.imaging.outpaint import (
    MULTIPLE,
    RATIOS,
    Anchor,
    CanvasSize,
    Expansion,
    Layout,
    Target,
    expand_image,
    expansion_reference,
    parse_target,
    plan_expansion,
)
from studio.ui import i18n
from studio.ui.outpaint.source import pixel_limit, read_source
from studio.ui.outpaint.widgets import AnchorGrid, CanvasPreview
from studio.ui.services import Services
from studio.ui.widgets.labels import role_label, section_label, set_role
from studio.ui.widgets.segmented import SegmentedButtons

PREVIEW_SIDE = 640  # thumbnail pixels: sharp in the preview on HiDPI screens
MAX_SIDE = 16384
CUSTOM = "custom"
log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("ExpandCanvas", text)


class ExpandCanvasDialog(QDialog):
    """Non-modal; ``expanded(Reference, Mask)`` when the enlarged picture is ready, then closes."""

    expanded = Signal(object, object)  # Reference (the enlarged picture), Mask (its new area)

    def __init__(
        self,
        reference: Reference,
        services: Services | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("expandCanvasDialog")
        self.setModal(False)
        self.setWindowTitle(tr("Expand canvas — {name}").format(name=reference.name))
        self.reference = reference
        self.services = services
        self.max_pixels = pixel_limit(services)
        self.source: LoadedImage | None = None
        self.plan: Layout | None = None
        self.expansion: Expansion | None = None
        self.busy = False
        self._serial = 0  # bumped when the dialog closes: late results are dropped
        self._tasks: set[asyncio.Future[Any]] = set()
        self._build()
        self.finished.connect(self._release)
        self._load()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.preview = CanvasPreview()

        self.shapes = SegmentedButtons(allow_none=False)
        self.shapes.setObjectName("expandShapes")
        self.shapes.set_options([*RATIOS, CUSTOM])
        custom = self.shapes.button(CUSTOM)
        assert custom is not None
        custom.setText(tr("Custom"))
        custom.setToolTip(tr("Type the new width and height in pixels"))
        self.width_box = self._spin("customWidth", tr("New width in pixels"))
        self.height_box = self._spin("customHeight", tr("New height in pixels"))
        size_row = QHBoxLayout()
        size_row.setSpacing(4)
        size_row.addWidget(self.width_box)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_box)
        size_row.addWidget(QLabel(tr("px")))
        size_row.addStretch(1)

        self.anchors = AnchorGrid()
        self.size_label = QLabel()
        self.size_label.setObjectName("resultSize")
        self.size_label.setWordWrap(True)
        self.note_label = role_label("hint")
        self.note_label.setObjectName("expandNote")
        self.note_label.setWordWrap(True)
        self.error_label = role_label("error")
        self.error_label.setObjectName("expandError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        controls = QVBoxLayout()
        controls.setSpacing(8)
        controls.addWidget(section_label(tr("New shape")))
        controls.addWidget(self.shapes)
        controls.addLayout(size_row)
        controls.addSpacing(8)
        controls.addWidget(section_label(tr("Keep the picture at")))
        controls.addWidget(self.anchors, 0, Qt.AlignmentFlag.AlignLeft)
        controls.addSpacing(8)
        controls.addWidget(section_label(tr("Result")))
        controls.addWidget(self.size_label)
        controls.addWidget(self.note_label)
        controls.addWidget(self.error_label)
        controls.addStretch(1)
        side = QWidget()
        side.setFixedWidth(288)
        side.setLayout(controls)
        controls.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.preview, 1)
        top.addWidget(side)

        self.expand_button = QPushButton(tr("Expand"))
        self.expand_button.setObjectName("primary")
        self.expand_button.setEnabled(False)
        self.expand_button.setToolTip(
            tr("Make the larger picture and a mask over the new area, and add them to the composer")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.expand_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelExpand")
        cancel.setAutoDefault(False)  # Enter always means Expand, wherever the focus is
        self.expand_button.setAutoDefault(False)
        self.expand_button.setDefault(True)
        buttons.accepted.connect(self.expand)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addLayout(top, 1)
        layout.addWidget(buttons)
        self.resize(760, 440)

        self.shapes.changed.connect(self._shape_chosen)
        self.width_box.valueChanged.connect(lambda _: self._refresh())
        self.height_box.valueChanged.connect(lambda _: self._refresh())
        self.anchors.changed.connect(lambda _: self._refresh())
        self._set_enabled(False)

    def _spin(self, name: str, tip: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(MULTIPLE, MAX_SIDE)
        box.setSingleStep(MULTIPLE)
        box.setAccelerated(True)
        box.setToolTip(tip)
        box.setAccessibleName(tip)
        return box

    # -- reading the picture ---------------------------------------------------------------

    def _spawn(self, work: Coroutine[Any, Any, Any], done: Callable[[Any], None]) -> None:
        if self.services is not None:
            self.services.bridge.spawn(work, done)
            return
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(lambda finished: finished.cancelled() or done(finished.result()))

    def _load(self) -> None:
        serial = self._serial
        reference = self.reference

        async def read() -> tuple[LoadedImage, QImage] | str:
            try:
                return await asyncio.to_thread(read_source, reference, PREVIEW_SIDE)
            except StudioError as error:
                return i18n.message(error)
            except Exception:  # a bug: said plainly here, the details go to the log
                log.exception("reading %s for the expand dialog failed", reference.name)
                return tr("The picture could not be read.")

        def done(result: tuple[LoadedImage, QImage] | str) -> None:
            if not Shiboken.isValid(self) or serial != self._serial:
                return
            if isinstance(result, str):
                self.preview.set_status(tr("No preview"))
                self._show_error(result)
                return
            self.source, thumbnail = result
            self.preview.set_image(thumbnail)
            self._set_enabled(True)
            self._choose_default_shape()

        self._spawn(read(), done)

    def _choose_default_shape(self) -> None:
        """A shape that adds something: wider for a landscape picture, taller for a portrait."""
        assert self.source is not None
        width, height = self.source.image.size
        candidates = ("16:9", "21:9", "4:3") if width >= height else ("9:16", "2:3", "3:4")
        for ratio in candidates:
            try:
                plan_expansion((width, height), ratio, max_pixels=self.max_pixels)
            except StudioError:
                continue
            self.shapes.set_value(ratio)
            break
        self._shape_chosen(self.shapes.value())

    # -- choosing --------------------------------------------------------------------------

    def target(self) -> Target | None:
        value = self.shapes.value()
        if value is None:
            return None
        if value == CUSTOM:
            return CanvasSize(self.width_box.value(), self.height_box.value())
        return parse_target(value)

    def anchor(self) -> Anchor:
        return self.anchors.anchor()

    def _shape_chosen(self, value: str | None) -> None:
        custom = value == CUSTOM
        if custom and self.plan is None:
            self._show_size(self._grown_size())  # else the boxes already show the last size
        self.width_box.setEnabled(custom and not self.busy)
        self.height_box.setEnabled(custom and not self.busy)
        self._refresh()

    def _show_size(self, size: tuple[int, int]) -> None:
        for box, pixels in zip((self.width_box, self.height_box), size, strict=True):
            box.blockSignals(True)
            box.setValue(pixels)
            box.blockSignals(False)

    def _grown_size(self) -> tuple[int, int]:
        if self.source is None:
            return (1024, 1024)
        width, height = self.source.image.size
        return (
            -(-width * 5 // 4 // MULTIPLE) * MULTIPLE,
            -(-height * 5 // 4 // MULTIPLE) * MULTIPLE,
        )

    def _refresh(self) -> None:
        """Work out the layout for what is chosen and show it (cheap: no pixels)."""
        if self.source is None:
            return
        self.plan = None
        self._clear_error()
        target = self.target()
        if target is None:
            self.size_label.setText(tr("Choose a shape for the new canvas."))
            self.note_label.setText("")
        else:
            try:
                self.plan = plan_expansion(
                    self.source.image.size,
                    target,
                    self.anchor(),
                    max_pixels=self.max_pixels,
                    name=self.reference.name,
                )
            except StudioError as error:
                self.size_label.setText("")
                self.note_label.setText("")
                self._show_error(i18n.message(error))
        if self.plan is not None:
            self._describe(self.plan)
            if self.shapes.value() != CUSTOM:  # the boxes show the size a ratio gives
                self._show_size(self.plan.canvas_size)
        self.size_label.setVisible(bool(self.size_label.text()))
        self.note_label.setVisible(bool(self.note_label.text()))
        self.preview.set_layout(self.plan)
        self.expand_button.setEnabled(self.plan is not None and not self.busy)

    def _describe(self, plan: Layout) -> None:
        width, height = plan.canvas_size
        source_width, source_height = plan.source_size
        self.size_label.setText(
            tr("{width} × {height} px (the picture is {source_width} × {source_height})").format(
                width=width, height=height, source_width=source_width, source_height=source_height
            )
        )
        if plan.scale < 1:
            note = tr(
                "Everything is reduced to {percent} % to stay within the {limit} megapixels "
                "the model takes."
            ).format(percent=round(plan.scale * 100), limit=round(self.max_pixels / 1e6, 1))
        else:
            note = tr(
                "The hatched area is new: it is masked for the edit. Describe what should fill "
                "it, then generate."
            )
        self.note_label.setText(note)

    # -- expanding -------------------------------------------------------------------------

    def expand(self) -> None:
        """Make the enlarged picture and its mask on a worker thread, then emit and close."""
        source, target = self.source, self.target()
        if self.busy or self.plan is None or source is None or target is None:
            return
        self.busy = True
        self._set_enabled(False)
        self.expand_button.setEnabled(False)
        self.note_label.setText(tr("Expanding the canvas…"))
        self.note_label.show()
        serial, anchor, limit = self._serial, self.anchor(), self.max_pixels

        async def make() -> Expansion | str:
            try:
                return await asyncio.to_thread(
                    expand_image, source, target, anchor, max_pixels=limit
                )
            except StudioError as error:
                return i18n.message(error)
            except Exception:  # a bug (or out of memory): plain words here, details in the log
                log.exception("expanding %s failed", self.reference.name)
                return tr("The canvas could not be expanded. Try a smaller size.")

        def done(result: Expansion | str) -> None:
            if not Shiboken.isValid(self) or serial != self._serial:
                return
            self.busy = False
            if isinstance(result, str):
                self._set_enabled(True)
                self._refresh()
                self._show_error(result)
                return
            self.expansion = result
            self.expanded.emit(expansion_reference(result), result.mask)
            self.accept()

        self._spawn(make(), done)

    # -- state and messages ----------------------------------------------------------------

    def _set_enabled(self, on: bool) -> None:
        self.shapes.setEnabled(on)
        self.anchors.setEnabled(on)
        custom = on and self.shapes.value() == CUSTOM
        self.width_box.setEnabled(custom)
        self.height_box.setEnabled(custom)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        set_role(self.error_label, "error")
        self.error_label.show()

    def _clear_error(self) -> None:
        self.error_label.setText("")
        self.error_label.hide()

    def _release(self) -> None:
        """Closed: drop the decoded picture and any result still on its way."""
        self._serial += 1
        self.source = None
        self.busy = False
