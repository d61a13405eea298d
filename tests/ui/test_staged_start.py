"""The window as the studio starts it: composer, gallery and menus before the first paint, the
docks' contents right after — nothing typed meanwhile is lost, everything works once built."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from studio.domain.job import JobState
from studio.ui import preferences
from studio.ui.boards.panel import BoardsPanel
from studio.ui.detail.panel import DetailPanel
from studio.ui.gallery.tiles import ImageTile
from studio.ui.jobs.panel import JobsPanel
from studio.ui.main_window import MainWindow
from tests.ui.conftest import Harness


def test_ctrl_enter_before_the_docks_are_built_is_not_lost(harness: Harness) -> None:
    window = harness.keep(MainWindow(harness.services, staged=True))
    window.show()
    finished = []
    harness.bridge.job_changed.connect(
        lambda job: finished.append(job) if job.state.is_terminal else None
    )
    assert not hasattr(window, "detail")  # the docks' contents come after the first paint

    async def scenario() -> None:
        await window.ready()
        prompt = window.composer.prompt
        prompt.setFocus()
        QTest.keyClicks(prompt, "a kite over the dunes")
        QTest.keyClick(prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await window.build_rest()
        await harness.until(lambda: finished)

    harness.run(scenario())
    assert finished[0].state is JobState.SUCCEEDED
    assert finished[0].request.prompt == "a kite over the dunes"
    assert harness.sim is not None
    assert any("a kite over the dunes" in str(entry) for entry in harness.sim.log())


def test_the_docks_fill_in_and_answer_once_built(harness: Harness) -> None:
    window = harness.keep(MainWindow(harness.services, staged=True))
    window.show()
    finished = []
    harness.bridge.job_changed.connect(
        lambda job: finished.append(job) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        await window.ready()
        await window.build_rest()
        await window.fully_built()
        window.composer.prompt.setPlainText("a lantern")
        window.composer.generate()
        await harness.until(lambda: finished)
        panel = window.gallery
        await harness.until(
            lambda: panel.model.rowCount() > 0 and isinstance(panel.model.tile(0), ImageTile)
        )
        centre = panel.view.visualRect(panel.model.index(0)).center()
        QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        await harness.until(lambda: window.detail.image_id is not None)

    harness.run(scenario())
    assert isinstance(window.detail_dock.widget(), DetailPanel)
    assert isinstance(window.jobs_dock.widget(), JobsPanel)
    assert isinstance(window.boards_dock.widget(), BoardsPanel)
    assert window.jobs_summary.text()  # the status bar's summary of the jobs
    assert window.detail.image_id is not None  # a click in the gallery shows it in the detail


def test_preferences_are_on_disk_before_a_quick_exit(tmp_path: Path) -> None:
    path = tmp_path / "window.ini"
    prefs = preferences.Preferences(QSettings(str(path), QSettings.Format.IniFormat))
    prefs.remember_prompt("a heron at dawn")
    preferences.sync_all()
    assert "a heron at dawn" in path.read_text(encoding="utf-8")


def test_pyside_is_told_which_modules_it_need_not_read() -> None:
    import sys
    from pathlib import Path

    import studio
    from studio.ui import source_scan

    source_scan.skip_own_modules()
    table = sys.modules["shibokensupport.feature"].pyside_feature_dict
    ours = source_scan.own_module_names(Path(studio.__file__).parent, "studio")
    assert {"studio.ui.main_window", "studio.engine.runner", "studio.ui.gallery.grid"} <= set(ours)
    assert all(name in table for name in ours)  # none of them will be read at its import
    assert all(name in table for name in list(sys.modules))
