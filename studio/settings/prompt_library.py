"""The prompt library: saved prompts (name, tags, text) in ``<config dir>/prompts.json``.

A prompt's variables are the ``{names}`` its text uses (a batch fills them in). Until the user
changes anything the library holds a few examples in English and 简体中文 (:data:`SEEDS`); the
first change writes them out with it, so a deleted example stays deleted.

Written atomically like profiles.json; a damaged file is kept aside (``prompts.json.damaged``)
and reads as an empty library. Never a key: text, names and tags pass the redaction rule, and a
field that looks like a secret is refused. Import merges a JSON file (the export's format, or a
bare list of prompts) by name; export writes the same format.
"""

from __future__ import annotations

import json
import logging
import string
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from studio.domain.redact import redact
from studio.paths import config_dir
from studio.settings.profiles import _write_atomically, refuse_secrets

log = logging.getLogger(__name__)

LIBRARY_FILE = "prompts.json"
DAMAGED_SUFFIX = ".damaged"
FORMAT_VERSION = 1
MAX_NAME = 80
MAX_TEXT = 32_000
MAX_TAGS = 20
MAX_TAG = 40
TAG_SEPARATORS = (",", "，", "、", ";", "；")


@dataclass(frozen=True)
class SavedPrompt:
    name: str
    text: str
    tags: tuple[str, ...] = ()
    language: str | None = None  # the examples' language ("en", "zh_CN"); None: the user's

    @property
    def variables(self) -> list[str]:
        """The ``{names}`` the text uses, in order of first use."""
        return variables_of(self.text)


class PromptLibraryError(ValueError):
    """A name that is empty, too long or taken; an empty or too long text; a prompt that is
    not there; a file to import that is not a prompt library."""

    def __init__(self, reason: str, name: str = "") -> None:
        super().__init__(f"{reason}: {name}" if name else reason)
        self.reason = reason  # empty_name | too_long | taken | empty_text | text_too_long
        #                       | missing | unreadable
        self.name = name


@dataclass(frozen=True)
class ImportReport:
    added: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (name in file, name given)
    unchanged: list[str] = field(default_factory=list)  # already here with the same text
    skipped: int = 0  # entries without a name or a text


def variables_of(text: str) -> list[str]:
    """The variable names of a template (``{{``/``}}`` are braces; a text that is not a valid
    template has none)."""
    names: list[str] = []
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return []
    for _, name, _, _ in parsed:
        if name and name.isidentifier() and name not in names:
            names.append(name)
    return names


def clean_name(name: str) -> str:
    cleaned = " ".join(redact(name).split())
    if not cleaned:
        raise PromptLibraryError("empty_name", name)
    if len(cleaned) > MAX_NAME:
        raise PromptLibraryError("too_long", name)
    return cleaned


def clean_text(text: str) -> str:
    cleaned = redact(text).strip()
    if not cleaned:
        raise PromptLibraryError("empty_text")
    if len(cleaned) > MAX_TEXT:
        raise PromptLibraryError("text_too_long")
    return cleaned


def parse_tags(text: str | Iterable[str]) -> tuple[str, ...]:
    """Tags from ``"a, b，c"`` (or a list): trimmed, each once (ignoring case), at most 20."""
    if isinstance(text, str):
        for separator in TAG_SEPARATORS[1:]:
            text = text.replace(separator, ",")
        pieces: Iterable[str] = text.split(",")
    else:
        pieces = text
    tags: list[str] = []
    for piece in pieces:
        tag = " ".join(redact(str(piece)).split())[:MAX_TAG]
        if tag and tag.casefold() not in (known.casefold() for known in tags):
            tags.append(tag)
    return tuple(tags[:MAX_TAGS])


def search(
    prompts: Sequence[SavedPrompt],
    query: str,
    language: str | None = None,
    *,
    in_text: bool = True,
) -> list[SavedPrompt]:
    """The prompts matching every word of ``query`` in their name, tags or (``in_text``) text:
    name matches first, then tag matches, then text matches; within each, ``language``'s
    examples first."""
    words = query.casefold().split()
    ranked: list[tuple[int, int, int, SavedPrompt]] = []
    for order, prompt in enumerate(prompts):
        name, tags = prompt.name.casefold(), " ".join(prompt.tags).casefold()
        everything = f"{name} {tags} {prompt.text.casefold() if in_text else ''}"
        if not all(word in everything for word in words):
            continue
        if all(word in name for word in words):
            rank = 0 if not words or name.startswith(words[0]) else 1
        elif all(word in f"{name} {tags}" for word in words):
            rank = 2
        else:
            rank = 3
        foreign = int(prompt.language is not None and prompt.language != language)
        ranked.append((rank, foreign, order, prompt))
    return [prompt for *_, prompt in sorted(ranked, key=lambda item: item[:3])]


