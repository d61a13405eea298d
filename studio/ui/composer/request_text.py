"""The exact HTTP request the engine would send, as text a person can read (secrets redacted).

The call comes from the engine's dry run (``studio.engine.preview``: overrides → plan →
prepare → build); this module only shows it. Remote references are not fetched: the part a
stand-in takes is labelled with the URL instead.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from PySide6.QtCore import QCoreApplication

from studio import __version__
from studio.domain.model_spec import ModelSpec
from studio.domain.profile import AuthStyle, Profile
from studio.domain.redact import redact
from studio.domain.request import GenerationRequest

if TYPE_CHECKING:  # the engine loads on first use (the start-up stays light)
    from studio.engine.adapt import RefusalMemory
    from studio.protocols.base import HttpCall

REDACTED = "••••••"
KEEP_CHARS = 11  # "iVBORw0KGgo…"
LONG_STRING = 160
_BASE64 = re.compile(r"^[A-Za-z0-9+/=_-]+$")
_DATA_URL = re.compile(r"^(data:[^,;]+(?:;[^,]*)?,)(.*)$", re.DOTALL)


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerRequestPreview", text)


def grouped(count: int) -> str:
    """183204 → "183 204"."""
    return f"{count:,}".replace(",", " ")


def shorten(value: str) -> str:
    """Base64 payloads and data URLs cut to their first characters and a count of the rest."""
    match = _DATA_URL.match(value)
    if match and len(value) > LONG_STRING:
        head, payload = match.groups()
        return head + shorten_payload(payload)
    if len(value) > LONG_STRING and _BASE64.match(value):
        return shorten_payload(value)
    return value


def shorten_payload(payload: str) -> str:
    rest = len(payload) - KEEP_CHARS
    return payload[:KEEP_CHARS] + tr("…(+{count} chars)").format(count=grouped(rest))


def _shortened(value: Any) -> Any:
    if isinstance(value, str):
        return shorten(value)
    if isinstance(value, list):
        return [_shortened(item) for item in value]
    if isinstance(value, dict):
        return {key: _shortened(item) for key, item in value.items()}
    return value


def _auth_header(style: AuthStyle) -> str:
    if style is AuthStyle.GOOG_API_KEY:
        return f"x-goog-api-key: {REDACTED}"
    if style is AuthStyle.MJ_API_SECRET:
        return f"mj-api-secret: {REDACTED}"
    return f"Authorization: Bearer {REDACTED}"


def describe_call(call: HttpCall, profile: Profile, remote: dict[str, str] | None = None) -> str:
    """``call`` as method, URL, headers and body; ``remote`` maps upload stems ("ref-2") to the
    URLs they stand in for."""
    remote = remote or {}
    url = profile.root_url + (call.path if call.path.startswith("/") else "/" + call.path)
    if call.params:
        url += "?" + urlencode(call.params)
    lines = [f"POST {url}"]
    auth = _auth_header(call.auth)
    if profile.api_key:
        lines.append(auth)
    else:
        lines.append(tr("(this profile has no API key: no key header is sent)"))
    if call.files is not None or call.data is not None:
        lines.append("Content-Type: multipart/form-data; boundary=…")
    elif call.content_type:
        lines.append(f"Content-Type: {call.content_type}")
    lines.append(f"User-Agent: studio/{__version__}")
    lines.append("")
    if call.files is not None or call.data is not None:
        lines += _multipart(call, remote)
    elif call.content is not None:
        body = _shortened(call.json_body())
        lines.append(json.dumps(body, indent=2, ensure_ascii=False))
        if remote:
            lines += ["", tr("Stand-ins above for links the studio downloads when it sends:")]
            lines += [f"  {name}: {url}" for name, url in remote.items()]
    # The one redaction rule over everything shown: a base URL's user:password@, a ?key= in
    # the query, a key or a signed link in the body. The key header above already hides it.
    return "\n".join(line if line == auth else redact(line) for line in lines) + "\n"


def _multipart(call: HttpCall, remote: dict[str, str]) -> list[str]:
    lines = [tr("Text fields:")]
    for name, value in (call.data or {}).items():
        shown = shorten(value).replace("\n", "\n    ")
        lines.append(f"  {name} = {shown}")
    lines.append("")
    lines.append(tr("Files:"))
    width = max((len(name) for name, _ in call.files or []), default=0)
    for name, (filename, data, mime) in call.files or []:
        stem = filename.rsplit(".", 1)[0]
        if stem in remote:
            size = tr("downloaded from {url} when sent").format(url=remote[stem])
        else:
            size = tr("{count} bytes").format(count=grouped(len(data)))
        lines.append(f"  {name.ljust(width)}  {filename}  {mime}  {size}")
    return lines


async def request_text(
    request: GenerationRequest,
    spec: ModelSpec,
    profile: Profile,
    *,
    quirks: RefusalMemory | None = None,
) -> str:
    """The preview text (raises the engine's StudioError when the request cannot be built):
    what the engine sends, the relay's model settings (name sent, protocol, extra) applied and,
    given ``quirks``, what the relay refused before left out (``studio.engine.preview``)."""
    from studio.engine.preview import preview_request

    preview = await preview_request(request, spec, profile, quirks=quirks)
    # JSON of megabytes of base64 to shorten: a worker thread's job
    return await asyncio.to_thread(describe_call, preview.call, profile, preview.remote)
