"""The model picker and the settings it brings: only what the model supports, kept on a switch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studio.domain.model_spec import ProtocolId
from studio.engine.composition.options import OptionValues, fit
from tests.ui.conftest import Harness
from tests.ui.test_composer_helpers import choose_model, make_composer


def _combo_values(box) -> list[str]:
    return [box.itemData(i) for i in range(box.count()) if box.itemData(i)]


def test_picker_groups_by_family_and_filters_as_you_type(harness: Harness) -> None:
    panel = make_composer(harness)
    QTest.mouseClick(panel.picker, Qt.MouseButton.LeftButton)
    popup = panel.picker.popup
    assert popup is not None and popup.isVisible()
    headers = [popup.list.topLevelItem(i).text(0) for i in range(popup.list.topLevelItemCount())]
    assert "GPT Image" in headers and "Nano Banana" in headers and "Midjourney" in headers
    listed = {item.data(0, Qt.ItemDataRole.UserRole) for item in popup.models()}
    assert listed == set(harness.catalog.ids())
    QTest.keyClicks(popup.search, "banana 2 4k")
    shown = [item.data(0, Qt.ItemDataRole.UserRole) for item in popup.models()]
    assert shown == ["nano-banana-2-4k"]
    QTest.keyClick(popup.search, Qt.Key.Key_Escape)  # Esc closes, nothing changes
    popup.close()
    assert panel.picker.model() == "gpt-image-1"


def test_a_name_the_catalog_lacks_can_be_used(harness: Harness) -> None:
    panel = make_composer(harness)
    QTest.mouseClick(panel.picker, Qt.MouseButton.LeftButton)
    popup = panel.picker.popup
    QTest.keyClicks(popup.search, "my-relay-model")
    QTest.keyClick(popup.search, Qt.Key.Key_Return)
    assert panel.picker.model() == "my-relay-model"
    assert "not in the catalog" in panel.caps_label.text()


def test_capabilities_line_under_the_picker(harness: Harness) -> None:
    panel = make_composer(harness)
    assert panel.caps_label.text() == "images · refs ≤ 16 · mask"
    choose_model(panel, "nano-banana-2")
    assert panel.caps_label.text() == "images · refs ≤ 14"
    choose_model(panel, "qwen-image-edit")
    assert panel.caps_label.text() == "images · refs 1–3 · edits only"


def test_pickers_show_only_what_the_model_supports(harness: Harness) -> None:
    panel = make_composer(harness)
    options = panel.options
    assert options.ratio_buttons.options() == ["1:1", "3:2", "2:3"]
    assert _combo_values(options.size_box) == ["auto", "1024x1024", "1536x1024", "1024x1536"]
    assert _combo_values(options.quality_box) == ["auto", "low", "medium", "high"]
    assert options.row_visible("background") and options.row_visible("format")
    assert not options.row_visible("style") and not options.row_visible("seed")
    assert not options.row_visible("resolution")
    assert options.n_box.maximum() == 10

    choose_model(panel, "nano-banana-2-2k")  # resolution fixed by the name: shown, disabled
    assert options.row_visible("resolution")
    assert options.resolution_buttons.options() == ["2K"]
    assert not options.resolution_buttons.isEnabled()
    assert not options.row_visible("size") and not options.row_visible("quality")
    assert not options.row_visible("n")

    choose_model(panel, "midjourney")  # free ratio: chips and an editable W:H field
    assert options.ratio_edit.isVisible()
    QTest.keyClicks(options.ratio_edit, "7:4")
    assert panel.request().ratio == "7:4"
    assert options.row_visible("seed")
    QTest.keyClicks(options.seed_edit, "1234")
    assert panel.request().seed == 1234

    choose_model(panel, "flux")
    assert not options.ratio_edit.isVisible()
    assert panel.request().seed == 1234  # flux takes a seed too: kept
    assert panel.request().ratio is None  # 7:4 is not one of flux's ratios


def test_switching_models_keeps_what_fits_and_drops_the_rest(harness: Harness) -> None:
    panel = make_composer(harness)
    options = panel.options
    QTest.mouseClick(options.ratio_buttons.button("3:2"), Qt.MouseButton.LeftButton)
    options.quality_box.setCurrentIndex(options.quality_box.findData("high"))
    options.format_box.setCurrentIndex(options.format_box.findData("webp"))
    options.background_box.setCurrentIndex(options.background_box.findData("transparent"))
    options.n_box.setValue(4)
    QTest.keyClicks(panel.prompt, "a lighthouse")

    choose_model(panel, "gpt-image-1-mini")  # same family: everything fits
    request = panel.request()
    assert (request.ratio, request.quality, request.output_format, request.background) == (
        "3:2",
        "high",
        "webp",
        "transparent",
    )
    assert request.n == 4

    choose_model(panel, "nano-banana-2")
    request = panel.request()
    assert request.prompt == "a lighthouse"
    assert request.ratio == "3:2"  # nano-banana-2 offers 3:2 too
    assert request.quality is None and request.output_format is None
    assert request.background is None and request.n == 1
    assert options.ratio_buttons.value() == "3:2"
    QTest.mouseClick(options.resolution_buttons.button("4K"), Qt.MouseButton.LeftButton)
    assert panel.request().resolution == "4K"

    choose_model(panel, "dall-e-3")
    request = panel.request()
    assert request.ratio is None and request.resolution is None  # neither fits dall-e-3
    assert options.ratio_buttons.value() is None
    assert _combo_values(options.quality_box) == ["standard", "hd"]
    assert _combo_values(options.style_box) == ["vivid", "natural"]


def test_a_size_and_a_ratio_that_disagree_do_not_both_stay(harness: Harness) -> None:
    panel = make_composer(harness)
    options = panel.options
    QTest.mouseClick(options.ratio_buttons.button("3:2"), Qt.MouseButton.LeftButton)
    options.size_box.setCurrentIndex(options.size_box.findData("1024x1536"))
    assert panel.request().ratio is None and panel.request().size == "1024x1536"
    QTest.mouseClick(options.ratio_buttons.button("1:1"), Qt.MouseButton.LeftButton)
    assert panel.request().ratio == "1:1" and panel.request().size is None
    QTest.mouseClick(options.ratio_buttons.button("1:1"), Qt.MouseButton.LeftButton)
    assert panel.request().ratio is None  # a second click leaves the ratio to the model


def test_protocol_is_advanced_and_defaults_to_the_catalog(harness: Harness) -> None:
    panel = make_composer(harness)
    options = panel.options
    assert not options.row_visible("protocol")
    QTest.mouseClick(options.advanced_toggle, Qt.MouseButton.LeftButton)
    assert options.row_visible("protocol")
    assert options.protocol_box.currentText() == "Automatic (images)"
    assert _combo_values(options.protocol_box) == [
        "images", "images-async", "chat",  # listed for the model; then the others, marked
        "images-json-edit", "gemini", "midjourney",
    ]  # fmt: skip
    unlisted = options.protocol_box.findData("gemini")
    assert options.protocol_box.itemText(unlisted) == "gemini (not listed for this model)"
    assert panel.request().protocol is None
    options.protocol_box.setCurrentIndex(options.protocol_box.findData("images-async"))
    assert panel.request().protocol is ProtocolId.IMAGES_ASYNC
    assert panel.caps_label.text().startswith("images-async")
    choose_model(panel, "gemini-2.5-flash-image")
    assert panel.request().protocol is None


def test_fit_is_pure_and_clamps_n(harness: Harness) -> None:
    spec = harness.catalog.get("gpt-4o-image")
    values = OptionValues(ratio="16:9", size="1536x1024", n=8, quality="high", seed=5)
    assert fit(values, spec) == OptionValues(size="1536x1024", n=4)


def test_cost_estimate_only_where_the_catalog_knows_a_price(harness: Harness) -> None:
    panel = make_composer(harness)
    panel.options.n_box.setValue(2)
    assert panel.cost_label.isVisible()
    assert panel.cost_label.text() == "≈ US$0.08"
    choose_model(panel, "nano-banana-2")
    assert not panel.cost_label.isVisible()


def test_typing_on_the_model_button_opens_the_search(harness: Harness) -> None:
    panel = make_composer(harness)
    panel.picker.setFocus()
    QTest.keyClicks(panel.picker, "dall-e-2")
    popup = panel.picker.popup
    assert popup is not None and popup.isVisible()
    assert popup.search.text() == "dall-e-2"
    QTest.keyClick(popup.search, Qt.Key.Key_Return)
    assert panel.picker.model() == "dall-e-2"
    assert panel.options.ratio_buttons.options() == ["1:1"]


def test_the_capabilities_name_the_protocol_the_request_will_use(
    harness: Harness, tmp_path
) -> None:
    from studio.domain.request import Reference
    from tests.ui.test_composer_helpers import png_file

    panel = make_composer(harness, "nano-banana-2-2k")

    async def scenario() -> None:
        assert panel.caps_label.text().startswith("images ·")  # a generation goes by images
        image = png_file(tmp_path, "a.png")
        panel.add_reference(Reference(name="a.png", path=image))
        assert panel.caps_label.text().startswith("images-json-edit ·")  # an edit by JSON

    harness.run(scenario())
