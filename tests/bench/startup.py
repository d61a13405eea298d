"""Benchmark: start-up of `studio --quit-after-ready` against a bare PySide6 window.

Both are whole processes timed from spawn to exit (median of --runs), in the same run, on the
offscreen platform; the studio also reports its own ready_ms (window shown, gallery loaded).
Target: ratio ≤ 2.0.

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


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=120, check=True
    )
    return time.perf_counter() - started, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        env.update(STUDIO_DATA_DIR=folder, STUDIO_CONFIG_DIR=folder, STUDIO_LOG_DIR=folder)
        studio = [sys.executable, "-m", "studio", "--demo", "--quit-after-ready"]
        bare = [sys.executable, "-c", BARE]
        timed(studio, env)  # first run creates the database and compiles translations
        studio_times, bare_times, ready = [], [], []
        for _ in range(args.runs):
            seconds, output = timed(studio, env)
            studio_times.append(seconds)
            ready.extend(
                int(line.split(":")[1])
                for line in output.splitlines()
                if line.startswith("ready_ms:")
            )
            bare_times.append(timed(bare, env)[0])
    studio_median, bare_median = statistics.median(studio_times), statistics.median(bare_times)
    print(f"runs: {args.runs}")
    print(f"bare_pyside6_window_ms: {bare_median * 1000:.0f}")
    print(f"studio_quit_after_ready_ms: {studio_median * 1000:.0f}")
    print(f"studio_ready_ms_reported: {statistics.median(ready):.0f}")
    print(f"ratio_studio_to_bare: {studio_median / bare_median:.2f}")
    print("target_ratio: 2.0")


if __name__ == "__main__":
    main()
