"""Everything that is not paid work: ``/v1/models``, served files, ``/_sim/*`` controls, 404s."""

from __future__ import annotations

import time

from starlette.responses import JSONResponse, Response

from studio.simulator import personalities, shapes
from studio.simulator.bodies import with_body_faults
from studio.simulator.call import Call, DroppedResponse, endpoint

_MODELS_CREATED = 1_700_000_000


@endpoint("models")
async def models(call: Call) -> Response:
    call.require_auth()
    await call.begin({"models"})
    if call.faults.has("401"):
        raise call.fail(401, "Invalid token: the API key is not valid", code="invalid_api_key")
    catalog = call.state.catalog
    data = [
        {
            "id": name,
            "object": "model",
            "owned_by": catalog.get(name).family,
            "created": _MODELS_CREATED,
        }
        for name in personalities.listed_models(call.state, catalog.ids())
    ]
    return JSONResponse({"object": "list", "data": data})


@endpoint("download")
async def download(call: Call) -> Response:
    """A result URL, like a presigned S3/OSS link: no credentials, expires."""
    await call.begin({"download"})
    file_id = call.request.path_params["name"].partition(".")[0]
    stored = call.state.file(file_id)
    if stored is None:
        return shapes.s3_error(404, "NoSuchKey", "The specified key does not exist.")
    if call.faults.has("expired-url") or stored.expires_at < time.monotonic():
        return shapes.s3_error(403, "AccessDenied", "Request has expired")
    if call.faults.has("download-500"):
        return shapes.s3_error(500, "InternalError", "We encountered an internal error.")
    response = Response(stored.data, media_type=stored.mime)
    if call.faults.has("download-reset"):
        return DroppedResponse(response.body, 200, dict(response.headers))
    return with_body_faults(response, call.faults)


@endpoint("control")
async def get_faults(call: Call) -> Response:
    return JSONResponse({"faults": call.state.fault_plan()})


@endpoint("control")
async def set_faults(call: Call) -> Response:
    body = await call.read_json()
    plan = body.get("faults", "")
    if not isinstance(plan, str):
        raise call.bad_request("faults must be a string like '500*1,latency=0.5'")
    try:
        call.state.set_faults(plan)
    except ValueError as exc:
        raise call.bad_request(str(exc), code="bad_fault_plan") from None
    return JSONResponse({"faults": call.state.fault_plan()})


@endpoint("control")
async def clear_faults(call: Call) -> Response:
    call.state.clear_faults()
    return JSONResponse({"faults": ""})


def _personalities(call: Call) -> JSONResponse:
    state = call.state
    return JSONResponse(
        {"personalities": sorted(state.personalities), "cloudflare_cut": state.cloudflare_cut}
    )


@endpoint("control")
async def get_personalities(call: Call) -> Response:
    return _personalities(call)


@endpoint("control")
async def set_personalities(call: Call) -> Response:
    """``{"personalities": "a,b" | ["a", "b"], "cloudflare_cut": seconds}`` (both optional)."""
    body = await call.read_json()
    names = body.get("personalities", sorted(call.state.personalities))
    cut = body.get("cloudflare_cut")
    if not isinstance(names, str | list):
        raise call.bad_request("personalities must be a string like 'strict-params,url-object'")
    if cut is not None and (isinstance(cut, bool) or not isinstance(cut, int | float)):
        raise call.bad_request("cloudflare_cut must be a number of seconds")
    try:
        call.state.set_personalities(names, cloudflare_cut=cut)
    except ValueError as exc:
        raise call.bad_request(str(exc), code="bad_personality") from None
    return _personalities(call)


@endpoint("control")
async def clear_personalities(call: Call) -> Response:
    call.state.set_personalities(())
    return _personalities(call)


@endpoint("control")
async def log(call: Call) -> Response:
    return JSONResponse([entry.to_dict() for entry in call.state.log()])


@endpoint("control")
async def stats(call: Call) -> Response:
    return JSONResponse(call.state.stats())


@endpoint("control", logged=False)
async def reset(call: Call) -> Response:
    call.state.reset()
    return JSONResponse({"reset": True})


@endpoint("unknown")
async def not_found(call: Call) -> Response:
    raise call.fail(404, f"Invalid URL ({call.request.method} {call.request.url.path})", code="")
