"""The desktop window (PySide6 widgets). The only package that imports Qt."""
