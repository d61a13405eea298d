""" "Variations": more images like a finished one, in the way its model can make them."""

from __future__ import annotations

from dataclasses import replace

from studio.domain.model_spec import ModelSpec, Operation
from studio.domain.request import GenerationRequest, Reference


def variation_request(
    request: GenerationRequest, image: Reference, spec: ModelSpec
) -> GenerationRequest:
    """The request for variations of ``image``, made by ``request`` with the model ``spec``.

    A model with a variations operation (dall-e-2) gets the image alone; a model that takes
    references gets the same prompt and settings with the image as the only reference; any
    other model runs the same prompt again with a fresh seed.
    """
    base = replace(request, mask=None, midjourney=None, seed=None, operation=None, references=())
    if Operation.VARIATION in spec.operations:
        return replace(base, operation=Operation.VARIATION, references=(image,))
    if spec.max_refs > 0 and Operation.EDIT in spec.operations:
        return replace(base, references=(image,))
    return base
