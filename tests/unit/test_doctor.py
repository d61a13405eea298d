"""The relay doctor's findings for relays unlike the simulator (a small scripted HTTP server on
loopback: proxies, skewed clocks, web pages, billing endpoints), its paid plan, its verdicts on
result images, and the stored findings file."""

from __future__ import annotations

import asyncio
import email.utils
import io
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from studio.catalog import Catalog
from studio.domain.job import Job, JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.profile import AsyncOptions, Profile
from studio.domain.request import GenerationRequest
from studio.domain.results import ImageResult
from studio.engine.doctor import Check, FreeFindings, Report, free_checks, system_proxy
from studio.engine.doctor_paid import (
    PROMPT,
    centre_mask,
    judge,
    plan_paid,
    synthetic_source,
    used_with,
)
from studio.settings.doctor_results import DoctorResults
from studio.store.history import Store

KEY = "sk-unit-doctor-1f2e3d4c5b6a"
Answer = tuple[int, dict[str, str], bytes]


class ScriptedRelay:
    """A relay that answers each path as told (and 404 with an HTML page otherwise)."""

    def __init__(self) -> None:
        self.answers: dict[str, Answer] = {}
        self.headers: dict[str, str] = {}
        self.seen: list[str] = []
        relay = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.partition("?")[0]
                relay.seen.append(self.path)
                status, headers, body = relay.answers.get(
                    path,
                    (404, {"Content-Type": "text/html"}, b"<html><title>404 Not Found</title>"),
                )
                self.send_response_only(status)
                for name, value in {**relay.headers, **headers}.items():
                    self.send_header(name, value)
                if "Date" not in relay.headers:
                    self.send_header("Date", self.date_time_string())
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                del args

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def json(self, path: str, data: Any, status: int = 200) -> None:
        self.answers[path] = (
            status,
            {"Content-Type": "application/json"},
            json.dumps(data).encode(),
        )


@pytest.fixture
def relay() -> Iterator[ScriptedRelay]:
    scripted = ScriptedRelay()
    scripted.thread.start()
    scripted.json("/v1/models", {"object": "list", "data": [{"id": "gpt-image-1"}, {"id": "x-9"}]})
    try:
        yield scripted
    finally:
        scripted.server.shutdown()
        scripted.server.server_close()


def run_free(url: str, **options: Any) -> FreeFindings:
    profile = Profile("scripted", url, api_key=KEY, **options)
    return asyncio.run(free_checks(profile, Catalog.load()))


def found(findings: FreeFindings) -> dict[str, Check]:
    return {c.name: c for c in findings.checks}


def test_a_proxy_in_between_and_a_clock_an_hour_behind(relay: ScriptedRelay) -> None:
    relay.headers = {
        "Via": "1.1 squid-proxy (squid/5.7)",
        "Date": email.utils.formatdate(time.time() - 3600, usegmt=True),
    }
    checks = found(run_free(relay.url))
    assert checks["reachable"].ok is True and checks["key"].ok is True
    assert checks["models"].ok is True
    assert checks["models"].detail == "2 models offered, 1 of them known to the catalog."
    assert checks["proxy"].ok is None and "squid-proxy" in checks["proxy"].detail
    assert checks["clock"].ok is False
    assert "60 min behind" in checks["clock"].detail


def test_cloudflare_in_front_is_named(relay: ScriptedRelay) -> None:
    relay.headers = {"Server": "cloudflare", "CF-RAY": "8c1f2e3d4c5b6a79-HKG"}
    proxy = found(run_free(relay.url))["proxy"]
    assert proxy.ok is None and "Cloudflare" in proxy.detail and "524" in proxy.detail


def test_a_web_page_instead_of_the_model_list(relay: ScriptedRelay) -> None:
    relay.answers["/v1/models"] = (
        200,
        {"Content-Type": "text/html"},
        b"<!doctype html><html><head><title>Portal login</title></head><body>x</body></html>",
    )
    checks = found(run_free(relay.url))
    assert checks["models"].ok is False and "Portal login" in checks["models"].detail
    assert checks["proxy"].ok is False and "Portal login" in checks["proxy"].detail
    assert "<" not in checks["models"].detail + checks["proxy"].detail


def test_billing_endpoints_of_a_one_api_relay(relay: ScriptedRelay) -> None:
    relay.json(
        "/v1/dashboard/billing/subscription",
        {"object": "billing_subscription", "hard_limit_usd": 25},
    )
    relay.json("/v1/dashboard/billing/usage", {"object": "list", "total_usage": 1234.5})
    checks = found(run_free(relay.url))
    assert checks["billing:subscription"].ok is True
    assert "25.00 USD" in checks["billing:subscription"].detail
    assert checks["billing:usage"].ok is True and "12.35 USD" in checks["billing:usage"].detail
    (usage,) = [path for path in relay.seen if path.startswith("/v1/dashboard/billing/usage?")]
    assert "start_date=" in usage and "end_date=" in usage


