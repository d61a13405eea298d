"""Reading references and the mask and shaping them for the wire, off the event loop."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from studio.domain.model_spec import ModelSpec, Operation, ProtocolId, RefsVia
from studio.domain.notice import Notice
from studio.domain.request import GenerationRequest, Reference
from studio.engine.plan import Plan
from studio.imaging.inputs import LoadedImage, load_image
from studio.imaging.markup import markup_for_upload
from studio.imaging.masks import check_mask_matches, mask_for_upload
from studio.imaging.uploads import Placement, PreparedImage, prepare_upload
from studio.protocols.base import WireRequest
from studio.protocols.transport import RelayClient

REFERENCE_DOWNLOAD_CAP = 50 * 1024 * 1024

# Protocols and routes that can pass a reference on as a URL instead of uploading its bytes.
_URL_FRIENDLY = frozenset({ProtocolId.IMAGES_JSON_EDIT, ProtocolId.CHAT, ProtocolId.MIDJOURNEY})


@dataclass(frozen=True)
class Prepared:
    wire: WireRequest
    loaded: tuple[LoadedImage, ...]  # the references as read, before shaping (result checks)
    placements: tuple[Placement, ...]  # how each was put on its upload canvas
    notes: tuple[Notice, ...]


def keeps_urls(request: GenerationRequest, spec: ModelSpec, plan: Plan) -> bool:
    """Whether remote references can travel as URLs rather than be downloaded first."""
    if request.mask is not None or plan.operation in (
        Operation.VARIATION,
        Operation.MJ_BLEND,
        Operation.MJ_DESCRIBE,
    ):
        return False
    if plan.protocol in _URL_FRIENDLY:
        return True
    if plan.protocol in (ProtocolId.IMAGES, ProtocolId.IMAGES_ASYNC):
        if spec.refs_via is RefsVia.IMAGE_FIELD:
            return True
        if spec.refs_via is RefsVia.PROMPT_URLS:
            return all(ref.is_remote for ref in request.references)
    return False


async def _read(reference: Reference, client: RelayClient | None) -> LoadedImage:
    if reference.is_remote:
        assert client is not None and reference.url is not None
        data = await client.download(reference.url, max_bytes=REFERENCE_DOWNLOAD_CAP)
        return await asyncio.to_thread(load_image, data, reference.name)
    source = reference.data if reference.data is not None else reference.path
    assert source is not None, "a reference has a path, bytes or a URL"
    return await asyncio.to_thread(load_image, source, reference.name)


async def prepare(
    request: GenerationRequest, spec: ModelSpec, plan: Plan, client: RelayClient | None
) -> Prepared:
    """Read every local reference (and download remote ones the route cannot pass as URLs),
    shape them to the model's upload limits, and put the mask in the model's style."""
    url_refs = keeps_urls(request, spec, plan)
    ref_urls = tuple(r.url for r in request.references if url_refs and r.is_remote and r.url)
    to_read = [r for r in request.references if not (url_refs and r.is_remote)]
    loaded = tuple(await asyncio.gather(*(_read(r, client) for r in to_read)))

    def shape() -> tuple[list[PreparedImage], list[Notice]]:
        prepared = [prepare_upload(item, spec.upload, index=i + 1) for i, item in enumerate(loaded)]
        notes = [note for item in loaded for note in item.notes]
        notes += [note for item in prepared for note in item.notes]
        return prepared, notes

    prepared, notes = await asyncio.to_thread(shape) if loaded else ([], [])
    mask_upload = None
    if request.mask is not None:
        if prepared:
            check_mask_matches(request.mask, loaded[0])
            placement = prepared[0].placement
        else:  # Vary (Region): the mask belongs to the relay's own image, as painted
            size = (request.mask.width, request.mask.height)
            placement = Placement(size, 1.0, (0, 0), size, size)
        mask_upload = await asyncio.to_thread(mask_for_upload, request.mask, spec.mask, placement)
    markup_upload = None
    if request.markup is not None and prepared:  # the plan makes sure reference #1 is there
        overlay = await _read(request.markup, client)
        markup_upload = await asyncio.to_thread(markup_for_upload, overlay, prepared[0].placement)
    wire = WireRequest(
        request=request,
        spec=spec,
        operation=plan.operation,
        params=plan.params,
        uploads=tuple(p.upload for p in prepared),
        ref_urls=ref_urls,
        mask=mask_upload,
        markup=markup_upload,
    )
    return Prepared(wire, loaded, tuple(p.placement for p in prepared), tuple(notes))
