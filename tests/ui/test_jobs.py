"""The jobs panel against the simulated relay's faults: plain words, the relay's own words,
no dialogs, and buttons that do what they say (Retry sends exactly one more paid request)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from studio.domain.errors import ErrorKind, StudioError
from studio.domain.job import Job, JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.request import GenerationRequest
from studio.engine.ids import new_job_id
from studio.engine.manager import MSG_INTERRUPTED_SENT, Recovery
from studio.ui.jobs.panel import JobsPanel
from tests.ui.conftest import Harness

ASYNC = ProtocolId.IMAGES_ASYNC


def open_panel(harness: Harness) -> JobsPanel:
    panel = harness.keep(JobsPanel(harness.services))
    panel.resize(1100, 420)
    panel.show()

    async def loaded() -> None:
        await harness.until(lambda: panel.history_loaded)

    harness.run(loaded())
    return panel


async def submitted(harness: Harness, panel: JobsPanel, request: GenerationRequest) -> str:
    """Submit like the composer does; the id of the job's new row."""
    known = {entry.id for entry in panel.model.entries()}
    harness.bridge.submit(request, "sim")
    await harness.until(lambda: {e.id for e in panel.model.entries()} - known)
    (job_id,) = {e.id for e in panel.model.entries()} - known
    return job_id


def reached(panel: JobsPanel, job_id: str, state: JobState) -> bool:
    """The panel has heard that the job reached ``state`` (not just the engine's object)."""
    entry = panel.entry(job_id)
    return entry is not None and state in entry.seen_states


def click(panel: JobsPanel, job_id: str, action: str) -> None:
    rect = panel.button_rect(job_id, action)
    assert rect is not None, f"no {action} button on the row"
    QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def no_dialogs() -> bool:
    return not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def paid(harness: Harness) -> int:
    return harness.sim.state.stats()["paid_requests"]


def test_empty_panel_says_what_will_be_here(harness: Harness) -> None:
    panel = open_panel(harness)
    assert panel.stack.currentWidget() is panel.empty
    assert panel.summary.text() == "Nothing running"


FAILURES = [
    pytest.param(
        "401",
        None,
        "The relay did not accept the API key (HTTP 401). Check the key in the profile.",
        "Invalid token: the API key is not valid",
        id="rejected-key",
    ),
    pytest.param(
        "502",
        None,
        "The relay failed while making the image (HTTP 502). It may still have been made; the "
        "request was not sent again.",
        "HTTP 502: relay.example | 502: Bad gateway",  # the page's title, never its markup
        id="html-502",
    ),
    pytest.param(
        "async-fail,async-duration=0.3",
        ASYNC,
        "The relay reports that the task failed.",
        "The upstream model failed to generate the image",
        id="async-task-failed",
    ),
    pytest.param(
        "expired-url",
        None,
        "The image link has expired or is gone (HTTP 403, still after 3 tries).",
        "Request has expired",
        id="expired-url",
    ),
]


@pytest.mark.parametrize(("faults", "protocol", "message", "relay_words"), FAILURES)
def test_a_failure_in_plain_words_and_retry_sends_once_more(
    harness: Harness, faults: str, protocol: ProtocolId | None, message: str, relay_words: str
) -> None:
    panel = open_panel(harness)
    harness.sim.set_faults(faults)

    async def fail() -> str:
        request = GenerationRequest("a harbour at noon", "flux", protocol=protocol)
        job_id = await submitted(harness, panel, request)
        await harness.until(lambda: reached(panel, job_id, JobState.FAILED))
        return job_id

    job_id = harness.run(fail())
    entry = panel.entry(job_id)
    text = panel.row_text(job_id)
    assert message in entry.error_text() and message in text
    assert relay_words in entry.relay_text()  # the relay's own words, below in smaller type
    assert entry.relay_text() in text
    assert "<" not in text and "Traceback" not in text
    assert panel.summary_line == "1 failed"
    assert no_dialogs()
    painted = panel.view.viewport().grab()  # the row paints without complaint
    assert not painted.isNull()

    harness.sim.set_faults("")
    before = paid(harness)

    async def retry() -> None:
        click(panel, job_id, "retry")
        await harness.until(lambda: len(panel.model.entries()) == 2)
        again = panel.model.entries()[0]
        await harness.until(lambda: JobState.SUCCEEDED in again.seen_states)

    harness.run(retry())
    assert paid(harness) == before + 1  # exactly one more paid request
    assert "retry" not in panel.entry(job_id).actions()  # one click, one new request
    assert "retried as a new job" in panel.row_text(job_id)
    assert panel.summary_line == "Nothing running"
    assert no_dialogs()