def test_async_routes_told_apart_by_their_answers(relay: ScriptedRelay) -> None:
    relay.json(
        "/v1/tasks/studio-doctor-0000000000000000",
        {"code": "task_not_exist", "message": "task not exist"},
        status=404,
    )
    invalid = "Invalid URL (GET /v1/images/generations/studio-doctor-0000000000000000)"
    relay.json(
        "/v1/images/generations/studio-doctor-0000000000000000",
        {"error": {"message": invalid, "type": "invalid_request_error", "code": ""}},
        status=404,
    )
    own = AsyncOptions(poll_path="/api/task/{task_id}/fetch")
    checks = found(run_free(relay.url, async_options=own))
    assert (
        checks["async:/v1/tasks"].ok is True
        and "task not exist" in checks["async:/v1/tasks"].detail
    )
    # An HTML 404: not offered; for the profile's own poll path that is a problem to fix.
    assert checks["async:/v1/images/tasks"].ok is None
    assert "Not offered" in checks["async:/v1/images/tasks"].detail
    # new-api's JSON 404 for a route it does not have: not offered either.
    assert checks["async:/v1/images/generations"].ok is None
    assert "Invalid URL" in checks["async:/v1/images/generations"].detail
    assert checks["async:/api/task/{task_id}/fetch"].ok is False
    assert "poll path" in checks["async:/api/task/{task_id}/fetch"].detail


def test_a_refused_key(relay: ScriptedRelay) -> None:
    relay.json(
        "/v1/models", {"error": {"message": "无效的令牌", "type": "invalid_request_error"}}, 401
    )
    findings = run_free(relay.url)
    checks = found(findings)
    assert checks["key"].ok is False and "无效的令牌" in checks["key"].detail
    assert checks["models"].ok is None and findings.key_accepted is False
    assert findings.offered is None


def test_plain_http_to_another_computer_is_flagged(relay: ScriptedRelay) -> None:
    # The scripted relay answers as "localhost" too; any other host name means the network.
    checks = found(run_free(relay.url))
    assert checks["tls"].ok is None  # loopback: nothing leaves the computer
    from studio.engine.doctor import _tls

    assert _tls("http://relay.example", None).ok is False
    assert _tls("https://relay.example", None).ok is True
    failed = _tls("https://relay.example", "CERTIFICATE_VERIFY_FAILED")
    assert failed.ok is False and "CERTIFICATE_VERIFY_FAILED" in failed.detail


