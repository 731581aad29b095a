import sys

from askel.cli import main

sys.exit(main())