def test_rejected_key_offers_the_settings(harness: Harness) -> None:
    panel = open_panel(harness)
    harness.sim.set_faults("401")
    settings: list[bool] = []
    panel.settings_requested.connect(lambda: settings.append(True))

    async def scenario() -> str:
        job_id = await submitted(harness, panel, GenerationRequest("a red fox", "flux"))
        await harness.until(lambda: reached(panel, job_id, JobState.FAILED))
        return job_id

    job_id = harness.run(scenario())
    assert panel.entry(job_id).actions() == ["retry", "edit", "settings"]
    click(panel, job_id, "settings")
    assert settings == [True]


def test_html_502_says_it_may_have_been_billed(harness: Harness) -> None:
    panel = open_panel(harness)
    harness.sim.set_faults("502")
    summaries: list[str] = []
    panel.summary_changed.connect(summaries.append)

    async def scenario() -> str:
        job_id = await submitted(harness, panel, GenerationRequest("a harbour", "flux"))
        await harness.until(lambda: reached(panel, job_id, JobState.FAILED))
        return job_id

    job_id = harness.run(scenario())
    assert "May have been billed." in panel.row_text(job_id)
    assert "billed a second time" in panel.entry(job_id).action_tip("retry")
    assert summaries[-1] == "1 failed"
    assert "1 running" in summaries


def test_expired_result_offers_to_edit_the_request(harness: Harness) -> None:
    panel = open_panel(harness)
    harness.sim.set_faults("expired-url")
    reused: list[Job] = []
    panel.reuse_requested.connect(reused.append)

    async def scenario() -> str:
        job_id = await submitted(harness, panel, GenerationRequest("a lantern", "flux"))
        await harness.until(lambda: reached(panel, job_id, JobState.FAILED))
        return job_id

    job_id = harness.run(scenario())
    assert panel.entry(job_id).job.error.kind is ErrorKind.RESULT_EXPIRED
    click(panel, job_id, "edit")
    assert [job.id for job in reused] == [job_id]
    assert reused[0].request.prompt == "a lantern"


def test_cancel_a_running_job(harness: Harness) -> None:
    panel = open_panel(harness)
    harness.sim.set_faults("async-duration=30")

    async def scenario() -> str:
        request = GenerationRequest("a slow one", "flux", protocol=ASYNC)
        job_id = await submitted(harness, panel, request)
        await harness.until(lambda: panel.entry(job_id).job.task_id is not None)
        assert panel.summary_line == "1 running"
        click(panel, job_id, "cancel")
        await harness.until(lambda: reached(panel, job_id, JobState.CANCELLED))
        return job_id

    job_id = harness.run(scenario())
    text = panel.row_text(job_id)
    assert "Cancelled" in text
    assert "Cancelled after it was sent." in text  # plain words about the bill
    assert panel.entry(job_id).actions() == ["retry", "edit"]
    assert panel.summary_line == "Nothing running"


def test_async_progress_bar_moves(harness: Harness) -> None:
    panel = open_panel(harness)
    harness.sim.set_faults("async-duration=1.5")
    seen: list[int] = []

    def record(job: Job) -> None:
        entry = panel.entry(job.id)
        value = entry.progress() if entry else None
        if value is not None and (not seen or seen[-1] != value):
            seen.append(value)

    harness.bridge.job_changed.connect(record)

    async def scenario() -> str:
        request = GenerationRequest("a growing tree", "flux", protocol=ASYNC)
        job_id = await submitted(harness, panel, request)
        await harness.until(lambda: len(seen) >= 2)
        panel.view.viewport().repaint()  # the bar paints with the value it has
        await harness.until(lambda: reached(panel, job_id, JobState.SUCCEEDED))
        return job_id

    job_id = harness.run(scenario())
    assert len(seen) >= 2 and seen == sorted(seen) and 0 <= seen[0] < seen[-1] <= 100
    assert panel.entry(job_id).progress() is None  # done: no bar, the time it took instead
    assert "Done" in panel.row_text(job_id)


def test_sync_job_shows_elapsed_time(harness: Harness) -> None:
    panel = open_panel(harness)
    harness.sim.set_faults("latency=1.2")

    async def scenario() -> str:
        job_id = await submitted(harness, panel, GenerationRequest("a kite", "flux"))
        entry = panel.entry(job_id)
        await harness.until(lambda: entry.time_words(entry.started or 0) != "" and entry.active)
        assert panel.timer.isActive()  # the clock ticks once a second while it runs
        await harness.until(lambda: reached(panel, job_id, JobState.SUCCEEDED))
        return job_id

    job_id = harness.run(scenario())
    assert panel.entry(job_id).time_words(0).startswith("took 0:0")


