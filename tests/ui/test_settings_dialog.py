"""The settings dialog as a whole, its Appearance and Export tabs: non-modal, theme applied at
once, language and export folder remembered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit, QWidget

from studio.ui import theme
from studio.ui.preferences import Preferences
from studio.ui.settings.dialog import SettingsDialog
from tests.ui.conftest import Harness
from tests.ui.test_settings_support import click, collect_garbage, open_dialog, type_into


@pytest.fixture(autouse=True)
def _collected_here() -> Iterator[None]:
    yield from collect_garbage()


@pytest.fixture
def restored_look(qapp: QApplication) -> Iterator[None]:
    """Theme tests change the application's palette: put it back afterwards."""
    palette, style_sheet = qapp.palette(), qapp.styleSheet()
    yield
    qapp.setPalette(palette)
    qapp.setStyleSheet(style_sheet)


def choose(box: QComboBox, text: str) -> None:
    """Pick ``text`` with the keyboard, as a user would."""
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Home)
    while box.currentText() != text:
        before = box.currentIndex()
        QTest.keyClick(box, Qt.Key.Key_Down)
        assert box.currentIndex() != before, f"{text} is not offered"


def test_dialog_is_non_modal_resizable_and_deleted_on_close(harness: Harness) -> None:
    dialog = open_dialog(harness)
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.windowModality() is Qt.WindowModality.NonModal
    assert dialog.isSizeGripEnabled()
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Relays",
        "Appearance",
        "Export",
    ]
    finished: list[int] = []
    dialog.finished.connect(finished.append)
    destroyed: list[bool] = []
    dialog.destroyed.connect(lambda: destroyed.append(True))
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    QTest.qWait(0)
    QApplication.sendPostedEvents(None, 0)  # deleteLater
    assert finished and destroyed


def test_welcome_card_can_open_it_on_a_new_relay(harness: Harness) -> None:
    dialog = open_dialog(harness)
    dialog.show_relays(add=True)
    assert dialog.tabs.currentWidget() is dialog.relays
    assert dialog.relays.list.currentItem().text() == "New relay"


@pytest.mark.usefixtures("restored_look")
def test_theme_switch_repaints_the_application(harness: Harness, qapp: QApplication) -> None:
    dialog = open_dialog(harness)
    dialog.tabs.setCurrentWidget(dialog.appearance)
    window = QPalette.ColorRole.Window
    choose(dialog.appearance.theme_box, "Dark")
    assert qapp.palette().color(window) == theme.palette(dark=True).color(window)
    assert harness.services.preferences.theme is theme.Theme.DARK
    choose(dialog.appearance.theme_box, "Light")
    assert qapp.palette().color(window) == theme.palette(dark=False).color(window)
    assert Preferences().theme is theme.Theme.LIGHT  # saved, not only in memory


def test_language_is_saved_for_the_next_start(harness: Harness) -> None:
    dialog = open_dialog(harness)
    dialog.tabs.setCurrentWidget(dialog.appearance)
    page = dialog.appearance
    assert not page.language_note.isVisible()
    choose(page.language_box, "简体中文")
    assert harness.services.preferences.language == "zh_CN"
    assert page.language_note.isVisible() and "next time" in page.language_note.text()
    choose(page.language_box, "English")
    assert harness.services.preferences.language == "en"
    assert not page.language_note.isVisible()


def test_export_folder_typed(harness: Harness, tmp_path: Path) -> None:
    dialog = open_dialog(harness)
    dialog.tabs.setCurrentWidget(dialog.export)
    page = dialog.export
    type_into(page.folder_edit, str(tmp_path / "exports"))
    QTest.keyClick(page.folder_edit, Qt.Key.Key_Return)
    assert harness.services.preferences.export_folder == tmp_path / "exports"
    assert "created at the first export" in page.folder_note.text()

    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    type_into(page.folder_edit, str(a_file))
    QTest.keyClick(page.folder_edit, Qt.Key.Key_Return)
    assert page.folder_note.property("role") == "error"
    assert harness.services.preferences.export_folder == tmp_path / "exports"


def test_export_folder_browsed(harness: Harness, tmp_path: Path) -> None:
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    harness.services.preferences.export_folder = tmp_path
    dialog: SettingsDialog = open_dialog(harness)
    dialog.tabs.setCurrentWidget(dialog.export)
    page = dialog.export
    click(page.browse_button)
    picker = dialog.findChild(QFileDialog, "exportFolderPicker")
    assert picker is not None and picker.isVisible()  # opened with open(), not exec()
    assert Path(picker.directory().absolutePath()) == tmp_path  # starts at the current folder
    name_field = picker.findChild(QLineEdit, "fileNameEdit")  # Qt's own dialog offscreen
    type_into(name_field, chosen.name)
    QTest.keyClick(name_field, Qt.Key.Key_Return)
    assert not picker.isVisible()
    assert harness.services.preferences.export_folder == chosen
    assert page.folder_edit.text() == str(chosen)
    assert page.folder_note.property("role") == "hint"


def test_parent_is_a_plain_widget(harness: Harness) -> None:
    """The stub's signature is kept: SettingsDialog(services, parent)."""
    parent = harness.keep(QWidget())
    dialog = SettingsDialog(harness.services, parent)
    assert dialog.parent() is parent and not dialog.isVisible()
