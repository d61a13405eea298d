"""The Relays tab, driven like a user: add, edit, rename, remove profiles; keys go to the keyring
and never back into a field; invalid settings are explained inline; "Test connection" asks the
simulated relay."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit

from studio.domain.profile import Profile
from studio.settings import KeyStore, ProfileStore
from studio.ui.settings.dialog import SettingsDialog
from studio.ui.settings.relays import Kind
from tests.helpers.keyring_backend import FileKeyring
from tests.ui.conftest import Harness
from tests.ui.test_settings_support import (
    click,
    collect_garbage,
    file_keyring,
    open_dialog,
    profiles_file_text,
    saved_profiles,
    type_into,
    use_keyring,
)

KEY = "sk-typed-9f8e7d6c5b4a"
OTHER_KEY = "sk-other-1a2b3c4d5e6f"


@pytest.fixture(autouse=True)
def _collected_here() -> Iterator[None]:
    yield from collect_garbage()


@pytest.fixture
def os_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FileKeyring:
    return file_keyring(tmp_path, monkeypatch)


def select(dialog: SettingsDialog, name: str) -> None:
    page = dialog.relays
    row = [entry.profile.name for entry in page.entries()].index(name)
    rect = page.list.visualItemRect(page.list.item(row))
    QTest.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current_entry().profile.name == name


def no_field_shows(dialog: SettingsDialog, secret: str) -> bool:
    return all(secret not in edit.text() for edit in dialog.findChildren(QLineEdit)) and all(
        secret not in label.text() for label in dialog.findChildren(QLabel)
    )


def test_add_a_relay_with_a_typed_key(harness: Harness, os_keyring: FileKeyring) -> None:
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form
    changed: list[bool] = []
    dialog.profiles_changed.connect(lambda: changed.append(True))

    async def scenario() -> None:
        click(page.add_button)
        assert form.name_edit.hasFocus()
        type_into(form.name_edit, "my relay")
        type_into(form.url_edit, f"{harness.sim.url}/v1")
        type_into(form.key_edit, KEY)
        assert form.key_edit.echoMode() is QLineEdit.EchoMode.Password
        form.show_key.trigger()  # the eye: see what was typed
        assert form.key_edit.echoMode() is QLineEdit.EchoMode.Normal
        form.show_key.trigger()
        assert form.key_edit.echoMode() is QLineEdit.EchoMode.Password
        click(page.save_button)
        await harness.until(lambda: changed)
        await harness.until(
            lambda: form.key_edit.placeholderText() == "•••• stored in the system keyring"
        )

    harness.run(scenario())
    assert saved_profiles()["my relay"]["base_url"] == f"{harness.sim.url}/v1"
    assert KEY not in profiles_file_text()
    assert os_keyring.entries() == {"studio": {"my relay": KEY}}
    assert page.current_entry().kind is Kind.SAVED
    assert page.notice.text() == "Saved." and page.notice.isVisible()
    assert form.key_edit.text() == "" and no_field_shows(dialog, KEY)
    assert not page.save_button.isEnabled()
    form.key_edit.setFocus()
    QTest.keyClick(form.key_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.key_edit.text() == ""  # not even undo brings the key back


def test_edit_rename_and_remove(harness: Harness, os_keyring: FileKeyring) -> None:
    harness.services.profiles.add(Profile(name="alpha", base_url="https://alpha.example"), KEY)
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form
    changed: list[bool] = []
    dialog.profiles_changed.connect(lambda: changed.append(True))

    async def scenario() -> None:
        select(dialog, "alpha")
        await harness.until(lambda: form.key_edit.placeholderText().startswith("••••"))
        assert form.key_edit.text() == ""  # the stored key is never read back into the field
        assert not page.save_button.isEnabled()
        type_into(form.name_edit, "beta")
        type_into(form.read_timeout.lineEdit(), "120")
        click(form.async_toggle)
        type_into(form.success_words, "OK, FINISHED")
        click(page.save_button)
        await harness.until(lambda: changed)
        assert "alpha" not in [entry.profile.name for entry in page.entries()]

        click(page.remove_button)
        assert page.confirm_bar.isVisible() and "beta" in page.confirm_bar.text.text()
        assert saved_profiles() != {}  # nothing happens before the confirmation
        click(page.confirm_bar.confirm_button)
        await harness.until(lambda: len(changed) == 2)

    harness.run(scenario())
    assert saved_profiles() == {}
    assert os_keyring.entries() == {"studio": {}}


def test_rename_moves_the_key(harness: Harness, os_keyring: FileKeyring) -> None:
    harness.services.profiles.add(Profile(name="alpha", base_url="https://alpha.example"), KEY)
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form

    async def scenario() -> None:
        select(dialog, "alpha")
        type_into(form.name_edit, "beta")
        type_into(form.url_edit, "https://beta.example/v1")
        click(page.save_button)
        await harness.until(lambda: page.notice.isVisible())

    harness.run(scenario())
    assert saved_profiles()["beta"]["base_url"] == "https://beta.example/v1"
    assert "alpha" not in saved_profiles()
    assert os_keyring.entries() == {"studio": {"beta": KEY}}


def test_a_typed_key_replaces_the_stored_one(harness: Harness, os_keyring: FileKeyring) -> None:
    harness.services.profiles.add(Profile(name="alpha", base_url="https://alpha.example"), KEY)
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form

    async def scenario() -> None:
        select(dialog, "alpha")
        type_into(form.key_edit, OTHER_KEY)
        click(page.save_button)
        await harness.until(lambda: os_keyring.entries()["studio"]["alpha"] == OTHER_KEY)
        await harness.until(lambda: not page.save_button.isEnabled())

    harness.run(scenario())
    assert no_field_shows(dialog, OTHER_KEY)


def test_duplicate_copies_settings_and_key(harness: Harness, os_keyring: FileKeyring) -> None:
    harness.services.profiles.add(
        Profile(name="alpha", base_url="https://alpha.example", concurrency=7), KEY
    )
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form

    async def scenario() -> None:
        select(dialog, "alpha")
        click(page.duplicate_button)
        assert form.name_edit.text() == "alpha copy"
        assert "alpha" in form.key_edit.placeholderText() and form.key_edit.text() == ""
        click(page.save_button)
        await harness.until(lambda: page.notice.isVisible())

    harness.run(scenario())
    assert saved_profiles()["alpha copy"]["concurrency"] == 7
    assert os_keyring.entries() == {"studio": {"alpha": KEY, "alpha copy": KEY}}


@pytest.mark.parametrize(
    ("field", "text", "says"),
    [
        ("url_edit", "relay dot example", "is not a valid http:// or https:// address"),
        ("url_edit", "", "Enter the relay's base URL"),
        ("name_edit", "", "Give the profile a name"),
        ("name_edit", "bad/name", "is not valid"),
        ("proxy_edit", "not a proxy", "is not a valid address"),
        ("key_edit", "two words", "contains spaces"),
    ],
)
def test_invalid_settings_are_explained_inline(
    harness: Harness, os_keyring: FileKeyring, field: str, text: str, says: str
) -> None:
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form
    click(page.add_button)
    type_into(form.name_edit, "fine")
    type_into(form.url_edit, "https://relay.example/v1")
    type_into(getattr(form, field), text)
    click(page.save_button)
    QTest.qWait(0)

    assert page.form_error.isVisible() and says in page.form_error.text()
    assert "Traceback" not in page.form_error.text()
    assert getattr(form, field).property("invalid") is True
    assert saved_profiles() == {} and os_keyring.entries() == {}
    type_into(getattr(form, field), "x")  # editing clears the complaint
    assert not page.form_error.isVisible()


def test_a_taken_name_is_refused(harness: Harness, os_keyring: FileKeyring) -> None:
    harness.services.profiles.add(Profile(name="alpha", base_url="https://alpha.example"))
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form
    click(page.add_button)
    type_into(form.name_edit, "alpha")
    type_into(form.url_edit, "https://other.example")
    click(page.save_button)
    assert "already a profile named “alpha”" in page.form_error.text()
    assert saved_profiles()["alpha"]["base_url"] == "https://alpha.example"


def test_without_a_keyring_the_key_is_kept_for_this_session(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_keyring(monkeypatch, fail.Keyring())
    harness.resolver.store = ProfileStore(keys=KeyStore(session={}))
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form

    async def scenario() -> None:
        click(page.add_button)
        type_into(form.name_edit, "bare")
        type_into(form.url_edit, "https://bare.example")
        type_into(form.key_edit, KEY)
        click(page.save_button)
        await harness.until(lambda: "session only" in page.notice.text())

    harness.run(scenario())
    assert page.notice.property("role") == "error"
    assert "bare" in saved_profiles() and KEY not in profiles_file_text()
    assert harness.services.profiles.get("bare").api_key == KEY


# -- Test connection -------------------------------------------------------------------------


def run_test(harness: Harness, dialog: SettingsDialog, name: str) -> None:
    page = dialog.relays

    async def scenario() -> None:
        select(dialog, name)
        click(page.tester.button)
        assert not page.tester.button.isEnabled() and page.tester.button.text() == "Testing…"
        page.test_connection()  # a second trigger while busy is ignored
        await harness.until(lambda: page.tester.reachable_label.isVisible())

    harness.run(scenario())
    assert page.tester.button.isEnabled() and page.tester.button.text() == "Test connection"


def models_asked(harness: Harness) -> int:
    return sum(entry.path == "/v1/models" for entry in harness.sim.log())


def test_connection_to_the_simulated_relay(harness: Harness, os_keyring: FileKeyring) -> None:
    harness.services.profiles.add(Profile(name="sim relay", base_url=f"{harness.sim.url}/v1"), KEY)
    dialog = open_dialog(harness)
    run_test(harness, dialog, "sim relay")
    tester = dialog.relays.tester
    offered = len(harness.sim.state.catalog.ids())
    known = sum(harness.catalog.is_listed(name) for name in harness.sim.state.catalog.ids())
    assert tester.reachable_label.text() == "Reachable: yes"
    assert tester.key_label.text() == "Key accepted: yes"
    assert tester.models_label.text() == f"Models: {offered} offered ({known} known to the catalog)"
    assert offered > 0 and models_asked(harness) == 1
    assert harness.sim.log()[-1].auth == {"authorization": True}


def test_connection_with_a_refused_key(harness: Harness, os_keyring: FileKeyring) -> None:
    harness.services.profiles.add(Profile(name="sim relay", base_url=harness.sim.url), KEY)
    harness.sim.set_faults("401")
    dialog = open_dialog(harness)
    run_test(harness, dialog, "sim relay")
    tester = dialog.relays.tester
    assert tester.reachable_label.text() == "Reachable: yes"
    assert tester.key_label.text().startswith("Key accepted: no — ")
    assert tester.key_label.property("role") == "error"
    assert tester.models_label.text() == "Models: unknown"
    assert "Invalid token" in tester.relay_said.text()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_connection_to_a_closed_port(harness: Harness, os_keyring: FileKeyring) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    harness.services.profiles.add(Profile(name="nowhere", base_url=url), KEY)
    dialog = open_dialog(harness)
    run_test(harness, dialog, "nowhere")
    tester = dialog.relays.tester
    reachable = tester.reachable_label.text()
    assert reachable.startswith("Reachable: no — Could not connect to the relay (")
    assert "ConnectError" in reachable  # the reason, in the network's words
    assert tester.key_label.text() == "Key accepted: not checked"


def test_the_typed_key_is_the_one_tested(harness: Harness, os_keyring: FileKeyring) -> None:
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form

    async def scenario() -> None:
        click(page.add_button)
        type_into(form.name_edit, "unsaved")
        type_into(form.url_edit, harness.sim.url)
        click(page.tester.button)
        await harness.until(lambda: page.tester.key_label.isVisible())
        assert page.tester.key_label.text() == "Key accepted: no — this profile has no key yet."
        type_into(form.key_edit, KEY)
        click(page.tester.button)
        await harness.until(lambda: page.tester.key_label.text() == "Key accepted: yes")

    harness.run(scenario())
    assert saved_profiles() == {}  # testing saves nothing


def test_demo_relay_is_read_only(harness: Harness, os_keyring: FileKeyring) -> None:
    demo = Profile(name="Demo relay", base_url=harness.sim.url, api_key="demo")
    harness.services.demo_profile = demo
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form
    assert page.current_entry().profile is demo
    assert page.list.item(0).text() == "Demo relay (demo)"
    assert form.read_only_note.isVisible() and "simulated relay" in form.read_only_note.text()
    assert form.url_edit.isReadOnly() and not form.concurrency.isEnabled()
    assert not page.save_button.isVisible() and not page.remove_button.isEnabled()
    run_test(harness, dialog, "Demo relay")
    assert page.tester.key_label.text() == "Key accepted: yes"


def test_an_unreadable_profiles_file_is_explained(
    harness: Harness, os_keyring: FileKeyring
) -> None:
    path = harness.services.profiles.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", "utf-8")
    dialog = open_dialog(harness)
    page = dialog.relays
    assert page.load_error.isVisible() and "cannot be read" in page.load_error.text()
    assert "Traceback" not in page.load_error.text()
    assert not page.add_button.isEnabled()
    assert path.read_text("utf-8") == "{ not json"  # left as it was

    harness.services.profiles.path.unlink()
    harness.services.profiles.add(Profile(name="fixed", base_url="https://fixed.example"))
    click(page.reload_button)
    assert not page.load_error.isVisible() and page.add_button.isEnabled()
    assert [entry.profile.name for entry in page.entries()] == ["sim", "fixed"]


def test_the_time_limit_per_job_is_a_relay_setting(
    harness: Harness, os_keyring: FileKeyring
) -> None:
    harness.services.profiles.add(Profile(name="alpha", base_url="https://alpha.example"), KEY)
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form
    changed: list[bool] = []
    dialog.profiles_changed.connect(lambda: changed.append(True))

    async def scenario() -> None:
        select(dialog, "alpha")
        await harness.until(lambda: form.key_edit.placeholderText().startswith("••••"))
        assert form.job_timeout.value() == 600.0
        form.job_timeout.setFocus()
        form.job_timeout.selectAll()
        QTest.keyClicks(form.job_timeout, "1500")
        QTest.keyClick(form.job_timeout, Qt.Key.Key_Tab)
        assert form.job_timeout.value() == 1500.0
        click(page.save_button)
        await harness.until(lambda: changed)

    harness.run(scenario())
    assert harness.services.profiles.get("alpha").job_timeout == 1500.0


def test_learned_refusals_are_shown_and_can_be_forgotten(
    harness: Harness, os_keyring: FileKeyring
) -> None:
    harness.services.profiles.add(Profile(name="strict", base_url="https://strict.example"), KEY)
    harness.quirks.remember("strict", "dall-e-3", {"style", "response_format"})
    dialog = open_dialog(harness)
    learned = dialog.relays.form.learned

    async def scenario() -> None:
        select(dialog, "strict")
        await harness.until(lambda: learned.list.count() == 2)
        texts = [learned.list.item(row).text() for row in range(learned.list.count())]
        assert texts == ["dall-e-3: response_format", "dall-e-3: style"]
        learned.list.setCurrentRow(1)
        click(learned.forget_button)

    harness.run(scenario())
    assert harness.quirks.refused("strict", "dall-e-3") == {"response_format"}
    assert [learned.list.item(r).text() for r in range(learned.list.count())] == [
        "dall-e-3: response_format"
    ]


def test_a_relays_markup_and_budgets_are_set_in_its_money_rows(
    harness: Harness, os_keyring: FileKeyring
) -> None:
    harness.services.profiles.add(Profile(name="alpha", base_url="https://alpha.example"), KEY)
    dialog = open_dialog(harness)
    page, form = dialog.relays, dialog.relays.form
    changed: list[bool] = []
    dialog.profiles_changed.connect(lambda: changed.append(True))

    def typed(box, text: str) -> None:
        box.setFocus()
        box.selectAll()
        QTest.keyClicks(box, text)
        QTest.keyClick(box, Qt.Key.Key_Tab)

    async def scenario() -> None:
        select(dialog, "alpha")
        await harness.until(lambda: form.key_edit.placeholderText().startswith("••••"))
        assert form.price_multiplier.value() == 1.0
        assert form.daily_budget.text() == "No limit"  # 0: none
        typed(form.price_multiplier, "1.5")
        typed(form.monthly_budget, "30")
        form.budget_currency.setCurrentIndex(form.budget_currency.findData("CNY"))
        click(page.save_button)
        await harness.until(lambda: changed)

    harness.run(scenario())
    saved = harness.services.profiles.get("alpha")
    assert saved.price_multiplier == 1.5 and saved.monthly_budget == 30.0
    assert saved.daily_budget is None and saved.budget_currency == "CNY"
