"""Excerpts of posts on list pages, rendered by the builder's own HTML translator.

When a post page is written, the part of its resolved doctree above ``<!-- truncate -->``
(or the whole body when there is no marker, as Docusaurus does) is kept, pickled, with
internal links made relative to the site root. A list page renders the excerpts it shows
from those pickles, links made relative to itself. This keeps excerpts out of the
environment (which stays small) and never re-reads a post to list it.

Posts are resolved in the main process even in parallel builds, so the excerpts of a build
are kept in memory and saved at its end in one file beside Sphinx's doctrees (one file per
builder), each with the read stamp of its post: an excerpt whose post was read again since
is never used.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import posixpath
import re
import zlib
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx import addnodes
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
from ..util.files import write_atomically
from .images import prepare_excerpt

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

EXCERPT_FILE = "advocacy_blog_excerpts-{builder}.pickle"
#: Rendered excerpts: (post, None) -> HTML for every page (None: it depends on the page);
#: (post, folder of a page) -> HTML for the pages of that folder.
_MEMO: WeakKeyDictionary[Sphinx, dict[tuple[str, str | None], str | None]] = WeakKeyDictionary()


class ExcerptStore:
    """Pickled excerpts by docname, each with its post's read stamp; one file on disk."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entries: dict[str, tuple[Any, bytes]] = {}
        self.changed = False
        # A missing, truncated or foreign file is no cache: every excerpt is made again.
        with contextlib.suppress(Exception):
            with open(path, "rb") as handle:
                entries = pickle.load(handle)  # noqa: S301 - our own cache file
            if isinstance(entries, dict):
                self.entries = entries

    def put(self, docname: str, stamp: Any, fragment: nodes.container) -> None:
        """Keep the excerpt of *docname* as read at *stamp*."""
        # Compressed: the store stays in memory for the whole build (~4x smaller).
        data = zlib.compress(pickle.dumps(fragment, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self.entries[docname] = (stamp, data)
        self.changed = True

    def get(self, docname: str, stamp: Any) -> nodes.container | None:
        """A fresh copy of the excerpt of *docname*, if it was kept for read *stamp*."""
        entry = self.entries.get(docname)
        if entry is None or entry[0] != stamp:
            return None
        with contextlib.suppress(Exception):
            fragment = pickle.loads(zlib.decompress(entry[1]))  # noqa: S301 - our own cache
            if isinstance(fragment, nodes.container):
                return fragment
        return None

    def forget(self, docname: str) -> None:
        """Drop the excerpts of *docname* (its post's and its section posts')."""
        for key in [key for key in self.entries if _document(key) == docname]:
            del self.entries[key]
            self.changed = True

    def save(self) -> None:
        """Write the file, if anything changed (atomically: a crash leaves the old one)."""
        if not self.changed:
            return
        write_atomically(self.path, pickle.dumps(self.entries, protocol=pickle.HIGHEST_PROTOCOL))
        self.changed = False


_STORES: WeakKeyDictionary[Sphinx, ExcerptStore] = WeakKeyDictionary()


def excerpt_store(app: Sphinx) -> ExcerptStore:
    """This build's excerpts (one store per builder: html and dirhtml link differently)."""
    store = _STORES.get(app)
    if store is None:
        name = EXCERPT_FILE.format(builder=app.builder.name)
        store = _STORES[app] = ExcerptStore(os.path.join(app.doctreedir, name))
    return store


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
    has_marker = section.next_node(excerpt_marker) is not None
    _copy_blocks(section, container, 0 if has_marker else word_limit, [0])
    for node in list(container.findall(lambda n: isinstance(n, (post_header, post_footer)))):
        node.parent.remove(node)
    return _strip_ids(container, prefix)


def _copy_blocks(
    source: nodes.Element, target: nodes.Element, word_limit: int, words: list[int]
) -> bool:
    """Copy the blocks of *source* into *target* until the marker or *word_limit* words
    (counted in ``words[0]``); True when the excerpt ends there."""
    for child in source.children:
        if word_limit and words[0] >= word_limit:
            return True
        if isinstance(child, nodes.title) and isinstance(target, nodes.container):
            continue  # the post's own title
        if isinstance(child, excerpt_marker) or child.next_node(excerpt_marker) is not None:
            if not isinstance(child, excerpt_marker):
                partial = child.deepcopy()
                _truncate_at_marker(partial)
                target += partial
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
        if not isinstance(child, nodes.title):
            words[0] += len(child.astext().split())
    return False


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


def _truncate_at_marker(node: nodes.Element) -> None:
    for index, child in enumerate(node.children):
        if isinstance(child, excerpt_marker):
            del node.children[index:]
            return
        if isinstance(child, nodes.Element) and child.next_node(excerpt_marker) is not None:
            _truncate_at_marker(child)
            del node.children[index + 1 :]
            return


def _rebase_links(fragment: nodes.Element, from_uri: str, to_uri: str) -> None:
    """Make internal links written for page *from_uri* work from page *to_uri*.

    Links are stored relative to the site root (``to_uri=""``) when a post is written, and
    made relative to a list page (``from_uri=""``) when shown there. Anchors are kept, and
    same-page anchors of the post become links to the post, since on a list page "#x"
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
        rebased = relative_uri(to_uri, target) if to_uri else target
        reference["refuri"] = rebased + hash_ + anchor


def _document(key: str) -> str:
    """The document of a post key (``docname``, or ``docname#section``: see ``Post.key``)."""
    return key.partition("#")[0]


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
    return fragment


def save_excerpt(app: Sphinx, docname: str, doctree: nodes.document) -> None:
    """Keep the excerpts of a just-resolved post doctree, its section posts' too (links
    relative to the root)."""
    stamp = app.env.all_docs.get(docname)
    keys = [docname, *(post.key for post in section_posts_of(app.env).get(docname, ()))]
    for key in keys:
        fragment = _post_excerpt(app, key, doctree)
        # Copied nodes keep a reference to their document (and through it the settings
        # and the whole environment); without cutting it each pickle weighs hundreds of KB.
        for node in fragment.findall():
            node.document = None
        excerpt_store(app).put(key, stamp, fragment)
    _MEMO.pop(app, None)


def _load_excerpt(app: Sphinx, key: str) -> nodes.container:
    store = excerpt_store(app)
    docname = _document(key)
    stamp = app.env.all_docs.get(docname)
    fragment = store.get(key, stamp)
    if fragment is not None:
        return fragment
    # No kept excerpt (a new list page, a cache file lost): resolving the post's doctree
    # runs the post page's own handler, which keeps its excerpt (save_excerpt) before it
    # fills the header and footer; the resolved tree itself holds them filled.
    doctree = resolved_doctree(app, docname)
    fragment = store.get(key, stamp)
    if fragment is not None:
        return fragment
    return _post_excerpt(app, key, doctree)


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


def render_nodes(builder: Builder, pagename: str, fragment: nodes.Element) -> str:
    """HTML of *fragment* as it appears on page *pagename* (images and links resolved)."""
    document = new_document("<blog excerpt>", docutils_settings(builder))
    document += fragment
    _note_images(builder, fragment)
    saved_imgpath = getattr(builder, "imgpath", "")
    saved_permalinks = getattr(builder, "add_permalinks", True)
    builder.imgpath = relative_uri(
        builder.get_target_uri(pagename),
        builder.imagedir,
    )
    try:
        translator = builder.create_translator(document, builder)
        # The excerpt's sections sit under the entry's <h2> title: its ``##`` is an <h3>,
        # without a permalink (the post's headings have theirs).
        translator.section_level = 2
        builder.add_permalinks = False  # type: ignore[attr-defined]
        fragment.walkabout(translator)
        return "".join(translator.body)
    finally:
        builder.imgpath = saved_imgpath
        builder.add_permalinks = saved_permalinks  # type: ignore[attr-defined]


def _note_images(builder: Builder, fragment: nodes.Element) -> None:
    """Have the builder copy the images of *fragment* to the output (``_images/``)."""
    env = builder.env
    for image in fragment.findall(nodes.image):
        uri = image.get("uri", "")
        candidate = image.get("candidates", {}).get("*", uri)
        if candidate in env.images and candidate not in builder.images:
            builder.images[candidate] = env.images[candidate][1]


def keep_excerpt_for_workers(app: Sphinx, key: str) -> None:
    """Before forked workers render the excerpt of *key*: keep it in the store and have
    its images copied, here in the build's process (what a worker does is lost with it).

    A shared excerpt is rendered now (which notes its images) and kept for the entries;
    only an excerpt that depends on the page is loaded once more for its images."""
    if shared_excerpt_html(app, key) is None:
        _note_images(app.builder, _load_excerpt(app, key))


def depends_on_page(fragment: nodes.Element) -> bool:
    """Whether the HTML of *fragment* differs from one list page to another.

    Only links to other pages (rebased by :func:`_rebase_links`), images (the builder's
    image path) and download links are written relative to the page; an excerpt with none
    of them (most excerpts: text, lists, code, external links) renders the same everywhere.
    """
    for node in fragment.findall(nodes.Element):
        if isinstance(node, (nodes.image, addnodes.download_reference)):
            return True
        internal = isinstance(node, nodes.reference) and node.get("internal")
        if internal and node.get("refuri", "").partition("#")[0]:
            return True
    return False


def shared_excerpt_html(app: Sphinx, key: str) -> str | None:
    """The excerpt of the post of *key* (``Post.key``) if it renders the same on every
    page, else None."""
    memo = _MEMO.setdefault(app, {})
    entry = (key, None)
    if entry not in memo:
        fragment = _load_excerpt(app, key)
        shared = not depends_on_page(fragment)
        memo[entry] = render_nodes(app.builder, _document(key), fragment) if shared else None
    return memo[entry]


def forget_rendered_excerpt(app: Sphinx, key: str) -> None:
    """Drop the rendered excerpt of the post of *key* kept for pages still to come (its
    last one was written)."""
    memo = _MEMO.get(app)
    if memo is not None:
        memo.pop((key, None), None)


def excerpt_html(app: Sphinx, pagename: str, docname: str) -> str:
    """The excerpt of post *docname* (a ``Post.key``) rendered for page *pagename*."""
    # A post lists on up to ~5 pages in different folders (index, tags, author): an
    # excerpt that does not depend on the page is rendered once for all of them.
    shared = shared_excerpt_html(app, docname)
    if shared is not None:
        return shared
    builder = app.builder
    memo = _MEMO.setdefault(app, {})
    page_uri = builder.get_target_uri(pagename)
    # Relative links depend only on the page's folder, so pages in one folder share renders.
    key = (docname, posixpath.dirname(page_uri))
    html = memo.get(key)
    if html is None:
        fragment = _load_excerpt(app, docname)
        _rebase_links(fragment, "", page_uri)
        html = memo[key] = render_nodes(builder, pagename, fragment)
    return html


def forget_excerpt(app: Sphinx, docname: str) -> None:
    """Drop a deleted post's kept excerpt."""
    excerpt_store(app).forget(docname)


def _save_store(app: Sphinx, exception: BaseException | None) -> None:
    store = _STORES.get(app)
    if store is not None:
        store.save()


def setup_excerpts(app: Sphinx) -> None:
    """Save the build's excerpts when it ends."""
    app.connect("build-finished", _save_store)
