"""The painter's dialogs: load and save a mask file, pick the overlay colour.

Every dialog is a non-modal instance opened with ``open()``; its answer arrives by signal. The
files are read and written in worker threads. Mixed into MaskPainterWindow (before QWidget).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QColorDialog, QFileDialog, QWidget
from shiboken6 import Shiboken

from studio.ui.mask.mask_io import (
    Convention,
    WrongSizeError,
    read_mask_file,
    snapshot,
    write_mask_file,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("MaskFiles", text)


def save_filters() -> dict[str, Convention]:
    return {
        tr("Black and white PNG, white = edit (*.png)"): Convention.BLACK_WHITE,
        tr("Transparent PNG, transparent = edit (*.png)"): Convention.ALPHA,
    }


class MaskFiles:
    """Load…, Save… and the overlay colour, for the painter window."""

    def choose_mask_file(self) -> None:
        if self._busy:
            return
        dialog = QFileDialog(self, tr("Load a mask"), self._last_folder)
        dialog.setObjectName("loadMaskDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [
                tr("Images (*.png *.webp *.jpg *.jpeg *.bmp *.tif *.tiff *.gif)"),
                tr("All files (*)"),
            ]
        )
        dialog.fileSelected.connect(self.load_mask_file)
        self._keep("load", dialog)
        dialog.open()

    def load_mask_file(self, path: str) -> None:
        """Read a mask in either convention (detected) and make it the mask: one undo step."""
        if self._busy or not path:
            return
        file = Path(path)
        self._last_folder = str(file.parent)
        self._set_busy("load", tr("Loading “{name}”…").format(name=file.name))
        size = self.document.size()

        def done(gray: QImage) -> None:
            self._set_busy("")
            self.document.replace(gray)
            self._say(tr("Loaded the mask “{name}”.").format(name=file.name))

        def failed(error: BaseException) -> None:
            if not isinstance(error, WrongSizeError):
                self._failed(error, "load")
                return
            self._set_busy("")
            self._say(
                tr(
                    "“{name}” is {mask_width} × {mask_height} px but the image is "
                    "{width} × {height} px. A mask must be exactly the image's size."
                ).format(
                    name=file.name,
                    mask_width=error.width,
                    mask_height=error.height,
                    width=size.width(),
                    height=size.height(),
                ),
                error=True,
            )

        self.worker.run(read_mask_file, file, size.width(), size.height(), done=done, failed=failed)

    def choose_save_file(self) -> None:
        if self.document.is_empty():
            self._say(tr("The mask is empty: paint the area to edit before saving it."), True)
            return
        dialog = QFileDialog(self, tr("Save the mask"), self._last_folder)
        dialog.setObjectName("saveMaskDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        filters = save_filters()
        dialog.setNameFilters(list(filters))
        dialog.setDefaultSuffix("png")
        dialog.selectFile(self.mask_name)
        dialog.fileSelected.connect(
            lambda path: self.save_mask_file(
                path, filters.get(dialog.selectedNameFilter(), Convention.BLACK_WHITE)
            )
        )
        self._keep("save", dialog)
        dialog.open()

    def save_mask_file(self, path: str, convention: Convention) -> None:
        """Write the mask as a PNG in ``convention`` (encoded in a worker thread)."""
        if not path:
            return
        file = Path(path)
        self._last_folder = str(file.parent)
        self._say(tr("Saving “{name}”…").format(name=file.name))

        def done(_: None) -> None:
            self._say(tr("Saved the mask as “{name}”.").format(name=file.name))

        def failed(error: BaseException) -> None:
            if not isinstance(error, OSError):
                self._failed(error, "save")
                return
            self._say(
                tr(
                    "The mask could not be saved as “{name}”. Check that the folder exists and "
                    "that you may write there."
                ).format(name=file.name),
                error=True,
            )

        self.worker.run(
            write_mask_file,
            file,
            snapshot(self.document.image()),
            convention,
            done=done,
            failed=failed,
        )

    def choose_colour(self) -> None:
        dialog = QColorDialog(self.canvas.overlay_colour, self)
        dialog.setObjectName("maskColourDialog")
        dialog.setWindowTitle(tr("Mask colour"))
        dialog.colorSelected.connect(self.set_overlay_colour)
        self._keep("colour", dialog)
        dialog.open()

    def set_overlay_colour(self, colour: QColor) -> None:
        if colour.isValid():
            self.canvas.set_overlay_colour(colour)
            self._show_overlay()

    def _keep(self, name: str, dialog: QWidget) -> None:
        """One dialog of each kind at a time, alive while it is open."""
        previous = self._dialogs.get(name)
        if previous is not None and Shiboken.isValid(previous):
            previous.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs[name] = dialog
