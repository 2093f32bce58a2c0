"""Share links under every post: plain links, no social network's script, font or image.

:func:`share_links` (pure) makes each network's share URL from the post's canonical URL
and title; the post footer shows them with inline SVG icons (``share_links.html``), in the
order of ``blog_share``. Nothing is loaded from the networks until a reader follows a link.

Mastodon has no central share address: its link goes to a small page of the site
(``<route>/_share/mastodon.html``, written once per build) that asks for the reader's
own server, remembers it in the browser, and sends the text there. "Copy link" is a
button that ``advocacy-blog.js`` shows and runs; without JavaScript it stays hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode
from weakref import WeakKeyDictionary

from markupsafe import Markup, escape

from ..config.checks import SHARE_NETWORKS
from ..env.site_data import get_site
from ..i18n.translate import _
from ..model.routes import mastodon_share_path
from ..util.files import write_output
from .links import absolute_page_url, link_to_file
from .render import render

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model.site import BlogSite

#: Every network ``blog_share`` may name, in the default order.
NETWORKS = SHARE_NETWORKS
_NAMES = {
    "x": "X",
    "facebook": "Facebook",
    "telegram": "Telegram",
    "whatsapp": "WhatsApp",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "linkedin": "LinkedIn",
    "vk": "VK",
}


@dataclass(frozen=True)
class ShareLink:
    """One share link: the network's key, its visible label and where it goes."""

    network: str
    label: str
    href: str


def _query(**values: str) -> str:
    return urlencode(values, quote_via=quote)


def share_url(network: str, url: str, title: str, mastodon_page: str = "") -> str:
    """The address that shares *url* (titled *title*) on *network*."""
    text = f"{title} {url}" if title else url
    if network == "x":
        return "https://x.com/intent/post?" + _query(text=title, url=url)
    if network == "facebook":
        return "https://www.facebook.com/sharer/sharer.php?" + _query(u=url)
    if network == "telegram":
        return "https://t.me/share/url?" + _query(url=url, text=title)
    if network == "whatsapp":
        return "https://wa.me/?" + _query(text=text)
    if network == "bluesky":
        return "https://bsky.app/intent/compose?" + _query(text=text)
    if network == "mastodon":
        return f"{mastodon_page}?" + _query(text=text)
    if network == "linkedin":
        return "https://www.linkedin.com/sharing/share-offsite/?" + _query(url=url)
    if network == "vk":
        return "https://vk.com/share.php?" + _query(url=url, title=title)
    if network == "email":
        return "mailto:?" + _query(subject=title, body=text)
    if network == "copy":
        return url
    raise ValueError(f"unknown network {network!r}")


def share_links(
    networks: tuple[str, ...], url: str, title: str, mastodon_page: str = ""
) -> list[ShareLink]:
    """The share links of a post at *url*, in the order of *networks*."""
    links = []
    for network in networks:
        if network == "email":
            label = _("Email")
        elif network == "copy":
            label = _("Copy link")
        else:
            label = _NAMES[network]
        links.append(ShareLink(network, label, share_url(network, url, title, mastodon_page)))
    return links


def share_view(app: Sphinx, site: BlogSite, url: str, title: str, mastodon: str) -> dict[str, Any]:
    """What the share links template shows for the post at *url*."""
    links = share_links(site.settings.share, url, title, mastodon)
    return {
        "heading": _("Share this post"),
        "copied": _("Link copied"),
        "links": [
            {
                "network": item.network,
                "label": item.label,
                "href": item.href,
                "title": _("Share on {network}").format(network=item.label)
                if item.network in _NAMES
                else item.label,
                "external": item.network in _NAMES and item.network != "mastodon",
            }
            for item in links
        ],
    }


# Stand-ins that quoting and escaping leave as they are: the share links are rendered once
# per build with them, then each post's values take their place (a template per post,
# with ten links and their icons, would cost more than the rest of its footer).
_URL, _TITLE, _RAW_URL, _MASTODON = (
    f"blogshare{name}0token" for name in ("url", "title", "raw", "mast")
)
_RENDERED: WeakKeyDictionary[Sphinx, str] = WeakKeyDictionary()


def share_html(app: Sphinx, site: BlogSite, docname: str, title: str) -> Markup | None:
    """The share links under post *docname* (None: ``blog_share`` is empty, or the site
    has no ``html_baseurl`` to share)."""
    settings = site.settings
    if not settings.share or not settings.base_url or app.builder.format != "html":
        return None
    template = _RENDERED.get(app)
    if template is None:
        view = share_view(app, site, _URL, _TITLE, _MASTODON)
        for item in view["links"]:
            if item["network"] == "copy":
                item["href"] = _RAW_URL
        template = _RENDERED[app] = str(render(app, "share_links.html", share=view))
    url = absolute_page_url(app.builder, settings, docname)
    mastodon = link_to_file(app.builder, docname, mastodon_share_path(settings))
    html = (
        template.replace(_URL, quote(url, safe=""))
        .replace(_TITLE, quote(title, safe=""))
        .replace(_RAW_URL, str(escape(url)))
        .replace(_MASTODON, str(escape(mastodon)))
    )
    return Markup(html)  # noqa: S704 - rendered by an autoescaping template, values escaped


def write_mastodon_page(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the page that sends a post to the reader's Mastodon server."""
    if exception is not None or app.builder.format != "html":
        return
    settings = get_site(app).settings
    if "mastodon" not in settings.share or not settings.base_url:
        return
    path = mastodon_share_path(settings)
    depth = path.count("/")
    html = render(
        app,
        "share_mastodon.html",
        language=app.config.language or "en",
        static=("../" * depth) + "_static/",
        title=_("Share on {network}").format(network="Mastodon"),
        server_label=_("Your Mastodon server"),
        text_label=_("Text"),
        submit=_("Share"),
        no_script=_(
            "This page needs JavaScript. Without it, copy the address of the post and "
            "share it in a new post on your Mastodon server."
        ),
    )
    write_output(str(app.outdir), path, str(html).encode("utf-8"))


def setup_share(app: Sphinx) -> None:
    """Write the Mastodon share page at the end of each build."""
    app.connect("build-finished", write_mastodon_page)
