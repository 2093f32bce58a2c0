"""sphinx-advocacy-blog: a Docusaurus-compatible blog inside a Sphinx site.

Add ``"sphinx_advocacy_blog"`` to ``extensions`` in ``conf.py``. The package is built in
layers, each a subpackage that imports only the layers below it (``CONTRIBUTING.md``)::

    cli/        build (all locales), check, new              <- the command line
    migrate/    old URLs, redirect pages, ABlog's options
    feeds/      RSS, Atom, JSON Feed
    seo/ media/ directives/   head tags, sitemap; covers; postlist & co.
    pages/      list pages, post pages, sidebars, templates, links
    env/        discovery, reading, the environment's records, per-build state
    readers/ i18n/  pure readers of posts and data files; UI strings and locales
    model/      Post, Author, Tag, the site, its catalog and routes
    config/     the one option table
    util/       URLs, slugs, globs, files

:func:`setup` only wires each feature's ``setup_*`` function, in an order that matters
where two features handle the same event (a post page is filled before its listings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import ENV_VERSION, __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["ENV_VERSION", "__version__", "setup"]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the extension with Sphinx."""
    from .config import setup_config
    from .directives.ablog import setup_ablog_directives
    from .directives.admonitions import setup_admonitions
    from .directives.campaigns import setup_campaign_directives
    from .directives.code import setup_code
    from .directives.cta import setup_cta
    from .directives.language_switcher import setup_language_switcher
    from .directives.listings import setup_listings
    from .directives.mdx import setup_mdx
    from .env.ablog_posts import setup_ablog_posts
    from .env.body_links import setup_body_links
    from .env.build_state import setup_build_state
    from .env.clock import setup_clock
    from .env.collector import setup_collector
    from .env.consistency import setup_consistency
    from .env.discovery import setup_discovery
    from .env.git_dates import setup_git_dates
    from .env.headings import setup_headings
    from .env.memory import setup_memory
    from .env.noindex import setup_noindex
    from .env.output_state import setup_output_state
    from .env.post_structure import setup_post_structure
    from .env.reading import setup_reading
    from .env.sanitize import setup_sanitize
    from .env.site_data import setup_site_data
    from .feeds.calendar import setup_calendars
    from .feeds.writer import setup_feeds
    from .i18n.translate import setup_i18n
    from .media.covers import setup_covers
    from .media.embeds import setup_embeds
    from .media.html_files import setup_html_files
    from .media.page_assets import setup_page_assets
    from .media.responsive import setup_responsive
    from .migrate.ablog_labels import setup_ablog_labels
    from .migrate.ablog_options import setup_ablog_options
    from .migrate.redirect_pages import setup_redirect_pages
    from .pages.ablog_context import setup_ablog_context
    from .pages.excerpts import setup_excerpts
    from .pages.images import setup_images
    from .pages.language import setup_language
    from .pages.links import setup_links
    from .pages.list_pages import setup_list_pages
    from .pages.navigation import setup_navigation
    from .pages.post_page import setup_post_page
    from .pages.removed_posts import setup_removed_posts
    from .pages.render import setup_render
    from .pages.share import setup_share
    from .pages.sidebars import setup_sidebars
    from .seo.head import setup_head
    from .seo.sitemap import setup_sitemap

    # MyST reads the Markdown posts; an extension loaded before this one that reads `.md`
    # with MyST already (MyST-NB) set it up, and loading it again would stop the build.
    if ".md" not in app.registry.source_suffix:
        app.setup_extension("myst_parser")
    # sphinx-design is not loaded for the site: its CSS and JavaScript (62 KB) would reach
    # every page. Cards use their own styles, or sphinx-design's when the site loads it.
    features = (
        # conf.py: ABlog's meaning of its options is applied before the options are checked.
        setup_config,
        setup_ablog_options,
        setup_i18n,
        # The build date, before discovery holds back the posts dated after it.
        setup_clock,
        # The read phase: which files are posts, how they are read, what is kept.
        setup_site_data,
        setup_discovery,
        setup_reading,
        setup_ablog_directives,
        setup_ablog_posts,
        setup_post_structure,
        setup_headings,
        setup_body_links,
        setup_admonitions,
        setup_code,
        setup_mdx,
        setup_cta,
        setup_sanitize,
        setup_collector,
        setup_memory,
        # The write phase. The post page's header and footer are filled (and its excerpt
        # kept) before the listings and language switchers of that page are.
        setup_post_page,
        setup_render,
        # Images are described and planned (priority 450) before the excerpt is kept.
        setup_images,
        setup_excerpts,
        setup_share,
        setup_covers,
        setup_responsive,
        setup_embeds,
        setup_html_files,
        setup_page_assets,
        setup_removed_posts,
        setup_output_state,
        setup_consistency,
        setup_build_state,
        setup_list_pages,
        setup_listings,
        setup_campaign_directives,
        setup_sidebars,
        setup_ablog_context,
        setup_language_switcher,
        setup_language,
        setup_navigation,
        setup_links,
        setup_noindex,
        setup_git_dates,
        setup_head,
        setup_sitemap,
        setup_feeds,
        setup_ablog_labels,
        setup_calendars,
        # Last: redirect pages never take the place of a page written by this build.
        setup_redirect_pages,
    )
    for setup_feature in features:
        setup_feature(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
