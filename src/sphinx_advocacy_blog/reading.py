"""The read phase of a post: Docusaurus source -> ``Post`` record + MyST text + doctree.

``source-read`` hands the raw text to the pure reader in ``sources/`` and gives MyST the
converted text; a transform then gives the doctree its one title and marks where the post
header, footer and excerpt end go. Admonition directives for ``:::note[Title]`` live here.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import _
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from .diagnostics import report
from .discovery import is_ablog_post, is_post, post_source
from .media import local_image_source
from .nodes import excerpt_marker, post_footer, post_header
from .post import Post, Problem
from .site import get_site
from .sources.docusaurus import ReadSettings, read_post
from .sources.markdown import ADMONITION_KINDS, TITLE_PLACEHOLDER, TRUNCATE_MARKER
from .sources.urls import is_absolute_url
from .store import READING_KEY

if TYPE_CHECKING:
    from sphinx.application import Sphinx


_DOCUTILS_ADMONITIONS: dict[str, type[nodes.Admonition]] = {
    "note": nodes.note,
    "tip": nodes.tip,
    "warning": nodes.warning,
    "caution": nodes.caution,
    "danger": nodes.danger,
    "important": nodes.important,
}
_DEFAULT_TITLES = {
    "note": "Note",
    "tip": "Tip",
    "info": "Info",
    "warning": "Warning",
    "caution": "Caution",
    "danger": "Danger",
    "important": "Important",
    "success": "Success",
}


def _file_date(path: str) -> datetime:
    """A dateless post's date: its last git commit, else its modification time."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cI", "--", os.path.basename(path)],
            cwd=os.path.dirname(path),
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if result.returncode == 0 and result.stdout.strip():
            return datetime.fromisoformat(result.stdout.strip())
    except (OSError, ValueError, subprocess.SubprocessError):
        pass
    try:
        return datetime.fromtimestamp(os.path.getmtime(path), tz=timezone.utc)
    except OSError:
        return datetime(1970, 1, 1, tzinfo=timezone.utc)


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
        ),
        fallback_date=lambda: _file_date(str(env.doc2path(docname))),
    )
    post = parsed.post
    if post.docname != docname:
        # A duplicate permalink keeps the post at its source path (see discovery).
        from dataclasses import replace

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
                "list pages show all of it; add the marker where the excerpt should end",
                read_path,
                1,
            )
        )
    if read_path != source_path and post.image and not post.image.startswith("/"):
        post = _cover_from_source_folder(post, str(app.srcdir), read_path, source_path)
    if (
        post.image
        and local_image_source(str(app.srcdir), site.settings.static_dirs, post.image) is None
        and not is_absolute_url(post.image)
    ):
        parsed.problems.append(
            Problem(
                "image",
                f"the cover image {post.image!r} does not exist; put the file beside the post "
                "or fix the 'image' value",
                read_path,
                post.line_of("image") or 1,
            )
        )
    report(app, parsed.problems)
    env.temp_data[READING_KEY] = post
    source[0] = parsed.myst_text


def _cover_from_source_folder(post: Post, srcdir: str, read_path: str, source_path: str) -> Post:
    """A translation's ``image: ./cover.jpg`` falls back to the source post's folder."""
    from dataclasses import replace

    if is_absolute_url(post.image) or os.path.exists(os.path.join(srcdir, post.image)):
        return post
    relative = posixpath.relpath(post.image, posixpath.dirname(read_path))
    fallback = posixpath.normpath(posixpath.join(posixpath.dirname(source_path), relative))
    if os.path.exists(os.path.join(srcdir, fallback)):
        return replace(post, image=fallback)
    return post


