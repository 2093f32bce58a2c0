"""ABlog posts in any source format: ``.. post::``, file-level fields, ``blog_post_pattern``.

A Markdown post with front matter is read before parsing (:mod:`.reading`). A reST file,
a notebook or a Markdown file without front matter becomes a post while it is parsed:
ABlog's ``post`` directive leaves its options in ``env.temp_data``
(:data:`.records.ABLOG_POSTS_KEY`); a file whose first lines are fields with
``:blogpost: true`` (or that ``blog_post_pattern`` matches) gives them as fields. The
transform :class:`AblogPostDetection` turns them into the document's :class:`Post` before
the post structure is placed (so the header and footer are where every post has them); at
``doctree-read`` the date of an undated post is filled in, problems are reported and the
post's ABlog label (its file name) is registered, all per document, so incremental and
parallel builds give the output of a clean build.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..diagnostics import report
from ..model.post import Post
from ..model.problem import Problem
from ..readers.ablog_post import AblogDefaults, ablog_post, read_fields
from ..util.globs import matches_post_pattern, normalize_patterns
from ..util.slugs import ablog_slugify
from .discovery import POST_SUFFIXES
from .git_dates import post_date_fallback
from .nodes import enclosing_section, post_excerpt
from .records import (
    ABLOG_POSTS_KEY,
    ABLOG_UPDATES_KEY,
    READING_KEY,
    SECTION_POSTS_KEY,
    posts_of,
)
from .summary import summary_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: ``env.temp_data`` key: what the transform could not do without the application
#: (problems to report, whether the post needs the file's date).
_PENDING_KEY = "advocacy_blog_ablog_pending"
#: Suffixes read as posts before parsing (:mod:`.discovery`), never here.
_MARKDOWN_POSTS = POST_SUFFIXES


def leading_fields(document: nodes.document) -> tuple[dict[str, str], dict[str, int]] | None:
    """The file-level fields at the top of a document (reST's bibliographic fields), with
    their lines; ``None`` when the document does not start with fields."""
    index = document.first_child_not_matching_class(nodes.PreBibliographic)
    if index is None:
        return None
    block = document[index]
    if not isinstance(block, (nodes.field_list, nodes.docinfo)):
        return None
    values: dict[str, str] = {}
    lines: dict[str, int] = {}
    for child in block.children:
        if isinstance(child, nodes.field) and len(child) >= 2:
            name = child[0].astext().strip().lower()
            text = child[1].astext().strip()
        elif isinstance(child, nodes.Element):
            name, text = child.tagname, child.astext().strip()
        else:
            continue
        values[name] = text
        line = child.line or block.line
        if line:
            lines[name] = line
    return values, lines


def _post_section(document: nodes.document) -> nodes.Element:
    """The section that holds the post: the document's first section, else the document."""
    for child in document.children:
        if isinstance(child, nodes.section):
            return child
    return document


class AblogPostDetection(SphinxTransform):
    """Make a document with ABlog's ``post`` directive or fields an ABlog post."""

    #: Before :class:`.post_structure.PostStructure` (180) places the header and footer.
    default_priority = 175

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        if env.temp_data.get(READING_KEY) is not None:
            return  # a Markdown post, read with its front matter before parsing
        docname = env.docname
        source = str(env.doc2path(docname, False)).replace(os.sep, "/")
        directives = env.temp_data.get(ABLOG_POSTS_KEY) or []
        fields_found = leading_fields(self.document)
        problems: list[Problem] = []
        if directives:
            entry = directives[0]
            values, line = entry["values"], entry["line"]
            lines: dict[str, int] = {}
        elif fields_found is not None and ("blogpost" in fields_found[0] or self._matched(source)):
            values, lines = fields_found
            line = min(lines.values(), default=1)
        else:
            if self._matched(source) and not source.endswith(_MARKDOWN_POSTS):
                problems.append(
                    Problem(
                        "ablog",
                        "blog_post_pattern matches this file, but it does not start with "
                        "fields such as ':date: Nov 23, 2022'; like ABlog, it is not a post. "
                        "Add the fields, or a '.. post::' directive",
                        source,
                        1,
                    )
                )
                env.temp_data[_PENDING_KEY] = (problems, False)
            return
        excerpts = [node for node in self.document.findall(post_excerpt)]
        section = _post_section(self.document)
        if excerpts:
            excerpt = excerpts[0]
        else:
            excerpt = post_excerpt()
            section.append(excerpt)
        post = self._post(source, values, line, lines, section, excerpt, problems)
        env.temp_data[READING_KEY] = post
        # Undated, or a date no parser reads: the file's date stands in for the placeholder.
        env.temp_data[_PENDING_KEY] = (problems, post.published == _no_date())
        # Each section post with its section: the section's id is known once every
        # transform has run (a label above the heading gives it), at ``doctree-read``.
        sections: list[tuple[Post, nodes.section]] = []
        taken: list[nodes.Element] = [section]
        for entry, node in zip(directives[1:], excerpts[1:], strict=False):
            found = self._section_post(source, entry, node, taken, problems)
            if found is not None:
                sections.append(found)
                taken.append(found[1])
        if sections:
            env.temp_data[SECTION_POSTS_KEY] = sections

    def _post(
        self,
        source: str,
        values: dict[str, Any],
        line: int,
        lines: dict[str, int],
        section: nodes.Element,
        excerpt: post_excerpt,
        problems: list[Problem],
    ) -> Post:
        """The post of one ``post`` directive (or of the file's fields) whose content is
        *section*; problems are added to *problems*."""
        config = self.config
        fields, read_problems = read_fields(values, path=source, line=line, lines=lines)
        problems.extend(read_problems)
        heading = section.next_node(nodes.title) if section is not self.document else None
        excerpt["paragraphs"] = (
            fields.excerpt if fields.excerpt is not None else config.post_auto_excerpt
        )
        excerpt["image"] = fields.image if fields.image is not None else config.post_auto_image
        post, build_problems = ablog_post(
            self.env.docname,
            source,
            fields,
            title=heading.astext() if heading is not None else "",
            date_formats=(config.post_date_format,),
            fallback_date=_no_date,
            updates=self.env.temp_data.get(ABLOG_UPDATES_KEY) or (),
            word_count=len(section.astext().split()),
            words_per_minute=config.blog_words_per_minute,
            locale=config.language or "",
            defaults=AblogDefaults(
                author=normalize_patterns(config.blog_default_author),
                location=normalize_patterns(config.blog_default_location),
                language=normalize_patterns(config.blog_default_language),
            ),
        )
        problems.extend(build_problems)
        return post

    def _section_post(
        self,
        source: str,
        entry: dict[str, Any],
        excerpt: post_excerpt,
        taken: list[nodes.Element],
        problems: list[Problem],
    ) -> tuple[Post, nodes.section] | None:
        """ABlog's section post of a second (third...) ``post`` directive: the section that
        holds the directive, listed at ``document#section``, and that section. ``None`` (and
        a problem) when the directive's section is already a post's."""
        section = enclosing_section(excerpt)
        if section is None or any(section is other for other in taken):
            problems.append(
                Problem(
                    "ablog",
                    "this 'post' directive stands in a section that is already a post "
                    "(the page's, or another directive's), so it adds no post; its content "
                    "stays on the page. Put it under the heading of the part it announces",
                    source,
                    entry["line"],
                )
            )
            return None
        post = self._post(source, entry["values"], entry["line"], {}, section, excerpt, problems)
        section_post = replace(
            post,
            summary=summary_of(section),
            aliases=(),
            head_tags=(),
            dated=post.published != _no_date(),
        )
        return section_post, section

    def _matched(self, source: str) -> bool:
        patterns = normalize_patterns(self.config.blog_post_pattern)
        return bool(patterns) and matches_post_pattern(source, patterns)


def _no_date() -> datetime:
    """Stands in until ``doctree-read`` gives an undated post its file's date."""
    return datetime(1970, 1, 1, tzinfo=timezone.utc)


def post_label(docname: str, title: str) -> str:
    """ABlog's label of a post: its file name (its folder's name for an ``index`` file)."""
    folder, label = posixpath.split(docname)
    if label == "index":
        label = posixpath.basename(folder)
    return (label or ablog_slugify(title)).lower()


def _register_label(app: Sphinx, docname: str, post: Post, doctree: nodes.document) -> None:
    """``:ref:`watch-yourself-blogging``` links to the post, as with ABlog (a label the
    document defines itself, or another document's, wins)."""
    label = post_label(docname, post.title)
    std = app.env.get_domain("std")
    if not label or label in std.anonlabels:  # type: ignore[attr-defined]
        return
    section = doctree.next_node(nodes.section)
    anchor = section["ids"][0] if section is not None and section["ids"] else ""
    std.labels[label] = (docname, anchor, post.title)  # type: ignore[attr-defined]
    std.anonlabels[label] = (docname, anchor)  # type: ignore[attr-defined]


def _on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    pending = env.temp_data.pop(_PENDING_KEY, None)
    if pending is None:
        return
    problems, undated = pending
    report(app, problems)
    post: Post | None = env.temp_data.get(READING_KEY)
    if post is None:
        return
    if undated:
        path = os.path.join(app.srcdir, post.source_path)
        post = replace(post, published=post_date_fallback(app, path), dated=False)
        env.temp_data[READING_KEY] = post
    _register_label(app, env.docname, post, doctree)


def _on_doctree_read_markdown(app: Sphinx, doctree: nodes.document) -> None:
    """Markdown ABlog posts (front matter) get their label too."""
    post = _stored_post(app)
    if post is not None and post.ablog and post.source_path.endswith(_MARKDOWN_POSTS):
        _register_label(app, app.env.docname, post, doctree)


def _stored_post(app: Sphinx) -> Post | None:
    return posts_of(app.env).get(app.env.docname)


def setup_ablog_posts(app: Sphinx) -> None:
    """Register the transform and finish ABlog posts when their document is read."""
    app.add_transform(AblogPostDetection)
    app.add_node(post_excerpt)
    # Before the collector (500) stores the post; labels of Markdown posts after it.
    app.connect("doctree-read", _on_doctree_read, priority=400)
    app.connect("doctree-read", _on_doctree_read_markdown, priority=600)
