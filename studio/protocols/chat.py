"""`chat`: image models a relay only exposes through chat completions (protocol.md §7)."""

from __future__ import annotations

import re
from typing import Any

from studio.domain.errors import ErrorKind, RelayError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import ProtocolId
from studio.imaging.results import find_image_links
from studio.imaging.uploads import image_to_data_url
from studio.protocols.base import Completed, HttpCall, ImageProtocol, RawImage, WireRequest
from studio.protocols.capabilities import CAPABILITIES
from studio.protocols.jsonbody import Blob, as_text
from studio.protocols.relay_errors import MSG_WORDS_ONLY, clean_text

PATH = "/v1/chat/completions"

MSG_EMPTY = QT_TRANSLATE_NOOP(
    ERRORS,
    "The relay answered without an image or text. It may still have been billed; check the "
    "relay's usage log before you retry.",
)


def prompt_text(wire: WireRequest) -> str:
    """The prompt, with the ratio and size spelled out: chat has no fields for them."""
    hints = []
    if wire.params.aspect_ratio:
        hints.append(f"aspect ratio {wire.params.aspect_ratio}")
    if wire.params.size:
        hints.append(f"size {wire.params.size}")
    if not hints:
        return wire.prompt
    return f"{wire.prompt}\n\n({', '.join(hints)})"


def _message_texts(message: dict[str, Any]) -> list[str]:
    texts: list[str] = []
    for key in ("content", "reasoning_content"):
        value = message.get(key)
        if isinstance(value, Blob):
            texts.append(value.text())
        elif isinstance(value, str):
            texts.append(value)
        elif isinstance(value, list):  # content as parts
            for part in value:
                if not isinstance(part, dict):
                    continue
                if text := as_text(part.get("text")):
                    texts.append(text)
                image_url = part.get("image_url")
                url = (
                    as_text(image_url.get("url"))
                    if isinstance(image_url, dict)
                    else as_text(image_url)
                )
                if url:
                    texts.append(f"![image]({url})")
    return texts


class ChatProtocol(ImageProtocol):
    id = ProtocolId.CHAT
    operations = CAPABILITIES[ProtocolId.CHAT].operations

    def build(self, wire: WireRequest) -> HttpCall:
        content: list[dict[str, Any]] = [{"type": "text", "text": prompt_text(wire)}]
        for url in [*wire.ref_urls, *map(image_to_data_url, wire.uploads)]:
            content.append({"type": "image_url", "image_url": {"url": url}})
        body: dict[str, Any] = {
            "model": wire.model,
            "messages": [{"role": "user", "content": content}],
            "stream": False,
        }
        if wire.request.n != 1:
            body["n"] = wire.request.n
        body.update(wire.request.extra)
        return HttpCall.with_json(PATH, body)

    def parse(self, data: Any, wire: WireRequest) -> Completed:
        texts: list[str] = []
        for choice in data.get("choices") or [] if isinstance(data, dict) else []:
            if isinstance(choice, dict) and isinstance(choice.get("message"), dict):
                texts.extend(_message_texts(choice["message"]))
        full_text = "\n".join(texts)
        images = []
        for link in find_image_links(full_text):
            source = "inline" if link.startswith("data:") else "markdown"
            images.append(RawImage(source, url=link))
        usage = data.get("usage") if isinstance(data, dict) else None
        words = _words_without_links(full_text)
        if images:
            return Completed(
                tuple(images), usage=usage if isinstance(usage, dict) else None, text=words
            )
        if words:
            raise RelayError(ErrorKind.TEXT_ONLY, MSG_WORDS_ONLY, text=clean_text(words, 300))
        raise RelayError(ErrorKind.NO_IMAGE, MSG_EMPTY, may_be_billed=True)


_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_DATA_URL = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=_-]+")


def _words_without_links(text: str) -> str | None:
    stripped = _DATA_URL.sub(" ", _MARKDOWN_IMAGE.sub(" ", text))
    stripped = " ".join(stripped.split())
    return stripped or None
