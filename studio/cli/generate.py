"""``studio-cli generate``: one job, recorded in the history, results exported to ``--out``.

Exit codes: 0 succeeded, 1 the job failed (relay, network, result), 2 invalid input (nothing
was sent).
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import math
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from studio.catalog import Catalog, CatalogError
from studio.cli.common import (
    EXIT_FAILED,
    EXIT_INVALID,
    EXIT_OK,
    add_data_dir,
    engine,
    open_store,
    profiles,
)
from studio.cli.output import say, say_json
from studio.cli.progress import ProgressPrinter
from studio.domain.errors import ErrorKind, InputError, StudioError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.job import Job, JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.notice import Notice
from studio.domain.profile import Profile
from studio.domain.request import (
    BACKGROUNDS,
    COMPLEXITIES,
    INPUT_FIDELITIES,
    MODERATIONS,
    OUTPUT_FORMATS,
    RECORDED_FIELDS,
    RESOLUTIONS,
    SEQUENTIAL,
    THINKING_LEVELS,
    GenerationRequest,
    Mask,
    Reference,
)
from studio.engine.export import ExportedImage, export_image, stored_image
from studio.engine.ids import new_job_id
from studio.engine.manager import RequestManager
from studio.engine.preflight import preflight, writable_folder
from studio.engine.restore import restore_from_image
from studio.imaging.masks import load_mask
from studio.paths import data_dir
from studio.store.history import DATABASE_NAME, ImageRecord, JobRecord

MSG_BAD_TIMEOUT = QT_TRANSLATE_NOOP(
    ERRORS, "--timeout must be a number of seconds greater than 0 (got {value})."
)
MSG_EXPORT_FAILED = QT_TRANSLATE_NOOP(
    WARNINGS,
    "Image {number} could not be written to {folder} ({reason}); it is saved in the history at "
    "{path}.",
)
MSG_RESUMABLE = (
    "The result is kept: run `studio-cli resume` to finish this job (nothing is sent to the "
    "relay again, so nothing is billed again)."
)
MSG_OUT_NOT_DIR = QT_TRANSLATE_NOOP(ERRORS, "{path} is not a folder the results can be saved in.")
MSG_OUT_UNWRITABLE = QT_TRANSLATE_NOOP(
    ERRORS,
    "The results folder {path} cannot be created or written: {reason}. Choose another with --out.",
)
MSG_DATA_UNWRITABLE = QT_TRANSLATE_NOOP(
    ERRORS,
    "The data folder {path} cannot be created or written: {reason}. Choose another with "
    "--data-dir or STUDIO_DATA_DIR.",
)
MSG_NEEDS_PROMPT = QT_TRANSLATE_NOOP(
    ERRORS, "--prompt and --model are required (or --from-image with a studio image)."
)


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "generate",
        help="generate or edit images",
        description="Generate (or, with --ref, edit) images through a relay. Every job is "
        "recorded in the history; results are exported to --out with their settings inside.",
    )
    parser.add_argument("--prompt", help="what to make (required unless --from-image)")
    parser.add_argument(
        "--model", help="model name, e.g. gpt-image-1 (required unless --from-image)"
    )
    parser.add_argument(
        "--protocol",
        choices=[p.value for p in ProtocolId],
        default=None,
        help="wire protocol (default: the catalog's choice for the model)",
    )
    parser.add_argument(
        "--ref",
        action="append",
        default=[],
        metavar="PATH",
        help="reference image (file or http(s) URL); repeat for several",
    )
    parser.add_argument(
        "--mask",
        metavar="PATH",
        help="mask PNG: alpha 0 = area to edit, sized like the first --ref",
    )
    parser.add_argument("--ratio", metavar="W:H", help="aspect ratio, e.g. 16:9")
    parser.add_argument(
        "--resolution",
        choices=list(dict.fromkeys([*RESOLUTIONS, *(r.lower() for r in RESOLUTIONS)])),
    )
    parser.add_argument("--size", metavar="WxH", help="exact size, e.g. 1024x1536")
    parser.add_argument("--n", type=int, default=None, help="number of images (default 1)")
    parser.add_argument("--quality", metavar="Q")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--negative-prompt", metavar="TEXT", help="what to avoid (some models)")
    parser.add_argument("--style", help="style (dall-e-3, recraft)")
    parser.add_argument("--output-format", choices=OUTPUT_FORMATS)
    parser.add_argument("--background", choices=BACKGROUNDS)
    add_late_options(parser)
    parser.add_argument("--profile", metavar="NAME", help="relay profile (default: environment)")
    parser.add_argument("--out", default=".", metavar="DIR", help="folder for the results")
    parser.add_argument(
        "--from-image",
        metavar="FILE",
        help="restore the settings saved in a studio image; other options override them",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="the longest the job may take, from sending to its last status check (default: the "
        "profile's, 600): then a job waiting for its answer ends interrupted (not sent again) "
        "and an async one stays resumable",
    )
    parser.add_argument(
        "--yes",
        action="store_true",
        help="send even if the request would pass the relay's daily or monthly budget (without "
        "it such a request is not sent: exit 2)",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    add_data_dir(parser)
    parser.set_defaults(handler=run)


def add_late_options(parser: argparse.ArgumentParser) -> None:
    """The options of late-2026 models (protocol.md §11); each is checked against the model."""
    parser.add_argument(
        "--markup",
        metavar="PATH",
        help="transparent overlay drawn on the first --ref (gpt-image-2.6 edits; not with --mask)",
    )
    parser.add_argument(
        "--input-fidelity", choices=INPUT_FIDELITIES, help="edits: how closely to keep the refs"
    )
    parser.add_argument(
        "--output-compression", type=int, metavar="0-100", help="jpeg/webp output compression"
    )
    parser.add_argument("--moderation", choices=MODERATIONS)
    parser.add_argument("--complexity", choices=COMPLEXITIES, help="gpt-image-2.6")
    parser.add_argument("--frame-count", type=int, metavar="N", help="gif output: frames")
    parser.add_argument(
        "--frame-duration-ms", type=int, metavar="MS", help="gif output: time per frame"
    )
    parser.add_argument(
        "--thinking", choices=THINKING_LEVELS, help="Gemini native: the thinking level"
    )
    parser.add_argument(
        "--sequential",
        choices=SEQUENTIAL,
        help="Seedream: auto makes a series of images from one request (see --max-images)",
    )
    parser.add_argument(
        "--max-images", type=int, metavar="N", help="with --sequential auto: at most N images"
    )
    parser.add_argument(
        "--watermark",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="Seedream: ask for (or against) the provider's watermark",
    )
    parser.add_argument(
        "--safety-tolerance", type=int, metavar="N", help="FLUX: 0 (strictest) and up"
    )


def reference_from(text: str) -> Reference:
    if text.startswith(("http://", "https://")):
        name = unquote(Path(urlsplit(text).path).name) or text
        return Reference(name=name, url=text)
    return Reference(name=text, path=Path(text).expanduser())


# Settings a flag gives (resolution is normalised on its own; blend shapes have no flag).
_OVERRIDES = (
    "prompt",
    "model",
    "n",
    *(name for name in RECORDED_FIELDS if name not in ("resolution", "blend_dimensions")),
)


def restored_settings(
    args: argparse.Namespace,
) -> tuple[dict[str, Any], list[Reference], list[Notice]]:
    """The settings of ``--from-image``, its references found again by their digests."""
    if not args.from_image:
        return {}, [], []
    with open_store(args) as store:
        restored = restore_from_image(Path(args.from_image), store.blobs)
    return dict(restored.settings), list(restored.references), list(restored.notes)


def check_budget(args: argparse.Namespace, request: GenerationRequest, profile: Profile) -> None:
    """Refuse (exit 2, nothing sent) a request that would pass a budget of the relay."""
    if profile.daily_budget is None and profile.monthly_budget is None:
        return
    from studio.engine.budget import over_budget

    with open_store(args) as store:
        excess = over_budget(store, Catalog.load(), profile, request)
    if excess is not None:
        raise excess.error()


def request_from(args: argparse.Namespace) -> tuple[GenerationRequest, list[Notice]]:
    settings, restored_refs, notes = restored_settings(args)
    for name in _OVERRIDES:
        value = getattr(args, name)
        if value is not None:
            settings[name] = value
    if args.resolution:
        settings["resolution"] = args.resolution.upper()
    if args.protocol:
        settings["protocol"] = ProtocolId(args.protocol)
    if (not settings.get("prompt") and not args.from_image) or not settings.get("model"):
        raise InputError(ErrorKind.INVALID_INPUT, MSG_NEEDS_PROMPT)
    mask: Mask | None = None
    if args.mask:
        mask = load_mask(Path(args.mask).expanduser(), args.mask)
    references = [reference_from(r) for r in args.ref] or restored_refs
    markup = reference_from(args.markup) if args.markup else None
    settings.setdefault("prompt", "")
    request = GenerationRequest(**settings)
    return replace(request, references=tuple(references), mask=mask, markup=markup), notes


def error_text(job: Job) -> str | None:
    """The job's error as the ``--json`` objects give it (relay's words, billing note)."""
    if job.error is None:
        return None
    error = job.error.message
    if job.error.relay_message and job.error.relay_message not in error:
        error += f" (relay: {job.error.relay_message})"
    if job.error.billing_note:
        error += f" {job.error.billing_note}"
    return error


def image_objects(exported: list[ExportedImage]) -> list[dict[str, Any]]:
    """The ``images`` of the ``--json`` objects (generate, compare, batch)."""
    return [
        {
            "path": str(image.path),
            "width": image.width,
            "height": image.height,
            "mime": image.mime,
            "sha256": image.sha256,
        }
        for image in exported
    ]


def status_of(job: Job) -> str:
    """A job's final state for the ``--json`` objects (one not ended counts as failed)."""
    return job.state.value if job.state.is_terminal else JobState.FAILED.value


