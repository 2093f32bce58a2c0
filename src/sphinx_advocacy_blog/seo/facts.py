"""What the head tags, JSON-LD, feeds and sitemap say about the site, its posts and authors.

Gathers the facts of this build (canonical URLs, hreflang alternates, images with their
sizes, dates, authors as Person or Organization) from the site data and the environment;
the tags themselves are made by the pure functions of :mod:`.tag_layers`,
:mod:`.headtags`, :mod:`.headblock` and :mod:`.jsonld`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from ..env.build_state import get_catalog
from ..env.discovery import is_post, post_source
from ..env.git_dates import history_of, post_modified
from ..i18n.locales import alternates
from ..i18n.translate import language_tag
from ..model.event import SCHEMA_STATUS
from ..model.post import Author, Post
from ..model.problem import Problem
from ..model.routes import author_page, index_page, media_path, series_key, series_page
from ..model.site import BlogSite
from ..pages.links import absolute, absolute_page_url, link_to_file, public_uri
from ..util.files import is_active_svg, source_file
from ..util.image_variants import Variant, plan_image
from ..util.urls import is_absolute_url, safe_url
from . import jsonld
from .cards import post_card
from .headblock import ResolvedHead, Resolver, resolve_head_block
from .headtags import meta_key
from .images import PublishedImage, image_size, post_image, site_image
from .tag_layers import AuthorFacts, ImageFacts, SiteFacts, trim_description, twitter_handle

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Social networks whose profile gives ``twitter:creator``.
TWITTER_NETWORKS = ("x", "twitter")


# -- site-wide facts ---------------------------------------------------------------------


def site_title(config: Config) -> str:
    """The site's name for titles and ``og:site_name``: ``html_title`` when the project set
    one, else ``project`` (Sphinx's default "<project> documentation" suits no blog)."""
    # Sphinx's own catalog (not this extension's) translates its default title.
    from sphinx.locale import _ as sphinx_gettext

    default = sphinx_gettext("%s %s documentation") % (config.project, config.release)
    title = " ".join(str(config.html_title or "").split())
    if not title or title == " ".join(default.split()):
        return str(config.project)
    return title


def _twitter_site(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    return twitter_handle(value) if "/" in value else "@" + value.lstrip("@")


def _published_url(site: BlogSite, image: PublishedImage | None) -> str:
    """Absolute URL of a published image (``""`` when it cannot be absolute)."""
    if image is None:
        return ""
    if is_absolute_url(image.location):
        return image.location if safe_url(image.location) else ""
    if not site.settings.base_url:
        return ""
    return absolute(site.settings, image.location)


def image_facts(
    site: BlogSite, image: PublishedImage | None, alt: str = "", copy: Variant | None = None
) -> ImageFacts | None:
    """Facts of a published image, or of its resized *copy*."""
    if copy is not None and image is not None:
        image = PublishedImage(copy.path)
    url = _published_url(site, image)
    if not url or image is None:
        return None
    size = (copy.width, copy.height) if copy is not None else image_size(image.source)
    return ImageFacts(
        url=url, width=size[0] if size else None, height=size[1] if size else None, alt=alt
    )


def _json_image(facts: ImageFacts | None, caption: str = "") -> jsonld.ImageRef | None:
    if facts is None:
        return None
    return jsonld.ImageRef(facts.url, facts.width, facts.height, caption or facts.alt)


def default_image(app: Sphinx, site: BlogSite) -> PublishedImage | None:
    return site_image(str(app.srcdir), site.settings.static_dirs, site.settings.default_image)


_SITE_FACTS: WeakKeyDictionary[Sphinx, tuple[BlogSite, SiteFacts]] = WeakKeyDictionary()


def site_facts(app: Sphinx, site: BlogSite) -> SiteFacts:
    """What every page of this build shares (computed once per build and site data)."""
    known = _SITE_FACTS.get(app)
    if known is not None and known[0] is site:
        return known[1]
    settings = site.settings
    locale = site.locale
    facts = SiteFacts(
        site_name=site_title(app.config),
        locale=locale.og_locale if locale else language_tag(settings.language).replace("-", "_"),
        other_locales=tuple(
            info.og_locale for info in site.locales if locale is None or info.code != locale.code
        ),
        twitter_site=_twitter_site(settings.twitter_site),
        default_image=image_facts(site, default_image(app, site)),
        head_meta=tuple((str(k), str(v)) for k, v in settings.head_meta.items()),
    )
    _SITE_FACTS[app] = (site, facts)
    return facts


def html_lang(app: Sphinx, site: BlogSite) -> str:
    return site.locale.html_lang if site.locale else language_tag(app.config.language or "en")


def publisher_ref(app: Sphinx, site: BlogSite) -> jsonld.AgentRef | None:
    """``blog_publisher`` as a JSON-LD Organization (None when it is not configured)."""
    publisher = site.settings.publisher
    name = str(publisher.get("name") or "").strip()
    if not name:
        return None
    logo = site_image(str(app.srcdir), site.settings.static_dirs, str(publisher.get("logo") or ""))
    url = safe_url(str(publisher.get("url") or "")) or ""
    return jsonld.AgentRef(
        name=name,
        url=url,
        organization=True,
        logo=_json_image(image_facts(site, logo)),
        same_as=tuple(str(u) for u in publisher.get("same_as", ()) if safe_url(str(u))),
    )


def check_publisher(publisher: Mapping[str, Any]) -> list[Problem]:
    """Problems with ``blog_publisher`` (unknown keys, wrong kinds)."""
    known = {"name", "url", "logo", "organizations", "same_as"}
    problems = []
    for key, value in publisher.items():
        if key not in known:
            problems.append(
                Problem("config", f"blog_publisher: unknown key {key!r} (known: {sorted(known)})")
            )
        elif key in ("organizations", "same_as"):
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                problems.append(
                    Problem("config", f"blog_publisher: {key!r} must be a list of strings")
                )
        elif not isinstance(value, str):
            problems.append(Problem("config", f"blog_publisher: {key!r} must be a string"))
    if publisher and not publisher.get("name"):
        problems.append(Problem("config", "blog_publisher needs a 'name'"))
    return problems


# -- addresses ---------------------------------------------------------------------------


def canonical_url(app: Sphinx, site: BlogSite, pagename: str) -> str:
    """The page's absolute canonical URL (``""`` without ``html_baseurl``)."""
    if not site.settings.base_url:
        return ""
    return absolute_page_url(app.builder, site.settings, pagename)


def hreflang_alternates(app: Sphinx, site: BlogSite, pagename: str) -> tuple[tuple[str, str], ...]:
    """``(hreflang, URL)`` of the page in every locale plus ``x-default`` (the default
    locale); empty for a site with one locale or without ``html_baseurl``."""
    if len(site.locales) < 2 or site.locale is None or not site.settings.base_url:
        return ()
    versions = alternates(
        site.locales, site.locale, public_uri(app.builder, pagename), site.settings.base_url
    )
    pairs = [(version.locale.html_lang, version.url) for version in versions]
    default = next(
        (version.url for version in versions if not version.locale.prefix), versions[0].url
    )
    return (*pairs, ("x-default", default))


# -- authors -----------------------------------------------------------------------------


def _author_page_url(app: Sphinx, site: BlogSite, author: Author) -> str:
    page = author_page(site, author)
    if page is None or (author.inline and author.key not in site.authors):
        return ""
    return canonical_url(app, site, page)


def author_image(site: BlogSite, author: Author) -> str:
    image = author.image_url
    if not image or image.startswith("data:"):
        return ""
    if is_absolute_url(image):
        return image
    if image.startswith("/") and site.settings.base_url:
        return absolute(site.settings, image)
    if site.settings.base_url:
        # A file of the source folder (``authors.yml``'s ``./people/ana.jpg``), copied.
        return absolute(site.settings, "/" + media_path(site.settings, image))
    return ""


def _is_organization(site: BlogSite, author: Author) -> bool:
    publisher = site.settings.publisher
    keys = publisher.get("organizations") or ()
    name = str(publisher.get("name") or "").casefold()
    return author.key in keys or (bool(name) and author.name.casefold() == name)


def author_ref(app: Sphinx, site: BlogSite, author: Author) -> jsonld.AgentRef:
    """An author for JSON-LD: Person, or Organization for the publisher's own accounts."""
    page_url = _author_page_url(app, site, author)
    return jsonld.AgentRef(
        name=author.name,
        url=author.url or page_url,
        organization=_is_organization(site, author),
        image=author_image(site, author),
        description=author.description,
        job_title=author.title,
        same_as=tuple(url for _network, url in author.socials if url.startswith("http")),
    )


def author_facts(app: Sphinx, site: BlogSite, author: Author) -> AuthorFacts:
    """An author for head tags."""
    twitter = next(
        (twitter_handle(url) for network, url in author.socials if network in TWITTER_NETWORKS),
        "",
    )
    return AuthorFacts(
        name=author.name, url=author.url or _author_page_url(app, site, author), twitter=twitter
    )


# -- posts -------------------------------------------------------------------------------


def _extra(post: Post, key: str) -> Any:
    return dict(post.extra).get(key)


def post_image_facts(app: Sphinx, site: BlogSite, post: Post) -> ImageFacts | None:
    """The post's own social image, else its social card (``blog_social_cards``)."""
    if not post.image:
        if site.settings.social_cards:
            return post_card(app, site, post, site_title(app.config))
        return None
    published = post_image(
        str(app.srcdir),
        site.settings.static_dirs,
        post.image,
        media_path(site.settings, post.image),
    )
    alt = _extra(post, "image_alt")
    alt = alt if isinstance(alt, str) and alt else post.title
    social = _social_copy(app, published)
    if social is not None:
        return image_facts(site, published, alt, social)
    return image_facts(site, published, alt)


def _social_copy(app: Sphinx, published: PublishedImage | None) -> Variant | None:
    """The 1200-wide copy of a large local cover that link previews get (made by
    :mod:`..media.responsive`)."""
    if published is None or not published.source or not app.config.blog_responsive_images:
        return None
    plan = plan_image(published.source)
    return plan.social() if plan is not None else None


def post_dates(app: Sphinx, post: Post) -> tuple[datetime, datetime | None]:
    """``(published, modified)``: modified from ``last_update`` or a later git commit."""
    history = history_of(app, os.path.join(app.srcdir, post.source_path))
    committed = history.changed_after_added if history is not None else None
    return post.published, post_modified(post, committed)


def post_description(site: BlogSite, post: Post) -> str:
    """Front matter ``description``, else the first paragraph cut at a word boundary."""
    if post.description:
        return " ".join(post.description.split())
    return trim_description(post.summary, site.settings.description_length)


def _block_meta(block: ResolvedHead, *keys: str) -> str:
    """The content of the first ``<meta>`` of a resolved ``<head>`` block with one of *keys*."""
    for tag in block.tags:
        if meta_key(tag) in keys:
            return (tag.attribute("content") or "").strip()
    return ""


def _block_image(block: ResolvedHead) -> jsonld.ImageRef | None:
    """The ``og:image`` a post's ``<head>`` block chose (already absolute), with its size and
    alternative text when the block gives them."""
    url = _block_meta(block, "og:image", "og:image:url", "og:image:secure_url")
    if not url:
        return None
    width, height = (_block_meta(block, key) for key in ("og:image:width", "og:image:height"))
    return jsonld.ImageRef(
        url,
        int(width) if width.isdigit() else None,
        int(height) if height.isdigit() else None,
        _block_meta(block, "og:image:alt"),
    )


def post_json_ld(
    app: Sphinx, site: BlogSite, post: Post, block: ResolvedHead | None = None
) -> dict[str, Any]:
    """The post's ``BlogPosting`` (or its chosen type).

    Its image and description are the ones the page's head tags give: the post's ``<head>``
    block (*block*, resolved when not given) wins over the generated ones, as it does for
    ``og:image`` and the meta description.
    """
    published, modified = post_dates(app, post)
    image = _json_image(post_image_facts(app, site, post))
    description = post_description(site, post)
    if block is None and post.head_tags:
        block = post_head_block(app, site, post)
    if block is not None:
        image = _block_image(block) or image
        description = " ".join(_block_meta(block, "description").split()) or description
    tags = [tag.label for tag in site.post_tags(post)]
    schema = _extra(post, "schema")
    series, position = _series_facts(app, site, post)
    return jsonld.blog_posting(
        schema_type=post.schema_type,
        url=canonical_url(app, site, post.docname),
        headline=post.title,
        description=description,
        published=published,
        modified=modified,
        authors=[author_ref(app, site, author) for author in site.post_authors(post)],
        image=image,
        keywords=[*post.keywords, *tags],
        language=html_lang(app, site),
        blog_url=canonical_url(app, site, index_page(site)),
        blog_name=site.settings.title,
        publisher=publisher_ref(app, site),
        extra=schema if isinstance(schema, Mapping) else None,
        series=series,
        position=position,
    )


def _series_facts(
    app: Sphinx, site: BlogSite, post: Post
) -> tuple[dict[str, Any] | None, int | None]:
    """The post's series for ``isPartOf`` and its part number (``None`` outside one)."""
    if not post.series:
        return None, None
    catalog = get_catalog(app)
    key = series_key(post.series)
    parts = [part.docname for part in catalog.by_series.get(key, ())]
    if post.docname not in parts:
        return None, None
    url = canonical_url(app, site, series_page(site, post.series))
    return jsonld.series_ref(url, catalog.series[key]), parts.index(post.docname) + 1


def event_json_ld(app: Sphinx, site: BlogSite, post: Post) -> dict[str, Any] | None:
    """The ``Event`` a post announces (``None`` without one)."""
    event = post.event
    if event is None:
        return None
    authors = site.post_authors(post)
    organizer = publisher_ref(app, site)
    if organizer is None and authors:
        organizer = author_ref(app, site, authors[0])
    image = post_image_facts(app, site, post) or site_facts(app, site).default_image
    return jsonld.event(
        name=post.title,
        url=canonical_url(app, site, post.docname),
        description=post_description(site, post),
        start=_event_moment(event.start, event.all_day),
        end=_event_moment(event.end, event.all_day),
        previous_start=_event_moment(event.previous_start, event.all_day),
        status=SCHEMA_STATUS[event.status],
        attendance=event.attendance_mode,
        venue=event.place,
        online=event.online,
        image=_json_image(image),
        organizer=organizer,
        language=html_lang(app, site),
    )


def _event_moment(moment: datetime | None, all_day: bool) -> str:
    """ISO 8601 with the UTC offset (a date alone for an all-day event)."""
    if moment is None:
        return ""
    return moment.date().isoformat() if all_day else moment.isoformat()


def _head_resolver(app: Sphinx, site: BlogSite, post: Post, canonical: str) -> Resolver:
    sources = [post.source_path]
    if is_post(app.env, post.docname) and post_source(app.env, post.docname) not in sources:
        sources.append(post_source(app.env, post.docname))
    srcdir = str(app.srcdir)
    settings = site.settings

    def publishable(path: str) -> bool:
        found = source_file(srcdir, path, follow_symlinks=settings.follow_symlinks)
        return found is not None and not is_active_svg(found)

    return Resolver(
        source_paths=tuple(sources),
        canonical=canonical,
        file_exists=publishable,
        remote_ok=settings.remote_media,
        own_host=(urlsplit(settings.base_url).hostname or "").lower(),
        published_path=lambda path: media_path(settings, path),
        absolute=lambda path: absolute(settings, path),
        relative=lambda path: link_to_file(app.builder, post.docname, path),
        canonical_elsewhere_ok=post.ablog,
    )


def post_head_block(app: Sphinx, site: BlogSite, post: Post) -> ResolvedHead:
    """The post's own ``<head>`` block, resolved for its page."""
    canonical = canonical_url(app, site, post.docname)
    return resolve_head_block(
        post.head_tags,
        _head_resolver(app, site, post, canonical),
        path=post.source_path,
        line=None,
    )
