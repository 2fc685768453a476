"""`python -m census_core`: the command line."""

import sys

from census_core.cli import main

sys.exit(main())
