"""Scripted states of the window for screenshots (``--scenario``, used by
packaging/screenshots.py to regenerate the README's pictures)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

from PySide6.QtWidgets import QWidget

from studio.domain.model_spec import ProtocolId
from studio.domain.request import GenerationRequest
from studio.ui.main_window import MainWindow

PROMPTS = (
    ("a snow leopard on a cliff, misty peaks", "gpt-image-1", "3:2"),
    ("neon city street in the rain, reflections", "nano-banana", "16:9"),
    ("watercolor fox in an autumn forest", "flux-pro", "4:3"),
    ("一只在屋顶上看月亮的猫", "nano-banana-2", "9:16"),
    ("a lighthouse at dusk, long exposure", "gpt-image-1", "2:3"),
    ("minimalist poster of a mountain lake", "recraftv3", "1:1"),
    ("portrait of a knight in studio light", "nano-banana", "3:4"),
    ("a dragon over a castle, storm clouds", "flux-pro", "16:9"),
)


def _submit(window: MainWindow, prompt: str, model: str, ratio: str, **options: object) -> None:
    request = GenerationRequest(prompt, model, ratio=ratio, **options)  # type: ignore[arg-type]
    window.composition.set_request(request)
    window.composer.generate_requested.emit(request, window.bridge.default_profile)


def _finished(window: MainWindow, count: int) -> asyncio.Event:
    """Set once ``count`` jobs have ended."""
    event = asyncio.Event()
    done: list[object] = []

    def changed(job: object) -> None:
        if job.state.is_terminal:  # type: ignore[attr-defined]
            done.append(job)
            if len(done) >= count:
                event.set()

    window.bridge.job_changed.connect(changed)
    return event


async def _until(event: asyncio.Event, within: float = 30.0) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(event.wait(), within)


async def running(window: MainWindow) -> QWidget:
    for prompt, model, ratio in PROMPTS[:2]:
        _submit(window, prompt, model, ratio)
    _submit(window, PROMPTS[3][0], "nano-banana", "9:16", protocol=ProtocolId.IMAGES_ASYNC)
    await asyncio.sleep(2.5)
    return window


async def gallery(window: MainWindow) -> QWidget:
    finished = _finished(window, len(PROMPTS))
    for prompt, model, ratio in PROMPTS:
        _submit(window, prompt, model, ratio)
    await _until(finished, 60)
    await asyncio.sleep(1.0)  # thumbnails
    return window


async def error(window: MainWindow) -> QWidget:
    finished = _finished(window, 2)
    _submit(window, "a harbour at night [[sim:502]]", "gpt-image-1", "3:2")
    _submit(window, "a red kite [[sim:401]]", "flux-pro", "16:9")
    await _until(finished)
    await asyncio.sleep(0.5)
    return window


async def kept(window: MainWindow) -> QWidget:
    """A link that keeps failing (Resume), a refusal (not billed), a cut-off answer (may be)."""
    import httpx

    profile = window.services.demo_profile
    assert profile is not None, "the kept scenario needs the demo relay"
    async with httpx.AsyncClient(trust_env=False) as client:
        await client.post(f"{profile.base_url}/_sim/faults", json={"faults": "download-500"})
    finished = _finished(window, 3)
    _submit(window, "a paper lantern over a river", "flux", "16:9")
    _submit(window, "a red kite [[sim:401]]", "flux-pro", "16:9")
    _submit(window, "a harbour at night [[sim:502]]", "gpt-image-1", "3:2")
    await _until(finished, 90)
    from PySide6.QtCore import Qt

    window.resizeDocks([window.jobs_dock], [460], Qt.Orientation.Vertical)
    await asyncio.sleep(0.5)
    return window


async def relay_models(window: MainWindow) -> QWidget:
    """The picker with the relay's own list: a relay that sells suffixed names and aliases."""
    import httpx

    profile = window.services.demo_profile
    assert profile is not None, "the relay-models scenario needs the demo relay"
    async with httpx.AsyncClient(trust_env=False) as client:
        await client.post(
            f"{profile.base_url}/_sim/personalities", json={"personalities": "suffixed-names"}
        )
    picker = window.composer.picker
    picker.refresh()
    await asyncio.sleep(1.0)  # the relay's answer
    picker.open_popup()
    await asyncio.sleep(0.5)
    assert picker.popup is not None
    return picker.popup


