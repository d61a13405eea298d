"""The prompt library in the window: ``/`` in the prompt, save a prompt, the library's manager."""
