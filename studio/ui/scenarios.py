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
    """The Relays page with data: jobs delivered, a cut-off call and an expired link (claims)."""
    asked = [(prompt, "gpt-image-1", "3:2") for prompt, _, _ in PROMPTS[:4]]  # priced
    asked += [
        ("a harbour at night [[sim:drop]]", "gpt-image-1", "3:2"),
        ("a paper lantern [[sim:expired-url]]", "dall-e-3", "1:1"),
    ]
    for prompt, model, ratio in asked:  # one after the other: each ends before the next
        finished = _finished(window, 1)
        _submit(window, prompt, model, ratio)
        await _until(finished, 60)
    page = window.open_relays()
    for _ in range(200):
        if page.charts is not None and page.claims:  # type: ignore[attr-defined]
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)
    return page


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
}
