"""Entry point of the PyInstaller bundle: the same `askel` command as the console script (askel.cli:main)."""

import sys

# The bundle lives in a read-only, signed folder: Alembic loads the migration scripts from source there and
# must not try to write __pycache__ beside them (it would fail, or worse, change a signed folder as admin).
sys.dont_write_bytecode = True

from askel.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
