"""Images of posts and lists as a phone needs them: sized, lazy, described, responsive.

When a post page is resolved (before its excerpt is kept), each image of the post gets:

- alt text: the post's title when the author gave none (``check`` reports those);
- ``loading="lazy"``, except the page's first image, the likely Largest Contentful Paint,
  which gets ``fetchpriority="high"``;
- for a local JPEG, PNG or WebP (and ``blog_responsive_images``): its plan
  (:mod:`..util.image_variants`), from which the translator writes ``width``/``height``
  and a ``<picture>`` whose WebP ``srcset`` the browser picks from; the original file stays
  the ``<img>``'s ``src`` (the fallback for a browser without WebP).

The copies themselves are made by :mod:`..media.responsive` from the requests kept here.
List pages render excerpts through the same translator; on each list page the first
images of the first entry are loaded at once (:func:`promote_first_image`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from docutils import nodes
from markupsafe import escape

from ..env.records import posts_of
from ..model.post import Post
from ..util.files import find_source_file
from ..util.image_variants import ImagePlan, Variant, plan_image
from ..util.urls import is_absolute_url, own_site_path
from .links import deferred, is_deferred

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

#: Node attribute holding an image's plan (kept in the pickled excerpts).
PLAN_KEY = "advocacy_blog_plan"
#: Node attribute of the page's first image.
FIRST_KEY = "advocacy_blog_first"
#: Class of the images the blog sized (its stylesheet keeps their aspect ratio).
IMAGE_CLASS = "blog-image"
#: Class of the poster image of an embedded video (:mod:`..media.embeds`), left alone.
POSTER_CLASS = "blog-embed-poster"
#: The widest an image is shown (CSS pixels): a column of text.
COLUMN_WIDTH = 960

#: Variants to make, by builder: output path -> (source file, variant).
_REQUESTS: WeakKeyDictionary[Any, dict[str, tuple[str, Variant]]] = WeakKeyDictionary()


def responsive_enabled(builder: Builder) -> bool:
    """Whether this build makes resized copies (HTML builders, option on)."""
    return builder.format == "html" and bool(builder.config.blog_responsive_images)


def request(builder: Builder, plan: ImagePlan, variants: tuple[Variant, ...]) -> None:
    """Ask for *variants* of *plan*'s image to be made and published in this build."""
    wanted = _REQUESTS.setdefault(builder, {})
    for variant in variants:
        wanted.setdefault(variant.path, (plan.source, variant))


def take_requests(builder: Builder) -> dict[str, tuple[str, Variant]]:
    """The variants asked for since the last call (and forget them)."""
    return _REQUESTS.pop(builder, {})


def _plan(builder: Builder, path: str | None) -> ImagePlan | None:
    if not path or not responsive_enabled(builder):
        return None
    return plan_image(path, tuple(builder.config.blog_image_widths))


def image_file(builder: Builder, node: nodes.image) -> str | None:
    """The local file of an image node (None for a remote image)."""
    uri = node.get("candidates", {}).get("*", node.get("uri", ""))
    if not uri or is_absolute_url(uri) or uri.startswith("data:"):
        return None
    path = os.path.join(str(builder.srcdir), uri)
    return path if os.path.isfile(path) else None


def cover_file(builder: Builder, post: Post) -> str | None:
    """The local file of a post's cover ``image`` (None for a URL or a missing file)."""
    if not post.image:
        return None
    image = post.image
    if is_absolute_url(image):
        # An address on the site itself (html_baseurl's host) may be a file of the source.
        image = own_site_path(str(builder.config.html_baseurl or ""), image) or ""
        if not image:
            return None
    static_dirs = tuple(builder.config.blog_static_dirs)
    return find_source_file(str(builder.srcdir), static_dirs, image)


def cover_plan(builder: Builder, post: Post) -> ImagePlan | None:
    """The plan of a post's cover, its WebP copies requested."""
    plan = _plan(builder, cover_file(builder, post))
    if plan is not None:
        request(builder, plan, plan.webp)
    return plan


def picture_source(plan: ImagePlan | None, url: Callable[[str], str]) -> dict[str, str]:
    """``srcset`` and ``sizes`` of a ``<source type="image/webp">`` for *plan*, the URL of
    each file (a path below the output root) made by *url*."""
    if plan is None or not plan.webp:
        return {}
    srcset = ", ".join(f"{url(variant.path)} {variant.width}w" for variant in plan.webp)
    return {"srcset": srcset, "sizes": plan.sizes(COLUMN_WIDTH)}


def _same_image(builder: Builder, first: str | None, second: str | None) -> bool:
    if not first or not second:
        return False
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    one, other = plan_image(first), plan_image(second)
    return one is not None and other is not None and one.digest == other.digest


