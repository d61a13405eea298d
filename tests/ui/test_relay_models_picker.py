"""The picker shows the current relay's own models, like a user sees them: the relay's aliases
under the entry they stand for, text models left out, a cached list when the relay is away,
Refresh, and a switch of relay that keeps the chosen model when it can."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QTreeWidgetItem

from studio.catalog import Catalog
from studio.settings.relay_models import CACHE_FILE, ModelListCache
from studio.simulator import SimulatorServer
from studio.ui.composer.model_picker import MODEL_ROLE, ModelPopup
from studio.ui.composer.panel import ComposerPanel
from tests.ui.conftest import Harness
from tests.ui.test_composer_helpers import make_composer
from tests.ui.test_settings_support import click, collect_garbage

TEXT_MODELS = ("gpt-4o", "claude-3-5-sonnet", "text-embedding-3-small")


@pytest.fixture(autouse=True)
def _collected_here() -> Iterator[None]:
    yield from collect_garbage()


@pytest.fixture(scope="module")
def other_relay(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimulatorServer]:
    """A second relay that sells gpt-image-2 only as "gpt-image-2-all" and also lists text
    models: a small list of its own, served over a real socket."""
    catalog = Catalog.load(user=tmp_path_factory.mktemp("other") / "models.toml")
    catalog.models.pop("gpt-image-2")
    names = ("gpt-image-2-all", *TEXT_MODELS)
    catalog.merge({"model": {name: {"family": "gpt-image"} for name in names}})
    with SimulatorServer(catalog=catalog) as server:
        yield server


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def open_picker(panel: ComposerPanel) -> ModelPopup:
    QTest.mouseClick(panel.picker, Qt.MouseButton.LeftButton)
    popup = panel.picker.popup
    assert popup is not None and popup.isVisible()
    return popup


def rows(popup: ModelPopup) -> list[str]:
    """The names a user can pick, as shown (the "use the name…" row aside)."""
    return [str(item.data(0, MODEL_ROLE)) for item in popup.models() if item.parent() is not None]


def headers(popup: ModelPopup) -> list[str]:
    items = [popup.list.topLevelItem(i) for i in range(popup.list.topLevelItemCount())]
    return [item.text(0) for item in items if not item.isHidden() and item.childCount()]


def row_named(popup: ModelPopup, name: str) -> QTreeWidgetItem:
    return next(item for item in popup.models() if item.data(0, MODEL_ROLE) == name)


def models_asked(server: SimulatorServer) -> int:
    return sum(entry.path == "/v1/models" for entry in server.log())


def no_dialog() -> bool:
    return not any(
        isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_the_relays_aliases_are_shown_under_the_model_they_stand_for(harness: Harness) -> None:
    harness.sim.state.set_personalities("suffixed-names")
    panel = make_composer(harness)

    async def scenario() -> None:
        popup = open_picker(panel)
        assert popup.note.text() == "Asking sim for its models…"
        await harness.until(lambda: not panel.picker.relay.fetching)
        shown = rows(popup)
        assert "gpt-image-2" not in shown and "gemini-3-pro-image-preview" not in shown
        for alias in ("gpt-image-2-all", "gpt-image-2:official", "nano-banana-pro"):
            assert alias in shown
        # Each alias sits under its catalog entry, which the relay does not sell by that name.
        entry = row_named(popup, "gpt-image-2-all").parent()
        assert entry.text(0) == "GPT Image 2" and entry.data(0, MODEL_ROLE) is None
        assert [entry.child(i).text(0) for i in range(entry.childCount())] == [
            "gpt-image-2-all",
            "gpt-image-2:official",
        ]
        assert row_named(popup, "nano-banana-pro").parent().text(1) == "gemini-3-pro-image-preview"
        assert popup.note.text().startswith(f"{len(shown)} image models from sim, ")

        QTest.keyClicks(popup.search, "official")
        assert rows(popup) == ["gpt-image-2:official"]
        QTest.keyClick(popup.search, Qt.Key.Key_Return)
        assert panel.picker.model() == "gpt-image-2:official"
        # The alias has gpt-image-2's options: its ratios and resolutions, in the catalog.
        assert "4:3" in panel.options.ratio_buttons.options()
        assert "not in the catalog" not in panel.caps_label.text()

    harness.run(scenario())
    assert models_asked(harness.sim) == 1


def test_text_models_stay_out_of_the_list_but_a_search_finds_them(
    harness: Harness, other_relay: SimulatorServer
) -> None:
    other_relay.reset()
    harness.resolver.given["sim"] = replace(harness.profile, base_url=other_relay.url)
    panel = make_composer(harness)

    async def scenario() -> None:
        popup = open_picker(panel)
        await harness.until(lambda: not panel.picker.relay.fetching)
        shown = rows(popup)
        assert "gpt-image-2-all" in shown and "dall-e-3" in shown
        assert not set(TEXT_MODELS) & set(shown)
        assert "Other names from the relay" not in headers(popup)
        assert "3 other names are left out; a search finds them." in popup.note.text()
        QTest.keyClicks(popup.search, "claude")
        assert rows(popup) == ["claude-3-5-sonnet"]
        assert headers(popup) == ["Other names from the relay"]
        popup.search.clear()
        QTest.keyClicks(popup.search, "gpt-4o")  # gpt-4o-image too; the exact name is current
        assert "gpt-4o" in rows(popup) and "gpt-4o-image" in rows(popup)
        QTest.keyClick(popup.search, Qt.Key.Key_Return)
        assert panel.picker.model() == "gpt-4o"

    harness.run(scenario())


def test_without_the_relay_the_cached_list_is_shown_quietly(harness: Harness) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    harness.resolver.given["sim"] = replace(harness.profile, base_url=url)
    cache = ModelListCache(harness.store.data_dir / CACHE_FILE)
    cached = ["gpt-image-1", "flux-3-ultra", "imagen-4.0-generate-001", *TEXT_MODELS]
    cache.put("sim", url, cached, when=time.time() - 3600)
    panel = make_composer(harness)

    async def scenario() -> None:
        await harness.until(lambda: panel.picker.relay.models is not None)  # read at start-up
        popup = open_picker(panel)
        assert rows(popup) == ["gpt-image-1", "flux-3-ultra", "imagen-4.0-generate-001"]
        assert headers(popup) == ["GPT Image", "Other FLUX models", "Unknown"]
        await harness.until(lambda: not panel.picker.relay.fetching)
        note = popup.note.text()
        assert note.startswith("sim did not give its models (") and "its list from" in note
        assert rows(popup) == ["gpt-image-1", "flux-3-ultra", "imagen-4.0-generate-001"]
        assert popup.refresh_button.isEnabled() and no_dialog()

    harness.run(scenario())
    assert cache.get("sim", url).models == tuple(cached)  # type: ignore[union-attr]


def test_without_the_relay_or_a_cache_the_catalog_is_shown(harness: Harness) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    harness.resolver.given["sim"] = replace(harness.profile, base_url=url)
    panel = make_composer(harness)

    async def scenario() -> None:
        popup = open_picker(panel)
        await harness.until(lambda: not panel.picker.relay.fetching)
        assert set(rows(popup)) == set(harness.catalog.ids())
        assert popup.note.text().endswith("): the catalog's models.")
        assert popup.note.text().startswith("sim did not give its models (")
        assert no_dialog()

    harness.run(scenario())


def test_a_cached_list_without_image_models_shows_the_catalog(harness: Harness) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    harness.resolver.given["sim"] = replace(harness.profile, base_url=url)
    ModelListCache(harness.store.data_dir / CACHE_FILE).put("sim", url, TEXT_MODELS)
    panel = make_composer(harness)

    async def scenario() -> None:
        await harness.until(lambda: panel.picker.relay.models is not None)
        popup = open_picker(panel)
        await harness.until(lambda: not panel.picker.relay.fetching)
        assert set(rows(popup)) == set(harness.catalog.ids())
        assert popup.note.text().endswith("): the catalog's models.")

    harness.run(scenario())


def test_refresh_asks_the_relay_again_and_the_answer_is_cached(harness: Harness) -> None:
    panel = make_composer(harness)

    async def scenario() -> None:
        popup = open_picker(panel)
        await harness.until(lambda: not panel.picker.relay.fetching)
        assert "gpt-image-2" in rows(popup)
        popup.close()
        open_picker(panel)  # asked a moment ago: not asked again
        assert not panel.picker.relay.fetching
        harness.sim.state.set_personalities("suffixed-names")
        click(popup.refresh_button)
        assert not popup.refresh_button.isEnabled()  # busy while asking
        await harness.until(lambda: not panel.picker.relay.fetching)
        assert "gpt-image-2" not in rows(popup) and "gpt-image-2-all" in rows(popup)
        assert popup.refresh_button.isEnabled()

    harness.run(scenario())
    assert models_asked(harness.sim) == 2
    cached = ModelListCache(harness.store.data_dir / CACHE_FILE).get("sim", harness.sim.url)
    assert cached is not None and "gpt-image-2-all" in cached.models


def test_switching_relay_keeps_the_model_or_takes_the_relays_name_for_it(
    harness: Harness, other_relay: SimulatorServer
) -> None:
    other_relay.reset()
    harness.resolver.given["other"] = replace(
        harness.profile, name="other", base_url=other_relay.url
    )
    panel = make_composer(harness, model="gpt-image-2")
    picker, bridge = panel.picker, harness.bridge
    ratios = panel.options.ratio_buttons

    async def scenario() -> None:
        click(ratios.button("16:9"))
        bridge.default_profile = "other"  # what the toolbar's relay box does
        await harness.until(lambda: picker.model() == "gpt-image-2-all")
        assert ratios.value() == "16:9"  # the same model: its settings stay
        assert harness.services.preferences.model == "gpt-image-2-all"
        assert not picker.missing

        bridge.default_profile = "sim"  # back: the plain name again
        await harness.until(lambda: picker.model() == "gpt-image-2")
        await harness.until(lambda: not picker.relay.fetching)

        QTest.mouseClick(picker, Qt.MouseButton.LeftButton)
        QTest.keyClicks(picker.popup.search, "dall-e-3")
        QTest.keyClick(picker.popup.search, Qt.Key.Key_Return)
        bridge.default_profile = "other"  # both relays sell dall-e-3: kept
        await harness.until(lambda: not picker.relay.fetching and picker.relay.models is not None)
        assert picker.model() == "dall-e-3" and not picker.missing

        QTest.mouseClick(picker, Qt.MouseButton.LeftButton)
        QTest.keyClicks(picker.popup.search, "gpt-4o")
        QTest.keyClick(picker.popup.search, Qt.Key.Key_Return)
        bridge.default_profile = "sim"  # sim has nothing like it: kept, and marked
        await harness.until(lambda: not picker.relay.fetching and picker.relay.models is not None)
        assert picker.model() == "gpt-4o" and picker.missing
        assert "sim does not list gpt-4o." in picker.toolTip()

    harness.run(scenario())
