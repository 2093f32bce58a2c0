"""ABlog's ``conf.py`` options, read with ABlog's meaning.

Two ABlog options clash with this extension's: ``blog_path`` is the posts folder here
(Docusaurus's ``path``) but the URL of the blog index in ABlog, and ``blog_authors`` maps
keys to ``(name, url)`` tuples in ABlog. So that an ABlog ``conf.py`` works unchanged:

* in an ABlog project (``blog_post_pattern`` is set, or no folder ``blog_path`` exists),
  ``blog_path`` also sets the index URL, unless ``blog_route_base_path`` was changed;
* ``blog_authors`` tuples become ``{name, url}`` mappings.

Both happen once, at ``config-inited``, before the options are validated. ABlog's other
options are either options of this extension too (``blog_locations``, ``post_auto_excerpt``
...), carried over to the option that does the same here (``blog_feed_fulltext`` ->
``blog_feed_full_content``), or named in one warning ``blog.ablog`` each, saying what
becomes of them: none is ignored without a word.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..config import conf_values, is_ablog_project
from ..diagnostics import WARNING_TYPE, logger
from ..readers.ablog import ablog_author, ablog_route

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

DEFAULT_ROUTE = "blog"


def apply_ablog_options(config: Config, srcdir: str) -> None:
    """Give ABlog's ``blog_path`` and ``blog_authors`` their ABlog meaning (see above)."""
    route = str(config.blog_route_base_path)
    config.blog_route_base_path = ablog_route(
        str(config.blog_path),
        route,
        default_route=DEFAULT_ROUTE,
        ablog_project=is_ablog_project(srcdir, config),
    )
    authors = config.blog_authors
    if isinstance(authors, dict) and any(not isinstance(v, dict) for v in authors.values()):
        config.blog_authors = {
            key: converted if (converted := ablog_author(value)) is not None else value
            for key, value in authors.items()
        }


#: ABlog options with an option of this extension that does the same, and how the value
#: carries over: ``(ABlog's name, our name, value -> our value)``; applied when ``conf.py``
#: sets ABlog's option and not ours.
CARRIED_OVER: tuple[tuple[str, str, Callable[[Any], Any]], ...] = (
    ("blog_feed_archives", "blog_feed_per_tag", bool),
    ("blog_feed_archives", "blog_feed_per_author", bool),
    ("blog_feed_fulltext", "blog_feed_full_content", bool),
    ("blog_feed_subtitle", "blog_description", lambda value: str(value or "")),
)
#: Options of the ``ablog`` command (not of the Sphinx extension).
ABLOG_COMMAND_OPTIONS = (
    "ablog_builder",
    "ablog_website",
    "ablog_doctrees",
    "ablog_builddir",
    "github_pages",
    "github_url",
    "github_branch",
)
#: Feeds ABlog wrote by default (``blog_feed_templates = {"atom": {}}``).
_DEFAULT_FEED_TEMPLATES: dict[str, Any] = {"atom": {}}


def ablog_option_notes(values: dict[str, Any]) -> list[tuple[str, str]]:
    """``(option, sentence)`` for each ABlog option (or group) in *values* that this
    extension does not use as ABlog did (pure): what becomes of it."""
    notes: list[tuple[str, str]] = []
    templates = values.get("blog_feed_templates", _DEFAULT_FEED_TEMPLATES)
    if templates != _DEFAULT_FEED_TEMPLATES:
        others = [f"{name}.xml" for name in templates if name != "atom"]
        lost = "the Jinja templates of feed entries"
        if others:
            lost += f" and the feed files {', '.join(others)}"
        notes.append(
            (
                "blog_feed_templates",
                f"blog_feed_templates: {lost} are not carried over. The blog's feeds are "
                "atom.xml, rss.xml and feed.json (blog_feed_formats), each entry with the "
                "post's title, summary and content",
            )
        )
    if values.get("blog_archive_titles"):
        notes.append(
            (
                "blog_archive_titles",
                "blog_archive_titles is not carried over: list pages show each post's excerpt; "
                "the archive page lists titles only",
            )
        )
    if values.get("post_auto_orphan", True) is False:
        notes.append(
            (
                "post_auto_orphan",
                "post_auto_orphan = False is not carried over: posts are never in a toctree",
            )
        )
    if "post_redirect_refresh" in values:
        notes.append(
            (
                "post_redirect_refresh",
                "post_redirect_refresh is not carried over: redirect pages send readers on at once "
                "(and tell search engines where the page is now)",
            )
        )
    if values.get("post_always_section"):
        notes.append(
            (
                "post_always_section",
                "post_always_section is not carried over: a document's first 'post' directive "
                "makes the document a post, titled by its first heading (its later directives "
                "make section posts, as in ABlog)",
            )
        )
    if values.get("skip_injecting_base_ablog_templates"):
        notes.append(
            (
                "skip_injecting_base_ablog_templates",
                "skip_injecting_base_ablog_templates is not carried over: the ablog/*.html "
                "sidebars are drawn by this extension (a theme's own ablog/*.html would need "
                "ABlog itself); templates of these names in templates_path still win",
            )
        )
    disqus = [
        name for name in ("disqus_shortname", "disqus_pages", "disqus_drafts") if values.get(name)
    ]
    if disqus:
        notes.append(
            (
                disqus[0],
                f"{', '.join(disqus)}: comments are not carried over. Disqus loads a third party "
                "on every page; readers on watched networks would be tracked. Link to a "
                "discussion elsewhere, or add comments in the theme's templates",
            )
        )
    icons = [
        name
        for name in ("fontawesome_link_cdn", "fontawesome_css_file", "fontawesome_included")
        if values.get(name)
    ]
    if icons:
        notes.append(
            (
                icons[0],
                f"{', '.join(icons)}: not used; the blog's pages and sidebars use text labels, "
                "not Font Awesome icons, and load no icon font",
            )
        )
    command = [name for name in ABLOG_COMMAND_OPTIONS if name in values]
    if command:
        notes.append(
            (
                command[0],
                f"{', '.join(command)}: settings of the 'ablog' command, which is not used here; "
                "build with 'sphinx-build' or 'python -m sphinx_advocacy_blog build' "
                "(-b dirhtml for ablog_builder = 'dirhtml') and deploy the output folder",
            )
        )
    return notes


