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
    window.composer.set_request(request)
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


async def settings(window: MainWindow) -> QWidget:
    dialog = window.open_settings()
    await asyncio.sleep(0.5)
    return dialog


async def first_run(window: MainWindow) -> QWidget:
    return window


SCENARIOS: dict[str, Callable[[MainWindow], Awaitable[QWidget]]] = {
    "first-run": first_run,
    "running": running,
    "gallery": gallery,
    "error": error,
    "settings": settings,
}
