"""Videos and posts of other sites behind click-to-load facades; remote images as links.

By default (``blog_remote_media = False``) no page makes the reader's browser contact
another site when it opens:

- an embed (the ``embed`` directive, a raw ``<iframe>`` of any page, a Telegram widget
  script) is shown as a *facade*: a local poster or a placeholder made of text, a play
  button, a note naming the site that will load, and a plain link to the content there.
  ``advocacy-blog.js`` loads the player only when the reader clicks (YouTube from
  ``www.youtube-nocookie.com``); without JavaScript the link opens the content's own page;
- an image, video or sound from another host becomes a link to it ("image on
  upload.wikimedia.org"), and a warning (``blog.remote_media``) suggests copying the file
  beside the post; remote scripts and stylesheets in raw HTML are dropped.

This happens when a page is written (a post-transform), so ``blog_remote_media`` needs no
re-read, and list pages, which show excerpts of the written doctrees, get the same. The
feeds turn facades and links back into the real embeds and images (:func:`restore_in_feed`).

For other code that shows embeds (MDX components): :func:`facade_for` makes the node the
``embed`` directive makes, and :func:`facade_html` the HTML of a facade.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from docutils import nodes
from docutils.parsers.rst import directives
from markupsafe import escape
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import report
from ..env.nodes import line_in_raw, source_line
from ..env.site_data import app_of
from ..i18n.translate import _
from ..model.embeds import VIDEO, Embed, generic, recognize
from ..model.problem import Problem
from ..pages.render import render
from .remote import find_remote, remote_host, remove_end_tag, rewrite_remote

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

JS_FILE = "advocacy-blog.js"


class embed_facade(nodes.General, nodes.Element):
    """An embed of another site (attributes of :class:`~..model.embeds.Embed` and ``title``);
    an optional ``nodes.image`` child is its poster. Written as a facade or, with
    ``blog_remote_media``, as the iframe itself."""


def _embed_of(node: embed_facade) -> Embed:
    return Embed(
        service=node["service"],
        kind=node["kind"],
        embed_url=node["embed_url"],
        page_url=node["page_url"],
        host=node["host"],
        shape=node["shape"],
        autoplay=node["autoplay"],
    )


def facade_for(url: str, title: str = "", poster: str = "") -> embed_facade | None:
    """The node of an embed of *url* (a page of a known service or an iframe ``src``),
    with *poster* (an image path as written in the document) when given; None when *url*
    is no embed this extension knows."""
    embed = recognize(url)
    if embed is None:
        return None
    node = embed_facade(
        title=title.strip(),
        service=embed.service,
        kind=embed.kind,
        embed_url=embed.embed_url,
        page_url=embed.page_url,
        host=embed.host,
        shape=embed.shape,
        autoplay=embed.autoplay,
    )
    if poster:
        node += nodes.image(uri=poster, alt="", classes=["blog-embed-poster"])
    return node


def _default_title(embed: Embed) -> str:
    return (_("Video on {service}") if embed.kind == VIDEO else _("Post on {service}")).format(
        service=embed.service
    )


def facade_html(app: Sphinx, embed: Embed, title: str = "", poster: str = "") -> str:
    """The HTML of a facade (*poster*: a URL relative to the page, or ``""``), or of the
    player itself when the site shows remote media."""
    video = embed.kind == VIDEO
    context = {
        "embed": embed,
        "title": title or _default_title(embed),
        "poster": poster,
        "action": _("Play video") if video else _("Show post"),
        "note": _("Clicking loads this from {host}, which can then see your visit.").format(
            host=embed.host
        ),
        "open_label": (_("Watch on {service}") if video else _("Open on {service}")).format(
            service=embed.service
        ),
    }
    template = "embed_frame.html" if app.config.blog_remote_media else "embed_facade.html"
    return str(render(app, template, **context)).strip()


def remote_link_html(app: Sphinx, element: str, url: str, alt: str, host: str) -> str:
    """A link that stands for an image (or video, sound...) of another host."""
    label = remote_media_label(element, alt, host)
    html = render(app, "remote_media_link.html", element=element, url=url, alt=alt, label=label)
    return str(html).strip()


def remote_media_label(element: str, alt: str, host: str) -> str:
    """The words that stand for a remote image (video, sound...): its alt text and where
    it is ("A chart (image on example.org)"), or only where it is."""
    if element in ("img", "input"):
        label = _("Image on {host}").format(host=host)
    elif element == "video":
        label = _("Video on {host}").format(host=host)
    elif element == "audio":
        label = _("Sound on {host}").format(host=host)
    else:
        label = _("Content on {host}").format(host=host)
    if alt.strip():
        label = f"{' '.join(alt.split())} ({label[:1].lower()}{label[1:]})"
    return label


def own_hosts(app: Sphinx) -> frozenset[str]:
    """The site's own host names (from ``html_baseurl``): its absolute URLs are not remote."""
    return _hosts_of(app.config.html_baseurl or app.config.blog_baseurl or "")


