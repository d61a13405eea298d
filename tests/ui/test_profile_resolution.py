"""The window and the engine ask one resolver: a relay saved in Settings is used at once (no
restart), and its key is read off the GUI thread (a locked keyring must not freeze the window)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from studio.domain.job import Job, JobState
from studio.domain.request import GenerationRequest
from tests.helpers.keyrings import MemoryKeyring
from tests.ui.conftest import Harness
from tests.ui.test_settings_support import (
    click,
    collect_garbage,
    open_dialog,
    type_into,
    use_keyring,
)

KEY = "sk-saved-in-settings-000001"


@pytest.fixture(autouse=True)
def _collected_here() -> Iterator[None]:
    yield from collect_garbage()


def test_a_relay_saved_in_settings_is_used_at_once_its_key_read_off_the_gui_thread(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = MemoryKeyring()
    use_keyring(monkeypatch, backend)
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form
    ended: list[Job] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        click(page.add_button)
        type_into(form.name_edit, "added relay")
        type_into(form.url_edit, f"{harness.sim.url}/v1")
        type_into(form.key_edit, KEY)
        click(page.save_button)
        await harness.until(lambda: "added relay" in harness.services.profile_names())
        assert backend.entries[("studio", "added relay")] == KEY
        backend.readers.clear()
        harness.bridge.submit(GenerationRequest("a fox in the snow", "gpt-image-1"), "added relay")
        await harness.until(lambda: bool(ended), within=30)

    harness.run(scenario())
    assert [job.state for job in ended] == [JobState.SUCCEEDED]
    assert ended[0].profile_name == "added relay"
    assert backend.readers and "MainThread" not in backend.readers
    assert [e.auth for e in harness.sim.log() if e.kind == "paid"] == [{"authorization": True}]
