"""The mask painter: a full window over the image with a slim tool bar, Done and Cancel.

``accepted`` carries the painted mask in the studio's convention (gray PNG, 255 = edit, the
source's size); ``cancelled`` says the user left without one. Feather, load, save and the final
encoding run in worker threads; while one of them may replace the mask, painting waits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QImage, QKeySequence
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from studio.domain.errors import StudioError
from studio.domain.request import Mask
from studio.ui import i18n
from studio.ui.mask.canvas import MaskCanvas
from studio.ui.mask.controls import StatusBar, ToolBar, rule, slider_to_size
from studio.ui.mask.document import MaskDocument, Tool
from studio.ui.mask.files import MaskFiles
from studio.ui.mask.mask_io import feathered, finished_mask, mask_pixels, snapshot
from studio.ui.mask.tools import Shape
from studio.ui.mask.work import Worker
from studio.ui.pictures.picture import Picture
from studio.ui.preferences import PainterLook

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("MaskPainter", text)


class MaskPainterWindow(MaskFiles, QWidget):
    accepted = Signal(object)  # studio.domain.request.Mask
    cancelled = Signal()

    def __init__(
        self,
        source: QImage,
        mask: Mask | None = None,
        parent: QWidget | None = None,
        title: str = "",
        blank: QImage | None = None,
    ) -> None:
        """``blank``: zeroed mask pixels made in a worker thread (``document.blank_mask``), so
        a huge image opens without a stall; made here when not given."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("maskPainter")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title or tr("Paint a mask"))
        self.source = source
        self.document = MaskDocument(source.width(), source.height(), blank=blank)
        self.canvas = MaskCanvas(self.document, source)
        self.toolbar = ToolBar()
        self.status = StatusBar()
        self.status.fit_facts(source.size())
        self.mask_name = "mask.png"
        self.worker = Worker(self, self._failed)
        self._busy = ""  # the kind of work under way that may replace the mask
        self._closing = False  # accepted or cancelled: the window goes
        self._pointer: QPoint | None = None
        self._dialogs: dict[str, QWidget] = {}
        self._last_folder = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(rule())
        layout.addWidget(self.canvas, 1)
        layout.addWidget(rule())
        layout.addWidget(self.status)
        self.setFocusProxy(self.canvas)
        self._build_actions()
        self._wire()
        self._show_tool()
        self._show_brush()
        self._show_overlay()
        self._show_view()
        self._show_history()
        self._clear_message()
        self.worker.run(Picture.from_image, source, done=self.canvas.set_picture, what="picture")
        if mask is not None:
            self._open_mask(mask)

    # -- building --------------------------------------------------------------------------

    def _action(
        self, name: str, keys: list[QKeySequence | str], slot: Callable[[], Any]
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = Qt.Key
        canvas = self.canvas
        self._action("brushAction", ["B"], canvas.pick_brush)
        self._action("eraserAction", ["E"], canvas.pick_eraser)
        self._action("rectAction", ["R"], lambda: canvas.set_shape(Shape.RECT))
        self._action("lassoAction", ["L"], lambda: canvas.set_shape(Shape.LASSO))
        self._action("swapAction", ["X"], canvas.swap_mode)
        self._action(
            "smallerAction", [QKeySequence(key.Key_BracketLeft)], lambda: canvas.grow_brush(-1)
        )
        self._action(
            "biggerAction", [QKeySequence(key.Key_BracketRight)], lambda: canvas.grow_brush(1)
        )
        self._action("undoAction", ["Ctrl+Z"], self.undo)
        self._action("redoAction", ["Ctrl+Shift+Z", "Ctrl+Y"], self.redo)
        self._action(
            "zoomInAction",
            [QKeySequence(key.Key_Plus), QKeySequence(key.Key_Equal), "Ctrl++", "Ctrl+="],
            canvas.zoom_in,
        )
        self._action("zoomOutAction", [QKeySequence(key.Key_Minus), "Ctrl+-"], canvas.zoom_out)
        self._action("fitAction", ["0", "Ctrl+0"], canvas.fit)
        self._action("actualAction", ["1", "Ctrl+1"], canvas.actual_size)
        self._action("cancelAction", [QKeySequence(key.Key_Escape)], self.cancel)
        self._action("doneAction", ["Ctrl+Return", "Ctrl+Enter"], self.done)
        self._action("loadAction", ["Ctrl+O"], self.choose_mask_file)
        self._action("saveAction", ["Ctrl+S"], self.choose_save_file)

    def _wire(self) -> None:
        bar, status, canvas = self.toolbar, self.status, self.canvas
        bar.brush.clicked.connect(canvas.pick_brush)
        bar.eraser.clicked.connect(canvas.pick_eraser)
        bar.rect.clicked.connect(lambda: canvas.set_shape(Shape.RECT))
        bar.lasso.clicked.connect(lambda: canvas.set_shape(Shape.LASSO))
        bar.remove.toggled.connect(lambda on: canvas.set_mode(Tool.ERASER if on else Tool.BRUSH))
        bar.size_slider.valueChanged.connect(
            lambda value: canvas.set_brush_size(slider_to_size(value))
        )
        bar.hardness_slider.valueChanged.connect(lambda value: canvas.set_hardness(value / 100))
        bar.feather_apply.clicked.connect(self._feather_chosen)
        bar.invert.clicked.connect(lambda: self._edit(lambda: self.document.invert()))
        bar.fill.clicked.connect(lambda: self._edit(lambda: self.document.fill()))
        bar.clear.clicked.connect(lambda: self._edit(lambda: self.document.clear()))
        bar.undo.clicked.connect(self.undo)
        bar.redo.clicked.connect(self.redo)
        bar.load.clicked.connect(self.choose_mask_file)
        bar.save.clicked.connect(self.choose_save_file)
        bar.cancel.clicked.connect(self.cancel)
        bar.done.clicked.connect(self.done)
        status.colour.clicked.connect(self.choose_colour)
        status.opacity_slider.valueChanged.connect(
            lambda value: (canvas.set_overlay_opacity(value / 100), self._show_overlay())
        )
        status.show_mask.toggled.connect(
            lambda on: (canvas.set_overlay_visible(on), self._show_overlay())
        )
        status.zoom_in.clicked.connect(canvas.zoom_in)
        status.zoom_out.clicked.connect(canvas.zoom_out)
        status.fit.clicked.connect(canvas.fit)
        status.actual.clicked.connect(canvas.actual_size)
        canvas.tool_changed.connect(self._show_tool)
        canvas.brush_changed.connect(self._show_brush)
        canvas.view_changed.connect(self._show_view)
        canvas.pointer_moved.connect(self._pointer_moved)
        canvas.edited.connect(self._clear_message)
        self.document.history_changed.connect(self._show_history)

    # -- showing the state -----------------------------------------------------------------

    def apply_look(self, look: PainterLook) -> None:
        """Brush and overlay as remembered (values out of range are clamped by the canvas)."""
        canvas = self.canvas
        canvas.set_brush_size(look.brush)
        canvas.set_hardness(look.hardness)
        colour = QColor(look.colour)
        if colour.isValid():
            canvas.set_overlay_colour(colour)
        canvas.set_overlay_opacity(look.opacity)
        self._show_brush()
        self._show_overlay()

    def look(self) -> PainterLook:
        canvas = self.canvas
        return PainterLook(
            canvas.brush_size,
            canvas.hardness,
            canvas.overlay_colour.name(),
            canvas.overlay_opacity,
        )

    def _show_tool(self) -> None:
        self.toolbar.show_tool(self.canvas.shape, self.canvas.mode)

    def _show_brush(self) -> None:
        self.toolbar.show_brush(self.canvas.brush_size, self.canvas.hardness)
        self._show_facts()

    def _show_overlay(self) -> None:
        canvas = self.canvas
        self.status.show_overlay(
            canvas.overlay_colour, canvas.overlay_opacity, canvas.overlay_visible
        )

    def _show_view(self) -> None:
        self.status.show_zoom(self.canvas.zoom())
        self._show_facts()

    def _show_history(self) -> None:
        if not self._busy:
            self.toolbar.show_history(self.document.can_undo(), self.document.can_redo())

    def _pointer_moved(self, point: QPoint | None) -> None:
        self._pointer = point
        self._show_facts()

    def _show_facts(self) -> None:
        self.status.show_facts(self.document.size(), self.canvas.brush_size, self._pointer)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.say(text, error)

    def _clear_message(self) -> None:
        """Back to the standing hint (after an edit, or when a message is out of date)."""
        if not self._busy:
            self._say(tr("Paint where the image should change. Pan: Space + drag. Zoom: wheel."))

    # -- editing ---------------------------------------------------------------------------

    def touched(self) -> bool:
        """Whether Cancel would lose painting (an edit that has not been undone)."""
        return self.document.can_undo()

    def is_busy(self) -> bool:
        return bool(self._busy)

    def _edit(self, operation: Callable[[], None]) -> None:
        if self._busy:
            return
        self.canvas.finish_drag()
        operation()
        self._clear_message()

    def undo(self) -> None:
        self._edit(lambda: self.document.undo())

    def redo(self) -> None:
        self._edit(lambda: self.document.redo())

    def _set_busy(self, kind: str, text: str = "") -> None:
        """``kind`` of work under way in a worker thread ("" when none); painting waits."""
        self._busy = kind
        self.canvas.finish_drag()
        self.canvas.setEnabled(not kind)
        self.toolbar.set_busy(bool(kind))
        if kind:
            self._say(text)
        else:
            self._show_history()
            self.canvas.setFocus()

    def _feather_chosen(self) -> None:
        self.toolbar.feather_menu.close()
        self.feather(self.toolbar.feather_radius.value())

    def feather(self, radius: float) -> None:
        """Soften every edge of the mask by a Gaussian blur of ``radius`` px (a worker thread)."""
        if self._busy:
            return
        if self.document.is_empty():
            self._say(tr("There is nothing to feather yet: paint the area to edit first."))
            return
        self._set_busy("feather", tr("Feathering the mask…"))

        def done(image: QImage) -> None:
            self._set_busy("")
            self.document.replace(image)
            self._say(tr("The edges were feathered by {radius} px.").format(radius=radius))

        self.worker.run(
            feathered, snapshot(self.document.image()), float(radius), done=done, what="feather"
        )

    def _open_mask(self, mask: Mask) -> None:
        """Continue a mask set before (no undo step: it is where painting starts)."""
        if (mask.width, mask.height) != (self.source.width(), self.source.height()):
            self._say(
                tr(
                    "The mask set before is {mask_width} × {mask_height} px but this image is "
                    "{width} × {height} px, so you start with an empty one."
                ).format(
                    mask_width=mask.width,
                    mask_height=mask.height,
                    width=self.source.width(),
                    height=self.source.height(),
                ),
                error=True,
            )
            return
        self.mask_name = mask.name
        self._set_busy("open", tr("Opening the mask…"))

        def done(gray: QImage) -> None:
            self.document = MaskDocument.from_gray(gray)
            self.document.history_changed.connect(self._show_history)
            self.canvas.set_document(self.document)
            self._set_busy("")
            self._clear_message()

        self.worker.run(mask_pixels, mask, done=done, what="open")

    # -- leaving ---------------------------------------------------------------------------

    def done(self) -> None:
        """Hand the mask over (encoded in a worker thread); an empty mask is refused."""
        if self._busy or self._closing:
            return
        if self.document.is_empty():
            self._say(
                tr("The mask is empty. Paint where the image should change, then press Done."),
                error=True,
            )
            return
        self._set_busy("done", tr("Preparing the mask…"))

        def finished(mask: Mask) -> None:
            self._closing = True
            self.accepted.emit(mask)
            self.close()

        self.worker.run(
            finished_mask,
            snapshot(self.document.image()),
            self.mask_name,
            done=finished,
            what="done",
        )

    def cancel(self) -> None:
        """Leave without a mask; asks first when there is painting to lose."""
        if self._closing or self._busy == "done":
            return
        if not self.touched():
            self._leave()
            return
        box = QMessageBox(self)
        box.setObjectName("discardMask")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Discard this mask?"))
        box.setText(tr("Discard this mask?"))
        box.setInformativeText(tr("What you painted will be lost."))
        discard = box.addButton(tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discardButton")
        keep = box.addButton(tr("Keep painting"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepPaintingButton")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.finished.connect(lambda _: box.clickedButton() is discard and self._leave())
        self._keep("discard", box)
        box.open()

    def _leave(self) -> None:
        self._closing = True
        self.cancelled.emit()
        self.close()

    def discard(self) -> None:
        """Close at once without a mask and without asking (e.g. the studio is quitting)."""
        if not self._closing:
            self._leave()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self._closing:  # the window's close button: as Cancel
            event.ignore()
            self.cancel()
            return
        self.worker.stop()
        super().closeEvent(event)

    def present(self) -> None:
        """Show as a full window over the studio, ready for painting."""
        if not self.isVisible():
            # the whole screen even where nothing maximises windows (no window manager, some
            # tiling ones): maximising alone would leave the first, small geometry
            parent = self.parentWidget()
            screen = (parent.screen() if parent is not None else None) or self.screen()
            self.setGeometry(screen.availableGeometry())
        self.showMaximized()
        self.raise_()
        self.activateWindow()
        self.canvas.setFocus()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(1280, 860)

    def _failed(self, error: BaseException, what: str) -> None:
        """Work in a thread failed: said in plain words where the user looks, details logged."""
        if what == self._busy:
            self._set_busy("")
        if isinstance(error, StudioError):
            self._say(i18n.message(error), error=True)
            return
        log.error("mask painter: %s failed", what or "work", exc_info=error)
        if isinstance(error, MemoryError):
            text = tr("There is not enough memory for this. Close other images and try again.")
        else:
            text = tr("That did not work; the mask is unchanged. The log has the details.")
        self._say(text, error=True)
