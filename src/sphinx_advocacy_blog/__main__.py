"""``python -m sphinx_advocacy_blog COMMAND ...`` (see :mod:`sphinx_advocacy_blog.cli`)."""

from __future__ import annotations

import sys

from .cli.main import main

if __name__ == "__main__":
    sys.exit(main())
