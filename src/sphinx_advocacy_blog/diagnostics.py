"""Warnings: every problem is a Sphinx warning of type ``blog`` with a subtype.

Users silence a kind with ``suppress_warnings = ["blog.author"]``; ``-W`` turns them into
errors. Subtypes in use:

``yaml``, ``frontmatter``, ``encoding``, ``date``, ``author``, ``authors``, ``tags``,
``url``, ``image``, ``slug``, ``duplicate``, ``redirect``, ``draft``, ``truncate``, ``seo``,
``i18n``, ``config``, ``path``, ``ablog``, ``event``, ``series``, ``link``, ``mdx``,
``remote_media``, ``embed``, ``social_card``. ``docs/warnings.md`` explains each one to the
people who write posts.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sphinx.util import logging

from .model.problem import Problem

if TYPE_CHECKING:
    from sphinx.application import Sphinx

WARNING_TYPE = "blog"

logger = logging.getLogger("sphinx_advocacy_blog")


def report(app: Sphinx, problems: Iterable[Problem]) -> None:
    """Log each problem as a warning located at its file and line."""
    report_in(str(app.srcdir), problems)


def report_in(srcdir: str, problems: Iterable[Problem]) -> None:
    """:func:`report`, for code that has the source folder rather than the application
    (a transform)."""
    for problem in problems:
        location = None
        if problem.path:
            # A "path:line" string is printed as it is; a tuple would be read as a docname.
            location = f"{os.path.join(srcdir, problem.path)}:{problem.line or 1}"
        logger.warning(
            problem.message,
            type=WARNING_TYPE,
            subtype=problem.subtype,
            location=location,
        )


def report_at(subtype: str, message: str, location: str) -> None:
    """Log a problem found while a document is parsed, at *location* (``path:line``, as
    a directive's ``get_location()`` gives it)."""
    logger.warning(message, type=WARNING_TYPE, subtype=subtype, location=location)
