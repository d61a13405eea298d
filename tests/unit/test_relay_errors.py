"""Every error shape of protocol.md §10 becomes one RelayError with plain words."""

from __future__ import annotations

import json

import httpx
import pytest

from studio.domain.errors import ErrorKind, RelayError
from studio.protocols.relay_errors import error_from_response, error_in_ok_body
from studio.protocols.transport import parse_json

CLOUDFLARE_502 = b"""<!DOCTYPE html><html><head><title>relay.example | 502: Bad gateway</title>
<style>body{font:13px sans-serif}</style></head><body><div class="cf-error-code">502</div>
<script>var x = 1;</script></body></html>"""
NGINX_504 = (
    b"<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n"
    b"<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>"
)


def _response(
    status: int, body: bytes | dict, content_type: str = "application/json"
) -> httpx.Response:
    content = json.dumps(body).encode() if isinstance(body, dict) else body
    request = httpx.Request("POST", "https://relay.example/v1/images/generations")
    return httpx.Response(
        status, content=content, headers={"content-type": content_type}, request=request
    )


def _no_markup(error: RelayError) -> None:
    for text in (error.message, error.relay_message or ""):
        assert "<" not in text and "{" not in text, text


@pytest.mark.parametrize(
    ("status", "body", "kind", "relay_words"),
    [
        (
            401,
            {
                "error": {
                    "message": "无效的令牌 (request id: 2025)",
                    "type": "new_api_error",
                    "code": "",
                }
            },
            ErrorKind.AUTH,
            "无效的令牌",
        ),
        (
            403,
            {
                "error": {
                    "message": "用户额度不足",
                    "type": "new_api_error",
                    "code": "insufficient_user_quota",
                }
            },
            ErrorKind.QUOTA,
            "额度不足",
        ),
        (
            429,
            {
                "error": {
                    "message": "You exceeded your current quota",
                    "type": "insufficient_quota",
                    "code": "insufficient_quota",
                }
            },
            ErrorKind.QUOTA,
            "exceeded",
        ),
        (
            429,
            {"error": {"message": "Rate limit reached", "code": 429}},
            ErrorKind.RATE_LIMITED,
            "Rate limit",
        ),
        (
            400,
            {
                "error": {
                    "message": "Invalid size",
                    "type": "invalid_request_error",
                    "param": "size",
                    "code": None,
                }
            },
            ErrorKind.BAD_REQUEST,
            "Invalid size",
        ),
        (
            400,
            {
                "error": {
                    "message": "Your request was rejected by the safety system",
                    "code": "content_policy_violation",
                }
            },
            ErrorKind.SAFETY,
            "safety system",
        ),
        (
            503,
            {
                "error": {
                    "message": "当前分组 default 下对于模型 x 无可用渠道",
                    "code": "model_not_found",
                }
            },
            ErrorKind.SERVER,
            "无可用渠道",
        ),
        (
            400,
            {"error": {"message": "model x not found", "code": "model_not_found"}},
            ErrorKind.MODEL_NOT_FOUND,
            "not found",
        ),
        (
            400,
            {"error": {"code": 400, "message": "API key not valid", "status": "INVALID_ARGUMENT"}},
            ErrorKind.BAD_REQUEST,
            "API key not valid",
        ),
        (
            400,
            {"description": "Invalid parameter", "type": "invalid_request", "code": 4},
            ErrorKind.BAD_REQUEST,
            "Invalid parameter",
        ),
        (500, {"error": {"message": "upstream error"}}, ErrorKind.FATE_UNKNOWN, "upstream error"),
        (413, b"Request Entity Too Large", ErrorKind.BAD_REQUEST, "Too Large"),
    ],
)
def test_json_error_shapes(status: int, body: dict, kind: ErrorKind, relay_words: str) -> None:
    error = error_from_response(
        _response(status, body, "application/json" if isinstance(body, dict) else "text/plain")
    )
    assert error.kind is kind
    assert relay_words in (error.relay_message or "")
    assert str(status) in error.message or kind in (ErrorKind.SAFETY, ErrorKind.MODEL_NOT_FOUND)
    _no_markup(error)


@pytest.mark.parametrize(
    ("status", "page", "title"),
    [
        (502, CLOUDFLARE_502, "relay.example | 502: Bad gateway"),
        (504, NGINX_504, "504 Gateway Time-out"),
    ],
)
def test_html_pages_show_status_and_title_never_markup(
    status: int, page: bytes, title: str
) -> None:
    error = error_from_response(_response(status, page, "text/html; charset=UTF-8"))
    assert error.kind is ErrorKind.FATE_UNKNOWN and error.may_be_billed
    assert error.relay_message == f"HTTP {status}: {title}"
    assert "not sent again" in error.message
    _no_markup(error)


def test_html_with_200_is_an_error_not_a_success() -> None:
    with pytest.raises(RelayError) as caught:
        parse_json(
            _response(
                200, b"<html><head><title>Welcome to nginx!</title></head></html>", "text/html"
            )
        )
    assert caught.value.relay_message == "HTTP 200: Welcome to nginx!"
    assert "web page" in caught.value.message


@pytest.mark.parametrize(
    "body",
    [
        {"error": {"message": "upstream failed", "type": "upstream_error"}},
        {"code": "fail", "message": "任务失败", "data": None},
        {"success": False, "message": "no credit"},
    ],
)
def test_200_with_an_error_body(body: dict) -> None:
    error = error_in_ok_body(body)
    assert error is not None and error.relay_message
    with pytest.raises(RelayError):
        parse_json(_response(200, body))


def test_success_shapes_are_not_errors() -> None:
    assert error_in_ok_body({"created": 1, "data": [{"url": "u"}]}) is None
    assert error_in_ok_body({"code": "success", "message": "", "data": "task"}) is None
    assert error_in_ok_body({"code": 1, "description": "提交成功", "result": "1"}) is None


def test_garbage_body_is_cut_short() -> None:
    with pytest.raises(RelayError) as caught:
        parse_json(_response(200, b"\x00\x01garbage" * 200, "application/octet-stream"))
    assert len(caught.value.relay_message or "") <= 300
