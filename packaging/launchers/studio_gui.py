"""Entry script of the bundle's ``studio`` launcher (the window)."""

import sys

from _environment import restore_user_environment

restore_user_environment()

from studio.app import main  # noqa: E402

sys.exit(main())
