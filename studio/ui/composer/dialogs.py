"""Non-modal windows the composer opens: the request preview and a larger reference preview."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from studio.domain.errors import StudioError
from studio.domain.model_spec import ModelSpec
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest, Reference
from studio.ui import i18n
from studio.ui.composer.sources import read_image
from studio.ui.widgets.labels import role_label, set_role

PREVIEW_SIDE = 1600
log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerDialogs", text)


class RequestPreviewDialog(QDialog):
    """The HTTP request, in monospace, with the key redacted; reused for each preview."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("requestPreview")
        self.setModal(False)
        self.setWindowTitle(tr("Request preview"))
        self.resize(760, 560)
        self.summary = role_label("hint")
        self.summary.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("requestText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(tr("Copy"))
        self.copy_button.setObjectName("copyRequest")
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.text.toPlainText())
        )
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.ready = False
        self._serial = 0

    def load(
        self,
        request: GenerationRequest,
        spec: ModelSpec,
        profile_name: str,
        profile: Callable[[], Profile],
        spawn: Callable[..., None],
    ) -> None:
        """Show the dialog at once; the request is prepared off the GUI thread and filled in.

        ``profile`` is called on a worker thread (a stored profile reads the keyring).
        """
        self.show_pending(request.model, profile_name or tr("no relay chosen yet"))
        self._serial += 1
        serial = self._serial

        async def build() -> tuple[bool, str]:
            from studio.ui.composer.request_text import request_text  # engine: loaded on use

            try:
                relay = await asyncio.to_thread(profile)
                return True, await request_text(request, spec, relay)
            except StudioError as error:
                return False, i18n.message(error)
            except Exception:  # a bug: said plainly here, the details go to the log
                log.exception("the request preview failed")
                return False, tr("The request could not be prepared for the preview.")

        def done(result: tuple[bool, str]) -> None:
            if serial != self._serial or not Shiboken.isValid(self):
                return  # a newer preview was asked for, or the window is gone
            ok, text = result
            if ok:
                self.show_text(text)
            else:
                self.show_problem(text)

        spawn(build(), done)

    def show_pending(self, model: str, profile: str) -> None:
        self.ready = False
        self.summary.setText(
            tr(
                "What the studio would send to {profile} for {model}. The key is never shown."
            ).format(profile=profile, model=model)
        )
        set_role(self.summary, "hint")
        self.text.setPlainText(tr("Preparing the request…"))
        self.copy_button.setEnabled(False)
        self.show()
        self.raise_()
        self.activateWindow()

    def show_text(self, text: str) -> None:
        self.ready = True
        self.text.setPlainText(text)
        self.copy_button.setEnabled(True)

    def show_problem(self, message: str) -> None:
        self.ready = True
        self.summary.setText(message)
        set_role(self.summary, "error")
        self.text.setPlainText("")
        self.copy_button.setEnabled(False)


class _Picture(QWidget):
    """A pixmap fitted into the widget, never upscaled."""

    def __init__(self) -> None:
        super().__init__()
        self.pixmap: QPixmap | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 240)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        if self.pixmap is None:
            return QSize(480, 480)
        return self.pixmap.size().boundedTo(QSize(900, 700))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self.pixmap is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = self.pixmap.size()
        scale = min(1.0, self.width() / size.width(), self.height() / size.height())
        width, height = size.width() * scale, size.height() * scale
        target = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
        painter.drawPixmap(target, self.pixmap, QRectF(self.pixmap.rect()))


class ReferencePreview(QDialog):
    """A larger look at one reference; decoded on a worker thread; Esc closes it."""

    def __init__(self, reference: Reference, spawn: Callable[..., None], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("referencePreview")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(reference.name)
        self.picture = _Picture()
        self.status = role_label("hint")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.status)
        self.loaded = False
        if reference.is_remote:
            self.status.setText(
                tr("A link: the studio passes it on, or downloads it when it sends.\n{url}").format(
                    url=reference.url
                )
            )
            self.picture.hide()
            self.loaded = True
        else:
            self.status.setText(tr("Loading…"))
            spawn(asyncio.to_thread(read_image, reference, PREVIEW_SIDE), self._show)
        self.resize(640, 560)

    def _show(self, image: QImage) -> None:
        if not Shiboken.isValid(self):
            return
        self.loaded = True
        if image.isNull():
            self.status.setText(tr("This file could not be read as an image."))
            set_role(self.status, "error")
            return
        self.picture.pixmap = QPixmap.fromImage(image)
        self.status.hide()
        self.picture.updateGeometry()
        self.picture.update()
