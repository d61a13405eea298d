"""Generate and Show request: validation in plain words, the exact HTTP request, end to end."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.domain.job import JobState
from studio.domain.profile import AuthStyle, Profile
from studio.domain.request import GenerationRequest, Mask, Reference
from studio.protocols.base import HttpCall
from studio.ui.composer.request_text import describe_call, shorten
from studio.ui.main_window import MainWindow
from tests.ui.conftest import Harness
from tests.ui.test_composer_helpers import choose_model, drop, make_composer, png_file

CTRL = Qt.KeyboardModifier.ControlModifier


def _files(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def test_request_preview_hides_the_key_and_lists_the_parts(
    harness: Harness, tmp_path: Path
) -> None:
    panel = make_composer(harness)
    images = [png_file(tmp_path, "cat.png", (96, 64)), png_file(tmp_path, "hat.png", (64, 64))]

    async def scenario() -> None:
        QTest.keyClicks(panel.prompt, "put the hat on the cat")
        assert drop(panel.tray, _files(*images))
        QTest.mouseClick(panel.show_request_button, Qt.MouseButton.LeftButton)
        dialog = panel._request_dialog
        assert dialog is not None and dialog.isVisible() and not dialog.isModal()
        await harness.until(lambda: dialog.ready)
        text = dialog.text.toPlainText()
        assert harness.profile.api_key not in text
        assert "Authorization: Bearer ••••••" in text
        assert f"POST {harness.sim.url}/v1/images/edits" in text
        assert "multipart/form-data" in text
        assert text.count("image[]") == 2
        assert "ref-1.png" in text and "ref-2.png" in text and "image/png" in text
        assert "prompt = put the hat on the cat" in text
        assert "model = gpt-image-1" in text

    harness.run(scenario())


def test_request_preview_of_a_json_body_shortens_base64(harness: Harness, tmp_path: Path) -> None:
    panel = make_composer(harness, "nano-banana-2-2k")
    image = png_file(tmp_path, "big.png", (400, 300))

    async def scenario() -> None:
        QTest.keyClicks(panel.prompt, "a watercolour")
        assert drop(panel.tray, _files(image))
        panel.tray.add([Reference(name="web.png", url="https://example.com/web.png")])
        dialog = panel.show_request()
        assert dialog is not None
        await harness.until(lambda: dialog.ready)
        text = dialog.text.toPlainText()
        assert '"model": "nano-banana-2-2k"' in text
        assert "https://example.com/web.png" in text  # a link stays a link, never fetched
        assert "data:image/png;base64,iVBORw0KGgo…(+" in text
        assert len(text) < 4000

    harness.run(scenario())


def test_shorten_keeps_ordinary_text() -> None:
    payload = "iVBORw0KGgo" + "A" * 183_204
    assert shorten(payload) == "iVBORw0KGgo…(+183 204 chars)"
    assert shorten("a cat in a hat") == "a cat in a hat"
    assert shorten("word " * 100) == "word " * 100


def test_an_invalid_request_is_explained_inline_and_not_sent(
    harness: Harness, tmp_path: Path
) -> None:
    panel = make_composer(harness)
    sent: list[GenerationRequest] = []
    panel.generate_requested.connect(lambda request, _profile: sent.append(request))

    async def scenario() -> None:
        QTest.keyClicks(panel.prompt, "a castle")
        assert drop(panel.tray, _files(png_file(tmp_path, "ref.png")))
        choose_model(panel, "dall-e-3")  # the reference is kept, flagged, and refused here
        QTest.keyClick(panel.prompt, Qt.Key.Key_Return, CTRL)
        assert sent == []
        assert panel.error_label.isVisible()
        assert panel.error_label.text() == "dall-e-3 does not take reference images."
        QTest.mouseClick(panel.show_request_button, Qt.MouseButton.LeftButton)
        assert panel._request_dialog is None  # nothing to show for a request that cannot go
        panel.tray.remove(0)  # fixing it clears the message; then it goes
        assert not panel.error_label.isVisible()
        QTest.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
        assert [r.model for r in sent] == ["dall-e-3"]

    harness.run(scenario())


def test_an_empty_prompt_is_explained(harness: Harness) -> None:
    panel = make_composer(harness)
    sent: list[GenerationRequest] = []
    panel.generate_requested.connect(lambda request, _profile: sent.append(request))
    QTest.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
    assert sent == []
    assert panel.error_label.text() == "Write a prompt first: it is empty."


def test_set_request_fills_every_field(harness: Harness, tmp_path: Path) -> None:
    panel = make_composer(harness, "flux")
    image = png_file(tmp_path, "ref.png")
    mask = Mask(png=b"\x89PNG", width=64, height=48)
    request = GenerationRequest(
        prompt="a boat at dawn",
        model="gpt-image-1",
        references=(Reference(name="ref.png", path=image),),
        mask=mask,
        ratio="2:3",
        n=2,
        quality="high",
        output_format="webp",
        background="opaque",
        extra={"user": "designer"},
    )

    async def scenario() -> None:
        panel.set_request(request, "sim")
        assert panel.picker.model() == "gpt-image-1"
        assert panel.prompt.toPlainText() == "a boat at dawn"
        assert panel.options.ratio_buttons.value() == "2:3"
        assert panel.mask_status.isVisible()
        assert panel.request() == request
        choose_model(panel, "gpt-image-1-mini")  # another model: the hidden extras go
        assert panel.request().extra == {}
        assert panel.request().mask is mask

    harness.run(scenario())


def test_generate_from_the_composer_runs_a_job_end_to_end(harness: Harness) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()
    composer = window.composer
    finished = []
    harness.bridge.job_changed.connect(
        lambda job: finished.append(job) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        await window.ready()
        choose_model(composer, "flux")
        QTest.mouseClick(composer.options.ratio_buttons.button("16:9"), Qt.MouseButton.LeftButton)
        composer.focus_prompt()
        QTest.keyClicks(composer.prompt, "a paper kite over the dunes")
        QTest.keyClick(composer.prompt, Qt.Key.Key_Return, CTRL)
        await harness.until(lambda: finished)

    harness.run(scenario())
    job = finished[0]
    assert job.state is JobState.SUCCEEDED
    assert job.request.prompt == "a paper kite over the dunes"
    assert job.request.model == "flux" and job.request.ratio == "16:9"
    assert harness.services.preferences.prompt_history[0] == "a paper kite over the dunes"
    assert composer.prompt.toPlainText() == "a paper kite over the dunes"


def test_a_web_reference_is_shown_by_its_link_not_fetched(harness: Harness) -> None:
    panel = make_composer(harness)
    link = "https://example.com/photos/dog.jpg"

    async def scenario() -> None:
        QTest.keyClicks(panel.prompt, "the dog in a raincoat")
        panel.add_reference(Reference(name="dog.jpg", url=link))
        dialog = panel.show_request()
        assert dialog is not None
        await harness.until(lambda: dialog.ready)
        text = dialog.text.toPlainText()
        assert f"image  ref-1.png  image/png  downloaded from {link} when sent" in text

    harness.run(scenario())


def test_in_the_window_the_prompt_has_the_keyboard_and_ctrl_v_pastes(harness: Harness) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()
    window.activateWindow()
    picture = QImage(32, 32, QImage.Format.Format_RGB32)
    picture.fill(QColor("#aa3300"))

    async def scenario() -> None:
        await window.ready()
        await harness.until(lambda: QApplication.activeWindow() is window)
        assert QApplication.focusWidget() is window.composer.prompt
        window.profile_box.setFocus()  # anywhere in the window but a text field
        assert QApplication.focusWidget() is window.profile_box
        QGuiApplication.clipboard().setImage(picture)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, CTRL)
        await harness.until(lambda: len(window.composer.tray.references()) == 1)

    harness.run(scenario())


def test_the_preview_url_carries_the_query_and_other_key_headers() -> None:
    profile = Profile(name="g", base_url="https://relay.example/v1beta/", api_key="AIza-secret")
    call = HttpCall.with_json(
        "/v1/images/generations",
        {"prompt": "x"},
        auth=AuthStyle.GOOG_API_KEY,
        params={"async": "true"},
    )
    text = describe_call(call, profile)
    assert text.startswith("POST https://relay.example/v1/images/generations?async=true\n")
    assert "x-goog-api-key: ••••••" in text
    assert "AIza-secret" not in text
    assert '"prompt": "x"' in text


def test_the_composer_leaves_the_engine_to_the_warm_up() -> None:
    """The window imports the composer at start-up: no HTTP stack, no Pillow, no engine yet."""
    heavy = ("httpx", "PIL", "studio.engine.plan", "studio.engine.prepare")
    code = f"import sys, studio.ui.composer.panel; sys.exit(any(m in sys.modules for m in {heavy}))"
    assert subprocess.run([sys.executable, "-c", code], check=False, timeout=60).returncode == 0


def test_a_mask_on_reference_one_goes_with_it_and_goes_when_it_changes(
    harness: Harness, tmp_path: Path
) -> None:
    panel = make_composer(harness)
    first, second = png_file(tmp_path, "a.png", (64, 48)), png_file(tmp_path, "b.png")
    buffer = io.BytesIO()
    Image.new("L", (64, 48), 0).save(buffer, "PNG")
    mask = Mask(png=buffer.getvalue(), width=64, height=48)

    async def scenario() -> None:
        QTest.keyClicks(panel.prompt, "a window in the wall")
        assert drop(panel.tray, _files(first, second))
        panel.mask = mask  # what the mask painter will hand over
        assert panel.request().mask is mask
        assert panel.mask_status.text() == "A mask is set on #1."
        dialog = panel.show_request()
        assert dialog is not None
        await harness.until(lambda: dialog.ready)
        assert "\n  mask " in dialog.text.toPlainText()
        panel.tray.remove(0)
        assert panel.mask is None and panel.request().mask is None
        assert panel.mask_status.text() == "The mask was removed: reference #1 changed."

    harness.run(scenario())
