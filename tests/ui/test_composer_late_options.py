"""The composer's controls for late-2026 options: shown only where the model takes them, set
like a user sets them, and sent as the engine expects (protocol.md §11)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSpinBox

from studio.domain.model_spec import ProtocolId
from studio.domain.request import GenerationRequest, Reference
from studio.engine.plan import plan_request
from tests.helpers.gui import context_action
from tests.ui.conftest import Harness
from tests.ui.test_composer_helpers import choose_model, make_composer, png_file

LATE_ROWS = ("fidelity", "compression", "moderation", "complexity", "frames", "thinking",
             "series", "watermark", "safety")  # fmt: skip


def _pick(box, value: str) -> None:
    """Choose ``value`` in a combo box with the keyboard, as a user would."""
    box.setFocus()
    index = box.findData(value)
    assert index >= 0, value
    while box.currentIndex() != index:
        QTest.keyClick(box, Qt.Key.Key_Down if box.currentIndex() < index else Qt.Key.Key_Up)


def _type_number(box: QSpinBox, value: int) -> None:
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, str(value))
    QTest.keyClick(box, Qt.Key.Key_Tab)


def _composer(harness: Harness, model: str):
    panel = make_composer(harness, model)
    QTest.keyClicks(panel.prompt, "a lamp by the window")
    return panel


def _visible(panel) -> set[str]:
    return {row for row in LATE_ROWS if panel.options.row_visible(row)}


def test_gpt_image_2_6_compression_for_jpeg_and_webp_frames_for_gif(harness: Harness) -> None:
    panel = _composer(harness, "gpt-image-2.6")
    options, late = panel.options, panel.options.late
    assert _visible(panel) == {"moderation", "complexity"}  # nothing shown it cannot take
    _pick(options.format_box, "webp")
    assert _visible(panel) == {"moderation", "complexity", "compression"}
    assert panel.request().output_compression is None  # untouched: the model's default
    _type_number(late.compression_box, 70)
    _pick(late.complexity_box, "low")
    request = panel.request()
    assert (request.output_format, request.output_compression) == ("webp", 70)
    assert request.complexity == "low"

    _pick(options.format_box, "gif")
    assert "frames" in _visible(panel) and "compression" not in _visible(panel)
    assert panel.request().output_compression is None  # hidden with its format: not sent
    assert late.frame_count_box.maximum() == 24
    _type_number(late.frame_count_box, 6)
    _type_number(late.frame_duration_box, 120)
    request = panel.request()
    assert (request.frame_count, request.frame_duration_ms) == (6, 120)
    assert plan_request(request, panel.spec).notes == ()
    for name in ("compressionBox", "frameCountBox", "frameDurationBox"):
        assert options.findChild(QSpinBox, name) is not None  # named for themes and tests
    assert late.frame_count_box.toolTip() and late.compression_box.toolTip()


def test_input_fidelity_is_offered_for_edits_of_models_that_take_it(
    harness: Harness, tmp_path: Path
) -> None:
    panel = _composer(harness, "gpt-image-1")
    assert "fidelity" not in _visible(panel)  # a generation has no references to keep
    panel.add_reference(Reference("cat.png", png_file(tmp_path, "cat.png")))
    assert "fidelity" in _visible(panel)
    _pick(panel.options.late.fidelity_box, "high")
    assert panel.request().input_fidelity == "high"
    choose_model(panel, "gpt-image-1-mini")  # no input fidelity: the row goes, the value too
    assert "fidelity" not in _visible(panel)
    assert panel.request().input_fidelity is None


def test_a_seedream_series_and_its_watermark(harness: Harness) -> None:
    panel = _composer(harness, "doubao-seedream-4-0-250828")
    late = panel.options.late
    assert {"series", "watermark"} <= _visible(panel)
    assert not late.max_images_box.isEnabled()
    QTest.mouseClick(late.series_check, Qt.MouseButton.LeftButton)
    assert late.max_images_box.isEnabled() and late.max_images_box.maximum() == 15
    _type_number(late.max_images_box, 3)
    _pick(late.watermark_box, "off")
    request = panel.request()
    assert (request.sequential, request.max_images, request.watermark) == ("auto", 3, False)
    assert plan_request(request, panel.spec).notes == ()
    assert late.series_check.toolTip()
    choose_model(panel, "seedream-5-0-pro-260628")  # the pro model makes no series
    assert "series" not in _visible(panel)
    assert (panel.request().sequential, panel.request().max_images) == (None, None)


def test_gemini_3_1_flash_thinking_512_and_the_long_ratios(harness: Harness) -> None:
    panel = _composer(harness, "gemini-3.1-flash-image-preview")
    options = panel.options
    assert _visible(panel) == {"thinking"}
    assert options.resolution_buttons.options() == ["512", "1K", "2K", "4K"]
    for ratio in ("1:4", "4:1", "1:8", "8:1"):
        assert options.ratio_buttons.button(ratio) is not None, ratio
    QTest.mouseClick(options.resolution_buttons.button("512"), Qt.MouseButton.LeftButton)
    QTest.mouseClick(options.ratio_buttons.button("8:1"), Qt.MouseButton.LeftButton)
    _pick(options.late.thinking_box, "high")
    request = panel.request()
    assert (request.resolution, request.ratio, request.thinking) == ("512", "8:1", "high")
    assert plan_request(request, panel.spec).protocol is ProtocolId.GEMINI


def test_flux_2_safety_tolerance(harness: Harness) -> None:
    panel = _composer(harness, "flux-2-pro")
    late = panel.options.late
    assert _visible(panel) == {"safety"}
    assert late.safety_box.text() == "Default" and panel.request().safety_tolerance is None
    assert late.safety_box.maximum() == 5
    _type_number(late.safety_box, 2)
    assert panel.request().safety_tolerance == 2


def test_a_reference_becomes_the_markup_overlay_from_its_tile_menu(
    harness: Harness, tmp_path: Path
) -> None:
    panel = _composer(harness, "gpt-image-1")
    assert not panel.markup_row.isVisible()  # gpt-image-1 takes no overlay
    choose_model(panel, "gpt-image-2.6")
    assert panel.markup_row.isVisible() and not panel.markup_row.remove_button.isVisible()
    photo = Reference("photo.png", png_file(tmp_path, "photo.png"))
    arrows = Reference("arrows.png", png_file(tmp_path, "arrows.png"))
    panel.add_reference(photo)
    panel.add_reference(arrows)
    action = context_action(panel.tray.tiles[1], "use_as_markup")
    action.trigger()
    assert panel.tray.references() == (photo,)
    assert panel.markup_row.status.text() == "Overlay: arrows.png"
    request = panel.request()
    assert request.markup == arrows and request.references == (photo,)
    assert plan_request(request, panel.spec).notes == ()
    QTest.mouseClick(panel.markup_row.remove_button, Qt.MouseButton.LeftButton)
    assert panel.request().markup is None and not panel.markup_row.status.isVisible()


def test_the_markup_action_is_only_on_models_that_take_an_overlay(
    harness: Harness, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMenu

    panel = _composer(harness, "gpt-image-1")
    panel.add_reference(Reference("photo.png", png_file(tmp_path, "photo.png")))
    context_action(panel.tray.tiles[0], "paint_mask")  # opens the menu
    menu = panel.tray.tiles[0].findChildren(QMenu)[-1]
    assert "use_as_markup" not in [action.objectName() for action in menu.actions()]


def test_a_restored_request_fills_the_late_controls(harness: Harness, tmp_path: Path) -> None:
    panel = _composer(harness, "gpt-image-1")
    photo = Reference("photo.png", png_file(tmp_path, "photo.png"))
    overlay = Reference("over.png", png_file(tmp_path, "over.png"))
    request = GenerationRequest(
        "the same lamp, moved",
        "gpt-image-2.6",
        references=(photo,),
        markup=overlay,
        output_format="gif",
        frame_count=5,
        frame_duration_ms=200,
        complexity="medium",
        moderation="low",
    )
    panel.set_request(request)
    assert not panel.footer.error_label.text()  # nothing left out
    again = panel.request()
    assert (again.frame_count, again.frame_duration_ms) == (5, 200)
    assert (again.complexity, again.moderation, again.markup) == ("medium", "low", overlay)


def test_an_unlisted_protocol_can_be_chosen_and_is_restored(
    harness: Harness, tmp_path: Path
) -> None:
    panel = _composer(harness, "nano-banana-2")
    options = panel.options
    panel.add_reference(Reference("street.png", png_file(tmp_path, "street.png")))
    QTest.mouseClick(options.advanced_toggle, Qt.MouseButton.LeftButton)
    _pick(options.protocol_box, "images-json-edit")
    QTest.mouseClick(options.ratio_buttons.button("16:9"), Qt.MouseButton.LeftButton)
    QTest.mouseClick(options.resolution_buttons.button("2K"), Qt.MouseButton.LeftButton)
    request = panel.request()
    assert request.protocol is ProtocolId.IMAGES_JSON_EDIT
    assert (request.ratio, request.resolution) == ("16:9", "2K")  # json-edit carries both
    (note,) = plan_request(request, panel.spec).notes
    assert "not listed for nano-banana-2" in note.message

    panel.set_request(GenerationRequest("again", "gpt-image-1"))
    panel.set_request(request)  # reuse settings: the choice comes back, nothing left out
    assert panel.request().protocol is ProtocolId.IMAGES_JSON_EDIT
    assert not panel.footer.error_label.text()
    choose_model(panel, "gpt-image-1")  # another model: its own protocols
    assert panel.request().protocol is None


def test_dall_e_2_is_offered_with_its_retirement_date(harness: Harness) -> None:
    panel = _composer(harness, "dall-e-2")
    assert "retired 2026-05" in panel.caps_label.text()
    QTest.mouseClick(panel.picker, Qt.MouseButton.LeftButton)
    popup = panel.picker.popup
    assert popup is not None
    QTest.keyClicks(popup.search, "dall-e-2")
    (row,) = [item for item in popup.models() if item.data(0, Qt.ItemDataRole.UserRole)
              == "dall-e-2"]  # fmt: skip
    assert "retired 2026-05" in row.text(1)
    QTest.keyClick(popup.search, Qt.Key.Key_Escape)
