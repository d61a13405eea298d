"""What each wire family can do, without importing its implementation (start-up stays light)."""

from __future__ import annotations

from dataclasses import dataclass

from studio.domain.model_spec import Operation, ProtocolId


@dataclass(frozen=True)
class Capabilities:
    operations: frozenset[Operation]
    polls: bool = False  # answers with a task id to poll


_ANSWER = frozenset({Operation.GENERATE, Operation.EDIT})

CAPABILITIES: dict[ProtocolId, Capabilities] = {
    ProtocolId.IMAGES: Capabilities(_ANSWER | {Operation.VARIATION}),
    ProtocolId.IMAGES_ASYNC: Capabilities(_ANSWER, polls=True),
    ProtocolId.IMAGES_JSON_EDIT: Capabilities(frozenset({Operation.EDIT})),
    ProtocolId.GEMINI: Capabilities(_ANSWER),
    ProtocolId.CHAT: Capabilities(_ANSWER),
    ProtocolId.MIDJOURNEY: Capabilities(
        frozenset({
            Operation.GENERATE, Operation.MJ_BLEND, Operation.MJ_DESCRIBE, Operation.MJ_ACTION,
            Operation.MJ_CHANGE, Operation.MJ_MODAL,
        }),
        polls=True,
    ),
}
