"""One row of the jobs panel: a job, what the panel saw happen to it, and its words."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QDateTime

from studio.domain.errors import Billing, ErrorKind
from studio.domain.job import Job, JobState
from studio.ui import i18n

SENDING_SECONDS = 2.0  # after this long in "submitted", the relay is working on it
PROMPT_EXCERPT = 160

ACTIVE = frozenset(
    {
        JobState.QUEUED,
        JobState.PREPARING,
        JobState.SUBMITTED,
        JobState.RUNNING,
        JobState.DOWNLOADING,
    }
)
RETRYABLE = frozenset({JobState.FAILED, JobState.INTERRUPTED, JobState.CANCELLED})
# Nothing was sent and the request itself is at fault: sending it again cannot help.
NOT_RETRYABLE_ERRORS = frozenset({ErrorKind.INVALID_INPUT, ErrorKind.UNSUPPORTED})
SETTINGS_ERRORS = frozenset({ErrorKind.AUTH, ErrorKind.MODEL_NOT_FOUND, ErrorKind.NETWORK})


def tr(text: str) -> str:
    return QCoreApplication.translate("JobEntry", text)


def clock(seconds: float) -> str:
    """0:07, 1:02:03."""
    whole = max(int(seconds), 0)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def waiting_words(reason: str, seconds: int) -> str:
    if reason == "rate-limited":
        return tr("rate-limited, retrying in {seconds} s").format(seconds=seconds)
    if reason == "connect":
        return tr("could not connect, retrying in {seconds} s").format(seconds=seconds)
    if reason == "poll":
        return tr("no answer to the status check, asking again in {seconds} s").format(
            seconds=seconds
        )
    if reason == "task-unknown":
        return tr("the relay does not know the task yet, asking again in {seconds} s").format(
            seconds=seconds
        )
    if reason == "download":
        return tr("download failed, retrying in {seconds} s").format(seconds=seconds)
    return tr("retrying in {seconds} s").format(seconds=seconds)


def billed_words() -> str:
    return tr("May have been billed.")


def not_billed_words() -> str:
    return tr("Not billed.")


def action_label(name: str) -> str:
    return {
        "cancel": tr("Cancel"),
        "retry": tr("Retry"),
        "resume": tr("Resume"),
        "retry-save": tr("Retry save"),
        "edit": tr("Edit request"),
        "settings": tr("Open settings"),
    }[name]


@dataclass
class JobEntry:
    job: Job
    from_history: bool = False  # loaded at start-up, not run in this session
    started: float | None = None  # monotonic: when it left the queue
    sent: float | None = None  # monotonic: when the paid request left
    ended: float | None = None  # monotonic: when it reached a final state
    waiting_reason: str = ""
    waiting_until: float = 0.0  # monotonic
    retried: bool = False
    seen_states: set[JobState] = field(default_factory=set)

    @property
    def id(self) -> str:
        return self.job.id

    @property
    def active(self) -> bool:
        return self.job.state in ACTIVE

    def observe(self, job: Job, now: float | None = None) -> None:
        """The job changed (or is a newer copy of the same one): note when things happened."""
        now = time.monotonic() if now is None else now
        self.job = job
        state = job.state
        if state is not JobState.QUEUED and self.started is None and not self.from_history:
            self.started = now
        if state is JobState.SUBMITTED and self.sent is None:
            self.sent = now
        if state in (JobState.RUNNING, JobState.DOWNLOADING) or state.is_terminal:
            self.waiting_until = 0.0
        if state.is_terminal and self.ended is None:
            self.ended = now
        self.seen_states.add(state)

    def wait(self, reason: str, seconds: float, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        self.waiting_reason = reason
        self.waiting_until = now + seconds

    def is_waiting(self, now: float) -> bool:
        return self.active and self.waiting_until > now

    # -- what can be done ------------------------------------------------------------------

    def actions(self) -> list[str]:
        job = self.job
        if self.active:
            return ["cancel"]
        if job.state not in RETRYABLE:
            return []
        names: list[str] = []
        error = job.error
        if job.resumable:  # what it paid for is kept: finish it, never pay again
            saving = error is not None and error.kind is ErrorKind.SAVE_FAILED
            names.append("retry-save" if saving else "resume")
        elif not self.retried and not (error is not None and error.kind in NOT_RETRYABLE_ERRORS):
            names.append("retry")
        names.append("edit")
        settings = ({ErrorKind.AUTH} if job.resumable else SETTINGS_ERRORS)
        if error is not None and error.kind in settings:
            names.append("settings")
        return names

    def action_tip(self, name: str) -> str:
        error = self.job.error
        if name == "retry":
            if error is not None and error.may_be_billed:
                return tr(
                    "Send the same request again as a new job. The first one may have been "
                    "billed, so this may be billed a second time."
                )
            return tr("Send the same request again as a new job.")
        if name == "retry-save":
            return tr("Save the kept image again. Nothing is sent to the relay.")
        if name == "resume":
            return tr(
                "Fetch what the relay made (or ask about its task) again. Nothing new is sent, "
                "so nothing is billed again."
            )
        if name == "cancel":
            if self.job.state in (JobState.SUBMITTED, JobState.RUNNING, JobState.DOWNLOADING):
                return tr(
                    "Stop waiting for this job. The relay may still make the image and bill it."
                )
            return tr("Take this job out of the queue. Nothing is billed.")
        if name == "edit":
            return tr("Put this request in the composer to change it")
        return tr("Check the relay's address, key and models")

    # -- words -----------------------------------------------------------------------------

    def state_words(self, now: float) -> str:
        state = self.job.state
        if state is JobState.SUBMITTED:
            working = self.job.task_id is not None or (
                self.sent is not None and now - self.sent >= SENDING_SECONDS
            )
            return tr("The relay is working") if working else tr("Sending")
        return {
            JobState.QUEUED: tr("Queued"),
            JobState.PREPARING: tr("Preparing"),
            JobState.RUNNING: tr("The relay is working"),
            JobState.DOWNLOADING: tr("Receiving"),
            JobState.SUCCEEDED: tr("Done"),
            JobState.FAILED: tr("Failed"),
            JobState.CANCELLED: tr("Cancelled"),
            JobState.INTERRUPTED: tr("Interrupted"),
        }[state]

    def status_line(self, now: float) -> str:
        """State in words, then what matters about it: images, warnings, a waiting note."""
        job = self.job
        parts = [self.state_words(now)]
        if job.state is JobState.SUCCEEDED:
            parts.append(tr("images: {count}").format(count=len(job.images)))
            if job.warnings:
                parts.append(
                    tr("warnings: {count} (see the image)").format(count=len(job.warnings))
                )
        if self.is_waiting(now):
            seconds = max(math.ceil(self.waiting_until - now), 1)
            parts.append(waiting_words(self.waiting_reason, seconds))
        if self.retried:
            parts.append(tr("retried as a new job"))
        return " · ".join(parts)

    def progress(self) -> int | None:
        """0..100 when an async relay reports it and the job is still going."""
        if not self.active or self.job.progress is None:
            return None
        return max(0, min(100, round(self.job.progress)))

    def time_words(self, now: float) -> str:
        """The right-hand column: elapsed time while running, duration or date when over."""
        if self.from_history:
            moment = QDateTime.fromMSecsSinceEpoch(round(self.job.created_at * 1000))
            return moment.toString("yyyy-MM-dd HH:mm")
        if self.started is None:
            return ""
        if self.active:
            return clock(now - self.started)
        if self.ended is not None and self.ended - self.started >= 1:
            return tr("took {time}").format(time=clock(self.ended - self.started))
        return ""

    def title(self) -> tuple[str, str]:
        """(model, prompt excerpt on one line)."""
        prompt = " ".join(self.job.request.prompt.split())
        if len(prompt) > PROMPT_EXCERPT:
            prompt = prompt[: PROMPT_EXCERPT - 1] + "…"
        return self.job.request.model, prompt or tr("(no prompt)")

    def error_text(self) -> str:
        return i18n.message(self.job.error) if self.job.error is not None else ""

    def relay_text(self) -> str:
        error = self.job.error
        if error is None or not error.relay_message:
            return ""
        words = " ".join(error.relay_message.split())
        return "" if words in self.error_text() else words

    def may_be_billed(self) -> bool:
        error = self.job.error
        return bool(error is not None and error.may_be_billed and not self.active)

    def billing_words(self) -> str:
        """What the failure cost, in a few words (every failure says it)."""
        error = self.job.error
        if error is None or self.active or error.billing is None:
            return ""
        return billed_words() if error.billing is Billing.MAY_BE_BILLED else not_billed_words()

    def plain_text(self, now: float) -> str:
        """Everything the row says, for screen readers, tool tips and “Copy message”."""
        model, prompt = self.title()
        lines = [f"{model} · {prompt}", self.status_line(now)]
        for extra in (self.error_text(), self.relay_text()):
            if extra:
                lines.append(extra)
        if words := self.billing_words():
            lines.append(words)
        return "\n".join(lines)
