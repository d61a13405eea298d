"""The request manager: plan, prepare, send, verify, keep; plain Python, no Qt."""
