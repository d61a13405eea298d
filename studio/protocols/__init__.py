"""Wire families (protocol.md §1), one module each, behind :class:`ImageProtocol`.

Importing this package is cheap: implementations (httpx, Pillow) load on first use.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from studio.domain.model_spec import ProtocolId
from studio.domain.profile import Profile

if TYPE_CHECKING:
    from studio.protocols.base import ImageProtocol


@cache
def protocol_classes() -> dict[ProtocolId, type[ImageProtocol]]:
    from studio.protocols.chat import ChatProtocol
    from studio.protocols.gemini import GeminiProtocol
    from studio.protocols.images import ImagesProtocol
    from studio.protocols.images_async import ImagesAsyncProtocol
    from studio.protocols.json_edit import JsonEditProtocol
    from studio.protocols.midjourney import MidjourneyProtocol

    classes = (
        ImagesProtocol, ImagesAsyncProtocol, JsonEditProtocol, GeminiProtocol, ChatProtocol,
        MidjourneyProtocol,
    )
    return {cls.id: cls for cls in classes}


def protocol_for(protocol: ProtocolId, profile: Profile) -> ImageProtocol:
    return protocol_classes()[protocol](profile)
