"""Opens the mask painter on the composition's first reference and hands the mask back to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from shiboken6 import Shiboken

from studio.domain.errors import InputError
from studio.domain.request import Mask, Reference
from studio.engine.composition import Composition
from studio.ui import i18n
from studio.ui.services import Services

if TYPE_CHECKING:
    from studio.ui.mask.window import MaskPainterWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("MaskLauncher", text)


class MaskPainterLauncher(QObject):
    """One painter at a time; its mask goes to the composition only if reference #1 is
    unchanged."""

    message = Signal(str)  # a status line for the main window

    def __init__(
        self, composition: Composition, services: Services, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.composition = composition
        self.services = services
        self.painter: MaskPainterWindow | None = None
        self._opening = False
        self.note = ""  # said with "Mask set" (e.g. the model was switched for the mask)
        self.previous: tuple[Reference, Mask] | None = None  # a mask to start from, for an image

    def is_open(self) -> bool:
        return self.painter is not None and Shiboken.isValid(self.painter)

    def open(self, index: int = 0) -> None:
        """The painter on reference ``index`` (only #1 carries a mask today)."""
        references = self.composition.references
        if not 0 <= index < len(references):
            self.message.emit(tr("Add an image as reference #1 first, then paint its mask."))
            return
        if self.is_open():
            assert self.painter is not None
            self.painter.present()
            return
        if self._opening:
            return
        reference = references[index]
        mask = self.composition.mask if index == 0 else None
        if mask is None and self.previous is not None and self.previous[0] == reference:
            mask = self.previous[1]  # the gallery image's own job mask: refine it
        self.previous = None
        self._opening = True
        self.message.emit(tr("Opening the mask painter…"))
        window = self.parent()
        self.services.bridge.spawn(self._open(reference, mask, window))

    async def _open(self, reference: Reference, mask: Mask | None, window: object) -> None:
        from studio.ui.mask.source import open_painter_for  # the painter loads when first used

        try:
            painter = await open_painter_for(
                reference,
                mask,
                window,  # type: ignore[arg-type]
                self.services.preferences,
            )
        except InputError as error:
            self.message.emit(i18n.message(error))
            return
        finally:
            self._opening = False
        self.message.emit("")
        painter.accepted.connect(lambda painted: self._painted(reference, painted))
        self.painter = painter

    def _painted(self, reference: Reference, mask: Mask) -> None:
        references = self.composition.references
        if not references or references[0] != reference:
            self.message.emit(tr("The mask was not used: reference #1 changed while you painted."))
            return
        self.composition.mask = mask
        said = tr("Mask set on reference #1.")
        self.message.emit(f"{said} {self.note}" if self.note else said)
        self.note = ""

    def close(self) -> None:
        """Close a painter left open (the studio is quitting): nothing to ask any more."""
        if self.is_open():
            assert self.painter is not None
            self.painter.discard()
