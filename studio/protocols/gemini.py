"""`gemini`: native ``generateContent`` (protocol.md §6)."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import quote

from studio.domain.errors import ErrorKind, RelayError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import ProtocolId, ResolutionVia
from studio.protocols.base import Completed, HttpCall, ImageProtocol, RawImage, WireRequest
from studio.protocols.capabilities import CAPABILITIES
from studio.protocols.jsonbody import Blob, as_text
from studio.protocols.relay_errors import MSG_WORDS_ONLY, clean_text

MSG_BLOCKED = QT_TRANSLATE_NOOP(
    ERRORS, "The provider blocked this request ({reason}). Change the prompt or images."
)
MSG_NO_IMAGE = QT_TRANSLATE_NOOP(
    ERRORS, "The model finished without an image ({reason}). Try again or rephrase the prompt."
)

BLOCKING_FINISH_REASONS = frozenset(
    {
        "SAFETY",
        "RECITATION",
        "PROHIBITED_CONTENT",
        "BLOCKLIST",
        "SPII",
        "IMAGE_SAFETY",
        "IMAGE_PROHIBITED_CONTENT",
        "IMAGE_RECITATION",
    }
)


def _field(mapping: dict[str, Any], camel: str, snake: str) -> Any:
    return mapping.get(camel) if camel in mapping else mapping.get(snake)


class GeminiProtocol(ImageProtocol):
    id = ProtocolId.GEMINI
    operations = CAPABILITIES[ProtocolId.GEMINI].operations

    def build(self, wire: WireRequest) -> HttpCall:
        parts: list[dict[str, Any]] = [
            {"inlineData": {"mimeType": u.mime, "data": base64.b64encode(u.data).decode("ascii")}}
            for u in wire.uploads
        ]
        parts.append({"text": wire.prompt})
        image_config: dict[str, str] = {}
        if wire.params.aspect_ratio:
            image_config["aspectRatio"] = wire.params.aspect_ratio
        if wire.params.image_size and wire.spec.resolution_via is ResolutionVia.IMAGE_SIZE:
            image_config["imageSize"] = wire.params.image_size
        config: dict[str, Any] = {"responseModalities": ["TEXT", "IMAGE"]}
        if image_config:
            config["imageConfig"] = image_config
        if wire.request.seed is not None:
            config["seed"] = wire.request.seed
        body: dict[str, Any] = {
            "contents": [{"role": "user", "parts": parts}],
            "generationConfig": config,
        }
        body.update(wire.request.extra)
        path = f"/v1beta/models/{quote(wire.model, safe='')}:generateContent"
        return HttpCall.with_json(path, body, auth=self.profile.gemini_auth)

    def parse(self, data: Any, wire: WireRequest) -> Completed:
        if not isinstance(data, dict):
            raise RelayError(ErrorKind.NO_IMAGE, MSG_NO_IMAGE, reason="?", may_be_billed=True)
        feedback = _field(data, "promptFeedback", "prompt_feedback") or {}
        block = (
            _field(feedback, "blockReason", "block_reason") if isinstance(feedback, dict) else None
        )
        if block:
            raise RelayError(
                ErrorKind.SAFETY,
                MSG_BLOCKED,
                reason=str(block),
                relay_message=clean_text(
                    str(_field(feedback, "blockReasonMessage", "block_reason_message") or "")
                )
                or None,
            )
        images: list[RawImage] = []
        texts: list[str] = []
        finish_reasons: list[str] = []
        for candidate in data.get("candidates") or []:
            if not isinstance(candidate, dict):
                continue
            if reason := _field(candidate, "finishReason", "finish_reason"):
                finish_reasons.append(str(reason))
            content = candidate.get("content") or {}
            for part in content.get("parts") or [] if isinstance(content, dict) else []:
                if not isinstance(part, dict) or part.get("thought"):
                    continue  # thought images are drafts
                inline = _field(part, "inlineData", "inline_data")
                file_data = _field(part, "fileData", "file_data")
                if isinstance(inline, dict) and (payload := inline.get("data")):
                    if isinstance(payload, Blob | str):
                        mime = _field(inline, "mimeType", "mime_type")
                        images.append(RawImage("inline", b64=payload, mime=mime))
                elif isinstance(file_data, dict) and (
                    uri := _field(file_data, "fileUri", "file_uri")
                ):
                    images.append(RawImage("url", url=str(uri)))
                elif text := as_text(part.get("text")):
                    texts.append(text.strip())
        text = "\n".join(t for t in texts if t) or None
        usage = _field(data, "usageMetadata", "usage_metadata")
        if images:
            return Completed(
                tuple(images), usage=usage if isinstance(usage, dict) else None, text=text
            )
        blocking = [r for r in finish_reasons if r in BLOCKING_FINISH_REASONS]
        if blocking:
            raise RelayError(ErrorKind.SAFETY, MSG_BLOCKED, reason=blocking[0], relay_message=text)
        if text:
            raise RelayError(ErrorKind.TEXT_ONLY, MSG_WORDS_ONLY, text=clean_text(text, 300))
        raise RelayError(
            ErrorKind.NO_IMAGE,
            MSG_NO_IMAGE,
            reason=", ".join(finish_reasons) or "?",
            may_be_billed=True,
        )
