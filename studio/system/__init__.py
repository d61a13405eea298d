"""The ground floor beside studio.domain: small helpers over what the operating system gives.

Result files written durably (``files``) and worker threads at a lower priority (``workers``).
Used by the store, the engine and the window alike; imports nothing of the studio.
"""
