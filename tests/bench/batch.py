"""Benchmark: a batch of 500 jobs at concurrency 8 against the simulated relay.

Three measurements, the relay in a process of its own at low priority (a real relay is
elsewhere), each job an ordinary durable job in a fresh history:

- ``batch_500_seconds``: the batch sent as one run (:class:`studio.engine.runs.RunSender`,
  concurrency 8), from the first submit to the last job's end;
- ``overhead_ratio_vs_engine``: that against the same 500 requests sent by the engine alone
  (``RequestManager.submit`` each, then wait for all; the relay's own limit of 8), in alternating
  rounds, the best of each (target ≤ 1.10);
- ``heartbeat_max_gap_ms``: the batch run on the window's loop (qasync, offscreen) while a 10 ms
  QTimer beats; the longest gap between beats (target ≤ 50); the same for the engine alone
  beside it, and the machine's load (other processes take the CPU the loop needs).

Also printed: every job in the history (and succeeded), the process's peak memory and how much
it grew from the first batch to the last (memory stays bounded).

    python tests/bench/batch.py [--jobs 500] [--concurrency 8] [--rounds 2] [--faults ""]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from studio.catalog import Catalog
from studio.domain.job import Job, JobState
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.engine.composition.model import Target
from studio.engine.manager import RequestManager
from studio.engine.runs import RunSender, plan_job
from studio.store.history import Filters, Store
from tests.helpers.sim_process import simulator_process

MODEL = "gpt-image-1"
PROFILE = "bench"


def profile_for(url: str, concurrency: int) -> Profile:
    return Profile(name=PROFILE, base_url=url, api_key="sk-bench-key", concurrency=concurrency)


def requests(jobs: int) -> list[GenerationRequest]:
    return [GenerationRequest(f"a lighthouse at dusk, take {n}", MODEL) for n in range(jobs)]


async def through_engine(manager: RequestManager, jobs: int) -> list[Job]:
    """The engine alone: every job submitted at once, the relay's limit paces them."""
    submitted = [await manager.submit(request, PROFILE) for request in requests(jobs)]
    return [await manager.wait(job.id) for job in submitted]


async def through_run(
    manager: RequestManager, jobs: int, concurrency: int, profile: Profile
) -> list[Job]:
    """The same requests as one batch run, at most ``concurrency`` at once."""
    catalog = manager.catalog
    target = Target(MODEL, profile=PROFILE)
    planned = [
        plan_job(index, request, target, catalog, profile)
        for index, request in enumerate(requests(jobs))
    ]
    sender = RunSender(manager, "batch", "bench", planned, concurrency=concurrency)
    return await sender.send()


async def timed(way: str, url: str, folder: Path, jobs: int, concurrency: int) -> float:
    """Seconds for one batch sent ``way`` into a fresh history; checks every job is in it."""
    profile = profile_for(url, concurrency)
    store = Store(folder)
    manager = RequestManager(store, Catalog.load(), lambda name: profile)
    try:
        started = time.perf_counter()
        if way == "engine":
            done = await through_engine(manager, jobs)
        else:
            done = await through_run(manager, jobs, concurrency, profile)
        elapsed = time.perf_counter() - started
    finally:
        await manager.aclose()
    failed = [job for job in done if job.state is not JobState.SUCCEEDED]
    kept = store.count_images(Filters())
    recorded = len(store.list_jobs(Filters(status="succeeded"), limit=jobs + 1))
    store.close()
    if failed or recorded != jobs or kept != jobs:
        raise SystemExit(
            f"{way}: {len(failed)} failed ({failed[0].error if failed else ''}); "
            f"{recorded} succeeded jobs and {kept} images in the history, {jobs} expected"
        )
    return elapsed


def heartbeat_round(url: str, folder: Path, way: str, jobs: int, concurrency: int) -> list[float]:
    """The batch (sent ``way``) on the window's loop; the gaps between 10 ms heartbeats while it
    runs."""
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app, already_running=False)
    asyncio.set_event_loop(loop)
    beats: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))

    async def scenario() -> None:
        profile = profile_for(url, concurrency)
        with Store(folder) as store:
            manager = RequestManager(store, Catalog.load(), lambda name: profile)
            try:
                gc.freeze()  # as the studio does once it is ready
                await asyncio.sleep(0.3)
                timer.start()
                if way == "engine":
                    done = await through_engine(manager, jobs)
                else:
                    done = await through_run(manager, jobs, concurrency, profile)
                timer.stop()
            finally:
                await manager.aclose()
        if any(job.state is not JobState.SUCCEEDED for job in done):
            raise SystemExit("heartbeat round: some jobs failed")

    try:
        loop.run_until_complete(scenario())
    finally:
        loop.close()
        asyncio.set_event_loop(None)
        gc.unfreeze()
    return [later - earlier for earlier, later in itertools.pairwise(beats)]


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds, best counts")
    parser.add_argument("--faults", default="", help="simulator faults, e.g. grain, latency=0.2")
    args = parser.parse_args()
    from studio.ui.application import tune_interpreter

    tune_interpreter()  # as the studio does at start-up
    times: dict[str, list[float]] = {"engine": [], "run": []}
    memory: list[float] = []
    with simulator_process(args.faults) as url, tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        os.environ["STUDIO_CONFIG_DIR"] = str(root / "config")  # no user catalog overrides
        asyncio.run(timed("engine", url, root / "warm", 16, args.concurrency))  # warm up
        for number in range(args.rounds):
            for way in ("engine", "run"):
                data = root / f"{way}{number}"
                times[way].append(asyncio.run(timed(way, url, data, args.jobs, args.concurrency)))
                memory.append(peak_rss_mb())
        gaps = {
            way: heartbeat_round(url, root / f"heartbeat-{way}", way, args.jobs, args.concurrency)
            for way in ("run", "engine")
        }
        load = os.getloadavg()[0]
    engine, run = min(times["engine"]), min(times["run"])
    print(f"jobs: {args.jobs}")
    print(f"concurrency: {args.concurrency}")
    print(f"engine_alone_seconds: {engine:.3f}")
    print(f"batch_500_seconds: {run:.3f}  (best of {args.rounds}; {args.jobs} jobs)")
    print(f"batch_per_job_ms: {run / args.jobs * 1000:.2f}")
    print(f"overhead_ratio_vs_engine: {run / engine:.3f}  (target ≤ 1.10)")
    print(f"heartbeat_max_gap_ms: {max(gaps['run']) * 1000:.1f}  (target ≤ 50)")
    print(f"heartbeat_beats: {len(gaps['run']) + 1}")
    engine_gap = max(gaps["engine"]) * 1000
    print(f"heartbeat_max_gap_ms_engine_alone: {engine_gap:.1f}  (the same jobs, engine only)")
    print(f"load_average_1min: {load:.1f}  (cores: {os.cpu_count()})")
    print(f"jobs_in_history: {args.jobs} of {args.jobs} per batch, all succeeded")
    print(f"peak_rss_mb: {peak_rss_mb():.0f}")
    print(f"rss_growth_first_to_last_batch_mb: {memory[-1] - memory[0]:.0f}")


if __name__ == "__main__":
    main()
