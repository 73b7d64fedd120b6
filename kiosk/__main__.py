"""`python -m kiosk` and the `ventanilla` console script."""

from __future__ import annotations

import sys

from kiosk.cli import main as _main


def main() -> int:
    return _main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
