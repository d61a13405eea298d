"""A batch: many requests from a list of prompts, a template with variables, or a file.

Text files hold one prompt (or template) per line; blank lines and lines starting with ``#``
are skipped. ``.jsonl`` holds one object per line and ``.csv`` a header row; their fields are
generate's option names: prompt, model, ratio, resolution, size, n, quality, seed, refs (a list
or ``;``-separated), mask, profile, protocol. A template's ``{name}`` is replaced by each value
of the variable ``name``: every combination, in order (``{{`` and ``}}`` are braces).

Every line is checked before anything is sent; :class:`BatchFileError` names each bad line by
its number.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELDS = (
    "prompt",
    "model",
    "ratio",
    "resolution",
    "size",
    "n",
    "quality",
    "seed",
    "refs",
    "mask",
    "profile",
    "protocol",
)
INTEGER_FIELDS = ("n", "seed")
MAX_EXPANDED = 10_000  # a template whose combinations pass this is refused, not sent


@dataclass(frozen=True)
class BatchLine:
    """One request of a batch: its line number in the file and its fields."""

    number: int
    prompt: str
    options: dict[str, Any] = field(default_factory=dict)  # model, ratio, n, refs (list), …


@dataclass(frozen=True)
class LineProblem:
    number: int
    reason: str  # English, plain


class BatchFileError(ValueError):
    def __init__(self, problems: Sequence[LineProblem]) -> None:
        self.problems = list(problems)
        super().__init__(
            "; ".join(f"line {problem.number}: {problem.reason}" for problem in self.problems)
        )


def placeholders(template: str) -> list[str]:
    """The variable names a template uses, in order of first use."""
    names: list[str] = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        raise ValueError("a { or } without its pair; write {{ or }} for a brace itself") from None
    for _, name, spec, conversion in parsed:
        if name is not None and (spec or conversion):
            raise ValueError(f"{{{name}}} has a format spec; write just {{{name}}}")
        if name is not None and name not in names:
            if not name.isidentifier():
                raise ValueError(f"{{{name}}} is not a variable name")
            names.append(name)
    return names


def expand_template(template: str, variables: Mapping[str, Sequence[str]]) -> list[str]:
    """Every combination of the variables the template uses (the first varies slowest)."""
    names = placeholders(template)
    missing = [name for name in names if not variables.get(name)]
    if missing:
        raise ValueError("no values for " + ", ".join("{" + name + "}" for name in missing))
    count = 1
    for name in names:
        count *= len(variables[name])
    if count > MAX_EXPANDED:
        raise ValueError(f"{count} combinations; a batch takes at most {MAX_EXPANDED}")
    combos = itertools.product(*(variables[name] for name in names))
    return [template.format(**dict(zip(names, combo, strict=True))) for combo in combos]


def parse_variable(text: str) -> tuple[str, list[str]]:
    """``NAME=V1,V2,…`` (values trimmed, empty ones dropped)."""
    name, equals, values = text.partition("=")
    name = name.strip()
    if not equals or not name.isidentifier():
        raise ValueError(f"{text!r} is not NAME=VALUE1,VALUE2,…")
    found = [value.strip() for value in values.split(",") if value.strip()]
    if not found:
        raise ValueError(f"{name} has no values")
    return name, found


def _options(number: int, raw: Mapping[str, Any], problems: list[LineProblem]) -> BatchLine | None:
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        problems.append(LineProblem(number, "unknown field(s): " + ", ".join(unknown)))
        return None
    values = {key: value for key, value in raw.items() if value not in (None, "")}
    prompt = values.pop("prompt", None)
    if not isinstance(prompt, str) or not prompt.strip():
        problems.append(LineProblem(number, "no prompt"))
        return None
    for key in INTEGER_FIELDS:
        if key in values:
            try:
                if isinstance(values[key], bool):
                    raise ValueError
                values[key] = int(str(values[key]).strip())
            except ValueError:
                problems.append(
                    LineProblem(number, f"{key} is not a whole number: {values[key]!r}")
                )
                return None
    if values.get("n", 1) < 1:
        problems.append(LineProblem(number, f"n must be at least 1: {values['n']}"))
        return None
    if "refs" in values:
        refs = values["refs"]
        if isinstance(refs, str):
            refs = [part.strip() for part in refs.split(";") if part.strip()]
        if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
            problems.append(LineProblem(number, "refs must be a list of paths or p1;p2"))
            return None
        values["refs"] = refs
    for key, value in values.items():
        if key not in ("refs", *INTEGER_FIELDS) and not isinstance(value, str):
            problems.append(LineProblem(number, f"{key} must be text"))
            return None
    return BatchLine(number, prompt.strip(), values)


def read_lines(text: str, kind: str) -> list[BatchLine]:
    """The lines of a batch file's text; ``kind``: ``text``, ``jsonl`` or ``csv``."""
    problems: list[LineProblem] = []
    lines: list[BatchLine] = []
    if kind == "csv":
        lines = _read_csv(text, problems)
    else:
        for number, raw in enumerate(text.splitlines(), start=1):
            stripped = raw.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if kind == "jsonl":
                try:
                    item = json.loads(stripped)
                except json.JSONDecodeError as error:
                    problems.append(LineProblem(number, f"not JSON ({error.msg})"))
                    continue
                if not isinstance(item, dict):
                    problems.append(LineProblem(number, "not a JSON object"))
                    continue
                if (line := _options(number, item, problems)) is not None:
                    lines.append(line)
            else:
                lines.append(BatchLine(number, stripped))
    if problems:
        raise BatchFileError(problems)
    return lines


