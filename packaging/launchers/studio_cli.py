"""Entry script of the bundle's ``studio-cli`` launcher (the terminal tool)."""

from _environment import restore_user_environment

restore_user_environment()

from studio.cli import run  # noqa: E402

run()
