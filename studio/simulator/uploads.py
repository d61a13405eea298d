"""Multipart uploads on the images endpoints, checked the way new-api and OpenAI check them."""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from typing import Any

from PIL import Image
from starlette.exceptions import HTTPException

from studio.domain.model_spec import MiB, ModelSpec
from studio.simulator.call import Call, truncated
from studio.simulator.inputs import Picture, probe

IMAGE_PART = re.compile(r"^image(\[\d*\])?$")


@dataclass(frozen=True)
class Upload:
    name: str
    filename: str | None  # None: the part was sent without a filename
    content_type: str | None
    data: bytes

    @property
    def label(self) -> str:
        return f"'{self.filename}'" if self.filename else f"part '{self.name}'"


async def read_form(call: Call) -> tuple[list[Upload], dict[str, str]]:
    """The file parts (in order) and text fields of a multipart body; both are logged."""
    uploads: list[Upload] = []
    fields: dict[str, str] = {}
    try:
        async with call.request.form(max_files=64, max_fields=256, max_part_size=64 * MiB) as form:
            for name, value in form.multi_items():
                if not isinstance(value, str):
                    uploads.append(
                        Upload(name, value.filename, value.content_type, await value.read())
                    )
                elif IMAGE_PART.match(name) or name == "mask":  # a file sent as a plain field
                    uploads.append(Upload(name, None, None, value.encode("utf-8", "replace")))
                else:
                    fields[name] = value
    except HTTPException as exc:
        raise call.bad_request(f"malformed multipart body: {exc.detail}") from None
    call.entry.parts = [_describe(upload) for upload in uploads]
    call.entry.fields = truncated(fields)
    return uploads, fields


def image_uploads(call: Call, uploads: list[Upload]) -> list[Upload]:
    images = [u for u in uploads if IMAGE_PART.match(u.name)]
    if not images:
        got = ", ".join(sorted({u.name for u in uploads})) or "none"
        raise call.bad_request(
            "image is required: send the file as a part named image, image[] or image[N] "
            f"(file parts received: {got})",
            code="missing_image",
        )
    return images


def checked_image(call: Call, spec: ModelSpec, upload: Upload) -> Picture:
    """An uploaded image that passes the model's upload rules."""
    picture = _readable(call, upload)
    limits = spec.upload
    fmt = picture.format.lower()
    if fmt not in limits.formats:
        accepted = ", ".join(limits.formats)
        raise call.bad_request(
            f"{upload.label}: {fmt} images are not accepted by {spec.id} (accepted: {accepted})"
        )
    if limits.square and picture.width != picture.height:
        raise call.bad_request(
            f"{upload.label}: {spec.id} needs a square image, got {picture.width}x{picture.height}"
        )
    if len(upload.data) > limits.max_bytes:
        raise call.bad_request(
            f"{upload.label}: the image must be smaller than {limits.max_bytes / 1e6:.0f} MB "
            f"for {spec.id}"
        )
    return picture


def checked_mask(call: Call, upload: Upload, first: Picture) -> Picture:
    """A PNG with an alpha channel, the same size as the first image."""
    mask = _readable(call, upload)
    if mask.format != "PNG" or not mask.has_alpha:
        raise call.bad_request(
            "the mask must be a PNG with an alpha channel (alpha 0 marks where to edit)"
        )
    if (mask.width, mask.height) != (first.width, first.height):
        raise call.bad_request(
            f"mask size {mask.width}x{mask.height} "
            f"does not match image size {first.width}x{first.height}"
        )
    return mask


def _readable(call: Call, upload: Upload) -> Picture:
    if not upload.filename:
        raise call.bad_request(
            f"the '{upload.name}' part has no filename: "
            'send it as a file (e.g. filename="image.png")'
        )
    content_type = (upload.content_type or "").lower()
    if not content_type.startswith("image/"):
        raise call.bad_request(
            f"{upload.label} has content type {content_type or 'none'}; "
            "expected image/png, image/jpeg or image/webp"
        )
    try:
        return probe(upload.data)
    except ValueError as exc:
        raise call.bad_request(f"{upload.label} is not a valid image: {exc}") from None


def _describe(upload: Upload) -> dict[str, Any]:
    width = height = None
    # Not an image: the log just has no size.
    with contextlib.suppress(Exception), Image.open(io.BytesIO(upload.data)) as image:
        width, height = image.size
    return {
        "name": upload.name,
        "filename": upload.filename,
        "content_type": upload.content_type,
        "size": len(upload.data),
        "width": width,
        "height": height,
    }
