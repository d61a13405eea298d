"""The gallery over a real history: paging, search, filters, empty states, reload.

Histories are written straight into the store before the panel opens (as the benchmark does);
the panel then reads them through the bridge like the window does.
"""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Callable
from typing import TypeVar

from PIL import Image
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from studio.store.codec import dump
from studio.store.history import Store
from studio.ui.gallery.panel import GalleryPanel
from studio.ui.gallery.tiles import ImageTile, JobTile
from tests.ui.conftest import Harness

T = TypeVar("T")
COLOURS = ((200, 40, 40), (40, 160, 60), (50, 90, 220), (230, 190, 40))


def png(colour: tuple[int, int, int], size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def seed(
    store: Store,
    prompts: list[str],
    *,
    model: str = "flux",
    state: str = "succeeded",
    favourite: set[int] = frozenset(),  # type: ignore[assignment]
) -> list[int]:
    """One job and one real image per prompt, the last prompt the newest. Image ids, newest
    first (the gallery's order)."""
    files = []
    for colour in COLOURS:
        sha, _ = store.blobs.put(png(colour), "png")
        files.append(sha)
    now = time.time() - 10
    with store._transaction() as db:
        for number, prompt in enumerate(prompts):
            created = now - (len(prompts) - number)
            job_id = f"seed{created:017.6f}{number:06d}"
            db.execute(
                "INSERT INTO jobs (id, created_at, updated_at, profile, model, protocol, prompt,"
                " params, state) VALUES (?, ?, ?, 'sim', ?, 'images', ?, ?, ?)",
                (job_id, created, created, model, prompt, dump({"prompt": prompt}), state),
            )
            if state != "succeeded":
                continue
            db.execute(
                "INSERT INTO images (job_id, position, sha256, extension, mime, width, height,"
                " size_bytes, source, created_at, favourite) VALUES (?, 0, ?, 'png',"
                " 'image/png', 64, 48, 100, 'b64', ?, ?)",
                (job_id, files[number % len(files)], created, int(number in favourite)),
            )
    return [record.id for record in store.list_images(limit=len(prompts) + 1)]


def open_panel(harness: Harness, width: int = 900, height: int = 700) -> GalleryPanel:
    panel = harness.keep(GalleryPanel(harness.services))
    panel.resize(width, height)
    panel.show()
    return panel


def type_text(widget: QWidget, text: str) -> None:
    """Type like a person: keys for Latin text, an input method's commit for Chinese."""
    if text.isascii():
        QTest.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


async def outside_task(action: Callable[[], T]) -> T:
    """Run ``action`` from a plain loop callback, not inside this coroutine's task step.

    QTest's mouse functions process events; inside a task step, qasync would then run other
    tasks' steps re-entrantly and asyncio drops them ("Cannot enter into task …"), leaving
    those tasks waiting forever. From a plain callback the nested steps are allowed.
    """
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def call() -> None:
        try:
            done.set_result(action())
        except BaseException as error:  # handed to the awaiting coroutine
            done.set_exception(error)

    loop.call_soon(call)
    return await done


def click(widget: QWidget, position: QPoint | None = None) -> None:
    where = position if position is not None else widget.rect().center()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)


def ids(panel: GalleryPanel) -> list[int]:
    model = panel.model
    return [
        tile.id for row in range(model.rowCount()) if isinstance(tile := model.tile(row), ImageTile)
    ]


# -- paging ---------------------------------------------------------------------------------


def test_paging_loads_more_as_the_grid_scrolls(harness: Harness) -> None:
    expected = seed(harness.store, [f"picture {n}" for n in range(450)])
    panel = open_panel(harness)
    calls: list[object] = []
    list_images = harness.store.list_images

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(kwargs.get("before"))
        return list_images(*args, **kwargs)  # type: ignore[arg-type]

    harness.store.list_images = counting  # type: ignore[method-assign]

    async def scenario() -> None:
        await panel.first_page_loaded()
        assert panel.model.rowCount() == 200
        bar = panel.view.verticalScrollBar()
        await harness.until(lambda: bar.maximum() > 0)
        bar.setValue(bar.maximum())  # the user drags the bar to the bottom
        await harness.until(lambda: panel.model.rowCount() == 400)
        await harness.until(lambda: bar.maximum() > bar.value() + bar.pageStep())
        bar.setValue(bar.maximum())
        await harness.until(lambda: panel.model.exhausted)
        assert not panel.model.canFetchMore(QModelIndex())

    harness.run(scenario())
    assert ids(panel) == expected  # newest first, each image once, none missing
    assert len(calls) == 3 and calls[0] is None  # keyset pages, one request per page