def summary(job: Job, exported: list[ExportedImage]) -> dict[str, Any]:
    """The ``--json`` object; its keys are a public interface."""
    return {
        "job_id": job.id,
        "status": status_of(job),
        "images": image_objects(exported),
        "usage": job.usage.raw if job.usage else None,
        "warnings": [notice.message for notice in job.warnings],
        "error": error_text(job),
    }


def _exit_code(job: Job) -> int:
    if job.state is JobState.SUCCEEDED:
        return EXIT_OK
    if isinstance(job.error, InputError):
        return EXIT_INVALID
    return EXIT_FAILED


def report(job: Job, exported: list[ExportedImage], as_json: bool) -> int:
    for notice in job.warnings:
        say(f"warning: {notice.message}", error=True)
    if job.error is not None:
        say(f"error: {job.error.full_text(billing=True)}", error=True)
    if job.resumable:
        say(MSG_RESUMABLE, error=True)
    if job.text and job.state is JobState.SUCCEEDED:
        say(f"the model said: {job.text}", error=True)
    if as_json:
        say_json(summary(job, exported))
    else:
        for image in exported:
            say(str(image.path))
    return _exit_code(job)


def check_data_dir(args: argparse.Namespace) -> None:
    """The history must be writable before anything is stored in it (or sent)."""
    folder = data_dir(getattr(args, "data_dir", None))
    writable_folder(folder, MSG_DATA_UNWRITABLE)
    database = folder / DATABASE_NAME
    if database.exists() and not os.access(database, os.R_OK | os.W_OK):
        raise InputError(
            ErrorKind.INVALID_INPUT,
            MSG_DATA_UNWRITABLE,
            path=str(database),
            reason=os.strerror(errno.EACCES),
        )