def _read_csv(text: str, problems: list[LineProblem]) -> list[BatchLine]:
    """A header row of field names, then one request per row; blank rows and rows whose first
    cell starts with ``#`` are skipped (before the header too)."""
    lines: list[BatchLine] = []
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(LineProblem(reader.line_num, f"not CSV ({error})"))
            break
        number = reader.line_num
        if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            unknown = sorted({name for name in header if name and name not in FIELDS})
            doubled = sorted({name for name in header if name and header.count(name) > 1})
            if unknown:
                problems.append(LineProblem(number, "unknown field(s): " + ", ".join(unknown)))
            if doubled:
                problems.append(LineProblem(number, "field(s) named twice: " + ", ".join(doubled)))
            if "prompt" not in header:
                problems.append(LineProblem(number, "the header row has no prompt field"))
            if unknown or doubled or "prompt" not in header:
                return []
            continue
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
            problems.append(
                LineProblem(number, f"{len(row)} cells, but the header names {len(header)} fields")
            )
            continue
        cells = {name: cell.strip() for name, cell in zip(header, row, strict=False) if name}
        if (line := _options(number, cells, problems)) is not None:
            lines.append(line)
    return lines


def read_batch_file(path: Path) -> list[BatchLine]:
    """A batch file by its extension (``.jsonl``, ``.csv``, else text), UTF-8."""
    kind = {".jsonl": "jsonl", ".csv": "csv"}.get(path.suffix.lower(), "text")
    return read_lines(path.read_text(encoding="utf-8-sig"), kind)


def expand_lines(
    lines: Sequence[BatchLine], variables: Mapping[str, Sequence[str]]
) -> list[BatchLine]:
    """Each line's prompt expanded as a template (lines without ``{…}`` stay one)."""
    problems: list[LineProblem] = []
    expanded: list[BatchLine] = []
    for line in lines:
        try:
            prompts = expand_template(line.prompt, variables)
        except ValueError as error:
            problems.append(LineProblem(line.number, str(error)))
            continue
        expanded += [BatchLine(line.number, prompt, dict(line.options)) for prompt in prompts]
    if problems:
        raise BatchFileError(problems)
    if len(expanded) > MAX_EXPANDED:
        raise BatchFileError([LineProblem(0, f"{len(expanded)} requests; at most {MAX_EXPANDED}")])
    return expanded
