"""Logging to a rotating file in the user log dir, with secrets scrubbed from every line."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from studio.paths import log_dir

_SECRET_PATTERNS = (
    re.compile(r"(?i)(bearer\s+)[^\s\"',;]+"),
    re.compile(
        r"(?i)((?:x-goog-api-key|mj-api-secret|api[_-]?key|authorization)[\"']?\s*[:=]\s*[\"']?)[^\s\"',;&]+"
    ),
    re.compile(r"(?i)([?&]key=)[^&\s\"']+"),
    re.compile(r"\b(sk-)[A-Za-z0-9_-]{6,}"),
)


def redact(text: str) -> str:
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + "***", text)
    return text


class RedactingFilter(logging.Filter):
    """Scrubs keys from the final message (arguments included) before any handler sees it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def setup_logging(*, level: int = logging.INFO, console: bool = False) -> Path | None:
    """Log to ``<log dir>/studio.log`` (rotated: 5 × 2 MB). Returns the file, or None if the
    directory cannot be written (logging then stays off rather than failing the program)."""
    root = logging.getLogger()
    root.setLevel(level)
    redactor = RedactingFilter()
    path: Path | None = log_dir() / "studio.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2 * 1024 * 1024, backupCount=5, encoding="utf-8"
        )
    except OSError:
        path, handler = None, logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(redactor)
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream.addFilter(redactor)
        root.addHandler(stream)
    for noisy in ("httpx", "httpcore", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
