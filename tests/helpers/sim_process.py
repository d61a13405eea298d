"""The simulated relay in a process of its own (benchmarks and timing-sensitive tests).

In-process, the relay's base64 encoding would compete for this process's GIL with the window
under test; a real relay never does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager


def _nice() -> None:
    os.nice(10)


@contextmanager
def simulator_process(faults: str = "") -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "studio.cli", "simulate", "--port", "0", "--faults", faults],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        # A real relay runs elsewhere: here it must not take the CPU the window under test
        # needs (two cores), so it runs at a lower priority.
        preexec_fn=_nice if hasattr(os, "nice") else None,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        url = first.strip().rsplit(" ", 1)[-1]
        if not url.startswith("http"):
            raise RuntimeError(f"the simulated relay did not start: {first!r}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
