"""A relay's own settings for a model (Settings → Relays → Model settings), applied to a request.

One function, :func:`apply_overrides`, between what the user picked and what goes on the wire:

- the name sent: the request's ``model`` becomes the relay's name for it (the catalog entry, and
  so the options, stay those of the picked name: look the spec up *before* applying);
- the protocol: used when the user did not choose one in the composer (an explicit choice wins);
- extra fields: added to the request's ``extra`` (the request's own entries win; the builders
  never let extra replace a field the studio sets, see ``capabilities.with_extra``).

Each change is said in a note. The job keeps the request as the user picked it (history, reuse,
retry); only the copy this returns travels.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from studio.domain.i18n import QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.notice import Notice
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest

MSG_SENT_AS = QT_TRANSLATE_NOOP(
    WARNINGS, "{model} was sent to this relay as “{name}”, as its model settings say."
)
MSG_PROTOCOL = QT_TRANSLATE_NOOP(
    WARNINGS, "{model} went through the {protocol} protocol, as this relay's model settings say."
)
MSG_EXTRA = QT_TRANSLATE_NOOP(
    WARNINGS, "This relay's model settings added the field(s) {names} to the request."
)


def apply_overrides(
    request: GenerationRequest, profile: Profile
) -> tuple[GenerationRequest, list[Notice]]:
    """``request`` as ``profile``'s relay wants it for the picked model, and what was applied."""
    override = profile.override_for(request.model)
    if override is None:
        return request, []
    changes: dict[str, Any] = {}
    notes: list[Notice] = []
    picked = request.model
    if override.name_sent and override.name_sent != picked:
        changes["model"] = override.name_sent
        notes.append(
            Notice("override_name", MSG_SENT_AS, {"model": picked, "name": override.name_sent})
        )
    if override.protocol is not None and request.protocol is None:
        changes["protocol"] = override.protocol
        notes.append(
            Notice(
                "override_protocol",
                MSG_PROTOCOL,
                {"model": picked, "protocol": str(override.protocol)},
            )
        )
    added = {k: copy.deepcopy(v) for k, v in override.extra.items() if k not in request.extra}
    if added:
        changes["extra"] = {**request.extra, **added}
        notes.append(Notice("override_extra", MSG_EXTRA, {"names": ", ".join(sorted(added))}))
    return (replace(request, **changes) if changes else request), notes