def carry_over(config: Config, values: dict[str, Any]) -> None:
    """Set our options from ABlog's where ``conf.py`` set ABlog's and not ours."""
    for ablog_name, name, convert in CARRIED_OVER:
        if ablog_name in values and name not in values and values[ablog_name] is not None:
            setattr(config, name, convert(values[ablog_name]))
    if values.get("blog_feed_titles") and "blog_feed_full_content" not in values:
        # ABlog: entries without content (titles and summaries).
        config.blog_feed_full_content = False
    length = values.get("blog_feed_length", 0)
    if "blog_feed_length" in values and length is None:
        # ABlog: None is every post.
        config.blog_feed_length = ALL_POSTS


#: ``blog_feed_length = None`` (ABlog: every post in the feed).
ALL_POSTS = 1_000_000


def _on_config_inited(app: Sphinx, config: Config) -> None:
    apply_ablog_options(config, str(app.srcdir))
    values = conf_values(config)
    carry_over(config, values)
    notes = ablog_option_notes(values)
    if not notes:
        return
    path = os.path.join(app.confdir, "conf.py")
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        lines = []
    for name, note in notes:
        line = next(
            (number for number, text in enumerate(lines, 1) if re.match(rf"{name}\s*=", text)),
            1,
        )
        logger.warning(note, type=WARNING_TYPE, subtype="ablog", location=f"{path}:{line}")


#: The suffixes this extension reads that an ABlog site without MyST never read.
_MARKDOWN_SUFFIXES = (".md", ".mdx")
#: Extensions with which an ABlog site read Markdown files itself.
_MARKDOWN_EXTENSIONS = ("myst_parser", "myst_nb", "recommonmark", "sphinx_markdown_parser")


def _declared_suffixes(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    return {str(suffix) for suffix in value or ()}


def keep_declared_source_suffix(app: Sphinx, config: Config) -> None:
    """An ABlog site that names its sources (``source_suffix = ".rst"``) and loads no
    Markdown reader read no Markdown file with ABlog: its ``.md`` files (a README, drafts
    beside the reST posts) stay files, not pages that would take a post's place."""
    values = conf_values(config)
    if "source_suffix" not in values or not is_ablog_project(str(app.srcdir), config):
        return
    if any(name in _MARKDOWN_EXTENSIONS for name in values.get("extensions", ())):
        return
    declared = _declared_suffixes(values["source_suffix"])
    for suffix in _MARKDOWN_SUFFIXES:
        if suffix not in declared:
            config.source_suffix.pop(suffix, None)
    app.registry.source_suffix = config.source_suffix


#: ABlog's page templates: sites that restyled ABlog's list pages override them.
ABLOG_PAGE_TEMPLATES = ("ablog/catalog.html", "ablog/collection.html")


def unused_page_templates(confdir: str, templates_path: Iterable[str]) -> list[str]:
    """The site's own ABlog page templates (paths), which the list pages here do not use."""
    found = []
    for folder in templates_path:
        for name in ABLOG_PAGE_TEMPLATES:
            path = os.path.join(confdir, folder, name)
            if os.path.isfile(path):
                found.append(path)
    return found


def _warn_unused_page_templates(app: Sphinx) -> None:
    """``builder-inited``: a site's own ``ablog/collection.html`` or ``catalog.html`` is
    named, once, with where the list pages' templates are."""
    if not is_ablog_project(str(app.srcdir), app.config):
        return
    for path in unused_page_templates(str(app.confdir), app.config.templates_path):
        name = "/".join(path.replace(os.sep, "/").split("/")[-2:])
        logger.warning(
            f"{name}: the blog's list pages (index, tags, categories, archive...) are drawn "
            "by this extension and do not use this template; restyle them by overriding "
            "its advocacy_blog/*.html templates (see the themes page of the docs)",
            type=WARNING_TYPE,
            subtype="ablog",
            location=f"{path}:1",
        )


def setup_ablog_options(app: Sphinx) -> None:
    """Read ABlog's options the ABlog way (before the options are validated)."""
    app.connect("config-inited", _on_config_inited, priority=90)
    # After Sphinx adds the suffixes extensions registered (priority 800).
    app.connect("config-inited", keep_declared_source_suffix, priority=850)
    app.connect("builder-inited", _warn_unused_page_templates)
