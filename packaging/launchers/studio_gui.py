"""Entry script of the bundle's ``studio`` launcher (the window)."""


from _environment import restore_user_environment

restore_user_environment()

from studio.app import launch  # noqa: E402

launch()
