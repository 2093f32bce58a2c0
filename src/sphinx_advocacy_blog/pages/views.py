"""Views: the display-ready values of posts, authors and tags that templates receive.

Plain dicts of already-computed values (links relative to the page, dates in the page's
language), never raw markup; the templates escape them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..i18n import translate as i18n
from ..model.post import Author, Post, Tag
from ..model.routes import author_page, category_page, group_page, media_path, tag_page
from ..model.site import BlogSite
from ..util.files import find_source_file
from ..util.urls import is_absolute_url, own_site_path
from .links import link, link_to_file, post_link

if TYPE_CHECKING:
    from sphinx.builders import Builder


def initials(name: str) -> str:
    """Up to two initials for an avatar placeholder."""
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


def image_link(
    builder: Builder, site: BlogSite, from_page: str, image: str, *, remote_ok: bool
) -> str:
    """A usable ``src`` for an image given as URL, static ``/path`` or srcdir path."""
    if not image:
        return ""
    if is_absolute_url(image):
        # An address on the site itself whose file is in the source: the local file.
        local = own_site_path(site.settings.base_url, image)
        found = local and find_source_file(str(builder.srcdir), site.settings.static_dirs, local)
        if local and found:
            return link_to_file(builder, from_page, local)
        return image if remote_ok else ""
    if image.startswith("/"):
        return link_to_file(builder, from_page, image)
    return link_to_file(builder, from_page, media_path(site.settings, image))


#: How social networks spell their names (the keys of ``socials``, and their hosts).
NETWORK_LABELS = {
    "x": "X",
    "twitter": "X",
    "github": "GitHub",
    "linkedin": "LinkedIn",
    "bluesky": "Bluesky",
    "stackoverflow": "Stack Overflow",
    "instagram": "Instagram",
    "threads": "Threads",
    "telegram": "Telegram",
    "youtube": "YouTube",
    "facebook": "Facebook",
    "mastodon": "Mastodon",
    "twitch": "Twitch",
    "email": "Email",
    "newsletter": "Newsletter",
}
_NETWORK_HOSTS = {
    "x.com": "x",
    "twitter.com": "twitter",
    "github.com": "github",
    "linkedin.com": "linkedin",
    "bsky.app": "bluesky",
    "stackoverflow.com": "stackoverflow",
    "instagram.com": "instagram",
    "threads.net": "threads",
    "t.me": "telegram",
    "youtube.com": "youtube",
    "facebook.com": "facebook",
    "fb.com": "facebook",
}


def network_label(network: str) -> str:
    """A network's name as it spells it (``github`` -> ``GitHub``)."""
    return NETWORK_LABELS.get(network, network[:1].upper() + network[1:])


def url_label(url: str) -> str:
    """The label of an author's ``url``: the network's name for a profile on a social
    network, else ``""`` (the template says "Website")."""
    host = urlsplit(url).netloc.lower().rsplit("@", 1)[-1].split(":")[0]
    for suffix, network in _NETWORK_HOSTS.items():
        if host == suffix or host.endswith("." + suffix):
            return network_label(network)
    return ""


def author_view(builder: Builder, site: BlogSite, from_page: str, author: Author) -> dict[str, Any]:
    """Display values of an author."""
    page = author_page(site, author)
    avatar = image_link(
        builder, site, from_page, author.image_url, remote_ok=site.settings.remote_media
    )
    return {
        "key": author.key,
        "name": author.name,
        "title": author.title,
        "url": author.url,
        "url_label": url_label(author.url) if author.url else "",
        "page_url": link(builder, from_page, page) if page else "",
        "avatar": avatar,
        "initials": initials(author.name),
        "description": author.description,
        "socials": [
            {"network": network_label(network), "url": url} for network, url in author.socials
        ],
        "email": author.email,
    }


def tag_view(builder: Builder, site: BlogSite, from_page: str, tag: Tag) -> dict[str, Any]:
    """Display values of a tag."""
    return {
        "label": tag.label,
        "url": link(builder, from_page, tag_page(site, tag)),
        "description": tag.description,
        "permalink": tag.permalink,
    }


def _cover_alt(post: Post) -> str:
    """The cover's ``image_alt`` from the front matter, else the post's title."""
    alt = dict(post.extra).get("image_alt")
    return alt.strip() if isinstance(alt, str) and alt.strip() else post.title


def _last_update(post: Post, language: str, date_format: str) -> dict[str, str] | None:
    """Front matter ``last_update`` (its date, its author or both), for the post's footer."""
    if post.last_update is None and not post.last_update_author:
        return None
    moment = post.last_update
    iso = ""
    if moment is not None:
        midnight = (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0)
        iso = moment.date().isoformat() if midnight else moment.isoformat()
    return {
        "date_iso": iso,
        "date_text": i18n.display_date(moment, language, date_format) if moment else "",
        "author": post.last_update_author,
    }


def post_view(
    builder: Builder, site: BlogSite, from_page: str, post: Post, language: str
) -> dict[str, Any]:
    """Display values of a post as seen from page *from_page*."""
    settings = site.settings
    return {
        "docname": post.docname,
        "title": post.title,
        "label": post.sidebar_label or post.title,
        # ABlog's ``external_link``: lists lead to the post where it was published.
        "url": post.external_link or post_link(builder, from_page, post),
        "date_iso": post.published.isoformat()
        if post.has_time
        else post.published.date().isoformat(),
        "date_text": i18n.display_date(post.published, language, settings.date_format),
        # ABlog's undated drafts: "Draft" instead of the file's date.
        "dated": post.dated,
        "year": post.published.year,
        "reading_time": i18n.reading_time_text(post.reading_minutes)
        if settings.show_reading_time
        else "",
        "authors": [
            author_view(builder, site, from_page, author) for author in site.post_authors(post)
        ],
        "tags": [tag_view(builder, site, from_page, tag) for tag in site.post_tags(post)],
        "category": post.category,
        "category_url": link(builder, from_page, category_page(site, post.category))
        if post.category
        else "",
        # Every category (ABlog's posts may have several): [{"name", "url"}].
        "categories": [
            {"name": name, "url": link(builder, from_page, category_page(site, name))}
            for name in post.categories
        ],
        "group": post.group,
        "group_url": link(builder, from_page, group_page(site, post.group)) if post.group else "",
        "image": image_link(builder, site, from_page, post.image, remote_ok=settings.remote_media),
        "image_alt": _cover_alt(post),
        "description": post.description or post.summary,
        "last_update": _last_update(post, language, settings.date_format),
        "pinned": post.pinned,
        "unlisted": post.unlisted,
        "draft": post.draft,
    }
