"""The whole window driven like a designer: compose, generate, browse, reuse, export, delete, undo.

Against the simulated relay over loopback, with real key presses and real drop events.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from studio.domain.job import JobState
from studio.imaging import provenance
from studio.ui.gallery.tiles import ImageTile
from studio.ui.main_window import MainWindow
from tests.ui.conftest import Harness
from tests.ui.test_composer_helpers import choose_model, drop, png_file
from tests.ui.test_gallery import outside_task


def _window(harness: Harness) -> MainWindow:
    window = harness.keep(MainWindow(harness.services))
    window.resize(1440, 900)
    window.show()
    return window


def _image_ids(window: MainWindow) -> list[int]:
    model = window.gallery.model
    return [t.id for r in range(model.rowCount()) if isinstance(t := model.tile(r), ImageTile)]


def _files(mime_paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in mime_paths])
    return mime


def test_compose_generate_browse_reuse_export_delete_undo(harness: Harness, tmp_path: Path) -> None:
    window = _window(harness)
    first, second = png_file(tmp_path, "room.png", (640, 480)), png_file(tmp_path, "lamp.png")
    states: list[JobState] = []
    harness.bridge.job_changed.connect(lambda job: states.append(job.state))

    async def scenario() -> None:
        await window.ready()
        composer = window.composer
        assert composer.prompt.hasFocus() or QApplication.focusWidget() is composer.prompt
        QTest.keyClicks(composer.prompt, "a reading lamp in a quiet room")
        choose_model(composer, "gpt-image-1")
        assert drop(composer.tray, _files([first, second]))
        assert [r.name for r in composer.tray.references()] == ["room.png", "lamp.png"]
        QTest.keyClick(composer.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await harness.until(lambda: JobState.SUCCEEDED in states)
        await harness.until(lambda: len(_image_ids(window)) == 1)
        assert JobState.SUBMITTED in states
        paid = [e for e in harness.sim.log() if e.kind == "paid"]
        assert [p["name"] for p in paid[0].parts] == ["image[]", "image[]"]

        # Browse: the new image is in the gallery; Enter opens it in the detail view.
        (image_id,) = _image_ids(window)
        window.activateWindow()
        window.gallery.view.setFocus()
        QTest.keyClick(window.gallery.view, Qt.Key.Key_Home)
        await harness.until(lambda: window.gallery.selected_image_ids() == [image_id])
        QTest.keyClick(window.gallery.view, Qt.Key.Key_Return)
        await harness.until(lambda: window.detail.image_id == image_id)
        assert window.detail_dock.isVisible()

        # Reuse: a fresh prompt, then the image's settings come back.
        composer.prompt.selectAll()
        QTest.keyClicks(composer.prompt, "something else")
        window.actions_.do("reuse", [image_id])
        await harness.until(
            lambda: composer.prompt.toPlainText() == "a reading lamp in a quiet room"
        )
        assert len(composer.tray.references()) == 2

        # Export: original pixels plus the settings inside.
        out = tmp_path / "exported"
        window.actions_.export_to([image_id], out)
        await harness.until(lambda: out.is_dir() and any(out.iterdir()))
        (exported,) = out.iterdir()
        found = provenance.read(exported)
        assert found is not None and found.prompt == "a reading lamp in a quiet room"
        assert len(found.references) == 2 and found.profile == harness.profile.name

        # Delete with the key, then undo with Ctrl+Z.
        window.gallery.view.setFocus()
        await outside_task(lambda: QTest.keyClick(window.gallery.view, Qt.Key.Key_Delete))
        await harness.until(lambda: _image_ids(window) == [])
        window.activateWindow()  # the model picker's popup had the focus (offscreen keeps it)
        window.gallery.view.setFocus()
        await outside_task(
            lambda: QTest.keyClick(
                window.gallery.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
            )
        )
        await harness.until(lambda: _image_ids(window) == [image_id])

        # Drop the exported studio PNG onto the window: its settings come back.
        composer.prompt.selectAll()
        QTest.keyClicks(composer.prompt, "overwritten")
        assert await window.restore_from_file(exported)
        assert composer.prompt.toPlainText() == "a reading lamp in a quiet room"

    harness.run(scenario(), within=120)


def test_a_failing_relay_shows_plain_words_and_no_dialog(harness: Harness) -> None:
    window = _window(harness)
    harness.sim.set_faults("502")
    ended: list[JobState] = []
    job_ids: list[str] = []
    harness.bridge.job_changed.connect(
        lambda job: (
            (ended.append(job.state), job_ids.append(job.id)) if job.state.is_terminal else None
        )
    )

    async def scenario() -> None:
        await window.ready()
        QTest.keyClicks(window.composer.prompt, "a lighthouse")
        QTest.keyClick(
            window.composer.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
        await harness.until(lambda: ended)

    harness.run(scenario())
    assert ended == [JobState.FAILED]
    text = window.jobs.row_text(job_ids[0])
    assert "It may still have been made" in text and "May have been billed." in text
    assert "502: Bad gateway" in text and "<" not in text
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert sum(e.kind == "paid" for e in harness.sim.log()) == 1


def test_a_job_that_ends_in_the_background_notifies(harness: Harness) -> None:
    window = _window(harness)
    other = harness.keep(QWidget())
    other.show()
    other.activateWindow()  # the designer went to another window
    ended: list[JobState] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job.state) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        await window.ready()
        window.composer.prompt.setPlainText("a quiet harbour")
        window.composer.generate()
        await harness.until(lambda: ended)

    harness.run(scenario())
    assert not window.isActiveWindow()
    assert window.notifier.sent and window.notifier.sent[0][1] == "a quiet harbour"


def test_dropping_an_exported_image_on_the_gallery_restores_its_settings(
    harness: Harness, tmp_path: Path
) -> None:
    window = _window(harness)
    done: list[JobState] = []
    harness.bridge.job_changed.connect(
        lambda job: done.append(job.state) if job.state.is_terminal else None
    )
    out = tmp_path / "out"

    async def scenario() -> None:
        await window.ready()
        window.composer.prompt.setPlainText("a paper boat on a pond")
        window.composer.generate()
        await harness.until(lambda: done)
        await harness.until(lambda: len(_image_ids(window)) == 1)
        window.actions_.export_to(_image_ids(window), out)
        await harness.until(lambda: out.is_dir() and any(out.iterdir()))
        window.composer.prompt.setPlainText("")
        (exported,) = out.iterdir()
        assert drop(window.gallery, _files([exported]))  # lands on the window's handler
        await harness.until(
            lambda: window.composer.prompt.toPlainText() == "a paper boat on a pond"
        )
        assert window.composition.prompt == "a paper boat on a pond"

    harness.run(scenario())


def test_an_unexpected_error_is_logged_and_shown_once(harness: Harness, caplog) -> None:
    from studio.ui import crash

    window = _window(harness)
    crash._last_shown = 0.0
    for _ in range(3):
        try:
            raise RuntimeError("boom")
        except RuntimeError as error:
            crash._hook(RuntimeError, error, error.__traceback__)

    async def scenario() -> None:
        await window.ready()
        await harness.until(
            lambda: [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()
            ]
        )

    harness.run(scenario())
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert len(boxes) == 1  # three errors, one calm dialog
    assert "RuntimeError" in boxes[0].text() and "Traceback" not in boxes[0].text()
    assert "uncaught exception" in caplog.text
    for box in boxes:
        box.close()


def test_restoring_a_crafted_image_applies_only_known_fields_and_says_what_it_left(
    harness: Harness, tmp_path: Path
) -> None:
    from PIL import Image

    window = _window(harness)
    record = provenance.Provenance(
        job_id="crafted",
        prompt="a harbour at dawn",
        model="gpt-image-1",
        parameters={"quality": "ultra-max", "n": 2, "extra": {"model": "dall-e-3", "n": 10}},
    )
    plain = tmp_path / "plain.png"
    Image.new("RGB", (16, 16), "navy").save(plain)
    crafted = tmp_path / "crafted.png"
    data, _ = provenance.embed(plain.read_bytes(), record)
    crafted.write_bytes(data)

    async def scenario() -> None:
        await window.ready()
        assert await window.restore_from_file(crafted)

    harness.run(scenario())
    composer = window.composer
    assert composer.prompt.toPlainText() == "a harbour at dawn"
    status = window.statusBar().currentMessage()
    assert "extra relay fields (model, n) were not restored" in status
    assert "quality “ultra-max”" in composer.error_label.text()  # not offered: not kept
    shown = composer.request()
    assert shown.model == "gpt-image-1" and shown.extra == {} and shown.quality != "ultra-max"
