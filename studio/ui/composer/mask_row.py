"""The mask on reference #1: the button that opens the mask painter and what is set now.

The mask painter (issue 4/5) hands its result to :meth:`MaskRow.set_mask`; the request carries
it while reference #1 stays the image it was painted on and the model can use it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from studio.domain.model_spec import ModelSpec, ProtocolId
from studio.domain.request import Mask, Reference
from studio.ui.composer.options import offered_protocols
from studio.ui.composer.widgets import role_label
from studio.ui.icons import icon


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerMask", text)


def paints_on_first_reference(spec: ModelSpec) -> bool:
    """A mask painted on reference #1 travels only on the `images` protocols."""
    images = {ProtocolId.IMAGES, ProtocolId.IMAGES_ASYNC}
    return spec.supports_mask and bool(images & set(offered_protocols(spec)))


class MaskRow(QWidget):
    paint_requested = Signal(int)  # reference index: always 0 (#1)
    changed = Signal()  # the mask was set or dropped

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current: Mask | None = None
        self._reference: Reference | None = None  # the image the mask was painted on
        self._spec: ModelSpec | None = None
        self._has_reference = False
        self.button = QPushButton(icon("mask"), tr("Edit with mask on #1"))
        self.button.setObjectName("maskButton")
        self.button.clicked.connect(lambda: self.paint_requested.emit(0))
        self.status = role_label("hint")
        self.status.setObjectName("maskStatus")
        self.status.setWordWrap(True)
        self.remove_button = QToolButton()
        self.remove_button.setObjectName("removeMask")
        self.remove_button.setText(tr("Remove mask"))
        self.remove_button.setAutoRaise(True)
        self.remove_button.clicked.connect(lambda: self.set_mask(None, ()))
        button_row = QHBoxLayout()
        button_row.addWidget(self.button)
        button_row.addStretch(1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(button_row)
        layout.addLayout(status_row)

    def set_mask(self, mask: Mask | None, references: Sequence[Reference]) -> None:
        """``mask`` for the first of ``references`` (None, or no references: no mask)."""
        self.current = mask if references else None
        self._reference = references[0] if self.current is not None else None
        self.status.setText("")
        self._refresh()
        self.changed.emit()

    def for_request(self, spec: ModelSpec) -> Mask | None:
        return self.current if spec.supports_mask else None

    def update_for(self, spec: ModelSpec, references: Sequence[Reference]) -> None:
        """Follow the model and the tray; a mask whose image is no longer #1 is dropped."""
        self._spec = spec
        self._has_reference = bool(references)
        if self.current is not None and (not references or references[0] != self._reference):
            self.current = None
            self._reference = None
            self.status.setText(tr("The mask was removed: reference #1 changed."))
            self.changed.emit()
        self._refresh()

    def _refresh(self) -> None:
        spec = self._spec
        if spec is None:
            return
        paintable = paints_on_first_reference(spec)
        self.button.setVisible(spec.max_refs > 0 or spec.supports_mask)
        self.button.setEnabled(paintable and self._has_reference)
        if spec.supports_mask and not paintable:
            self.button.setToolTip(
                tr("{model} takes a mask only for Vary (Region) on a finished image.").format(
                    model=spec.id
                )
            )
        elif not paintable:
            self.button.setToolTip(
                tr(
                    "{model} cannot edit with a mask. Pick a model that can, such as gpt-image-1."
                ).format(model=spec.id)
            )
        elif not self._has_reference:
            self.button.setToolTip(tr("Add a reference image first: the mask is painted on #1."))
        else:
            self.button.setToolTip(tr("Paint where reference #1 should change."))
        if self.current is not None:
            text = tr("A mask is set on #1.")
            if not spec.supports_mask:
                text += " " + tr("{model} cannot use it, so it is not sent.").format(model=spec.id)
            self.status.setText(text)
        self.status.setVisible(bool(self.status.text()))
        self.remove_button.setVisible(self.current is not None)
