"""Vary (Region) on a Midjourney image: paint the area on this image, say what goes there, send.

One at a time: the painter, then a small non-modal dialog for the prompt. Both are kept here
while open (strong references); a second click brings the open one forward.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from studio.domain.errors import InputError
from studio.domain.request import Mask, Reference
from studio.store.history import ImageRecord, JobRecord
from studio.ui import i18n
from studio.ui.detail.midjourney import MjButton, follow_up_request
from studio.ui.services import Services

if TYPE_CHECKING:
    from studio.ui.mask.window import MaskPainterWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("VaryRegion", text)


def image_reference(image: ImageRecord, record: JobRecord) -> Reference:
    """The history image as a file reference, named after its prompt (as actions.py does)."""
    words = "-".join(record.job.request.prompt.split()[:4]) or "image"
    extension = image.result.path.suffix if image.result.path else ".png"
    return Reference(name=f"{words}{extension}", path=image.result.path)


class VaryRegionDialog(QDialog):
    """Non-modal: the prompt for the painted area; ``confirmed(prompt)`` on "Vary region"."""

    confirmed = Signal(str)

    def __init__(self, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("varyRegionDialog")
        self.setModal(False)
        self.setWindowTitle(tr("Vary region"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        heading = QLabel(tr("Describe what goes in the painted area"))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.prompt = QPlainTextEdit(prompt)
        self.prompt.setObjectName("varyRegionPrompt")
        self.prompt.setTabChangesFocus(True)
        self.prompt.setMinimumSize(360, 96)
        layout.addWidget(self.prompt, 1)
        keys = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
        hint = QLabel(tr("The rest of the image stays as it is. {keys} sends.").format(keys=keys))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addStretch(1)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("varyRegionCancel")
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button = QPushButton(tr("Vary region"))
        self.confirm_button.setObjectName("primary")
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self._confirm)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._confirm)
        self.prompt.setFocus(Qt.FocusReason.OtherFocusReason)
        self.prompt.selectAll()

    def _confirm(self) -> None:
        self.confirmed.emit(self.prompt.toPlainText().strip())
        self.accept()


class VaryRegionFlow(QObject):
    """Painter on the image, then the prompt dialog, then the request through the bridge."""

    message = Signal(str)  # a short status line
    sent = Signal(object)  # MjButton, once its request went to the bridge

    def __init__(self, services: Services, host: QWidget) -> None:
        super().__init__(host)
        self.services = services
        self.host = host  # the painter and dialog stand over its window
        self.painter: MaskPainterWindow | None = None
        self.dialog: VaryRegionDialog | None = None
        self.image_id: int | None = None  # the image being varied
        self._opening = False

    def is_open(self) -> bool:
        return self._opening or self._alive(self.painter) or self._alive(self.dialog)

    @staticmethod
    def _alive(widget: QWidget | None) -> bool:
        return widget is not None and Shiboken.isValid(widget) and widget.isVisible()

    def start(self, image: ImageRecord, record: JobRecord, button: MjButton) -> None:
        """Paint on ``image``; an open painter or dialog comes forward instead."""
        if self._alive(self.painter):
            assert self.painter is not None
            self.painter.present()
            return
        if self._alive(self.dialog):
            assert self.dialog is not None
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        if self._opening:
            return
        self._opening = True
        self.image_id = image.id
        self.message.emit(tr("Opening the mask painter…"))
        reference = image_reference(image, record)
        self.services.bridge.spawn(self._open(reference, record, button))

    async def _open(self, reference: Reference, record: JobRecord, button: MjButton) -> None:
        from studio.ui.mask.source import open_painter_for  # the painter loads when first used

        try:
            painter = await open_painter_for(
                reference, None, self.host.window(), self.services.preferences
            )
        except InputError as error:
            self.message.emit(i18n.message(error))
            return
        finally:
            self._opening = False
        self.message.emit(tr("Paint the area to change, then press Done."))
        painter.accepted.connect(lambda mask: self._painted(record, button, mask))
        painter.cancelled.connect(lambda: self.message.emit(""))
        self.painter = painter

    def _painted(self, record: JobRecord, button: MjButton, mask: Mask) -> None:
        self.painter = None  # it closes itself
        self.message.emit("")
        dialog = VaryRegionDialog(record.job.request.prompt, self.host.window())
        dialog.confirmed.connect(lambda prompt: self._send(record, button, mask, prompt))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.show()

    def _dialog_closed(self, dialog: VaryRegionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _send(self, record: JobRecord, button: MjButton, mask: Mask, prompt: str) -> None:
        request = follow_up_request(record, button, prompt=prompt, mask=mask)
        self.services.bridge.submit(request, record.job.profile_name)
        self.sent.emit(button)

    def close(self) -> None:
        """Close what is open without asking (the studio is quitting)."""
        if self._alive(self.painter):
            assert self.painter is not None
            self.painter.discard()
        if self._alive(self.dialog):
            assert self.dialog is not None
            self.dialog.reject()
        self.painter = self.dialog = None
