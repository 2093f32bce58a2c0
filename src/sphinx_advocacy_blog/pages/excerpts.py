"""Excerpts of posts on list pages, rendered once a build by the builder's HTML translator.

When a post is resolved, the part of its doctree above ``<!-- truncate -->`` (or the whole
body when there is no marker, as Docusaurus does) is copied, internal links made relative
to the site root, and left on the doctree (:func:`attach_excerpts`). When its page is
written (by a worker process with ``-j N``), the copy is rendered once with every link and
image *deferred* (:data:`.links.DEFERRED`) and kept in the store
(:mod:`.excerpt_store`); a list page fits the HTML to itself with a string substitution
(:func:`.links.resolve_deferred`). So an excerpt is rendered once whatever the number of
pages that list it, beside its post's page in parallel builds, never from a pickled tree,
and never by reading the post again; the environment stays small.
"""

from __future__ import annotations

import contextlib
import copy
import posixpath
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.util.docutils import new_document
from sphinx.util.osutil import relative_uri

from ..env.build_state import resolved_doctree
from ..env.nodes import (
    enclosing_section,
    excerpt_marker,
    post_excerpt,
    post_footer,
    post_header,
    post_listing,
)
from ..env.records import posts_of, section_posts_of
from .excerpt_store import document_of, excerpt_store, setup_excerpt_store
from .images import prepare_excerpt
from .links import DEFERRED, deferred, resolve_deferred

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

#: The attribute of a resolved post doctree holding its excerpts until its page is written.
_ATTACHED = "advocacy_blog_excerpts"
#: What renders excerpts, by builder (see :func:`render_signature`).
_SIGNATURES: WeakKeyDictionary[Any, str] = WeakKeyDictionary()


def extract_excerpt(
    doctree: nodes.document, word_limit: int = 0, docname: str = ""
) -> nodes.container:
    """Copy of the body above the truncate marker: no title, header, footer or listings.

    Without a marker, the whole body; or, with *word_limit*, whole blocks (paragraphs,
    lists, images...) until that many words, going into the post's sections (their
    headings kept) rather than taking a whole section at once. Ids are dropped, but
    sections get one made from *docname* (unique on a list page).
    """
    prefix = re.sub(r"[^A-Za-z0-9]+", "-", docname).strip("-") + "-excerpt-"
    section = doctree.next_node(nodes.section)
    container = nodes.container(classes=["blog-excerpt-body"])
    if section is None:
        return container
    # ABlog's directive may stand before the title, outside the section.
    ablog = doctree.next_node(post_excerpt)
    if ablog is not None:
        return _strip_ids(_ablog_excerpt(section, ablog, container), prefix)
    marker = next(section.findall(excerpt_marker), None)
    holders = _holders(marker, section) if marker is not None else frozenset()
    _copy_blocks(section, container, 0 if marker is not None else word_limit, [0], holders)
    for node in list(container.findall(lambda n: isinstance(n, (post_header, post_footer)))):
        node.parent.remove(node)
    return _strip_ids(container, prefix)


def _holders(marker: nodes.Node, top: nodes.Element) -> frozenset[int]:
    """``id()`` of the elements between *top* and *marker* that hold the marker."""
    holders = []
    parent = marker.parent
    while parent is not None and parent is not top:
        holders.append(id(parent))
        parent = parent.parent
    return frozenset(holders)


def _copy_blocks(
    source: nodes.Element,
    target: nodes.Element,
    word_limit: int,
    words: list[int],
    holders: frozenset[int] = frozenset(),
) -> bool:
    """Copy the blocks of *source* into *target* until the marker or *word_limit* words
    (counted in ``words[0]``); True when the excerpt ends there. *holders*: the elements
    that hold the marker (:func:`_holders`), copied up to it."""
    for child in source.children:
        if word_limit and words[0] >= word_limit:
            return True
        if isinstance(child, nodes.title) and isinstance(target, nodes.container):
            continue  # the post's own title
        if isinstance(child, excerpt_marker):
            return True
        if id(child) in holders:
            target += _copy_until_marker(child, holders)
            return True
        if isinstance(child, (post_header, post_footer, post_listing)):
            continue
        if word_limit and isinstance(child, nodes.section):
            part = child.copy()
            ended = _copy_blocks(child, part, word_limit, words)
            target += part
            if ended:
                return True
            continue
        target += child.deepcopy()
        if word_limit and not isinstance(child, nodes.title):
            words[0] += len(child.astext().split())
    return False


