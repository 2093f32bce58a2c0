"""The head tags of a page, from what is known about it: pure functions.

:class:`PageFacts` describes one page (its title, description, canonical URL, image,
dates, authors...) and :class:`SiteFacts` the site; :func:`generated_layers` turns them into
the layers merged by :func:`headtags.merge_layers`: site-wide defaults, the site's
``blog_head_meta``, then the page's own tags.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ..model.post import HeadTag
from .headtags import link, meta

#: Where a title is cut when it is used as a description of last resort.
ELLIPSIS = "…"


@dataclass(frozen=True)
class ImageFacts:
    """A page's social image: absolute URL, size of a local file, alternative text."""

    url: str
    width: int | None = None
    height: int | None = None
    alt: str = ""


@dataclass(frozen=True)
class AuthorFacts:
    """An author as head tags need them."""

    name: str
    #: Profile URL (the author's own ``url``, else their page on the blog).
    url: str = ""
    #: ``@handle`` on X/Twitter, for ``twitter:creator``.
    twitter: str = ""


@dataclass(frozen=True)
class PageFacts:
    """What the head tags say about one page."""

    title: str
    description: str = ""
    #: Absolute canonical URL; ``""`` when the site has no ``html_baseurl``.
    canonical: str = ""
    #: ``article`` (posts), ``profile`` (author pages) or ``website``.
    og_type: str = "website"
    image: ImageFacts | None = None
    noindex: bool = False
    published: datetime | None = None
    modified: datetime | None = None
    authors: tuple[AuthorFacts, ...] = ()
    tags: tuple[str, ...] = ()
    section: str = ""
    keywords: tuple[str, ...] = ()
    #: ``(hreflang, absolute URL)`` of the page in every locale, ``x-default`` included.
    alternates: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SiteFacts:
    """What every page's head tags share."""

    site_name: str
    #: ``og:locale`` of this build (``en``, ``uk``, ``pt_BR``).
    locale: str = ""
    other_locales: tuple[str, ...] = ()
    #: ``@handle`` for ``twitter:site``.
    twitter_site: str = ""
    default_image: ImageFacts | None = None
    #: ``blog_head_meta``: ``(name or property, content)``.
    head_meta: tuple[tuple[str, str], ...] = field(default=())


def trim_description(text: str, limit: int) -> str:
    """*text* on one line, cut at a word boundary to at most *limit* characters (with …)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(limit - len(ELLIPSIS), 1)]
    if " " in cut and not text[len(cut)].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:–—-") + ELLIPSIS


def twitter_handle(profile_url: str) -> str:
    """``@name`` from an X/Twitter profile URL or handle (``""`` when there is none)."""
    text = profile_url.strip().rstrip("/")
    if not text:
        return ""
    handle = text.rsplit("/", 1)[-1].split("?", 1)[0].lstrip("@")
    return f"@{handle}" if handle else ""


def _image_tags(prefix: str, image: ImageFacts) -> list[HeadTag]:
    tags = [meta(prefix, image.url)]
    if prefix == "og:image" and image.width and image.height:
        tags += [
            meta("og:image:width", str(image.width)),
            meta("og:image:height", str(image.height)),
        ]
    if image.alt:
        tags.append(meta(f"{prefix}:alt", image.alt))
    return tags


def site_layer(site: SiteFacts) -> list[HeadTag]:
    """Defaults for every page: site name, locale, the site's social image and account."""
    tags = [meta("og:site_name", site.site_name)] if site.site_name else []
    if site.locale:
        tags.append(meta("og:locale", site.locale))
        tags += [meta("og:locale:alternate", other) for other in site.other_locales]
    if site.twitter_site:
        tags.append(meta("twitter:site", site.twitter_site))
    if site.default_image is not None:
        tags.append(meta("twitter:card", "summary_large_image"))
        tags += _image_tags("og:image", site.default_image)
        tags += _image_tags("twitter:image", site.default_image)
    else:
        tags.append(meta("twitter:card", "summary"))
    return tags


def config_layer(site: SiteFacts) -> list[HeadTag]:
    """``blog_head_meta``: site-wide tags chosen in ``conf.py``."""
    return [meta(key, content) for key, content in site.head_meta if key]


def page_layer(page: PageFacts) -> list[HeadTag]:
    """The page's own tags: description, canonical, hreflang, Open Graph, Twitter."""
    tags: list[HeadTag] = []
    if page.description:
        tags.append(meta("description", page.description))
    if page.keywords:
        tags.append(meta("keywords", ", ".join(page.keywords)))
    if page.noindex:
        tags.append(meta("robots", "noindex"))
    if page.canonical:
        tags.append(link("canonical", page.canonical))
    tags += [link("alternate", url, hreflang=lang) for lang, url in page.alternates]
    tags.append(meta("og:title", page.title))
    if page.description:
        tags.append(meta("og:description", page.description))
    if page.canonical:
        tags.append(meta("og:url", page.canonical))
    tags.append(meta("og:type", page.og_type))
    if page.image is not None:
        tags += _image_tags("og:image", page.image)
    if page.og_type == "article":
        if page.published is not None:
            tags.append(meta("article:published_time", page.published.isoformat()))
        if page.modified is not None:
            tags.append(meta("article:modified_time", page.modified.isoformat()))
        tags += [meta("article:author", author.url or author.name) for author in page.authors]
        tags += [meta("article:tag", tag) for tag in page.tags]
        if page.section:
            tags.append(meta("article:section", page.section))
    if page.image is not None:
        tags.append(meta("twitter:card", "summary_large_image"))
    tags.append(meta("twitter:title", page.title))
    if page.description:
        tags.append(meta("twitter:description", page.description))
    if page.image is not None:
        tags += _image_tags("twitter:image", page.image)
    creators = [author.twitter for author in page.authors if author.twitter]
    if creators:
        tags.append(meta("twitter:creator", creators[0]))
    return tags


def generated_layers(page: PageFacts, site: SiteFacts) -> Sequence[list[HeadTag]]:
    """The layers of generated tags, weakest first (see :func:`headtags.merge_layers`)."""
    return (site_layer(site), config_layer(site), page_layer(page))
