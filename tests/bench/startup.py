"""Benchmark: start-up of `studio --demo --quit-after-ready` against a bare PySide6 window.

Whole process, both measured the same way in the same run, taking turns, on the offscreen
platform: from spawning the process to its exit, where the studio quits as soon as its main
window is shown and ready for input (the gallery's first page in), and the bare script (a
QMainWindow that shows, paints once and quits, carried below) likewise. Peak RSS is each child's
own (``wait4``). Medians of --runs. Targets: both ratios ≤ 2.0.

The sources are byte-compiled first, as an installed copy is (this environment may set
PYTHONDONTWRITEBYTECODE, which would make every run compile the studio's modules again).
The offline bundle's start-up is reported beside, when a tarball is in ``dist/`` (or given).

    python tests/bench/startup.py [--runs 5] [--bundle dist/studio-….tar.gz | DIR | none]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1440, 900)
window.show()
def ready():
    print("ready", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


def timed(command: list[str], env: dict[str, str], marker: str) -> tuple[float, float, float]:
    """(seconds from spawn to the ready line, seconds from spawn to exit, peak RSS in MiB)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert process.stdout is not None
    ready = None
    lines = []
    for line in process.stdout:
        lines.append(line)
        if ready is None and line.startswith(marker):
            ready = time.perf_counter() - started
    _, status, usage = os.wait4(process.pid, 0)
    total = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0 or ready is None:
        raise SystemExit(f"{command[-1]} failed ({process.returncode}): {''.join(lines)}")
    return ready, total, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def bundle_launcher(choice: str | None, folder: Path) -> Path | None:
    """The bundle's ``studio`` launcher: from an extracted folder, or a tarball unpacked into
    ``folder``; None when there is none."""
    if choice == "none":
        return None
    if choice is None:
        tarballs = sorted((ROOT / "dist").glob("studio-*-linux-*.tar.gz"))
        if not tarballs:
            return None
        choice = str(tarballs[-1])
    path = Path(choice)
    if path.is_dir():
        found = next(path.glob("**/studio"), None)
        return found if found is not None and os.access(found, os.X_OK) else None
    with tarfile.open(path) as archive:
        archive.extractall(folder, filter="tar")
    return next((p for p in folder.glob("*/studio") if os.access(p, os.X_OK)), None)


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", help="a bundle tarball or folder ('none' to skip)")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "studio", quiet=1)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as temp:
        folder = Path(temp)
        env.update(STUDIO_DATA_DIR=temp, STUDIO_CONFIG_DIR=temp, STUDIO_LOG_DIR=temp)
        studio = [sys.executable, "-m", "studio", "--demo", "--quit-after-ready"]
        bare = [sys.executable, "-c", BARE]
        launcher = bundle_launcher(args.bundle, folder / "bundle")
        bundle = [str(launcher), "--demo", "--quit-after-ready"] if launcher else None
        # The first runs create the database and warm the disk cache; they don't count.
        timed(studio, env, "ready_ms")
        timed(bare, env, "ready")
        if bundle:
            timed(bundle, env, "ready_ms")
        runs: dict[str, list[tuple[float, float, float]]] = {"studio": [], "bare": [], "bundle": []}
        for _ in range(args.runs):  # in turn: the machine's moods are shared fairly
            runs["bare"].append(timed(bare, env, "ready"))
            runs["studio"].append(timed(studio, env, "ready_ms"))
            if bundle:
                runs["bundle"].append(timed(bundle, env, "ready_ms"))

    def figure(name: str, index: int) -> float:
        return median([run[index] for run in runs[name]])

    print(f"runs: {args.runs}")
    print(f"bare_qt_window_wall_ms: {figure('bare', 1) * 1000:.0f}")
    print(f"studio_wall_ms: {figure('studio', 1) * 1000:.0f}")
    print(f"bare_qt_window_ready_ms: {figure('bare', 0) * 1000:.0f}")
    print(f"studio_ready_ms: {figure('studio', 0) * 1000:.0f}")
    print(f"bare_qt_window_peak_rss_mib: {figure('bare', 2):.0f}")
    print(f"studio_peak_rss_mib: {figure('studio', 2):.0f}")
    if runs["bundle"]:
        print(f"bundle_wall_ms: {figure('bundle', 1) * 1000:.0f}")
        print(f"bundle_peak_rss_mib: {figure('bundle', 2):.0f}")
        print(f"bundle_ratio_wall_vs_bare_qt: {figure('bundle', 1) / figure('bare', 1):.2f}")
    else:
        print("bundle_wall_ms: none (no bundle in dist/; build one with packaging/build.py)")
    print(f"ratio_wall_vs_bare_qt: {figure('studio', 1) / figure('bare', 1):.2f}  (target 2.0)")
    print(
        f"ratio_peak_rss_vs_bare_qt: {figure('studio', 2) / figure('bare', 2):.2f}  (target 2.0)"
    )


if __name__ == "__main__":
    main()
