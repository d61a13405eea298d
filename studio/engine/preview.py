"""The dry run: the HTTP call the engine would send for a request, without sending anything.

The engine's own steps, as a job takes them (runner.py): the relay's model settings applied
(name sent, protocol, extra fields), ``plan_request``, ``prepare``, the protocol's ``build``,
then what this relay refused for this model before left out. Remote references are not
fetched: where the route would download them a tiny stand-in is prepared, and
:attr:`Preview.remote` says which upload stands in for which URL. Showing the call (with the
key hidden) is the presentation's business.
"""

from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass, field, replace

from studio.domain.model_spec import ModelSpec
from studio.domain.notice import Notice
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest, Reference
from studio.engine.adapt import DROPPABLE, RefusalMemory
from studio.engine.overrides import apply_overrides
from studio.engine.plan import plan_request
from studio.engine.prepare import keeps_urls, prepare
from studio.protocols import protocol_for
from studio.protocols.base import HttpCall

# A 1×1 PNG standing in for a remote reference the preview does not download.
STAND_IN = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@dataclass(frozen=True)
class Preview:
    call: HttpCall  # what would be sent, the refused fields left out
    profile: Profile  # where it would go (its root URL, whether it has a key)
    remote: dict[str, str] = field(default_factory=dict, hash=False)  # "ref-2" → its URL
    left_out: frozenset[str] = frozenset()  # refused by this relay for this model before
    notes: tuple[Notice, ...] = ()  # what the job would say about its settings


async def preview_request(
    request: GenerationRequest,
    spec: ModelSpec,
    profile: Profile,
    *,
    quirks: RefusalMemory | None = None,
) -> Preview:
    """The call for ``request`` to ``profile``'s relay. Raises the engine's StudioError when
    the request cannot be built (the same error Generate would give). ``quirks``: what relays
    refused before (``RelayQuirks``), left out as a job would; None shows the full call."""
    request, notes = apply_overrides(request, profile)
    plan = plan_request(request, spec)
    remote: dict[str, str] = {}
    shown = request
    if any(ref.is_remote for ref in request.references) and not keeps_urls(request, spec, plan):
        stand_ins: list[Reference] = []
        for index, ref in enumerate(request.references, start=1):
            if ref.is_remote and ref.url:
                stand_ins.append(Reference(name=ref.name, data=STAND_IN))
                remote[f"ref-{index}"] = ref.url
            else:
                stand_ins.append(ref)
        shown = replace(request, references=tuple(stand_ins))
    prepared = await prepare(shown, spec, plan, None)
    protocol = protocol_for(plan.protocol, profile)

    def build() -> tuple[HttpCall, frozenset[str]]:  # base64 and JSON of megabytes; a file read
        wire = prepared.wire
        if quirks is not None:
            learned = quirks.refused(profile.name, wire.model) & DROPPABLE
            wire = replace(wire, omit=learned)
        call = protocol.call_for(wire)
        return call, protocol.left_out

    call, left_out = await asyncio.to_thread(build)
    return Preview(
        call=call,
        profile=profile,
        remote=remote,
        left_out=left_out,
        notes=(*notes, *plan.notes, *prepared.notes),
    )
