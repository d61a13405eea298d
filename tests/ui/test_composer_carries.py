"""The composer offers only what the chosen protocol can carry to the relay, and says what a
restored request asked for that this model cannot take."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studio.domain.model_spec import ProtocolId
from studio.domain.request import GenerationRequest, Reference
from studio.engine.plan import plan_request
from tests.ui.conftest import Harness
from tests.ui.test_composer_helpers import choose_model, make_composer, png_file


def _choose_protocol(panel, protocol: str | None) -> None:
    options = panel.options
    if not options.advanced_toggle.isChecked():
        QTest.mouseClick(options.advanced_toggle, Qt.MouseButton.LeftButton)
    options.protocol_box.setCurrentIndex(options.protocol_box.findData(protocol or ""))


def test_options_chat_cannot_carry_are_hidden_and_not_sent(harness: Harness) -> None:
    panel = make_composer(harness)
    options = panel.options
    QTest.keyClicks(panel.prompt, "a red kite")
    options.quality_box.setCurrentIndex(options.quality_box.findData("high"))
    options.format_box.setCurrentIndex(options.format_box.findData("webp"))
    options.background_box.setCurrentIndex(options.background_box.findData("transparent"))
    QTest.mouseClick(options.ratio_buttons.button("3:2"), Qt.MouseButton.LeftButton)
    options.n_box.setValue(2)

    _choose_protocol(panel, "chat")
    for row in ("quality", "format", "background"):
        assert not options.row_visible(row), row
    assert options.row_visible("ratio") and options.row_visible("n")  # chat carries these
    request = panel.request()
    assert request.protocol is ProtocolId.CHAT
    assert (request.quality, request.output_format, request.background) == (None, None, None)
    assert (request.ratio, request.n) == ("3:2", 2)
    plan = plan_request(request, panel.spec)
    assert plan.notes == ()  # what the window sends, it shows

    _choose_protocol(panel, "images")  # back: the values were only hidden
    assert options.row_visible("quality")
    request = panel.request()
    assert (request.quality, request.output_format, request.background) == (
        "high",
        "webp",
        "transparent",
    )


def test_a_resolution_the_protocol_cannot_carry_is_not_offered(harness: Harness) -> None:
    panel = make_composer(harness, "nano-banana-2")
    options = panel.options
    QTest.mouseClick(options.resolution_buttons.button("4K"), Qt.MouseButton.LeftButton)
    assert panel.request().resolution == "4K"
    _choose_protocol(panel, "chat")
    assert not options.row_visible("resolution") and panel.request().resolution is None
    _choose_protocol(panel, None)  # automatic: images again
    assert options.row_visible("resolution") and panel.request().resolution == "4K"
    choose_model(panel, "gemini-2.5-flash-image")  # gemini sends no size for this model
    assert not options.row_visible("resolution")
    choose_model(panel, "gemini-3-pro-image-preview")  # ... but does for this one
    assert options.row_visible("resolution")


def test_the_negative_prompt_goes_where_the_protocol_cannot_carry_it(harness: Harness) -> None:
    harness.catalog.merge(
        {"model": {"negative-chat": {"family": "ideogram", "protocols": ["images", "chat"]}}}
    )
    panel = make_composer(harness, "negative-chat")
    assert panel.negative.isVisible()
    QTest.keyClicks(panel.prompt, "a cat")
    QTest.keyClicks(panel.negative, "dogs")
    assert panel.request().negative_prompt == "dogs"
    _choose_protocol(panel, "chat")
    assert not panel.negative.isVisible() and panel.request().negative_prompt is None
    assert not panel.options.row_visible("seed")


def test_a_restored_request_says_what_this_model_cannot_take(
    harness: Harness, tmp_path: Path
) -> None:
    panel = make_composer(harness)
    request = GenerationRequest(
        "a lamp",
        "gpt-image-1",
        references=(Reference("ref.png", path=png_file(tmp_path, "ref.png")),),
        quality="ultra",
        output_format="tiff",
        n=2,
    )

    async def scenario() -> None:
        panel.set_request(request)
        shown = panel.error_label.text()
        assert panel.error_label.isVisible()
        assert "quality “ultra”" in shown and "output format “tiff”" in shown
        restored = panel.request()
        assert (restored.quality, restored.output_format, restored.n) == (None, None, 2)
        panel.set_request(GenerationRequest("a lamp", "gpt-image-1", quality="high"))
        assert not panel.error_label.isVisible()  # everything fits: nothing to say
        panel.set_request(GenerationRequest("a lamp", "nano-banana-2-2k", resolution="2K"))
        assert not panel.error_label.isVisible()  # the model's name carries it
        chat = GenerationRequest("a lamp", "gpt-image-1", protocol=ProtocolId.CHAT, quality="low")
        panel.set_request(chat)
        assert "quality “low”" in panel.error_label.text()  # chat cannot carry it
        assert panel.request().quality is None

    harness.run(scenario())
