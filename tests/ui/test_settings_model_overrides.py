"""Settings → Relays → Model settings: a user adds the name sent, a protocol and extra fields for a
model; they are saved in profiles.json (never the key) and shown again; wrong extra fields are
explained under the field and nothing is saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit

from studio.domain.model_spec import ProtocolId
from studio.domain.profile import ModelOverride, Profile
from studio.ui.settings.dialog import SettingsDialog
from tests.helpers.keyring_backend import FileKeyring
from tests.ui.conftest import Harness
from tests.ui.test_settings_relays import select
from tests.ui.test_settings_support import (
    click,
    collect_garbage,
    file_keyring,
    open_dialog,
    profiles_file_text,
    saved_profiles,
    type_into,
)

KEY = "sk-override-9f8e7d6c5b4a"


@pytest.fixture(autouse=True)
def _collected_here() -> Iterator[None]:
    yield from collect_garbage()


@pytest.fixture
def os_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FileKeyring:
    return file_keyring(tmp_path, monkeypatch)


def type_text(edit: QPlainTextEdit, text: str) -> None:
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    QTest.keyClicks(edit, text)


def add_relay(dialog: SettingsDialog, url: str) -> None:
    page, form = dialog.relays, dialog.relays.form
    click(page.add_button)
    type_into(form.name_edit, "my relay")
    type_into(form.url_edit, url)
    type_into(form.key_edit, KEY)


def test_a_model_setting_is_saved_without_the_key_and_shown_again(
    harness: Harness, os_keyring: FileKeyring
) -> None:
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form
    editor = form.overrides
    saved: list[bool] = []
    dialog.profiles_changed.connect(lambda: saved.append(True))

    async def scenario() -> None:
        add_relay(dialog, "https://relay.example/v1")
        assert not editor.fields.isEnabled()  # nothing to edit before Add
        click(editor.add_button)
        assert editor.model_edit.hasFocus()
        QTest.keyClicks(editor.model_edit, "gpt-image-2")
        type_into(editor.name_edit, "gpt-image-2-all")
        editor.protocol_box.setFocus()
        QTest.keyClicks(editor.protocol_box, "images-async")
        assert editor.protocol() is ProtocolId.IMAGES_ASYNC
        type_text(editor.extra_edit, '{"channel": "official", "group": {"tier": 2}}')
        assert not editor.problem_label.isVisible()
        assert editor.list.item(0).text() == (
            "gpt-image-2 · → gpt-image-2-all · images-async · extra fields"
        )
        click(page.save_button)
        await harness.until(lambda: saved)

    harness.run(scenario())
    entry = saved_profiles()["my relay"]
    assert entry["model_overrides"] == [
        {
            "model": "gpt-image-2",
            "name_sent": "gpt-image-2-all",
            "protocol": "images-async",
            "extra": {"channel": "official", "group": {"tier": 2}},
        }
    ]
    assert KEY not in profiles_file_text()
    assert harness.services.profiles.get("my relay").override_for("gpt-image-2") == ModelOverride(
        "gpt-image-2",
        "gpt-image-2-all",
        ProtocolId.IMAGES_ASYNC,
        {"channel": "official", "group": {"tier": 2}},
    )

    dialog.close()
    again = open_dialog(harness)  # reopened: the setting is there
    select(again, "my relay")
    shown = again.relays.form.overrides
    assert shown.list.count() == 1
    assert shown.model_edit.text() == "gpt-image-2"
    assert shown.name_edit.text() == "gpt-image-2-all"
    assert shown.protocol_box.currentText() == "images-async"
    assert '"tier": 2' in shown.extra_edit.toPlainText()
    assert not again.relays.save_button.isEnabled()  # loading is no edit


def test_removing_a_model_setting(harness: Harness, os_keyring: FileKeyring) -> None:
    harness.services.profiles.add(
        Profile(
            name="alpha",
            base_url="https://alpha.example",
            model_overrides=(
                ModelOverride("gpt-image-2", name_sent="gpt-image-2-all"),
                ModelOverride("flux-2-pro", protocol=ProtocolId.IMAGES_ASYNC),
            ),
        ),
        KEY,
    )
    dialog = open_dialog(harness)
    page, editor = dialog.relays, dialog.relays.form.overrides
    saved: list[bool] = []
    dialog.profiles_changed.connect(lambda: saved.append(True))

    async def scenario() -> None:
        select(dialog, "alpha")
        assert editor.list.count() == 2
        rect = editor.list.visualItemRect(editor.list.item(1))
        QTest.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert editor.model_edit.text() == "flux-2-pro"
        click(editor.remove_button)
        assert editor.list.count() == 1 and editor.model_edit.text() == "gpt-image-2"
        click(page.save_button)
        await harness.until(lambda: saved)

    harness.run(scenario())
    assert saved_profiles()["alpha"]["model_overrides"] == [
        {"model": "gpt-image-2", "name_sent": "gpt-image-2-all"}
    ]


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        ('{"channel": ', "Not valid JSON: "),
        ('["official"]', "must be a JSON object"),
        ('{"prompt": "x", "size": "2K"}', "cannot set prompt, size"),
        ('{"api_key": "sk-hidden-0123456789abcdef"}', "looks like a secret"),
    ],
)
def test_wrong_extra_fields_are_explained_under_the_field(
    harness: Harness, os_keyring: FileKeyring, extra: str, says: str
) -> None:
    dialog = open_dialog(harness)
    page, editor = dialog.relays, dialog.relays.form.overrides
    add_relay(dialog, "https://relay.example/v1")
    click(editor.add_button)
    QTest.keyClicks(editor.model_edit, "gpt-image-2")
    type_text(editor.extra_edit, extra)
    QTest.qWait(0)

    # Said as it is typed, under the field, in plain words.
    assert editor.problem_label.isVisible() and says in editor.problem_label.text()
    assert "Traceback" not in editor.problem_label.text()
    assert editor.extra_edit.property("invalid") is True
    click(page.save_button)
    QTest.qWait(0)
    assert page.form_error.isVisible() and says in page.form_error.text()
    assert editor.extra_edit.hasFocus()
    assert saved_profiles() == {} and os_keyring.entries() == {}
    assert "sk-hidden" not in editor.problem_label.text() + page.form_error.text()

    type_text(editor.extra_edit, '{"channel": "official"}')  # fixed: the complaint goes
    assert not editor.problem_label.isVisible()
    assert editor.extra_edit.property("invalid") is False


def test_a_model_setting_needs_a_model_and_one_per_model(
    harness: Harness, os_keyring: FileKeyring
) -> None:
    dialog = open_dialog(harness)
    page, editor = dialog.relays, dialog.relays.form.overrides
    add_relay(dialog, "https://relay.example/v1")
    click(editor.add_button)
    type_into(editor.name_edit, "gpt-image-2-all")
    click(page.save_button)
    assert page.form_error.text() == "Choose the model these settings are for."
    assert editor.model_edit.hasFocus()

    QTest.keyClicks(editor.model_edit, "gpt-image-2")
    click(editor.add_button)
    QTest.keyClicks(editor.model_edit, "gpt-image-2")
    type_into(editor.name_edit, "gpt-image-2:official")
    click(page.save_button)
    assert "two settings for the model gpt-image-2" in page.form_error.text()
    assert saved_profiles() == {}


def test_the_demo_relays_model_settings_are_read_only(
    harness: Harness, os_keyring: FileKeyring
) -> None:
    harness.services.demo_profile = Profile(name="Demo relay", base_url="http://127.0.0.1:9")
    dialog = open_dialog(harness)
    select(dialog, "Demo relay")
    editor = dialog.relays.form.overrides
    assert not editor.add_button.isEnabled() and not editor.fields.isEnabled()