@lru_cache(maxsize=8)
def _hosts_of(base_url: str) -> frozenset[str]:
    host = urlsplit(base_url).hostname
    return frozenset({host.lower()}) if host else frozenset()


def _media_nodes(document: nodes.document) -> list[nodes.Element]:
    """The images, then the raw HTML, of a document (each in document order).

    Two walks by class: docutils walks a tree for one class without a call per node (and
    past text nodes); a condition function costs several times as much, in the build's
    own process when pages are written in parallel.
    """
    return [*document.findall(nodes.image), *document.findall(nodes.raw)]


def is_remote_uri(uri: str, hosts: frozenset[str]) -> bool:
    return bool(remote_host(uri, hosts))


# -- the embed directive --------------------------------------------------------------------


class EmbedDirective(SphinxDirective):
    """``embed``: a video or post of another site by its URL, behind a facade.

    Options: ``title`` (shown on the placeholder and read by screen readers) and ``poster``
    (a local image shown until the reader plays it).
    """

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "title": directives.unchanged,
        "poster": directives.uri,
    }

    def run(self) -> list[nodes.Node]:
        url = self.arguments[0]
        node = facade_for(url, self.options.get("title", ""), self.options.get("poster", ""))
        if node is None:
            path, line = self.get_source_info()
            report(
                self.env.app,
                [
                    Problem(
                        "embed",
                        f"{url!r} is not a video or post of a site the embed directive knows "
                        "(YouTube, Vimeo, Dailymotion, PeerTube, X, Facebook, Instagram, "
                        "Telegram); it is shown as a link",
                        path,
                        line,
                    )
                ],
            )
            reference = nodes.reference(url, url, refuri=url)
            return [nodes.paragraph("", "", reference)]
        self.set_source_info(node)
        return [node]


def visit_embed_facade(translator: HTML5Translator, node: embed_facade) -> None:
    """HTML: the facade (or the player), with the poster's URL as the builder copied it."""
    builder = translator.builder
    poster = ""
    image = node.next_node(nodes.image)
    if image is not None:
        uri = image["uri"]
        if uri in builder.images:
            poster = f"{builder.imgpath}/{builder.images[uri]}"
        elif is_remote_uri(uri, frozenset()) and builder.config.blog_remote_media:
            poster = uri
    translator.body.append(facade_html(builder.app, _embed_of(node), node["title"], poster))
    raise nodes.SkipNode


class EmbedsAsLinks(SphinxPostTransform):
    """Builders other than HTML: an embed is a paragraph with a link to the content."""

    default_priority = 300

    def run(self, **kwargs: Any) -> None:
        if app_of(self.env).builder.format == "html":
            return
        for node in list(self.document.findall(embed_facade)):
            embed = _embed_of(node)
            title = node["title"] or _default_title(embed)
            url = embed.page_url
            reference = nodes.reference(url, url, refuri=url)
            node.replace_self(nodes.paragraph("", "", nodes.Text(f"{title}: "), reference))


# -- warnings when a document is read --------------------------------------------------------

_REMOTE_KINDS = {
    "script": "the script {url} (from {host}) is left out",
    "link": "the stylesheet or icon {url} (from {host}) is left out",
    "css": "the CSS url() {url} (from {host}) is left out",
}


class RemoteMediaWarnings(SphinxTransform):
    """Warn (``blog.remote_media``) about images, videos, sounds, scripts and stylesheets of
    other hosts in a document, which are shown as links or left out."""

    default_priority = 720

    def apply(self, **kwargs: Any) -> None:
        if self.config.blog_remote_media:
            return
        hosts = own_hosts(app_of(self.env))
        problems: list[Problem] = []
        source = str(self.env.doc2path(self.env.docname, False))
        found = _media_nodes(self.document)
        for image in (node for node in found if isinstance(node, nodes.image)):
            uri = image.get("uri", "")
            host = remote_host(uri, hosts)
            if host and not isinstance(image.parent, embed_facade):
                problems.append(_image_problem(uri, host, source, source_line(image)))
        for raw in (node for node in found if isinstance(node, nodes.raw)):
            if "html" not in raw.get("format", "").split():
                continue
            seen = set()
            for resource in find_remote(raw.astext(), hosts):
                if resource.element in ("iframe", "frame") or resource.element in seen:
                    continue
                # One warning per element of a piece of HTML (a video and its poster: one).
                seen.add(resource.element)
                if resource.element in _REMOTE_KINDS:
                    message = _REMOTE_KINDS[resource.element].format(
                        url=resource.url, host=resource.host
                    )
                    problems.append(
                        Problem(
                            "remote_media",
                            f"{message}: it would tell {resource.host} who reads the page. "
                            "Copy it into the site, or set blog_remote_media = True",
                            source,
                            line_in_raw(raw, resource.url),
                        )
                    )
                elif resource.element != "script":
                    problems.append(
                        _image_problem(
                            resource.url, resource.host, source, line_in_raw(raw, resource.url)
                        )
                    )
        report(app_of(self.env), problems)


