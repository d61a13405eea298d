"""Several studio processes on one data folder: the schema is made once, locks are waited out."""

from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
from pathlib import Path

from studio.store.schema import LATEST

_OPEN_STORE = """
import sys, time
from pathlib import Path
start = float(sys.argv[2])
while time.time() < start:
    pass
from studio.store.history import Store
Store(Path(sys.argv[1])).close()
print("ok")
"""


def _open_at_once(folder: Path, processes: int) -> list[subprocess.CompletedProcess[str]]:
    import time

    start = str(time.time() + 1.5)  # every process imports first, then all open together
    running = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN_STORE, str(folder), start],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    results = []
    for process in running:
        out, err = process.communicate(timeout=60)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def test_processes_starting_together_on_a_fresh_folder_all_open_it(tmp_path: Path) -> None:
    for attempt in range(5):
        folder = tmp_path / f"data-{attempt}"
        results = _open_at_once(folder, 6)
        for result in results:
            assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr
        with sqlite3.connect(folder / "history.sqlite3") as connection:
            assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST
            tables = [
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'jobs'"
                )
            ]
    assert tables == ["jobs"]


def _hold_write_lock(path: str, seconds: float, ready: multiprocessing.synchronize.Event) -> None:
    import time

    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    ready.set()
    time.sleep(seconds)
    connection.execute("ROLLBACK")
    connection.close()
