"""The relay's balance (issue 13 item 2), read with the key over real loopback sockets: from the
simulated relay's one-api/new-api billing endpoints, and from relays that answer them badly."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from studio.domain.job import JobState
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.protocols.billing import Balance, read_balance
from studio.simulator import SimulatorServer
from tests.helpers.engine import run_job, sim_profile

KEY = "sk-balance-secret-0123456789abcdef"
START = 100.0  # what the simulated account holds after a reset (USD)


def read(profile: Profile, **options: Any) -> Balance | None:
    return asyncio.run(read_balance(profile, **options))


def test_the_balance_is_read_with_the_key_and_stamped_in_utc(sim: SimulatorServer) -> None:
    before = dt.datetime.now(dt.UTC)
    balance = read(sim_profile(sim.url, api_key=KEY))
    assert balance is not None
    assert balance.amount == pytest.approx(START) and balance.currency == "USD"
    read_at = dt.datetime.fromisoformat(balance.read_at)
    assert read_at.utcoffset() == dt.timedelta(0)
    assert before - dt.timedelta(seconds=1) <= read_at <= dt.datetime.now(dt.UTC)
    entries = {entry.path: entry for entry in sim.log()}
    subscription = entries["/v1/dashboard/billing/subscription"]
    usage = entries["/v1/dashboard/billing/usage"]
    for entry in (subscription, usage):
        assert entry.method == "GET" and entry.status == 200 and entry.auth["authorization"]
    # The window the relays allow (OpenAI's: at most 100 days), ending after today.
    start = dt.date.fromisoformat(usage.query["start_date"])
    end = dt.date.fromisoformat(usage.query["end_date"])
    assert end > dt.datetime.now(dt.UTC).date() and 0 < (end - start).days <= 100
    assert sim.state.stats()["paid_requests"] == 0  # reading the balance costs nothing


def test_the_balance_goes_down_by_the_price_of_each_paid_image(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    profile = sim_profile(sim.url, api_key=KEY)
    job = run_job(sim.url, GenerationRequest("two red kites", "gpt-image-1", n=2), tmp_path)
    assert job.state is JobState.SUCCEEDED
    price = sim.state.catalog.get("gpt-image-1").price
    assert price is not None and price.currency == "USD"
    after_two = read(profile)
    assert after_two is not None
    assert after_two.amount == pytest.approx(START - 2 * price.per_image)
    job = run_job(sim.url, GenerationRequest("one more", "gpt-image-1"), tmp_path / "b")
    assert job.state is JobState.SUCCEEDED
    after_three = read(profile)
    assert after_three is not None and after_three.amount < after_two.amount
    assert after_three.amount == pytest.approx(START - 3 * price.per_image)


def test_a_relay_without_the_billing_endpoints_gives_no_balance(sim: SimulatorServer) -> None:
    sim.set_personalities("no-billing")
    assert read(sim_profile(sim.url, api_key=KEY)) is None
    statuses = {entry.path: entry.status for entry in sim.log()}
    assert statuses.get("/v1/dashboard/billing/subscription") == 404


def test_a_wrong_key_gives_no_balance_and_leaves_no_trace_of_the_key(
    sim: SimulatorServer, caplog: pytest.LogCaptureFixture
) -> None:
    sim.state.api_key = "sk-the-right-one-000000"
    caplog.set_level(logging.DEBUG)
    profile = sim_profile(sim.url, api_key=KEY)
    assert read(profile) is None
    assert [entry.status for entry in sim.log()][:1] == [401]
    assert KEY not in caplog.text and KEY not in repr(profile)
    assert all(KEY not in str(record.args) for record in caplog.records)


# -- relays that answer badly ------------------------------------------------------------------

Answer = Callable[[BaseHTTPRequestHandler], None]


class BadRelay:
    """A loopback HTTP server whose billing routes answer what a test scripts."""

    def __init__(self) -> None:
        self.answers: dict[str, Answer] = {}
        self.release = threading.Event()  # a stalled answer waits for this
        self.seen: list[tuple[str, str]] = []  # (path, Authorization)
        relay = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.partition("?")[0]
                relay.seen.append((path, self.headers.get("Authorization", "")))
                answer = relay.answers.get(path)
                if answer is None:
                    send(self, 404, b'{"error": {"message": "Invalid URL"}}')
                else:
                    answer(self)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def both(self, subscription: Answer, usage: Answer | None = None) -> None:
        self.answers["/v1/dashboard/billing/subscription"] = subscription
        self.answers["/v1/dashboard/billing/usage"] = usage or json_answer(
            b'{"object": "list", "total_usage": 250}'
        )


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, kind: str = "json") -> None:
    handler.send_response(status)
    handler.send_header(
        "Content-Type", "application/json" if kind == "json" else "text/html; charset=utf-8"
    )
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def json_answer(body: bytes, status: int = 200) -> Answer:
    return lambda handler: send(handler, status, body)


GOOD_SUBSCRIPTION = json_answer(
    b'{"object": "billing_subscription", "has_payment_method": true, "soft_limit_usd": 25,'
    b' "hard_limit_usd": 25, "system_hard_limit_usd": 25, "access_until": 0}'
)


@pytest.fixture
def bad() -> Iterator[BadRelay]:
    relay = BadRelay()
    relay.thread.start()
    yield relay
    relay.release.set()
    relay.server.shutdown()
    relay.server.server_close()


def test_the_scripted_relay_reads_like_new_api(bad: BadRelay) -> None:
    # The same reader against another server: hard limit minus usage (cents) is the balance.
    bad.both(GOOD_SUBSCRIPTION)
    balance = read(sim_profile(bad.url, api_key=KEY))
    assert balance is not None and balance.amount == pytest.approx(22.5)
    assert ("/v1/dashboard/billing/subscription", f"Bearer {KEY}") in bad.seen


def test_a_web_page_instead_of_the_billing_answer_gives_no_balance(bad: BadRelay) -> None:
    # A relay's web front answers every unknown path with its single-page app, HTTP 200.
    page = b"<!doctype html><html><head><title>New API</title></head><body><div id=root>"
    bad.both(lambda handler: send(handler, 200, page, "html"))
    assert read(sim_profile(bad.url, api_key=KEY)) is None


@pytest.mark.parametrize(
    ("subscription", "usage"),
    [
        (b"{not json at all", None),
        (b"[1, 2, 3]", None),
        (b'{"object": "billing_subscription", "hard_limit_usd": "lots"}', None),
        (
            b'{"error": {"message": "\xe8\x8e\xb7\xe5\x8f\x96\xe9\x85\x8d\xe9\xa2\x9d\xe5\xa4\xb1'
            b'\xe8\xb4\xa5", "type": "upstream_error"}}',
            None,
        ),
        (GOOD_SUBSCRIPTION, b'{"object": "list", "total_usage": null}'),
        (GOOD_SUBSCRIPTION, b'{"error": {"message": "no", "type": "new_api_error"}}'),
        (GOOD_SUBSCRIPTION, b"<html>502 Bad Gateway</html>"),
        # An unlimited token: new-api says 100000000, which is no balance to show.
        (
            b'{"object": "billing_subscription", "hard_limit_usd": 100000000,'
            b' "soft_limit_usd": 100000000, "system_hard_limit_usd": 100000000}',
            None,
        ),
    ],
    ids=[
        "garbage",
        "a-list",
        "a-word",
        "error-in-200",
        "usage-null",
        "usage-error-in-200",
        "usage-html",
        "unlimited",
    ],
)
def test_garbage_gives_no_balance(
    bad: BadRelay, subscription: Answer | bytes, usage: bytes | None
) -> None:
    first = subscription if callable(subscription) else json_answer(subscription)
    bad.both(first, json_answer(usage) if usage is not None else None)
    assert read(sim_profile(bad.url, api_key=KEY)) is None


def test_an_error_status_with_the_key_echoed_gives_no_balance_and_logs_no_key(
    bad: BadRelay, caplog: pytest.LogCaptureFixture
) -> None:
    echo = f'{{"error": {{"message": "invalid token {KEY}"}}}}'.encode()
    bad.both(json_answer(echo, 401))
    caplog.set_level(logging.DEBUG)
    assert read(sim_profile(bad.url, api_key=KEY)) is None
    assert KEY not in caplog.text


def test_a_relay_that_does_not_answer_in_time_gives_no_balance(bad: BadRelay) -> None:
    def stall(handler: BaseHTTPRequestHandler) -> None:
        bad.release.wait(30)
        send(handler, 200, b"{}")

    bad.both(stall)
    assert read(sim_profile(bad.url, api_key=KEY), timeout=0.3) is None
    # It returned while the relay was still holding the answer back.
    assert not bad.release.is_set()


def test_a_closed_port_gives_no_balance() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert read(sim_profile(f"http://127.0.0.1:{port}", api_key=KEY)) is None
    assert read(sim_profile("not a url", api_key=KEY)) is None
