"""``python -m gptkit``: the command line (see ``gptkit --help``)."""

import sys

from gptkit.cli import main

sys.exit(main())
