"""Using the grid: keys, selection, the context menu request, dragging tiles out, thumbnails."""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import time
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QContextMenuEvent, QKeySequence, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.ui.gallery.model import MIME_IMAGE_IDS
from studio.ui.gallery.panel import GalleryPanel
from studio.ui.gallery.tiles import ImageTile
from tests.ui.conftest import Harness
from tests.ui.test_gallery import COLOURS, open_panel, outside_task, seed


async def focus_grid(harness: Harness, panel: GalleryPanel) -> None:
    panel.activateWindow()
    panel.view.setFocus()
    await harness.until(lambda: panel.view.hasFocus())


def test_arrows_move_and_enter_or_space_open(harness: Harness) -> None:
    image_ids = seed(harness.store, [f"picture {n}" for n in range(12)])
    panel = open_panel(harness, width=720)  # four columns
    current: list[object] = []
    opened: list[int] = []
    panel.current_changed.connect(current.append)
    panel.image_activated.connect(opened.append)
    view = panel.view

    async def press(key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
        QTest.keyClick(view, key, modifier)
        await harness.until(lambda: not panel._current_check.isActive())

    async def scenario() -> None:
        await panel.first_page_loaded()
        await focus_grid(harness, panel)
        assert view.columns == 4
        assert view.currentIndex().row() == 0  # focus gave the first tile the cursor
        await press(Qt.Key.Key_Right)
        assert view.currentIndex().row() == 1
        await press(Qt.Key.Key_Down)
        assert view.currentIndex().row() == 5
        await press(Qt.Key.Key_Return)
        await press(Qt.Key.Key_Space)
        await press(Qt.Key.Key_End)
        assert view.currentIndex().row() == 11
        await press(Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
        assert panel.selected_image_ids() == [image_ids[10], image_ids[11]]
        await press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        assert panel.selected_image_ids() == image_ids

    harness.run(scenario())
    assert current == [image_ids[1], image_ids[5], image_ids[11], image_ids[10]]
    assert opened == [image_ids[5], image_ids[5]]


def test_window_keys_are_left_to_the_window(harness: Harness) -> None:
    seed(harness.store, ["one", "two"])
    panel = open_panel(harness)
    fired: list[str] = []
    for name, keys in (("favourite", "F"), ("delete", QKeySequence.StandardKey.Delete)):
        action = QAction(name, panel)  # as the window binds them to the gallery
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False, name=name: fired.append(name))
        panel.addAction(action)

    async def scenario() -> None:
        await panel.first_page_loaded()
        await focus_grid(harness, panel)
        panel.view.setCurrentIndex(panel.model.index(0))
        QTest.keyClick(panel.view, Qt.Key.Key_F)
        QTest.keyClick(panel.view, Qt.Key.Key_Delete)

    harness.run(scenario())
    assert fired == ["favourite", "delete"]
    assert panel.view.currentIndex().row() == 0  # "F" did not jump anywhere


def test_right_click_asks_for_a_menu_on_the_selection(harness: Harness) -> None:
    image_ids = seed(harness.store, ["one", "two", "three"])
    panel = open_panel(harness)
    asked: list[tuple[list[int], QPoint]] = []
    panel.context_requested.connect(lambda ids, where: asked.append((ids, where)))

    async def scenario() -> None:
        await panel.first_page_loaded()

    harness.run(scenario())
    view = panel.view
    view.selectionModel().select(panel.model.index(0), QItemSelectionModel.SelectionFlag.Select)
    view.selectionModel().select(panel.model.index(1), QItemSelectionModel.SelectionFlag.Select)
    on_second = view.visualRect(panel.model.index(1)).center()
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, on_second, view.viewport().mapToGlobal(on_second)
        ),
    )
    on_third = view.visualRect(panel.model.index(2)).center()
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, on_third, view.viewport().mapToGlobal(on_third)
        ),
    )
    assert asked[0] == ([image_ids[0], image_ids[1]], view.viewport().mapToGlobal(on_second))
    assert asked[1][0] == [image_ids[2]]  # outside the selection: that tile alone


def test_tiles_drag_out_as_ids_and_files(harness: Harness) -> None:
    image_ids = seed(harness.store, ["one", "two", "three"])
    panel = open_panel(harness)

    harness.run(panel.first_page_loaded())
    view = panel.view
    for row in (0, 2):
        view.selectionModel().select(
            panel.model.index(row), QItemSelectionModel.SelectionFlag.Select
        )
    rows = view.selected_rows()
    assert all(
        panel.model.flags(panel.model.index(row)) & Qt.ItemFlag.ItemIsDragEnabled for row in rows
    )
    mime = panel.model.mimeData([panel.model.index(row) for row in rows])
    assert set(mime.formats()) >= {MIME_IMAGE_IDS, "text/uri-list"}
    assert json.loads(bytes(mime.data(MIME_IMAGE_IDS)).decode()) == [image_ids[0], image_ids[2]]
    files = [Path(url.toLocalFile()) for url in mime.urls()]
    records = [harness.store.image(image_id) for image_id in (image_ids[0], image_ids[2])]
    for path, record in zip(files, records, strict=True):
        assert record is not None and path == record.result.path
        assert hashlib.sha256(path.read_bytes()).hexdigest() == record.result.sha256


