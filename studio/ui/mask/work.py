"""Work for a window in worker threads, answered back on the GUI thread (asyncio on Qt's loop).

Tasks are kept (strong references) until they end; once the window is gone or ``stop`` was
called, their answers are dropped.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from shiboken6 import Shiboken


class Worker:
    def __init__(self, owner: QObject, failed: Callable[[BaseException, str], None]) -> None:
        self._owner = owner
        self._failed = failed  # for work whose caller gave no handler of its own
        self._tasks: set[asyncio.Future[Any]] = set()
        self._stopped = False

    def run(
        self,
        function: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
        what: str = "",
    ) -> None:
        """``function(*args)`` in a worker thread; then ``done(result)`` or the failure
        handler here. ``what`` names the work in the log."""
        task = asyncio.ensure_future(asyncio.to_thread(function, *args))
        self._tasks.add(task)

        def finished(ended: asyncio.Future[Any]) -> None:
            self._tasks.discard(ended)
            if ended.cancelled() or self._stopped or not Shiboken.isValid(self._owner):
                return
            error = ended.exception()
            if error is None:
                done(ended.result())
            elif failed is not None:
                failed(error)
            else:
                self._failed(error, what)

        task.add_done_callback(finished)

    def busy(self) -> bool:
        return bool(self._tasks)

    def stop(self) -> None:
        """Drop every answer still to come (the threads finish on their own)."""
        self._stopped = True
        for task in self._tasks:
            task.cancel()
