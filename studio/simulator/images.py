"""``/v1/images/generations``, ``/v1/images/edits`` (multipart and JSON) and ``/variations``."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from studio.domain.model_spec import ModelSpec, Operation
from studio.simulator import jobs, personalities, streaming
from studio.simulator.call import Call, endpoint
from studio.simulator.faults import split_directive
from studio.simulator.inputs import Picture, probe
from studio.simulator.jobs import ImageJob, text_field
from studio.simulator.sizes import DEFAULT_SIZE
from studio.simulator.uploads import Upload, checked_image, checked_mask, image_uploads, read_form

_CAPTION_FIELDS = ("quality", "style", "seed", "background", "negative_prompt")


# Checking a request decodes its images: the *_job functions run in a worker thread.


@endpoint("paid")
async def generations(call: Call) -> Response:
    call.require_auth()
    body = await call.read_json()
    personalities.refuse_params(call, body)
    job, directive = await run_in_threadpool(_generation_job, call, body)
    if (partials := streaming.requested(call, job.spec, body)) is not None:
        return await streaming.answer(call, job, directive, partials, streaming.GENERATION, body)
    return await jobs.answer(call, job, directive)


@endpoint("paid")
async def edits(call: Call) -> Response:
    call.require_auth()
    if call.request.headers.get("content-type", "").startswith("application/json"):
        body = await call.read_json()
        personalities.refuse_params(call, body)
        job, directive = await run_in_threadpool(_json_edit_job, call, body)
        return await jobs.answer(call, job, directive, chat_style=True)
    uploads, fields = await read_form(call)
    personalities.refuse_params(call, fields)
    job, directive = await run_in_threadpool(_edit_job, call, uploads, fields)
    if (partials := streaming.requested(call, job.spec, dict(fields))) is not None:
        return await streaming.answer(call, job, directive, partials, streaming.EDIT, fields)
    return await jobs.answer(call, job, directive)


@endpoint("paid")
async def variations(call: Call) -> Response:
    call.require_auth()
    uploads, fields = await read_form(call)
    personalities.refuse_params(call, fields)
    return await jobs.answer(call, *await run_in_threadpool(_variation_job, call, uploads, fields))


def _generation_job(call: Call, body: dict[str, Any]) -> tuple[ImageJob, str]:
    spec = call.model_spec(body.get("model"))
    prompt, directive = split_directive(text_field(call, body, "prompt") or "")
    refs = jobs.references(call, body.get("image"), "image")
    if Operation.GENERATE not in spec.operations and not (
        refs and Operation.EDIT in spec.operations
    ):
        raise _unsupported(call, spec, "image generation")
    fields = {
        name: text_field(call, body, name)
        for name in (*_CAPTION_FIELDS, "size", "aspect_ratio", "image_size")
    }
    job = ImageJob(
        spec=spec,
        prompt=jobs.prompt_field(call, spec, prompt),
        size=jobs.size_field(
            call,
            spec,
            size=fields["size"],
            ratio=fields["aspect_ratio"],
            resolution=fields["image_size"],
        ),
        n=jobs.series_field(
            call, spec, body, jobs.n_field(call, spec, text_field(call, body, "n"))
        ),
        refs=refs,
        fmt=jobs.format_field(call, text_field(call, body, "output_format")),
        frames=jobs.frames_field(call, body),
        response_format=jobs.response_format_field(
            call, spec, text_field(call, body, "response_format")
        ),
        caption=jobs.caption(spec, fields),
        variant=fields["seed"] or "",
        transparent=fields["background"] == "transparent",
    )
    return job, directive


def _edit_job(call: Call, uploads: list[Upload], fields: dict[str, str]) -> tuple[ImageJob, str]:
    spec = call.model_spec(fields.get("model"))
    if Operation.EDIT not in spec.operations:
        raise _unsupported(call, spec, "image edits")
    images = image_uploads(call, uploads)
    if spec.max_refs and len(images) > spec.max_refs:
        raise call.bad_request(f"{spec.id} takes at most {spec.max_refs} images, got {len(images)}")
    pictures = [checked_image(call, spec, upload) for upload in images]
    mask = _mask(call, uploads, pictures[0])
    prompt, directive = split_directive(fields.get("prompt", ""))
    job = ImageJob(
        spec=spec,
        prompt=jobs.prompt_field(call, spec, prompt),
        size=_edit_size(call, spec, fields, pictures[0], masked=mask is not None),
        n=jobs.series_field(call, spec, fields, jobs.n_field(call, spec, fields.get("n"))),
        refs=tuple(p.data for p in pictures),
        fmt=jobs.format_field(call, fields.get("output_format")),
        frames=jobs.frames_field(call, fields),
        response_format=jobs.response_format_field(call, spec, fields.get("response_format")),
        caption=jobs.caption(spec, {name: fields.get(name) for name in _CAPTION_FIELDS}),
        variant=fields.get("seed", ""),
        base=pictures[0].data if mask else b"",
        mask=mask.data if mask else b"",
        mask_style="alpha" if mask else "",
    )
    return job, directive


def _json_edit_job(call: Call, body: dict[str, Any]) -> tuple[ImageJob, str]:
    """The ``images-json-edit`` family (seed 000): image URLs, ``ratio`` and ``resolution``."""
    spec = call.model_spec(body.get("model"))
    if Operation.EDIT not in spec.operations:
        raise _unsupported(call, spec, "image edits")
    prompt, directive = split_directive(text_field(call, body, "prompt") or "")
    refs = jobs.references(call, body.get("images"), "images")
    if not refs:
        raise call.bad_request(
            "images is required: a list of image URLs or data URLs", code="missing_image"
        )
    first = refs[0]
    fallback = _size_of(first) if isinstance(first, bytes) else DEFAULT_SIZE
    job = ImageJob(
        spec=spec,
        prompt=jobs.prompt_field(call, spec, prompt),
        size=jobs.size_field(
            call,
            spec,
            size=text_field(call, body, "size"),
            ratio=text_field(call, body, "ratio") or text_field(call, body, "aspect_ratio"),
            resolution=text_field(call, body, "resolution"),
            fallback=fallback,
        ),
        n=jobs.n_field(call, spec, text_field(call, body, "n")),
        refs=refs,
        response_format=jobs.response_format_field(
            call, spec, text_field(call, body, "response_format")
        ),
        caption=(spec.id,),
    )
    return job, directive


def _variation_job(
    call: Call, uploads: list[Upload], fields: dict[str, str]
) -> tuple[ImageJob, str]:
    spec = call.model_spec(fields.get("model"))
    if Operation.VARIATION not in spec.operations:
        raise _unsupported(call, spec, "variations")
    picture = checked_image(call, spec, image_uploads(call, uploads)[0])
    job = ImageJob(
        spec=spec,
        prompt="A variation of the uploaded image",
        size=_edit_size(call, spec, fields, picture, masked=False),
        n=jobs.n_field(call, spec, fields.get("n")),
        refs=(picture.data,),
        response_format=jobs.response_format_field(call, spec, fields.get("response_format")),
        caption=(spec.id, "variation"),
    )
    return job, ""


def _mask(call: Call, uploads: list[Upload], first: Picture) -> Picture | None:
    upload = next((u for u in uploads if u.name == "mask"), None)
    return checked_mask(call, upload, first) if upload else None


def _edit_size(
    call: Call, spec: ModelSpec, fields: dict[str, Any], first: Picture, *, masked: bool
) -> tuple[int, int]:
    """A mask edit keeps the image's size; otherwise size/ratio fields, else the image's size."""
    if masked:
        return first.width, first.height
    return jobs.size_field(
        call,
        spec,
        size=fields.get("size") or None,
        ratio=fields.get("aspect_ratio") or None,
        resolution=fields.get("image_size") or None,
        fallback=(first.width, first.height),
    )


def _size_of(data: bytes) -> tuple[int, int]:
    picture = probe(data)
    return picture.width, picture.height


def _unsupported(call: Call, spec: ModelSpec, what: str) -> Exception:
    return call.bad_request(f"{spec.id} does not support {what}", code="unsupported_operation")
