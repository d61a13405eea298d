"""Benchmark: what the engine costs on top of bare HTTP.

200 generations (gpt-image-1, 1024² PNG results as base64, concurrency 8) against the simulated
relay in its own process, once through the studio's engine (plan, prepare, retry discipline,
decode, validate with Pillow, sha256, durable write) and once through a minimal raw-httpx script
that sends the same requests and writes the same files. Both run in this process, alternately,
so the machine's load is shared fairly. Prints ``name: value`` lines; target ratio ≤ 1.15.

    python tests/bench/engine_overhead.py [--jobs 200] [--concurrency 8] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from studio.catalog import Catalog
from studio.domain.job import Job, JobState
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.engine.ids import new_job_id
from studio.engine.runner import Runner
from studio.engine.sinks import DirectorySink
from studio.protocols.transport import RelayClient

MODEL = "gpt-image-1"
PROMPT = "a lighthouse on a cliff at dusk"
FAULTS = "grain"  # film grain: results weigh what a real 1024² PNG weighs (1–2 MB), not 50 KB
CPU: dict[str, list[float]] = {"engine": [], "raw": []}  # this process's CPU seconds per round


def start_simulator(faults: str = FAULTS) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "studio.cli", "simulate", "--port", "0", "--faults", faults],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    url = first.strip().rsplit(" ", 1)[-1]
    if not url.startswith("http"):
        process.kill()
        raise SystemExit(f"the simulator did not start: {first!r}")
    return process, url


async def through_engine(url: str, jobs: int, concurrency: int, out: Path) -> float:
    profile = Profile(name="bench", base_url=url, api_key="bench", concurrency=concurrency)
    catalog = Catalog.load()
    gate = asyncio.Semaphore(concurrency)
    async with RelayClient(profile) as client:
        runner = Runner(catalog, client, DirectorySink(out))

        async def one() -> Job:
            async with gate:
                return await runner.run(
                    Job(new_job_id(), GenerationRequest(PROMPT, MODEL), "bench")
                )

        started = time.perf_counter()
        cpu = time.process_time()
        done = await asyncio.gather(*(one() for _ in range(jobs)))
        elapsed = time.perf_counter() - started
        CPU["engine"].append(time.process_time() - cpu)
    failed = [job for job in done if job.state is not JobState.SUCCEEDED]
    if failed:
        raise SystemExit(f"engine: {len(failed)} jobs failed: {failed[0].error}")
    return elapsed


async def through_raw_httpx(url: str, jobs: int, concurrency: int, out: Path) -> float:
    gate = asyncio.Semaphore(concurrency)
    body = json.dumps({"model": MODEL, "prompt": PROMPT}).encode()
    headers = {"Authorization": "Bearer bench", "Content-Type": "application/json"}
    limits = httpx.Limits(max_connections=concurrency * 2)
    async with httpx.AsyncClient(timeout=600, limits=limits) as client:

        async def one(index: int) -> None:
            async with gate:
                response = await client.post(
                    f"{url}/v1/images/generations", content=body, headers=headers
                )
                response.raise_for_status()
                data = base64.b64decode(response.json()["data"][0]["b64_json"])
                (out / f"raw-{index}.png").write_bytes(data)

        started = time.perf_counter()
        cpu = time.process_time()
        await asyncio.gather(*(one(i) for i in range(jobs)))
        elapsed = time.perf_counter() - started
        CPU["raw"].append(time.process_time() - cpu)
        return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--rounds", type=int, default=2, help="alternating rounds; the best of each counts"
    )
    parser.add_argument("--faults", default=FAULTS, help="simulator faults ('' for flat images)")
    args = parser.parse_args()
    process, url = start_simulator(args.faults)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-") as folder:
            root = Path(folder)
            os.environ["STUDIO_CONFIG_DIR"] = str(root / "config")  # no user catalog overrides
            for name in ["warm"] + [f"raw{n}" for n in range(args.rounds)]:
                (root / name).mkdir()
            asyncio.run(
                through_raw_httpx(url, 16, args.concurrency, root / "warm")
            )  # warm the cache
            engine_times, raw_times = [], []
            for round_number in range(args.rounds):
                raw_times.append(
                    asyncio.run(
                        through_raw_httpx(
                            url, args.jobs, args.concurrency, root / f"raw{round_number}"
                        )
                    )
                )
                engine_times.append(
                    asyncio.run(
                        through_engine(
                            url, args.jobs, args.concurrency, root / f"engine{round_number}"
                        )
                    )
                )
            sample = next((root / "engine0").iterdir())
            size = sample.stat().st_size
    finally:
        process.terminate()
        process.wait(timeout=10)
    engine, raw = min(engine_times), min(raw_times)
    print(f"jobs: {args.jobs}")
    print(f"concurrency: {args.concurrency}")
    print(f"result_png_bytes: {size}")
    print(f"raw_httpx_seconds: {raw:.3f}")
    print(f"engine_seconds: {engine:.3f}")
    print(f"engine_per_job_ms: {engine / args.jobs * 1000:.2f}")
    engine_cpu, raw_cpu = min(CPU["engine"]), min(CPU["raw"][1:])  # [0] was the warm-up
    print(f"raw_httpx_cpu_ms_per_job: {raw_cpu / args.jobs * 1000:.2f}")
    print(f"engine_cpu_ms_per_job: {engine_cpu / args.jobs * 1000:.2f}")
    print(f"ratio_engine_to_raw: {engine / raw:.3f}")
    print("target_ratio: 1.15")


if __name__ == "__main__":
    main()
