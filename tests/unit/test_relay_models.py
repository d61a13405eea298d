"""A relay's own model list: cached per profile, arranged for the picker, text models left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.catalog import Catalog
from studio.settings.relay_models import (
    ModelListCache,
    Section,
    SectionKind,
    arrange,
    equivalent,
    is_image_model,
)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return Catalog.load(user=tmp_path_factory.mktemp("catalog") / "models.toml")


RELAY = [
    "gpt-image-1",
    "gpt-image-2-all",
    "gpt-image-2:official",
    "GPT-IMAGE-1-MINI",
    "nano-banana-pro",
    "nano-banana-2-2k",
    "flux-3-ultra",
    "gemini-4-flash-image-x",
    "imagen-4.0-generate-001",
    "gpt-4o",
    "claude-3-5-sonnet",
    "text-embedding-3-small",
    "whisper-1",
    "gemini-2.5-pro",
]


def _section(sections: tuple[Section, ...], kind: SectionKind, family: str = "") -> Section:
    found = [s for s in sections if s.kind is kind and (not family or s.family == family)]
    assert len(found) == 1, (kind, family, sections)
    return found[0]


def test_without_a_list_the_catalog_is_shown_by_family(catalog: Catalog) -> None:
    listing = arrange(catalog, None)
    assert not listing.from_relay
    assert [s.family for s in listing.sections] == list(catalog.by_family())
    shown = [e.model for s in listing.sections for e in s.entries]
    assert sorted(shown) == catalog.ids()
    assert all(e.listed and not e.aliases for s in listing.sections for e in s.entries)


def test_a_relay_list_is_grouped_with_aliases_under_their_entry(catalog: Catalog) -> None:
    listing = arrange(catalog, RELAY)
    assert listing.from_relay and listing.models == frozenset(RELAY)
    sections = listing.sections

    gpt = {e.model: e for e in _section(sections, SectionKind.FAMILY, "gpt-image").entries}
    assert set(gpt) == {"gpt-image-1", "gpt-image-1-mini", "gpt-image-2"}
    assert gpt["gpt-image-1"].listed and gpt["gpt-image-1"].aliases == ()
    # The relay sells gpt-image-2 only under its own names: the entry holds them, unpickable.
    assert not gpt["gpt-image-2"].listed
    assert gpt["gpt-image-2"].aliases == ("gpt-image-2-all", "gpt-image-2:official")
    assert gpt["gpt-image-1-mini"].aliases == ("GPT-IMAGE-1-MINI",)

    gemini = _section(sections, SectionKind.FAMILY, "gemini-image").entries
    assert [(e.model, e.listed, e.aliases) for e in gemini] == [
        ("gemini-3-pro-image-preview", False, ("nano-banana-pro",))
    ]
    banana = _section(sections, SectionKind.FAMILY, "nano-banana").entries
    assert [(e.model, e.listed) for e in banana] == [("nano-banana-2-2k", True)]

    flux = _section(sections, SectionKind.OTHER, "flux")
    assert flux.title == "FLUX" and [e.model for e in flux.entries] == ["flux-3-ultra"]
    other_gemini = _section(sections, SectionKind.OTHER, "gemini-image")
    assert [e.model for e in other_gemini.entries] == ["gemini-4-flash-image-x"]
    unknown = _section(sections, SectionKind.UNKNOWN)
    assert [e.model for e in unknown.entries] == ["imagen-4.0-generate-001"]
    text = _section(sections, SectionKind.NOT_IMAGE)
    assert [e.model for e in text.entries] == [
        "claude-3-5-sonnet",
        "gemini-2.5-pro",
        "gpt-4o",
        "text-embedding-3-small",
        "whisper-1",
    ]
    assert listing.hidden() == 5
    assert listing.image_count() == len(RELAY) - 5


def test_other_family_sections_follow_their_family(catalog: Catalog) -> None:
    kinds = [(s.kind, s.family) for s in arrange(catalog, RELAY).sections]
    family = kinds.index((SectionKind.FAMILY, "gemini-image"))
    assert kinds[family + 1] == (SectionKind.OTHER, "gemini-image")
    assert kinds[-2:] == [(SectionKind.UNKNOWN, ""), (SectionKind.NOT_IMAGE, "")]


@pytest.mark.parametrize(
    ("name", "image"),
    [
        ("dall-e-3", True),  # listed
        ("gpt-image-2-all", True),  # an alias
        ("flux-9", True),  # a pattern's
        ("mj_imagine", True),  # a pattern's
        ("hunyuan-image-3", True),  # an image word
        ("cogview-4", True),
        ("gpt-4o", False),
        ("gpt-4o-mini-tts", False),
        ("claude-opus-4", False),
        ("deepseek-chat", False),
        ("text-embedding-3-large", False),
        ("gemini-2.5-flash", False),
        ("gpt-4-vision-preview", False),  # reads images, writes text
    ],
)
def test_the_image_model_rule(catalog: Catalog, name: str, image: bool) -> None:
    assert is_image_model(catalog, name) is image


def test_the_relays_name_for_the_same_model(catalog: Catalog) -> None:
    suffixed = ["gpt-image-2:official", "gpt-image-2-all", "nano-banana-pro"]
    assert equivalent(catalog, "gpt-image-2", suffixed) == "gpt-image-2-all"
    assert equivalent(catalog, "gemini-3-pro-image-preview", suffixed) == "nano-banana-pro"
    assert equivalent(catalog, "gpt-image-2-all", ["gpt-image-2", "gpt-image-2:official"]) == (
        "gpt-image-2"
    )  # the plain name first
    assert equivalent(catalog, "gpt-image-2:official", suffixed) == "gpt-image-2:official"
    assert equivalent(catalog, "gpt-image-1", suffixed) is None
    assert equivalent(catalog, "my-own-model", ["my-own-model"]) == "my-own-model"
    assert equivalent(catalog, "my-own-model", ["gpt-image-1"]) is None


# -- the cache ---------------------------------------------------------------------------------


def test_the_cache_keeps_each_relays_list(tmp_path: Path) -> None:
    cache = ModelListCache(tmp_path / "cache" / "relay-models.json")
    assert cache.get("a", "https://a.example/v1") is None
    cache.put("a", "https://a.example/v1", ["m1", "m2"], when=1000.0)
    cache.put("b", "https://b.example", ["x"], when=2000.0)
    fresh = ModelListCache(cache.path)
    a = fresh.get("a", "https://A.example/")  # the same relay, with or without /v1
    assert a is not None and a.models == ("m1", "m2") and a.fetched_at == 1000.0
    assert fresh.get("b", "https://b.example/v1").models == ("x",)  # type: ignore[union-attr]
    # Another address under the same profile name: that list is not this relay's.
    assert fresh.get("a", "https://elsewhere.example/v1") is None
    fresh.forget("a")
    assert ModelListCache(cache.path).get("a", "https://a.example/v1") is None
    document = json.loads(cache.path.read_text("utf-8"))
    assert document["version"] == 1 and set(document["relays"]) == {"b"}


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe",
        b"[]",
        b'{"relays": []}',
        b'{"relays": {"a": {"base_url": "https://a.example", "models": "m1", "fetched_at": 1}}}',
        b'{"relays": {"a": {"base_url": "https://a.example", "models": ["m"], "fetched_at": "x"}}}',
    ],
)
def test_a_damaged_cache_is_an_empty_one_and_is_repaired(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "relay-models.json"
    path.write_bytes(content)
    cache = ModelListCache(path)
    assert cache.get("a", "https://a.example") is None
    cache.put("a", "https://a.example", ["m1"])
    assert cache.get("a", "https://a.example").models == ("m1",)  # type: ignore[union-attr]


def test_a_cache_that_cannot_be_written_never_raises(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cache = ModelListCache(blocked / "relay-models.json")
    cache.put("a", "https://a.example", ["m1"])  # logged, not raised
    assert cache.get("a", "https://a.example") is None
