"""``studio-cli resume`` and ``studio-cli retry``: finish what a crash interrupted."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

from studio.cli.common import (
    EXIT_FAILED,
    EXIT_INVALID,
    EXIT_OK,
    add_data_dir,
    engine,
)
from studio.cli.generate import report, summary
from studio.cli.output import say, say_json
from studio.domain.job import JobState
from studio.engine.export import export_image, stored_image
from studio.store.history import Filters


def add_parser(commands: Any) -> None:
    resume = commands.add_parser(
        "resume",
        help="finish jobs a crash or a closed studio left behind",
        description="Async tasks are polled again and their images saved; sync requests that "
        "were cut off are listed as interrupted and never sent again (retry them by hand).",
    )
    resume.add_argument("--json", action="store_true")
    add_data_dir(resume)
    resume.set_defaults(handler=run_resume)

    retry = commands.add_parser(
        "retry", help="send a stored job again (same settings, same reference files)"
    )
    retry.add_argument("job_id", metavar="ID")
    retry.add_argument("--out", metavar="DIR", help="also export the results here")
    retry.add_argument("--json", action="store_true")
    add_data_dir(retry)
    retry.set_defaults(handler=run_retry)


def _interrupted_entry(job: Any) -> dict[str, Any]:
    return {
        "job_id": job.id,
        "prompt": job.request.prompt,
        "model": job.request.model,
        "status": job.state.value,
        "error": job.error.message if job.error else None,
        "may_be_billed": bool(job.error and job.error.may_be_billed),
    }


async def _resume(args: argparse.Namespace) -> tuple[list[Any], list[Any]]:
    async with engine(args) as manager:
        recovery = await manager.recover()
        finished = [await manager.wait(job.id) for job in recovery.resumed]
        resumed = {job.id for job in finished}
        interrupted = [
            r.job
            for r in manager.store.list_jobs(Filters(status=JobState.INTERRUPTED.value))
            if r.job.id not in resumed
        ]
        return finished, interrupted


def run_resume(args: argparse.Namespace) -> int:
    finished, interrupted = asyncio.run(_resume(args))
    if args.json:
        say_json(
            {
                "resumed": [
                    summary(job, [stored_image(i) for i in job.images]) for job in finished
                ],
                "interrupted": [_interrupted_entry(job) for job in interrupted],
            }
        )
    else:
        if not finished and not interrupted:
            say("Nothing to resume.")
        for job in finished:
            say(f"resumed {job.id}: {job.state.value}")
            for image in job.images:
                say(f"  {image.path}")
            if job.error is not None:
                say(f"  {job.error.full_text(billing=True)}".replace("\n", "\n  "))
        for job in interrupted:
            billed = " (may have been billed)" if job.error and job.error.may_be_billed else ""
            prompt = job.request.prompt[:60]
            say(f"interrupted {job.id}{billed}: {prompt}  → studio-cli retry {job.id}")
    return EXIT_OK if all(job.state is JobState.SUCCEEDED for job in finished) else EXIT_FAILED


async def _retry(args: argparse.Namespace) -> tuple[Any, list[Any] | None]:
    async with engine(args) as manager:
        record = manager.store.find_job(args.job_id)
        if record is None:
            return None, []
        if record.job.resumable:  # its result is kept: sending it again would pay twice
            return record.job, None
        job = await manager.retry(record.job.id)
        job = await manager.wait(job.id)
        stored = manager.store.get(job.id)
        images = stored.images if stored else []
        if args.out and stored is not None:
            folder = Path(args.out)
            return job, [export_image(stored, image, folder) for image in images]
        return job, [stored_image(image.result) for image in images]


def run_retry(args: argparse.Namespace) -> int:
    job, exported = asyncio.run(_retry(args))
    if job is None:
        say(f"error: there is no job {args.job_id} in the history", error=True)
        return EXIT_INVALID
    if exported is None:
        say(
            f"error: the result of {job.id} is kept: run `studio-cli resume` to finish it "
            "(nothing is sent to the relay again). Nothing was sent.",
            error=True,
        )
        return EXIT_INVALID
    return report(job, exported, args.json)
