"""Plain data types shared by every layer. No IO, no Qt."""

from studio.domain.errors import ErrorKind, InputError, RelayError, StudioError
from studio.domain.job import Job, JobState
from studio.domain.model_spec import (
    MaskStyle,
    ModelSpec,
    Operation,
    ProtocolId,
    RatioVia,
    RefsVia,
    UploadLimits,
)
from studio.domain.profile import AsyncOptions, AuthStyle, Profile
from studio.domain.request import GenerationRequest, Mask, MidjourneyAction, Reference
from studio.domain.results import ImageResult, Usage

__all__ = [
    "AsyncOptions",
    "AuthStyle",
    "ErrorKind",
    "GenerationRequest",
    "ImageResult",
    "InputError",
    "Job",
    "JobState",
    "Mask",
    "MaskStyle",
    "MidjourneyAction",
    "ModelSpec",
    "Operation",
    "Profile",
    "ProtocolId",
    "RatioVia",
    "Reference",
    "RefsVia",
    "RelayError",
    "StudioError",
    "UploadLimits",
    "Usage",
]
