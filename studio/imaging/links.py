"""Find image URLs in a chat answer (markdown images, then bare image links).

A small scanner rather than one regular expression: relay answers can hold data URLs of many
megabytes and unclosed markdown, and a backtracking pattern goes quadratic (or worse) on
those. Every step here is bounded or moves forward.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

_MAX_ALT = 2000  # characters of alt text we look through for the closing "]"
_MAX_ANGLE_URL = 8192  # characters of an <…> URL we look through for the closing ">"
_SPACE = re.compile(r"[ \t\r\n]*")
_URL_RUN = re.compile(r"[^\s)]*")
_TITLE_AND_CLOSE = re.compile(
    r"""(?:[ \t\r\n]+(?:"[^"\n]{0,2000}"|'[^'\n]{0,2000}'|\([^)\n]{0,2000}\)))?[ \t\r\n]*\)"""
)
_BARE_URL = re.compile(r"https?://[^\s<>\"'`\[\]()]+", re.IGNORECASE)
_IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp", ".gif")


def markdown_images(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, url) of every ``![alt](url)``, ``![alt](<url>)``, ``![alt](url "title")``."""
    pos = 0
    while (start := text.find("![", pos)) >= 0:
        bracket = text.find("]", start + 2, start + 2 + _MAX_ALT)
        if bracket < 0 or text[bracket + 1 : bracket + 2] != "(":
            pos = start + 2
            continue
        space = _SPACE.match(text, bracket + 2)
        assert space is not None  # it matches the empty string
        i = space.end()
        if text.startswith("<", i):
            close = text.find(">", i + 1, i + 1 + _MAX_ANGLE_URL)
            if close < 0 or "\n" in text[i + 1 : close]:
                pos = start + 2
                continue
            url, after = text[i + 1 : close], close + 1
        else:
            run = _URL_RUN.match(text, i)
            assert run is not None
            url, after = run.group(), run.end()
        tail = _TITLE_AND_CLOSE.match(text, after)
        if tail is None or not url.strip():
            # Any "![" inside the URL we just read would end at the same place and fail alike.
            pos = max(start + 2, after)
            continue
        yield start, tail.end(), url.strip()
        pos = tail.end()


def find_image_links(text: str) -> list[str]:
    """Image URLs in a chat answer: markdown images first (http(s) and data: URLs), then bare
    http(s) URLs whose path ends in an image extension; in order, without duplicates."""
    found: list[str] = []
    seen: set[str] = set()

    def add(url: str) -> None:
        if url and url not in seen:
            seen.add(url)
            found.append(url)

    outside: list[str] = []  # the text between markdown images, for the bare-URL pass
    pos = 0
    for start, end, url in markdown_images(text):
        outside.append(text[pos:start])
        pos = end
        if url[:8].lower().startswith(("http://", "https://", "data:")):
            add(url)
    outside.append(text[pos:])
    for match in _BARE_URL.finditer(" ".join(outside)):
        url = match.group(0).rstrip(".,;:!?")
        try:
            path = urlsplit(url).path.lower()
        except ValueError:
            continue
        if path.endswith(_IMAGE_EXTENSIONS):
            add(url)
    return found
