"""Wire families (protocol.md §1), one module each, behind :class:`ImageProtocol`."""

from __future__ import annotations

from studio.domain.model_spec import ProtocolId
from studio.domain.profile import Profile
from studio.protocols.base import ImageProtocol
from studio.protocols.chat import ChatProtocol
from studio.protocols.gemini import GeminiProtocol
from studio.protocols.images import ImagesProtocol
from studio.protocols.images_async import ImagesAsyncProtocol
from studio.protocols.json_edit import JsonEditProtocol
from studio.protocols.midjourney import MidjourneyProtocol

PROTOCOLS: dict[ProtocolId, type[ImageProtocol]] = {
    cls.id: cls
    for cls in (
        ImagesProtocol,
        ImagesAsyncProtocol,
        JsonEditProtocol,
        GeminiProtocol,
        ChatProtocol,
        MidjourneyProtocol,
    )
}


def protocol_for(protocol: ProtocolId, profile: Profile) -> ImageProtocol:
    return PROTOCOLS[protocol](profile)
