"""Ratio, size and resolution: validated against the model and expressed its way."""

from __future__ import annotations

import pytest

from studio.catalog import Catalog
from studio.domain.errors import InputError
from studio.domain.model_spec import FreeSize, ProtocolId
from studio.domain.request import GenerationRequest
from studio.engine.params import free_size_for, resolve

IMAGES = ProtocolId.IMAGES


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return Catalog.load(user=tmp_path_factory.mktemp("c") / "none.toml")


def _resolve(catalog: Catalog, model: str, protocol: ProtocolId = IMAGES, **options: str):
    return resolve(GenerationRequest("p", model, **options), catalog.get(model), protocol)


def test_ratio_becomes_a_size_for_size_only_models(catalog: Catalog) -> None:
    params = _resolve(catalog, "gpt-image-1", ratio="3:2")
    assert params.size == "1536x1024" and params.aspect_ratio is None
    assert params.expected_size == (1536, 1024)
    assert _resolve(catalog, "flux", ratio="21:9").size == "1344x576"
    assert _resolve(catalog, "dall-e-3", ratio="9:16").size == "1024x1792"


def test_ratio_and_resolution_as_relay_fields(catalog: Catalog) -> None:
    params = _resolve(catalog, "nano-banana-2", ratio="16:9", resolution="2K")
    assert (params.aspect_ratio, params.image_size, params.size) == ("16:9", "2K", None)
    assert params.expected_ratio == "16:9"


def test_free_size_models_get_a_computed_size(catalog: Catalog) -> None:
    params = _resolve(catalog, "gpt-image-2", ratio="16:9", resolution="4K")
    width, height = (int(v) for v in params.size.split("x"))
    assert width % 16 == 0 and height % 16 == 0
    assert width * height <= 3840 * 2160
    assert abs(width / height - 16 / 9) < 0.02
    assert (width, height) == (3840, 2160)


def test_free_size_respects_every_bound() -> None:
    bounds = FreeSize(
        multiple_of=16,
        min_ratio=1 / 3,
        max_ratio=3,
        max_width=3840,
        max_height=3840,
        max_pixels=3840 * 2160,
        min_pixels=512 * 512,
    )
    for ratio in [(1, 1), (3, 2), (2, 3), (21, 9), (9, 21), (16, 9)]:
        for resolution in ("1K", "2K", "4K"):
            w, h = free_size_for(ratio, resolution, bounds)
            assert w % 16 == 0 and h % 16 == 0
            assert 512 * 512 <= w * h <= 3840 * 2160
            assert abs(w / h - ratio[0] / ratio[1]) / (ratio[0] / ratio[1]) < 0.03


def test_gemini_and_json_edit_carry_their_own_fields(catalog: Catalog) -> None:
    gemini = _resolve(
        catalog, "gemini-3-pro-image-preview", ProtocolId.GEMINI, ratio="4:3", resolution="2K"
    )
    assert (gemini.aspect_ratio, gemini.image_size) == ("4:3", "2K")
    named = _resolve(catalog, "nano-banana-2-2k", ProtocolId.IMAGES_JSON_EDIT, ratio="9:16")
    assert named.aspect_ratio == "9:16" and named.image_size is None


@pytest.mark.parametrize(
    ("model", "options", "needle"),
    [
        ("gpt-image-1", {"ratio": "16:9"}, "does not offer the ratio 16:9"),
        ("gpt-image-1", {"ratio": "sixteen"}, "not of the form W:H"),
        ("gpt-image-1", {"size": "1024×1024x"}, "not of the form WxH"),
        ("gpt-image-1", {"size": "1280x720"}, "does not offer the size 1280x720"),
        ("gpt-image-1", {"resolution": "2K"}, "has no resolution setting"),
        ("nano-banana-2-1k", {"resolution": "2K"}, "always makes 1K images"),
        ("nano-banana-2", {"resolution": "8K"}, "not one of 512, 1K, 2K, 3K, 4K"),
        ("nano-banana", {"size": "1024x1024"}, "takes an aspect ratio, not a size"),
        ("gpt-image-1", {"size": "1536x1024", "ratio": "2:3"}, "does not have the ratio 2:3"),
        ("gpt-image-2", {"size": "1000x1000"}, "multiples of 16"),
        ("qwen-image-edit", {"ratio": "1:1"}, "has no aspect-ratio setting"),
    ],
)
def test_unsupported_values_are_refused_plainly(
    catalog: Catalog, model: str, options: dict[str, str], needle: str
) -> None:
    with pytest.raises(InputError) as caught:
        _resolve(catalog, model, **options)
    assert needle in caught.value.message


def test_times_sign_in_sizes_is_normalised(catalog: Catalog) -> None:
    assert _resolve(catalog, "gpt-image-1", size="1024×1536").size == "1024x1536"


def test_auto_size_is_sent_only_where_offered(catalog: Catalog) -> None:
    assert _resolve(catalog, "gpt-image-1", size="auto").size == "auto"
    with pytest.raises(InputError):
        _resolve(catalog, "dall-e-3", size="auto")
