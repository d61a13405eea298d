"""Benchmark: painting a mask on a 4096×4096 image, and opening an 8192×8192 one.

A real MaskPainterWindow (the real MaskDocument) runs offscreen at 1600×1000 on the qasync loop.
Strokes are real QMouseEvents sent to the canvas; after every move the pending repaint is done
(``processEvents``: only the region the move dirtied is painted, as on screen), and each move is
timed from sending the event to the end of that paint. Prints ``name: value`` lines:

- median_move_ms / p95_move_ms over 500 stroke segments at fit zoom (targets ≤ 8 and ≤ 16), and
  the same at 1:1 (``_1to1``), where a segment covers more of the screen;
- zoom_ms (median of wheel zoom steps: the view is drawn again) and pan_move_ms (median of
  middle-button pan moves: the cached view scrolls);
- undo_100_strokes_ms: 100 undos by Ctrl+Z, each repainted; undo_bytes_mb held by the history
  after those 100 strokes (all of the figures above are for the 4096² image);
- peak_rss_mb for the 4096² session (getrusage);
- open_8192_gui_ms (the GUI thread's share: building the window and its first paint),
  open_8192_ms (until the image's halved copies, made in a worker thread, are drawn),
  stroke_8192_ms (one stroke of 40 moves, painted) and peak_rss_8192_mb.

    python tests/bench/mask_painter.py [--moves 500] [--brush 96]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import qasync
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.ui import theme
from studio.ui.application import tune_interpreter
from studio.ui.mask.canvas import MaskCanvas
from studio.ui.mask.document import blank_mask
from studio.ui.mask.window import MaskPainterWindow

WINDOW = (1600, 1000)
LEFT = Qt.MouseButton.LeftButton
MIDDLE = Qt.MouseButton.MiddleButton
NONE = Qt.KeyboardModifier.NoModifier


def peak_rss_mb() -> float:
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def photo(side: int) -> QImage:
    """A smooth picture with some shapes (a flat fill would flatter the drawing)."""
    image = QImage(side, side, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, side, side)
    gradient.setColorAt(0, QColor("#264653"))
    gradient.setColorAt(0.5, QColor("#e9c46a"))
    gradient.setColorAt(1, QColor("#e76f51"))
    painter.fillRect(image.rect(), gradient)
    for index in range(12):
        painter.setBrush(QColor.fromHsv(index * 30, 160, 220))
        x = (index * 7919) % side
        y = (index * 104729) % side
        painter.drawEllipse(x - side // 16, y - side // 16, side // 8, side // 8)
    painter.end()
    return image


def send(canvas: MaskCanvas, kind: QEvent.Type, at: QPointF, button, buttons) -> None:
    event = QMouseEvent(kind, at, canvas.mapToGlobal(at), button, buttons, NONE)
    QApplication.sendEvent(canvas, event)


def timed(action: Callable[[], None], app: QApplication) -> float:
    started = time.perf_counter()
    action()
    app.processEvents()  # the update() the action asked for is painted here
    return (time.perf_counter() - started) * 1000


def stroke(
    app: QApplication, canvas: MaskCanvas, points: list[QPointF], button=LEFT
) -> list[float]:
    """Press, move through ``points`` timing each move with its paint, release."""
    send(canvas, QEvent.Type.MouseButtonPress, points[0], button, button)
    app.processEvents()
    times = [
        timed(
            lambda p=point: send(canvas, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, button),
            app,
        )
        for point in points[1:]
    ]
    send(canvas, QEvent.Type.MouseButtonRelease, points[-1], button, Qt.MouseButton.NoButton)
    app.processEvents()
    return times


def wavy_path(canvas: MaskCanvas, moves: int, step: float, seed: float) -> list[QPointF]:
    """A hand-like path over the visible image: ``step`` logical px per move, wandering."""
    corner = canvas.widget_point(QPointF(0, 0))
    far = canvas.widget_point(QPointF(canvas.document.width(), canvas.document.height()))
    left, top = max(corner.x(), 0) + 20, max(corner.y(), 0) + 20
    right, bottom = min(far.x(), canvas.width()) - 20, min(far.y(), canvas.height()) - 20
    x = left + (right - left) * (0.2 + 0.05 * (seed % 3))
    y = top + (bottom - top) * (0.3 + 0.1 * (seed % 4))
    heading = seed
    points = [QPointF(x, y)]
    for index in range(moves):
        heading += 0.08 * math.sin(index / 9 + seed)
        x += step * math.cos(heading)
        y += step * math.sin(heading)
        if not (left < x < right and top < y < bottom):
            heading += math.pi / 2
            x = min(max(x, left), right)
            y = min(max(y, top), bottom)
        points.append(QPointF(x, y))
    return points


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


async def settle(app: QApplication, condition: Callable[[], bool], within: float = 60) -> None:
    deadline = time.perf_counter() + within
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError("the painter never got ready")
        await asyncio.sleep(0.005)
    app.processEvents()


def new_window(image: QImage, blank: QImage | None = None) -> MaskPainterWindow:
    window = MaskPainterWindow(image, title="bench", blank=blank)
    window.resize(*WINDOW)
    window.show()
    window.activateWindow()
    return window


def close(window: MaskPainterWindow) -> None:
    window.discard()  # no question: the benchmark throws the mask away


async def measure_4096(app: QApplication, args: argparse.Namespace) -> dict[str, str]:
    window = new_window(photo(4096))
    canvas = window.canvas
    await settle(app, lambda: canvas.picture is not None)
    canvas.set_brush_size(args.brush)
    canvas.set_hardness(0.6)
    figures: dict[str, str] = {}

    moves: list[float] = []
    per_stroke = 50
    for index in range(args.moves // per_stroke):
        moves += stroke(app, canvas, wavy_path(canvas, per_stroke, 6, index * 0.7))
    figures["strokes"] = str(args.moves // per_stroke)
    figures["median_move_ms"] = f"{statistics.median(moves):.2f}"
    figures["p95_move_ms"] = f"{percentile(moves, 0.95):.2f}"
    figures["max_move_ms"] = f"{max(moves):.2f}"

    canvas.actual_size()
    app.processEvents()
    at_1to1: list[float] = []
    for index in range(args.moves // per_stroke):
        at_1to1 += stroke(app, canvas, wavy_path(canvas, per_stroke, 6, 3 + index * 0.7))
    figures["median_move_ms_1to1"] = f"{statistics.median(at_1to1):.2f}"
    figures["p95_move_ms_1to1"] = f"{percentile(at_1to1, 0.95):.2f}"

    centre = QPointF(canvas.width() / 2, canvas.height() / 2)
    zooms = []
    for notch in (-1, -1, -1, 1, 1, 1, 1, -1) * 3:
        event = QWheelEvent(
            centre,
            canvas.mapToGlobal(centre),
            QPoint(),
            QPoint(0, 120 * notch),
            Qt.MouseButton.NoButton,
            NONE,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        zooms.append(timed(lambda e=event: QApplication.sendEvent(canvas, e), app))
    figures["zoom_ms"] = f"{statistics.median(zooms):.2f}"
    figures["zoom_max_ms"] = f"{max(zooms):.2f}"
    canvas.actual_size()
    app.processEvents()
    pans = stroke(app, canvas, wavy_path(canvas, 100, 12, 0.3), MIDDLE)
    figures["pan_move_ms"] = f"{statistics.median(pans):.2f}"
    figures["pan_p95_ms"] = f"{percentile(pans, 0.95):.2f}"

    canvas.fit()
    app.processEvents()
    document = window.document
    document.clear()  # the history keeps 100 steps: after 100 strokes, just those
    for index in range(100):
        stroke(app, canvas, wavy_path(canvas, 20, 10, index * 0.37))
    figures["undo_bytes_mb"] = f"{document.undo_bytes() / 1e6:.1f}"
    started = time.perf_counter()
    for _ in range(100):
        QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        app.processEvents()
    figures["undo_100_strokes_ms"] = f"{(time.perf_counter() - started) * 1000:.0f}"
    figures["empty_after_undo"] = str(document.is_empty())
    figures["peak_rss_mb"] = f"{peak_rss_mb():.0f}"
    close(window)
    return figures


async def measure_8192(app: QApplication) -> dict[str, str]:
    image = photo(8192)
    started = time.perf_counter()
    # as open_painter_for does: the zeroed mask pixels are made in a worker thread
    blank = await asyncio.to_thread(blank_mask, image.width(), image.height())
    gui_started = time.perf_counter()
    window = new_window(image, blank)
    del image
    window.repaint()  # the first paint, from the full image while the copies are made
    blocked = (time.perf_counter() - gui_started) * 1000
    canvas = window.canvas
    await settle(app, lambda: canvas.picture is not None)
    canvas.update()
    app.processEvents()
    figures = {
        "open_8192_gui_ms": f"{blocked:.0f}",
        "open_8192_ms": f"{(time.perf_counter() - started) * 1000:.0f}",
    }
    canvas.set_brush_size(160)
    started = time.perf_counter()
    stroke(app, canvas, wavy_path(canvas, 40, 8, 1.0))
    figures["stroke_8192_ms"] = f"{(time.perf_counter() - started) * 1000:.0f}"
    figures["peak_rss_8192_mb"] = f"{peak_rss_mb():.0f}"
    close(window)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--moves", type=int, default=500)
    parser.add_argument("--brush", type=float, default=96, help="diameter in image px")
    parser.add_argument("--skip-8192", action="store_true")
    args = parser.parse_args()
    tune_interpreter()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    theme.apply(app, theme.Theme.LIGHT)
    loop = qasync.QEventLoop(app, already_running=False)
    asyncio.set_event_loop(loop)
    loop.set_default_executor(ThreadPoolExecutor(4, "bench-worker"))
    try:
        figures = loop.run_until_complete(measure_4096(app, args))
        if not args.skip_8192:
            figures |= loop.run_until_complete(measure_8192(app))
    finally:
        loop.close()
    print(f"window: {WINDOW[0]}x{WINDOW[1]}")
    print(f"moves: {args.moves}")
    print(f"brush_px: {args.brush:.0f}")
    for name, value in figures.items():
        print(f"{name}: {value}")
    print("targets: median_move_ms <= 8, p95_move_ms <= 16")


if __name__ == "__main__":
    main()
