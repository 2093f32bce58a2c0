"""The one table of configuration options: :class:`BlogSettings`.

Every option the extension reads is a field of :class:`BlogSettings`, declared once with
its default, the types ``conf.py`` may give, the sentence that documents it, when a change
needs a rebuild, a check and how the value is read. Sphinx registers :data:`OPTIONS` (made
from those fields); the configuration reference (``docs/configuration.md``) is rendered
from the same table. The rest of the extension reads one typed, frozen ``BlogSettings``.

The field of option ``blog_<x>`` is ``<x>``, unless the option names another field
(``blog_route_base_path`` fills ``route``). Fields without an option (``base_url``,
``link_suffix``...) are computed from Sphinx's own settings by :func:`.settings_from_config`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from ..util.globs import normalize_patterns
from . import checks

#: Environment variable that makes a build include ``draft: true`` posts (for previews).
DRAFTS_ENV_VAR = "SPHINX_BLOG_DRAFTS"


@dataclass(frozen=True)
class Option:
    """One configuration option: its ``conf.py`` name, default, accepted types and doc."""

    name: str
    default: Any
    types: tuple[type, ...]
    doc: str
    #: ``"env"`` when changing it must re-read documents, ``"html"`` when a rewrite suffices.
    rebuild: str = "env"
    #: Extra check on the value; returns an error message or ``None``.
    check: Callable[[Any], str | None] | None = field(default=None, compare=False)
    #: The :class:`BlogSettings` field the option fills.
    setting: str = ""
    #: Turns the ``conf.py`` value into the field's value (``list`` -> ``tuple``...).
    read: Callable[[Any], Any] | None = field(default=None, compare=False)


def option(
    default: Any,
    types: tuple[type, ...],
    doc: str,
    *,
    name: str = "",
    rebuild: str = "env",
    check: Callable[[Any], str | None] | None = None,
    read: Callable[[Any], Any] | None = None,
) -> Any:
    """A :class:`BlogSettings` field that is a ``conf.py`` option (see the module doc)."""
    spec = {"name": name, "default": default, "types": types, "doc": doc}
    spec.update(rebuild=rebuild, check=check, read=read)

    def make_default() -> Any:
        value = copy.deepcopy(default)
        return read(value) if read is not None else value

    return field(default_factory=make_default, metadata={"option": spec})


def strip_slashes(value: Any) -> str:
    """A folder or URL path without leading and trailing ``/``."""
    return str(value).strip("/")


@dataclass(frozen=True)
class BlogSettings:
    """The validated options, as one typed object read by the rest of the extension."""

    path: str = option(
        "blog",
        (str,),
        "Folder, relative to the source directory, that holds the posts, ``authors.yml`` "
        "and ``tags.yml`` (Docusaurus's ``path``).",
        check=checks.relative_path,
        read=strip_slashes,
    )
    route: str = option(
        "blog",
        (str,),
        "URL path under which the blog is published (Docusaurus's ``routeBasePath``): "
        "posts live at ``/<route>/<slug>``, the index at ``/<route>``.",
        name="blog_route_base_path",
        check=checks.url_path,
        read=strip_slashes,
    )
    title: str = option(
        "Blog",
        (str,),
        "Title of the blog index and of the feeds (Docusaurus's ``blogTitle``).",
        rebuild="html",
    )
    sidebar_title: str = option(
        "Recent posts",
        (str,),
        "Heading of the recent-posts sidebar (Docusaurus's ``blogSidebarTitle``).",
        rebuild="html",
    )
    description: str = option(
        "Blog",
        (str,),
        "Description of the blog, used for the index page's meta description and the feeds.",
        rebuild="html",
    )
    posts_per_page: int = option(
        10,
        (int,),
        "Posts on each page of the blog index, tag, author and category pages "
        "(Docusaurus's ``postsPerPage``).",
        rebuild="html",
        check=checks.positive_int,
    )
    show_reading_time: bool = option(
        True,
        (bool,),
        "Show 'N min read' on post pages and lists (Docusaurus's ``showReadingTime``).",
        rebuild="html",
    )
    words_per_minute: int = option(
        200,
        (int,),
        "Reading speed used to compute reading time when a post does not state its own.",
        check=checks.positive_int,
    )
    include_drafts: bool = option(
        False,
        (bool,),
        "Build ``draft: true`` posts too (for previews). The environment variable "
        "``SPHINX_BLOG_DRAFTS=1`` has the same effect.",
    )
    truncate_warning_words: int = option(
        0,
        (int,),
        "Warn (``blog.truncate``) about posts longer than this many words that have no "
        "``<!-- truncate -->`` marker (Docusaurus's ``onUntruncatedBlogPosts``); 0 turns "
        "the check off.",
        check=checks.non_negative_int,
    )
    excerpt_words: int = option(
        0,
        (int,),
        "For posts without a ``<!-- truncate -->`` (or ``<!--more-->``) marker, show "
        "whole paragraphs on list pages until this many words, then 'Read more'. 0 shows "
        "the whole post, as Docusaurus does.",
        rebuild="html",
        check=checks.non_negative_int,
    )
    date_format: str = option(
        "long",
        (str,),
        "Babel date format for displayed dates: ``short``, ``medium``, ``long``, ``full``"
        " or a pattern such as ``d MMMM y``.",
        rebuild="html",
    )
    static_dirs: tuple[str, ...] = option(
        ["static"],
        (
            list,
            tuple,
        ),
        "Folders, relative to the source directory, served at the site root (Docusaurus "
        "and Hugo ``static/``). A post's absolute image path ``/img/x.png`` is looked up "
        "there, and the folders are copied to the output root so old URLs keep working.",
        check=checks.str_list,
        read=tuple,
    )
    sort: str = option(
        "date",
        (str,),
        "Order of posts on list pages: ``date`` (newest first) or ``title``.",
        rebuild="html",
        check=checks.post_sort,
    )
    extra_authors: dict[str, Any] = option(
        {},
        (dict,),
        "Extra authors defined in ``conf.py`` (same keys as ``authors.yml``); "
        "``authors.yml`` wins where both define a key.",
        name="blog_authors",
        read=dict,
    )
    default_image: str = option(
        "",
        (str,),
        "Site-wide social image (path relative to the source directory, or absolute URL) "
        "for pages and posts without their own ``image``.",
        rebuild="html",
    )
    sidebar_count: int = option(
        5,
        (int,),
        "Number of posts in the recent-posts sidebar template.",
        rebuild="html",
        check=checks.positive_int,
    )
    remote_media: bool = option(
        False,
        (bool,),
        "Let pages load images, videos and embeds from other sites. Off by default, so "
        "no page tells a third party who reads it: remote avatars become initials, remote "
        "covers are left out, embeds (YouTube, Vimeo, X...) wait behind a click-to-load "
        "facade, and images, videos and sounds of other hosts in a page's body become "
        "links to them (see the privacy page).",
        rebuild="html",
    )
    sanitize_html: bool = option(
        False,
        (bool,),
        "Clean the raw HTML of every post with the nh3 allowlist sanitizer (for sites "
        "that publish guest posts): scripts, event handlers and unknown elements are "
        "removed. Needs ``pip install sphinx-advocacy-blog[sanitize]``.",
    )
    embed_hosts: tuple[str, ...] = option(
        ["www.youtube-nocookie.com", "www.youtube.com", "player.vimeo.com"],
        (
            list,
            tuple,
        ),
        "With ``blog_sanitize_html``, the hosts whose ``<iframe>`` embeds are kept (https only).",
        check=checks.str_list,
        read=tuple,
    )
    head_meta: dict[str, str] = option(
        {},
        (dict,),
        "Site-wide extra ``<meta>`` tags on every page, as ``{name_or_property: "
        "content}`` (Docusaurus's ``themeConfig.metadata``).",
        rebuild="html",
        check=checks.str_dict,
        read=dict,
    )
    seo: bool = option(
        True,
        (bool,),
        "Add head tags (description, canonical, Open Graph, Twitter, JSON-LD) to every page.",
        rebuild="html",
    )
    publisher: dict[str, Any] = option(
        {},
        (dict,),
        "The organisation behind the site for JSON-LD ``publisher``: ``{'name': ..., "
        "'url': ..., 'logo': 'img/logo.png'}``; optional ``same_as`` (a list of profile "
        "URLs) and ``organizations`` (author keys that are organisations, described as "
        "schema.org ``Organization`` rather than ``Person``).",
        rebuild="html",
        read=dict,
    )
    twitter_site: str = option(
        "",
        (str,),
        "The site's X/Twitter handle for ``twitter:site`` (``@freenations``).",
        rebuild="html",
    )
    description_length: int = option(
        160,
        (int,),
        "Longest automatic meta description, cut at a word boundary.",
        rebuild="html",
        check=checks.positive_int,
    )
    sitemap: bool = option(
        True,
        (bool,),
        "Write ``sitemap.xml`` at the site root (needs ``html_baseurl``).",
        rebuild="html",
    )
    robots_txt: bool = option(
        True,
        (bool,),
        "Write ``robots.txt`` pointing at the sitemap (unless the project has its own).",
        rebuild="html",
    )
    feed_formats: tuple[str, ...] = option(
        ["rss", "atom", "json"],
        (
            list,
            tuple,
        ),
        "Feeds to write: any of ``rss`` (``rss.xml``), ``atom`` (``atom.xml``) and "
        "``json`` (``feed.json``, JSON Feed 1.1). An empty list writes none.",
        rebuild="html",
        check=checks.str_list,
        read=tuple,
    )
    feed_length: int = option(
        20,
        (int,),
        "Newest posts in each feed.",
        rebuild="html",
        check=checks.positive_int,
    )
    feed_full_content: bool = option(
        True,
        (bool,),
        "Put each post's full HTML in the feeds; ``False`` writes summaries only.",
        rebuild="html",
    )
    feed_per_tag: bool = option(
        True,
        (bool,),
        "Also write feeds for each tag (``/blog/tags/<tag>/rss.xml`` ...).",
        rebuild="html",
    )
    feed_per_author: bool = option(
        True,
        (bool,),
        "Also write feeds for each author (``/blog/authors/<key>/rss.xml`` ...).",
        rebuild="html",
    )
    feed_stylesheet: bool = option(
        True,
        (bool,),
        "Link an XSLT stylesheet from the RSS and Atom feeds, so a feed opened in a "
        "browser reads as a page.",
        rebuild="html",
    )
    locales: dict[str, Any] = option(
        {},
        (dict,),
        "The site's locales, for hreflang links, the language switcher and the "
        "all-locales build: ``{'ru': {'label': 'Русский', 'prefix': 'ru', 'html_lang': "
        "'ru'}}``. Empty: found from the ``i18n/`` folders.",
        rebuild="html",
        read=dict,
    )
    default_locale: str = option(
        "en",
        (str,),
        "The locale published at the site root (Docusaurus's ``defaultLocale``).",
        rebuild="html",
    )
    redirects: dict[str, str] = option(
        {},
        (dict,),
        "Site-wide redirects ``{old path: new path or URL}``, e.g. ``{'news/2020/launch':"
        " 'blog/welcome', 'donate': 'https://example.org/give'}``. Each old path gets a "
        "small page that sends readers (and search engines) on.",
        rebuild="html",
        check=checks.redirect_map,
        read=dict,
    )
    post_url: str = option(
        "",
        (str,),
        "URL pattern of posts for sites that did not use Docusaurus's, e.g. "
        "``/posts/{slug}`` or ``/{year}/{month}/{slug}`` (Hugo's ``:slug`` works too). "
        "Variables: ``{year}``, ``{month}``, ``{day}``, ``{slug}``, ``{filename}``, "
        "``{title}``. Empty: Docusaurus URLs.",
        check=checks.post_url_pattern,
    )
    post_pattern: tuple[str, ...] = option(
        [],
        (
            str,
            list,
            tuple,
        ),
        "ABlog's glob(s), relative to the source directory, of documents that are posts "
        "(``posts/*/*``). Such posts, and documents with ``blogpost: true``, keep their "
        "ABlog URL. Setting it also makes ``blog_path`` the index URL, as in ABlog.",
        check=checks.str_or_str_list,
        read=normalize_patterns,
    )
    ablog_baseurl: str = option(
        "",
        (str,),
        "ABlog's name for the site's address; used when ``html_baseurl`` is not set.",
        name="blog_baseurl",
        rebuild="html",
    )
    post_date_format: str = option(
        "%b %d, %Y",
        (str,),
        "ABlog's ``strftime`` format of post dates in front matter (``Nov 23, 2022``). "
        "ISO dates and other unambiguous spellings are read too.",
        name="post_date_format",
    )

    # -- privacy, sharing, social cards and calls to action (issue 22) --------------------
    share: tuple[str, ...] = option(
        list(checks.SHARE_NETWORKS),
        (
            list,
            tuple,
        ),
        "Share links under every post, in this order: any of ``x``, ``facebook``, "
        "``telegram``, ``whatsapp``, ``bluesky``, ``mastodon`` (to the reader's own server), "
        "``linkedin``, ``vk``, ``email`` and ``copy`` (copy the link). Plain links: nothing "
        "is loaded from the networks. An empty list turns them off. Needs ``html_baseurl``.",
        rebuild="html",
        check=checks.share_networks,
        read=tuple,
    )

    social_cards: bool = option(
        False,
        (bool,),
        "Give every post without its own ``image`` a generated 1200x630 social card (title,"
        " site name, date, authors) as its ``og:image``, ``twitter:image`` and JSON-LD "
        "image. Cards are cached beside the doctrees and drawn again only when what they "
        "show changes. Needs ``html_baseurl``.",
        rebuild="html",
    )
    social_card_style: dict[str, Any] = option(
        {},
        (dict,),
        "Look of the social cards: ``background``, ``text`` and ``accent`` colours "
        "(``'#1b2a41'``, ``'#ffffff'``, ``'#f5c518'``), ``logo`` (an image path, looked up "
        "like ``blog_default_image``) and ``font`` (a TrueType/OpenType file, or "
        "``{locale: file}`` with an optional ``'default'``) for scripts the bundled DejaVu "
        "Sans does not cover.",
        rebuild="html",
        check=checks.card_style,
        read=dict,
    )

    cta: Any = option(
        {},
        (dict, list, tuple),
        "A call to action under every post: ``{'title': ..., 'text': ..., 'button': ..., "
        "'url': ..., 'kind': 'petition'}`` (``kind``: ``petition``, ``donation``, "
        "``volunteering``), or a list of them, each limited with ``'tags': [...]`` and "
        "``'locales': [...]``: the first that fits a post is shown. Posts with ``cta: "
        "false`` show none.",
        rebuild="html",
        check=checks.cta_setting,
        read=lambda value: dict(value) if isinstance(value, dict) else tuple(value),
    )

    # -- computed from Sphinx's own settings (not options of this extension) --------------
    #: ``html_baseurl`` (else ABlog's ``blog_baseurl``) without its trailing slash.
    base_url: str = ""
    #: URL prefix of the locale being built (``""`` for the default locale, ``ru``...).
    url_prefix: str = ""
    #: ``html_link_suffix`` (``".html"``, or ``""`` for Docusaurus-style URLs).
    link_suffix: str = ".html"
    #: Sphinx's ``language`` of this build.
    language: str = "en"


def _options() -> tuple[Option, ...]:
    table = []
    for settings_field in fields(BlogSettings):
        spec = settings_field.metadata.get("option")
        if spec is None:
            continue
        name = spec["name"] or f"blog_{settings_field.name}"
        table.append(Option(**{**spec, "name": name, "setting": settings_field.name}))
    return tuple(table)


#: Every option, in the order of the configuration reference.
OPTIONS: tuple[Option, ...] = _options()
OPTIONS_BY_NAME = {entry.name: entry for entry in OPTIONS}