def test_thumbnails_arrive_without_blocking_and_fill_the_tiles(harness: Harness) -> None:
    seed(harness.store, [f"picture {n}" for n in range(8)])
    panel = open_panel(harness, width=720, height=520)
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))

    async def scenario() -> None:
        heartbeat.start()
        await panel.first_page_loaded()
        rows = panel.view.visible_rows()
        shas = {panel.model.tile(row).sha256 for row in rows}  # type: ignore[union-attr]
        await harness.until(lambda: len(panel.thumbnails) >= len(shas))
        await asyncio.sleep(0.1)  # painted, and a few more beats
        heartbeat.stop()

    harness.run(scenario())
    gaps = [later - earlier for earlier, later in itertools.pairwise(beats)]
    assert max(gaps) < 0.25, f"longest stall {max(gaps) * 1000:.0f} ms"
    picture = panel.view.viewport().grab().toImage()
    for row in range(4):
        tile = panel.model.tile(row)
        assert isinstance(tile, ImageTile)
        centre = panel.view.visualRect(panel.model.index(row)).center()
        expected = QColor(*COLOURS[(7 - row) % len(COLOURS)])  # seeded oldest first
        got = picture.pixelColor(centre)
        assert abs(got.red() - expected.red()) + abs(got.green() - expected.green()) < 24, (
            row,
            got.name(),
            expected.name(),
        )


def test_damaged_image_keeps_its_placeholder(harness: Harness) -> None:
    image_ids = seed(harness.store, ["fine", "damaged"])
    damaged = harness.store.image(image_ids[0])
    assert damaged is not None and damaged.result.path is not None
    damaged.result.path.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    panel = open_panel(harness)

    async def scenario() -> None:
        await panel.first_page_loaded()
        tile = panel.model.tile(0)
        box = panel.view.tile_box()
        await harness.until(lambda: panel.thumbnails.is_broken(tile, box))  # type: ignore[arg-type]

    harness.run(scenario())
    panel.view.grab()  # paints the placeholder with its mark, no error


def test_ctrl_wheel_changes_the_tile_size(harness: Harness) -> None:
    seed(harness.store, [f"picture {n}" for n in range(20)])
    panel = open_panel(harness, width=900)
    harness.run(panel.first_page_loaded())
    view = panel.view
    before = view.columns

    def ctrl_wheel(notches: int) -> None:
        where = QPointF(view.viewport().rect().center())
        for _ in range(abs(notches)):
            event = QWheelEvent(
                where,
                QPointF(view.viewport().mapToGlobal(where.toPoint())),
                QPoint(),
                QPoint(0, 120 if notches > 0 else -120),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.ControlModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QApplication.sendEvent(view.viewport(), event)

    ctrl_wheel(-2)
    assert view.columns > before
    ctrl_wheel(+4)
    assert view.columns < before
    assert view.verticalScrollBar().value() == 0  # the wheel zoomed, it did not scroll


def test_a_mouse_drag_starts_a_drag_with_the_selected_tiles(harness: Harness) -> None:
    image_ids = seed(harness.store, ["one", "two", "three"])
    panel = open_panel(harness)
    made: list[list[int]] = []
    make_mime = panel.model.mimeData

    def spying(indexes):  # type: ignore[no-untyped-def]
        mime = make_mime(indexes)
        made.append(json.loads(bytes(mime.data(MIME_IMAGE_IDS)).decode()))
        return mime

    panel.model.mimeData = spying  # type: ignore[method-assign]

    async def scenario() -> None:
        await panel.first_page_loaded()
        await harness.until(lambda: len(panel.thumbnails) >= 1)
        viewport = panel.view.viewport()
        start = panel.view.visualRect(panel.model.index(1)).center()
        far = start + QPoint(40, 30)

        def drag() -> None:
            QTest.mousePress(
                viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start
            )
            QTest.mouseMove(viewport, start + QPoint(4, 4))
            QTest.mouseMove(viewport, far)
            QTest.mouseRelease(
                viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, far
            )

        await outside_task(drag)

    harness.run(scenario())
    assert made == [[image_ids[1]]]
