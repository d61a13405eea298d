"""`chat`: image models a relay only exposes through chat completions (protocol.md §7)."""

from __future__ import annotations

import re
from typing import Any

from studio.domain.errors import ErrorKind, RelayError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import ProtocolId
from studio.imaging.results import find_image_links
from studio.imaging.uploads import image_to_data_url
from studio.protocols.base import (
    Completed,
    HttpCall,
    ImageProtocol,
    Problems,
    RawImage,
    WireRequest,
    not_understood,
    want_list,
    wrong_type,
)
from studio.protocols.capabilities import CAPABILITIES, with_extra
from studio.protocols.relay_errors import MSG_WORDS_ONLY, clean_text

PATH = "/v1/chat/completions"

MSG_EMPTY = QT_TRANSLATE_NOOP(ERRORS, "The relay answered without an image or text.")


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


def _message_texts(message: dict[str, Any], name: str, problems: Problems) -> list[str]:
    texts: list[str] = []
    for key in ("content", "reasoning_content"):
        value = message.get(key)
        if isinstance(value, list):  # content as parts
            for index, part in enumerate(value):
                part_name = f"{name}.{key}[{index}]"
                if not isinstance(part, dict):
                    problems.note(part_name, part, "an object")
                    continue
                if text := problems.text(part.get("text"), f"{part_name}.text"):
                    texts.append(text)
                image_url = part.get("image_url")
                if isinstance(image_url, dict):
                    url = problems.text(image_url.get("url"), f"{part_name}.image_url.url")
                else:
                    url = problems.text(image_url, f"{part_name}.image_url")
                if url:
                    texts.append(f"![image]({url})")
        elif text := problems.text(value, f"{name}.{key}"):
            texts.append(text)
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
        with_extra(body, wire.request.extra, self.id)  # adds, never replaces
        return HttpCall.with_json(PATH, body)

    def parse(self, data: Any, wire: WireRequest) -> Completed:
        if not isinstance(data, dict):
            raise not_understood(wrong_type("the answer", data, "an object"))
        problems = Problems()
        texts: list[str] = []
        for index, choice in enumerate(want_list(data.get("choices"), "choices")):
            name = f"choices[{index}]"
            if not isinstance(choice, dict):
                problems.note(name, choice, "an object")
                continue
            message = choice.get("message")
            if isinstance(message, dict):
                texts.extend(_message_texts(message, f"{name}.message", problems))
            elif message is not None:
                problems.note(f"{name}.message", message, "an object")
        images, words = images_in_text("\n".join(texts))
        usage = data.get("usage")
        if images:
            return Completed(
                tuple(images), usage=usage if isinstance(usage, dict) else None, text=words
            )
        problems.raise_if_any()
        if words:
            raise RelayError(ErrorKind.TEXT_ONLY, MSG_WORDS_ONLY, text=clean_text(words, 300))
        raise RelayError(ErrorKind.NO_IMAGE, MSG_EMPTY, may_be_billed=True)


def images_in_text(text: str) -> tuple[list[RawImage], str | None]:
    """The images a model's words carry (markdown images, data URIs, bare image links: what
    translating proxies make of images, protocol.md §7, §11) and the words without them."""
    images = [
        RawImage("inline" if link.startswith("data:") else "markdown", url=link)
        for link in find_image_links(text)
    ]
    return images, _words_without_links(text)


_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_DATA_URL = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=_-]+")


def _words_without_links(text: str) -> str | None:
    stripped = _DATA_URL.sub(" ", _MARKDOWN_IMAGE.sub(" ", text))
    stripped = " ".join(stripped.split())
    return stripped or None