async def doctor(window: MainWindow) -> QWidget:
    """Settings → Relays → Relay check, the free checks run on the demo relay."""
    dialog = window.open_settings()
    await asyncio.sleep(0.3)
    page = dialog.relays  # type: ignore[attr-defined]
    page.sections.setCurrentIndex(1)
    page.doctor.check_free()
    for _ in range(100):
        await asyncio.sleep(0.1)
        if page.doctor.findings.isVisible() and page.doctor.check_button.isEnabled():
            break
    await asyncio.sleep(0.3)
    return dialog


async def _first_relay_saved(window: MainWindow) -> QWidget:
    """A newcomer adds a relay from the welcome card: name, URL, key, test, save."""
    from studio.simulator import SimulatorServer

    relay = SimulatorServer()
    await asyncio.to_thread(relay.start)
    window.destroyed.connect(lambda: relay.stop())
    window._first_relay = relay  # type: ignore[attr-defined]  # lives as long as the window
    window.gallery.empty.add_relay_button.click()
    await asyncio.sleep(0.3)
    dialog = window._settings
    assert dialog is not None
    page, form = dialog.relays, dialog.relays.form  # type: ignore[attr-defined]
    form.name_edit.setText("my relay")
    form.url_edit.setText(f"{relay.url}/v1")
    form.key_edit.setText("sk-my-own-key-0000000000000001")
    form._on_edited()
    page.tester.button.click()
    for _ in range(50):
        await asyncio.sleep(0.1)
        if page.tester.key_label.isVisible():
            break
    page.save_button.click()
    for _ in range(50):
        await asyncio.sleep(0.1)
        if window.bridge.default_profile == "my relay":
            break
    await asyncio.sleep(0.3)
    return dialog


async def first_relay(window: MainWindow) -> QWidget:
    return await _first_relay_saved(window)


async def first_relay_ready(window: MainWindow) -> QWidget:
    dialog = await _first_relay_saved(window)
    dialog.close()
    await asyncio.sleep(0.5)
    return window


async def settings(window: MainWindow) -> QWidget:
    dialog = window.open_settings()
    await asyncio.sleep(0.5)
    return dialog


async def first_run(window: MainWindow) -> QWidget:
    return window


async def _outside_task(action: Callable[[], object]) -> None:
    """QTest's event functions process events: call them from a plain loop callback."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[None] = loop.create_future()
    loop.call_soon(lambda: (action(), done.set_result(None)))
    await done


async def _painter_on_new_image(window: MainWindow, prompt: str) -> QWidget:
    """Generate one picture, open "Edit with mask…" on it and paint a stroke with the mouse."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    finished = _finished(window, 1)
    _submit(window, prompt, "gpt-image-1", "3:2")
    await _until(finished)
    image_id = window.gallery.model.image_id(0)
    window.actions_.do("edit_with_mask", [image_id])
    launcher = window.mask_painter
    for _ in range(200):
        if launcher.is_open() and launcher.painter.canvas.picture is not None:  # type: ignore[union-attr]
            break
        await asyncio.sleep(0.05)
    painter = launcher.painter
    assert painter is not None
    canvas = painter.canvas
    canvas.set_brush_size(150)
    width, height = painter.source.width(), painter.source.height()
    path = [(0.30 + 0.05 * i, 0.62 - 0.02 * i * (4 - i)) for i in range(9)]
    points = [canvas.widget_point(QPointF(x * width, y * height)).toPoint() for x, y in path]

    def stroke() -> None:
        button = Qt.MouseButton.LeftButton
        QTest.mousePress(canvas, button, Qt.KeyboardModifier.NoModifier, points[0])
        for point in points[1:]:
            QTest.mouseMove(canvas, point)
        QTest.mouseRelease(canvas, button, Qt.KeyboardModifier.NoModifier, points[-1])

    await _outside_task(stroke)
    return painter


async def mask_painter(window: MainWindow) -> QWidget:
    painter = await _painter_on_new_image(window, "a quiet beach, morning light")
    painter.resize(1440, 900)
    await asyncio.sleep(0.3)
    return painter


