"""The read phase of a post: source text -> ``Post`` record + the MyST text Sphinx parses.

At ``source-read`` the raw text goes to the pure reader (``readers/``); the ``Post`` waits
in ``env.temp_data`` for the collector and the transforms (:mod:`.post_structure`), and
MyST gets the converted text. Docutils is told the build's language here too.
"""

from __future__ import annotations

import importlib
import logging
import os
import posixpath
from dataclasses import replace
from typing import TYPE_CHECKING

from ..diagnostics import report
from ..model.post import Post
from ..model.problem import Problem
from ..readers.docusaurus import read_post
from ..readers.frontmatter import forget_peeked
from ..readers.settings import MdxSettings, ReadSettings
from ..util.files import find_source_file, svg_activity
from ..util.globs import normalize_patterns
from ..util.processes import mark_build_process, note_read
from ..util.urls import is_absolute_url
from .discovery import is_ablog_post, is_post, post_source
from .git_dates import post_date_fallback
from .records import READING_KEY, TEXT_KEY
from .site_data import get_site

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    env = app.env
    if not is_post(env, docname):
        return
    site = get_site(app)
    source_path = post_source(env, docname)
    blog_relative = source_path[len(site.settings.path) + 1 :]
    read_path = str(env.doc2path(docname, False))
    parsed = read_post(
        read_path,
        blog_relative,
        source[0],
        ReadSettings(
            route=site.settings.route,
            words_per_minute=site.settings.words_per_minute,
            locale=app.config.language or "",
            url_pattern=site.settings.post_url,
            date_formats=(site.settings.post_date_format,),
            ablog=is_ablog_post(env, docname),
            ablog_defaults=(
                ("author", tuple(normalize_patterns(app.config.blog_default_author))),
                ("location", tuple(normalize_patterns(app.config.blog_default_location))),
                ("language", tuple(normalize_patterns(app.config.blog_default_language))),
            ),
            mermaid="sphinxcontrib.mermaid" in app.extensions,
            mdx=MdxSettings(
                components=tuple(sorted(site.settings.mdx_components.items())),
                design="sphinx_design" in app.extensions,
            ),
        ),
        fallback_date=lambda: post_date_fallback(app, os.path.join(app.srcdir, source_path)),
    )
    post = parsed.post
    if post.docname != docname:
        # A duplicate permalink keeps the post at its source path (see discovery).
        post = replace(post, docname=docname, permalink=docname)
    if (
        site.settings.truncate_warning_words
        and not post.has_truncate_marker
        and post.word_count > site.settings.truncate_warning_words
    ):
        parsed.problems.append(
            Problem(
                "truncate",
                f"this post has {post.word_count} words and no <!-- truncate --> marker, so "
                "list pages cut it where blog_excerpt_words says (or show all of it); add the "
                "marker where the excerpt should end",
                read_path,
                1,
            )
        )
    if read_path != source_path and post.image and not post.image.startswith("/"):
        post = _cover_from_source_folder(post, str(app.srcdir), read_path, source_path)
    if post.image and not is_absolute_url(post.image):
        post, problem = _checked_cover(app, post, read_path)
        if problem is not None:
            parsed.problems.append(problem)
    report(app, parsed.problems)
    env.temp_data[READING_KEY] = post
    env.temp_data[TEXT_KEY] = parsed.myst_text
    source[0] = parsed.myst_text


