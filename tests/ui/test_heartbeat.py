"""The window keeps breathing while eight 4096² base64 results arrive at once.

Loose on purpose (250 ms): machines differ. tests/bench/heartbeat.py is the tight measure.
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from studio.domain.job import JobState
from studio.domain.request import GenerationRequest
from studio.ui.application import tune_interpreter
from studio.ui.main_window import MainWindow
from tests.helpers.sim_process import simulator_process
from tests.ui.conftest import Harness

BIG = GenerationRequest(
    "a very large result",
    "nano-banana-2",
    ratio="1:1",
    resolution="4K",
    extra={"response_format": "b64_json"},
)


def test_no_long_stall_while_big_results_arrive(qapp: QApplication, tmp_path: Path) -> None:
    tune_interpreter()
    with simulator_process("grain") as url:
        harness = Harness(qapp, None, tmp_path / "data", url=url, concurrency=8)
        try:
            window = harness.keep(MainWindow(harness.services))
            window.show()
            beats: list[float] = []
            timer = QTimer()
            timer.setInterval(10)
            timer.timeout.connect(lambda: beats.append(time.perf_counter()))
            done: list[JobState] = []
            harness.bridge.job_changed.connect(
                lambda job: done.append(job.state) if job.state.is_terminal else None
            )

            async def scenario() -> None:
                await window.ready()
                timer.start()
                for _ in range(8):
                    harness.bridge.submit(BIG, harness.profile.name)
                await harness.until(lambda: len(done) == 8, within=120)
                await harness.until(lambda: harness.store.count_images() == 8)
                timer.stop()

            harness.run(scenario(), within=180)
        finally:
            harness.close()
    assert done == [JobState.SUCCEEDED] * 8
    gaps = [later - earlier for earlier, later in itertools.pairwise(beats)]
    assert len(beats) > 50
    assert max(gaps) < 0.25, f"longest stall {max(gaps) * 1000:.0f} ms"
