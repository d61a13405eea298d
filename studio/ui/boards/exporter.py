"""Exporting a board as a folder from the sidebar: choose where, then a quiet progress row
with a Stop button while the files are written on a worker thread."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.engine.board_export import BoardExport, BoardExportError
from studio.ui.boards.board_list import Entry
from studio.ui.boards.texts import export_failed, exported
from studio.ui.icons import icon
from studio.ui.services import Services


def tr(text: str) -> str:
    return QCoreApplication.translate("Boards", text)


class BoardExporter(QWidget):
    """One export at a time; ``finished`` says how it went, in words (and whether it failed)."""

    finished = Signal(str, bool)  # message, failed

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardExport")
        self.services = services
        self._stop = threading.Event()
        self.running = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.setSpacing(2)
        self.label = QLabel()
        self.label.setObjectName("boardExportLabel")
        self.label.setProperty("role", "hint")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("boardExportProgress")
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        self.stop_button = QToolButton()
        self.stop_button.setObjectName("boardExportStop")
        self.stop_button.setIcon(icon("cancel"))
        self.stop_button.setAutoRaise(True)
        self.stop_button.setToolTip(tr("Stop the export (what is written stays)"))
        self.stop_button.clicked.connect(self._stop.set)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.bar, 1)
        row.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.hide()

    def choose_folder(self, entry: Entry) -> None:
        """Ask where (never blocking), then export there."""
        dialog = QFileDialog(self.window(), tr("Export “{board}” into…").format(board=entry.name))
        dialog.setObjectName("boardExportFolder")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(str(self.services.preferences.export_folder))
        dialog.fileSelected.connect(lambda folder: self.export_to(entry, Path(folder)))
        dialog.open()

    def export_to(self, entry: Entry, parent: Path) -> None:
        """``entry``'s images into ``parent/<board name>/``, progress shown meanwhile."""
        if self.running or entry.board_id is None:
            return
        self.services.preferences.export_folder = parent
        self.running = True
        self._stop.clear()
        self.label.setText(tr("Exporting “{board}”…").format(board=entry.name))
        self.bar.setRange(0, 0)
        self.show()
        bridge = self.services.bridge

        async def go() -> None:
            try:
                result = await bridge.export_board(
                    entry.board_id or 0, parent, self._progress, self._stop.is_set
                )
            except BoardExportError as error:
                self._done(export_failed(error), failed=True)
                return
            except Exception:
                self._done(tr("The export failed; see the log."), failed=True)
                raise
            self._finished(result, entry)

        bridge.spawn(go())

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _finished(self, result: BoardExport | None, entry: Entry) -> None:
        if result is None:
            self._done(tr("That board is gone."), failed=True)
        elif not result.written and not result.already_there and not result.missing:
            self._done(tr("“{board}” has no images to export.").format(board=entry.name), False)
        else:
            self._done(exported(result, entry.name), failed=False)

    def _done(self, message: str, failed: bool) -> None:
        self.running = False
        self.hide()
        self.finished.emit(message, failed)
