"""The batch dialog's words: a bad line's reason and a cost, in the user's language.

The engine names a bad line in plain English (:class:`studio.engine.batch.LineProblem`); each
reason it gives is matched here and said again through Qt's translation, the values it quotes
kept as they are. A reason not known here is shown as the engine gave it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from studio.engine.batch import LineProblem
from studio.engine.ledger import Money
from studio.ui.composer.footer import CURRENCY_SIGNS

SHOWN_PROBLEMS = 8


def tr(text: str) -> str:
    return QCoreApplication.translate("BatchDialog", text)


def _reasons() -> list[tuple[re.Pattern[str], Callable[[dict[str, str]], str]]]:
    def say(template: str) -> Callable[[dict[str, str]], str]:
        return lambda values: template.format(**values) if values else template

    table = [
        (r"unknown field\(s\): (?P<fields>.+)", tr("unknown field(s): {fields}")),
        (r"no prompt", tr("no prompt")),
        (r"(?P<field>\w+) is not a whole number: (?P<value>.+)", tr("{field} is not a whole number: {value}")),  # noqa: E501
        (r"refs must be a list of paths or p1;p2", tr("refs must be a list of paths, or paths separated by ;")),  # noqa: E501
        (r"(?P<field>\w+) must be text", tr("{field} must be text")),
        (r"more cells than the header has names", tr("more cells than the header has names")),
        (r"(?P<cells>\d+) cells, but the header names (?P<fields>\d+) fields", tr("{cells} cells, but the header names {fields} fields")),  # noqa: E501
        (r"field\(s\) named twice: (?P<fields>.+)", tr("field(s) named twice: {fields}")),
        (r"the header row has no prompt field", tr("the header row has no prompt field")),
        (r"not CSV \((?P<detail>.+)\)", tr("not CSV ({detail})")),
        (r"not JSON \((?P<detail>.+)\)", tr("not JSON ({detail})")),
        (r"not a JSON object", tr("not a JSON object")),
        (r"no values for (?P<names>.+)", tr("no values for {names}: give each variable its values")),  # noqa: E501
        (r"(?P<count>\d+) combinations; a batch takes at most (?P<limit>\d+)", tr("{count} combinations; a batch takes at most {limit}")),  # noqa: E501
        (r"(?P<count>\d+) requests; at most (?P<limit>\d+)", tr("{count} requests; a batch takes at most {limit}")),  # noqa: E501
        (r"\{(?P<name>[^}]*)\} has a format spec; write just \{[^}]*\}", tr("{{{name}}} has a format spec: write just the name in braces")),  # noqa: E501
        (r"\{(?P<name>[^}]*)\} is not a variable name", tr("{{{name}}} is not a variable name (letters, digits and _)")),  # noqa: E501
        (r"a \{ or \} without its pair; write \{\{ or \}\} for a brace itself|Single '[{}]' encountered in format string|expected '}' before end of string|unmatched '\{' in format spec", tr("a brace without its pair: write {{ or }} for a brace itself")),  # noqa: E501
        (r"reference not found: (?P<path>.+)", tr("reference not found: {path}")),
        (r"mask not found: (?P<path>.+)", tr("mask not found: {path}")),
        (r"mask (?P<path>.+?): (?P<detail>.+)", tr("mask {path}: {detail}")),
        (r"n must be at least 1: (?P<value>-?\d+)", tr("n must be at least 1 (it is {value})")),
        (r"unknown protocol (?P<value>.+) \(known: (?P<known>.+)\)", tr("unknown protocol {value} (known: {known})")),  # noqa: E501
        (r"no target: choose a model", tr("no target: choose a model")),
    ]  # fmt: skip
    return [(re.compile(pattern, re.DOTALL), say(text)) for pattern, text in table]


def known_reason(reason: str) -> bool:
    """Whether the reason is one this module says in the user's language."""
    return any(pattern.fullmatch(reason) for pattern, _ in _reasons())


def reason_text(reason: str) -> str:
    """The engine's reason in the user's language (as given when not known here)."""
    for pattern, say in _reasons():
        if match := pattern.fullmatch(reason):
            try:
                return say({key: value or "" for key, value in match.groupdict().items()})
            except (KeyError, IndexError, ValueError):
                break
    return reason


def problem_text(problem: LineProblem) -> str:
    reason = reason_text(problem.reason)
    if problem.number <= 0:
        return reason
    return tr("Line {number}: {reason}").format(number=problem.number, reason=reason)


def problems_text(problems: Sequence[LineProblem]) -> str:
    """The first few problems, one a line, and how many more."""
    lines = [problem_text(problem) for problem in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(tr("… and {count} more.").format(count=len(problems) - SHOWN_PROBLEMS))
    return "\n".join(lines)


def money_text(money: Money) -> str:
    """ "≈ US$0.48", or that the price is not known."""
    if money.amount is None or money.currency is None:
        return tr("cost unknown")
    sign = CURRENCY_SIGNS.get(money.currency, f"{money.currency} ")
    digits = 2 if money.amount >= 0.01 or money.amount == 0 else 3
    return tr("≈ {amount}").format(amount=f"{sign}{money.amount:.{digits}f}")
