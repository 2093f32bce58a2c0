"""Compile the UI translations (.po -> .mo) when the package is built.

Everything else is in pyproject.toml; this file only adds that step to ``build_py``.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):
    """``build_py`` that also writes the compiled message catalogs into the build."""

    def run(self) -> None:
        super().run()
        sys.path.insert(0, os.path.join(os.path.dirname(__file__), "src"))
        from sphinx_advocacy_blog.i18n.message_catalogs import compile_catalogs

        source = os.path.join("src", "sphinx_advocacy_blog", "locale")
        target = os.path.join(self.build_lib, "sphinx_advocacy_blog", "locale")
        compile_catalogs(source, target)


setup(cmdclass={"build_py": BuildWithCatalogs})
