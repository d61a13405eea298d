"""The model catalog: every model the seeds name, user overrides, and lookups by name."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from studio.catalog import Catalog, CatalogError
from studio.domain.model_spec import MaskStyle, ProtocolId, RefsVia, ResolutionVia

SEED_MODELS = [
    "gpt-image-1",
    "gpt-image-1.5",
    "gpt-image-1-mini",
    "gpt-image-2",
    "dall-e-2",
    "dall-e-3",
    "gpt-4o-image",
    "gpt-4o-image-vip",
    "sora_image",
    "sora_image-vip",
    "flux",
    "flux-dev",
    "flux-pro",
    "flux-kontext-pro",
    "flux-kontext-max",
    "flux-kontext-dev",
    "nano-banana",
    "nano-banana-hd",
    "nano-banana-2",
    "nano-banana-2-1k",
    "gemini-2.5-flash-image",
    "gemini-3-pro-image-preview",
    "recraftv3",
    "qwen-image",
    "qwen-image-edit",
    "doubao-seedream-4-0-250828",
    "doubao-seededit-3-0-i2i-250628",
    "doubao-seedream-3-0-t2i-250415",
    "ideogram",
    "stable-diffusion",
    "midjourney",
]


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    return Catalog.load(user=tmp_path / "none.toml")


@pytest.mark.parametrize("name", SEED_MODELS)
def test_every_seed_model_is_listed(catalog: Catalog, name: str) -> None:
    assert catalog.is_listed(name)
    spec = catalog.get(name)
    assert spec.known and spec.protocols


def test_quirks_are_data(catalog: Catalog) -> None:
    assert catalog.get("flux-kontext-pro").refs_via is RefsVia.PROMPT_URLS
    assert catalog.get("flux-kontext-dev").min_refs == 1
    assert catalog.get("nano-banana-2").resolution_via is ResolutionVia.IMAGE_SIZE
    assert catalog.get("nano-banana-2-1k").fixed_resolution == "1K"
    assert catalog.get("nano-banana-2-1k").default_protocol is ProtocolId.IMAGES_JSON_EDIT
    assert "1344x576" in catalog.get("recraftv3").sizes
    assert catalog.get("dall-e-2").upload.square
    assert catalog.get("midjourney").mask is MaskStyle.BLACK_WHITE
    assert catalog.get("gpt-image-1").mask is MaskStyle.ALPHA
    assert catalog.get("gemini-3-pro-image-preview").resolutions == ("1K", "2K", "4K")


def test_resolution_suffix_inherits_its_stem(catalog: Catalog) -> None:
    spec = catalog.get("nano-banana-2-4k")
    assert spec.fixed_resolution == "4K" and spec.resolutions == ("4K",)
    unlisted = catalog.get("gpt-image-2-2k")
    assert unlisted.id == "gpt-image-2-2k"
    assert unlisted.fixed_resolution == "2K" and unlisted.resolution_via is ResolutionVia.NAME


def test_patterns_and_generic_fallback(catalog: Catalog) -> None:
    assert catalog.get("doubao-seedream-4-5-251128").family == "seedream"
    assert catalog.get("mj_imagine").family == "midjourney"
    unknown = catalog.get("somebody-new-model")
    assert not unknown.known
    assert unknown.id == "somebody-new-model"


def test_user_file_overrides_and_adds(tmp_path: Path) -> None:
    user = tmp_path / "models.toml"
    user.write_text(
        '[model."gpt-image-1"]\nmax_refs = 4\nprice = { per_image = 0.3, currency = "CNY" }\n'
        '[model."my-relay-model"]\nfamily = "nano-banana"\nlabel = "Mine"\n',
        encoding="utf-8",
    )
    catalog = Catalog.load(user=user)
    assert catalog.problems == []
    spec = catalog.get("gpt-image-1")
    assert spec.max_refs == 4
    assert spec.price is not None and spec.price.currency == "CNY"
    assert spec.qualities == ("auto", "low", "medium", "high")  # the rest still inherited
    mine = catalog.get("my-relay-model")
    assert mine.label == "Mine" and mine.ratio_via.value == "aspect_ratio"


@pytest.mark.parametrize(
    "text",
    [
        '[model."gpt-image-1"]\nmax_refz = 4\n',  # a typo
        '[model."x"]\nfamily = "no-such-family"\n',
        "this is = = not toml",
        '[model."x"]\nfamily = "flux"\nmask = "sometimes"\n',
    ],
)
def test_broken_user_file_is_skipped_with_a_reason(tmp_path: Path, text: str) -> None:
    user = tmp_path / "models.toml"
    user.write_text(text, encoding="utf-8")
    catalog = Catalog.load(user=user)
    assert len(catalog.problems) == 1
    assert str(user) in catalog.problems[0] or "model x" in catalog.problems[0]
    assert catalog.get("gpt-image-1").max_refs == 16  # the shipped catalog still works


def test_broken_shipped_catalog_raises(tmp_path: Path) -> None:
    shipped = tmp_path / "models.toml"
    shipped.write_text('[model."a"]\nprotocols = []\n', encoding="utf-8")
    with pytest.raises(CatalogError, match="no protocols"):
        Catalog.load(shipped=shipped, user=tmp_path / "none.toml")


# -- relay names (protocol.md §11) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("gpt-image-2-all", "gpt-image-2"),
        ("gpt-image-2:official", "gpt-image-2"),
        ("GPT-Image-2-ALL", "gpt-image-2"),
        ("nano-banana-pro", "gemini-3-pro-image-preview"),
        ("nano-banana-pro-all", "gemini-3-pro-image-preview"),  # an alias of an alias
        ("nano-banana-2-2k:official", "nano-banana-2-2k"),
    ],
)
def test_relay_names_stand_for_the_listed_model(catalog: Catalog, name: str, target: str) -> None:
    assert catalog.alias_of(name) == target
    spec = catalog.get(name)
    assert spec.id == name  # what is sent is the name the user picked
    assert spec.known and replace(spec, id=target) == catalog.get(target)  # with its options


def test_listed_names_are_no_aliases(catalog: Catalog) -> None:
    for name in ("gpt-image-2", "nano-banana-2", "gemini-3-pro-image-preview", "gpt-4o-image-vip"):
        assert catalog.alias_of(name) is None
    # nano-banana-2 is its own entry (a relay model on the images endpoint), not Gemini's
    assert catalog.get("nano-banana-2").protocols[0] is ProtocolId.IMAGES
    assert catalog.get("nano-banana-pro").protocols[0] is ProtocolId.GEMINI


def test_a_suffix_on_a_name_the_catalog_does_not_list_is_no_alias(catalog: Catalog) -> None:
    assert catalog.alias_of("flux-9-all") is None  # the stem is not listed
    assert catalog.get("flux-9-all").family == "flux"  # the pattern still applies
    assert catalog.alias_of("-all") is None and catalog.alias_of("all") is None
    assert not catalog.get("something-all").known


def test_users_add_relay_names_and_bad_ones_are_skipped(tmp_path: Path) -> None:
    user = tmp_path / "models.toml"
    user.write_text(
        '[alias]\n"banana-deluxe" = "nano-banana-hd"\n"*-cheap" = "*"\n', encoding="utf-8"
    )
    catalog = Catalog.load(user=user)
    assert catalog.problems == []
    assert catalog.alias_of("banana-deluxe") == "nano-banana-hd"
    assert catalog.get("banana-deluxe").fixed_resolution == "4K"
    assert catalog.alias_of("dall-e-3-cheap") == "dall-e-3"
    assert catalog.alias_of("gpt-image-2-all") == "gpt-image-2"  # the shipped ones stay

    for text in (
        '[alias]\n"my-model" = "no-such-model"\n',
        '[alias]\n"*-x-*" = "*"\n',
        '[alias]\n"*" = "gpt-image-1"\n',
        '[alias]\n"x" = 3\n',
    ):
        user.write_text(text, encoding="utf-8")
        broken = Catalog.load(user=user)
        assert len(broken.problems) == 1 and "alias" in broken.problems[0], text
        assert broken.alias_of("gpt-image-2-all") == "gpt-image-2"  # the shipped file works


def test_a_shipped_alias_to_an_unlisted_model_breaks_the_catalog(tmp_path: Path) -> None:
    shipped = tmp_path / "models.toml"
    shipped.write_text(
        '[model."a"]\nprotocols = ["images"]\n[alias]\n"b" = "c"\n', encoding="utf-8"
    )
    with pytest.raises(CatalogError, match="alias b: stands for 'c'"):
        Catalog.load(shipped=shipped, user=tmp_path / "none.toml")
