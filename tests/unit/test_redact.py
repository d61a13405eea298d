"""The one redaction rule: keys, passwords in URLs and secret query values never survive it."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from studio.domain.errors import ErrorKind, RelayError
from studio.domain.notice import Notice
from studio.domain.profile import Profile
from studio.domain.redact import MASK, redact, remember_environment_secrets, remember_secret


def test_a_key_given_to_the_studio_is_redacted_wherever_it_appears() -> None:
    Profile("p", "https://relay.example", api_key="plain-key-without-prefix-42")
    text = "Invalid token plain-key-without-prefix-42 (request id: 7)"
    assert redact(text) == f"Invalid token {MASK} (request id: 7)"


def test_an_escaped_form_of_a_key_is_redacted_too() -> None:
    remember_secret("bad\nkey-value")
    assert "key-value" not in redact("Illegal header value b'Bearer bad\\nkey-value'")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("https://alice:s3cret-pw@relay.example/v1", "s3cret-pw"),
        ("socks5://bob:hunter22@127.0.0.1:1080", "hunter22"),
        ("GET https://cdn.example/a.png?X-Amz-Signature=abcdef123&x=1", "abcdef123"),
        ("https://relay.example/v1beta/models/x?key=AIzaSecretValue", "AIzaSecretValue"),
        ("see https://x.example/a?access_token=tok123456", "tok123456"),
        ("https://x.example/a?sig=zzzzzz&se=2026", "zzzzzz"),
        ("https://x.example/a?password=pw98765", "pw98765"),
        ("https://x.example/a?client_secret=cs12345", "cs12345"),
        ("Authorization: Bearer abc.def.ghi", "abc.def.ghi"),
        ('{"api_key": "k-123456789"}', "k-123456789"),
        ("x-goog-api-key: AIzaSyD-1234567", "AIzaSyD-1234567"),
        ("your key sk-proj-ABCDEFGHIJKLMNOPQRSTUV is wrong", "ABCDEFGHIJKLMNOPQRSTUV"),
    ],
)
def test_secret_shapes_are_redacted(text: str, gone: str) -> None:
    cleaned = redact(text)
    assert gone not in cleaned
    assert MASK in cleaned


@pytest.mark.parametrize(
    "text",
    [
        "a red fox on a hill, 16:9",
        "https://relay.example/v1/images/tasks/3dad?async=true",
        "the sk-8 skateboard deck",  # too short to be a key
        "/home/me/pictures/task-abcdefghijklmnopq.png",
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert redact(text) == text


def test_errors_and_notices_are_redacted_when_made() -> None:
    Profile("p", "https://relay.example", api_key="zz-echoed-key-0001")
    error = RelayError(
        ErrorKind.AUTH,
        "Bad key for {url}",
        relay_message="the key zz-echoed-key-0001 is not valid",
        url="https://u:pw123456@relay.example",
    )
    assert "zz-echoed-key-0001" not in error.full_text()
    assert "pw123456" not in error.message
    notice = Notice("x", "{reason}", {"reason": "failed for zz-echoed-key-0001"})
    assert "zz-echoed-key-0001" not in notice.message


# -- shapes the first version of the rule missed ---------------------------------------------


def test_a_url_keeps_its_at_sign_and_host_when_the_password_goes() -> None:
    assert redact("https://alice:s3cret-pw@relay.example/v1") == "https://***@relay.example/v1"


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # urlsplit(url).netloc, as a "could not connect to {host}" message quotes it
        ("Could not connect to alice:s3cret-pw@relay.example:8443.", "s3cret-pw", "relay.example"),
        ("https://x.example/cb#access_token=tok123456&state=1", "tok123456", "state=1"),
        ("key=AIzaSecretValue&alt=sse", "AIzaSecretValue", "alt=sse"),
        ('{"password": "hunter22"}', "hunter22", '"password"'),
        ('{"error": {"token": "tok-99887766"}}', "tok-99887766", '"token"'),
        ("{'client_secret': 'cs-12345678'}", "cs-12345678", "client_secret"),
        ("Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA==", "Authorization"),
    ],
)
def test_more_secret_shapes_are_redacted(text: str, gone: str, kept: str) -> None:
    cleaned = redact(text)
    assert gone not in cleaned
    assert kept in cleaned and MASK in cleaned


def test_a_key_is_redacted_in_its_json_and_url_encoded_forms() -> None:
    key = "clé/zz+Plain=Key-4711"
    remember_secret(key)
    text = (
        json.dumps({"message": f"bad key {key}"})
        + " "
        + "https://relay.example/v1?x="
        + quote(key, safe="")
        + " "
        + quote(key)
    )
    cleaned = redact(text)
    for form in (key, json.dumps(key)[1:-1], quote(key, safe=""), quote(key)):
        assert form not in cleaned


def test_each_line_of_a_key_with_a_line_break_is_redacted_on_its_own() -> None:
    remember_secret("first-half-4711\nsecond-half-0815")
    cleaned = redact("header value second-half-0815 and first-half-4711")
    assert "second-half-0815" not in cleaned and "first-half-4711" not in cleaned


def test_keys_in_the_environment_are_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STUDIO_API_KEY", "env-generic-key-31337")
    monkeypatch.setenv("STUDIO_API_KEY_HOME_RELAY", "env-profile-key-42424")
    remember_environment_secrets()
    cleaned = redact("env-generic-key-31337 / env-profile-key-42424")
    assert "31337" not in cleaned and "42424" not in cleaned


@pytest.mark.parametrize(
    "text",
    [
        "Invalid token: the API key is not valid",
        "write to bob@example.com about it",
        '{"total_tokens": 1290, "input_tokens": 12}',
        "the basic settings",
        '{"keywords": "fox, hill"}',
    ],
)
def test_more_ordinary_text_is_left_alone(text: str) -> None:
    assert redact(text) == text
