"""The detail viewer: a real job's image, zoom and pan like a user, compare, the mask repair."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QPoint, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from studio.domain.request import GenerationRequest, Reference
from studio.imaging.masks import load_mask
from studio.imaging.results import validate_result
from studio.store.history import JobRecord
from studio.ui.detail import panel as detail_panel
from studio.ui.detail.panel import DetailPanel
from studio.ui.detail.viewer import ImageViewer
from studio.ui.pictures.picture import Picture, decode_picture
from tests.ui.conftest import Harness


async def finished(harness: Harness, request: GenerationRequest) -> JobRecord:
    job = await harness.manager.run(request, "sim")
    record = await harness.manager.run_in_store(harness.store.get, job.id)
    assert record is not None and record.images, job.error
    return record


def open_panel(harness: Harness) -> DetailPanel:
    panel = harness.keep(DetailPanel(harness.services))
    panel.resize(520, 760)
    panel.show()
    return panel


def shown_other_than(panel: DetailPanel, image_id: int) -> bool:
    shown = panel.shown_image
    return shown is not None and shown.id != image_id


def wheel(widget, at: QPointF, notches: int) -> None:
    event = QWheelEvent(
        at,
        widget.mapToGlobal(at),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_empty_state_says_what_to_do(harness: Harness) -> None:
    panel = open_panel(harness)
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.text() == "Select an image to see it here."


def test_shows_an_image_and_zooms_like_a_user(harness: Harness) -> None:
    panel = open_panel(harness)
    viewer = panel.viewer
    actions: list[tuple[str, int]] = []
    panel.action_requested.connect(lambda name, image_id: actions.append((name, image_id)))

    async def scenario() -> int:
        record = await finished(
            harness, GenerationRequest("a lighthouse at dusk", "gpt-image-1", quality="high")
        )
        image_id = record.images[0].id
        panel.show_image(image_id)
        await harness.until(viewer.has_picture)
        return image_id

    image_id = harness.run(scenario())
    assert panel.stack.currentWidget() is panel.splitter
    assert panel.info.prompt.text() == "a lighthouse at dusk"
    assert "gpt-image-1" in panel.info.fields["model"].text()
    assert "quality high" in panel.info.fields["settings"].text()
    assert "$" in panel.info.fields["cost"].text()  # the catalog knows gpt-image-1's price
    assert panel.info.fields["profile"].text() == "sim"

    fit_scale = viewer.scale
    assert viewer.fitted_mode and fit_scale < 1.0  # 1024 px in a ~500 px view
    QTest.mouseClick(panel.view_bar.actual, Qt.MouseButton.LeftButton)
    assert viewer.scale == 1.0 and not viewer.fitted_mode
    assert panel.view_bar.zoom_label.text() == "100 %"
    QTest.mouseClick(panel.view_bar.fit, Qt.MouseButton.LeftButton)
    assert viewer.fitted_mode and viewer.scale == fit_scale

    wheel(viewer, QPointF(viewer.rect().center()), 2)
    assert abs(viewer.scale - fit_scale * 1.25**2) < 1e-6

    # zoomed in, the wheel zooms around the pointer: the image point under it stays put
    QTest.mouseClick(panel.view_bar.actual, Qt.MouseButton.LeftButton)
    at = QPointF(viewer.width() * 0.3, viewer.height() * 0.4)
    before = viewer.image_rect()
    under = (at.x() - before.x()) / before.width(), (at.y() - before.y()) / before.height()
    wheel(viewer, at, 2)
    assert abs(viewer.scale - 1.25**2) < 1e-6
    after = viewer.image_rect()
    assert abs(after.x() + under[0] * after.width() - at.x()) < 0.5
    assert abs(after.y() + under[1] * after.height() - at.y()) < 0.5

    # drag pans; keys zoom; Ctrl+0 fits again, Ctrl+1 shows actual pixels
    QTest.mouseClick(panel.view_bar.actual, Qt.MouseButton.LeftButton)
    start = viewer.image_rect().topLeft()
    centre = viewer.rect().center()
    QTest.mousePress(viewer, Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseMove(viewer, centre + QPoint(-60, -40))
    QTest.mouseRelease(viewer, Qt.MouseButton.LeftButton, pos=centre + QPoint(-60, -40))
    moved = viewer.image_rect().topLeft() - start
    assert (round(moved.x()), round(moved.y())) == (-60, -40)
    viewer.setFocus()
    QTest.keyClick(viewer, Qt.Key.Key_Minus)
    assert abs(viewer.scale - 1 / 1.25) < 1e-6
    QTest.keyClick(viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.fitted_mode
    QTest.keyClick(viewer, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert viewer.scale == 1.0
    QTest.keyClick(viewer, Qt.Key.Key_Escape)  # Esc leaves the zoom
    assert viewer.fitted_mode

    QTest.mouseClick(panel.action_bar.buttons["favourite"], Qt.MouseButton.LeftButton)
    QTest.mouseClick(panel.action_bar.buttons["copy_prompt"], Qt.MouseButton.LeftButton)
    assert actions == [("favourite", image_id), ("copy_prompt", image_id)]

    # right-click: the same menu as on a gallery image
    centre = viewer.rect().center()
    QApplication.sendEvent(
        viewer,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre, viewer.mapToGlobal(centre)),
    )
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    menu.findChild(QAction, "use_as_reference").trigger()
    menu.close()
    assert actions[-1] == ("use_as_reference", image_id)


def _photo_and_mask(folder: Path) -> tuple[Path, Path]:
    source = folder / "photo.png"
    Image.effect_noise((400, 300), 50).convert("RGB").save(source)
    mask = Image.new("RGBA", (400, 300), (0, 0, 0, 255))
    ImageDraw.Draw(mask).rectangle((100, 80, 299, 219), fill=(0, 0, 0, 0))
    mask.save(folder / "mask.png")
    return source, folder / "mask.png"


def test_compare_slider_follows_the_mouse(harness: Harness, tmp_path: Path) -> None:
    source, _ = _photo_and_mask(tmp_path)
    panel = open_panel(harness)
    viewer = panel.viewer

    async def scenario() -> None:
        request = GenerationRequest(
            "the same room in autumn",
            "gpt-image-1",
            references=(Reference("photo.png", source),),
        )
        record = await finished(harness, request)
        panel.show_image(record.images[0].id)
        await harness.until(viewer.has_picture)
        assert panel.view_bar.compare.isEnabled()
        QTest.mouseClick(panel.view_bar.compare, Qt.MouseButton.LeftButton)
        await harness.until(viewer.has_other)

    harness.run(scenario())
    assert panel.view_bar.compare_with.isVisible()
    assert panel.view_bar.compare_with.currentText() == "Reference 1"
    assert viewer.comparing and viewer.split == 0.5
    line = QPoint(round(viewer.width() * 0.5), viewer.height() // 2)
    target = QPoint(round(viewer.width() * 0.25), viewer.height() // 2)
    QTest.mousePress(viewer, Qt.MouseButton.LeftButton, pos=line)
    QTest.mouseMove(viewer, target)
    QTest.mouseRelease(viewer, Qt.MouseButton.LeftButton, pos=target)
    assert abs(viewer.split - 0.25) < 0.01
    grab = viewer.grab().toImage()
    assert not grab.isNull()
    viewer.setFocus()
    QTest.keyClick(viewer, Qt.Key.Key_Escape)  # Esc leaves compare
    assert not viewer.comparing and not panel.view_bar.compare.isChecked()


def test_keep_original_outside_the_mask(harness: Harness, tmp_path: Path) -> None:
    source, mask_file = _photo_and_mask(tmp_path)
    harness.sim.set_faults("ignore-mask")
    panel = open_panel(harness)
    changed: list[bool] = []
    harness.bridge.history_changed.connect(lambda: changed.append(True))

    async def scenario() -> int:
        request = GenerationRequest(
            "a window in the wall",
            "gpt-image-1",
            references=(Reference("photo.png", source),),
            mask=load_mask(mask_file, "mask.png"),
        )
        record = await finished(harness, request)
        original = record.images[0].id
        panel.show_image(original)
        await harness.until(lambda: panel.info.fix_button is not None)
        assert "ignored the mask" in panel.findChild(object, "noticeText0").text()

        QTest.mouseClick(panel.view_bar.mask, Qt.MouseButton.LeftButton)
        await harness.until(panel.viewer.has_overlay)

        QTest.mouseClick(panel.info.fix_button, Qt.MouseButton.LeftButton)
        await harness.until(lambda: shown_other_than(panel, original))
        await harness.until(panel.viewer.has_picture)
        return original

    original = harness.run(scenario())
    assert changed
    shown = panel.shown_image
    assert shown is not None and shown.kind == "composite" and shown.derived_from == original
    assert "original kept outside the mask" in panel.findChild(object, "noticeText0").text()
    assert panel.view_bar.compare_with.itemText(0) == "Original result"


def test_a_late_answer_for_another_image_is_dropped(harness: Harness) -> None:
    panel = open_panel(harness)

    async def scenario() -> None:
        first = await finished(harness, GenerationRequest("first", "flux", ratio="16:9"))
        second = await finished(harness, GenerationRequest("second", "flux", ratio="1:1"))
        panel.show_image(first.images[0].id)
        panel.show_image(second.images[0].id)  # before the first one's answers came back
        await harness.until(lambda: shown_other_than(panel, first.images[0].id))
        await harness.until(panel.viewer.has_picture)
        await harness.until(lambda: not harness.bridge._tasks)  # every late answer is in

    harness.run(scenario())
    assert panel.info.prompt.text() == "second"
    size = panel.viewer.picture_size()
    assert size.width() == size.height()


def test_a_big_picture_decodes_off_the_gui_thread(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 4096² PNG decodes on a worker thread while the GUI thread keeps handling events.

    Checked by structure, not by a stopwatch: the decode runs on another thread, show_image
    returns at once, and a 5 ms timer keeps firing while the decode is in flight.
    """
    panel = open_panel(harness)
    decodes: list[tuple[str, float, float]] = []

    def traced(path: Path | None) -> Picture | None:
        started = time.perf_counter()
        picture = decode_picture(path)
        decodes.append((threading.current_thread().name, started, time.perf_counter()))
        return picture

    monkeypatch.setattr(detail_panel, "decode_picture", traced)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

    async def scenario() -> float:
        record = await finished(harness, GenerationRequest("a big one", "flux"))
        big = Image.radial_gradient("L").resize((4096, 4096)).convert("RGB")
        buffer = io.BytesIO()
        big.save(buffer, "PNG", compress_level=1)
        derived = await harness.manager.run_in_store(
            harness.store.add_derived_image, record.images[0], validate_result(buffer.getvalue())
        )
        timer.start()
        called = time.perf_counter()
        panel.show_image(derived.id)
        returned = time.perf_counter() - called
        await harness.until(panel.viewer.has_picture)
        panel.viewer.repaint()  # a frame of the full picture
        timer.stop()
        return returned

    returned = harness.run(scenario())
    assert panel.viewer.picture_size().width() == 4096
    assert returned < 0.05
    ((thread, started, ended),) = decodes
    assert thread != threading.main_thread().name
    assert len([t for t in ticks if started < t < ended]) >= 3  # the window kept ticking


def test_one_to_one_means_device_pixels_on_hidpi(qapp: QApplication) -> None:
    viewer = ImageViewer()
    viewer.devicePixelRatioF = lambda: 2.0  # a 200 % screen
    viewer.resize(400, 300)
    viewer.start(QSize(1000, 800))
    viewer.actual_size()
    assert viewer.scale == 1.0
    assert viewer.image_rect().width() == 500  # 1000 image px on 1000 device px
    viewer.fit()
    rect = viewer.image_rect()
    assert rect.height() <= 300 and rect.width() <= 400
    assert abs(viewer.scale - rect.width() * 2 / 1000) < 1e-9
    viewer.start(QSize(64, 48))  # a small image is not blown up past 1 logical px per pixel
    assert viewer.image_rect().width() == 64 and viewer.scale == 2.0
    viewer.deleteLater()
