"""ABlog's ``conf.py`` options, read with ABlog's meaning.

Two ABlog options clash with this extension's: ``blog_path`` is the posts folder here
(Docusaurus's ``path``) but the URL of the blog index in ABlog, and ``blog_authors`` maps
keys to ``(name, url)`` tuples in ABlog. So that an ABlog ``conf.py`` works unchanged:

* in an ABlog project (``blog_post_pattern`` is set, or no folder ``blog_path`` exists),
  ``blog_path`` also sets the index URL, unless ``blog_route_base_path`` was changed;
* ``blog_authors`` tuples become ``{name, url}`` mappings.

Both happen once, at ``config-inited``, before the options are validated.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..readers.ablog import ablog_author, ablog_route
from ..util.globs import normalize_patterns

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

DEFAULT_ROUTE = "blog"


def is_ablog_project(srcdir: str, blog_path: str, post_pattern: Any) -> bool:
    """Whether ``conf.py`` reads like ABlog's: a post pattern, or ``blog_path`` no folder."""
    if normalize_patterns(post_pattern):
        return True
    folder = str(blog_path).strip("/")
    return bool(folder) and not os.path.isdir(os.path.join(srcdir, folder))


def apply_ablog_options(config: Config, srcdir: str) -> None:
    """Give ABlog's ``blog_path`` and ``blog_authors`` their ABlog meaning (see above)."""
    route = str(config.blog_route_base_path)
    config.blog_route_base_path = ablog_route(
        str(config.blog_path),
        route,
        default_route=DEFAULT_ROUTE,
        ablog_project=is_ablog_project(srcdir, config.blog_path, config.blog_post_pattern),
    )
    authors = config.blog_authors
    if isinstance(authors, dict) and any(not isinstance(v, dict) for v in authors.values()):
        config.blog_authors = {
            key: converted if (converted := ablog_author(value)) is not None else value
            for key, value in authors.items()
        }


def _on_config_inited(app: Sphinx, config: Config) -> None:
    apply_ablog_options(config, str(app.srcdir))


def setup_ablog_options(app: Sphinx) -> None:
    """Read ABlog's options the ABlog way (before the options are validated)."""
    app.connect("config-inited", _on_config_inited, priority=90)
