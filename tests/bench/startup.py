"""Benchmark: start-up of `studio --demo --quit-after-ready` against a bare PySide6 window.

Both are measured the same way, in the same run, on the offscreen platform: from spawning the
process to the line it prints once its window is shown (the studio's `ready_ms: N`, printed
after the gallery's first page is in; the bare script's `ready`). Medians of --runs.
Target: ratio ≤ 2.0. Whole-process times (exit included) are printed too.

    python tests/bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
window = QLabel("bare")
window.resize(1440, 900)
window.show()
app.processEvents()
print("ready", flush=True)
"""


def timed(command: list[str], env: dict[str, str], marker: str) -> tuple[float, float, str]:
    """(seconds from spawn to the ready line, seconds from spawn to exit, stdout)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert process.stdout is not None
    ready = None
    lines = []
    for line in process.stdout:
        lines.append(line)
        if ready is None and line.startswith(marker):
            ready = time.perf_counter() - started
    process.wait(timeout=120)
    total = time.perf_counter() - started
    if process.returncode != 0 or ready is None:
        raise SystemExit(f"{command[-1]} failed: {''.join(lines)}")
    return ready, total, "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        env.update(STUDIO_DATA_DIR=folder, STUDIO_CONFIG_DIR=folder, STUDIO_LOG_DIR=folder)
        studio = [sys.executable, "-m", "studio", "--demo", "--quit-after-ready"]
        bare = [sys.executable, "-c", BARE]
        timed(studio, env, "ready_ms")  # the first run creates the database, compiles translations
        studio_runs, bare_runs, reported = [], [], []
        for _ in range(args.runs):
            ready, total, output = timed(studio, env, "ready_ms")
            studio_runs.append((ready, total))
            reported += [
                int(line.split(":")[1]) for line in output.splitlines() if "ready_ms" in line
            ]
            bare_runs.append(timed(bare, env, "ready")[:2])
    studio_ready = statistics.median(r for r, _ in studio_runs)
    bare_ready = statistics.median(r for r, _ in bare_runs)
    print(f"runs: {args.runs}")
    print(f"bare_pyside6_window_ready_ms: {bare_ready * 1000:.0f}")
    print(f"studio_window_ready_ms: {studio_ready * 1000:.0f}")
    print(f"studio_ready_ms_reported: {statistics.median(reported):.0f}")
    print(f"bare_process_total_ms: {statistics.median(t for _, t in bare_runs) * 1000:.0f}")
    print(f"studio_process_total_ms: {statistics.median(t for _, t in studio_runs) * 1000:.0f}")
    print(f"ratio_studio_to_bare: {studio_ready / bare_ready:.2f}")
    print("target_ratio: 2.0")


if __name__ == "__main__":
    main()
