"""Studio: a desktop image studio for OpenAI-compatible relay services."""

__version__ = "0.1.0"
