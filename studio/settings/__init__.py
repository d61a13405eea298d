"""User settings: relay profiles (``profiles.json``) and their keys (the OS keyring)."""

from studio.settings.profiles import ProfileStore, validate_profile
from studio.settings.secrets import KeyStatus, KeyStore, key_variable, session_only_notice

__all__ = [
    "KeyStatus",
    "KeyStore",
    "ProfileStore",
    "key_variable",
    "session_only_notice",
    "validate_profile",
]
