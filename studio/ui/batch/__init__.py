"""The Batch dialog: many prompts (typed, a template with variables, or a file) sent as one run."""
