"""The model catalog: ``resources/models.toml`` merged with the user's own entries.

See the comments at the top of ``resources/models.toml`` for the format.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from studio.domain.model_spec import (
    FreeSize,
    MaskStyle,
    ModelSpec,
    Operation,
    Price,
    ProtocolId,
    RatioVia,
    RefsVia,
    ResolutionVia,
    UploadLimits,
)
from studio.paths import config_dir, resources_dir

_SPEC_FIELDS = {f.name for f in fields(ModelSpec)} - {"id", "known"}
_ALLOWED_KEYS = _SPEC_FIELDS | {"model"}
_RESOLUTION_SUFFIX = re.compile(r"^(?P<stem>.+)-(?P<res>[124])k$", re.IGNORECASE)
_ALIAS_DEPTH = 4  # an alias may name another alias, this many times at most


class CatalogError(ValueError):
    """A catalog file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class _Pattern:
    glob: str
    settings: Mapping[str, Any]


@dataclass
class Catalog:
    families: dict[str, dict[str, Any]] = field(default_factory=dict)
    models: dict[str, dict[str, Any]] = field(default_factory=dict)
    patterns: list[_Pattern] = field(default_factory=list)
    generic: dict[str, Any] = field(default_factory=dict)
    # Relay names → the entry they stand for (lower-cased keys); a key with one `*` is a glob
    # whose value may use `*` for the part it matched ("*-all" = "*").
    aliases: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # user entries that were skipped, and why
    _cache: dict[str, ModelSpec] = field(default_factory=dict, repr=False, compare=False)

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, shipped: Path | None = None, user: Path | None = None) -> Catalog:
        """The shipped catalog plus the user's overrides.

        A broken shipped catalog raises :class:`CatalogError`; a broken user file is skipped
        and described in :attr:`problems` (the studio still starts).
        """
        catalog = cls()
        catalog.merge_file(shipped or resources_dir() / "models.toml")
        user_file = user if user is not None else config_dir() / "models.toml"
        if user_file.is_file():
            try:
                candidate = catalog.copy()
                candidate.merge_file(user_file)
                candidate.check()
            except CatalogError as exc:
                text = str(exc)
                catalog.problems.append(text if str(user_file) in text else f"{user_file}: {text}")
            else:
                catalog = candidate
        catalog.check()
        return catalog

    def copy(self) -> Catalog:
        return Catalog(
            families={k: dict(v) for k, v in self.families.items()},
            models={k: dict(v) for k, v in self.models.items()},
            patterns=list(self.patterns),
            generic=dict(self.generic),
            aliases=dict(self.aliases),
            problems=list(self.problems),
        )

    def merge_file(self, path: Path) -> None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise CatalogError(f"{path}: cannot read the model catalog: {exc}") from exc
        self.merge(data, source=str(path))

    def merge(self, data: Mapping[str, Any], source: str = "<catalog>") -> None:
        self._cache.clear()
        for name, table in data.get("family", {}).items():
            self.families[name] = _merged(
                self.families.get(name, {}), table, f"{source}: family {name}"
            )
        for name, table in data.get("model", {}).items():
            self.models[name] = _merged(self.models.get(name, {}), table, f"{source}: model {name}")
        new_patterns = []
        for index, table in enumerate(data.get("pattern", [])):
            where = f"{source}: pattern #{index + 1}"
            glob = table.get("match")
            if not isinstance(glob, str) or not glob:
                raise CatalogError(f"{where}: needs a `match` glob")
            settings = {k: v for k, v in table.items() if k != "match"}
            new_patterns.append(_Pattern(glob.lower(), _merged({}, settings, where)))
        # User patterns are tried before the shipped ones.
        self.patterns = new_patterns + self.patterns
        if "generic" in data:
            self.generic = _merged(self.generic, data["generic"], f"{source}: generic")
        self.aliases.update(_aliases(data.get("alias", {}), f"{source}: alias"))

    def check(self) -> None:
        """Build every listed model once so a bad value fails at load, not mid-job."""
        for name in self.models:
            self.get(name)
        for pattern in self.patterns:
            self._build(pattern.glob, dict(pattern.settings), known=True)
        for name, target in self.aliases.items():
            if "*" not in name and self.alias_of(name) is None:
                raise CatalogError(
                    f"alias {name}: stands for {target!r}, which is not a listed model"
                )
        self._build("generic", dict(self.generic), known=False)

    # -- lookup ----------------------------------------------------------------------------

    def ids(self) -> list[str]:
        return sorted(self.models)

    def get(self, name: str) -> ModelSpec:
        """The spec for ``name``: listed, a relay alias of a listed model (its options, sent
        under ``name``), by resolution suffix, by pattern, or generic."""
        cached = self._cache.get(name)
        if cached is None:
            cached = self._cache[name] = self._lookup(name)
        return cached

    def _lookup(self, name: str) -> ModelSpec:
        if name in self.models:
            return self._build(name, dict(self.models[name]), known=True)
        lowered = name.lower()
        for listed in self.models:
            if listed.lower() == lowered:
                return replace(self._build(listed, dict(self.models[listed]), known=True), id=name)
        if (target := self.alias_of(name)) is not None:
            return replace(self.get(target), id=name)  # the name picked is the name sent
        if match := _RESOLUTION_SUFFIX.match(name):
            stem = self.get(match["stem"])
            if stem.known:
                resolution = f"{match['res']}K"
                return replace(
                    stem,
                    id=name,
                    resolutions=(resolution,),
                    resolution_via=ResolutionVia.NAME,
                    fixed_resolution=resolution,
                )
        for pattern in self.patterns:
            if fnmatch.fnmatchcase(lowered, pattern.glob):
                return self._build(name, dict(pattern.settings), known=True)
        return self._build(name, dict(self.generic), known=False)

    def is_listed(self, name: str) -> bool:
        return name in self.models

    def alias_of(self, name: str) -> str | None:
        """The listed model a relay's name stands for (``gpt-image-2-all`` → ``gpt-image-2``,
        ``nano-banana-pro`` → ``gemini-3-pro-image-preview``), or None: a listed name is no
        alias, nor is a name whose stand-in is not listed."""
        if self._listed(name) is not None:
            return None
        current = name
        for _ in range(_ALIAS_DEPTH):
            targets = self._alias_targets(current)
            for target in targets:
                if (listed := self._listed(target)) is not None:
                    return listed
            if not targets:
                return None
            current = targets[0]
        return None

    def _listed(self, name: str) -> str | None:
        """``name`` as the catalog lists it (letter case aside), or None."""
        if name in self.models:
            return name
        lowered = name.lower()
        return next((listed for listed in self.models if listed.lower() == lowered), None)

    def _alias_targets(self, name: str) -> list[str]:
        """What the alias table makes of ``name``: its own entry first, then glob entries
        (the longest, most specific key first)."""
        lowered = name.lower()
        found = [self.aliases[lowered]] if lowered in self.aliases else []
        globs = sorted((k for k in self.aliases if "*" in k), key=len, reverse=True)
        for key in globs:
            head, _, tail = key.partition("*")
            middle = len(lowered) - len(head) - len(tail)
            if middle > 0 and lowered.startswith(head) and lowered.endswith(tail):
                matched = name[len(head) : len(head) + middle]
                found.append(self.aliases[key].replace("*", matched))
        return found

    def by_family(self) -> dict[str, list[ModelSpec]]:
        grouped: dict[str, list[ModelSpec]] = {}
        for name in self.models:
            spec = self.get(name)
            grouped.setdefault(spec.family, []).append(spec)
        return grouped

    # -- building --------------------------------------------------------------------------

    def _build(self, name: str, settings: dict[str, Any], *, known: bool) -> ModelSpec:
        merged: dict[str, Any] = {}
        if base_model := settings.pop("model", None):
            if base_model not in self.models:
                raise CatalogError(f"{name}: refers to model {base_model!r}, which is not listed")
            merged = dict(self.models[base_model])
        family_name = settings.get("family", merged.get("family"))
        if family_name:
            if family_name not in self.families:
                raise CatalogError(f"{name}: refers to family {family_name!r}, which is not listed")
            merged = _overlay(dict(self.families[family_name]), merged)
        merged = _overlay(merged, settings)
        merged.setdefault("family", family_name or "other")
        try:
            return _to_spec(name, merged, known=known)
        except (TypeError, ValueError) as exc:
            raise CatalogError(f"model {name}: {exc}") from exc