def _image_problem(url: str, host: str, source: str, line: int | None) -> Problem:
    return Problem(
        "remote_media",
        f"{url} is on another site ({host}), which would see every reader of the page: it is "
        "shown as a link. Copy the file beside the post and link it as ./file, or set "
        "blog_remote_media = True to show it",
        source,
        line,
    )


# -- rewriting when a page is written --------------------------------------------------------


def _enclosing_reference(node: nodes.Node) -> nodes.reference | None:
    """The link an inline node is inside (``[![x](img)](url)``, through MyST's spans)."""
    parent = node.parent
    while isinstance(parent, (nodes.inline, nodes.reference)):
        if isinstance(parent, nodes.reference):
            return parent
        parent = parent.parent
    return None


class PrivateMedia(SphinxPostTransform):
    """Remote images become links, raw iframes facades (unless ``blog_remote_media``)."""

    default_priority = 300
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if self.config.blog_remote_media:
            return
        app = app_of(self.env)
        hosts = own_hosts(app)
        found = _media_nodes(self.document)
        for image in [node for node in found if isinstance(node, nodes.image)]:
            uri = image.get("uri", "")
            host = remote_host(uri, hosts)
            if not host or isinstance(image.parent, embed_facade):
                continue
            html = remote_link_html(app, "img", uri, image.get("alt", ""), host)
            reference = _enclosing_reference(image)
            if reference is not None:
                # A linked image: its link stays, the image's words (and where it is)
                # go inside it.
                html = str(escape(remote_media_label("img", image.get("alt", ""), host)))
            image.replace_self(nodes.raw("", html, format="html"))
            if reference is not None and not isinstance(reference.parent, nodes.TextElement):
                # reST's ``image`` with ``:target:`` puts the link among the blocks, where
                # HTML writers only accept an image inside it: its words become a paragraph.
                paragraph = nodes.paragraph(classes=["blog-remote-media-linked"])
                reference.replace_self(paragraph)
                paragraph += reference
        unclosed: list[str] = []
        for raw in [node for node in found if isinstance(node, nodes.raw)]:
            if raw.parent is None:
                continue  # fallback content of a replaced element, removed below
            if "html" not in raw.get("format", "").split():
                continue
            text = raw.astext()
            rewritten = text
            while unclosed:
                # The end tag of an element replaced in an earlier piece of inline HTML.
                rewritten, removed = remove_end_tag(rewritten, unclosed[0])
                if not removed:
                    break
                unclosed.pop(0)
            still_open = len(unclosed)
            if "//" in rewritten:
                rewritten = rewrite_remote(
                    rewritten,
                    facade=lambda _name, attrs, _host: _iframe_facade(app, attrs),
                    link=lambda name, attrs, host: remote_link_html(
                        app, name, attrs.get("src", ""), attrs.get("alt", ""), host
                    ),
                    own_hosts=hosts,
                    unclosed=unclosed,
                )
            if rewritten != text:
                replacement = nodes.raw("", rewritten, format=raw["format"])
                raw.replace_self(replacement)
                if len(unclosed) > still_open and unclosed[-1] in _PLAYERS:
                    _drop_fallback(replacement, unclosed[-1])


#: Elements whose content is what a browser shows when it cannot play them.
_PLAYERS = frozenset({"audio", "video"})


def _drop_fallback(replaced: nodes.raw, name: str) -> None:
    """Remove what follows the start of a replaced ``<audio>`` or ``<video>`` up to its
    end tag, in the same paragraph (``<audio src=...> Audio is unsupported in this
    browser. </audio>`` in one line of Markdown): the text a browser shows only when it
    cannot play the element, which the link that replaced it makes wrong. (An iframe's
    content, "See the Pen ... on CodePen" with its link, is kept: it is the way there.)"""
    parent = replaced.parent
    end_tag = f"</{name.lower()}"
    following = parent.children[parent.index(replaced) + 1 :]
    for position, sibling in enumerate(following):
        if isinstance(sibling, nodes.raw) and end_tag in sibling.astext().lower():
            for fallback in following[:position]:
                parent.remove(fallback)
            return


def _iframe_facade(app: Sphinx, attrs: dict[str, str]) -> str:
    src = attrs.get("src", "")
    if src.startswith("//"):
        src = "https:" + src  # the page's scheme: the site is served over HTTPS
    embed = recognize(src) or generic(src)
    if embed is None:
        return ""
    return facade_html(app, embed, attrs.get("title", ""))


def _add_script(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.add_js_file(JS_FILE, loading_method="defer")


def setup_embeds(app: Sphinx) -> None:
    """Register the ``embed`` directive, its node and the rewriting of remote media."""
    app.add_node(embed_facade, html=(visit_embed_facade, None))
    app.add_directive("embed", EmbedDirective)
    app.add_transform(RemoteMediaWarnings)
    app.add_post_transform(PrivateMedia)
    app.add_post_transform(EmbedsAsLinks)
    app.connect("builder-inited", _add_script)
