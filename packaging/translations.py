"""Translations: extract every user-visible string into the .ts files, compile them to .qm.

    python packaging/translations.py extract   # update resources/translations/*.ts
    python packaging/translations.py compile   # .ts -> .qm next to them (the build does this)
    python packaging/translations.py check     # exit 1 if a string lacks a translation

Qt's own lupdate cannot follow the studio's conventions (a module-level ``tr()`` bound to one
context; engine messages marked ``QT_TRANSLATE_NOOP(ERRORS, …)`` in modules without Qt), so
this reads the code's syntax tree instead:

- ``QCoreApplication.translate("Context", "text")`` anywhere;
- ``tr("text")`` in a module whose ``def tr`` returns ``QCoreApplication.translate("Context", …)``;
- ``QT_TRANSLATE_NOOP(ERRORS | WARNINGS | "Context", "text")``.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "studio"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
SKIPPED = ("simulator", "cli")  # relay-side and terminal text stay English
NAMED_CONTEXTS = {"ERRORS": "Errors", "WARNINGS": "Warnings"}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@dataclass
class Message:
    source: str
    locations: list[tuple[str, int]] = field(default_factory=list)


Catalogue = dict[str, dict[str, Message]]  # context -> source -> message


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # "a " "b" is one Constant
        left, right = _literal(node.left), _literal(node.right)
        return left + right if left is not None and right is not None else None
    return None


def _is_translate(call: ast.Call) -> bool:
    function = call.func
    return (
        isinstance(function, ast.Attribute)
        and function.attr == "translate"
        and (isinstance(function.value, ast.Name) and function.value.id == "QCoreApplication")
    )


def _tr_context(tree: ast.Module) -> str | None:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and _is_translate(inner) and inner.args:
                    return _literal(inner.args[0])
    return None


def extract(sources: Path = SOURCES) -> tuple[Catalogue, list[str]]:
    catalogue: Catalogue = defaultdict(dict)
    problems: list[str] = []
    for path in sorted(sources.rglob("*.py")):
        relative = path.relative_to(sources.parent).as_posix()
        if any(f"/{skipped}/" in f"/{relative}" for skipped in SKIPPED):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        tr_context = _tr_context(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            context = text = None
            name = node.func.id if isinstance(node.func, ast.Name) else None
            if _is_translate(node) and len(node.args) >= 2:
                context, text = _literal(node.args[0]), _literal(node.args[1])
                if text is None:
                    continue  # translate(…, variable): that text is marked where it is written
            elif name == "QT_TRANSLATE_NOOP" and len(node.args) == 2:
                first = node.args[0]
                context = (
                    NAMED_CONTEXTS.get(first.id) if isinstance(first, ast.Name) else _literal(first)
                )
                text = _literal(node.args[1])
            elif name == "tr" and tr_context and node.args:
                context, text = tr_context, _literal(node.args[0])
                if text is None:
                    if not isinstance(node.args[0], ast.Name):
                        problems.append(f"{relative}:{node.lineno}: tr() of a non-literal")
                    continue
            else:
                continue
            if context is None or text is None:
                problems.append(f"{relative}:{node.lineno}: a translation call without literals")
                continue
            message = catalogue[context].setdefault(text, Message(text))
            message.locations.append((relative, node.lineno))
    return dict(catalogue), problems


def read_ts(path: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, type attribute) of an existing .ts file."""
    if not path.is_file():
        return {}
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = translation.text or "" if translation is not None else ""
            kind = translation.get("type") if translation is not None else "unfinished"
            found[(name, source)] = (text, kind)
    return found


def write_ts(
    path: Path,
    language: str,
    catalogue: Catalogue,
    filled: dict[tuple[str, str], str] | None = None,
) -> tuple[int, int]:
    """Merge ``catalogue`` into ``path`` (``filled``: new translations by (context, source));
    returns (messages, still untranslated)."""
    existing = read_ts(path)
    existing.update({key: (text, None) for key, text in (filled or {}).items() if text})
    root = ET.Element("TS", version="2.1", language=language)
    total = missing = 0
    for context_name in sorted(catalogue):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for source in sorted(catalogue[context_name]):
            message = ET.SubElement(context, "message")
            for filename, line in catalogue[context_name][source].locations:
                ET.SubElement(message, "location", filename=f"../../{filename}", line=str(line))
            ET.SubElement(message, "source").text = source
            text, kind = existing.get((context_name, source), ("", "unfinished"))
            translation = ET.SubElement(message, "translation")
            if text and kind not in ("unfinished", "vanished", "obsolete"):
                translation.text = text
            else:
                translation.set("type", "unfinished")
                if text:
                    translation.text = text
                missing += 1
            total += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8"
    )
    return total, missing


def placeholder_problems(path: Path) -> list[str]:
    """Translations whose {placeholders} differ from the source's (they would break format())."""
    problems = []
    for (context, source), (text, kind) in read_ts(path).items():
        if (
            text
            and kind != "vanished"
            and set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(text))
        ):
            problems.append(f"{context}: {source!r} → {text!r}")
    return problems


def compile_all() -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from studio.ui.i18n import compile_translation

    written = []
    for language in LANGUAGES:
        source = TRANSLATIONS / f"studio_{language}.ts"
        target = source.with_suffix(".qm")
        if not compile_translation(source, target):
            raise SystemExit(f"could not compile {source}")
        written.append(target)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["extract", "compile", "check", "fill"])
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="fill: a JSON list of [context, source, translation] for --language",
    )
    parser.add_argument("--language", default="zh_CN", choices=LANGUAGES)
    args = parser.parse_args()
    if args.command == "fill":
        if args.file is None:
            parser.error("fill needs a JSON file")
        entries = json.loads(args.file.read_text("utf-8"))
        filled = {(context, source): text for context, source, text in entries}
        catalogue, _ = extract()
        path = TRANSLATIONS / f"studio_{args.language}.ts"
        total, missing = write_ts(path, args.language, catalogue, filled)
        print(f"{path.relative_to(ROOT)}: {total} messages, {missing} untranslated")
        return 0
    if args.command == "compile":
        for path in compile_all():
            print(f"compiled {path.relative_to(ROOT)}")
        return 0
    catalogue, problems = extract()
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    status = 0
    for language in LANGUAGES:
        path = TRANSLATIONS / f"studio_{language}.ts"
        if args.command == "extract":
            total, missing = write_ts(path, language, catalogue)
            print(f"{path.relative_to(ROOT)}: {total} messages, {missing} untranslated")
        else:
            existing = read_ts(path)
            untranslated = [
                (context, source)
                for context, messages in catalogue.items()
                for source in messages
                if not existing.get((context, source), ("", ""))[0]
                or existing[(context, source)][1] == "unfinished"
            ]
            for context, source in untranslated:
                print(f"{language}: untranslated [{context}] {source!r}")
            for problem in placeholder_problems(path):
                print(f"{language}: placeholders differ: {problem}")
            if untranslated or placeholder_problems(path):
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
