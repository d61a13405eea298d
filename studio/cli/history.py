"""``studio-cli history``: list, search, show, export, trash, restore and purge past jobs."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from studio.cli.common import EXIT_FAILED, EXIT_INVALID, EXIT_OK, add_data_dir, open_store
from studio.cli.output import say, say_json, shown
from studio.domain.job import JobState
from studio.engine.export import export_image
from studio.store.boards import board_named
from studio.store.history import Filters, JobRecord, Store
from studio.store.runs import get_run


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("history", help="past jobs and their images")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="newest jobs first")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--search", metavar="TEXT", help="words in the prompt")
    listing.add_argument("--status", choices=[s.value for s in JobState])
    listing.add_argument("--model")
    listing.add_argument("--profile")
    listing.add_argument("--favourites", action="store_true")
    listing.add_argument(
        "--run", metavar="RUN_ID", help="the jobs of one compare or batch (its id or a prefix)"
    )
    listing.add_argument("--board", metavar="NAME", help="the jobs with images on a board")
    listing.add_argument("--trash", action="store_true", help="list what is in the trash")
    listing.add_argument("--limit", type=int, default=50)
    listing.set_defaults(handler=list_jobs)

    show = actions.add_parser("show", help="one job in full")
    show.add_argument("job_id", metavar="ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_job)

    export = actions.add_parser("export", help="copy images out, with their settings inside")
    export.add_argument("job_ids", metavar="ID", nargs="+")
    export.add_argument("--out", required=True, metavar="DIR")
    export.set_defaults(handler=export_jobs)

    for name, handler, text in (
        ("trash", trash_jobs, "move jobs to the trash"),
        ("restore", restore_jobs, "bring jobs back from the trash"),
        ("purge", purge_jobs, "delete jobs in the trash for good, with their files"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("job_ids", metavar="ID", nargs="+")
        action.set_defaults(handler=handler)
    for action in (listing, show, export, *actions.choices.values()):
        if not any(a.dest == "data_dir" for a in action._actions):
            add_data_dir(action)


def iso(timestamp: float | None) -> str | None:
    if timestamp is None:
        return None
    return (
        datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    )


def job_summary(record: JobRecord) -> dict[str, Any]:
    job = record.job
    return {
        "job_id": job.id,
        "prompt": job.request.prompt,
        "model": job.request.model,
        "profile": job.profile_name,
        "status": job.state.value,
        "created_at": iso(job.created_at),
        "images": [
            {
                "id": image.id,
                "path": str(image.result.path),
                "width": image.result.width,
                "height": image.result.height,
                "mime": image.result.mime,
                "sha256": image.result.sha256,
                "favourite": image.favourite,
                "kind": image.kind,
                "warnings": [w.message for w in image.result.warnings],
            }
            for image in record.images
        ],
        "warnings": [w.message for w in job.warnings],
        "error": job.error.full_text(billing=True) if job.error else None,
        "trashed": record.trashed_at is not None,
    }


def job_detail(record: JobRecord) -> dict[str, Any]:
    job = record.job
    detail = job_summary(record)
    detail.update(
        {
            "protocol": job.protocol.value if job.protocol else None,
            "parameters": job.request.parameters(),
            "task_id": job.task_id,
            "usage": job.usage.raw if job.usage else None,
            "text": job.text,
            "retry_of": record.retry_of,
            "updated_at": iso(record.updated_at),
            "inputs": [
                {"role": i.role, "name": i.name, "sha256": i.sha256, "url": i.url}
                for i in record.inputs
            ],
            "revised_prompts": [
                image.result.revised_prompt
                for image in record.images
                if image.result.revised_prompt
            ],
            "may_be_billed": bool(job.error and job.error.may_be_billed),
        }
    )
    return detail


def _line(record: JobRecord) -> str:
    job = record.job
    when = datetime.fromtimestamp(job.created_at).strftime("%Y-%m-%d %H:%M")
    prompt = " ".join(job.request.prompt.split())
    if len(prompt) > 60:
        prompt = prompt[:59] + "…"
    images = f"{len(record.images):>2} img"
    return f"{job.id}  {when}  {job.state.value:<11} {images}  {job.request.model:<24} {prompt}"


def list_jobs(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        run_id = board_id = None
        if args.run is not None:
            run = get_run(store, args.run.strip())
            if run is None:
                say(f"error: there is no run {args.run} in the history", error=True)
                return EXIT_INVALID
            run_id = run.id
        if args.board is not None:
            board = board_named(store, args.board)
            if board is None:
                say(f"error: there is no board named {args.board}", error=True)
                return EXIT_INVALID
            board_id = board.id
        filters = Filters(
            search=args.search,
            status=args.status,
            model=args.model,
            profile=args.profile,
            favourites=args.favourites,
            trashed=args.trash,
            run_id=run_id,
            board_id=board_id,
        )
        records = store.list_jobs(filters, limit=max(args.limit, 1))
    if args.json:
        say_json([job_summary(r) for r in records])
    elif not records:
        if args.trash:
            say("The trash is empty.")
        else:
            filtered = (
                args.search
                or args.status
                or args.model
                or args.profile
                or args.favourites
                or args.run
                or args.board
            )
            say("No jobs match." if filtered else "No jobs yet.")
    else:
        for record in records:
            say(_line(record))
    return EXIT_OK


def _find(store: Store, job_ids: list[str]) -> tuple[list[JobRecord], list[str]]:
    found, missing = [], []
    for job_id in job_ids:
        record = store.find_job(job_id)
        (found if record else missing).append(record or job_id)
    return found, missing  # type: ignore[return-value]


def _report_missing(missing: list[str]) -> None:
    for job_id in missing:
        say(f"error: there is no job {job_id} in the history", error=True)


def show_job(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        record = store.find_job(args.job_id)
    if record is None:
        _report_missing([args.job_id])
        return EXIT_INVALID
    detail = job_detail(record)
    if args.json:
        say_json(detail)
        return EXIT_OK
    for key in ("job_id", "status", "model", "protocol", "profile", "created_at", "prompt"):
        say(f"{key:>10}: {detail[key]}")
    say(f"{'settings':>10}: {shown(detail['parameters'])}")
    if detail["error"]:
        say(f"{'error':>10}: {detail['error']}")
    for image in detail["images"]:
        say(f"{'image':>10}: {image['path']} ({image['width']}×{image['height']})")
    for warning in detail["warnings"]:
        say(f"{'warning':>10}: {warning}")
    return EXIT_OK


def export_jobs(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    if out.exists() and not out.is_dir():
        say(f"error: {out} is not a folder", error=True)
        return EXIT_INVALID
    with open_store(args) as store:
        records, missing = _find(store, args.job_ids)
        for record in records:
            for image in record.images:
                say(str(export_image(record, image, out).path))
    _report_missing(missing)
    return EXIT_INVALID if missing else EXIT_OK


def _bulk(args: argparse.Namespace, verb: str) -> int:
    with open_store(args) as store:
        records, missing = _find(store, args.job_ids)
        _report_missing(missing)
        if verb == "purge":  # only from the trash: a typo must not delete anything for good
            for record in records:
                if record.trashed_at is None:
                    say(f"error: {record.job.id} is not in the trash; trash it first", error=True)
                    missing.append(record.job.id)
            records = [r for r in records if r.trashed_at is not None]
        ids = [r.job.id for r in records]
        count = {"trash": store.trash, "restore": store.restore, "purge": store.purge}[verb](ids)
    say(f"{verb}: {count} job(s)")
    return EXIT_FAILED if missing else EXIT_OK


def trash_jobs(args: argparse.Namespace) -> int:
    return _bulk(args, "trash")


def restore_jobs(args: argparse.Namespace) -> int:
    return _bulk(args, "restore")


def purge_jobs(args: argparse.Namespace) -> int:
    return _bulk(args, "purge")
