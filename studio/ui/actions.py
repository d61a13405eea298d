"""What can be done with images, wherever the user asks (gallery menu, detail bar, keys)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog, QWidget

from studio.domain.request import Mask, Reference
from studio.engine.variations import variation_request
from studio.store.history import ImageRecord, JobRecord
from studio.ui.services import Services


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


class TrashCommand(QUndoCommand):
    """Deleting images is undoable: they go to the trash and come back with Ctrl+Z."""

    def __init__(self, actions: ImageActions, image_ids: list[int]) -> None:
        super().__init__(tr("Delete images"))
        self.actions = actions
        self.image_ids = image_ids

    def redo(self) -> None:
        bridge = self.actions.bridge
        bridge.spawn(bridge.trash(self.image_ids))

    def undo(self) -> None:
        bridge = self.actions.bridge
        bridge.spawn(bridge.untrash(self.image_ids))


class ImageActions(QObject):
    """Actions on history images by id. Results the window shows go through signals."""

    reuse = Signal(object, str)  # GenerationRequest, profile name
    use_as_reference = Signal(object)  # Reference
    # the image to paint on (Reference), its model, and the mask its job used when it fits
    edit_with_mask = Signal(object, str, object)
    generate = Signal(object, str)  # GenerationRequest, profile name: sent at once (Variations)
    expand_canvas = Signal(object)  # Reference of the image to enlarge (Expand canvas…)
    message = Signal(str)  # a short status line

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.window = parent
        self.undo_stack = QUndoStack(self)

    @property
    def bridge(self):
        return self.services.bridge

    def _with_record(self, image_id: int, then) -> None:
        self.bridge.spawn(
            self.bridge.image_and_job(image_id),
            lambda found: found[0] and found[1] and then(*found),
        )

    # -- the actions -----------------------------------------------------------------------

    def do(self, action: str, image_ids: list[int]) -> None:
        if not image_ids:
            return
        handlers = {
            "reuse": self.reuse_settings,
            "use_as_reference": self.as_reference,
            "edit_with_mask": self.paint_mask,
            "expand_canvas": self.expand,
            "variations": self.variations,
            "copy_image": self.copy_image,
            "copy_prompt": self.copy_prompt,
            "open_folder": self.open_folder,
            "favourite": self.toggle_favourite,
        }
        if action == "export":
            self.export(image_ids)
        elif action == "delete":
            self.delete(image_ids)
        elif action in handlers:
            handlers[action](image_ids[0])

    def reuse_settings(self, image_id: int) -> None:
        def then(image: ImageRecord, record: JobRecord) -> None:
            self.reuse.emit(record.job.request, record.job.profile_name)
            self.message.emit(tr("Settings restored from this image's job."))

        self._with_record(image_id, then)

    def _reference(self, image: ImageRecord, record: JobRecord) -> Reference:
        words = "-".join(record.job.request.prompt.split()[:4]) or "image"
        extension = image.result.path.suffix if image.result.path else ".png"
        return Reference(name=f"{words}{extension}", path=image.result.path)

    def as_reference(self, image_id: int) -> None:
        self._with_record(
            image_id,
            lambda image, record: self.use_as_reference.emit(self._reference(image, record)),
        )

    def paint_mask(self, image_id: int) -> None:
        self._with_record(
            image_id,
            lambda image, record: self.edit_with_mask.emit(
                self._reference(image, record),
                record.job.request.model,
                _mask_that_fits(image, record),
            ),
        )

    def variations(self, image_id: int) -> None:
        def then(image: ImageRecord, record: JobRecord) -> None:
            request = record.job.request
            spec = self.services.catalog.get(request.model)
            varied = variation_request(request, self._reference(image, record), spec)
            self.generate.emit(varied, record.job.profile_name)
            self.message.emit(tr("Variations of this image are on their way."))

        self._with_record(image_id, then)

    def expand(self, image_id: int) -> None:
        self._with_record(
            image_id, lambda image, record: self.expand_canvas.emit(self._reference(image, record))
        )

    def copy_prompt(self, image_id: int) -> None:
        def then(image: ImageRecord, record: JobRecord) -> None:
            QGuiApplication.clipboard().setText(record.job.request.prompt)
            self.message.emit(tr("Prompt copied."))

        self._with_record(image_id, then)

    def copy_image(self, image_id: int) -> None:
        def then(image: ImageRecord, record: JobRecord) -> None:
            async def load() -> None:
                picture = await asyncio.to_thread(QImage, str(image.result.path))
                if picture.isNull():
                    self.message.emit(tr("The image file could not be read."))
                    return
                QGuiApplication.clipboard().setImage(picture)
                self.message.emit(tr("Image copied."))

            self.bridge.spawn(load())

        self._with_record(image_id, then)

    def open_folder(self, image_id: int) -> None:
        def then(image: ImageRecord, record: JobRecord) -> None:
            if image.result.path is not None:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(image.result.path.parent)))

        self._with_record(image_id, then)

    def toggle_favourite(self, image_id: int) -> None:
        def done(value: bool) -> None:
            self.message.emit(
                tr("Added to favourites.") if value else tr("Removed from favourites.")
            )

        self.bridge.spawn(self.bridge.toggle_favourite(image_id), done)

    def delete(self, image_ids: list[int]) -> None:
        self.undo_stack.push(TrashCommand(self, list(image_ids)))
        self.message.emit(tr("Moved to the trash. Press Ctrl+Z to undo."))

    def export(self, image_ids: list[int]) -> None:
        dialog = QFileDialog(self.window, tr("Export to folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(str(self.services.preferences.export_folder))
        dialog.fileSelected.connect(lambda folder: self.export_to(image_ids, Path(folder)))
        dialog.open()  # never exec(): the event loop keeps running

    def export_to(self, image_ids: list[int], folder: Path) -> None:
        self.services.preferences.export_folder = folder

        def done(exported: list[Any]) -> None:
            self.message.emit(
                tr("Exported {count} image(s) to {folder}.").format(
                    count=len(exported), folder=folder
                )
            )

        self.bridge.spawn(self.bridge.export(image_ids, folder), done)


def _mask_that_fits(image: ImageRecord, record: JobRecord) -> Mask | None:
    """The mask of an inpainting job, to paint on again, when its result has the same size."""
    mask = record.job.request.mask
    if mask is None or (mask.width, mask.height) != (image.result.width, image.result.height):
        return None
    return mask
