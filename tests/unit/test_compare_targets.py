"""A compare's targets in the composition (added, removed, undone like any change), and the
budget rule counting a run's several requests on one relay together."""

from __future__ import annotations

from pathlib import Path

from studio.catalog import Catalog
from studio.domain.request import GenerationRequest
from studio.engine.budget import over_budget
from studio.engine.composition import Composition, Target
from studio.store.history import Store
from tests.helpers.engine import sim_profile

CATALOG = Catalog.load()


def test_targets_are_added_once_removed_and_undone() -> None:
    composition = Composition(CATALOG, "gpt-image-1")
    seen: list[tuple[Target, ...]] = []
    composition.events.targets.connect(seen.append)
    a, b = Target("gpt-image-1"), Target("nano-banana-2", profile="relay-b")
    assert composition.add_target(a)
    assert composition.add_target(b)
    assert not composition.add_target(b)  # there already
    composition.remove_target(0)
    assert composition.targets == (b,)
    composition.remove_target(5)  # no such target: nothing happens
    assert seen == [(a,), (a, b), (b,)]
    assert composition.undo() and composition.targets == (a, b)
    assert composition.undo() and composition.targets == (a,)
    assert composition.redo() and composition.targets == (a, b)


def test_a_new_model_or_reused_settings_keep_the_targets() -> None:
    composition = Composition(CATALOG, "gpt-image-1")
    composition.targets = (Target("gpt-image-1"), Target("flux-pro"))
    composition.model = "nano-banana-2"
    composition.set_request(GenerationRequest("a kite", "gpt-image-1"))
    assert composition.targets == (Target("gpt-image-1"), Target("flux-pro"))
    assert composition.to_request().model == "gpt-image-1"  # targets are not the request


def test_several_requests_on_one_relay_count_together(tmp_path: Path) -> None:
    store = Store(tmp_path)
    try:
        profile = sim_profile("http://127.0.0.1:9", daily_budget=0.05)
        one = GenerationRequest("a lantern", "gpt-image-1")  # 0.042 listed
        assert over_budget(store, CATALOG, profile, one) is None
        assert over_budget(store, CATALOG, profile, [one]) is None
        excess = over_budget(store, CATALOG, profile, [one, one])
        assert excess is not None and round(excess.estimate, 3) == 0.084
    finally:
        store.close()
