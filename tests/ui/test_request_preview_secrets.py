"""The request preview passes URL, headers and body through the one redaction rule."""

from __future__ import annotations

from studio.domain.profile import AuthStyle, Profile
from studio.protocols.base import HttpCall
from studio.ui.composer.request_text import describe_call

KEY = "zz-Preview-Key-4711-abcdef"
PASSWORD = "pw-in-the-base-url-9876"


def test_a_key_in_the_query_and_a_password_in_the_base_url_are_masked() -> None:
    profile = Profile(
        name="g", base_url=f"https://alice:{PASSWORD}@relay.example/v1beta", api_key=KEY
    )
    call = HttpCall.with_json(
        "/v1beta/models/nano-banana:generateContent",
        {"contents": [{"parts": [{"text": "a fox"}]}]},
        auth=AuthStyle.GOOG_API_KEY,
        params={"key": KEY, "alt": "json"},
    )
    text = describe_call(call, profile)
    assert KEY not in text and PASSWORD not in text
    assert text.startswith(
        "POST https://***@relay.example/v1beta/models/nano-banana:generateContent?key=***&alt=json\n"
    )
    assert "x-goog-api-key: ••••••" in text  # the header shows that a key goes, never which
    assert '"text": "a fox"' in text


def test_secrets_in_the_body_fields_and_remote_links_are_masked() -> None:
    profile = Profile(name="r", base_url="https://relay.example/v1", api_key=KEY)
    signed = "https://cdn.example/ref.png?se=2026&sig=f00dcafe1234"
    json_call = HttpCall.with_json(
        "/v1/images/generations", {"prompt": f"my key is {KEY}", "image": signed}
    )
    form_call = HttpCall(
        "/v1/images/edits",
        data={"prompt": f"see {signed}", "model": "gpt-image-1"},
        files=[("image[]", ("ref-1.png", b"\x89PNG", "image/png"))],
    )
    for call in (json_call, form_call):
        text = describe_call(call, profile, {"ref-1": signed})
        assert KEY not in text and "f00dcafe1234" not in text
        assert "sig=***" in text
