"""``python -m gptkit.batch ARGS``: the same command as ``gptkit batch ARGS``."""

import sys

from gptkit.cli import main

if __name__ == "__main__":
    sys.exit(main(["batch", *sys.argv[1:]]))