def check_out(out: Path) -> None:
    """``--out`` is a folder the results can be written to, made now if it is missing."""
    if out.exists() and not out.is_dir():
        raise InputError(ErrorKind.INVALID_INPUT, MSG_OUT_NOT_DIR, path=str(out))
    writable_folder(out, MSG_OUT_UNWRITABLE)


async def _generate(
    args: argparse.Namespace,
    request: GenerationRequest,
    profile: Profile,
    out: Path,
    progress: ProgressPrinter | None,
) -> tuple[Job, list[ExportedImage]]:
    async with engine(args, profile) as manager:
        if progress is not None:
            manager.listeners.append(progress)
        job = await manager.submit(request, profile.name)
        try:
            job = await manager.wait(job.id)
        except asyncio.CancelledError:  # Ctrl+C: cancel the job, say so, then stop
            await asyncio.shield(manager.cancel(job.id))
            raise
        return job, await export_results(manager, job, out)


async def export_results(manager: RequestManager, job: Job, out: Path) -> list[ExportedImage]:
    """The job's images (as the history has them) exported to ``out``, off the event loop."""
    record = await manager.run_in_store(manager.store.get, job.id)
    if record is None:
        return []
    return [await asyncio.to_thread(_export, job, record, image, out) for image in record.images]


def _export(job: Job, record: JobRecord, image: ImageRecord, out: Path) -> ExportedImage:
    """``image`` exported to ``out``; when that fails (a full disk), the history's own copy,
    with a warning: the image is safe either way."""
    try:
        return export_image(record, image, out)
    except OSError as error:
        job.warnings.append(
            Notice(
                "export_failed",
                MSG_EXPORT_FAILED,
                {
                    "number": image.result.index + 1,
                    "folder": str(out),
                    "reason": error.strerror or type(error).__name__,
                    "path": str(image.result.path),
                },
            )
        )
        return stored_image(image.result)


def run(args: argparse.Namespace) -> int:
    job = Job(
        id=new_job_id(),
        request=GenerationRequest(args.prompt or "", args.model or ""),
        profile_name="",
    )
    progress = ProgressPrinter(sys.stderr) if sys.stderr.isatty() else None
    exported: list[ExportedImage] = []
    notes: list[Notice] = []
    try:
        # Everything that can be checked is checked before the history is opened or the relay
        # paid: the data folder, the request itself, the key, then the results folder.
        check_data_dir(args)
        request, notes = request_from(args)
        profile = profiles().chosen(args.profile)
        if args.timeout is not None:
            if not (math.isfinite(args.timeout) and args.timeout > 0):
                raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_TIMEOUT, value=args.timeout)
            profile = replace(profile, job_timeout=args.timeout)
        preflight(request, profile)
        out = Path(args.out).expanduser()
        check_out(out)
        if not args.yes:
            check_budget(args, request, profile)
        job, exported = asyncio.run(_generate(args, request, profile, out, progress))
    except KeyboardInterrupt:
        job.state = JobState.CANCELLED
    except StudioError as error:
        job.error, job.state = error, JobState.FAILED
    except CatalogError as error:
        say(f"error: {error}", error=True)
        return EXIT_FAILED
    finally:
        if progress is not None:
            progress.close()
    job.warnings[:0] = notes
    return report(job, exported, args.json)