def test_only_one_page_is_asked_for_at_a_time(harness: Harness) -> None:
    seed(harness.store, [f"picture {n}" for n in range(450)])
    panel = open_panel(harness)

    async def scenario() -> None:
        await panel.first_page_loaded()
        model = panel.model
        model.fetchMore(QModelIndex())
        assert model.busy and not model.canFetchMore(QModelIndex())
        model.fetchMore(QModelIndex())  # ignored while the first one is out
        await harness.until(lambda: not model.busy)
        assert model.rowCount() == 400

    harness.run(scenario())


# -- search and filters ---------------------------------------------------------------------


def test_search_narrows_in_english_and_chinese(harness: Harness) -> None:
    seed(
        harness.store,
        [
            "a snow leopard on a misty cliff",
            "a red fox in an autumn forest",
            "山水画里的雪豹，夜景",
            "猫 on a roof at night",
            "a lighthouse in the harbour",
        ],
    )
    panel = open_panel(harness)
    search = panel.filter_bar.search

    async def type_and_wait(text: str, rows: int) -> None:
        search.clear()
        type_text(search, text)
        await harness.until(lambda: panel.model.query.search == text.strip() and panel.model.loaded)
        await harness.until(lambda: panel.model.rowCount() == rows)

    async def scenario() -> None:
        await panel.first_page_loaded()
        assert panel.model.rowCount() == 5
        await type_and_wait("leopard", 1)
        await type_and_wait("雪豹", 1)  # two characters: not the trigram index
        await type_and_wait("山水画里", 1)  # four: the trigram index
        await type_and_wait("猫", 1)
        await type_and_wait("a ", 4)

    harness.run(scenario())


def test_search_waits_for_the_typing_to_pause(harness: Harness) -> None:
    seed(harness.store, ["leopard", "fox"])
    panel = open_panel(harness)
    queries: list[str] = []
    panel.filter_bar.changed.connect(lambda query: queries.append(query.search))

    async def scenario() -> None:
        await panel.first_page_loaded()
        QTest.keyClicks(panel.filter_bar.search, "leop")
        await harness.until(lambda: queries, within=2)

    harness.run(scenario())
    assert queries == ["leop"]  # one listing for four keys


def test_model_favourites_and_status_filters(harness: Harness) -> None:
    seed(harness.store, ["one", "two", "three"], model="flux", favourite={1})
    seed(harness.store, ["four"], model="gpt-image-1")
    seed(harness.store, ["broken"], model="flux", state="failed")
    panel = open_panel(harness)
    bar = panel.filter_bar

    async def scenario() -> None:
        await panel.first_page_loaded()
        await harness.until(lambda: bar.model_box.count() == 3)  # All + the two in the history
        assert panel.model.rowCount() == 4
        bar.model_box.setCurrentIndex(bar.model_box.findData("gpt-image-1"))
        await harness.until(lambda: panel.model.loaded and panel.model.rowCount() == 1)
        bar.model_box.setCurrentIndex(0)
        bar.favourites.click()
        await harness.until(lambda: panel.model.loaded and panel.model.rowCount() == 1)
        assert panel.model.tile(0).favourite  # type: ignore[union-attr]
        bar.favourites.click()
        bar.status_box.setCurrentIndex(bar.status_box.findData("failed"))
        await harness.until(lambda: panel.model.loaded and panel.model.rowCount() == 1)
        failed = panel.model.tile(0)
        assert isinstance(failed, JobTile) and failed.job.request.prompt == "broken"

    harness.run(scenario())


