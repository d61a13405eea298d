"""What the window shows never holds the key: a failed job whose relay echoed the key back
(jobs panel row, tool tip, "Copy message"), the crash dialog and the fatal start-up message."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from studio.domain.job import JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.request import GenerationRequest
from studio.simulator import SimulatorServer
from studio.ui.jobs.panel import JobsPanel
from tests.ui.conftest import Harness
from tests.ui.test_jobs import open_panel, reached, submitted

KEY = "zz-Plain-Key-4711-abcdef"  # does not look like a key: only the rule that knows it helps


@pytest.fixture
def keyed(qapp: QApplication, sim: SimulatorServer, tmp_path: Path) -> Iterator[Harness]:
    instance = Harness(qapp, sim, tmp_path / "data", api_key=KEY)
    try:
        yield instance
    finally:
        instance.close()
        qapp.processEvents()
        gc.collect()


def _everything(panel: JobsPanel, job_id: str) -> str:
    entry = panel.entry(job_id)
    assert entry is not None
    job = entry.job
    parts = [
        panel.row_text(job_id),
        entry.error_text() or "",
        entry.relay_text() or "",
        panel.summary_line,
        job.error.full_text(billing=True) if job.error else "",
    ]
    parts += [entry.action_tip(action) or "" for action in entry.actions()]
    return "\n".join(parts)


@pytest.mark.parametrize("protocol", [None, ProtocolId.IMAGES_ASYNC])
def test_a_relay_that_echoes_the_key_never_puts_it_on_screen(
    keyed: Harness, protocol: ProtocolId | None
) -> None:
    panel = open_panel(keyed)
    keyed.sim.set_faults("echo-key")

    async def fail() -> str:
        request = GenerationRequest("a harbour at noon", "flux", protocol=protocol)
        job_id = await submitted(keyed, panel, request)
        await keyed.until(lambda: reached(panel, job_id, JobState.FAILED))
        return job_id

    job_id = keyed.run(fail())
    shown = _everything(panel, job_id)
    assert "Invalid token" in shown  # the relay's words are shown ...
    assert KEY not in shown and KEY.encode("unicode_escape").decode() not in shown  # ... masked
    assert "***" in shown


def test_the_crash_dialog_and_the_fatal_message_hold_no_key(
    keyed: Harness, capsys: pytest.CaptureFixture[str]
) -> None:
    from studio.ui import crash

    crash._last_shown = 0.0
    try:
        raise RuntimeError(f"Illegal header value b'Bearer {KEY}' for https://x/a?key={KEY}")
    except RuntimeError as error:
        crash._hook(RuntimeError, error, error.__traceback__)

    async def shown() -> None:
        await keyed.until(
            lambda: [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()
            ]
        )

    keyed.run(shown())
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    try:
        for box in boxes:
            text = "\n".join(
                [box.windowTitle(), box.text(), box.informativeText(), box.detailedText()]
            )
            assert "RuntimeError" in text and KEY not in text
    finally:
        for box in boxes:
            box.close()

    crash.fatal(f"the profile's base URL https://u:{KEY}@relay.example is not valid")
    printed = capsys.readouterr().err
    assert "studio:" in printed and KEY not in printed
