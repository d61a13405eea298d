"""Variations from the image menu: sent at once, the way the image's model can make them."""

from __future__ import annotations

import pytest

from studio.domain.job import Job, JobState
from studio.domain.model_spec import Operation
from studio.domain.request import GenerationRequest
from studio.store.history import JobRecord
from studio.ui.context_menu import entries
from studio.ui.main_window import MainWindow
from tests.ui.conftest import Harness


async def _finished(harness: Harness, request: GenerationRequest) -> JobRecord:
    job = await harness.manager.run(request, "sim")
    record = await harness.manager.run_in_store(harness.store.get, job.id)
    assert record is not None and record.images, job.error
    return record


@pytest.mark.parametrize(
    ("model", "path", "operation"),
    [
        ("gpt-image-1", "/v1/images/edits", None),
        ("dall-e-2", "/v1/images/variations", Operation.VARIATION),
    ],
)
def test_variations_of_an_image(
    harness: Harness, model: str, path: str, operation: Operation | None
) -> None:
    assert "variations" in [entry[0] for entry in entries() if entry]
    window = harness.keep(MainWindow(harness.services))
    window.show()
    ended: list[Job] = []

    async def scenario() -> JobRecord:
        await window.ready()
        record = await _finished(harness, GenerationRequest("a red kite", model, ratio="1:1"))
        harness.bridge.job_changed.connect(
            lambda job: ended.append(job) if job.state.is_terminal else None
        )
        window.actions_.do("variations", [record.images[0].id])  # menu and detail bar
        await harness.until(lambda: ended, within=30)
        return record

    original = harness.run(scenario())
    job = ended[0]
    assert job.state is JobState.SUCCEEDED, job.error
    assert job.request.operation is operation
    assert len(job.request.references) == 1
    assert job.request.references[0].path == original.images[0].result.path
    assert [entry.path for entry in harness.sim.log() if entry.kind == "paid"][-1] == path
    assert "on their way" in window.statusBar().currentMessage()