def _copy_until_marker(node: nodes.Element, holders: frozenset[int]) -> nodes.Element:
    """A copy of *node*, which holds the marker, with what comes before the marker."""
    copied = node.copy()
    for child in node.children:
        if isinstance(child, excerpt_marker):
            break
        if id(child) in holders:
            copied += _copy_until_marker(child, holders)
            break
        copied += child.deepcopy()
    return copied


def _needs_id(node: nodes.Element) -> bool:
    """Sections, and what Sphinx numbers (figures, tables, titled code blocks): its HTML
    translator needs their id (it warns "Any IDs not assigned" without one)."""
    if isinstance(node, (nodes.section, nodes.figure, nodes.table)):
        return True
    return isinstance(node, nodes.container) and bool(node.get("literal_block"))


def _strip_ids(container: nodes.container, prefix: str = "excerpt-") -> nodes.container:
    """Drop the anchors of the copied nodes: a list page holds many excerpts, whose ids
    would clash. Sections, figures, tables and titled code blocks keep one, made unique by
    *prefix*; links to the others lead to the post."""
    for node in container.findall(nodes.Element):
        if _needs_id(node):
            node["ids"] = [prefix + (node["ids"][0] if node["ids"] else node.tagname)]
        else:
            node["ids"] = []
    return container


def _outside_placeholders(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (post_header, post_footer, post_listing)):
            return False
        parent = parent.parent
    return True


def _ablog_excerpt(
    section: nodes.Element, directive: post_excerpt, container: nodes.container
) -> nodes.container:
    """ABlog's excerpt: the ``post`` directive's content; else the post's first
    ``paragraphs`` paragraphs; then its ``image``-th image."""
    if directive.children:
        container.extend(child.deepcopy() for child in directive.children)
    else:
        count = directive.get("paragraphs", 1)
        if count:
            paragraphs = [p for p in section.findall(nodes.paragraph) if _outside_placeholders(p)]
            container.extend(paragraph.deepcopy() for paragraph in paragraphs[:count])
    number = directive.get("image", 0)
    if number:
        images = [image for image in section.findall(nodes.image) if _outside_placeholders(image)]
        if len(images) >= number:
            container += images[number - 1].deepcopy()
    return container


def _rebase_links(fragment: nodes.Element, from_uri: str, to_uri: str) -> None:
    """Make internal links written for page *from_uri* work from page *to_uri*.

    Links are made relative to the site root (``to_uri=""``) when a post is resolved, and
    deferred (``from_uri=""``, ``to_uri=DEFERRED``) when its excerpt is rendered. Anchors
    are kept, and same-page anchors of the post become links to the post, since on a list page "#x"
    would point at the list.
    """
    from_dir = posixpath.dirname(from_uri)
    for reference in fragment.findall(nodes.reference):
        if reference.get("refid") and not reference.get("refuri") and from_uri:
            reference["refuri"] = f"{from_uri}#{reference['refid']}"
            del reference["refid"]
            reference["internal"] = True
            continue
        refuri = reference.get("refuri", "")
        if not reference.get("internal") or not refuri:
            continue
        path, hash_, anchor = refuri.partition("#")
        if not path:
            if not from_uri:
                continue
            target = from_uri
        else:
            target = posixpath.normpath(posixpath.join(from_dir, path))
            if path.endswith("/"):  # dirhtml's folder URLs keep their slash
                target += "/"
        if to_uri == DEFERRED:
            rebased = deferred(target)
        else:
            rebased = relative_uri(to_uri, target) if to_uri else target
        reference["refuri"] = rebased + hash_ + anchor


