"""`images-json-edit`: ``POST /v1/images/edits`` with a JSON body of image URLs (seed 000)."""

from __future__ import annotations

from typing import Any

from studio.domain.model_spec import ProtocolId
from studio.imaging.uploads import image_to_data_url
from studio.protocols.base import Accepted, Completed, HttpCall, ImageProtocol, WireRequest
from studio.protocols.capabilities import CAPABILITIES, with_extra
from studio.protocols.images import EDITS, parse_images_response
from studio.protocols.task_shapes import task_in


class JsonEditProtocol(ImageProtocol):
    id = ProtocolId.IMAGES_JSON_EDIT
    operations = CAPABILITIES[ProtocolId.IMAGES_JSON_EDIT].operations

    def build(self, wire: WireRequest) -> HttpCall:
        request, params = wire.request, wire.params
        body: dict[str, Any] = {
            "model": request.model,
            "prompt": request.prompt,
            # Local files travel as data URLs; the relay documents URLs only.
            "images": [*wire.ref_urls, *map(image_to_data_url, wire.uploads)],
        }
        if params.aspect_ratio:
            body["ratio"] = params.aspect_ratio
        if params.image_size and not wire.spec.fixed_resolution:
            body["resolution"] = params.image_size.lower()  # the seed writes 1k/2k/4k
        with_extra(body, request.extra, self.id)  # adds, never replaces
        return HttpCall.with_json(EDITS, body)

    def parse(self, data: Any, wire: WireRequest) -> Completed | Accepted:
        """An ImagesResponse (some relays add a chat-style `choices`: ignored), or a task to poll
        when the relay answered with one, by shape (protocol.md §11)."""
        if (accepted := task_in(data, self.profile)) is not None:
            return accepted
        return parse_images_response(data)
