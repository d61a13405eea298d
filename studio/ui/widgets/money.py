"""Amounts of money as the window shows them: "US$0.04", "¥0.30"."""

from __future__ import annotations

CURRENCY_SIGNS = {"USD": "US$", "CNY": "¥", "EUR": "€", "GBP": "£", "JPY": "JP¥"}


def money_text(amount: float, currency: str | None) -> str:
    """The amount with its currency's sign (or code): in cents, and tenths of a cent below
    0.10 (US$0.042, US$0.05, US$1.26)."""
    sign = CURRENCY_SIGNS.get(currency or "", f"{currency} " if currency else "")
    figure = f"{amount:.2f}"
    if 0 < abs(amount) < 0.1:
        figure = f"{amount:.3f}"
        figure = figure[:-1] if figure.endswith("0") else figure
    return f"{sign}{figure}"