def _from_dict(entry: Any) -> SavedPrompt | None:
    if not isinstance(entry, dict):
        return None
    name, text, tags = entry.get("name"), entry.get("text"), entry.get("tags", [])
    language = entry.get("language")
    if not isinstance(name, str) or not isinstance(text, str):
        return None
    if not isinstance(tags, list | str):
        tags = []
    try:
        return SavedPrompt(
            clean_name(name),
            clean_text(text),
            parse_tags(tags if isinstance(tags, str) else [str(tag) for tag in tags]),
            language if isinstance(language, str) and language else None,
        )
    except PromptLibraryError:
        return None


def _to_dict(prompt: SavedPrompt) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": prompt.name, "text": prompt.text, "tags": list(prompt.tags)}
    if prompt.language:
        entry["language"] = prompt.language
    return entry


def document_text(prompts: Sequence[SavedPrompt]) -> str:
    """The library's JSON (also the export format)."""
    document = {"version": FORMAT_VERSION, "prompts": [_to_dict(p) for p in prompts]}
    refuse_secrets(document)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def prompts_in(text: str) -> tuple[list[SavedPrompt], int]:
    """The prompts of a library or export file's text and how many entries were skipped;
    PromptLibraryError("unreadable") when it is not one."""
    try:
        document = json.loads(text)
    except ValueError:
        raise PromptLibraryError("unreadable") from None
    entries = document.get("prompts") if isinstance(document, dict) else document
    if not isinstance(entries, list):
        raise PromptLibraryError("unreadable")
    found = [_from_dict(entry) for entry in entries]
    prompts = [prompt for prompt in found if prompt is not None]
    return prompts, len(found) - len(prompts)


def _index(prompts: Sequence[SavedPrompt], name: str) -> int:
    folded = name.casefold()
    for index, prompt in enumerate(prompts):
        if prompt.name.casefold() == folded:
            return index
    return -1


def _free_name(prompts: Sequence[SavedPrompt], name: str) -> str:
    number = 2
    while True:
        candidate = f"{name[: MAX_NAME - 6]} ({number})"
        if _index(prompts, candidate) < 0:
            return candidate
        number += 1


class PromptLibrary:
    """The saved prompts. Every method reads the file and each change writes it whole (under a
    lock: call them from one worker thread at a time or several, never the GUI thread)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else config_dir() / LIBRARY_FILE
        self._lock = threading.Lock()

    # -- reading ---------------------------------------------------------------------------

    def load(self) -> list[SavedPrompt]:
        """Every saved prompt in the library's order (the examples until the first change)."""
        with self._lock:
            return self._read()

    def get(self, name: str) -> SavedPrompt:
        prompts = self.load()
        index = _index(prompts, name)
        if index < 0:
            raise PromptLibraryError("missing", name)
        return prompts[index]

    def _read(self) -> list[SavedPrompt]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return list(SEEDS)
        except OSError as error:
            log.warning("the prompt library %s cannot be read: %s", self.path, error)
            return []
        try:
            prompts, skipped = prompts_in(raw.decode("utf-8"))
        except (UnicodeDecodeError, PromptLibraryError):
            self._keep_aside()
            return []
        if skipped:
            log.warning("%d damaged entries of %s are left out", skipped, self.path)
        return prompts

    def _keep_aside(self) -> None:
        """A damaged library goes next to it (the user may mend it) and an empty one takes
        its place."""
        aside = self.path.with_name(self.path.name + DAMAGED_SUFFIX)
        log.warning("the prompt library %s is damaged: kept as %s", self.path, aside.name)
        try:
            self.path.replace(aside)
            self._write([])
        except OSError as error:
            log.warning("the damaged prompt library could not be moved aside: %s", error)

    def _write(self, prompts: Sequence[SavedPrompt]) -> None:
        _write_atomically(self.path, document_text(prompts).encode("utf-8"))

    # -- changes ---------------------------------------------------------------------------

    def add(self, prompt: SavedPrompt, *, replace_existing: bool = False) -> SavedPrompt:
        """Save ``prompt`` (a prompt of the same name is replaced when ``replace_existing``,
        else PromptLibraryError("taken")). Returns it as stored (cleaned, redacted)."""
        saved = SavedPrompt(
            clean_name(prompt.name), clean_text(prompt.text), parse_tags(prompt.tags)
        )
        with self._lock:
            prompts = self._read()
            index = _index(prompts, saved.name)
            if index >= 0 and not replace_existing:
                raise PromptLibraryError("taken", saved.name)
            if index >= 0:
                prompts[index] = saved
            else:
                prompts.append(saved)
            self._write(prompts)
        return saved

    def update(
        self,
        name: str,
        *,
        new_name: str | None = None,
        tags: str | Iterable[str] | None = None,
        text: str | None = None,
    ) -> SavedPrompt:
        """Rename, retag or rewrite the prompt ``name``; the prompt as stored."""
        with self._lock:
            prompts = self._read()
            index = _index(prompts, name)
            if index < 0:
                raise PromptLibraryError("missing", name)
            prompt = prompts[index]
            if new_name is not None:
                cleaned = clean_name(new_name)
                other = _index(prompts, cleaned)
                if other >= 0 and other != index:
                    raise PromptLibraryError("taken", cleaned)
                prompt = replace(prompt, name=cleaned)
            if tags is not None:
                prompt = replace(prompt, tags=parse_tags(tags))
            if text is not None:
                prompt = replace(prompt, text=clean_text(text))
            prompts[index] = prompt
            self._write(prompts)
        return prompt

    def remove(self, name: str) -> None:
        with self._lock:
            prompts = self._read()
            index = _index(prompts, name)
            if index < 0:
                raise PromptLibraryError("missing", name)
            del prompts[index]
            self._write(prompts)

    # -- files -----------------------------------------------------------------------------

    def export_to(self, path: Path, names: Iterable[str] | None = None) -> int:
        """Write the library (or the prompts named) to ``path``; how many. OSError when the
        file cannot be written."""
        prompts = self.load()
        if names is not None:
            wanted = {name.casefold() for name in names}
            prompts = [prompt for prompt in prompts if prompt.name.casefold() in wanted]
        _write_atomically(path, document_text(prompts).encode("utf-8"))
        return len(prompts)

    def import_from(self, path: Path) -> ImportReport:
        """Merge the prompts of ``path``: a new name is added; the same name with the same
        text stays as it is (the tags joined), as does a text already here under another name;
        the same name with another text is added under a free name ("Poster (2)"). OSError
        when the file cannot be read, PromptLibraryError("unreadable") when it is not a prompt
        library."""
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise PromptLibraryError("unreadable") from None
        incoming, skipped = prompts_in(text)
        report = ImportReport(skipped=skipped)
        with self._lock:
            prompts = self._read()
            for prompt in incoming:
                prompt = replace(prompt, language=None)
                index = _index(prompts, prompt.name)
                if index >= 0 and prompts[index].text == prompt.text:
                    tags = parse_tags([*prompts[index].tags, *prompt.tags])
                    prompts[index] = replace(prompts[index], tags=tags)
                    report.unchanged.append(prompt.name)
                elif any(known.text == prompt.text for known in prompts):
                    report.unchanged.append(prompt.name)  # here under another name
                elif index < 0:
                    prompts.append(prompt)
                    report.added.append(prompt.name)
                else:
                    free = _free_name(prompts, prompt.name)
                    prompts.append(replace(prompt, name=free))
                    report.renamed.append((prompt.name, free))
            self._write(prompts)
        return report


