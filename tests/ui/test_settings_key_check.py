"""A key that cannot travel in a header is refused in the form, naming what is wrong, and never
reaches the keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.ui.settings.dialog import SettingsDialog
from tests.helpers.keyring_backend import FileKeyring
from tests.ui.conftest import Harness
from tests.ui.test_settings_support import (
    click,
    collect_garbage,
    file_keyring,
    open_dialog,
    saved_profiles,
    type_into,
)

GOOD_KEY = "sk-typed-9f8e7d6c5b4a"


@pytest.fixture(autouse=True)
def _collected_here() -> Iterator[None]:
    yield from collect_garbage()


@pytest.fixture
def os_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FileKeyring:
    return file_keyring(tmp_path, monkeypatch)


def _fill(dialog: SettingsDialog, harness: Harness, key: str) -> None:
    page, form = dialog.relays, dialog.relays.form
    click(page.add_button)
    type_into(form.name_edit, "my relay")
    type_into(form.url_edit, f"{harness.sim.url}/v1")
    form.key_edit.setFocus()
    form.key_edit.setText(key)  # pasted: a paste brings invisible characters along
    form.key_edit.textEdited.emit(key)


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("sk-typed\u200b9f8e7d6c5b4a", "The API key contains a zero-width space (U+200B)"),
        ("sk-typed-9f8e7d6c5bé", "The API key contains the non-ASCII character “é” (U+00E9)"),
    ],
)
def test_a_key_that_cannot_be_sent_is_refused_in_the_form(
    harness: Harness, os_keyring: FileKeyring, key: str, message: str
) -> None:
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form
    _fill(dialog, harness, key)
    click(page.save_button)
    assert page.form_error.isVisible() and page.form_error.text().startswith(message)
    assert form.key_edit.property("invalid") or form.key_edit.hasFocus()
    assert os_keyring.entries().get("studio", {}) == {} and saved_profiles() == {}

    async def fixed() -> None:
        form.key_edit.setText(GOOD_KEY)
        form.key_edit.textEdited.emit(GOOD_KEY)
        click(page.save_button)
        await harness.until(lambda: os_keyring.entries().get("studio") == {"my relay": GOOD_KEY})

    harness.run(fixed())
