"""One error type for everything a user can be told about.

Every failure the studio reports carries a plain message for the user (an English source
template, translated by the UI, plus parameters) and, when a relay said something, the relay's
own words, kept separate so the UI can show them below in smaller type.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorKind(StrEnum):
    INVALID_INPUT = "invalid_input"
    UNSUPPORTED = "unsupported"  # an option the model or protocol does not support
    AUTH = "auth"
    QUOTA = "quota"
    RATE_LIMITED = "rate_limited"
    BAD_REQUEST = "bad_request"
    MODEL_NOT_FOUND = "model_not_found"
    SAFETY = "safety"
    TEXT_ONLY = "text_only"
    NO_IMAGE = "no_image"
    FATE_UNKNOWN = "fate_unknown"  # a paid request whose outcome we could not learn
    SERVER = "server"
    NETWORK = "network"
    BAD_RESULT = "bad_result"
    RESULT_EXPIRED = "result_expired"
    NO_ASYNC = "no_async"
    TASK_FAILED = "task_failed"
    CANCELLED = "cancelled"
    INTERNAL = "internal"


def fill(template: str, params: dict[str, Any]) -> str:
    """``template`` with its ``{placeholders}`` filled; the template itself if that fails."""
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


class StudioError(Exception):
    """Something went wrong that a person should read about.

    ``template`` is an English source string with ``{name}`` placeholders; ``message`` is it
    filled in. ``relay_message`` is what the relay itself said (plain text, never HTML).
    ``may_be_billed`` is true when the relay may have charged for a request we could not finish.
    """

    def __init__(
        self,
        kind: ErrorKind,
        template: str,
        *,
        relay_message: str | None = None,
        status: int | None = None,
        may_be_billed: bool = False,
        **params: Any,
    ) -> None:
        self.kind = kind
        self.template = template
        self.params = {"status": status, **params} if status is not None else params
        self.relay_message = relay_message
        self.status = status
        self.may_be_billed = may_be_billed
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return fill(self.template, self.params)

    def full_text(self) -> str:
        """The message and, on a new line, the relay's own words when it said something else."""
        if self.relay_message and self.relay_message not in self.message:
            return f"{self.message}\n{self.relay_message}"
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.kind.value}: {self.message!r})"


class InputError(StudioError):
    """The request cannot be sent as it is: a bad file, an unsupported option. Nothing was sent."""


class RelayError(StudioError):
    """The relay, the network or the result failed us after we tried to send."""
