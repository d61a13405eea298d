"""Fitting one composition to another target (compare, batch): what it cannot take is dropped
with a note, never sent silently and never refused for the whole run.

The plan stays the one rule (:func:`studio.engine.plan.plan_request`): each refusal it gives
for an option is answered by leaving that option out (or bringing a count within the model's
limit) and planning again. What cannot be fitted that way — an empty prompt, a model that
needs more reference images — stays a refusal of that target.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from studio.domain.errors import InputError
from studio.domain.i18n import QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.model_spec import ModelSpec, ProtocolId
from studio.domain.notice import Notice
from studio.domain.request import GenerationRequest
from studio.domain.setting_words import SETTING_WORDS
from studio.engine import params as wire
from studio.engine import plan as rules

MSG_DROPPED = QT_TRANSLATE_NOOP(WARNINGS, "{model} cannot take the {option}: left out for it.")
MSG_LOWERED = QT_TRANSLATE_NOOP(
    WARNINGS, "{model} takes at most {limit} for the {option}: {value} lowered to {limit}."
)
MAX_STEPS = 12  # each step drops one option; a request has fewer options than this

_MASK = {rules.MSG_NO_MASK, rules.MSG_MASK_PROTOCOL, rules.MSG_MJ_MASK, rules.MSG_MARKUP_MASK}
_RATIO = {wire.MSG_NO_RATIOS, wire.MSG_RATIO_UNSUPPORTED}
_RESOLUTION = {
    wire.MSG_NO_RESOLUTIONS,
    wire.MSG_RESOLUTION_UNSUPPORTED,
    wire.MSG_BAD_RESOLUTION,
    wire.MSG_RESOLUTION_IN_NAME,
}
_WORD_TO_FIELD = {word: name for name, word in rules.OPTION_WORDS.items()}
_UNSET: dict[str, Any] = {"n": 1, "references": ()}


def _option_of(error: InputError) -> str | None:
    """Which option of the request this refusal is about, if one is."""
    template = error.template
    if template in _MASK:
        return "mask"
    if template in _RATIO:
        return "ratio"
    if template in _RESOLUTION:
        return "resolution"
    if template == wire.MSG_NO_SIZES:
        return "size"
    if template == rules.MSG_NO_REFS_ALLOWED:
        return "references"
    if template in (rules.MSG_N, rules.MSG_N_NOT_CARRIED, rules.MSG_SVG_N):
        return "n"
    if template == rules.MSG_TOO_MANY_REFS:
        return "references"
    word = error.params.get("option")
    return _WORD_TO_FIELD.get(word) if isinstance(word, str) else None


def _lowered(request: GenerationRequest, option: str, spec: ModelSpec) -> int | None:
    """A count brought within the model's limit, or None when the option must go."""
    if option == "n" and spec.n_max >= 1 and request.n > spec.n_max:
        return spec.n_max
    if option == "references" and 0 < spec.max_refs < len(request.references):
        return spec.max_refs
    return None


def fit_request(
    request: GenerationRequest, spec: ModelSpec, protocol: ProtocolId | None = None
) -> tuple[GenerationRequest, tuple[Notice, ...]]:
    """``request`` for ``spec``'s model (through ``protocol``, else the model's own), the notes
    of what was left out or lowered, or the InputError of what cannot be left out."""
    fitted = replace(request, model=spec.id, protocol=protocol)
    notes: list[Notice] = []
    for _ in range(MAX_STEPS):
        try:
            rules.plan_request(fitted, spec)
            return fitted, tuple(notes)
        except InputError as error:
            option = _option_of(error)
            if option is None:
                raise
            word = SETTING_WORDS.get(option, option)
            limit = _lowered(fitted, option, spec)
            if limit is not None:
                value = fitted.n if option == "n" else len(fitted.references)
                lowered: Any = limit if option == "n" else fitted.references[:limit]
                fitted = replace(fitted, **{option: lowered})
                notes.append(
                    Notice(
                        "option_lowered",
                        MSG_LOWERED,
                        {"model": spec.id, "option": word, "limit": limit, "value": value},
                    )
                )
                continue
            if getattr(fitted, option) in (None, (), _UNSET.get(option)):
                raise  # nothing left to drop: the refusal is about something else
            changes: dict[str, Any] = {option: _UNSET.get(option)}
            if option == "references":  # a mask or an overlay applies to the first reference
                changes.update(mask=None, markup=None)
            fitted = replace(fitted, **changes)
            notes.append(Notice("option_dropped", MSG_DROPPED, {"model": spec.id, "option": word}))
    rules.plan_request(fitted, spec)  # still refused after every step: say why
    return fitted, tuple(notes)
