"""SQLite history, content-addressed image files and the result journal."""
