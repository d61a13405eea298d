"""Benchmark: the history with 100,000 jobs and images.

Prints ``name: value`` lines: the insert rate through the real API (job row + image row, each
committed with fsync), then on 100,000 jobs: the first page of `history list` (target ≤ 20 ms),
a full-text prompt search (target ≤ 30 ms), the gallery's first page of images and a count.

    python tests/bench/history.py [--jobs 100000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from studio.domain.job import Job, JobState
from studio.domain.request import GenerationRequest
from studio.imaging.results import ValidatedImage
from studio.store.codec import dump
from studio.store.history import Filters, Store

SENTENCE = (
    "snow leopard cliff misty peaks dawn lighthouse harbour neon city rain portrait studio light "
    "watercolor fox forest autumn castle dragon 猫 屋顶 山水 夜景 花园 赛博朋克 少女"
)
WORDS = SENTENCE.split()
MODELS = ("gpt-image-1", "nano-banana-2", "flux-pro", "midjourney", "gemini-3-pro-image-preview")


def prompt(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18)))


def timed(function, repeat: int = 25) -> float:
    """Median wall time of ``function`` in milliseconds."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def insert_through_api(store: Store, count: int, rng: random.Random) -> float:
    image = ValidatedImage(b"\x89PNG fake", "image/png", "png", 1024, 1024, "0" * 64)
    started = time.perf_counter()
    for _ in range(count):
        job = Job(
            f"api{rng.getrandbits(64):016x}",
            GenerationRequest(prompt(rng), rng.choice(MODELS)),
            "bench",
        )
        store.create_job(job)
        job.state = JobState.SUCCEEDED
        store.update_job(job)
        store._insert_image(job.id, store_result(image, job))
    return count / (time.perf_counter() - started)


def store_result(image: ValidatedImage, job: Job):
    from studio.domain.results import ImageResult

    return ImageResult(
        0,
        image.sha256,
        image.width,
        image.height,
        image.mime,
        10,
        "b64",
        path=Path(f"{image.sha256}.png"),
    )


def bulk_fill(store: Store, count: int, rng: random.Random) -> None:
    """The rest of the 100,000, written in large transactions (setting up, not measured)."""
    now = time.time()
    jobs, images = [], []
    for number in range(count):
        text = prompt(rng)
        model = rng.choice(MODELS)
        created = now - (count - number) * 30  # written in the order they were made
        job_id = f"{int(created * 1000):013x}{number:08x}"
        params = dump({"prompt": text, "model": model, "n": 1})
        jobs.append((job_id, created, created, "bench", model, "images", text, params, "succeeded"))
        images.append(
            (job_id, 0, f"{number:064x}", "png", "image/png", 1024, 1024, 1000, "b64", created)
        )
    with store._transaction() as db:
        db.executemany(
            "INSERT INTO jobs (id, created_at, updated_at, profile, model, protocol, prompt,"
            " params, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            jobs,
        )
        db.executemany(
            "INSERT INTO images (job_id, position, sha256, extension, mime, width, height,"
            " size_bytes, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            images,
        )
    store._db.execute("PRAGMA optimize")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--api-inserts", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(7)
    with (
        tempfile.TemporaryDirectory(prefix="bench-history-") as folder,
        Store(Path(folder)) as store,
    ):
        rate = insert_through_api(store, args.api_inserts, rng)
        started = time.perf_counter()
        bulk_fill(store, args.jobs - args.api_inserts, rng)
        fill_seconds = time.perf_counter() - started
        total = store.count_images()
        first_page = timed(lambda: store.list_jobs(limit=50))
        second_page_cursor = store.list_jobs(limit=50)[-1].job
        next_page = timed(
            lambda: store.list_jobs(
                limit=50, before=(second_page_cursor.created_at, second_page_cursor.id)
            )
        )
        searches = {
            "leopard": timed(lambda: store.list_jobs(Filters(search="leopard"), limit=50)),
            "misty peaks": timed(lambda: store.list_jobs(Filters(search="misty peaks"), limit=50)),
            "赛博朋克": timed(lambda: store.list_jobs(Filters(search="赛博朋克"), limit=50)),
            "猫 (one character: LIKE)": timed(
                lambda: store.list_jobs(Filters(search="猫"), limit=50)
            ),
            "rare": timed(lambda: store.list_jobs(Filters(search="zzz-not-there"), limit=50)),
        }
        gallery = timed(lambda: store.list_images(limit=200))
        favourites = timed(lambda: store.list_images(Filters(favourites=True), limit=200))
        by_model = timed(lambda: store.list_images(Filters(model="flux-pro"), limit=200))
        counted = timed(lambda: store.count_images(), repeat=5)
    print(f"jobs: {total}")
    print(f"insert_jobs_per_second: {rate:.0f}")
    print(f"bulk_fill_seconds: {fill_seconds:.1f}")
    print(f"history_list_first_page_ms: {first_page:.2f}")
    print(f"history_list_next_page_ms: {next_page:.2f}")
    for term, value in searches.items():
        print(f"fts_search_ms[{term}]: {value:.2f}")
    print(f"gallery_first_200_images_ms: {gallery:.2f}")
    print(f"gallery_favourites_ms: {favourites:.2f}")
    print(f"gallery_by_model_ms: {by_model:.2f}")
    print(f"count_images_ms: {counted:.2f}")
    print("targets: history_list_first_page_ms <= 20, fts_search_ms <= 30")


if __name__ == "__main__":
    main()
