"""The first relay, as a newcomer meets it: welcome card → Add a relay → name, URL, key → Test
connection → Save → Close → the relay is the current one → Ctrl+Enter → a result, shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.ui.main_window import MainWindow
from tests.helpers.keyring_backend import FileKeyring
from tests.ui.conftest import Harness
from tests.ui.test_settings_support import click, collect_garbage, file_keyring, type_into

KEY = "sk-first-relay-000000000001"


@pytest.fixture(autouse=True)
def _collected_here() -> Iterator[None]:
    yield from collect_garbage()


@pytest.fixture
def os_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FileKeyring:
    return file_keyring(tmp_path, monkeypatch)


def newcomer_window(harness: Harness) -> MainWindow:
    """A window with no relay at all (no demo, nothing saved)."""
    harness.resolver.given.clear()
    harness.bridge.default_profile = ""
    window = harness.keep(MainWindow(harness.services))
    window.resize(1300, 860)
    window.show()
    return window


def test_the_first_relay_saved_is_the_current_one_and_makes_an_image(
    harness: Harness, os_keyring: FileKeyring
) -> None:
    window = newcomer_window(harness)
    gallery = window.gallery

    async def scenario() -> None:
        await window.ready()
        assert gallery.empty.kind == "welcome" and gallery.empty.isVisible()
        assert window.profile_box.currentText() == ""  # the placeholder: "No relay yet"

        click(gallery.empty.add_relay_button)
        await harness.until(lambda: window._settings is not None and window._settings.isVisible())
        dialog = window._settings
        page, form = dialog.relays, dialog.relays.form
        type_into(form.name_edit, "my relay")
        type_into(form.url_edit, f"{harness.sim.url}/v1")
        type_into(form.key_edit, KEY)
        click(page.tester.button)
        await harness.until(lambda: page.tester.key_label.isVisible())
        assert page.tester.key_label.text() == "Key accepted: yes"
        click(page.save_button)
        await harness.until(lambda: window.profile_box.currentText() == "my relay")
        dialog.close()

        # The relay is the current one: the welcome card has gone, Ctrl+Enter makes an image.
        assert harness.bridge.default_profile == "my relay"
        assert gallery.empty.kind != "welcome"
        QTest.keyClicks(window.composer.prompt, "a first picture")
        QTest.keyClick(
            window.composer.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
        await harness.until(lambda: gallery.selected_image_ids() != [], within=30)
        await harness.until(lambda: window.detail.image_id == gallery.selected_image_ids()[0])

    harness.run(scenario(), within=90)
    assert harness.store.count_images() == 1
    assert [e.auth for e in harness.sim.log() if e.kind == "paid"] == [{"authorization": True}]


def test_a_relay_added_while_another_is_in_use_is_offered(
    harness: Harness, os_keyring: FileKeyring
) -> None:
    harness.services.profiles.add(Profile(name="first", base_url=f"{harness.sim.url}/v1"), KEY)
    window = newcomer_window(harness)

    async def scenario() -> None:
        await window.ready()
        assert harness.bridge.default_profile == "first"  # the only relay is the current one
        harness.services.profiles.add(Profile(name="second", base_url="https://b.example"), KEY)
        window.refresh_profiles()  # what a save in Settings does
        await harness.until(lambda: _offer() is not None)
        offer = _offer()
        assert "second" in offer.text() and "first" in offer.text()
        assert harness.bridge.default_profile == "first"  # nothing changes without a yes
        click(offer.button(QMessageBox.StandardButton.Yes))
        await harness.until(lambda: harness.bridge.default_profile == "second")

    harness.run(scenario())
    assert window.profile_box.currentText() == "second"


def _offer() -> QMessageBox | None:
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "useNewRelay" and w.isVisible()
    ]
    return boxes[0] if boxes else None


def test_the_newest_result_of_a_job_just_started_is_shown_unless_another_was_picked(
    harness: Harness,
) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.resize(1300, 860)
    window.show()
    gallery = window.gallery

    async def one(prompt: str) -> None:
        before = harness.store.count_images()
        harness.bridge.submit(GenerationRequest(prompt, "flux"))
        await harness.until(lambda: harness.store.count_images() == before + 1, within=30)

    async def scenario() -> None:
        await window.ready()
        await one("an old picture")
        await harness.until(lambda: len(gallery.selected_image_ids()) == 1)
        old = gallery.selected_image_ids()
        await one("a new picture")
        await harness.until(lambda: gallery.selected_image_ids() != old)
        newest = gallery.selected_image_ids()
        assert window.detail.image_id in newest or await _detail_follows(harness, window, newest)

        # A slow job; meanwhile the user picks another image: that choice stays.
        started: list[object] = []
        harness.bridge.job_submitted.connect(started.append)
        harness.bridge.submit(GenerationRequest("a slow one [[sim:latency=1]]", "flux"))
        await harness.until(lambda: started)  # the job has started
        gallery.view.setFocus()
        QTest.keyClick(gallery.view, Qt.Key.Key_End)
        await harness.until(lambda: gallery.selected_image_ids() != newest)
        picked = gallery.selected_image_ids()
        await harness.until(lambda: harness.store.count_images() == 3, within=30)
        await harness.until(lambda: not harness.bridge.running())
        assert gallery.selected_image_ids() == picked

    harness.run(scenario(), within=90)


async def _detail_follows(harness: Harness, window: MainWindow, ids: list[int]) -> bool:
    await harness.until(lambda: window.detail.image_id in ids)
    return True
