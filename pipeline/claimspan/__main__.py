"""``python -m claimspan``: the command line, as the ``claimspan`` script."""
import sys

from claimspan.cli import main

sys.exit(main())