SEEDS: tuple[SavedPrompt, ...] = (
    SavedPrompt(
        "Product shot",
        "Studio product photograph of {product} on a seamless {color} backdrop, soft key light "
        "from the left, a gentle reflection beneath, crisp edges, high detail, commercial "
        "catalogue style",
        ("product", "photo", "e-commerce"),
        "en",
    ),
    SavedPrompt(
        "Event poster",
        'Minimalist poster for {event}, bold headline "{title}" in a clean sans-serif, '
        "generous negative space, a two-colour palette, flat geometric shapes, print-ready "
        "layout",
        ("poster", "typography", "design"),
        "en",
    ),
    SavedPrompt(
        "Window-light portrait",
        "Portrait of {subject}, soft natural window light, shallow depth of field, 85mm lens, "
        "warm skin tones, a calm expression, muted background",
        ("portrait", "photo"),
        "en",
    ),
    SavedPrompt(
        "Isometric icon",
        "Isometric 3D icon of {object}, soft pastel colours, smooth clay material, a subtle "
        "shadow, centred on a plain white background",
        ("icon", "3d", "design"),
        "en",
    ),
    SavedPrompt(
        "产品主图",
        "{产品}的电商产品主图，纯白背景，柔和的棚拍光，左侧主光，底部轻微倒影，边缘清晰，"
        "细节丰富，商业摄影风格",
        ("产品", "电商", "摄影"),
        "zh_CN",
    ),
    SavedPrompt(
        "活动海报",
        "{活动}的极简海报，醒目的标题“{标题}”，大面积留白，双色配色，扁平几何图形，版式适合印刷",
        ("海报", "排版", "设计"),
        "zh_CN",
    ),
    SavedPrompt(
        "窗光人像",
        "{人物}的人像照片，柔和的窗边自然光，浅景深，85mm 镜头，肤色温暖，神情安静，背景简洁",
        ("人像", "摄影"),
        "zh_CN",
    ),
    SavedPrompt(
        "国风插画",
        "{主题}，国风工笔插画，淡雅的青绿配色，宣纸质感，留白构图，线条细腻",
        ("插画", "国风"),
        "zh_CN",
    ),
)
