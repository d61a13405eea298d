"""``studio-cli generate``: one job, recorded in the history, results exported to ``--out``.

Exit codes: 0 succeeded, 1 the job failed (relay, network, result), 2 invalid input (nothing
was sent).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from studio.catalog import CatalogError
from studio.cli.common import (
    EXIT_FAILED,
    EXIT_INVALID,
    EXIT_OK,
    add_data_dir,
    engine,
    open_store,
    resolve_profile,
)
from studio.cli.progress import ProgressPrinter
from studio.domain.errors import ErrorKind, InputError, StudioError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.job import Job, JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.notice import Notice
from studio.domain.request import GenerationRequest, Mask, Reference
from studio.engine.export import ExportedImage, export_image
from studio.engine.ids import new_job_id
from studio.imaging import provenance
from studio.imaging.masks import load_mask

MSG_OUT_NOT_DIR = QT_TRANSLATE_NOOP(ERRORS, "{path} is not a folder the results can be saved in.")
MSG_NEEDS_PROMPT = QT_TRANSLATE_NOOP(
    ERRORS, "--prompt and --model are required (or --from-image with a studio image)."
)
MSG_NO_PROVENANCE = QT_TRANSLATE_NOOP(
    ERRORS, "“{name}” carries no studio settings (it was not made or exported by the studio)."
)
MSG_REFS_MISSING = QT_TRANSLATE_NOOP(
    ERRORS,
    "{count} reference image(s) of “{name}” are not in this studio's history; add them with --ref.",
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
    parser.add_argument("--resolution", choices=["1K", "2K", "4K", "1k", "2k", "4k"])
    parser.add_argument("--size", metavar="WxH", help="exact size, e.g. 1024x1536")
    parser.add_argument("--n", type=int, default=None, help="number of images (default 1)")
    parser.add_argument("--quality", metavar="Q")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--negative-prompt", metavar="TEXT", help="what to avoid (some models)")
    parser.add_argument("--style", help="style (dall-e-3, recraft)")
    parser.add_argument("--output-format", choices=["png", "jpeg", "webp"])
    parser.add_argument("--background", choices=["auto", "opaque", "transparent"])
    parser.add_argument("--profile", metavar="NAME", help="relay profile (default: environment)")
    parser.add_argument("--out", default=".", metavar="DIR", help="folder for the results")
    parser.add_argument(
        "--from-image",
        metavar="FILE",
        help="restore the settings saved in a studio image; other options override them",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    add_data_dir(parser)
    parser.set_defaults(handler=run)


def reference_from(text: str) -> Reference:
    if text.startswith(("http://", "https://")):
        name = unquote(Path(urlsplit(text).path).name) or text
        return Reference(name=name, url=text)
    return Reference(name=text, path=Path(text).expanduser())


_OVERRIDES = (
    "prompt",
    "model",
    "ratio",
    "size",
    "n",
    "quality",
    "seed",
    "negative_prompt",
    "style",
    "output_format",
    "background",
)


def restored_settings(
    args: argparse.Namespace,
) -> tuple[dict[str, Any], list[Reference], list[Notice]]:
    """The settings of ``--from-image``, its references found again by their digests."""
    if not args.from_image:
        return {}, [], []
    path = Path(args.from_image).expanduser()
    found = provenance.read(path)
    if found is None:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_NO_PROVENANCE, name=args.from_image)
    settings = found.request_settings()
    references: list[Reference] = []
    missing = 0
    with open_store(args) as store:
        for number, digest in enumerate(found.references, start=1):
            blob = store.blobs.find(digest)
            if blob is None:
                missing += 1
            else:
                references.append(Reference(name=f"reference {number}{blob.suffix}", path=blob))
    notes = []
    if missing:
        notes.append(
            Notice("refs_missing", MSG_REFS_MISSING, {"count": missing, "name": path.name})
        )
    return settings, references, notes


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
    settings.setdefault("prompt", "")
    request = GenerationRequest(**settings)
    return replace(request, references=tuple(references), mask=mask), notes


def summary(job: Job, exported: list[ExportedImage]) -> dict[str, Any]:
    """The ``--json`` object; its keys are a public interface."""
    error = None
    if job.error is not None:
        error = job.error.message
        if job.error.relay_message and job.error.relay_message not in error:
            error += f" (relay: {job.error.relay_message})"
    return {
        "job_id": job.id,
        "status": job.state.value if job.state.is_terminal else JobState.FAILED.value,
        "images": [
            {
                "path": str(image.path),
                "width": image.width,
                "height": image.height,
                "mime": image.mime,
                "sha256": image.sha256,
            }
            for image in exported
        ],
        "usage": job.usage.raw if job.usage else None,
        "warnings": [notice.message for notice in job.warnings],
        "error": error,
    }


def _exit_code(job: Job) -> int:
    if job.state is JobState.SUCCEEDED:
        return EXIT_OK
    if isinstance(job.error, InputError):
        return EXIT_INVALID
    return EXIT_FAILED


def report(job: Job, exported: list[ExportedImage], as_json: bool) -> int:
    for notice in job.warnings:
        print(f"warning: {notice.message}", file=sys.stderr)
    if job.error is not None:
        print(f"error: {job.error.full_text()}", file=sys.stderr)
    if job.text and job.state is JobState.SUCCEEDED:
        print(f"the model said: {job.text}", file=sys.stderr)
    if as_json:
        print(json.dumps(summary(job, exported), ensure_ascii=False))
    else:
        for image in exported:
            print(image.path)
    return _exit_code(job)


async def _generate(
    args: argparse.Namespace,
    request: GenerationRequest,
    out: Path,
    progress: ProgressPrinter | None,
) -> tuple[Job, list[ExportedImage]]:
    profile = resolve_profile(args.profile)
    async with engine(args, profile) as manager:
        if progress is not None:
            manager.listeners.append(progress)
        job = await manager.submit(request, profile.name)
        try:
            job = await manager.wait(job.id)
        except asyncio.CancelledError:  # Ctrl+C: cancel the job, say so, then stop
            await asyncio.shield(manager.cancel(job.id))
            raise
        record = manager.store.get(job.id)
        exported = []
        if record is not None:
            for image in record.images:
                exported.append(await asyncio.to_thread(export_image, record, image, out))
        return job, exported


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
        out = Path(args.out).expanduser()
        if out.exists() and not out.is_dir():
            raise InputError(ErrorKind.INVALID_INPUT, MSG_OUT_NOT_DIR, path=str(out))
        request, notes = request_from(args)
        job, exported = asyncio.run(_generate(args, request, out, progress))
    except KeyboardInterrupt:
        job.state = JobState.CANCELLED
    except StudioError as error:
        job.error, job.state = error, JobState.FAILED
    except CatalogError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if progress is not None:
            progress.close()
    job.warnings[:0] = notes
    return report(job, exported, args.json)
