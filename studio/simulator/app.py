"""The simulated relay as one Starlette app."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import Route

from studio.simulator import billing, chat, control, gemini, images, midjourney, tasks
from studio.simulator.state import SimState

_ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


def create_app(state: SimState | None = None) -> Starlette:
    app = Starlette(
        routes=[
            Route("/v1/images/generations", images.generations, methods=["POST"]),
            Route("/v1/images/edits", images.edits, methods=["POST"]),
            Route("/v1/images/variations", images.variations, methods=["POST"]),
            Route("/v1/images/tasks/{task_id}", tasks.poll, methods=["GET"]),
            Route("/v1/images/generations/{task_id}", tasks.poll_generation, methods=["GET"]),
            Route("/v1/tasks/{task_id}", tasks.poll_v1, methods=["GET"]),
            Route("/v1beta/models/{target}", gemini.generate_content, methods=["POST"]),
            Route("/v1/chat/completions", chat.completions, methods=["POST"]),
            Route("/v1/models", control.models, methods=["GET"]),
            Route("/v1/dashboard/billing/subscription", billing.subscription, methods=["GET"]),
            Route("/v1/dashboard/billing/usage", billing.usage, methods=["GET"]),
            Route("/mj/submit/imagine", midjourney.imagine, methods=["POST"]),
            Route("/mj/submit/blend", midjourney.blend, methods=["POST"]),
            Route("/mj/submit/describe", midjourney.describe_image, methods=["POST"]),
            Route("/mj/submit/action", midjourney.action, methods=["POST"]),
            Route("/mj/submit/change", midjourney.change, methods=["POST"]),
            Route("/mj/submit/modal", midjourney.modal, methods=["POST"]),
            Route("/mj/task/{task_id}/fetch", midjourney.fetch, methods=["GET"]),
            Route("/mj/task/list-by-condition", midjourney.list_by_condition, methods=["POST"]),
            Route("/files/{name}", control.download, methods=["GET"]),
            Route("/_sim/faults", control.get_faults, methods=["GET"]),
            Route("/_sim/faults", control.set_faults, methods=["POST"]),
            Route("/_sim/faults", control.clear_faults, methods=["DELETE"]),
            Route("/_sim/personalities", control.get_personalities, methods=["GET"]),
            Route("/_sim/personalities", control.set_personalities, methods=["POST"]),
            Route("/_sim/personalities", control.clear_personalities, methods=["DELETE"]),
            Route("/_sim/log", control.log, methods=["GET"]),
            Route("/_sim/stats", control.stats, methods=["GET"]),
            Route("/_sim/reset", control.reset, methods=["POST"]),
            Route("/{path:path}", control.not_found, methods=_ALL_METHODS),
        ]
    )
    app.state.sim = state if state is not None else SimState()
    return app
