"""``studio-cli generate``: one job, results saved in ``--out``, a JSON summary on request.

Exit codes: 0 succeeded, 1 the job failed (relay, network, result), 2 invalid input (nothing
was sent).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from studio.catalog import Catalog, CatalogError
from studio.cli.progress import ProgressPrinter
from studio.domain.errors import ErrorKind, InputError, StudioError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.job import Job, JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest, Mask, Reference
from studio.engine.ids import new_job_id
from studio.engine.runner import Runner
from studio.engine.sinks import DirectorySink
from studio.imaging.masks import load_mask
from studio.protocols.transport import RelayClient

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2

MSG_NO_RELAY = QT_TRANSLATE_NOOP(
    ERRORS,
    "No relay is configured. Set STUDIO_BASE_URL and STUDIO_API_KEY, or pass --profile NAME.",
)
MSG_NO_PROFILE = QT_TRANSLATE_NOOP(
    ERRORS,
    "There is no profile named {name}. Add it with: studio-cli profiles add {name} --base-url URL",
)
MSG_OUT_NOT_DIR = QT_TRANSLATE_NOOP(ERRORS, "{path} is not a folder the results can be saved in.")


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "generate",
        help="generate or edit images",
        description="Generate (or, with --ref, edit) images through a relay and save them.",
    )
    parser.add_argument("--prompt", required=True, help="what to make")
    parser.add_argument("--model", required=True, help="model name, e.g. gpt-image-1")
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
    parser.add_argument("--n", type=int, default=1, help="number of images")
    parser.add_argument("--quality", metavar="Q")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--negative-prompt", metavar="TEXT", help="what to avoid (some models)")
    parser.add_argument("--style", help="style (dall-e-3, recraft)")
    parser.add_argument("--output-format", choices=["png", "jpeg", "webp"])
    parser.add_argument("--background", choices=["auto", "opaque", "transparent"])
    parser.add_argument("--profile", metavar="NAME", help="relay profile (default: environment)")
    parser.add_argument("--out", default=".", metavar="DIR", help="folder for the results")
    parser.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    parser.set_defaults(handler=run)


def profile_from(args: argparse.Namespace) -> Profile:
    if args.profile:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_NO_PROFILE, name=args.profile)
    base_url = os.environ.get("STUDIO_BASE_URL", "").strip()
    if not base_url:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_NO_RELAY)
    return Profile(
        name="environment", base_url=base_url, api_key=os.environ.get("STUDIO_API_KEY", "").strip()
    )


def reference_from(text: str) -> Reference:
    if text.startswith(("http://", "https://")):
        name = unquote(Path(urlsplit(text).path).name) or text
        return Reference(name=name, url=text)
    return Reference(name=text, path=Path(text).expanduser())


def request_from(args: argparse.Namespace) -> GenerationRequest:
    mask: Mask | None = None
    if args.mask:
        mask = load_mask(Path(args.mask).expanduser(), args.mask)
    return GenerationRequest(
        prompt=args.prompt,
        model=args.model,
        protocol=ProtocolId(args.protocol) if args.protocol else None,
        references=tuple(reference_from(r) for r in args.ref),
        mask=mask,
        ratio=args.ratio,
        resolution=args.resolution.upper() if args.resolution else None,
        size=args.size,
        n=args.n,
        quality=args.quality,
        seed=args.seed,
        negative_prompt=args.negative_prompt,
        style=args.style,
        output_format=args.output_format,
        background=args.background,
    )


def summary(job: Job) -> dict[str, Any]:
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
            for image in job.images
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


def _report(job: Job, as_json: bool) -> int:
    for notice in job.warnings:
        print(f"warning: {notice.message}", file=sys.stderr)
    if job.error is not None:
        print(f"error: {job.error.full_text()}", file=sys.stderr)
    if job.text and job.state is JobState.SUCCEEDED:
        print(f"the model said: {job.text}", file=sys.stderr)
    if as_json:
        print(json.dumps(summary(job), ensure_ascii=False))
    else:
        for image in job.images:
            print(image.path)
    return _exit_code(job)


async def _generate(
    job: Job, profile: Profile, catalog: Catalog, out: Path, progress: ProgressPrinter | None
) -> Job:
    async with RelayClient(profile) as client:
        runner = Runner(catalog=catalog, client=client, sink=DirectorySink(out))
        if progress is not None:
            runner.listeners.append(progress)
        return await runner.run(job)


def run(args: argparse.Namespace) -> int:
    job = Job(
        id=new_job_id(),
        request=GenerationRequest(prompt=args.prompt, model=args.model),
        profile_name="",
    )
    try:
        out = Path(args.out).expanduser()
        if out.exists() and not out.is_dir():
            raise InputError(ErrorKind.INVALID_INPUT, MSG_OUT_NOT_DIR, path=str(out))
        job.request = request_from(args)
        profile = profile_from(args)
        job.profile_name = profile.name
        catalog = Catalog.load()
    except StudioError as error:
        job.error, job.state = error, JobState.FAILED
        return _report(job, args.json)
    except CatalogError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    for problem in catalog.problems:
        print(f"warning: {problem}", file=sys.stderr)
    progress = ProgressPrinter(sys.stderr) if sys.stderr.isatty() else None
    try:
        asyncio.run(_generate(job, profile, catalog, out, progress))
    except KeyboardInterrupt:
        job.state = JobState.CANCELLED
    except StudioError as error:  # e.g. a base URL that is not a URL
        job.error, job.state = error, JobState.FAILED
    if progress is not None:
        progress.close()
    return _report(job, args.json)