def _checked_cover(app: Sphinx, post: Post, read_path: str) -> tuple[Post, Problem | None]:
    """The post with its local cover, or without it and the reason: missing, outside the
    source folder (``..``, a symbolic link), or an SVG that holds a script."""
    settings = get_site(app).settings
    srcdir = str(app.srcdir)
    found = find_source_file(
        srcdir, settings.static_dirs, post.image, follow_symlinks=settings.follow_symlinks
    )
    line = post.line_of("image") or 1
    if found is None:
        anywhere = find_source_file(srcdir, settings.static_dirs, post.image, follow_symlinks=True)
        lexical = os.path.exists(os.path.join(srcdir, post.image.lstrip("/")))
        if anywhere is not None or lexical:
            message = (
                f"the cover image {post.image!r} is outside the source folder (a '..' path or "
                "a symbolic link); it was not published. Copy the file beside the post"
            )
            return replace(post, image=""), Problem("path", message, read_path, line)
        # As Sphinx does for a missing image: the post is read again in each build until
        # the file is there (then it has its cover).
        app.env.note_dependency(post.image.lstrip("/"))
        message = (
            f"the cover image {post.image!r} does not exist, so the post has none (no broken "
            "picture in the lists, no preview image that is not there); put the file beside "
            "the post or fix the 'image' value"
        )
        return replace(post, image=""), Problem("image", message, read_path, line)
    activity = svg_activity(found)
    if activity is not None:
        message = (
            f"the cover image {post.image!r} is an SVG with {activity}; published on the "
            "site it could act as the site, so it was left out. Export it again as a plain "
            "SVG, PNG or JPEG"
        )
        return replace(post, image=""), Problem("image", message, read_path, line)
    return post, None


def _cover_from_source_folder(post: Post, srcdir: str, read_path: str, source_path: str) -> Post:
    """A translation's ``image: ./cover.jpg`` falls back to the source post's folder."""
    if is_absolute_url(post.image) or os.path.exists(os.path.join(srcdir, post.image)):
        return post
    relative = posixpath.relpath(post.image, posixpath.dirname(read_path))
    fallback = posixpath.normpath(posixpath.join(posixpath.dirname(source_path), relative))
    if os.path.exists(os.path.join(srcdir, fallback)):
        return replace(post, image=fallback)
    return post


def _docutils_language(app: Sphinx) -> None:
    """Docutils warns on every document for a language it has no module for ("ukr",
    "hal"); give it the BCP 47 tag when it knows that, else English (UI strings of this
    extension still come from its own catalogs)."""
    language = app.config.language
    locale = get_site(app).locale
    if not language:
        return
    for candidate in (language, locale.html_lang if locale else ""):
        tag = candidate.replace("-", "_").lower()
        if not tag:
            continue
        try:
            importlib.import_module(f"docutils.languages.{tag}")
        except ImportError:
            continue
        app.env.settings["language_code"] = tag
        return
    app.env.settings["language_code"] = "en"


class _HeadingLevelsOfPosts(logging.Filter):
    """MyST warns when a heading skips a level (H1 to H3) or a page starts below H1
    (``myst.header``). In a Docusaurus post both are normal (its title is no heading of
    the body, its sections often start at H3): no warning for posts."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__()
        self.app = app

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "type", None) != "myst" or getattr(record, "subtype", None) != "header":
            return True
        location = getattr(record, "location", None)
        return not (isinstance(location, tuple) and is_post(self.app.env, str(location[0])))


def _quiet_heading_levels(app: Sphinx) -> None:
    """Put the filter first on Sphinx's warning handlers (before ``-W`` counts)."""
    from sphinx.util.logging import NAMESPACE, WarningStreamHandler

    for handler in logging.getLogger(NAMESPACE).handlers:
        if isinstance(handler, WarningStreamHandler) and not any(
            isinstance(f, _HeadingLevelsOfPosts) for f in handler.filters
        ):
            handler.filters.insert(0, _HeadingLevelsOfPosts(app))


def setup_reading(app: Sphinx) -> None:
    """Connect the read phase of posts."""
    app.connect("builder-inited", lambda app: mark_build_process(), priority=1)
    app.connect("source-read", lambda app, docname, source: note_read(docname), priority=1)
    app.connect("builder-inited", _docutils_language, priority=460)
    app.connect("builder-inited", _quiet_heading_levels)
    app.connect("source-read", _on_source_read)
    # Front matter that discovery parsed and no reading took (not a post after all).
    app.connect("env-updated", lambda app, env: forget_peeked())
