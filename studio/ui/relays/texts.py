"""How the Relays page writes figures: money with its basis, rates, latencies, a balance, the
claims, the relay check's summary. Every word goes through Qt translation (context
``RelayLedger``)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from studio.engine.ledger import Money

if TYPE_CHECKING:  # httpx comes with it: not at the page's import
    from studio.protocols.billing import Balance

DASH = "–"


def tr(text: str) -> str:
    return QCoreApplication.translate("RelayLedger", text)


def basis_text(basis: str) -> str:
    return {
        "relay-usage": tr("from the relay's usage"),
        "list-price": tr("list price"),
        "mixed": tr("mixed: relay's usage and list price"),
    }.get(basis, tr("unknown"))


def amount_text(amount: float | None, currency: str | None) -> str:
    if amount is None:
        return tr("unknown")
    return f"{amount:.4f} {currency or ''}".strip()


def money_text(money: Money, markup: float = 1.0) -> str:
    if money.amount is None:
        return tr("unknown: the catalog knows no price for a model used")
    text = tr("{amount} ({basis})").format(
        amount=amount_text(money.amount, money.currency), basis=basis_text(money.basis)
    )
    if markup != 1.0:
        text += " " + tr("— the relay's markup ×{markup} applied").format(markup=f"{markup:g}")
    return text


def percent(rate: float | None) -> str:
    return DASH if rate is None else f"{rate * 100:.1f}%"


def seconds(ms: float | None) -> str:
    return DASH if ms is None else tr("{value} s").format(value=f"{ms / 1000:.1f}")


def latency_text(p50: float | None, p95: float | None) -> str:
    return tr("p50 {p50} · p95 {p95}").format(p50=seconds(p50), p95=seconds(p95))


def claims_text(count: int, amount: float | None, currency: str | None) -> str:
    """The jobs paid for and not delivered, with what they cost (one / several / none)."""
    if count == 0:
        return tr("none")
    text = tr("1 job, about {amount}") if count == 1 else tr("{count} jobs, about {amount}")
    return text.format(count=count, amount=amount_text(amount, currency))


def more_claims_text(shown: int, count: int) -> str:
    return tr("The newest {shown} of {count} claims are listed; the export holds them all.").format(
        shown=shown, count=count
    )


def local_time(moment: float) -> str:
    """A moment in local time, written the same in every language (2026-12-05 14:30)."""
    return datetime.fromtimestamp(moment).strftime("%Y-%m-%d %H:%M")


def balance_text(balance: Balance) -> str:
    try:
        read = local_time(datetime.fromisoformat(balance.read_at).timestamp())
    except ValueError:
        read = balance.read_at
    return tr("{amount} {currency} (read {time})").format(
        amount=f"{balance.amount:.2f}", currency=balance.currency, time=read
    )


def reason_text(reason: str) -> str:
    return {
        "fate_unknown": tr("cut off mid-call or timed out"),
        "result_expired": tr("download link expired"),
        "bad_result": tr("damaged image"),
        "no_image": tr("success without an image"),
        "server": tr("relay error after the request arrived"),
        "task_failed": tr("task failed"),
        "save_failed": tr("could not be saved"),
    }.get(reason, reason)


def checked_text(checked_at: float) -> str:
    return tr("Checked {date}").format(date=local_time(checked_at))


def never_checked_text() -> str:
    return tr(
        "This relay was never checked. In Settings → Relays → Relay check, “Check relay” "
        "tries it for free (reachable, key, models, billing endpoints…) and “Run paid "
        "checks…” sends the smallest real requests to see whether it honours a mask, the "
        "ratio and several images. The findings show here."
    )
