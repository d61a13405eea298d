"""`studio-cli ledger` from the outside (issue 13): jobs run by `studio-cli generate` against the
simulated relay with faults, then every ledger figure and the claim list checked exactly."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image

from studio.simulator import SimulatorServer
from tests.helpers.keyring_backend import BACKEND_PATH, KEYRING_FILE_VARIABLE

ROOT = Path(__file__).resolve().parents[2]
PROFILE = "environment"  # the relay of STUDIO_BASE_URL / STUDIO_API_KEY
TOP_KEYS = ["since", "until", "profiles"]
PROFILE_KEYS = [
    "profile",
    "jobs",
    "succeeded",
    "failed",
    "images",
    "success_rate",
    "latency_ms",
    "spend",
    "balance",
    "unbilled_claims",
    "claims_amount",
    "honesty",
    "by_model",
    "by_day",
]
HONESTY_KEYS = ["ratio_drift", "mask_ignored", "size_short", "model_mismatch"]
CLAIM_KEYS = [
    "time",
    "model",
    "relay",
    "request_id",
    "task_id",
    "reason",
    "missing_images",
    "estimated_cost",
    "currency",
    "basis",
    "job_id",
]
# gpt-image-1's prices per million tokens in resources/models.toml (text in, image in, out)
GPT_IMAGE_1 = (5.0, 10.0, 40.0)
DALL_E_3 = 0.04  # list price per image
GPT_IMAGE_1_LIST = 0.042


def cli(
    sim_url: str | None,
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") or k.endswith("_DIR")
    }
    if sim_url:
        environment.update(STUDIO_BASE_URL=sim_url, STUDIO_API_KEY="sk-test-secret-123456")
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "studio.cli", *args],
        cwd=cwd,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def generate(
    sim: SimulatorServer,
    tmp_path: Path,
    fault: str | None,
    *args: str,
    env: dict[str, str] | None = None,
) -> dict[str, object]:
    sim.reset()
    if fault:
        sim.set_faults(fault)
    result = cli(
        sim.url, "generate", *args, "--json", "--out", str(tmp_path / "out"), cwd=tmp_path, env=env
    )
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def ledger_json(
    sim: SimulatorServer, tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> dict:
    result = cli(sim.url, "ledger", *args, "--json", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert list(data) == TOP_KEYS
    return data


def claims_json(
    sim: SimulatorServer, tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> list[dict]:
    result = cli(sim.url, "ledger", "claims", *args, "--format", "json", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout.strip().splitlines()[-1])
    for row in rows:
        assert list(row) == CLAIM_KEYS
    return rows


def token_cost(usage: dict) -> float:
    text = usage["input_tokens_details"]["text_tokens"]
    image = usage["input_tokens_details"]["image_tokens"]
    text_price, image_price, out_price = GPT_IMAGE_1
    return (text * text_price + image * image_price + usage["output_tokens"] * out_price) / 1e6


def nearest_rank(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[max(-(-len(ordered) * percent // 100), 1) - 1]


def latencies(data_dir: Path) -> list[float]:
    """submit → last image saved, per succeeded job, read straight from the history file."""
    with sqlite3.connect(data_dir / "history.sqlite3") as db:
        rows = db.execute(
            """SELECT (MAX(i.created_at) - j.created_at) * 1000 FROM jobs j
               JOIN images i ON i.job_id = j.id AND i.kind = 'result'
               WHERE j.state = 'succeeded' GROUP BY j.id"""
        ).fetchall()
    return [row[0] for row in rows]


def test_every_figure_and_the_claim_list_after_jobs_with_faults(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    Image.new("RGB", (64, 64), "red").save(tmp_path / "ref.png")
    mask = Image.new("RGBA", (64, 64), (0, 0, 0, 255))
    mask.paste((0, 0, 0, 0), (16, 16, 48, 48))
    mask.save(tmp_path / "mask.png")

    kite = generate(sim, tmp_path, None, "--model", "gpt-image-1", "--prompt", "a red kite")
    wide = generate(
        sim, tmp_path, "ignore-ratio", "--model", "dall-e-3", "--prompt", "harbour", "--ratio",
        "16:9",
    )  # fmt: skip
    expired = generate(sim, tmp_path, "expired-url", "--model", "dall-e-3", "--prompt", "lost")
    cut = generate(sim, tmp_path, "drop", "--model", "gpt-image-1", "--prompt", "cut off")
    masked = generate(
        sim, tmp_path, "ignore-mask", "--model", "gpt-image-1", "--prompt", "fix the middle",
        "--ref", "ref.png", "--mask", "mask.png",
    )  # fmt: skip
    empty = generate(sim, tmp_path, "empty", "--model", "dall-e-3", "--prompt", "nothing")
    assert [kite["status"], wide["status"], masked["status"]] == ["succeeded"] * 3
    assert [expired["status"], cut["status"], empty["status"]] == ["failed"] * 3
    assert kite["usage"] and masked["usage"] and expired["usage"] and not cut["usage"]

    data = ledger_json(sim, tmp_path)
    assert data["since"] is None and data["until"] is None
    [relay] = data["profiles"]
    assert list(relay) == PROFILE_KEYS
    assert relay["profile"] == PROFILE
    assert (relay["jobs"], relay["succeeded"], relay["failed"], relay["images"]) == (6, 3, 3, 3)
    assert relay["success_rate"] == 0.5

    assert list(relay["latency_ms"]) == ["p50", "p95"]
    measured = latencies(Path(os.environ["STUDIO_DATA_DIR"]))
    assert len(measured) == 3
    assert relay["latency_ms"]["p50"] == pytest.approx(nearest_rank(measured, 50), abs=0.06)
    assert relay["latency_ms"]["p95"] == pytest.approx(nearest_rank(measured, 95), abs=0.06)

    # gpt-image-1: the relay's usage priced per token (kite, masked); the cut-off job reported
    # no usage: its list price. dall-e-3: the catalog has no token prices: list price for the
    # delivered image, the expired link and the empty answer.
    gpt_spend = token_cost(kite["usage"]) + token_cost(masked["usage"]) + GPT_IMAGE_1_LIST
    dalle_spend = 3 * DALL_E_3
    assert list(relay["spend"]) == ["amount", "currency", "basis"]
    assert relay["spend"]["amount"] == pytest.approx(gpt_spend + dalle_spend, abs=1e-6)
    assert relay["spend"]["currency"] == "USD"
    assert relay["spend"]["basis"] == "mixed"
    balance = relay["balance"]
    assert balance is None or list(balance) == ["amount", "currency", "read_at"]

    assert relay["unbilled_claims"] == 3
    assert relay["claims_amount"] == pytest.approx(2 * DALL_E_3 + GPT_IMAGE_1_LIST, abs=1e-6)

    assert list(relay["honesty"]) == HONESTY_KEYS
    assert relay["honesty"] == {
        "ratio_drift": pytest.approx(1 / 3, abs=1e-5),  # harbour, of 3 delivered
        "mask_ignored": 1.0,  # the one masked job
        "size_short": 0.0,
        "model_mismatch": 0.0,  # the simulator names the model asked for
    }

    assert relay["by_model"] == [
        {
            "model": "dall-e-3",
            "jobs": 3,
            "images": 1,
            "spend": pytest.approx(dalle_spend, abs=1e-6),
            "success_rate": pytest.approx(1 / 3, abs=1e-5),
        },
        {
            "model": "gpt-image-1",
            "jobs": 3,
            "images": 2,
            "spend": pytest.approx(gpt_spend, abs=1e-6),
            "success_rate": pytest.approx(2 / 3, abs=1e-5),
        },
    ]
    assert relay["by_day"] == [
        {
            "day": date.today().isoformat(),
            "jobs": 6,
            "images": 3,
            "spend": pytest.approx(gpt_spend + dalle_spend, abs=1e-6),
        }
    ]

    rows = claims_json(sim, tmp_path)
    assert [(r["job_id"], r["model"], r["reason"]) for r in rows] == [
        (expired["job_id"], "dall-e-3", "result_expired"),
        (cut["job_id"], "gpt-image-1", "fate_unknown"),
        (empty["job_id"], "dall-e-3", "no_image"),
    ]
    assert [r["estimated_cost"] for r in rows] == [DALL_E_3, GPT_IMAGE_1_LIST, DALL_E_3]
    assert {(r["relay"], r["currency"], r["basis"], r["missing_images"]) for r in rows} == {
        (PROFILE, "USD", "list-price", 1)
    }
    assert all(r["time"].startswith(date.today().isoformat()) for r in rows)

    table = cli(sim.url, "ledger", "claims", cwd=tmp_path)  # CSV by default
    assert table.returncode == 0
    parsed = list(csv.DictReader(io.StringIO(table.stdout)))
    assert [row["job_id"] for row in parsed] == [r["job_id"] for r in rows]
    assert list(parsed[0]) == CLAIM_KEYS
    assert parsed[1]["estimated_cost"] == str(GPT_IMAGE_1_LIST)

    text = cli(sim.url, "ledger", cwd=tmp_path)
    assert text.returncode == 0 and PROFILE in text.stdout
    assert "3 succeeded, 3 failed" in text.stdout and "mask ignored 100.0%" in text.stdout


def test_a_job_resumed_with_its_image_leaves_the_claim_list(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    failed = generate(sim, tmp_path, "download-500", "--model", "dall-e-3", "--prompt", "later")
    assert failed["status"] == "failed"
    [claim] = claims_json(sim, tmp_path)
    assert claim["job_id"] == failed["job_id"] and claim["reason"] == "network"
    relay = ledger_json(sim, tmp_path)["profiles"][0]
    assert (relay["unbilled_claims"], relay["claims_amount"], relay["images"]) == (1, 0.04, 0)

    sim.state.clear_faults()
    paid_before = sim.state.stats()["paid_requests"]
    resumed = cli(sim.url, "resume", "--json", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert claims_json(sim, tmp_path) == []
    relay = ledger_json(sim, tmp_path)["profiles"][0]
    assert (relay["jobs"], relay["succeeded"], relay["failed"], relay["images"]) == (1, 1, 0, 1)
    assert (relay["unbilled_claims"], relay["claims_amount"]) == (0, 0.0)
    assert relay["spend"] == {"amount": DALL_E_3, "currency": "USD", "basis": "list-price"}
    assert sim.state.stats()["paid_requests"] == paid_before  # resuming paid nothing


def test_days_narrow_the_ledger_and_are_echoed(sim: SimulatorServer, tmp_path: Path) -> None:
    generate(sim, tmp_path, None, "--model", "dall-e-3", "--prompt", "one")
    today = date.today()
    tomorrow, yesterday = today + timedelta(days=1), today - timedelta(days=1)
    data = ledger_json(sim, tmp_path, "--since", today.isoformat(), "--until", today.isoformat())
    assert (data["since"], data["until"]) == (today.isoformat(), today.isoformat())
    assert [p["jobs"] for p in data["profiles"]] == [1]
    assert ledger_json(sim, tmp_path, "--since", tomorrow.isoformat())["profiles"] == []
    assert ledger_json(sim, tmp_path, "--until", yesterday.isoformat())["profiles"] == []
    assert ledger_json(sim, tmp_path, "--profile", "elsewhere")["profiles"] == []
    assert [p["profile"] for p in ledger_json(sim, tmp_path, "--profile", PROFILE)["profiles"]] == [
        PROFILE
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["--since", "2026-13-01"],
        ["--until", "yesterday"],
        ["--since", "20261201"],
        ["--since", "2026-12-05", "--until", "2026-12-01"],
    ],
)
def test_a_bad_day_exits_2_with_a_plain_message(tmp_path: Path, args: list[str]) -> None:
    result = cli(None, "ledger", *args, "--json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "YYYY-MM-DD" in result.stderr or "after --until" in result.stderr


# -- the relay's request id (what its support asks for) -----------------------------------------


def paid_request_ids(sim: SimulatorServer) -> list[str]:
    """The request ids the simulated relay gave the paid calls since its last reset."""
    return [entry.request_id for entry in sim.state.log() if entry.kind == "paid"]


def stored_meta(job_id: object) -> dict:
    with sqlite3.connect(Path(os.environ["STUDIO_DATA_DIR"]) / "history.sqlite3") as db:
        (meta,) = db.execute("SELECT meta FROM jobs WHERE id = ?", (job_id,)).fetchone()
    return json.loads(meta or "{}")


def test_every_claim_names_the_request_id_the_relay_gave(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    runs = [
        (None, "succeeded", ["--model", "dall-e-3", "--prompt", "fine"]),
        ("expired-url", "failed", ["--model", "dall-e-3", "--prompt", "expired"]),
        ("empty", "failed", ["--model", "dall-e-3", "--prompt", "nothing"]),
        ("error200", "failed", ["--model", "dall-e-3", "--prompt", "said no"]),
        ("garbage-b64", "failed", ["--model", "gpt-image-1", "--prompt", "damaged"]),
        ("drop", "failed", ["--model", "gpt-image-1", "--prompt", "cut off"]),
        # the answer's headers came, its body did not before the job's time limit
        (
            "slow-body=20",
            "interrupted",
            ["--model", "dall-e-3", "--prompt", "late", "--timeout", "2"],
        ),
        # an async relay: the id of the submit, the call that paid
        (
            "async-duration=0.3",
            "succeeded",
            ["--model", "nano-banana-2", "--protocol", "images-async", "--prompt", "task"],
        ),
        (
            "async-fail",
            "failed",
            ["--model", "nano-banana-2", "--protocol", "images-async", "--prompt", "task"],
        ),
        (
            None,
            "succeeded",
            ["--model", "midjourney", "--protocol", "midjourney", "--prompt", "mj"],
        ),
    ]
    given: dict[object, str] = {}
    unpaid = []  # the jobs that may have been billed without an image, oldest first
    for fault, status, args in runs:
        summary = generate(sim, tmp_path, fault, *args)
        assert summary["status"] == status, (fault, summary)
        [request_id] = paid_request_ids(sim)
        assert request_id
        given[summary["job_id"]] = request_id
        assert stored_meta(summary["job_id"])["request_id"] == request_id, fault
        if status != "succeeded":
            unpaid.append(summary["job_id"])

    rows = claims_json(sim, tmp_path)
    assert [row["job_id"] for row in rows] == unpaid
    assert [row["reason"] for row in rows] == [
        "result_expired", "no_image", "server", "bad_result", "fate_unknown", "fate_unknown",
        "task_failed",
    ]  # fmt: skip
    for row in rows:
        assert row["request_id"] == given[row["job_id"]], row
    table = cli(sim.url, "ledger", "claims", "--format", "csv", cwd=tmp_path)
    parsed = list(csv.DictReader(io.StringIO(table.stdout)))
    assert {row["job_id"]: row["request_id"] for row in parsed} == {
        row["job_id"]: row["request_id"] for row in rows
    }


# -- a relay that resells at a markup -----------------------------------------------------------


def test_a_relays_markup_multiplies_its_spend_and_claims_and_is_stated(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    keyring = {
        "PYTHONPATH": str(ROOT),
        "PYTHON_KEYRING_BACKEND": BACKEND_PATH,
        KEYRING_FILE_VARIABLE: str(tmp_path / "keyring.json"),
    }
    added = cli(
        None, "profiles", "add", "reseller", "--base-url", f"{sim.url}/v1",
        "--price-multiplier", "1.5", "--key-stdin",
        cwd=tmp_path, env=keyring, stdin="sk-reseller-key-0123456789\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    marked = ["--profile", "reseller"]
    kite = generate(
        sim, tmp_path, None, *marked, "--model", "gpt-image-1", "--prompt", "kite", env=keyring
    )
    lost = generate(
        sim,
        tmp_path,
        "expired-url",
        *marked,
        "--model",
        "dall-e-3",
        "--prompt",
        "lost",
        env=keyring,
    )
    plain = generate(
        sim, tmp_path, "expired-url", "--model", "dall-e-3", "--prompt", "plain", env=keyring
    )
    assert [kite["status"], lost["status"], plain["status"]] == ["succeeded", "failed", "failed"]

    relays = {p["profile"]: p for p in ledger_json(sim, tmp_path, env=keyring)["profiles"]}
    reseller, environment = relays["reseller"], relays[PROFILE]
    listed = token_cost(kite["usage"]) + DALL_E_3  # the usage's price, the lost image's list price
    assert reseller["spend"]["amount"] == pytest.approx(1.5 * listed, abs=1e-6)
    assert reseller["claims_amount"] == pytest.approx(1.5 * DALL_E_3, abs=1e-6)
    assert [(m["model"], m["spend"]) for m in reseller["by_model"]] == [
        ("dall-e-3", pytest.approx(1.5 * DALL_E_3, abs=1e-6)),
        ("gpt-image-1", pytest.approx(1.5 * token_cost(kite["usage"]), abs=1e-6)),
    ]
    assert reseller["by_day"][0]["spend"] == pytest.approx(1.5 * listed, abs=1e-6)
    assert environment["spend"]["amount"] == pytest.approx(DALL_E_3, abs=1e-6)  # no markup
    assert environment["claims_amount"] == pytest.approx(DALL_E_3, abs=1e-6)
    only = ledger_json(sim, tmp_path, "--profile", "reseller", env=keyring)["profiles"]
    assert [p["spend"]["amount"] for p in only] == [pytest.approx(1.5 * listed, abs=1e-6)]

    rows = {row["job_id"]: row for row in claims_json(sim, tmp_path, env=keyring)}
    assert rows[lost["job_id"]]["estimated_cost"] == pytest.approx(1.5 * DALL_E_3, abs=1e-6)
    assert rows[plain["job_id"]]["estimated_cost"] == pytest.approx(DALL_E_3, abs=1e-6)
    [mine] = claims_json(sim, tmp_path, "--profile", "reseller", env=keyring)
    assert mine["job_id"] == lost["job_id"]
    assert mine["estimated_cost"] == pytest.approx(1.5 * DALL_E_3, abs=1e-6)
    table = cli(sim.url, "ledger", "claims", "--profile", "reseller", cwd=tmp_path, env=keyring)
    [row] = list(csv.DictReader(io.StringIO(table.stdout)))
    assert float(row["estimated_cost"]) == pytest.approx(1.5 * DALL_E_3, abs=1e-6)

    text = cli(sim.url, "ledger", cwd=tmp_path, env=keyring)
    assert text.returncode == 0, text.stderr
    section = text.stdout.split("\nreseller\n")[1].split(f"\n{PROFILE}\n")[0]
    assert "(markup ×1.5 applied)" in section
    assert "markup" not in text.stdout.split(f"\n{PROFILE}\n")[1].split("\nreseller\n")[0]
