"""What a relay sells, for the model picker: ``GET /v1/models``, cached per profile, arranged.

- :class:`ModelListCache` keeps the last list each relay gave (a small JSON file), so the picker
  shows it at once and when the relay cannot be reached;
- :func:`fetch_models` asks the relay (one GET, no retries: see ``settings.check``);
- :func:`arrange` sorts a list into what the picker shows: the catalog's models with the relay's
  aliases under the entry they stand for, names the catalog knows only by a ``[[pattern]]``
  grouped per family ("Other FLUX models"), image-looking names nobody knows ("Unknown"), and the
  rest — text, audio, embedding models — kept apart (:attr:`SectionKind.NOT_IMAGE`): the picker
  shows them only to a search.

The rule for "an image model": the catalog lists it or an alias of it, a catalog pattern matches
it, or its name carries an image word (:data:`IMAGE_WORDS`). Everything else is not offered.
"""

from __future__ import annotations

import fnmatch
import json
import logging
import os
import re
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from studio.catalog import Catalog
from studio.domain.errors import StudioError
from studio.domain.profile import Profile

log = logging.getLogger(__name__)

CACHE_FILE = "relay-models.json"
CACHE_VERSION = 1
MAX_CACHED_NAMES = 5000  # a relay listing more is not a model list any more

# Names the catalog does not know are image models when they carry one of these words.
IMAGE_WORDS = re.compile(
    r"image|img|imagen|dall|draw|paint|picture|photo|diffusion|sdxl|flux|seedream|seededit|"
    r"cogview|wanx|kolors|hidream|jimeng|recraft|ideogram|midjourney|niji|banana",
    re.IGNORECASE,
)
_RESOLUTION_SUFFIX = re.compile(r"^(?P<stem>.+)-(?P<res>[124])k$", re.IGNORECASE)


# -- the cache -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CachedModels:
    models: tuple[str, ...]
    fetched_at: float  # seconds since the epoch


