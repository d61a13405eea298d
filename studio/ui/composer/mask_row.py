"""The mask on reference #1: the button that opens the mask painter and what is set now.

The mask painter's result is the composition's ``mask``; it stays while reference #1 stays the
image it was painted on (the composition's rule) and is sent when the model can use it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from studio.domain.request import Mask
from studio.engine.composition import Composition
from studio.protocols.capabilities import masks_first_reference
from studio.ui.icons import icon
from studio.ui.widgets.labels import role_label


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerMask", text)


class MaskRow(QWidget):
    paint_requested = Signal(int)  # reference index: always 0 (#1)

    def __init__(self, composition: Composition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.composition = composition
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
        self.remove_button.clicked.connect(self._remove)
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

        composition.events.mask.connect(self._on_mask)
        composition.mask_dropped.connect(self._on_dropped)
        composition.changed.connect(self._refresh)
        self._refresh()

    @property
    def current(self) -> Mask | None:
        return self.composition.mask

    def _remove(self) -> None:
        self.composition.mask = None

    def _on_mask(self, _mask: Mask | None) -> None:
        self.status.setText("")

    def _on_dropped(self) -> None:
        self.status.setText(tr("The mask was removed: reference #1 changed."))

    def _refresh(self, *_: object) -> None:
        spec = self.composition.spec
        has_reference = bool(self.composition.references)
        paintable = masks_first_reference(spec)
        self.button.setVisible(spec.max_refs > 0 or spec.supports_mask)
        self.button.setEnabled(paintable and has_reference)
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
        elif not has_reference:
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
