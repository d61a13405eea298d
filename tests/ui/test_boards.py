"""Boards in the window, driven like a designer: name a board by typing, see it refused when the
name is taken, pick a board to see only its images, drag tiles onto a board, generate into the
current board (remembered between runs), rename, delete (the images stay), export as a folder."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton

from studio.domain.job import JobState
from studio.imaging.provenance import PROVENANCE_KEY, Provenance
from studio.store.boards import add_board, move_images, remove_board
from studio.ui.boards.board_list import Entry
from studio.ui.boards.panel import BoardsPanel
from studio.ui.gallery.model import MIME_IMAGE_IDS
from studio.ui.gallery.tiles import ImageTile
from studio.ui.main_window import MainWindow
from tests.ui.conftest import Harness
from tests.ui.test_composer_helpers import drop
from tests.ui.test_gallery import outside_task, seed


def _window(harness: Harness) -> MainWindow:
    window = harness.keep(MainWindow(harness.services))
    window.resize(1440, 900)
    window.show()
    return window


def shown(window: MainWindow) -> list[int]:
    model = window.gallery.model
    return [t.id for r in range(model.rowCount()) if isinstance(t := model.tile(r), ImageTile)]


def row_point(panel: BoardsPanel, kind: str, board_id: int | None = None) -> QPoint:
    row = panel.list.row_of((kind, board_id))  # type: ignore[arg-type]
    assert row >= 0, f"no {kind} {board_id} row"
    return panel.list.item_rect(row).center()


async def click_row(panel: BoardsPanel, kind: str, board_id: int | None = None) -> None:
    point = row_point(panel, kind, board_id)
    viewport = panel.list.viewport()
    await outside_task(
        lambda: QTest.mouseClick(
            viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
        )
    )


def counts(panel: BoardsPanel) -> dict[str, int]:
    return {entry.label: entry.count for entry in panel.list.entries()}


async def ready(harness: Harness, window: MainWindow) -> BoardsPanel:
    await window.ready()
    panel = window.boards_panel
    await harness.until(lambda: panel.loaded)
    return panel


async def listed(harness: Harness, window: MainWindow, ids: list[int]) -> None:
    await harness.until(lambda: shown(window) == ids and not window.gallery.model.busy)


def test_a_board_is_named_by_typing_and_a_taken_name_is_refused(harness: Harness) -> None:
    window = _window(harness)

    async def scenario() -> None:
        panel = await ready(harness, window)
        editor = panel.editor
        await outside_task(lambda: QTest.mouseClick(panel.add_button, Qt.MouseButton.LeftButton))
        assert editor.isVisible() and editor.hasFocus()
        QTest.keyClicks(editor, "Client A")
        QTest.keyClick(editor, Qt.Key.Key_Return)
        await harness.until(lambda: [b.name for b in panel.boards] == ["Client A"])
        assert not editor.isVisible() and not panel.note.isVisible()
        assert counts(panel) == {"All images": 0, "No board": 0, "Client A": 0}

        await outside_task(lambda: QTest.mouseClick(panel.add_button, Qt.MouseButton.LeftButton))
        QTest.keyClicks(editor, "client a")  # names ignore case
        QTest.keyClick(editor, Qt.Key.Key_Return)
        assert panel.note.isVisible()
        assert panel.note.text() == "There is already a board called “client a”."
        assert editor.isVisible() and editor.text() == "client a"  # to correct it

        editor.clear()
        QTest.keyClick(editor, Qt.Key.Key_Return)
        assert panel.note.text() == "A board needs a name."
        QTest.keyClicks(editor, "x" * 81)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        assert panel.note.text() == "That name is too long: at most 80 characters."

        # made meanwhile by the command line: the history refuses it, the panel says so
        add_board(harness.store, "Posters")
        editor.clear()
        QTest.keyClicks(editor, "POSTERS")
        QTest.keyClick(editor, Qt.Key.Key_Return)
        await harness.until(lambda: "POSTERS" in panel.note.text())
        assert panel.note.text() == "There is already a board called “POSTERS”."
        QTest.keyClick(editor, Qt.Key.Key_Escape)
        assert not editor.isVisible()
        await harness.until(lambda: [b.name for b in panel.boards] == ["Client A", "Posters"])
        assert all(entry.kind != "new" for entry in panel.list.entries())

    harness.run(scenario())


def test_choosing_a_board_shows_only_its_images(harness: Harness) -> None:
    ids = seed(harness.store, [f"picture {n}" for n in range(5)])  # newest first
    board = add_board(harness.store, "Client A")
    move_images(harness.store, [ids[1], ids[3]], board.id)
    window = _window(harness)

    async def scenario() -> None:
        panel = await ready(harness, window)
        assert counts(panel) == {"All images": 5, "No board": 3, "Client A": 2}
        await listed(harness, window, ids)
        await click_row(panel, "board", board.id)
        await listed(harness, window, [ids[1], ids[3]])
        await click_row(panel, "none")
        await listed(harness, window, [ids[0], ids[2], ids[4]])
        await click_row(panel, "all")
        await listed(harness, window, ids)

        empty = add_board(harness.store, "Empty one")
        panel.refresh()
        await harness.until(lambda: panel.list.row_of(("board", empty.id)) >= 0)
        await click_row(panel, "board", empty.id)
        await harness.until(lambda: window.gallery.empty.kind == "board")
        assert window.gallery.empty.title.text() == "Nothing on “Empty one” yet"

    harness.run(scenario())


def test_dragging_tiles_onto_a_board_moves_them(harness: Harness) -> None:
    ids = seed(harness.store, ["a kite", "a boat", "a lamp"])
    board = add_board(harness.store, "Client A")
    window = _window(harness)

    async def scenario() -> None:
        panel = await ready(harness, window)
        await listed(harness, window, ids)
        gallery = window.gallery.model
        mime = gallery.mimeData([gallery.index(0), gallery.index(2)])  # what a drag carries
        assert mime.hasFormat(MIME_IMAGE_IDS)
        assert not drop(panel.list.viewport(), mime, row_point(panel, "all"))  # not a board
        assert drop(panel.list.viewport(), mime, row_point(panel, "board", board.id))
        await harness.until(lambda: counts(panel).get("Client A") == 2)
        assert [harness.store.image(i).board_id for i in ids] == [board.id, None, board.id]
        assert counts(panel)["No board"] == 1
        await click_row(panel, "board", board.id)
        await listed(harness, window, [ids[0], ids[2]])

        # and back to no board, from the board's own listing
        mime = gallery.mimeData([gallery.index(0)])
        assert drop(panel.list.viewport(), mime, row_point(panel, "none"))
        await listed(harness, window, [ids[2]])
        assert harness.store.image(ids[0]).board_id is None

    harness.run(scenario())


def test_the_image_menu_moves_images_to_a_board(harness: Harness) -> None:
    ids = seed(harness.store, ["a kite", "a boat"])
    board = add_board(harness.store, "Client A")
    window = _window(harness)

    async def scenario() -> None:
        await ready(harness, window)
        await listed(harness, window, ids)
        window.gallery.context_requested.emit([ids[1]], QPoint(10, 10))
        submenu = next(m for m in window.findChildren(QMenu) if m.objectName() == "moveToBoard")
        names = [action.text() for action in submenu.actions() if action.text()]
        assert names == ["No board", "Client A"]
        chosen = next(a for a in submenu.actions() if a.objectName() == f"moveToBoard:{board.id}")
        for menu in window.findChildren(QMenu):
            menu.close()
        chosen.trigger()
        await harness.until(lambda: harness.store.image(ids[1]).board_id == board.id)
        await harness.until(lambda: "moved to “Client A”" in window.statusBar().currentMessage())

    harness.run(scenario())


def test_results_land_on_the_current_board_which_is_remembered(harness: Harness) -> None:
    board = add_board(harness.store, "Client A")
    window = _window(harness)
    ended: list[JobState] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job.state) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        panel = await ready(harness, window)
        assert panel.destination_box.currentText() == "No board"
        await click_row(panel, "board", board.id)
        assert harness.bridge.board_id == board.id  # the board clicked receives new results
        assert panel.destination_box.currentText() == "Client A"
        window.composer.prompt.setPlainText("a teapot on linen")
        window.composer.generate()
        await harness.until(lambda: ended == [JobState.SUCCEEDED], within=30)
        await harness.until(lambda: len(shown(window)) == 1)  # shown in the board's listing
        image = harness.store.image(shown(window)[0])
        assert image is not None and image.board_id == board.id
        assert harness.store.get(image.job_id).job.board_id == board.id
        await harness.until(lambda: counts(panel).get("Client A") == 1)

        await click_row(panel, "all")  # looking at everything keeps where results go
        assert harness.bridge.board_id == board.id

    harness.run(scenario())

    harness.bridge.board_id = None  # a new run of the studio
    again = harness.keep(BoardsPanel(harness.services))
    assert harness.bridge.board_id == board.id

    async def reopened() -> None:
        await harness.until(lambda: again.loaded)
        assert again.list.current_entry().key == ("board", board.id)  # back where the work was
        assert again.destination_box.currentText() == "Client A"

    harness.run(reopened())


def test_rename_by_f2_or_double_click(harness: Harness) -> None:
    board = add_board(harness.store, "Client A")
    window = _window(harness)

    async def scenario() -> None:
        panel = await ready(harness, window)
        await click_row(panel, "board", board.id)
        panel.list.setFocus()
        QTest.keyClick(panel.list, Qt.Key.Key_F2)
        assert panel.editor.isVisible() and panel.editor.text() == "Client A"
        QTest.keyClicks(panel.editor, "Tea brand")  # typed over the selected name
        QTest.keyClick(panel.editor, Qt.Key.Key_Return)
        await harness.until(lambda: [b.name for b in panel.boards] == ["Tea brand"])
        await harness.until(lambda: window.statusBar().currentMessage().startswith("Board"))

        point = row_point(panel, "board", board.id)
        viewport = panel.list.viewport()
        left, plain = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        await outside_task(lambda: QTest.mouseClick(viewport, left, plain, point))
        await outside_task(lambda: QTest.mouseDClick(viewport, left, plain, point))
        assert panel.editor.isVisible() and panel.editor.text() == "Tea brand"
        QTest.keyClick(panel.editor, Qt.Key.Key_Escape)
        assert not panel.editor.isVisible()
        assert [b.name for b in panel.boards] == ["Tea brand"]

    harness.run(scenario())


def test_deleting_a_board_keeps_its_images_under_no_board(harness: Harness) -> None:
    ids = seed(harness.store, ["a kite", "a boat", "a lamp"])
    board = add_board(harness.store, "Client A")
    move_images(harness.store, ids[:2], board.id)
    window = _window(harness)

    async def scenario() -> None:
        panel = await ready(harness, window)
        await click_row(panel, "board", board.id)
        await listed(harness, window, ids[:2])
        gallery = window.gallery
        gallery.view.setCurrentIndex(gallery.model.index(0))  # an image chosen in the gallery
        panel.list.setFocus()
        QTest.keyClick(panel.list, Qt.Key.Key_Delete)  # the board's, not the window's Delete
        box = panel.findChild(QMessageBox, "deleteBoard")
        assert box is not None and box.isVisible()
        assert "2 image(s) stay in your history" in box.informativeText()
        assert "No board" in box.informativeText()
        box.findChild(QPushButton, "deleteBoardButton").click()
        await harness.until(lambda: panel.boards == [])
        assert harness.bridge.board_id is None
        await listed(harness, window, ids)  # back to every image
        assert panel.list.current_entry().kind == "all"
        await click_row(panel, "none")
        await listed(harness, window, ids)  # all three on no board now
        assert [harness.store.image(i).trashed_at for i in ids] == [None] * 3

    harness.run(scenario())


def test_a_board_exports_as_a_folder_with_provenance(harness: Harness, tmp_path: Path) -> None:
    ids = seed(harness.store, ["a kite over dunes", "a boat", "a lamp"])
    board = add_board(harness.store, "Client A")
    move_images(harness.store, ids[:2], board.id)
    window = _window(harness)
    out = tmp_path / "exports"
    out.mkdir()

    async def scenario() -> None:
        panel = await ready(harness, window)
        progress: list[int] = []
        panel.exporter.bar.valueChanged.connect(progress.append)
        entry = Entry("board", board.id, "Client A", 2)
        panel.exporter.export_to(entry, out)
        assert panel.exporter.isVisible()  # the progress row, while it writes
        await harness.until(lambda: not panel.exporter.running)
        assert not panel.exporter.isVisible()
        assert panel.note.text().startswith("Exported 2 image(s) of “Client A” to ")
        assert progress[-1] == 2

    harness.run(scenario())
    files = sorted((out / "Client A").iterdir())
    assert len(files) == 2
    prompts = set()
    for path in files:
        with Image.open(path) as picture:
            text = picture.text[PROVENANCE_KEY]  # the PNG text chunk
        prompts.add(Provenance.from_json(text).prompt)
    assert prompts == {"a lamp", "a boat"}  # ids are newest first


def test_an_export_into_a_folder_that_cannot_be_written_says_so(
    harness: Harness, tmp_path: Path
) -> None:
    ids = seed(harness.store, ["a kite"])
    board = add_board(harness.store, "Client A")
    move_images(harness.store, ids, board.id)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file")
    window = _window(harness)

    async def scenario() -> None:
        panel = await ready(harness, window)
        panel.exporter.export_to(Entry("board", board.id, "Client A", 1), blocker)
        await harness.until(lambda: not panel.exporter.running)

    harness.run(scenario())
    panel = window.boards_panel
    assert panel.note.text() == (
        f"{blocker / 'Client A'} cannot be written to: choose another folder. "
        "Nothing is lost: Studio's history keeps every original."
    )
    assert harness.store.image(ids[0]).result.path.is_file()


def test_a_drop_on_a_board_removed_meanwhile_says_so_and_loses_nothing(
    harness: Harness,
) -> None:
    ids = seed(harness.store, ["a kite"])
    board = add_board(harness.store, "Client A")
    window = _window(harness)

    async def scenario() -> None:
        panel = await ready(harness, window)
        await listed(harness, window, ids)
        remove_board(harness.store, board.id)  # by the command line; the row is still shown
        gallery = window.gallery.model
        mime = gallery.mimeData([gallery.index(0)])
        assert drop(panel.list.viewport(), mime, row_point(panel, "board", board.id))
        await harness.until(lambda: window.statusBar().currentMessage() == "That board is gone.")
        await harness.until(lambda: panel.list.row_of(("board", board.id)) < 0)
        assert harness.store.image(ids[0]).board_id is None

    harness.run(scenario())
