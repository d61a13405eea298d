"""The window starts, shows its parts, and runs a job end to end on the simulated relay."""

from __future__ import annotations

from studio.domain.job import JobState
from studio.domain.request import GenerationRequest
from studio.ui.main_window import MainWindow
from tests.ui.conftest import Harness


def test_window_runs_a_job(harness: Harness) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()
    finished = []
    harness.bridge.job_changed.connect(
        lambda job: finished.append(job) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        await window.ready()
        window.composer.generate_requested.emit(GenerationRequest("a kite", "flux"), "sim")
        await harness.until(lambda: finished)

    harness.run(scenario())
    assert finished[0].state is JobState.SUCCEEDED
    assert window.composer_dock.isVisible() and window.jobs_dock.isVisible()
