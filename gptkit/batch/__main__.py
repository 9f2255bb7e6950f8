"""``python -m gptkit.batch``: see ``gptkit.batch._cli``."""

import sys

from gptkit.batch._cli import main

if __name__ == "__main__":
    sys.exit(main())
