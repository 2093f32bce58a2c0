"""The one table of configuration options.

Every option the extension reads is declared here, with its type, its default and the
sentence that documents it (``docs/configuration.md`` is checked against this table by the
tests).  Options are registered with Sphinx in :func:`setup_config` and validated once at
``config-inited``; a bad value stops the build with an error that names the option.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sphinx.errors import ConfigError

from .sources.ablog import normalize_patterns

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

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


def _positive_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return "must be a whole number of at least 1"
    return None


def _non_negative_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return "must be a whole number of at least 0"
    return None


def _relative_path(value: Any) -> str | None:
    text = str(value)
    if text.startswith(("/", "\\")) or ".." in text.replace("\\", "/").split("/"):
        return "must be a folder path relative to the source directory, without '..'"
    return None


def _url_path(value: Any) -> str | None:
    text = str(value).strip("/")
    if not text or ".." in text.split("/") or "\\" in text:
        return "must be a non-empty URL path such as 'blog', without '..'"
    return None


def _str_list(value: Any) -> str | None:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        return "must be a list of strings"
    return None


def _str_dict(value: Any) -> str | None:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        return "must be a dict mapping strings to strings"
    return None


def _post_sort(value: Any) -> str | None:
    if value not in ("date", "title"):
        return "must be 'date' or 'title'"
    return None


OPTIONS: tuple[Option, ...] = (
    Option(
        "blog_path",
        "blog",
        (str,),
        "Folder, relative to the source directory, that holds the posts, ``authors.yml`` "
        "and ``tags.yml`` (Docusaurus's ``path``).",
        check=_relative_path,
    ),
    Option(
        "blog_route_base_path",
        "blog",
        (str,),
        "URL path under which the blog is published (Docusaurus's ``routeBasePath``): posts "
        "live at ``/<route>/<slug>``, the index at ``/<route>``.",
        check=_url_path,
    ),
    Option(
        "blog_title",
        "Blog",
        (str,),
        "Title of the blog index and of the feeds (Docusaurus's ``blogTitle``).",
        rebuild="html",
    ),
    Option(
        "blog_sidebar_title",
        "Recent posts",
        (str,),
        "Heading of the recent-posts sidebar (Docusaurus's ``blogSidebarTitle``).",
        rebuild="html",
    ),
    Option(
        "blog_description",
        "Blog",
        (str,),
        "Description of the blog, used for the index page's meta description and the feeds.",
        rebuild="html",
    ),
    Option(
        "blog_posts_per_page",
        10,
        (int,),
        "Posts on each page of the blog index, tag, author and category pages "
        "(Docusaurus's ``postsPerPage``).",
        rebuild="html",
        check=_positive_int,
    ),
    Option(
        "blog_show_reading_time",
        True,
        (bool,),
        "Show 'N min read' on post pages and lists (Docusaurus's ``showReadingTime``).",
        rebuild="html",
    ),
    Option(
        "blog_words_per_minute",
        200,
        (int,),
        "Reading speed used to compute reading time when a post does not state its own.",
        check=_positive_int,
    ),
    Option(
        "blog_include_drafts",
        False,
        (bool,),
        "Build ``draft: true`` posts too (for previews). The environment variable "
        f"``{DRAFTS_ENV_VAR}=1`` has the same effect.",
    ),
    Option(
        "blog_truncate_warning_words",
        0,
        (int,),
        "Warn (``blog.truncate``) about posts longer than this many words that have no "
        "``<!-- truncate -->`` marker (Docusaurus's ``onUntruncatedBlogPosts``); 0 turns the "
        "check off.",
        check=_non_negative_int,
    ),
    Option(
        "blog_excerpt_words",
        0,
        (int,),
        "For posts without a ``<!-- truncate -->`` (or ``<!--more-->``) marker, show whole "
        "paragraphs on list pages until this many words, then 'Read more'. 0 shows the whole "
        "post, as Docusaurus does.",
        rebuild="html",
        check=_non_negative_int,
    ),
    Option(
        "blog_date_format",
        "long",
        (str,),
        "Babel date format for displayed dates: ``short``, ``medium``, ``long``, ``full`` or "
        "a pattern such as ``d MMMM y``.",
        rebuild="html",
    ),
    Option(
        "blog_static_dirs",
        ["static"],
        (list, tuple),
        "Folders, relative to the source directory, served at the site root (Docusaurus and "
        "Hugo ``static/``). A post's absolute image path ``/img/x.png`` is looked up there, "
        "and the folders are copied to the output root so old URLs keep working.",
        check=_str_list,
    ),
    Option(
        "blog_sort",
        "date",
        (str,),
        "Order of posts on list pages: ``date`` (newest first) or ``title``.",
        rebuild="html",
        check=_post_sort,
    ),
    Option(
        "blog_authors",
        {},
        (dict,),
        "Extra authors defined in ``conf.py`` (same keys as ``authors.yml``); "
        "``authors.yml`` wins where both define a key.",
    ),
    Option(
        "blog_default_image",
        "",
        (str,),
        "Site-wide social image (path relative to the source directory, or absolute URL) "
        "for pages and posts without their own ``image``.",
        rebuild="html",
    ),
    Option(
        "blog_sidebar_count",
        5,
        (int,),
        "Number of posts in the recent-posts sidebar template.",
        rebuild="html",
        check=_positive_int,
    ),
    Option(
        "blog_remote_media",
        False,
        (bool,),
        "Show images hosted on other sites (avatars such as ``https://github.com/x.png``, "
        "remote cover images) in the blog's own templates. Off by default, so readers on "
        "watched networks make no third-party requests; remote avatars become initials. "
        "Images written in a post's body are the author's choice and are kept.",
        rebuild="html",
    ),
    Option(
        "blog_sanitize_html",
        False,
        (bool,),
        "Clean the raw HTML of every post with the nh3 allowlist sanitizer (for sites that "
        "publish guest posts): scripts, event handlers and unknown elements are removed. "
        "Needs ``pip install sphinx-advocacy-blog[sanitize]``.",
    ),
    Option(
        "blog_embed_hosts",
        ["www.youtube-nocookie.com", "www.youtube.com", "player.vimeo.com"],
        (list, tuple),
        "With ``blog_sanitize_html``, the hosts whose ``<iframe>`` embeds are kept (https only).",
        check=_str_list,
    ),
    Option(
        "blog_head_meta",
        {},
        (dict,),
        "Site-wide extra ``<meta>`` tags on every page, as ``{name_or_property: content}`` "
        "(Docusaurus's ``themeConfig.metadata``).",
        rebuild="html",
        check=_str_dict,
    ),
)

SEO_OPTIONS: tuple[Option, ...] = (
    Option(
        "blog_seo",
        True,
        (bool,),
        "Add head tags (description, canonical, Open Graph, Twitter, JSON-LD) to every page.",
        rebuild="html",
    ),
    Option(
        "blog_publisher",
        {},
        (dict,),
        "The organisation behind the site for JSON-LD ``publisher``: "
        "``{'name': ..., 'url': ..., 'logo': 'img/logo.png'}``; optional ``same_as`` (a "
        "list of profile URLs) and ``organizations`` (author keys that are organisations, "
        "described as schema.org ``Organization`` rather than ``Person``).",
        rebuild="html",
    ),
    Option(
        "blog_twitter_site",
        "",
        (str,),
        "The site's X/Twitter handle for ``twitter:site`` (``@freenations``).",
        rebuild="html",
    ),
    Option(
        "blog_description_length",
        160,
        (int,),
        "Longest automatic meta description, cut at a word boundary.",
        rebuild="html",
        check=_positive_int,
    ),
    Option(
        "blog_sitemap",
        True,
        (bool,),
        "Write ``sitemap.xml`` at the site root (needs ``html_baseurl``).",
        rebuild="html",
    ),
    Option(
        "blog_robots_txt",
        True,
        (bool,),
        "Write ``robots.txt`` pointing at the sitemap (unless the project has its own).",
        rebuild="html",
    ),
)

FEED_OPTIONS: tuple[Option, ...] = (
    Option(
        "blog_feed_formats",
        ["rss", "atom", "json"],
        (list, tuple),
        "Feeds to write: any of ``rss`` (``rss.xml``), ``atom`` (``atom.xml``) and ``json`` "
        "(``feed.json``, JSON Feed 1.1). An empty list writes none.",
        rebuild="html",
        check=_str_list,
    ),
    Option(
        "blog_feed_length",
        20,
        (int,),
        "Newest posts in each feed.",
        rebuild="html",
        check=_positive_int,
    ),
    Option(
        "blog_feed_full_content",
        True,
        (bool,),
        "Put each post's full HTML in the feeds; ``False`` writes summaries only.",
        rebuild="html",
    ),
    Option(
        "blog_feed_per_tag",
        True,
        (bool,),
        "Also write feeds for each tag (``/blog/tags/<tag>/rss.xml`` ...).",
        rebuild="html",
    ),
    Option(
        "blog_feed_per_author",
        True,
        (bool,),
        "Also write feeds for each author (``/blog/authors/<key>/rss.xml`` ...).",
        rebuild="html",
    ),
    Option(
        "blog_feed_stylesheet",
        True,
        (bool,),
        "Link an XSLT stylesheet from the RSS and Atom feeds, so a feed opened in a "
        "browser reads as a page.",
        rebuild="html",
    ),
)

I18N_OPTIONS: tuple[Option, ...] = (
    Option(
        "blog_locales",
        {},
        (dict,),
        "The site's locales, for hreflang links, the language switcher and the all-locales "
        "build: ``{'ru': {'label': 'Русский', 'prefix': 'ru', 'html_lang': 'ru'}}``. "
        "Empty: found from the ``i18n/`` folders.",
        rebuild="html",
    ),
    Option(
        "blog_default_locale",
        "en",
        (str,),
        "The locale published at the site root (Docusaurus's ``defaultLocale``).",
        rebuild="html",
    ),
)


def _redirect_map(value: Any) -> str | None:
    problem = _str_dict(value)
    if problem is None and any(not key.strip("/") for key in value):
        return "must not redirect the site root"
    return problem


def _post_url_pattern(value: Any) -> str | None:
    from .sources.urlpattern import pattern_problem

    return pattern_problem(str(value))


def _str_or_str_list(value: Any) -> str | None:
    return None if isinstance(value, str) else _str_list(value)


#: Old URLs and migration from Hugo-style sites and ABlog (docs/migration.md).
REDIRECT_OPTIONS: tuple[Option, ...] = (
    Option(
        "blog_redirects",
        {},
        (dict,),
        "Site-wide redirects ``{old path: new path or URL}``, e.g. "
        "``{'news/2020/launch': 'blog/welcome', 'donate': 'https://example.org/give'}``. "
        "Each old path gets a small page that sends readers (and search engines) on.",
        rebuild="html",
        check=_redirect_map,
    ),
    Option(
        "blog_post_url",
        "",
        (str,),
        "URL pattern of posts for sites that did not use Docusaurus's, e.g. "
        "``/posts/{slug}`` or ``/{year}/{month}/{slug}`` (Hugo's ``:slug`` works too). "
        "Variables: ``{year}``, ``{month}``, ``{day}``, ``{slug}``, ``{filename}``, "
        "``{title}``. Empty: Docusaurus URLs.",
        check=_post_url_pattern,
    ),
    Option(
        "blog_post_pattern",
        [],
        (str, list, tuple),
        "ABlog's glob(s), relative to the source directory, of documents that are posts "
        "(``posts/*/*``). Such posts, and documents with ``blogpost: true``, keep their "
        "ABlog URL. Setting it also makes ``blog_path`` the index URL, as in ABlog.",
        check=_str_or_str_list,
    ),
    Option(
        "blog_baseurl",
        "",
        (str,),
        "ABlog's name for the site's address; used when ``html_baseurl`` is not set.",
        rebuild="html",
    ),
    Option(
        "post_date_format",
        "%b %d, %Y",
        (str,),
        "ABlog's ``strftime`` format of post dates in front matter (``Nov 23, 2022``). "
        "ISO dates and other unambiguous spellings are read too.",
    ),
)

OPTIONS = OPTIONS + SEO_OPTIONS + FEED_OPTIONS + I18N_OPTIONS + REDIRECT_OPTIONS

OPTIONS_BY_NAME = {option.name: option for option in OPTIONS}


@dataclass(frozen=True)
class BlogSettings:
    """The validated options, as one typed object read by the rest of the extension."""

    path: str
    route: str
    title: str
    description: str
    sidebar_title: str
    posts_per_page: int
    show_reading_time: bool
    words_per_minute: int
    include_drafts: bool
    truncate_warning_words: int
    excerpt_words: int
    date_format: str
    static_dirs: tuple[str, ...]
    sort: str
    extra_authors: dict[str, Any]
    default_image: str
    sidebar_count: int
    head_meta: dict[str, str]
    remote_media: bool
    seo: bool
    publisher: dict[str, Any]
    twitter_site: str
    description_length: int
    sitemap: bool
    robots_txt: bool
    feed_formats: tuple[str, ...]
    feed_length: int
    feed_full_content: bool
    feed_per_tag: bool
    feed_per_author: bool
    feed_stylesheet: bool
    locales: dict[str, Any]
    default_locale: str
    #: ``html_baseurl`` without its trailing slash: the address of the whole site.
    base_url: str
    #: URL prefix of the locale being built (``""`` for the default locale, ``ru``...).
    url_prefix: str
    link_suffix: str
    language: str
    #: ``blog_redirects``: old URL path -> new path or URL.
    redirects: dict[str, str]
    #: ``blog_post_url``: URL pattern of posts (``posts/{slug}``), empty for Docusaurus's.
    post_url: str
    #: ABlog's ``blog_post_pattern`` globs.
    post_pattern: tuple[str, ...]
    #: ABlog's ``post_date_format``.
    post_date_format: str


def settings_from_config(config: Config) -> BlogSettings:
    """Build the typed settings from a Sphinx config (after :func:`validate_config`)."""
    drafts_env = os.environ.get(DRAFTS_ENV_VAR, "").strip().lower() in ("1", "true", "yes")
    suffix = config.html_link_suffix
    if suffix is None:
        suffix = config.html_file_suffix or ".html"
    return BlogSettings(
        path=str(config.blog_path).strip("/"),
        route=str(config.blog_route_base_path).strip("/"),
        title=config.blog_title,
        description=config.blog_description,
        sidebar_title=config.blog_sidebar_title,
        posts_per_page=config.blog_posts_per_page,
        show_reading_time=config.blog_show_reading_time,
        words_per_minute=config.blog_words_per_minute,
        include_drafts=bool(config.blog_include_drafts) or drafts_env,
        truncate_warning_words=config.blog_truncate_warning_words,
        excerpt_words=config.blog_excerpt_words,
        date_format=config.blog_date_format,
        static_dirs=tuple(config.blog_static_dirs),
        sort=config.blog_sort,
        extra_authors=dict(config.blog_authors),
        default_image=config.blog_default_image,
        sidebar_count=config.blog_sidebar_count,
        head_meta=dict(config.blog_head_meta),
        remote_media=config.blog_remote_media,
        seo=config.blog_seo,
        publisher=dict(config.blog_publisher),
        twitter_site=config.blog_twitter_site,
        description_length=config.blog_description_length,
        sitemap=config.blog_sitemap,
        robots_txt=config.blog_robots_txt,
        feed_formats=tuple(config.blog_feed_formats),
        feed_length=config.blog_feed_length,
        feed_full_content=config.blog_feed_full_content,
        feed_per_tag=config.blog_feed_per_tag,
        feed_per_author=config.blog_feed_per_author,
        feed_stylesheet=config.blog_feed_stylesheet,
        locales=dict(config.blog_locales),
        default_locale=config.blog_default_locale,
        base_url=(config.html_baseurl or config.blog_baseurl or "").rstrip("/"),
        url_prefix="",
        link_suffix=suffix,
        language=config.language or "en",
        redirects=dict(config.blog_redirects),
        post_url=config.blog_post_url,
        post_pattern=normalize_patterns(config.blog_post_pattern),
        post_date_format=config.post_date_format,
    )


def validate_config(app: Sphinx, config: Config) -> None:
    """Check every option once; raise :class:`ConfigError` naming the first bad one."""
    for option in OPTIONS:
        value = getattr(config, option.name)
        if not isinstance(value, option.types) or (
            option.types == (int,) and isinstance(value, bool)
        ):
            expected = " or ".join(t.__name__ for t in option.types)
            raise ConfigError(
                f"sphinx-advocacy-blog: the option {option.name!r} must be of type "
                f"{expected}, not {type(value).__name__} ({value!r})."
            )
        if option.check is not None and (problem := option.check(value)) is not None:
            raise ConfigError(
                f"sphinx-advocacy-blog: the option {option.name!r} {problem} (got {value!r})."
            )


def setup_config(app: Sphinx) -> None:
    """Register every option of :data:`OPTIONS` with Sphinx."""
    for option in OPTIONS:
        app.add_config_value(
            option.name,
            option.default,
            option.rebuild,  # type: ignore[arg-type]
            option.types,
        )
    app.connect("config-inited", validate_config, priority=100)