def _aliases(table: Any, where: str) -> dict[str, str]:
    """An ``[alias]`` table: relay name (or a glob with one ``*``) → the name it stands for."""
    if not isinstance(table, Mapping):
        raise CatalogError(f'{where}: must be a table of name = "listed model"')
    aliases = {}
    for name, target in table.items():
        if not isinstance(target, str) or not target.strip():
            raise CatalogError(f"{where}: {name} must name a model, got {target!r}")
        if name.count("*") > 1 or target.count("*") > name.count("*"):
            raise CatalogError(f"{where}: {name} = {target!r}: at most one `*`, on the left first")
        if name.strip("*") == "":
            raise CatalogError(f"{where}: {name} would make every name an alias")
        aliases[name.lower()] = target.strip()
    return aliases


def _merged(base: Mapping[str, Any], table: Mapping[str, Any], where: str) -> dict[str, Any]:
    unknown = sorted(set(table) - _ALLOWED_KEYS)
    if unknown:
        raise CatalogError(f"{where}: unknown field(s) {', '.join(unknown)}")
    return _overlay(dict(base), table)


def _overlay(base: dict[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    for key, value in top.items():
        if (
            key in ("upload", "free_size")
            and isinstance(base.get(key), dict)
            and isinstance(value, dict)
        ):
            base[key] = {**base[key], **value}
        else:
            base[key] = value
    return base


def _tuple(values: Iterable[Any], kind: type = str) -> tuple[Any, ...]:
    if isinstance(values, str):
        raise ValueError(f"expected a list, got {values!r}")
    return tuple(kind(v) for v in values)


def _upload_limits(raw: Mapping[str, Any]) -> UploadLimits:
    values: dict[str, Any] = {k: tuple(x) if k == "formats" else x for k, x in raw.items()}
    return UploadLimits(**values)


def _price(raw: Mapping[str, Any]) -> Price:
    price = Price(**raw)
    for key in ("per_image", "input_per_mtok", "image_input_per_mtok", "output_per_mtok"):
        value = getattr(price, key)
        if value is None and key != "per_image":
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ValueError(f"price {key} must be a number of at least 0")
    if not isinstance(price.currency, str) or not price.currency:
        raise ValueError("price currency must be a currency code, e.g. \"USD\"")
    return price


def _to_spec(name: str, raw: dict[str, Any], *, known: bool) -> ModelSpec:
    values: dict[str, Any] = {"id": name, "known": known, "label": raw.get("label") or name}
    converters: dict[str, Any] = {
        "protocols": lambda v: _tuple(v, ProtocolId),
        "operations": lambda v: _tuple(v, Operation),
        "ratios": _tuple,
        "sizes": _tuple,
        "resolutions": _tuple,
        "qualities": _tuple,
        "styles": _tuple,
        "output_formats": _tuple,
        "backgrounds": _tuple,
        "input_fidelities": _tuple,
        "moderations": _tuple,
        "complexities": _tuple,
        "thinking_levels": _tuple,
        "ratio_via": RatioVia,
        "resolution_via": ResolutionVia,
        "refs_via": RefsVia,
        "mask": MaskStyle,
        "size_for_ratio": dict,
        "upload": _upload_limits,
        "free_size": lambda v: FreeSize(**v),
        "price": _price,
    }
    for key, value in raw.items():
        if key in ("label", "model"):
            continue
        values[key] = converters.get(key, lambda v: v)(value)
    spec = ModelSpec(**values)
    if not spec.protocols:
        raise ValueError("lists no protocols")
    for ratio, size in spec.size_for_ratio.items():
        if spec.sizes and size not in spec.sizes:
            raise ValueError(f"size_for_ratio maps {ratio} to {size}, which is not in sizes")
    for name in ("max_frames", "max_images"):
        value = getattr(spec, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{name} must be a whole number of at least 0")
    for name in ("output_compression", "sequential", "watermark", "markup", "stream"):
        if not isinstance(getattr(spec, name), bool):
            raise ValueError(f"{name} must be true or false")
    tolerance = spec.safety_tolerance_max
    if tolerance is not None and (not isinstance(tolerance, int) or tolerance < 0):
        raise ValueError("safety_tolerance_max must be a whole number of at least 0")
    if spec.retired is not None and not isinstance(spec.retired, str):
        raise ValueError("retired must be a date as text, e.g. \"2026-05\"")
    return spec


def load_catalog() -> Catalog:
    return Catalog.load()
