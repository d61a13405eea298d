"""Sending a compare: the same composition to each target, as one run.

While compare is on, the run is planned again shortly after each change (off the GUI thread,
through the bridge): every target's notes (what it leaves out) or refusal show under it, and
the footer shows the estimate over all targets. Generate plans once more, then asks first when
the estimate passes the threshold (a preference, ``compare/confirm_above``) or a relay's
budget would be passed; Cancel sends nothing. Refused targets are not sent. The run is sent by
the bridge (``send_run``): ordinary durable jobs that name their run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from studio.domain.request import GenerationRequest
from studio.engine.composition import Composition, Target
from studio.ui.budget_guard import excess_text
from studio.ui.composer.compare_targets import CompareTargets, target_label
from studio.ui.composer.footer import Footer
from studio.ui.preferences import Preferences
from studio.ui.services import Services
from studio.ui.widgets.money import money_text

if TYPE_CHECKING:
    from studio.engine.budget import BudgetExcess
    from studio.engine.ledger import Money
    from studio.engine.runs import PlannedJob, RunSender

PLAN_DELAY_MS = 150  # after the last change, the targets' notes and the total are worked out
CONFIRM_KEY = "compare/confirm_above"
DEFAULT_CONFIRM_ABOVE = 1.00  # in the catalog's currency: a larger compare asks first


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerCompare", text)


def confirm_above(preferences: Preferences) -> float:
    """The estimate above which a compare asks before it is sent (the preference)."""
    value = preferences.settings.value(CONFIRM_KEY, DEFAULT_CONFIRM_ABOVE)
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_CONFIRM_ABOVE


def known_total(planned: Sequence[PlannedJob]) -> tuple[float, str | None, int]:
    """What the targets to be sent are likely to cost where the catalog knows a price: (the
    amount, its currency, how many targets have no price). Mixed currencies count as unknown."""
    sendable = [job for job in planned if job.refusal is None]
    priced = [job.estimate for job in sendable if job.estimate.amount is not None]
    currencies = {money.currency for money in priced}
    if len(currencies) > 1:
        return 0.0, None, len(sendable)
    amount = sum(money.amount or 0.0 for money in priced)
    return round(amount, 6), next(iter(currencies), None), len(sendable) - len(priced)


def total_text(planned: Sequence[PlannedJob]) -> str:
    """ "≈ US$0.13 · 3 targets", and how many have no price."""
    count = sum(1 for job in planned if job.refusal is None)
    if count == 0:
        return ""
    amount, currency, unknown = known_total(planned)
    if unknown == count:
        if count == 1:
            return tr("Cost unknown for one target")
        return tr("Cost unknown for {count} targets").format(count=count)
    words = tr("≈ {amount} · one target") if count == 1 else tr("≈ {amount} · {count} targets")
    text = words.format(amount=money_text(amount, currency), count=count)
    if unknown:
        text += tr(", {count} without a price").format(count=unknown)
    return text


def target_lines(planned: Sequence[PlannedJob]) -> list[str]:
    """One line per target for the question: its estimate, or why it is not sent."""
    lines = []
    for job in planned:
        label = target_label(job.target)
        if job.refusal is not None:
            lines.append(tr("{target}: not sent").format(target=label))
        elif job.estimate.amount is None:
            lines.append(tr("{target}: cost unknown").format(target=label))
        else:
            amount = money_text(job.estimate.amount, job.estimate.currency)
            lines.append(tr("{target}: ≈ {amount}").format(target=label, amount=amount))
    return lines


class CompareFlow(QObject):
    """Plans the compare as the composition changes, and sends it on Generate."""

    planned = Signal(object)  # list[PlannedJob] shown under the targets
    sent = Signal(object)  # RunSender of the run just sent

    def __init__(
        self,
        services: Services,
        composition: Composition,
        targets: CompareTargets,
        footer: Footer,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.bridge = services.bridge
        self.composition = composition
        self.targets = targets
        self.footer = footer
        self.question: QMessageBox | None = None
        self.last: RunSender | None = None
        self._token = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PLAN_DELAY_MS)
        self._timer.timeout.connect(self.preview)
        composition.changed.connect(lambda _names: self._changed())
        self.bridge.profile_switched.connect(lambda _name: self._changed())

    @property
    def on(self) -> bool:
        return bool(self.composition.targets)

    def _changed(self) -> None:
        self.footer.set_targets(len(self.composition.targets))
        if self.on:
            self._timer.start()
        else:
            self._token += 1  # a plan on its way is for a compare no longer on
            self.targets.show_plan(None)

    # -- the preview -----------------------------------------------------------------------

    def preview(self) -> None:
        """Plan the targets now: their notes and the total come back shortly."""
        if not self.on:
            return
        self._token += 1
        token = self._token
        request, targets = self.composition.to_request(), self.composition.targets
        self.bridge.spawn(
            self.bridge.plan_compare(request, targets), lambda found: self._show(token, found)
        )

    def _show(self, token: int, planned: list[PlannedJob]) -> None:
        if token != self._token or not self.on:
            return
        self.targets.show_plan(planned)
        self.footer.set_cost_text(
            total_text(planned),
            tr(
                "The catalog's list price over every target, each relay's price multiplier "
                "applied. Relays may charge differently."
            ),
        )
        self.planned.emit(planned)

    # -- sending ---------------------------------------------------------------------------

    def send(self, request: GenerationRequest) -> None:
        """Plan, ask when it costs more than the threshold or passes a budget, then send."""
        targets = self.composition.targets
        self._token += 1
        token = self._token
        self.bridge.spawn(self._check(token, request, targets))

    async def _check(
        self, token: int, request: GenerationRequest, targets: tuple[Target, ...]
    ) -> None:
        from studio.engine.runs import total_estimate

        planned = await self.bridge.plan_compare(request, targets)
        self._show(token, planned)
        if not any(job.refusal is None for job in planned):
            self.footer.show_error(
                tr("No target can take this request: each one says why under its name.")
            )
            return
        total = total_estimate(planned)
        excess = await self.bridge.run_over_budget(planned)
        limit = confirm_above(self.services.preferences)
        if known_total(planned)[0] > limit or excess is not None:
            self._ask(request, planned, total, excess, limit)
        else:
            self._go(request, planned, total)

    def _ask(
        self,
        request: GenerationRequest,
        planned: list[PlannedJob],
        total: Money,
        excess: BudgetExcess | None,
        limit: float,
    ) -> None:
        count = sum(1 for job in planned if job.refusal is None)
        amount, currency, _unknown = known_total(planned)
        parts = []
        if amount > limit:
            parts.append(
                tr(
                    "This compare costs about {amount} in all, more than {limit} (the amount "
                    "above which the studio asks first)."
                ).format(amount=money_text(amount, currency), limit=money_text(limit, currency))
            )
        if excess is not None:
            parts.append(excess_text(excess))
        question = QMessageBox(self.parent())
        question.setObjectName("compareQuestion")
        question.setIcon(QMessageBox.Icon.Question)
        question.setWindowTitle(tr("Send this compare?"))
        question.setText("\n\n".join(parts))
        question.setInformativeText("\n".join(target_lines(planned)))
        words = tr("Send to one target") if count == 1 else tr("Send to {count} targets")
        send = question.addButton(words.format(count=count), QMessageBox.ButtonRole.AcceptRole)
        send.setObjectName("sendCompare")
        cancel = question.addButton(QMessageBox.StandardButton.Cancel)
        question.setDefaultButton(cancel)
        question.buttonClicked.connect(
            lambda button: self._go(request, planned, total) if button is send else None
        )
        question.finished.connect(lambda _: self._answered(question))
        self.question = question
        question.open()  # never exec(): the loop keeps running

    def _answered(self, question: QMessageBox) -> None:
        if self.question is question:
            self.question = None
        question.deleteLater()

    def _go(self, request: GenerationRequest, planned: list[PlannedJob], total: Money) -> None:
        self.services.preferences.remember_prompt(request.prompt)
        from studio.engine.runs import compare_spec

        spec = compare_spec(planned, total)  # the refused targets are kept, with their reason
        sender = self.bridge.send_run("compare", request.prompt, planned, spec)
        self.last = sender
        self.footer.flash_sent()
        self.sent.emit(sender)
