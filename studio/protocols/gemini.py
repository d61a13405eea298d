"""`gemini`: native ``generateContent`` (protocol.md §6)."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import quote

from studio.domain.errors import ErrorKind, RelayError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import ProtocolId, ResolutionVia
from studio.protocols.base import (
    Completed,
    HttpCall,
    ImageProtocol,
    Problems,
    RawImage,
    WireRequest,
    not_understood,
    text_of,
    want_list,
    want_object,
    wrong_type,
)
from studio.protocols.capabilities import CAPABILITIES, with_extra
from studio.protocols.chat import images_in_text
from studio.protocols.jsonbody import Blob
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


def _name(mapping: dict[str, Any], camel: str, snake: str) -> str:
    """Which spelling of a field ``mapping`` used (for naming it in a reason)."""
    return camel if camel in mapping or snake not in mapping else snake


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
        if wire.request.thinking:
            # google-genai ThinkingConfig.thinking_level; the SDK sends the enum's name
            config["thinkingConfig"] = {"thinkingLevel": wire.request.thinking.upper()}
        body: dict[str, Any] = {
            "contents": [{"role": "user", "parts": parts}],
            "generationConfig": config,
        }
        with_extra(body, wire.request.extra, self.id)  # adds, never replaces
        path = f"/v1beta/models/{quote(wire.model, safe='')}:generateContent"
        return HttpCall.with_json(path, body, auth=self.profile.gemini_auth)

    def parse(self, data: Any, wire: WireRequest) -> Completed:
        if not isinstance(data, dict):
            raise not_understood(wrong_type("the answer", data, "an object"))
        problems = Problems()
        feedback = _field(data, "promptFeedback", "prompt_feedback")
        if feedback is not None and not isinstance(feedback, dict):
            problems.note(_name(data, "promptFeedback", "prompt_feedback"), feedback, "an object")
            feedback = None
        if feedback and (block := _field(feedback, "blockReason", "block_reason")):
            message = text_of(_field(feedback, "blockReasonMessage", "block_reason_message"))
            raise RelayError(
                ErrorKind.SAFETY,
                MSG_BLOCKED,
                reason=text_of(block) or str(block)[:40],
                relay_message=clean_text(message or "") or None,
            )
        images: list[RawImage] = []
        texts: list[str] = []
        finish_reasons: list[str] = []
        for index, candidate in enumerate(want_list(data.get("candidates"), "candidates")):
            name = f"candidates[{index}]"
            if not isinstance(candidate, dict):
                problems.note(name, candidate, "an object")
                continue
            reason = _field(candidate, "finishReason", "finish_reason")
            reason_name = f"{name}.{_name(candidate, 'finishReason', 'finish_reason')}"
            if reason := problems.text(reason, reason_name):
                finish_reasons.append(reason)
            content = want_object(candidate.get("content"), f"{name}.content")
            parts = want_list(content.get("parts"), f"{name}.content.parts")
            for number, part in enumerate(parts):
                self._read_part(part, f"{name}.content.parts[{number}]", images, texts, problems)
        text = "\n".join(t for t in texts if t) or None
        usage = _field(data, "usageMetadata", "usage_metadata")
        if images:
            return Completed(
                tuple(images), usage=usage if isinstance(usage, dict) else None, text=text
            )
        blocking = [r for r in finish_reasons if r in BLOCKING_FINISH_REASONS]
        if blocking:
            raise RelayError(ErrorKind.SAFETY, MSG_BLOCKED, reason=blocking[0], relay_message=text)
        problems.raise_if_any()
        if text:
            raise RelayError(ErrorKind.TEXT_ONLY, MSG_WORDS_ONLY, text=clean_text(text, 300))
        raise RelayError(
            ErrorKind.NO_IMAGE,
            MSG_NO_IMAGE,
            reason=", ".join(finish_reasons) or "?",
            may_be_billed=True,
        )

    @staticmethod
    def _read_part(
        part: Any, name: str, images: list[RawImage], texts: list[str], problems: Problems
    ) -> None:
        """One part of a candidate: an inline image, a file link or words, which may carry
        images themselves (markdown links or data URIs: what translating proxies make of an
        image, protocol.md §11). Thought parts are drafts and thinking: skipped."""
        if not isinstance(part, dict):
            problems.note(name, part, "an object")
            return
        if part.get("thought"):
            return  # thought images are drafts, thought words are not the answer
        inline = _field(part, "inlineData", "inline_data")
        if inline is not None:
            inline_name = f"{name}.{_name(part, 'inlineData', 'inline_data')}"
            payload = inline.get("data") if isinstance(inline, dict) else None
            if isinstance(payload, Blob) or (isinstance(payload, str) and payload.strip()):
                mime = text_of(_field(inline, "mimeType", "mime_type")) or None
                images.append(RawImage("inline", b64=payload, mime=mime))
                return
            if not isinstance(inline, dict):
                problems.note(inline_name, inline, "an object")
            elif payload is not None and not isinstance(payload, str):
                problems.note(f"{inline_name}.data", payload, "a string")
        file_data = _field(part, "fileData", "file_data")
        if file_data is not None:
            file_name = f"{name}.{_name(part, 'fileData', 'file_data')}"
            uri = None
            if isinstance(file_data, dict):
                uri_key = _name(file_data, "fileUri", "file_uri")
                uri_value = _field(file_data, "fileUri", "file_uri")
                uri = problems.text(uri_value, f"{file_name}.{uri_key}")
            else:
                problems.note(file_name, file_data, "an object")
            if uri and uri.strip():
                images.append(RawImage("url", url=uri.strip()))
                return
        if text := problems.text(part.get("text"), f"{name}.text"):
            found, words = images_in_text(text)
            images.extend(found)
            words = words if found else text.strip()  # words alone keep their lines
            if words:
                texts.append(words)
