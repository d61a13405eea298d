"""Opens "Expand canvas…" and puts the result into the composition as reference #1 with its
mask."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from studio.domain.request import Mask, Reference
from studio.engine.composition import Composition
from studio.ui.services import Services


def tr(text: str) -> str:
    return QCoreApplication.translate("ExpandLauncher", text)


class ExpandCanvasLauncher(QObject):
    expanded = Signal()  # the composition holds the expanded picture and its mask
    message = Signal(str)  # a status line for the main window

    def __init__(self, composition: Composition, services: Services, window: QWidget) -> None:
        super().__init__(window)
        self.composition = composition
        self.services = services
        self.window = window

    def open(self, reference: Reference, replace: bool = False) -> QWidget:
        """The dialog on ``reference`` (``replace``: the result takes the place of
        ``reference`` among the composition's references, when it came from there)."""
        from studio.ui.outpaint.dialog import ExpandCanvasDialog  # loads when first used

        dialog = ExpandCanvasDialog(reference, self.services, self.window)
        original = reference if replace else None
        dialog.expanded.connect(lambda made, mask: self._expanded(made, mask, original))
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        return dialog

    def _expanded(self, reference: Reference, mask: Mask, original: Reference | None) -> None:
        composition = self.composition
        with composition.group("expand canvas"):
            switched = composition.use_mask_capable_model(composition.model)
            if original is not None and original in composition.references:
                composition.remove_reference(composition.references.index(original))
            composition.add_references([reference], at=0)
            if composition.references[:1] != (reference,):
                return  # no room for another reference: the tray says so under the references
            composition.mask = mask
        self.expanded.emit()
        said = tr("Canvas expanded: describe what should fill the new area, then generate.")
        if switched:
            said += " " + tr("The model is now {model}: it can fill a masked area.").format(
                model=switched
            )
        self.message.emit(said)
