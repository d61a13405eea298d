"""Benchmark: the window's heartbeat while eight 4096² base64 results arrive at once.

A 10 ms QTimer runs in the real main window (gallery, jobs panel, thumbnails) while eight
nano-banana-2 4K jobs with `response_format: b64_json` run concurrently against the simulated
relay, in a process of its own at low priority (a real relay is elsewhere) with film grain, so
every answer carries ~30 MB of base64. Prints the longest gap between beats (target ≤ 50 ms),
the 99th percentile and the answer size.

    python tests/bench/heartbeat.py [--jobs 8] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import itertools

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from studio.domain.request import GenerationRequest
from studio.protocols.transport import tls_context
from studio.ui.application import tune_interpreter
from studio.ui.main_window import MainWindow
from studio.ui.warmup import warm_up
from tests.helpers.sim_process import simulator_process
from tests.ui.conftest import Harness

BIG = GenerationRequest(
    "a very large result",
    "nano-banana-2",
    ratio="1:1",
    resolution="4K",
    extra={"response_format": "b64_json"},
)


def one_round(app: QApplication, url: str, jobs: int, folder: Path) -> list[float]:
    harness = Harness(app, None, folder, url=url, concurrency=jobs)
    try:
        window = harness.keep(MainWindow(harness.services))
        window.show()
        beats: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: beats.append(time.perf_counter()))
        done: list[object] = []
        harness.bridge.job_changed.connect(
            lambda job: done.append(job) if job.state.is_terminal else None
        )

        async def scenario() -> None:
            await window.ready()
            gc.freeze()  # as the studio does once it is ready
            await asyncio.sleep(0.5)
            timer.start()
            for _ in range(jobs):
                harness.bridge.submit(BIG, harness.profile.name)
            await harness.until(lambda: len(done) == jobs, within=300)
            await asyncio.sleep(1.0)  # the thumbnails of the new images
            timer.stop()

        harness.run(scenario(), within=400)
        return [later - earlier for earlier, later in itertools.pairwise(beats)]
    finally:
        harness.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    app = QApplication([])
    tune_interpreter()  # as the studio does at start-up
    tls_context()
    warm_up()  # what the studio does right after start-up
    worst, p99s = [], []
    with simulator_process("grain") as url, tempfile.TemporaryDirectory() as folder:
        for number in range(args.rounds):
            os.environ["STUDIO_CONFIG_DIR"] = str(Path(folder) / f"config{number}")
            gaps = one_round(app, url, args.jobs, Path(folder) / f"data{number}")
            worst.append(max(gaps))
            p99s.append(statistics.quantiles(gaps, n=100)[98])
            size = sum(p.stat().st_size for p in (Path(folder) / f"data{number}").rglob("*.png"))
    print(f"jobs_at_once: {args.jobs}")
    print(f"result_png_mb_each: {size / args.jobs / 1e6:.1f}")
    print(
        f"heartbeat_max_gap_ms: {statistics.median(worst) * 1000:.1f}"
        f"  (median of {args.rounds} rounds)"
    )
    print(f"heartbeat_max_gap_ms_worst_round: {max(worst) * 1000:.1f}")
    print(f"heartbeat_p99_gap_ms: {statistics.median(p99s) * 1000:.1f}")
    print("target_max_gap_ms: 50")


if __name__ == "__main__":
    main()
