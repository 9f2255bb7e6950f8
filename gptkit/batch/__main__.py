"""``python -m gptkit.batch``: see ``gptkit.batch._cli``."""

import sys

from gptkit.batch._cli import main

sys.exit(main())