def test_interrupted_jobs_from_before_are_listed(harness: Harness) -> None:
    job = Job(
        new_job_id(),
        GenerationRequest("cut off at the worst moment", "gpt-image-1"),
        "sim",
        state=JobState.INTERRUPTED,
        error=StudioError(ErrorKind.FATE_UNKNOWN, MSG_INTERRUPTED_SENT, may_be_billed=True),
    )
    harness.store.create_job(job)
    panel = open_panel(harness)

    async def scenario() -> None:
        await harness.until(lambda: panel.entry(job.id) is not None)

    harness.run(scenario())
    text = panel.row_text(job.id)
    assert "Interrupted" in text
    assert "The studio stopped while the relay was answering." in text
    assert "May have been billed" in text
    assert panel.entry(job.id).actions() == ["retry", "edit"]
    assert panel.summary_line == "1 interrupted"

    other = Job(new_job_id(), GenerationRequest("another", "flux"), "sim")
    other.state = JobState.INTERRUPTED
    harness.bridge.recovered.emit(Recovery(interrupted=[other, job]))
    assert [e.id for e in panel.model.entries()].count(job.id) == 1
    assert panel.entry(other.id) is not None
    assert panel.summary_line == "2 interrupted"
    QTest.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 0
    assert panel.stack.currentWidget() is panel.empty


def test_a_waiting_note_while_the_relay_rate_limits(harness: Harness) -> None:
    panel = open_panel(harness)
    harness.sim.set_faults("429*1,retry_after=1")
    notes: list[str] = []
    # connected after the panel's own slot, so the row already knows about the wait
    harness.bridge.job_waiting.connect(lambda job, *_: notes.append(panel.row_text(job.id)))

    async def scenario() -> str:
        job_id = await submitted(harness, panel, GenerationRequest("a busy relay", "flux"))
        await harness.until(lambda: reached(panel, job_id, JobState.SUCCEEDED), within=30)
        return job_id

    job_id = harness.run(scenario())
    assert any("rate-limited, retrying in 1 s" in note for note in notes), notes
    assert "rate-limited" not in panel.row_text(job_id)  # gone once it went through


def test_a_full_disk_keeps_the_image_and_retry_save_saves_it(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from studio.store.blobs import BlobStore

    panel = open_panel(harness)
    refused = [0]
    adopt = BlobStore.adopt

    def full_disk(self, *args, **kwargs):
        if refused[0] == 0:
            refused[0] += 1
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return adopt(self, *args, **kwargs)

    monkeypatch.setattr(BlobStore, "adopt", full_disk)

    async def scenario() -> str:
        job_id = await submitted(harness, panel, GenerationRequest("a quiet harbour", "flux"))
        await harness.until(lambda: reached(panel, job_id, JobState.FAILED))
        return job_id

    job_id = harness.run(scenario())
    entry = panel.entry(job_id)
    text = panel.row_text(job_id)
    assert "No space left on device" in text and "The image is kept" in text
    assert "May have been billed." in text
    assert entry.actions() == ["retry-save", "edit"]  # no Retry: that would pay again
    before = paid(harness)

    async def retry_save() -> None:
        click(panel, job_id, "retry-save")
        await harness.until(lambda: panel.entry(job_id).job.state is JobState.SUCCEEDED)

    harness.run(retry_save())
    assert paid(harness) == before  # nothing was sent again
    assert len(panel.entry(job_id).job.images) == 1
    assert panel.entry(job_id).job.images[0].path.is_file()
    assert panel.summary_line == "Nothing running"
    assert no_dialogs()


def test_a_link_that_keeps_failing_offers_resume(harness: Harness) -> None:
    panel = open_panel(harness)
    harness.sim.set_faults("download-500")

    async def scenario() -> str:
        job_id = await submitted(harness, panel, GenerationRequest("a lantern", "flux"))
        await harness.until(lambda: reached(panel, job_id, JobState.FAILED))
        return job_id

    job_id = harness.run(scenario())
    assert panel.entry(job_id).actions() == ["resume", "edit"]
    assert "Resume downloads it again" in panel.row_text(job_id)
    harness.sim.set_faults("")
    before = paid(harness)

    async def resume() -> None:
        click(panel, job_id, "resume")
        await harness.until(lambda: panel.entry(job_id).job.state is JobState.SUCCEEDED)

    harness.run(resume())
    assert paid(harness) == before
    assert panel.entry(job_id).job.images


def test_a_refusal_says_it_was_not_billed(harness: Harness) -> None:
    panel = open_panel(harness)
    harness.sim.set_faults("401")

    async def scenario() -> str:
        job_id = await submitted(harness, panel, GenerationRequest("a red fox", "flux"))
        await harness.until(lambda: reached(panel, job_id, JobState.FAILED))
        return job_id

    job_id = harness.run(scenario())
    text = panel.row_text(job_id)
    assert "Not billed." in text and "May have been billed" not in text