def prepare_post_images(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: describe, size and plan every image of a post."""
    post = posts_of(app.env).get(docname)
    builder = app.builder
    if post is None or builder.format != "html":
        return
    first = True
    for node in doctree.findall(nodes.image):
        if POSTER_CLASS in node.get("classes", ()):
            continue  # a video's poster, drawn by its click-to-load facade
        if not str(node.get("alt", "")).strip():
            node["alt"] = post.title
        if first:
            node[FIRST_KEY] = True
            node.attributes.pop("loading", None)
            first = False
        else:
            node.setdefault("loading", "lazy")
        node["classes"].append(IMAGE_CLASS)
        plan = _plan(builder, image_file(builder, node))
        if plan is not None:
            node[PLAN_KEY] = plan
            request(builder, plan, plan.webp)


def prepare_excerpt(builder: Builder, post: Post, fragment: nodes.Element) -> None:
    """Fit a post's excerpt to list pages: every image lazy (the list page picks its first
    one), and the cover not shown twice: an image that is the cover is dropped."""
    cover = cover_file(builder, post) if post.image else None
    for node in list(fragment.findall(nodes.image)):
        node.attributes.pop(FIRST_KEY, None)
        node["loading"] = "lazy"
        if cover and _same_image(builder, cover, image_file(builder, node)):
            _remove_image(node)
            cover = None


def _remove_image(node: nodes.image) -> None:
    """Remove *node*, and the paragraph, link or figure left empty without it."""
    target: nodes.Element = node
    parent = node.parent
    while (
        parent is not None
        and parent.parent is not None
        and isinstance(parent, (nodes.paragraph, nodes.reference, nodes.figure))
        and not parent.astext().strip()
        and len(list(parent.findall(nodes.image))) == 1
    ):
        target, parent = parent, parent.parent
    target.parent.remove(target)


# -- the HTML translator ---------------------------------------------------------------------


def visit_image(translator: Any, node: nodes.image) -> None:
    """The translator's own ``visit_image``, then our attributes and WebP ``<source>``."""
    type(translator).visit_image(translator, node)
    if IMAGE_CLASS not in node.get("classes", ()):
        return
    element = translator.body[-1]
    if not isinstance(element, str) or not element.startswith("<img "):
        return
    plan: ImagePlan | None = node.get(PLAN_KEY)
    extra = ['decoding="async"']
    if node.get(FIRST_KEY):
        extra.append('fetchpriority="high"')
    if plan is not None and not any(key in node for key in ("width", "height", "scale")):
        extra.append(f'width="{plan.width}" height="{plan.height}"')
    image = "<img " + " ".join(extra) + " " + element[len("<img ") :]
    source = picture_source(plan, _file_url(translator.builder.imgpath))
    if source:
        body = image.rstrip("\n")
        suffix = image[len(body) :]
        image = (
            f'<picture><source type="image/webp" srcset="{escape(source["srcset"])}" '
            f'sizes="{escape(source["sizes"])}">{body}</picture>{suffix}'
        )
    translator.body[-1] = image


def depart_image(translator: Any, node: nodes.image) -> None:
    """The translator's own ``depart_image``."""
    type(translator).depart_image(translator, node)


def _file_url(imgpath: str) -> Callable[[str], str]:
    """URLs of output files from the page being written, whose ``imgpath`` (the URL of
    ``_images``) is given: relative to the page, or deferred when the page is not known
    yet (an excerpt, rendered once for every list page)."""
    if is_deferred(imgpath):
        return deferred
    root = imgpath[: -len("_images")] if imgpath.endswith("_images") else ""
    return lambda path: root + path


_FIRST_IMAGE = re.compile(r"<img\b[^>]*>")


def promote_first_image(html: str, count: int = 2) -> str:
    """*html* (the first entry of a list page) with its first *count* content images
    loaded at once, the first with high priority: the page's largest paint is one of them
    (the cover, or the larger photo of the excerpt under it). Avatars are never the
    largest paint and stay as they are."""
    promoted = 0
    parts = []
    position = 0
    for match in _FIRST_IMAGE.finditer(html):
        tag = match.group(0)
        if "blog-author-avatar" in tag:
            continue
        if ' loading="lazy"' in tag:
            tag = tag.replace(' loading="lazy"', "", 1)
            if promoted == 0:
                tag = tag.replace("<img ", '<img fetchpriority="high" ', 1)
        parts += [html[position : match.start()], tag]
        position = match.end()
        promoted += 1
        if promoted == count:
            break
    return "".join(parts) + html[position:]


def setup_images(app: Sphinx) -> None:
    """Prepare post images before the post page keeps its excerpt."""
    app.add_node(nodes.image, override=True, html=(visit_image, depart_image))
    app.connect("doctree-resolved", prepare_post_images, priority=450)