async def inpaint_warning(window: MainWindow) -> QWidget:
    """A relay that ignored the mask: the warning and its one-click repair in the detail view."""
    painter = await _painter_on_new_image(window, "a quiet beach, morning light")
    from PySide6.QtWidgets import QPushButton

    done = painter.findChild(QPushButton, "primary")
    done.click()
    composer = window.composer
    for _ in range(100):
        if composer.mask is not None:
            break
        await asyncio.sleep(0.05)
    finished = _finished(window, 1)
    prompt = "a red beach umbrella [[sim:ignore-mask]]"
    window.composition.prompt = prompt
    composer.generate()
    await _until(finished)
    await asyncio.sleep(0.5)
    from PySide6.QtCore import QItemSelectionModel

    gallery = window.gallery
    gallery.view.selectionModel().setCurrentIndex(
        gallery.model.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    await asyncio.sleep(1.0)
    return window


async def expand(window: MainWindow) -> QWidget:
    finished = _finished(window, 1)
    _submit(window, "a lighthouse at dusk, long exposure", "gpt-image-1", "2:3")
    await _until(finished)
    image_id = window.gallery.model.image_id(0)
    window.actions_.do("expand_canvas", [image_id])
    from studio.ui.outpaint.dialog import ExpandCanvasDialog

    for _ in range(100):
        dialogs = [d for d in window.findChildren(ExpandCanvasDialog) if d.isVisible()]
        if dialogs and dialogs[-1].expand_button.isEnabled():
            break
        await asyncio.sleep(0.05)
    dialog = dialogs[-1]
    dialog.shapes.button("16:9").click()
    await asyncio.sleep(0.3)
    return dialog


async def composer_nano_banana_2(window: MainWindow) -> QWidget:
    """The composer with Nano Banana 2 chosen: its ten ratio chips wrap onto several rows, all
    of them shown above the resolution chips (issue 12)."""
    window.composition.set_request(
        GenerationRequest("a paper boat on a puddle, city lights", "nano-banana-2", ratio="21:9")
    )
    await asyncio.sleep(0.3)
    return window


async def relays(window: MainWindow) -> QWidget:
    """The Relays page with data: ten days of history on the demo relay (several models, a
    masked edit whose mask was ignored, a deadline to claim), today's jobs through it (one cut
    off mid-call: a claim) and the relay check's findings."""
    from studio.engine.doctor import Report, free_checks
    from studio.settings.doctor_results import DoctorResults
    from studio.ui.relays import sample_history

    profile = window.services.demo_profile
    assert profile is not None, "the relays scenario needs the demo relay"
    bridge = window.bridge
    await bridge.manager.run_in_store(sample_history.seed, bridge.store, profile.name)
    asked = [(prompt, "gpt-image-1", "3:2") for prompt, _, _ in PROMPTS[:2]]
    asked += [
        ("a harbour at night [[sim:drop]]", "gpt-image-1", "3:2"),
        ("a dragon over a castle", "dall-e-3", "1:1"),
    ]
    for prompt, model, ratio in asked:  # one after the other: each ends before the next
        finished = _finished(window, 1)
        _submit(window, prompt, model, ratio)
        await _until(finished, 60)
    found = await free_checks(profile, window.services.catalog)
    DoctorResults().save(profile.name, Report(profile.name, list(found.checks)).record())
    page = window.open_relays()
    for _ in range(300):  # the charts, the balance (the relay answers slowly) and the check
        if (
            page.drawn == profile.name  # type: ignore[attr-defined]
            and profile.name in page.balances  # type: ignore[attr-defined]
            and profile.name in page.reports  # type: ignore[attr-defined]
        ):
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)
    return page


async def boards(window: MainWindow) -> QWidget:
    """Boards: a result on no board, three on one board, two on another; the first board
    shown, receiving new results."""
    names = ("Tea packaging", "Summer campaign", "Moodboard")
    if window.services.language == "zh_CN":
        names = ("茶叶品牌：包装", "夏季活动", "灵感板")
    made = [await window.bridge.add_board(name) for name in names]
    sidebar = window.boards_panel
    for _ in range(100):
        if {board.id for board in sidebar.boards} >= {board.id for board in made}:
            break
        await asyncio.sleep(0.05)
    plan = [(None, 7), (made[1].id, 1), (made[1].id, 2), (made[0].id, 0), (made[0].id, 4)]
    plan.append((made[0].id, 5))
    for board_id, prompt in plan:
        if board_id is None:
            sidebar.show_view("none")
        else:
            sidebar.show_view("board", board_id)
        finished = _finished(window, 1)
        _submit(window, *PROMPTS[prompt])
        await _until(finished, 60)
    sidebar.refresh()
    await asyncio.sleep(1.5)  # counts and thumbnails
    return window