def section_excerpt(
    doctree: nodes.document, section_id: str, docname: str
) -> nodes.container | None:
    """The excerpt of ABlog's section post at section *section_id*: its ``post``
    directive's content, or its first paragraphs (and image), as ABlog takes them."""
    prefix = re.sub(r"[^A-Za-z0-9]+", "-", f"{docname}-{section_id}").strip("-") + "-excerpt-"
    for section in doctree.findall(nodes.section):
        if section_id not in section["ids"]:
            continue
        directive = next(
            (node for node in section.findall(post_excerpt) if enclosing_section(node) is section),
            None,
        )
        if directive is None:
            return None
        container = nodes.container(classes=["blog-excerpt-body"])
        return _strip_ids(_ablog_excerpt(section, directive, container), prefix)
    return None


def _post_excerpt(app: Sphinx, key: str, doctree: nodes.document) -> nodes.container:
    """The excerpt of a resolved post doctree, links relative to the site root."""
    docname, _hash, section_id = key.partition("#")
    fragment = None
    if section_id:
        fragment = section_excerpt(doctree, section_id, docname)
    if fragment is None:
        fragment = extract_excerpt(doctree, app.config.blog_excerpt_words, docname)
    _rebase_links(fragment, app.builder.get_target_uri(docname), "")
    post = posts_of(app.env).get(docname)
    if post is not None:
        prepare_excerpt(app.builder, post, fragment)
    # Copied nodes keep a reference to their document (and through it the settings and
    # the whole environment), which the excerpt outlives.
    for node in fragment.findall():
        node.document = None
    return fragment


def attach_excerpts(app: Sphinx, docname: str, doctree: nodes.document) -> None:
    """Copy the excerpts of a just-resolved post doctree (its section posts' too) onto it,
    for the process that writes its page; done before its markers and ABlog directives go."""
    keys = [docname, *(post.key for post in section_posts_of(app.env).get(docname, ()))]
    doctree.__dict__[_ATTACHED] = [(key, _post_excerpt(app, key, doctree)) for key in keys]


def render_attached(app: Sphinx, docname: str, doctree: nodes.document) -> None:
    """Render and keep the excerpts left on *doctree* by :func:`attach_excerpts`."""
    attached = doctree.__dict__.pop(_ATTACHED, None)
    if not attached:
        return
    store = excerpt_store(app)
    stamp = app.env.all_docs.get(docname)
    signature = render_signature(app.builder)
    for key, fragment in attached:
        store.put(key, stamp, signature, render_nodes(app.builder, fragment))


def render_signature(builder: Builder) -> str:
    """What the HTML of an excerpt depends on besides its post: the translator, and the
    settings and tags that make Sphinx write every page again."""
    signature = _SIGNATURES.get(builder)
    if signature is None:
        translator = builder.get_translator_class()
        info = getattr(builder, "build_info", None)
        signature = _SIGNATURES[builder] = " ".join(
            (
                f"{translator.__module__}.{translator.__qualname__}",
                str(getattr(info, "config_hash", "")),
                str(getattr(info, "tags_hash", "")),
            )
        )
    return signature


def docutils_settings(builder: Builder) -> Any:
    """The HTML builder's docutils settings, made the way it makes them if it has not yet.

    Sphinx creates them when it prepares to write pages; at ``build-finished`` of a build
    that wrote none (nothing changed), they do not exist yet.
    """
    settings = getattr(builder, "docsettings", None)
    if settings is None:
        import warnings

        from docutils.frontend import OptionParser
        from sphinx.writers.html import HTMLWriter

        with warnings.catch_warnings():
            # Docutils deprecates OptionParser; Sphinx itself still builds settings so.
            warnings.simplefilter("ignore", DeprecationWarning)
            settings = OptionParser(
                defaults=builder.env.settings,
                components=(HTMLWriter(builder),),  # type: ignore[arg-type]
                read_config_files=True,
            ).get_default_values()
        settings.compact_lists = bool(builder.config.html_compact_lists)
        builder.docsettings = settings  # type: ignore[attr-defined]
    return settings


#: :func:`fragment_settings` of each builder, with the settings they were made from.
_FRAGMENT_SETTINGS: WeakKeyDictionary[Any, tuple[Any, Any]] = WeakKeyDictionary()


