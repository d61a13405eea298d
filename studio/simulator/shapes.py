"""Bodies the way real relays and their proxies write them: errors, HTML pages, usage."""

from __future__ import annotations

import base64
from enum import StrEnum
from typing import Any

from starlette.responses import HTMLResponse, JSONResponse, Response

RELAY_HOST = "relay.example"
TEXT_ONLY = "I can't draw that, but here is a description: "
# Decodes as base64, but the bytes are a truncated PNG: no image.
GARBAGE_B64 = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR garbage, not an image"
).decode()
_GOOGLE_STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}


class Shape(StrEnum):
    """Which error dialect a route speaks."""

    OPENAI = "openai"
    GOOGLE = "google"
    MJ = "mj"


def error(
    shape: Shape,
    status: int,
    message: str,
    *,
    request_id: str,
    code: str | int | None = None,
    type_: str = "invalid_request_error",
    headers: dict[str, str] | None = None,
    http_status: int | None = None,
    param: str = "",
) -> JSONResponse:
    """An error body in the route's dialect; ``http_status`` overrides the status (error200)."""
    body: dict[str, Any]
    if shape is Shape.GOOGLE:
        body = {
            "error": {
                "code": status,
                "message": message,
                "status": _GOOGLE_STATUS.get(status, "UNKNOWN"),
            }
        }
    elif shape is Shape.MJ:
        body = {
            "description": f"{message} (request id: {request_id})",
            "type": type_,
            "code": code or status,
        }
    else:
        body = {
            "error": {
                "message": f"{message} (request id: {request_id})",
                "type": type_,
                "param": param,
                "code": code,
            }
        }
    return JSONResponse(body, status_code=http_status or status, headers=headers)


def mj_reply(
    code: int, description: str, result: str | None = None, **properties: Any
) -> JSONResponse:
    """Midjourney-proxy's submit answer: HTTP 200 whatever ``code`` says."""
    return JSONResponse(
        {"code": code, "description": description, "result": result, "properties": properties}
    )


def cloudflare_page(status: int, title: str) -> HTMLResponse:
    page = f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8" />
<title>{RELAY_HOST} | {status}: {title}</title></head>
<body><div id="cf-wrapper"><h1><span>{title}</span> <span>Error code {status}</span></h1>
<p>Visit <a href="https://www.cloudflare.com/5xx-error-landing">cloudflare.com</a>
for more information.</p>
<p>Cloudflare Ray ID: <strong>8f1e2d3c4b5a6978</strong></p></div></body></html>
"""
    return HTMLResponse(
        page, status_code=status, headers={"Server": "cloudflare", "CF-RAY": "8f1e2d3c4b5a6978-SJC"}
    )


def nginx_page(status: int, title: str) -> HTMLResponse:
    page = (
        f"<html>\r\n<head><title>{status} {title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{status} {title}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    )
    return HTMLResponse(page, status_code=status, headers={"Server": "nginx"})


def s3_error(status: int, code: str, message: str) -> Response:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{code}</Code><Message>{message}</Message>"
        "<RequestId>5F1A2B3C4D5E6F70</RequestId><HostId>relay-files</HostId></Error>"
    )
    return Response(body, status_code=status, media_type="application/xml")


def image_usage(prompt: str, ref_count: int, sizes: list[tuple[int, int]]) -> dict[str, Any]:
    """gpt-image's ``usage``: input (text + reference images) and output tokens."""
    text_tokens = max(1, len(prompt) // 4)
    image_tokens = 272 * ref_count
    output_tokens = sum(max(1, w * h // 1024) for w, h in sizes)
    return {
        "total_tokens": text_tokens + image_tokens + output_tokens,
        "input_tokens": text_tokens + image_tokens,
        "output_tokens": output_tokens,
        "input_tokens_details": {"text_tokens": text_tokens, "image_tokens": image_tokens},
    }
