"""The prompt: typing, a real Ctrl+Return, the character count, negative prompt, history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studio.domain.request import GenerationRequest
from tests.ui.conftest import Harness
from tests.ui.test_composer_helpers import choose_model, make_composer

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_return_in_the_prompt_emits_the_request(harness: Harness) -> None:
    panel = make_composer(harness)
    sent: list[tuple[GenerationRequest, str]] = []
    panel.generate_requested.connect(lambda request, profile: sent.append((request, profile)))

    async def scenario() -> None:
        choose_model(panel, "gpt-image-1")
        QTest.mouseClick(panel.options.ratio_buttons.button("3:2"), Qt.MouseButton.LeftButton)
        panel.options.n_box.setValue(3)
        panel.focus_prompt()
        QTest.keyClicks(panel.prompt, "a snow leopard on a cliff")
        QTest.keyClick(panel.prompt, Qt.Key.Key_Return, CTRL)

    harness.run(scenario())
    assert len(sent) == 1
    request, profile = sent[0]
    assert profile == "sim"
    assert request.prompt == "a snow leopard on a cliff"
    assert request.model == "gpt-image-1"
    assert request.ratio == "3:2"
    assert request.n == 3
    assert request.references == ()
    assert panel.prompt.toPlainText() == "a snow leopard on a cliff"  # kept for the next one
    assert "\n" not in panel.prompt.toPlainText()  # Ctrl+Return did not type a line break


def test_the_enter_key_of_the_keypad_also_generates(harness: Harness) -> None:
    panel = make_composer(harness, "flux")
    sent: list[GenerationRequest] = []
    panel.generate_requested.connect(lambda request, _profile: sent.append(request))
    QTest.keyClicks(panel.prompt, "a kite")
    QTest.keyClick(panel.prompt, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    QTest.keyClick(panel.prompt, Qt.Key.Key_Return)  # a plain Return is a new line
    assert [r.prompt for r in sent] == ["a kite"]
    assert panel.prompt.toPlainText() == "a kite\n"


def test_character_count_turns_to_the_error_colour_over_the_limit(harness: Harness) -> None:
    panel = make_composer(harness, "dall-e-3")
    sent: list[GenerationRequest] = []
    panel.generate_requested.connect(lambda request, _profile: sent.append(request))
    QTest.keyClicks(panel.prompt, "a red fox")
    assert panel.count_label.text() == "9 / 4000"
    assert panel.count_label.property("role") == "hint"
    panel.prompt.setPlainText("x" * 4001)
    assert panel.count_label.text() == "4001 / 4000"
    assert panel.count_label.property("role") == "error"
    panel.generate()
    assert sent == []
    assert panel.error_label.isVisible()
    assert panel.error_label.text() == (
        "The prompt has 4001 characters; dall-e-3 takes at most 4000."
    )
    QTest.keyClick(panel.prompt, Qt.Key.Key_End, CTRL)
    QTest.keyClick(panel.prompt, Qt.Key.Key_Backspace)  # editing clears the stale message
    assert not panel.error_label.isVisible()
    assert panel.count_label.property("role") == "hint"


def test_negative_prompt_only_for_models_that_take_one(harness: Harness) -> None:
    panel = make_composer(harness, "gpt-image-1")
    assert not panel.negative.isVisible()

    async def scenario() -> None:
        choose_model(panel, "qwen-image")
        assert panel.negative.isVisible()
        QTest.keyClicks(panel.prompt, "a teapot")
        QTest.keyClicks(panel.negative, "blur")
        assert panel.request().negative_prompt == "blur"
        choose_model(panel, "flux")
        assert not panel.negative.isVisible()
        assert panel.request().negative_prompt is None

    harness.run(scenario())


def test_history_button_and_ctrl_up_down_recall_prompts(harness: Harness) -> None:
    preferences = harness.services.preferences
    for prompt in ("a red barn", "a blue whale", "a green lantern"):
        preferences.remember_prompt(prompt)
    panel = make_composer(harness, "flux")
    QTest.keyClicks(panel.prompt, "my draft")
    QTest.keyClick(panel.prompt, Qt.Key.Key_Up, CTRL)
    assert panel.prompt.toPlainText() == "a green lantern"  # the newest first
    QTest.keyClick(panel.prompt, Qt.Key.Key_Up, CTRL)
    assert panel.prompt.toPlainText() == "a blue whale"
    QTest.keyClick(panel.prompt, Qt.Key.Key_Down, CTRL)
    QTest.keyClick(panel.prompt, Qt.Key.Key_Down, CTRL)
    assert panel.prompt.toPlainText() == "my draft"
    panel.prompt.undo()  # recalling is undoable like any edit
    assert panel.prompt.toPlainText() == "a green lantern"

    QTest.mouseClick(panel.history_button, Qt.MouseButton.LeftButton)
    popup = panel._history_popup
    assert popup is not None and popup.isVisible()
    assert len(popup.visible_items()) == 3
    QTest.keyClicks(popup.search, "whale")
    assert [item.text() for item in popup.visible_items()] == ["a blue whale"]
    QTest.keyClick(popup.search, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert panel.prompt.toPlainText() == "a blue whale"


def test_prompt_has_the_keyboard_when_shown(harness: Harness) -> None:
    panel = make_composer(harness)
    panel.activateWindow()
    QTest.qWaitForWindowActive(panel)
    assert panel.focusWidget() is panel.prompt
