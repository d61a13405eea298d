"""A desktop notification when a job ends while the window is in the background."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from studio.domain.job import Job, JobState
from studio.ui import i18n


def tr(text: str) -> str:
    return QCoreApplication.translate("Notifier", text)


class Notifier:
    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.tray: QSystemTrayIcon | None = None
        self.sent: list[tuple[str, str]] = []  # (title, text) of every notification (tests, log)

    def _tray(self) -> QSystemTrayIcon | None:
        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            icon = self.window.windowIcon()
            self.tray = QSystemTrayIcon(icon if not icon.isNull() else QIcon(), self.window)
            self.tray.show()
        return self.tray

    def job_finished(self, job: Job) -> None:
        if self.window.isActiveWindow():
            return
        prompt = " ".join(job.request.prompt.split())[:80]
        if job.state is JobState.SUCCEEDED:
            title = tr("Image ready") if len(job.images) == 1 else tr("Images ready")
            text = prompt
        elif job.state is JobState.CANCELLED:
            return
        else:
            title = tr("A job failed")
            text = i18n.message(job.error) if job.error else prompt
        self.sent.append((title, text))
        tray = self._tray()
        if tray is not None:
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 6000)
        QApplication.alert(self.window, 0)