class ModelListCache:
    """``{"version": 1, "relays": {profile: {"base_url", "fetched_at", "models"}}}`` in one file.

    Never raises: a missing or damaged file is an empty cache; a failed write is logged. A list
    is only given back for the base URL it was fetched from.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def get(self, profile: str, base_url: str) -> CachedModels | None:
        entry = self._read().get(profile)
        if not isinstance(entry, dict) or entry.get("base_url") != _url_key(base_url):
            return None
        models, fetched_at = entry.get("models"), entry.get("fetched_at")
        if not isinstance(models, list) or not isinstance(fetched_at, int | float):
            return None
        return CachedModels(tuple(m for m in models if isinstance(m, str) and m), float(fetched_at))

    def put(
        self, profile: str, base_url: str, models: Iterable[str], when: float | None = None
    ) -> None:
        relays = self._read()
        relays[profile] = {
            "base_url": _url_key(base_url),
            "fetched_at": time.time() if when is None else when,
            "models": list(models)[:MAX_CACHED_NAMES],
        }
        self._write({"version": CACHE_VERSION, "relays": relays})

    def forget(self, profile: str) -> None:
        relays = self._read()
        if relays.pop(profile, None) is not None:
            self._write({"version": CACHE_VERSION, "relays": relays})

    def _read(self) -> dict[str, Any]:
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError, ValueError):
            log.info("the relay model cache %s is unreadable: starting afresh", self.path)
            return {}
        relays = document.get("relays") if isinstance(document, dict) else None
        return dict(relays) if isinstance(relays, dict) else {}

    def _write(self, document: dict[str, Any]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
            )
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                    json.dump(document, stream, ensure_ascii=False)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            log.warning("could not write the relay model cache %s", self.path, exc_info=True)


def _url_key(base_url: str) -> str:
    """The relay a base URL names (with or without a trailing / or /v1)."""
    return Profile(name="-", base_url=base_url).root_url.lower()


# -- asking the relay ------------------------------------------------------------------------


@dataclass(frozen=True)
class Fetched:
    models: tuple[str, ...] | None  # None: the relay gave no list
    problem: StudioError | None = None


async def fetch_models(profile: Profile) -> Fetched:
    """One ``GET /v1/models`` (free, never retried); a failure is described, never raised."""
    from studio.settings.check import check_relay

    check = await check_relay(profile)
    return Fetched(check.model_ids, check.problem)


# -- arranging a list for the picker ---------------------------------------------------------


class SectionKind(StrEnum):
    FAMILY = "family"  # a catalog family: its entries the relay lists (or aliases of them)
    OTHER = "other"  # names a catalog pattern gives to this family: "Other FLUX models"
    UNKNOWN = "unknown"  # image-looking names the catalog knows nothing about
    NOT_IMAGE = "not-image"  # text, audio, embeddings…: offered only to a search


@dataclass(frozen=True)
class Entry:
    model: str  # the catalog id, or the relay's name outside the catalog
    label: str
    listed: bool = True  # the relay offers this very name: it can be picked
    aliases: tuple[str, ...] = ()  # the relay's names that stand for this entry


@dataclass(frozen=True)
class Section:
    kind: SectionKind
    family: str = ""  # FAMILY / OTHER: the family id
    title: str = ""  # FAMILY / OTHER: the family's label
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Listing:
    sections: tuple[Section, ...]
    from_relay: bool  # False: the catalog's own models (no list from the relay)
    models: frozenset[str] = field(default_factory=frozenset)  # every name the relay gave

    def image_count(self) -> int:
        return sum(
            entry.listed + len(entry.aliases)
            for section in self.sections
            if section.kind is not SectionKind.NOT_IMAGE
            for entry in section.entries
        )

    def hidden(self) -> int:
        return sum(len(s.entries) for s in self.sections if s.kind is SectionKind.NOT_IMAGE)


def family_label(catalog: Catalog, family: str) -> str:
    label = catalog.families.get(family, {}).get("label")
    return str(label) if label else family


def stands_for(catalog: Catalog, name: str) -> str | None:
    """The catalog entry ``name`` is, or is a relay alias of (or the same name in other
    letter case); None for anything else."""
    if catalog.is_listed(name):
        return name
    target = catalog.alias_of(name)
    if target is not None and catalog.is_listed(target):
        return target
    lowered = name.lower()
    return next((listed for listed in catalog.models if listed.lower() == lowered), None)


def _variant_of(catalog: Catalog, name: str) -> str | None:
    """The catalog entry ``name`` is a fixed-resolution variant of (nano-banana-2-2k)."""
    match = _RESOLUTION_SUFFIX.match(name)
    if match is None:
        return None
    return stands_for(catalog, match["stem"])


def pattern_family(catalog: Catalog, name: str) -> str | None:
    """The family a catalog ``[[pattern]]`` gives ``name`` (first match wins), or None."""
    lowered = name.lower()
    for pattern in catalog.patterns:
        if fnmatch.fnmatchcase(lowered, pattern.glob):
            return catalog.get(name).family
    return None


def looks_like_image(name: str) -> bool:
    return IMAGE_WORDS.search(name) is not None


def is_image_model(catalog: Catalog, name: str) -> bool:
    """The picker's rule: listed, an alias, a pattern's, or an image word in the name."""
    return (
        stands_for(catalog, name) is not None
        or _variant_of(catalog, name) is not None
        or pattern_family(catalog, name) is not None
        or looks_like_image(name)
    )


def arrange(catalog: Catalog, models: Iterable[str] | None) -> Listing:
    """What the picker shows for a relay that lists ``models`` (None: the whole catalog)."""
    by_family = catalog.by_family()
    if models is None:
        return Listing(
            tuple(
                Section(
                    SectionKind.FAMILY,
                    family,
                    family_label(catalog, family),
                    tuple(Entry(spec.id, spec.label or spec.id) for spec in specs),
                )
                for family, specs in by_family.items()
            ),
            from_relay=False,
        )
    names = sorted(set(models))
    listed: set[str] = set()
    aliases: dict[str, list[str]] = {}
    other: dict[str, list[str]] = {}
    unknown: list[str] = []
    not_image: list[str] = []
    for name in names:
        if catalog.is_listed(name):
            listed.add(name)
        elif (target := stands_for(catalog, name) or _variant_of(catalog, name)) is not None:
            aliases.setdefault(target, []).append(name)
        elif (family := pattern_family(catalog, name)) is not None:
            other.setdefault(family, []).append(name)
        elif looks_like_image(name):
            unknown.append(name)
        else:
            not_image.append(name)

    sections: list[Section] = []
    for family, specs in by_family.items():
        entries = tuple(
            Entry(
                spec.id,
                spec.label or spec.id,
                spec.id in listed,
                tuple(aliases.get(spec.id, ())),
            )
            for spec in specs
            if spec.id in listed or spec.id in aliases
        )
        if entries:
            sections.append(
                Section(SectionKind.FAMILY, family, family_label(catalog, family), entries)
            )
        if family in other:
            sections.append(_names(SectionKind.OTHER, other.pop(family), family, catalog))
    for family in sorted(other):  # pattern families without a listed model
        sections.append(_names(SectionKind.OTHER, other[family], family, catalog))
    if unknown:
        sections.append(_names(SectionKind.UNKNOWN, unknown))
    if not_image:
        sections.append(_names(SectionKind.NOT_IMAGE, not_image))
    return Listing(tuple(sections), from_relay=True, models=frozenset(names))


def _names(
    kind: SectionKind, names: list[str], family: str = "", catalog: Catalog | None = None
) -> Section:
    title = family_label(catalog, family) if catalog is not None and family else ""
    return Section(kind, family, title, tuple(Entry(name, name) for name in names))


def equivalent(catalog: Catalog, model: str, models: Iterable[str]) -> str | None:
    """The relay's name for the model picked as ``model``: itself when the relay lists it, else
    a name standing for the same catalog entry (the plain name first, then the first alias in
    sorted order); None when the relay has nothing for it."""
    offered = set(models)
    if model in offered:
        return model
    target = stands_for(catalog, model)
    if target is None:
        return None
    if target in offered:
        return target
    same = sorted(name for name in offered if stands_for(catalog, name) == target)
    return same[0] if same else None
