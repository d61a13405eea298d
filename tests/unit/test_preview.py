"""The dry run (studio.engine.preview): the call a job would send, without sending it — the
relay's model settings applied, remote references stood in for, learned refusals left out."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from PIL import Image

from studio.catalog import Catalog
from studio.domain.errors import StudioError
from studio.domain.profile import ModelOverride, Profile
from studio.domain.request import GenerationRequest, Reference
from studio.engine.preview import STAND_IN, preview_request
from studio.settings.quirks import RelayQuirks

RELAY = Profile(
    name="relay",
    base_url="https://relay.example/v1",
    api_key="sk-preview-0000000000001",
    model_overrides=(ModelOverride("gpt-image-1", name_sent="gpt-image-1-all"),),
)
REQUEST = GenerationRequest(prompt="a kite over the dunes", model="gpt-image-1", quality="high")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def test_the_preview_is_the_call_a_job_would_send(catalog: Catalog) -> None:
    preview = asyncio.run(preview_request(REQUEST, catalog.get("gpt-image-1"), RELAY))
    body = preview.call.json_body()
    assert preview.call.path.endswith("/images/generations")
    assert body["model"] == "gpt-image-1-all"  # the relay's own name for it
    assert (body["prompt"], body["quality"]) == ("a kite over the dunes", "high")
    assert preview.left_out == frozenset() and preview.remote == {}
    assert "override_name" in [note.code for note in preview.notes]
    assert preview.profile is RELAY


def test_what_the_relay_refused_before_is_left_out(catalog: Catalog, tmp_path: Path) -> None:
    quirks = RelayQuirks(tmp_path / "quirks.json")
    quirks.remember("relay", "gpt-image-1-all", frozenset({"quality"}))
    quirks.remember("other relay", "gpt-image-1-all", frozenset({"prompt"}))  # not this relay
    spec = catalog.get("gpt-image-1")
    preview = asyncio.run(preview_request(REQUEST, spec, RELAY, quirks=quirks))
    assert "quality" not in preview.call.json_body()
    assert preview.call.json_body()["prompt"] == "a kite over the dunes"
    assert preview.left_out == frozenset({"quality"})
    full = asyncio.run(preview_request(REQUEST, spec, RELAY))  # no memory: everything
    assert full.call.json_body()["quality"] == "high"


def test_a_remote_reference_is_stood_in_for_not_fetched(catalog: Catalog) -> None:
    link = "https://photos.invalid/dog.jpg"  # nothing answers there: a fetch would fail
    request = GenerationRequest(
        prompt="the dog in a raincoat",
        model="gpt-image-1",
        references=(Reference(name="dog.jpg", url=link),),
    )
    preview = asyncio.run(preview_request(request, catalog.get("gpt-image-1"), RELAY))
    assert preview.remote == {"ref-1": link}
    files = {filename: data for _, (filename, data, _) in preview.call.files or []}
    assert list(files) == ["ref-1.png"]
    with Image.open(io.BytesIO(files["ref-1.png"])) as shown:  # the 1×1 stand-in, prepared
        assert shown.size == (1, 1)
    assert STAND_IN.startswith(b"\x89PNG")


def test_a_request_the_engine_refuses_raises_its_error(catalog: Catalog) -> None:
    request = GenerationRequest(prompt="", model="gpt-image-1")
    with pytest.raises(StudioError):
        asyncio.run(preview_request(request, catalog.get("gpt-image-1"), RELAY))