def test_ctrl_f_focuses_the_search(harness: Harness) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    seed(harness.store, ["one"])
    panel = open_panel(harness)
    find = QAction(panel)  # as the window binds it: Edit ▸ Find in prompts
    find.setShortcut(QKeySequence("Ctrl+F"))
    find.triggered.connect(panel.focus_search)
    panel.addAction(find)

    async def scenario() -> None:
        await panel.first_page_loaded()
        panel.activateWindow()
        panel.view.setFocus()
        await harness.until(lambda: panel.view.hasFocus())
        QTest.keyClick(panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        await harness.until(lambda: panel.filter_bar.search.hasFocus())

    harness.run(scenario())


# -- empty states ---------------------------------------------------------------------------


def test_first_run_shows_the_welcome_card(harness: Harness) -> None:
    harness.bridge.default_profile = ""  # no relay yet
    panel = open_panel(harness)
    asked: list[str] = []
    panel.try_demo_requested.connect(lambda: asked.append("demo"))
    panel.add_relay_requested.connect(lambda: asked.append("relay"))

    async def scenario() -> None:
        await panel.first_page_loaded()

    harness.run(scenario())
    assert panel.stack.currentWidget() is panel.empty and panel.empty.kind == "welcome"
    assert panel.empty.try_demo_button.isVisible() and panel.empty.add_relay_button.isVisible()
    QTest.mouseClick(panel.empty.try_demo_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(panel.empty.add_relay_button, Qt.MouseButton.LeftButton)
    assert asked == ["demo", "relay"]


def test_with_a_relay_the_gallery_says_how_to_start_not_welcome(harness: Harness) -> None:
    panel = open_panel(harness)  # the harness has a relay as the current profile
    harness.run(panel.first_page_loaded())
    assert panel.empty.kind == "demo" and "Ctrl+Enter" in panel.empty.line.text()
    assert not panel.empty.add_relay_button.isVisible()


def test_demo_mode_says_how_to_start(harness: Harness) -> None:
    harness.services.demo_profile = harness.profile
    panel = open_panel(harness)

    harness.run(panel.first_page_loaded())
    assert panel.empty.kind == "demo"
    assert "Ctrl+Enter" in panel.empty.line.text()
    assert not panel.empty.try_demo_button.isVisible()


def test_no_match_names_the_search_and_filters_and_clears_them(harness: Harness) -> None:
    seed(harness.store, ["a red fox", "a lighthouse"], favourite={0})
    panel = open_panel(harness)
    bar = panel.filter_bar

    async def scenario() -> None:
        await panel.first_page_loaded()
        bar.favourites.click()
        QTest.keyClicks(bar.search, "leopard")
        await harness.until(lambda: panel.empty.kind == "no_match" and panel.empty.isVisible())
        assert "“leopard”" in panel.empty.title.text()
        assert "Favourites only" in panel.empty.line.text()
        await outside_task(lambda: click(panel.empty.clear_button))
        await harness.until(lambda: panel.model.loaded and panel.model.rowCount() == 2)

    harness.run(scenario())
    assert panel.stack.currentWidget() is panel.view
    assert bar.search.text() == "" and not bar.favourites.isChecked()


# -- reload ---------------------------------------------------------------------------------


def test_reload_keeps_the_selection_and_applies_changes(harness: Harness) -> None:
    image_ids = seed(harness.store, [f"picture {n}" for n in range(30)])
    panel = open_panel(harness)
    chosen = image_ids[5]
    current: list[object] = []
    panel.current_changed.connect(current.append)

    async def scenario() -> None:
        await panel.first_page_loaded()
        view = panel.view
        view.setCurrentIndex(panel.model.index(5))
        assert panel.selected_image_ids() == [chosen]
        await harness.bridge.trash([image_ids[0], image_ids[1]])
        await harness.until(lambda: panel.model.rowCount() == 28)
        await harness.bridge.toggle_favourite(image_ids[7])
        await harness.until(lambda: panel.model.tile(5).favourite)  # type: ignore[union-attr]

    harness.run(scenario())
    assert panel.selected_image_ids() == [chosen]
    assert panel.model.image_id(panel.view.currentIndex().row()) == chosen
    assert current == [chosen]  # nothing else was announced: the selection never moved


def test_try_the_demo_in_the_window_turns_the_welcome_into_a_hint(harness: Harness) -> None:
    from studio.ui.main_window import MainWindow

    harness.resolver.given.clear()  # a first run: no relay yet
    harness.bridge.default_profile = ""
    window = harness.keep(MainWindow(harness.services))
    window.show()
    gallery = window.gallery

    harness.run(window.ready())
    assert gallery.empty.kind == "welcome"
    click(gallery.empty.try_demo_button)
    assert harness.services.demo
    assert gallery.empty.kind == "demo"  # the next step, said where the eyes are
