"""sphinx-advocacy-blog: a Docusaurus-compatible blog inside a Sphinx site.

Add ``"sphinx_advocacy_blog"`` to ``extensions`` in ``conf.py``. Each feature lives in its
own module with its own ``setup_*`` function; this file only wires them together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Bump when the data stored in the Sphinx environment changes shape.
ENV_VERSION = 2

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the extension with Sphinx."""
    from . import (
        checks,
        cleanup,
        collector,
        config,
        directives,
        discovery,
        excerpts,
        feeds,
        i18n,
        media,
        migration,
        outputstate,
        pages,
        postpage,
        reading,
        redirects,
        sanitize,
        seo,
        sidebars,
        site,
        translation,
    )

    app.setup_extension("myst_parser")
    # sphinx-design is not loaded for the site: its CSS and JavaScript (62 KB) would reach
    # every page. Cards use their own styles, or sphinx-design's when the site loads it.
    config.setup_config(app)
    migration.setup_migration(app)
    i18n.setup_i18n(app)
    site.setup_site(app)
    discovery.setup_discovery(app)
    reading.setup_reading(app)
    sanitize.setup_sanitize(app)
    collector.setup_collector(app)
    postpage.setup_post_page(app)
    excerpts.setup_excerpts(app)
    media.setup_media(app)
    cleanup.setup_cleanup(app)
    outputstate.setup_output_state(app)
    checks.setup_checks(app)
    pages.setup_pages(app)
    directives.setup_directives(app)
    sidebars.setup_sidebars(app)
    translation.setup_translation(app)
    seo.setup_seo(app)
    feeds.setup_feeds(app)
    redirects.setup_redirects(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