async def _batch_dialog(window: MainWindow) -> QWidget:
    """The Batch dialog over a template with two variables, sent to two targets."""
    from studio.engine.composition.model import Target

    words = {
        "zh_CN": (
            "一只{动物}在{地点}里读书，水彩绘本风格",
            {"动物": "狐狸, 猫头鹰, 刺猬", "地点": "图书馆, 树屋"},
        ),
    }.get(
        window.services.language,
        (
            "a {animal} reading in a {place}, watercolour picture book",
            {"animal": "fox, hare, hedgehog", "place": "library, treehouse"},
        ),
    )
    window.composition.set_request(GenerationRequest("", "gpt-image-1", ratio="3:2"))
    dialog = window.open_batch()
    dialog.prompts.setPlainText(words[0])  # type: ignore[attr-defined]
    for name, values in words[1].items():
        dialog.variables.row(name).values.setText(values)  # type: ignore[attr-defined]
    profile = window.bridge.default_profile
    dialog.targets.add(Target("dall-e-3", profile=profile))  # type: ignore[attr-defined]
    for _ in range(200):
        await asyncio.sleep(0.05)
        if not dialog.planning and dialog.model.rowCount():  # type: ignore[attr-defined]
            break
    return dialog


async def batch(window: MainWindow) -> QWidget:
    """The Batch dialog's preview: every combination, each target, the cost, a note."""
    dialog = await _batch_dialog(window)
    await asyncio.sleep(0.3)
    return dialog


async def batch_running(window: MainWindow) -> QWidget:
    """A batch being sent: a few results in, the rest on their way, one refused by the relay."""
    import httpx

    profile = window.services.demo_profile
    assert profile is not None, "the batch-running scenario needs the demo relay"
    async with httpx.AsyncClient(trust_env=False) as client:
        await client.post(f"{profile.base_url}/_sim/faults", json={"faults": "latency=2.5,401*1"})
    dialog = await _batch_dialog(window)
    dialog.concurrency.setValue(3)  # type: ignore[attr-defined]
    for _ in range(200):
        await asyncio.sleep(0.05)
        if dialog.send_button.isEnabled():  # type: ignore[attr-defined]
            break
    dialog.send_button.click()  # type: ignore[attr-defined]
    for _ in range(600):
        await asyncio.sleep(0.05)
        counts = dialog.counts()  # type: ignore[attr-defined]
        if counts["succeeded"] >= 4 and counts["failed"] >= 1:
            break
    await asyncio.sleep(0.2)
    return dialog


async def compare(window: MainWindow) -> QWidget:
    """A finished compare of three targets, one through a second relay that has no channel for
    its model (it fails, the others stand): the Runs tab's row, and the composer still in
    compare mode with what each target leaves out."""
    from dataclasses import replace

    from studio.engine.composition import Target
    from studio.simulator import SimulatorServer

    demo = window.services.demo_profile
    assert demo is not None, "the compare scenario needs the demo relay"
    relay = SimulatorServer(personalities="suffixed-names")
    await asyncio.to_thread(relay.start)
    window.destroyed.connect(lambda: relay.stop())
    window._relay_b = relay  # type: ignore[attr-defined]  # lives as long as the window
    window.services.resolver.given["relay B"] = replace(demo, name="relay B", base_url=relay.url)
    composition = window.composition
    composition.set_request(
        GenerationRequest(
            "a ceramic teapot on a sunny windowsill, soft morning light",
            "gpt-image-1",
            ratio="3:2",
            quality="high",
        )
    )
    composition.targets = (
        Target("gpt-image-1"),
        Target("nano-banana-2"),
        Target("gpt-image-2", profile="relay B"),
    )
    from PySide6.QtCore import Qt

    boards = getattr(window, "boards_dock", None)
    if boards is not None:
        boards.hide()  # room for the row of results
    window.resizeDocks(
        [window.composer_dock, window.detail_dock], [340, 340], Qt.Orientation.Horizontal
    )
    finished = _finished(window, 3)
    window.composer.generate()
    await _until(finished, 90)
    page = window.gallery.runs.page
    for _ in range(100):
        rows = page.model.rows
        if rows and len(rows[0].cells) == 3 and all(not c.live for c in rows[0].cells):
            break
        await asyncio.sleep(0.05)
    page.select_cell(0, 1)
    await asyncio.sleep(1.5)  # thumbnails, the detail view
    return window


SCENARIOS: dict[str, Callable[[MainWindow], Awaitable[QWidget]]] = {
    "first-run": first_run,
    "running": running,
    "gallery": gallery,
    "error": error,
    "kept": kept,
    "relay-models": relay_models,
    "doctor": doctor,
    "first-relay": first_relay,
    "first-relay-ready": first_relay_ready,
    "settings": settings,
    "mask-painter": mask_painter,
    "inpaint-warning": inpaint_warning,
    "expand": expand,
    "composer-nano-banana-2": composer_nano_banana_2,
    "relays": relays,
    "batch": batch,
    "batch-running": batch_running,
    "boards": boards,
    "compare": compare,
}
