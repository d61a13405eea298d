"""Progress on stderr while a job runs (only when stderr is a terminal)."""

from __future__ import annotations

import time
from typing import TextIO

from studio.engine.events import EventKind, JobEvent

_STATE_WORDS = {
    "preparing": "preparing the request",
    "submitted": "sent to the relay, waiting for the image",
    "running": "the relay is working on it",
    "downloading": "receiving the result",
    "succeeded": "done",
    "failed": "failed",
    "cancelled": "cancelled",
}


class ProgressPrinter:
    """A job listener that rewrites one status line: state, progress and elapsed time."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.width = 0

    def __call__(self, event: JobEvent) -> None:
        job = event.job
        elapsed = time.monotonic() - self.started
        if event.kind is EventKind.WAITING:
            text = f"waiting {event.seconds:.0f} s before retrying ({event.reason})"
        elif event.kind is EventKind.TASK_ID:
            text = f"task {job.task_id} accepted"
        elif event.kind is EventKind.IMAGE_SAVED and event.image is not None:
            text = f"saved {event.image.path}"
        else:
            text = _STATE_WORDS.get(job.state.value, job.state.value)
            if job.progress is not None and not job.state.is_terminal:
                text += f" · {job.progress:.0f}%"
        self._write(f"[{elapsed:5.1f} s] {text}")

    def _write(self, line: str) -> None:
        padding = " " * max(self.width - len(line), 0)
        self.stream.write(f"\r{line}{padding}")
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.width:
            self.stream.write("\n")
            self.stream.flush()