class PostStructure(SphinxTransform):
    """Give a post one title and mark the header, footer and excerpt end."""

    default_priority = 180

    def apply(self, **kwargs: Any) -> None:
        post: Post | None = self.env.temp_data.get(READING_KEY)
        if post is None:
            return
        document = self.document
        section = self._title_section(document, post)
        title_index = section.first_child_matching_class(nodes.title)
        position = 0 if title_index is None else title_index + 1
        section.insert(position, post_header(docname=self.env.docname))
        section.append(post_footer(docname=self.env.docname))
        for raw in list(document.findall(nodes.raw)):
            if raw.astext().strip() == TRUNCATE_MARKER and "html" in raw.get("format", ""):
                raw.replace_self(excerpt_marker())
                break

    @staticmethod
    def _title_section(document: nodes.document, post: Post) -> nodes.section:
        """The section whose title is the page's one ``<h1>``.

        A front-matter title arrives as a placeholder heading (see ``TITLE_PLACEHOLDER``):
        its text becomes the real title, a body ``# heading`` repeating it is merged away,
        and other top-level sections nest under it. Without any heading, one is made.
        """
        sections = [child for child in document.children if isinstance(child, nodes.section)]
        first = sections[0] if sections else None
        first_title = first.next_node(nodes.title) if first is not None else None
        if (
            first is not None
            and first_title is not None
            and (first_title.astext() == TITLE_PLACEHOLDER)
        ):
            first_title.clear()
            first_title += nodes.Text(post.title)
            # Shown exactly as written, as on list pages and in social previews.
            first_title["support_smartquotes"] = False
            _rename_section(document, first, post.title)
            for other in sections[1:]:
                document.remove(other)
                other_title = other.next_node(nodes.title)
                if other_title is not None and other_title.astext() == post.title:
                    other.remove(other_title)
                    first.extend(list(other.children))
                else:
                    first.append(other)
            return first
        if first is not None and len(sections) == 1:
            return first
        section = nodes.section(ids=[nodes.make_id(post.title) or "post"], names=[])
        section += nodes.title(post.title, post.title, support_smartquotes=False)
        section.extend(list(document.children))
        document.clear()
        document += section
        document.ids[section["ids"][0]] = section
        return section


def _rename_section(document: nodes.document, section: nodes.section, title: str) -> None:
    """Give the placeholder-titled section the ids and names of its real title."""
    for old_id in section["ids"]:
        document.ids.pop(old_id, None)
    for old_name in section["names"]:
        document.nameids.pop(old_name, None)
        document.nametypes.pop(old_name, None)
    new_id = nodes.make_id(title) or "post"
    if new_id in document.ids:
        new_id = f"{new_id}-title"
    section["ids"] = [new_id]
    section["names"] = [nodes.fully_normalize_name(title)]
    document.ids[new_id] = section
    document.nameids[section["names"][0]] = new_id
    document.nametypes[section["names"][0]] = True


class StaticImagePaths(SphinxTransform):
    """``![](/img/x.png)`` means the site's ``static/img/x.png`` (Docusaurus and Hugo).

    Sphinx reads a leading ``/`` as the source directory; when the file is not there but is
    in one of ``blog_static_dirs``, the image is pointed at it so Sphinx copies it.
    """

    default_priority = 190

    def apply(self, **kwargs: Any) -> None:
        static_dirs = self.config.blog_static_dirs
        srcdir = str(self.env.srcdir)
        for image in self.document.findall(nodes.image):
            uri = image.get("uri", "")
            if not uri.startswith("/") or uri.startswith("//"):
                continue
            if os.path.exists(os.path.join(srcdir, uri.lstrip("/"))):
                continue
            for folder in static_dirs:
                candidate = os.path.join(folder, uri.lstrip("/"))
                if os.path.isfile(os.path.join(srcdir, candidate)):
                    image["uri"] = "/" + candidate.replace(os.sep, "/")
                    break


class BlogAdmonition(SphinxDirective):
    """``:::{blog-note} Optional title`` — a Docusaurus admonition with an optional title."""

    kind: ClassVar[str] = "note"
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        title = self.arguments[0] if self.arguments else ""
        kind = self.kind
        node: nodes.Element
        if not title and kind in _DOCUTILS_ADMONITIONS:
            node = _DOCUTILS_ADMONITIONS[kind]()
        else:
            node = nodes.admonition(classes=[f"admonition-{kind}", _css_class(kind)])
            text = title or _(_DEFAULT_TITLES[kind])
            textnodes, _messages = self.parse_inline(text, lineno=self.lineno)
            node += nodes.title(text, "", *textnodes)
        node["classes"].extend(self.options.get("class", []))
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def _css_class(kind: str) -> str:
    """Themes style note/tip/warning/danger; Docusaurus's other kinds borrow those colours."""
    return {"info": "note", "success": "tip", "caution": "caution"}.get(kind, kind)


def setup_reading(app: Sphinx) -> None:
    """Connect the read phase of posts."""
    app.connect("source-read", _on_source_read)
    app.add_transform(PostStructure)
    app.add_transform(StaticImagePaths)
    for kind in ADMONITION_KINDS:
        directive = type(f"Blog{kind.title()}Admonition", (BlogAdmonition,), {"kind": kind})
        app.add_directive(f"blog-{kind}", directive)
    app.add_node(excerpt_marker)
    app.add_node(post_header)
    app.add_node(post_footer)
    app.connect("config-inited", _enable_myst_extensions, priority=650)


def _enable_myst_extensions(app: Sphinx, config: Any) -> None:
    """Docusaurus admonitions use colon fences; turn MyST's extension on for them."""
    enabled = list(getattr(config, "myst_enable_extensions", []) or [])
    if "colon_fence" not in enabled:
        enabled.append("colon_fence")
        config.myst_enable_extensions = enabled
