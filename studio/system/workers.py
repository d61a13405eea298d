"""Worker threads for background CPU work, at a lower OS priority than the window's thread.

Decoding 30 MB results and making thumbnails of 4096² images can keep both cores busy; the
operating system should still run the GUI thread first so the window never stutters.
"""

from __future__ import annotations

import contextlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor

BACKGROUND_NICENESS = 10


def _lower_priority() -> None:
    if hasattr(os, "setpriority") and hasattr(threading, "get_native_id"):
        with contextlib.suppress(OSError):  # not allowed here: keep the default priority
            # On Linux a thread's native id is a valid target for a per-thread niceness.
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)


def background_pool(workers: int, name: str) -> ThreadPoolExecutor:
    return ThreadPoolExecutor(workers, thread_name_prefix=name, initializer=_lower_priority)
