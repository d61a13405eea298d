"""Benchmark: the gallery over a history of 100,000 images.

Fills a Store in a temporary folder (rows written in bulk as in tests/bench/history.py; the
files are ~500 real small PNGs shared among the rows, so thumbnails are really made), opens a
real GalleryPanel offscreen on the qasync loop with the real bridge, and prints ``name: value``
lines:

- first_page_ms / first_paint_ms: from creating the panel to its first page of rows, and to
  the first paint that shows them (target first_paint_ms <= 300);
- thumbnails_visible_ms: until every tile on screen has its picture (cold disk cache);
- scroll: the scroll bar driven page by page from the top to the very end (pages fetched on
  the way); a 10 ms QTimer heartbeat measures the longest gap of the event loop
  (target max_stall_ms <= 50);
- peak_rss_mb (target <= 400) of the process showing the gallery (the history is written by
  a child process, so its lists do not count).

``--gc-freeze`` calls ``gc.freeze()`` once the panel is up, as an application may do after
start-up: full garbage collections then skip the objects of start-up, which removes the
longest remaining stalls (~40 ms on a 2-core machine).

    python tests/bench/gallery.py [--images 100000] [--blobs 500] [--step-ms 8] [--gc-freeze]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import io
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import qasync
from PIL import Image, ImageDraw
from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QApplication

from studio.store.codec import dump
from studio.store.history import Store

RATIOS = ((512, 512), (512, 384), (384, 512), (512, 288), (288, 512))
WORDS = (
    "snow",
    "leopard",
    "cliff",
    "misty",
    "lighthouse",
    "harbour",
    "neon",
    "watercolor",
    "fox",
    "castle",
    "猫",
    "屋顶",
    "山水",
    "夜景",
    "赛博朋克",
)
MODELS = ("gpt-image-1", "nano-banana-2", "flux-pro", "midjourney", "seedream-4")
WARNING = {
    "code": "ratio_mismatch",
    "template": "The image came back at {width}×{height} (ratio {got}:1), not in the {asked} "
    "shape that was asked for. The relay may have ignored the setting.",
    "params": {"width": 512, "height": 512, "got": "1.00", "asked": "16:9"},
}


def picture(number: int, rng: random.Random) -> tuple[bytes, int, int]:
    """A small real PNG: a gradient and a few shapes, different for every number."""
    width, height = RATIOS[number % len(RATIOS)]
    base = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    tint = Image.new("RGB", (width, height), base)
    image = Image.blend(image, tint, 0.6)
    draw = ImageDraw.Draw(image)
    for _ in range(4):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.randrange(20, 120)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue(), width, height


def fill(store: Store, count: int, blobs: int, seed: int = 7) -> None:
    """``count`` jobs with one image each, newest last; files shared among ``blobs`` PNGs."""
    rng = random.Random(seed)
    files = []
    for number in range(blobs):
        data, width, height = picture(number, rng)
        sha, _ = store.blobs.put(data, "png")
        files.append((sha, width, height, len(data)))
    now = time.time()
    jobs, images = [], []
    warning = dump([WARNING])
    for number in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18)))
        model = rng.choice(MODELS)
        created = now - (count - number) * 30
        job_id = f"{int(created * 1000):013x}{number:08x}"
        params = dump({"prompt": text, "model": model, "n": 1})
        jobs.append((job_id, created, created, "bench", model, "images", text, params, "succeeded"))
        sha, width, height, size = files[rng.randrange(len(files))]
        images.append(
            (
                job_id,
                0,
                sha,
                "png",
                "image/png",
                width,
                height,
                size,
                "b64",
                created,
                int(number % 37 == 0),
                warning if number % 53 == 0 else "[]",
            )
        )
    with store._transaction() as db:
        db.executemany(
            "INSERT INTO jobs (id, created_at, updated_at, profile, model, protocol, prompt,"
            " params, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            jobs,
        )
        db.executemany(
            "INSERT INTO images (job_id, position, sha256, extension, mime, width, height,"
            " size_bytes, source, created_at, favourite, warnings)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            images,
        )
    store._db.execute("PRAGMA optimize")


def fill_folder(folder: str, count: int, blobs: int) -> None:
    with Store(Path(folder)) as store:
        fill(store, count, blobs)
        print(f"images: {store.count_images()}", flush=True)


class Heartbeat:
    """A 10 ms timer: the gaps between its beats are how long the event loop was busy."""

    def __init__(self) -> None:
        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def start(self) -> None:
        self.beats = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return [(b - a) * 1000 for a, b in zip(self.beats, self.beats[1:], strict=False)]


async def until(condition, within: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Poll Qt-side state (no asyncio primitive to wait on)."""
    deadline = time.perf_counter() + within
    while not condition() and time.perf_counter() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0.001)


def peak_rss_mb() -> float:
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


