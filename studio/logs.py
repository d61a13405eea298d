"""Logging to a rotating file in the user log dir, with secrets scrubbed from every line.

Every line passes through the one redaction rule (:mod:`studio.domain.redact`): the message with
its arguments, and the exception traceback and stack the formatter adds after the filters ran.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from pathlib import Path

from studio.domain.redact import redact, remember_environment_secrets
from studio.paths import log_dir


class RedactingFilter(logging.Filter):
    """Scrubs secrets from a record (message, arguments, traceback, stack) before a handler
    formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            # Rendered once here and cached on the record: every formatter reuses this text.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class RedactingFormatter(logging.Formatter):
    """A formatter whose whole output passes the rule once more: whatever a handler adds
    (a traceback formatted differently, a record another filter changed) is covered too."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def _guard(handler: logging.Handler) -> logging.Handler:
    """``handler`` with a quiet ``handleError``: the stock one prints the failing record's
    traceback to stderr as it is, secrets and all (a full disk, a closed console)."""

    def handle_error(record: logging.LogRecord) -> None:
        if logging.raiseExceptions and sys.stderr is not None:
            problem = sys.exc_info()[1]
            what = type(problem).__name__ if problem is not None else "error"
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(f"studio: could not write a log line ({what}): {record.name}\n")

    handler.handleError = handle_error  # type: ignore[method-assign]
    return handler


def setup_logging(*, level: int = logging.INFO, console: bool = False) -> Path | None:
    """Log to ``<log dir>/studio.log`` (rotated: 5 × 2 MB). Returns the file, or None if the
    directory cannot be written (logging then stays off rather than failing the program)."""
    remember_environment_secrets()
    root = logging.getLogger()
    root.setLevel(level)
    redactor = RedactingFilter()
    path = log_dir() / "studio.log"
    written: Path | None = path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2 * 1024 * 1024, backupCount=5, encoding="utf-8"
        )
    except OSError:
        written, handler = None, logging.NullHandler()
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(redactor)
    root.addHandler(_guard(handler))
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
        stream.addFilter(redactor)
        root.addHandler(_guard(stream))
    for noisy in ("httpx", "httpcore", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return written
