"""Transforms of a post's doctree at read time: its one title, placeholders, image paths.

:class:`PostStructure` gives a post its single title and places the header, footer and
excerpt-end placeholders (:mod:`.nodes`); :class:`StaticImagePaths` points ``/img/x.png``
at the site's static folders; :class:`TranslatedImageFallback` lets a translation use the
images beside its source post.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..diagnostics import report_in
from ..model.post import Post
from ..model.problem import Problem
from ..readers.markdown import TITLE_PLACEHOLDER, TRUNCATE_MARKER
from ..util.files import source_file, static_folders_text, svg_activity
from .discovery import is_post, post_source
from .nodes import excerpt_marker, post_footer, post_header, source_line
from .records import READING_KEY, TEXT_KEY

if TYPE_CHECKING:
    from sphinx.application import Sphinx


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
        if first is not None and (len(sections) == 1 or post.ablog):
            # An ABlog post is the document as ABlog published it: its first section.
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
    # Implicit, as docutils makes every section title: an explicit name would be a label
    # of Sphinx's standard domain, and two posts with one title a "duplicate label".
    document.nametypes[section["names"][0]] = False


#: What :class:`SafeImages` found for each image path of this build (many posts share one
#: picture): ``(srcdir, path, follow links) -> (file or None, exists, why refused)``.
_CHECKED: dict[tuple[str, str, bool], tuple[str | None, bool, str | None]] = {}


def _check_image(srcdir: str, relative: str, follow: bool) -> tuple[str | None, bool, str | None]:
    key = (srcdir, relative, follow)
    known = _CHECKED.get(key)
    if known is None:
        found = source_file(srcdir, relative, follow_symlinks=follow)
        exists = found is not None or os.path.exists(os.path.join(srcdir, relative))
        known = _CHECKED[key] = (found, exists, svg_activity(found) if found else None)
    return known


def _forget_checked_images(app: Sphinx, *args: Any) -> None:
    """Files may change between builds (of one process): check them afresh."""
    _CHECKED.clear()


class SafeImages(SphinxTransform):
    """A post's images must be files of the site: an image outside the source folder (a
    ``..`` path, a symbolic link) or an SVG holding a script is shown as its alt text, with
    a warning, instead of being published. So is an image that is not there, with a
    ``blog.image`` warning that names its line and where Docusaurus would have found it
    (Sphinx's own says only "image file not readable", with the wrong path)."""

    default_priority = 192

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        if not is_post(env, env.docname):
            return
        srcdir = str(env.srcdir)
        follow = bool(self.config.blog_follow_symlinks)
        folder = posixpath.dirname(str(env.doc2path(env.docname, False)))
        for image in list(self.document.findall(nodes.image)):
            uri = image.get("uri", "")
            if not uri or "://" in uri or uri.startswith(("data:", "//")) or uri.endswith(".*"):
                continue
            relative = uri.lstrip("/") if uri.startswith("/") else posixpath.join(folder, uri)
            relative = relative.split("?", 1)[0].split("#", 1)[0]
            found, exists, activity = _check_image(srcdir, relative, follow)
            if not exists:
                # As Sphinx does for a missing image: the post is read again in each build
                # until the file is there.
                env.note_dependency(relative)
                reason = f"is not in the project ({posixpath.normpath(relative)!r} does not exist)"
                hint = _missing_hint(uri, self.config.blog_static_dirs)
            elif found is None:
                reason = "is outside the source folder (a '..' path or a symbolic link)"
                hint = "Use a plain image, beside the post"
            elif activity is not None:
                reason = f"is an SVG with {activity}, which could act as the site"
                hint = "Use a plain image, beside the post"
            else:
                continue
            line = source_line(image) or 1
            alt = image.get("alt", "") or posixpath.basename(uri)
            if not exists:
                # Its words take its place, inside its link if it has one (in a paragraph
                # when it stood among the blocks: a figure, an image directive).
                words = nodes.inline(alt, alt, classes=["blog-missing-image"])
                inline = isinstance(image.parent, nodes.TextElement)  # a link is one too
                image.replace_self(words if inline else nodes.paragraph("", "", words))
            else:
                replacement = nodes.inline(alt, alt, classes=["blog-refused-image"])
                linked = isinstance(image.parent, nodes.reference)
                (image.parent if linked else image).replace_self(replacement)
            shown = "it is shown as its alt text" if not exists else "it was not published"
            problem = Problem(
                "image",
                f"the image {uri!r} {reason}; {shown}. {hint}",
                str(env.doc2path(env.docname, False)),
                line,
            )
            report_in(srcdir, [problem])


def _missing_hint(uri: str, static_dirs: Iterable[str]) -> str:
    """What to do about a missing image *uri* of a post."""
    if uri.startswith("/"):
        folders = static_folders_text(static_dirs)
        return (
            f"An address from the site root is looked for in the source folder and in "
            f"blog_static_dirs ({folders}): copy the site's static files there (Docusaurus "
            f"serves {uri} from static{uri})"
        )
    return "Copy the file beside the post, or fix the path"


#: GitHub's fragments that show an image in one colour scheme only.
_DARK_ONLY = "#gh-dark-mode-only"
_LIGHT_ONLY = "#gh-light-mode-only"


class ImageSources(SphinxTransform):
    """Image paths of posts as Docusaurus reads them: ``my%20photo.png`` is the file
    ``my photo.png``; of GitHub's ``#gh-light-mode-only``/``#gh-dark-mode-only`` pair,
    the light image is shown (the pages have one colour scheme) and the dark one left out."""

    default_priority = 185

    def apply(self, **kwargs: Any) -> None:
        if self.env.temp_data.get(READING_KEY) is None:
            return
        for image in list(self.document.findall(nodes.image)):
            uri = str(image.get("uri", ""))
            if not uri or uri.startswith("data:") or "://" in uri:
                continue
            if uri.endswith(_DARK_ONLY):
                wrapper = image.parent
                if isinstance(wrapper, nodes.reference) and len(wrapper.children) == 1:
                    wrapper.parent.remove(wrapper)
                else:
                    wrapper.remove(image)
                continue
            uri = uri.removesuffix(_LIGHT_ONLY)
            image["uri"] = unquote(uri) if "%" in uri else uri


#: Docusaurus's alias of the site folder (``@site/static/img/x.png``), and of its static
#: folder, whose files are served from the site root.
_SITE_ALIAS = "@site/"
_SITE_STATIC = "@site/static/"


class StaticImagePaths(SphinxTransform):
    """``![](/img/x.png)`` means the site's ``static/img/x.png`` (Docusaurus and Hugo).

    Sphinx reads a leading ``/`` as the source directory; when the file is not there but is
    in one of ``blog_static_dirs``, the image is pointed at it so Sphinx copies it.
    Docusaurus's ``@site/static/img/x.png`` is ``/img/x.png``; ``@site/x`` is ``/x``.
    """

    default_priority = 190

    def apply(self, **kwargs: Any) -> None:
        static_dirs = self.config.blog_static_dirs
        srcdir = str(self.env.srcdir)
        for image in self.document.findall(nodes.image):
            uri = image.get("uri", "")
            if uri.startswith(_SITE_ALIAS):
                inside = uri[len(_SITE_ALIAS) :]
                kept = os.path.exists(os.path.join(srcdir, inside))
                if uri.startswith(_SITE_STATIC) and not kept:
                    inside = uri[len(_SITE_STATIC) :]
                uri = image["uri"] = "/" + inside
            if not uri.startswith("/") or uri.startswith("//"):
                continue
            if os.path.exists(os.path.join(srcdir, uri.lstrip("/"))):
                continue
            for folder in static_dirs:
                candidate = os.path.join(folder, uri.lstrip("/"))
                if os.path.isfile(os.path.join(srcdir, candidate)):
                    image["uri"] = "/" + candidate.replace(os.sep, "/")
                    break


class TranslatedImageFallback(SphinxTransform):
    """An image beside a translated post that the translation folder lacks comes from the
    source post's folder (Docusaurus resolves images the same way)."""

    default_priority = 191

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        if not is_post(env, env.docname):
            return
        source = post_source(env, env.docname)
        read_from = str(env.doc2path(env.docname, False))
        if read_from == source:
            return
        srcdir = str(env.srcdir)
        for image in self.document.findall(nodes.image):
            uri = image.get("uri", "")
            if not uri or uri.startswith(("/", "data:")) or "://" in uri:
                continue
            if os.path.exists(os.path.join(srcdir, posixpath.dirname(read_from), uri)):
                continue
            fallback = posixpath.normpath(posixpath.join(posixpath.dirname(source), uri))
            if os.path.exists(os.path.join(srcdir, fallback)):
                image["uri"] = "/" + fallback


_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")


class HeadingSizes(SphinxTransform):
    """A post's headings look as big as their Markdown level says.

    MyST nests sections by order, not by level: a ``####`` right under a ``##`` is the
    page's ``<h3>``, and a post written with ``####`` headings only gets ``<h2>`` ones, as
    big as the theme's. The HTML levels stay (they must not skip), and a section whose
    heading was written deeper than it is nested gets the class ``blog-heading-<level>``,
    which the stylesheet sizes.
    """

    default_priority = 185

    def apply(self, **kwargs: Any) -> None:
        text = self.env.temp_data.get(TEXT_KEY)
        if self.env.temp_data.get(READING_KEY) is None or not isinstance(text, str):
            return
        lines = text.split("\n")
        for section in self.document.findall(nodes.section):
            depth = _depth(section)
            # A section's title is its first child (``next_node`` would search the
            # whole section for one).
            title = section[0] if len(section) and isinstance(section[0], nodes.title) else None
            line = title.line if title is not None and title.line else section.line
            if not line or line > len(lines):
                continue
            match = _ATX.match(lines[line - 1])
            if match is not None and len(match.group(1)) > depth:
                section["classes"].append(f"blog-heading-{len(match.group(1))}")


def _depth(section: nodes.Element) -> int:
    """1 for the post's title section, 2 for a section in it..."""
    depth, parent = 0, section
    while parent is not None:
        if isinstance(parent, nodes.section):
            depth += 1
        parent = parent.parent
    return depth


def setup_post_structure(app: Sphinx) -> None:
    """Register the transforms and the placeholder nodes."""
    app.add_transform(PostStructure)
    app.add_transform(HeadingSizes)
    app.add_transform(ImageSources)
    app.add_transform(StaticImagePaths)
    app.add_transform(TranslatedImageFallback)
    app.add_transform(SafeImages)
    app.connect("env-before-read-docs", _forget_checked_images)
    app.add_node(excerpt_marker)
    app.add_node(post_header)
    app.add_node(post_footer)
