"""The prompt library in the window: "/" in the prompt, saving a prompt, the manager, files."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from studio.settings.prompt_library import SEEDS, PromptLibrary, SavedPrompt
from studio.ui.composer.panel import ComposerPanel
from studio.ui.prompts.hooks import PromptLibraryHooks
from tests.ui.conftest import Harness
from tests.ui.test_composer_helpers import make_composer

PRODUCT = next(seed for seed in SEEDS if seed.name == "Product shot")


def composer_with_library(harness: Harness) -> tuple[ComposerPanel, PromptLibraryHooks]:
    panel = make_composer(harness)
    hooks = PromptLibraryHooks(harness.services, panel.composition, panel.prompt, panel)
    return panel, hooks


def test_slash_and_a_word_list_saved_prompts_and_enter_inserts_one(harness: Harness) -> None:
    panel, hooks = composer_with_library(harness)
    popup = hooks.slash.popup

    async def scenario() -> None:
        await harness.until(lambda: hooks.prompts is not None)
        panel.focus_prompt()
        QTest.keyClicks(panel.prompt, "hero image: /")
        assert popup.isVisible()
        assert len(popup.names()) == len(SEEDS)  # "/" alone lists them all
        QTest.keyClicks(panel.prompt, "prod")
        assert popup.isVisible()
        assert popup.names()[0] == "Product shot"
        assert "Window-light portrait" not in popup.names()
        QTest.keyClick(panel.prompt, Qt.Key.Key_Return)

    harness.run(scenario())
    assert not popup.isVisible()
    assert panel.composition.prompt == "hero image: " + PRODUCT.text  # through the composition
    assert "\n" not in panel.prompt.toPlainText()  # Enter chose, it typed no line break
    panel.prompt.undo()  # one undoable edit
    assert panel.prompt.toPlainText() == "hero image: /prod"


def test_tags_are_searched_and_arrows_choose(harness: Harness) -> None:
    panel, hooks = composer_with_library(harness)
    popup = hooks.slash.popup

    async def scenario() -> None:
        await harness.until(lambda: hooks.prompts is not None)
        QTest.keyClicks(panel.prompt, "/photo")  # a tag of the product shot and the portrait
        assert popup.names() == ["Product shot", "Window-light portrait"]
        QTest.keyClick(panel.prompt, Qt.Key.Key_Down)
        QTest.keyClick(panel.prompt, Qt.Key.Key_Tab)

    harness.run(scenario())
    portrait = next(seed for seed in SEEDS if seed.name == "Window-light portrait")
    assert panel.composition.prompt == portrait.text


def test_escape_closes_and_leaves_the_text(harness: Harness) -> None:
    panel, hooks = composer_with_library(harness)
    popup = hooks.slash.popup

    async def scenario() -> None:
        await harness.until(lambda: hooks.prompts is not None)
        QTest.keyClicks(panel.prompt, "/poster")
        assert popup.isVisible()
        QTest.keyClick(panel.prompt, Qt.Key.Key_Escape)
        assert not popup.isVisible()
        QTest.keyClicks(panel.prompt, " and more")  # stays closed while typing on
        assert not popup.isVisible()

    harness.run(scenario())
    assert panel.composition.prompt == "/poster and more"


def test_a_slash_inside_a_word_or_matching_nothing_opens_nothing(harness: Harness) -> None:
    panel, hooks = composer_with_library(harness)
    popup = hooks.slash.popup

    async def scenario() -> None:
        await harness.until(lambda: hooks.prompts is not None)
        QTest.keyClicks(panel.prompt, "black/white")
        assert not popup.isVisible()
        QTest.keyClicks(panel.prompt, " /zzz")
        assert not popup.isVisible()
        QTest.keyClick(panel.prompt, Qt.Key.Key_Return)  # a plain Return: a new line again

    harness.run(scenario())
    assert panel.composition.prompt == "black/white /zzz\n"


def test_save_the_prompt_being_composed(harness: Harness, tmp_path: Path) -> None:
    panel, hooks = composer_with_library(harness)
    panel.composition.prompt = "a {animal} in {style}, children's book illustration"
    dialog = hooks.save_prompt()

    async def scenario() -> None:
        assert dialog.isVisible()
        assert "{animal}, {style}" in dialog.variables_label.text()
        dialog.name_edit.clear()
        QTest.keyClicks(dialog.name_edit, "Picture book")
        QTest.keyClicks(dialog.tags_edit, "kids, illustration")
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await harness.until(lambda: not dialog.isVisible())
        await harness.until(lambda: any(p.name == "Picture book" for p in hooks.prompts or []))
        QTest.keyClicks(panel.prompt, " /kids")
        assert hooks.slash.popup.names() == ["Picture book"]

    harness.run(scenario())
    saved = PromptLibrary().get("Picture book")
    assert saved.tags == ("kids", "illustration")
    assert saved.variables == ["animal", "style"]
    assert len(PromptLibrary().load()) == len(SEEDS) + 1  # the examples are written out too


def test_saving_under_a_taken_name_asks_to_replace(harness: Harness) -> None:
    panel, hooks = composer_with_library(harness)
    panel.composition.prompt = "a better product shot"
    dialog = hooks.save_prompt()

    async def scenario() -> None:
        dialog.name_edit.setText("product shot")  # names ignore case
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await harness.until(lambda: dialog.error_label.isVisible())
        assert "already saved" in dialog.error_label.text()
        assert dialog.isVisible()
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await harness.until(lambda: not dialog.isVisible())

    harness.run(scenario())
    names = [prompt.name for prompt in PromptLibrary().load()]
    assert names.count("product shot") == 1 and "Product shot" not in names
    assert PromptLibrary().get("Product shot").text == "a better product shot"


def test_the_editor_menu_offers_to_save(harness: Harness) -> None:
    panel, hooks = composer_with_library(harness)
    position = QPoint(10, 10)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, position, panel.prompt.mapToGlobal(position)
    )
    QApplication.sendEvent(panel.prompt.viewport(), event)
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert menus and hooks.save_action in menus[-1].actions()
    menus[-1].close()


def test_manager_renames_tags_deletes_and_round_trips_a_file(
    harness: Harness, tmp_path: Path
) -> None:
    panel, hooks = composer_with_library(harness)
    manager = hooks.open_manager()
    exported = tmp_path / "mine.json"

    async def scenario() -> None:
        await harness.until(lambda: "Product shot" in manager.names())
        assert manager.select("Product shot")
        manager.name_edit.clear()
        QTest.keyClicks(manager.name_edit, "Packshot")
        manager.tags_edit.setText("product, white background")
        manager.tags_edit.textEdited.emit(manager.tags_edit.text())
        QTest.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
        await harness.until(lambda: "Packshot" in manager.names())
        assert "Product shot" not in manager.names()

        manager.export_file(exported)
        await harness.until(lambda: exported.is_file() and "exported" in manager.status.text())

        assert manager.select("Packshot")
        box = manager.ask_delete()
        assert box is not None
        QTest.mouseClick(box.button(box.StandardButton.Yes), Qt.MouseButton.LeftButton)
        await harness.until(lambda: "Packshot" not in manager.names())

        manager.import_file(exported)
        await harness.until(lambda: "Packshot" in manager.names())
        assert "1 added" in manager.status.text()
        assert f"{len(SEEDS) - 1} already here" in manager.status.text()

        manager.select("Packshot")
        QTest.mouseClick(manager.use_button, Qt.MouseButton.LeftButton)

    harness.run(scenario())
    packshot = PromptLibrary().get("Packshot")
    assert packshot.tags == ("product", "white background")
    assert panel.composition.prompt == PRODUCT.text
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert {entry["name"] for entry in document["prompts"]} >= {"Packshot", "产品主图"}


def test_importing_a_file_that_is_not_a_library_says_so(harness: Harness, tmp_path: Path) -> None:
    _, hooks = composer_with_library(harness)
    manager = hooks.open_manager()
    wrong = tmp_path / "notes.json"
    wrong.write_text('{"hello": 1}', encoding="utf-8")

    async def scenario() -> None:
        await harness.until(lambda: manager.names())
        manager.import_file(wrong)
        await harness.until(lambda: manager.status.property("role") == "error")

    harness.run(scenario())
    assert "not a prompt library" in manager.status.text()
    assert len(PromptLibrary().load()) == len(SEEDS)


def test_a_library_prompt_with_variables_round_trips(harness: Harness) -> None:
    library = PromptLibrary()
    library.add(SavedPrompt("Kite", "a {colour} kite over {place}", ("kite",)))
    panel, hooks = composer_with_library(harness)

    async def scenario() -> None:
        await harness.until(lambda: hooks.prompts is not None)
        QTest.keyClicks(panel.prompt, "/kite")
        QTest.keyClick(panel.prompt, Qt.Key.Key_Enter)

    harness.run(scenario())
    assert panel.composition.prompt == "a {colour} kite over {place}"
