"""The relay ledger's SQL aggregation and pricing (studio.store.ledger, studio.engine.ledger)
over a history seeded row by row, each figure worked out by hand."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from studio.catalog import Catalog, CatalogError
from studio.engine.ledger import (
    Money,
    claims,
    ledger,
    spend_between,
    spend_this_month,
    spend_today,
)
from studio.store.history import Store

NOON = datetime(2026, 11, 20, 12, 0).timestamp()  # local time, like the ledger's days
DAY = 86400.0


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    user = tmp_path / "models.toml"
    user.write_text(
        '[model."yuan-image"]\nfamily = "flux"\nprice = { per_image = 0.5, currency = "CNY" }\n'
    )
    return Catalog.load(user=user)


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store(tmp_path / "data") as opened:
        yield opened


def seed(
    store: Store,
    job_id: str,
    *,
    model: str = "gpt-image-1",
    profile: str = "relay-a",
    state: str = "succeeded",
    at: float = NOON,
    images: list[float] | None = None,  # seconds after ``at`` each image was saved
    n: int = 1,
    usage: dict[str, Any] | None = None,
    billing: str | None = None,
    kind: str = "fate_unknown",
    warnings: list[dict[str, Any]] | None = None,
    meta: dict[str, Any] | None = None,
    mask: bool = False,
    trashed: bool = False,
    composite: bool = False,
) -> None:
    error = (
        json.dumps({"class": "relay", "kind": kind, "template": "x", "billing": billing})
        if billing
        else None
    )
    with store._transaction() as db:
        db.execute(
            """INSERT INTO jobs (id, created_at, updated_at, profile, model, prompt, params, state,
                   error, usage, warnings, meta, trashed_at)
               VALUES (?, ?, ?, ?, ?, 'p', ?, ?, ?, ?, ?, ?, ?)""",
            (
                job_id,
                at,
                at,
                profile,
                model,
                json.dumps({"prompt": "p", "model": model, "n": n}),
                state,
                error,
                json.dumps(usage) if usage is not None else None,
                json.dumps(warnings or [], separators=(",", ":")),
                json.dumps(meta or {}),
                at if trashed else None,
            ),
        )
        for position, delay in enumerate(images or []):
            db.execute(
                """INSERT INTO images (job_id, position, sha256, extension, mime, width, height,
                       size_bytes, source, created_at, kind)
                   VALUES (?, ?, 'ab', 'png', 'image/png', 8, 8, 1, 'b64', ?, 'result')""",
                (job_id, position, at + delay),
            )
        if composite:
            db.execute(
                """INSERT INTO images (job_id, position, sha256, extension, mime, width, height,
                       size_bytes, source, created_at, kind)
                   VALUES (?, 0, 'cd', 'png', 'image/png', 8, 8, 1, 'composite', ?, 'composite')""",
                (job_id, at + 1000),
            )
        if mask:
            db.execute(
                "INSERT INTO job_inputs (job_id, role, position, name) VALUES (?, 'mask', 0, 'm')",
                (job_id,),
            )


def usage(text: int, image: int, out: int) -> dict[str, Any]:
    return {
        "input_tokens": text + image,
        "output_tokens": out,
        "input_tokens_details": {"text_tokens": text, "image_tokens": image},
    }


def notice(code: str, **params: Any) -> dict[str, Any]:
    return {"code": code, "template": "t", "params": params}


def test_an_empty_history_has_no_relays(store: Store, catalog: Catalog) -> None:
    assert ledger(store, catalog).profiles == ()
    assert claims(store, catalog) == []
    assert spend_today(store, catalog, "relay-a") == Money(0.0, None, "list-price")


def test_usage_is_priced_per_token_else_list_price_and_the_basis_says_which(
    store: Store, catalog: Catalog
) -> None:
    seed(store, "a", images=[2.0], usage=usage(100, 0, 1000))  # 0.0005 + 0.04
    seed(store, "b", images=[3.0], usage=usage(10, 272, 4))  # 0.00005 + 0.00272 + 0.00016
    seed(store, "c", images=[4.0])  # no usage: list price 0.042
    [relay] = ledger(store, catalog).profiles
    expected = 0.0405 + 0.00293 + 0.042
    assert relay.spend == Money(pytest.approx(expected), "USD", "mixed")
    [model] = relay.by_model
    assert (model.model, model.jobs, model.images, model.success_rate) == ("gpt-image-1", 3, 3, 1.0)
    assert model.spend.amount == pytest.approx(expected)

    only_usage = ledger(store, catalog, profile="relay-a")  # same relay, the same figures
    assert only_usage.profiles[0].spend == relay.spend


def test_a_model_without_token_prices_falls_back_to_its_list_price(
    store: Store, catalog: Catalog
) -> None:
    seed(store, "a", model="dall-e-3", images=[1.0], usage=usage(5, 0, 1024))
    [relay] = ledger(store, catalog).profiles
    assert relay.spend == Money(0.04, "USD", "list-price")


def test_an_unpriced_model_makes_the_total_unknown_never_a_guess(
    store: Store, catalog: Catalog
) -> None:
    seed(store, "a", model="dall-e-3", images=[1.0])
    seed(store, "b", model="flux", images=[1.0])  # the catalog has no price for flux
    [relay] = ledger(store, catalog).profiles
    assert relay.spend == Money(None, None, "unknown")
    spends = {m.model: m.spend for m in relay.by_model}
    assert spends == {
        "dall-e-3": Money(0.04, "USD", "list-price"),
        "flux": Money(None, None, "unknown"),
    }
    assert relay.by_day[0].spend.amount is None


def test_currencies_are_never_added_together(store: Store, catalog: Catalog) -> None:
    seed(store, "a", model="dall-e-3", images=[1.0])
    seed(store, "b", model="yuan-image", images=[1.0])
    [relay] = ledger(store, catalog).profiles
    assert relay.spend == Money(None, None, "unknown")
    assert {m.model: m.spend.currency for m in relay.by_model} == {
        "dall-e-3": "USD",
        "yuan-image": "CNY",
    }


def test_the_markup_multiplies_every_amount_and_is_stated(store: Store, catalog: Catalog) -> None:
    seed(store, "a", model="dall-e-3", images=[1.0])
    seed(store, "b", model="dall-e-3", state="failed", billing="may_be_billed")
    [relay] = ledger(store, catalog, markups={"relay-a": 1.5}).profiles
    assert relay.markup == 1.5
    assert relay.spend == Money(pytest.approx(0.12), "USD", "list-price")
    assert relay.claims_amount == pytest.approx(0.06)
    assert claims(store, catalog, markups={"relay-a": 1.5})[0].amount == pytest.approx(0.06)


def test_claims_are_jobs_that_may_have_been_billed_without_what_they_asked(
    store: Store, catalog: Catalog
) -> None:
    seed(store, "cut", state="failed", billing="may_be_billed", at=NOON)
    seed(store, "refused", state="failed", billing="refused", kind="bad_request", at=NOON + 1)
    seed(store, "unsent", state="failed", billing="not_sent", kind="network", at=NOON + 2)
    seed(
        store, "half", model="dall-e-3", state="failed", billing="may_be_billed",
        kind="result_expired", n=4, images=[5.0, 6.0], at=NOON + 3,
    )  # fmt: skip
    seed(
        store, "expired", state="failed", billing="may_be_billed", kind="result_expired",
        usage=usage(10, 0, 1000), at=NOON + 4, meta={"request_id": "req-9"},
    )  # fmt: skip
    seed(store, "stopped", state="interrupted", billing="may_be_billed", at=NOON + 5)
    seed(store, "cancelled", state="cancelled", billing="not_sent", kind="cancelled", at=NOON + 6)
    found = claims(store, catalog)
    assert [(c.job_id, c.reason, c.missing, c.basis) for c in found] == [
        ("cut", "fate_unknown", 1, "list-price"),
        ("half", "result_expired", 2, "list-price"),
        ("expired", "result_expired", 1, "relay-usage"),
        ("stopped", "fate_unknown", 1, "list-price"),
    ]
    assert [c.amount for c in found] == pytest.approx([0.042, 0.08, 0.04005, 0.042])
    assert found[2].request_id == "req-9" and found[0].request_id is None
    assert {c.profile for c in found} == {"relay-a"}

    [relay] = ledger(store, catalog).profiles
    assert (relay.jobs, relay.succeeded, relay.failed, relay.images) == (7, 0, 5, 2)
    assert relay.success_rate == 0.0
    assert relay.claims == 4
    assert relay.claims_amount == pytest.approx(0.042 + 0.08 + 0.04005 + 0.042)
    # spend: every job that may have been billed; the refused and unsent ones cost nothing
    assert relay.spend == Money(pytest.approx(0.042 + 0.16 + 0.04005 + 0.042), "USD", "mixed")


def test_a_job_that_got_its_images_later_leaves_the_claims(store: Store, catalog: Catalog) -> None:
    seed(store, "late", state="failed", billing="may_be_billed", kind="network")
    assert [c.job_id for c in claims(store, catalog)] == ["late"]
    with store._transaction() as db:  # what resuming does: the image saved, the job succeeded
        db.execute("UPDATE jobs SET state = 'succeeded', error = NULL WHERE id = 'late'")
        db.execute(
            """INSERT INTO images (job_id, position, sha256, extension, mime, width, height,
                   size_bytes, source, created_at) VALUES ('late', 0, 'ab', 'png', 'image/png',
                   8, 8, 1, 'url', ?)""",
            (NOON + 30,),
        )
    assert claims(store, catalog) == []
    [relay] = ledger(store, catalog).profiles
    assert (relay.claims, relay.claims_amount, relay.images) == (0, 0.0, 1)


def test_latency_is_submit_to_last_image_nearest_rank(store: Store, catalog: Catalog) -> None:
    for index, seconds in enumerate([5, 1, 3, 2, 4, 10, 6, 7, 8, 9]):
        seed(store, f"j{index}", images=[seconds / 2, float(seconds)], at=NOON + index)
    seed(store, "failed", state="failed", billing="may_be_billed", images=[99.0])
    seed(store, "fixed", images=[1.0], composite=True)  # a composite made later is not latency
    [relay] = ledger(store, catalog).profiles
    # 11 succeeded: 1, 1, 2, 3, …, 10 s → p50 rank 6 (5 s), p95 rank 11 (10 s)
    assert (relay.latency_p50_ms, relay.latency_p95_ms) == (5000.0, 10000.0)
    assert relay.images == 2 * 10 + 1 + 1


def test_honesty_rates_over_the_jobs_that_delivered(store: Store, catalog: Catalog) -> None:
    drift = notice("ratio_mismatch", width=1024, height=1024, got="1.00", asked="16:9")
    short = notice("size_mismatch", width=1280, height=720, asked_width=2048, asked_height=1152)
    large = notice("size_mismatch", width=2048, height=2048, asked_width=1024, asked_height=1024)
    ignored = notice("mask_ignored", percent=40.0)
    seed(store, "a", images=[1.0], warnings=[drift], meta={"response_model": "gpt-image-1"})
    seed(store, "b", images=[1.0], warnings=[short], meta={"response_model": "dall-e-3"})
    seed(store, "c", images=[1.0], warnings=[large], mask=True, meta={})
    seed(
        store,
        "d",
        images=[1.0],
        warnings=[ignored],
        mask=True,
        meta={"response_model": "gpt-image-1-2025-04-15"},
    )  # fmt: skip  a dated snapshot
    seed(store, "e", state="failed", billing="may_be_billed", warnings=[drift], mask=True)
    [relay] = ledger(store, catalog).profiles
    honesty = relay.honesty
    assert honesty.ratio_drift == 0.25  # a, of a–d (e delivered nothing)
    assert honesty.size_short == 0.25  # b only: c came back larger
    assert honesty.mask_ignored == 0.5  # d, of the masked c and d
    assert honesty.model_mismatch == pytest.approx(1 / 3, abs=1e-5)  # b, of a, b, d


def test_honesty_rates_are_none_with_nothing_to_count(store: Store, catalog: Catalog) -> None:
    seed(store, "a", state="failed", billing="refused")
    [relay] = ledger(store, catalog).profiles
    assert relay.honesty.ratio_drift is None and relay.honesty.mask_ignored is None
    assert relay.honesty.model_mismatch is None
    assert relay.latency_p50_ms is None and relay.latency_p95_ms is None


def test_days_profiles_and_trashed_jobs(store: Store, catalog: Catalog) -> None:
    seed(store, "a", model="dall-e-3", images=[1.0], at=NOON - DAY)
    seed(store, "b", model="dall-e-3", images=[1.0], at=NOON, trashed=True)  # still paid for
    seed(store, "c", model="dall-e-3", images=[1.0], at=NOON, profile="relay-b")
    seed(store, "d", model="dall-e-3", state="running", at=NOON)  # not finished: not counted
    figures = ledger(store, catalog)
    assert [p.profile for p in figures.profiles] == ["relay-a", "relay-b"]
    relay_a = figures.profiles[0]
    assert [(d.day, d.jobs, d.images, d.spend.amount) for d in relay_a.by_day] == [
        ("2026-11-19", 1, 1, 0.04),
        ("2026-11-20", 1, 1, 0.04),
    ]
    one_day = ledger(store, catalog, since=date(2026, 11, 20), until=date(2026, 11, 20))
    assert [(p.profile, p.jobs) for p in one_day.profiles] == [("relay-a", 1), ("relay-b", 1)]
    assert one_day.since == date(2026, 11, 20)
    assert ledger(store, catalog, until=date(2026, 11, 19)).profiles[0].jobs == 1
    assert ledger(store, catalog, since=date(2026, 11, 21)).profiles == ()
    assert [p.profile for p in ledger(store, catalog, profile="relay-b").profiles] == ["relay-b"]


def test_spend_for_a_budget_guard(store: Store, catalog: Catalog) -> None:
    seed(store, "old", model="dall-e-3", images=[1.0], at=datetime(2026, 10, 31, 12).timestamp())
    seed(store, "month", model="dall-e-3", images=[1.0], at=NOON - 3 * DAY)
    seed(store, "today", model="dall-e-3", images=[1.0], n=1, at=NOON)
    seed(store, "other", model="dall-e-3", images=[1.0], at=NOON, profile="relay-b")
    assert spend_today(store, catalog, "relay-a", now=NOON + 60) == Money(0.04, "USD", "list-price")
    assert spend_this_month(store, catalog, "relay-a", now=NOON + 60).amount == pytest.approx(0.08)
    start = date(2026, 10, 1)
    assert spend_between(store, catalog, "relay-a", start, None, markup=2.0).amount == (
        pytest.approx(0.24)
    )
    assert spend_today(store, catalog, "relay-a", now=NOON + 2 * DAY).amount == 0.0


def test_token_prices_are_read_from_the_catalog_and_checked(tmp_path: Path) -> None:
    price = Catalog.load().get("gpt-image-1").price
    assert price is not None
    assert (price.input_per_mtok, price.image_input_per_mtok, price.output_per_mtok) == (
        5.0,
        10.0,
        40.0,
    )
    assert Catalog.load().get("dall-e-3").price.output_per_mtok is None  # type: ignore[union-attr]
    bad = tmp_path / "bad.toml"
    bad.write_text('[model."gpt-image-1"]\nprice = { per_image = 0.04, output_per_mtok = -1.0 }\n')
    skipped = Catalog.load(user=bad)  # a broken user file is skipped and said why
    assert any("output_per_mtok" in problem for problem in skipped.problems)
    assert skipped.get("gpt-image-1").price == price
    catalog = Catalog()
    catalog.merge_file(bad)
    with pytest.raises(CatalogError, match="output_per_mtok"):
        catalog.check()


def test_a_history_from_before_the_ledger_is_counted_after_the_migration(
    tmp_path: Path, catalog: Catalog
) -> None:
    import sqlite3

    from studio.store.database import migrate

    data = tmp_path / "old"
    data.mkdir()
    db = sqlite3.connect(data / "history.sqlite3", isolation_level=None)
    migrate(db, target=3)  # the schema before issue 13, with jobs in it
    db.execute(
        """INSERT INTO jobs (id, created_at, updated_at, profile, model, prompt, params, state,
               usage, warnings, meta) VALUES ('old', ?, ?, 'relay-a', 'gpt-image-1', 'p',
               '{"n": 2}', 'succeeded', ?, '[{"code":"mask_ignored"}]', '{}')""",
        (NOON, NOON, json.dumps(usage(100, 0, 1000))),
    )
    for position in (0, 1):
        db.execute(
            """INSERT INTO images (job_id, position, sha256, extension, mime, width, height,
                   size_bytes, source, created_at) VALUES ('old', ?, 'ab', 'png', 'image/png',
                   8, 8, 1, 'b64', ?)""",
            (position, NOON + 4 + position),
        )
    db.execute(
        "INSERT INTO job_inputs (job_id, role, position, name) VALUES ('old', 'mask', 0, 'm')"
    )
    db.close()
    with Store(data) as store:
        [relay] = ledger(store, catalog).profiles
        assert (relay.jobs, relay.succeeded, relay.images) == (1, 1, 2)
        assert relay.spend == Money(pytest.approx(0.0405), "USD", "relay-usage")
        assert relay.honesty.mask_ignored == 1.0
        assert (relay.latency_p50_ms, relay.latency_p95_ms) == (5000.0, 5000.0)
        seed(store, "new", model="dall-e-3", images=[1.0])  # and the triggers carry on from there
        assert ledger(store, catalog).profiles[0].jobs == 2