def fragment_settings(builder: Builder) -> Any:
    """The builder's docutils settings without stylesheets, for a translator that
    renders a fragment (an excerpt), never a whole page.

    A docutils HTML translator looks up each stylesheet of its settings on disk when it is
    made (``html4css1.css`` in three folders: a ``stat`` each), for the ``<head>`` of a
    whole document, which a fragment has not; this is most of what making one costs.
    """
    settings = docutils_settings(builder)
    known = _FRAGMENT_SETTINGS.get(builder)
    if known is not None and known[0] is settings:
        return known[1]
    fragment = copy.copy(settings)
    fragment.stylesheet = []
    fragment.stylesheet_path = []
    _FRAGMENT_SETTINGS[builder] = (settings, fragment)
    return fragment


@contextlib.contextmanager
def builder_state_kept(builder: Builder, names: Iterable[str]) -> Iterator[None]:
    """Give back the builder's attributes *names* as they were (absent ones removed) once
    the block, which sets them for the page it renders, is done."""
    missing = object()
    saved = {name: getattr(builder, name, missing) for name in names}
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is missing:
                with contextlib.suppress(AttributeError):
                    delattr(builder, name)
            else:
                setattr(builder, name, value)


#: Builder attributes the translator reads that depend on the page being written.
_PAGE_PATHS = {"imgpath": "_images", "dlpath": "_downloads"}


def render_nodes(builder: Builder, fragment: nodes.Element) -> str:
    """HTML of an excerpt (links relative to the root) with its links and images deferred:
    :func:`.links.resolve_deferred` fits it to a page."""
    _rebase_links(fragment, "", DEFERRED)
    document = new_document("<blog excerpt>", fragment_settings(builder))
    document += fragment
    _note_images(builder, fragment)
    with builder_state_kept(builder, (*_PAGE_PATHS, "add_permalinks")):
        for name, folder in _PAGE_PATHS.items():
            setattr(builder, name, deferred(folder))
        translator = builder.create_translator(document, builder)
        # The excerpt's sections sit under the entry's <h2> title: its ``##`` is an <h3>,
        # without a permalink (the post's headings have theirs).
        translator.section_level = 2
        builder.add_permalinks = False  # type: ignore[attr-defined]
        fragment.walkabout(translator)
        return "".join(translator.body)


def _note_images(builder: Builder, fragment: nodes.Element) -> None:
    """Have the builder copy the images of *fragment* to the output (``_images/``)."""
    env = builder.env
    for image in fragment.findall(nodes.image):
        uri = image.get("uri", "")
        candidate = image.get("candidates", {}).get("*", uri)
        if candidate in env.images and candidate not in builder.images:
            builder.images[candidate] = env.images[candidate][1]


def deferred_excerpt(app: Sphinx, key: str) -> str:
    """The excerpt of the post of *key* (``Post.key``), links deferred."""
    store = excerpt_store(app)
    docname = document_of(key)
    stamp = app.env.all_docs.get(docname)
    signature = render_signature(app.builder)
    html = store.get(key, stamp, signature)
    if html is None:
        # Not rendered yet (its page is written later, or was in an earlier build whose
        # store is lost): resolving the post attaches its excerpts, rendered here.
        doctree = resolved_doctree(app, docname)
        render_attached(app, docname, doctree)
        html = store.get(key, stamp, signature)
        if html is None:
            html = render_nodes(app.builder, _post_excerpt(app, key, doctree))
            store.put(key, stamp, signature, html)
    return html


def excerpt_html(app: Sphinx, pagename: str, key: str) -> str:
    """The excerpt of the post of *key* (a ``Post.key``) as shown on page *pagename*."""
    return resolve_deferred(deferred_excerpt(app, key), app.builder, pagename)


def forget_excerpt(app: Sphinx, docname: str) -> None:
    """Drop a deleted post's kept excerpt."""
    excerpt_store(app).forget(docname)


def _on_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if isinstance(doctree, nodes.document):
        render_attached(app, pagename, doctree)


def setup_excerpts(app: Sphinx) -> None:
    """Render each post's excerpts as its page is written; keep them between builds."""
    # Before env/memory frees the written doctree (priority 990).
    app.connect("html-page-context", _on_page_context, priority=400)
    setup_excerpt_store(app)