def test_the_system_proxy_and_its_exceptions(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    assert system_proxy("https://relay.example/v1") is None
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:7890")
    assert system_proxy("https://relay.example/v1") == "http://127.0.0.1:7890"
    monkeypatch.setenv("NO_PROXY", "relay.example")
    assert system_proxy("https://relay.example/v1") is None


# -- the paid plan -----------------------------------------------------------------------------


def test_without_history_the_cheapest_model_the_relay_offers() -> None:
    catalog = Catalog.load()
    plan = plan_paid(catalog, [], ["gpt-image-1", "gpt-image-1-mini", "flux"])
    names = [step.name for step in plan.steps]
    assert names == [
        "paid:generate:images",
        "paid:mask",
        "paid:ratio",
        "paid:n",
        "paid:transparency",
    ]
    assert {step.spec.id for step in plan.steps} == {"gpt-image-1-mini"}
    n_step = next(step for step in plan.steps if step.name == "paid:n")
    assert n_step.request.n == 2 and n_step.request.quality == "low"
    assert next(s for s in plan.steps if s.name == "paid:ratio").request.ratio == "3:2"
    estimate = plan.estimate()
    assert estimate.currency == "USD" and estimate.unpriced == 0
    assert estimate.amount == pytest.approx(0.011 * 6)


def test_a_check_no_offered_model_can_run_is_skipped_not_paid() -> None:
    plan = plan_paid(Catalog.load(), [], ["flux"])  # flux: no mask, n = 1, no transparency
    assert [step.name for step in plan.steps] == ["paid:generate:images", "paid:ratio"]
    skipped = {check.name: check for check in plan.skipped}
    assert set(skipped) == {"paid:mask", "paid:n", "paid:transparency"}
    assert all(check.ok is None and check.paid for check in skipped.values())


def _job(store: Store, prompt: str, model: str, protocol: ProtocolId, state: JobState) -> None:
    job = Job(f"job-{len(store.list_jobs())}-{model}", GenerationRequest(prompt, model), "relay")
    store.create_job(job, ())
    job.protocol, job.state = protocol, state
    store.update_job(job)


def test_the_history_says_which_protocols_were_used(tmp_path: Path) -> None:
    with Store(tmp_path / "data") as store:
        _job(store, "a cat", "gemini-2.5-flash-image", ProtocolId.GEMINI, JobState.SUCCEEDED)
        _job(store, "a dog", "nano-banana", ProtocolId.GEMINI, JobState.FAILED)
        _job(store, "a cow", "gpt-image-1", ProtocolId.IMAGES, JobState.FAILED)
        _job(store, PROMPT, "dall-e-3", ProtocolId.CHAT, JobState.SUCCEEDED)  # the doctor's own
        used = used_with(store, "relay")
    assert sorted(used) == [
        (ProtocolId.GEMINI, "gemini-2.5-flash-image"),  # the one that worked
        (ProtocolId.IMAGES, "gpt-image-1"),
    ]
    plan = plan_paid(Catalog.load(), used, None)
    generations = [step for step in plan.steps if step.name.startswith("paid:generate:")]
    assert {(s.protocol, s.spec.id) for s in generations} == set(used)


# -- verdicts on the results -------------------------------------------------------------------


def _result_job(step: Any, images: list[Image.Image], tmp_path: Path) -> Job:
    job = Job("job-verdict-0001", step.request, "relay", state=JobState.SUCCEEDED)
    for index, image in enumerate(images):
        path = tmp_path / f"result-{index}.png"
        image.save(path)
        job.images.append(
            ImageResult(index, "0" * 64, image.width, image.height, "image/png", 1, "b64", path)
        )
    return job


def test_the_mask_verdict_measures_outside_the_mask(tmp_path: Path) -> None:
    plan = plan_paid(Catalog.load(), [], ["gpt-image-1-mini"])
    step = next(s for s in plan.steps if s.name == "paid:mask")
    source = Image.open(io.BytesIO(synthetic_source())).convert("RGB")
    kept = source.copy()
    kept.paste((255, 0, 0), (128, 128, 384, 384))  # only the masked centre changed
    assert judge(step, _result_job(step, [kept], tmp_path)).ok is True
    redrawn = Image.new("RGB", source.size, (255, 0, 0))
    verdict = judge(step, _result_job(step, [redrawn], tmp_path))
    assert verdict.ok is False and verdict.paid and "outside the mask" in verdict.detail
    assert centre_mask().width == source.width


def test_transparency_and_n_verdicts(tmp_path: Path) -> None:
    plan = plan_paid(Catalog.load(), [], ["gpt-image-1-mini"])
    clear = next(s for s in plan.steps if s.name == "paid:transparency")
    see_through = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    assert judge(clear, _result_job(clear, [see_through], tmp_path)).ok is True
    opaque = Image.new("RGBA", (64, 64), (9, 9, 9, 255))
    assert judge(clear, _result_job(clear, [opaque], tmp_path)).ok is False
    two = next(s for s in plan.steps if s.name == "paid:n")
    assert judge(two, _result_job(two, [opaque], tmp_path)).ok is False
    assert judge(two, _result_job(two, [opaque, opaque], tmp_path)).ok is True
    failed = Job("job-failed-0001", two.request, "relay", state=JobState.FAILED)
    assert judge(two, failed).ok is None


# -- the stored findings -----------------------------------------------------------------------


def test_findings_are_stored_per_relay_with_their_date_and_never_the_key(tmp_path: Path) -> None:
    Profile("relay", "https://relay.example", api_key=KEY)  # the key is now a known secret
    results = DoctorResults(tmp_path / "doctor.json")
    assert results.load("relay") is None
    said = Check.from_record(
        {
            "name": "key",
            "ok": False,
            "template": "Refused: {said}",
            "params": {"said": f"bad {KEY}"},
        }
    )
    report = Report("relay", [said], checked_at=1_780_000_000.0)
    results.save("relay", report.record())
    results.save("other", Report("other", []).record())
    assert KEY not in (tmp_path / "doctor.json").read_text("utf-8")
    again = Report.from_record(results.load("relay") or {})
    assert again.checked_at == 1_780_000_000.0
    assert again.checks[0].name == "key" and again.checks[0].ok is False
    assert again.checks[0].notice.template == "Refused: {said}"
    results.forget("relay")
    assert results.load("relay") is None and results.load("other") is not None


def test_a_damaged_findings_file_reads_as_never_checked(tmp_path: Path) -> None:
    path = tmp_path / "doctor.json"
    path.write_text("{oops", encoding="utf-8")
    assert DoctorResults(path).load("relay") is None