async def measure(app: QApplication, folder: Path, args: argparse.Namespace) -> dict[str, str]:
    from studio.catalog import Catalog
    from studio.engine.manager import RequestManager
    from studio.settings.profiles import ProfileStore
    from studio.settings.resolver import ProfileResolver
    from studio.ui import theme
    from studio.ui.bridge import EngineBridge
    from studio.ui.gallery.panel import GalleryPanel
    from studio.ui.preferences import Preferences
    from studio.ui.services import Services

    theme.apply(app, theme.Theme.LIGHT)
    store = Store(folder / "data")
    catalog = Catalog.load()
    manager = RequestManager(store, catalog, lambda name: None)  # type: ignore[arg-type,return-value]
    bridge = EngineBridge(manager, catalog, "bench")
    services = Services(bridge, catalog, Preferences(), ProfileResolver(ProfileStore()))
    figures: dict[str, str] = {}
    try:
        started = time.perf_counter()
        panel = GalleryPanel(services)
        figures["panel_built_ms"] = f"{(time.perf_counter() - started) * 1000:.0f}"
        panel.resize(args.width, args.height)
        view = panel.view
        painted: list[float] = []
        original_paint = view.paintEvent

        def paint_event(event):  # type: ignore[no-untyped-def]
            original_paint(event)
            if panel.model.rowCount():
                painted.append(time.perf_counter())

        view.paintEvent = paint_event  # type: ignore[method-assign]
        panel.show()
        figures["panel_shown_ms"] = f"{(time.perf_counter() - started) * 1000:.0f}"
        await panel.first_page_loaded()
        first_page = time.perf_counter()
        await until(lambda: painted)
        figures["first_page_ms"] = f"{(first_page - started) * 1000:.0f}"
        figures["first_paint_ms"] = f"{(painted[0] - started) * 1000:.0f}"

        cache = panel.thumbnails

        def visible_rows() -> list[int]:
            rect = view.viewport().rect()
            rows = []
            for row in range(panel.model.rowCount()):
                if view.visualRect(panel.model.index(row)).intersects(rect):
                    rows.append(row)
                elif rows:
                    break
            return rows

        rows = visible_rows()
        shown = {panel.model.tile(row).sha256 for row in rows}  # type: ignore[union-attr]
        await until(lambda: len(cache) >= len(shown), within=60)
        figures["tiles_on_screen"] = str(len(rows))
        figures["thumbnails_visible_ms"] = f"{(time.perf_counter() - started) * 1000:.0f}"

        if args.gc_freeze:
            gc.freeze()
        heartbeat = Heartbeat()
        bar = view.verticalScrollBar()
        model = panel.model
        steps = 0
        scroll_started = time.perf_counter()
        heartbeat.start()
        settled = 0
        while True:
            bar.setValue(bar.value() + bar.pageStep())
            steps += 1
            await asyncio.sleep(args.step_ms / 1000)
            at_end = bar.value() >= bar.maximum()
            if at_end and model.exhausted and not model.busy:
                settled += 1
                if settled > 3:
                    break
            else:
                settled = 0
            if at_end and model.canFetchMore(QModelIndex()):
                model.fetchMore(QModelIndex())
        gaps = heartbeat.stop()
        scroll_seconds = time.perf_counter() - scroll_started
        figures["rows_loaded"] = str(model.rowCount())
        figures["scroll_steps"] = str(steps)
        figures["scroll_seconds"] = f"{scroll_seconds:.1f}"
        figures["max_stall_ms"] = f"{max(gaps):.1f}"
        figures["p99_gap_ms"] = f"{statistics.quantiles(gaps, n=100)[98]:.1f}"
        figures["gaps_over_50ms"] = str(sum(gap > 50 for gap in gaps))
        figures["thumbnail_cache_mb"] = f"{cache.memory / 1e6:.1f}"
        figures["peak_rss_mb"] = f"{peak_rss_mb():.0f}"
        panel.close()
        panel.deleteLater()
    finally:
        await bridge.aclose()
        await manager.aclose()
        store.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--images", type=int, default=100_000)
    parser.add_argument("--blobs", type=int, default=500)
    parser.add_argument("--step-ms", type=float, default=8.0, help="pause between scroll pages")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--gc-freeze", action="store_true", help="gc.freeze() before scrolling")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-gallery-") as name:
        folder = Path(name)
        for variable in ("STUDIO_CONFIG_DIR", "STUDIO_LOG_DIR"):
            (folder / variable.lower()).mkdir()
            os.environ[variable] = str(folder / variable.lower())
        started = time.perf_counter()
        writer = multiprocessing.get_context("spawn").Process(
            target=fill_folder, args=(str(folder / "data"), args.images, args.blobs)
        )
        writer.start()
        writer.join()
        print(f"fill_seconds: {time.perf_counter() - started:.1f}")
        print(f"rss_before_window_mb: {peak_rss_mb():.0f}")
        from studio.ui.application import tune_interpreter

        tune_interpreter()  # as the application does (GIL switch interval)
        print(f"load_average_before: {os.getloadavg()[0]:.2f}")
        app = QApplication.instance() or QApplication(sys.argv[:1])
        loop = qasync.QEventLoop(app, already_running=False)
        asyncio.set_event_loop(loop)
        try:
            figures = loop.run_until_complete(measure(app, folder, args))
        finally:
            loop.close()
            asyncio.set_event_loop(None)
    for name, value in figures.items():
        print(f"{name}: {value}")
    print(f"load_average_after: {os.getloadavg()[0]:.2f}")
    print("targets: first_paint_ms <= 300, max_stall_ms <= 50, peak_rss_mb <= 400")


if __name__ == "__main__":
    main()
