"""Opens "Expand canvas…" and puts the result into the composer as reference #1 with its mask."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from studio.domain.request import Mask, Reference
from studio.ui.composer.panel import ComposerPanel


def tr(text: str) -> str:
    return QCoreApplication.translate("ExpandLauncher", text)


class ExpandCanvasLauncher(QObject):
    expanded = Signal()  # the composer holds the expanded picture and its mask
    message = Signal(str)  # a status line for the main window

    def __init__(self, composer: ComposerPanel, window: QWidget) -> None:
        super().__init__(window)
        self.composer = composer
        self.window = window

    def open(self, reference: Reference, replace: bool = False) -> QWidget:
        """The dialog on ``reference`` (``replace``: the result takes the place of
        ``reference`` in the composer's tray, when it came from there)."""
        from studio.ui.outpaint.dialog import ExpandCanvasDialog  # loads when first used

        dialog = ExpandCanvasDialog(reference, self.composer.services, self.window)
        original = reference if replace else None
        dialog.expanded.connect(lambda made, mask: self._expanded(made, mask, original))
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        return dialog

    def _expanded(self, reference: Reference, mask: Mask, original: Reference | None) -> None:
        tray = self.composer.tray
        switched = self.composer.use_mask_capable_model(self.composer.spec.id)
        if original is not None and original in tray.references():
            tray.remove(tray.references().index(original))
        self.composer.add_reference(reference, first=True)
        if tray.references()[:1] != (reference,):
            return  # no room for another reference: the tray says so under the references
        self.composer.set_mask(mask)
        self.expanded.emit()
        said = tr("Canvas expanded: describe what should fill the new area, then generate.")
        if switched:
            said += " " + tr("The model is now {model}: it can fill a masked area.").format(
                model=switched
            )
        self.message.emit(said)
