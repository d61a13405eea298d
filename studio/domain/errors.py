"""One error type for everything a user can be told about.

Every failure the studio reports carries a plain message for the user (an English source
template, translated by the UI, plus parameters) and, when a relay said something, the relay's
own words, kept separate so the UI can show them below in smaller type.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.redact import redact, redact_value


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
    SAVE_FAILED = "save_failed"  # the result arrived but could not be written (it is kept)
    NO_ASYNC = "no_async"
    TASK_FAILED = "task_failed"
    CANCELLED = "cancelled"
    INTERNAL = "internal"


class Billing(StrEnum):
    """What a failure cost: the one fact every failure message states."""

    NOT_SENT = "not_sent"  # nothing left this machine (or the body never arrived whole)
    REFUSED = "refused"  # the relay refused it before doing any work (HTTP 4xx): not billed
    MAY_BE_BILLED = "may_be_billed"  # the request reached the relay: it may have been charged


BILLING_NOTES = {
    Billing.NOT_SENT: QT_TRANSLATE_NOOP(ERRORS, "Nothing was sent, so nothing was billed."),
    Billing.REFUSED: QT_TRANSLATE_NOOP(
        ERRORS, "The relay refused it before doing any work: it was not billed."
    ),
    Billing.MAY_BE_BILLED: QT_TRANSLATE_NOOP(
        ERRORS,
        "It may have been billed: check the relay's usage log before you send it again.",
    ),
}


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
    ``billing`` says what the failure cost (:class:`Billing`); None until the engine decides
    it from how far the job got. ``may_be_billed`` is the short question. Everything a relay or
    a library said passes through the redaction rule here, once, so no message built from an
    error can carry a key.
    """

    def __init__(
        self,
        kind: ErrorKind,
        template: str,
        *,
        relay_message: str | None = None,
        status: int | None = None,
        may_be_billed: bool = False,
        billing: Billing | None = None,
        **params: Any,
    ) -> None:
        self.kind = kind
        self.template = template
        params = {key: redact_value(value) for key, value in params.items()}
        self.params = {"status": status, **params} if status is not None else params
        self.relay_message = redact(relay_message) if relay_message else relay_message
        self.status = status
        self.billing = Billing.MAY_BE_BILLED if may_be_billed else billing
        super().__init__(self.message)

    @property
    def may_be_billed(self) -> bool:
        return self.billing is Billing.MAY_BE_BILLED

    @may_be_billed.setter
    def may_be_billed(self, value: bool) -> None:
        if value:
            self.billing = Billing.MAY_BE_BILLED
        elif self.billing is Billing.MAY_BE_BILLED:
            self.billing = None

    @property
    def billing_note(self) -> str | None:
        """The English sentence that says what it cost (None while undecided)."""
        return BILLING_NOTES.get(self.billing) if self.billing is not None else None

    @property
    def message(self) -> str:
        return fill(self.template, self.params)

    def full_text(self, *, billing: bool = False) -> str:
        """The message and, on a new line, the relay's own words when it said something else;
        with ``billing``, then what it cost."""
        lines = [self.message]
        if self.relay_message and self.relay_message not in self.message:
            lines.append(self.relay_message)
        if billing and self.billing_note:
            lines.append(self.billing_note)
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.kind.value}: {self.message!r})"


class InputError(StudioError):
    """The request cannot be sent as it is: a bad file, an unsupported option. Nothing was sent."""

    def __init__(self, kind: ErrorKind, template: str, **options: Any) -> None:
        options.setdefault("billing", Billing.NOT_SENT)
        super().__init__(kind, template, **options)


class RelayError(StudioError):
    """The relay, the network or the result failed us after we tried to send."""
