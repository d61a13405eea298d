"""Uncaught exceptions: logged in full, shown as one calm dialog — never a silent death."""

from __future__ import annotations

import logging
import sys
import threading
import time
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from studio.domain.redact import redact

log = logging.getLogger("studio.crash")
_last_shown = 0.0
_open_boxes: list[QMessageBox] = []
_QUIET_SECONDS = 10.0  # one dialog at most in this time: no dialog storms


def tr(text: str) -> str:
    return QCoreApplication.translate("Crash", text)


def _show(kind: str) -> None:
    global _last_shown
    now = time.monotonic()
    if now - _last_shown < _QUIET_SECONDS or QApplication.instance() is None:
        return
    _last_shown = now
    from studio.paths import log_dir

    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Something went wrong"))
    # Only the exception's type and the log folder are shown (the traceback goes to the log,
    # redacted there); both pass the one redaction rule all the same.
    box.setText(
        redact(
            tr(
                "Something went wrong inside the studio ({kind}). Your images and history are safe."
            ).format(kind=kind)
        )
    )
    box.setInformativeText(
        redact(
            tr(
                "The details were written to the log in {folder}. If it happens again, please "
                "send that file to us."
            ).format(folder=log_dir())
        )
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.append(box)  # a strong reference: without a parent it would be collected
    box.destroyed.connect(lambda: _open_boxes.clear())
    box.open()  # never exec(): that would re-enter the event loop inside a coroutine


def _hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.error("uncaught exception", exc_info=(kind, error, trace))
    QTimer.singleShot(0, lambda: _show(kind.__name__))


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        _hook(args.exc_type, args.exc_value, args.exc_traceback)


def install() -> None:
    sys.excepthook = _hook
    threading.excepthook = _thread_hook


def fatal(text: str) -> None:
    text = redact(text)
    log.error("cannot start: %s", text)
    print(f"studio: {text}", file=sys.stderr)
