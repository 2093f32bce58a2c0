"""The one table of configuration options: :class:`BlogSettings`.

Every option the extension reads is a field of :class:`BlogSettings`, declared once with
its default, the types ``conf.py`` may give, the sentence that documents it, when a change
needs a rebuild, a check and how the value is read. Sphinx registers :data:`OPTIONS` (made
from those fields); the configuration reference (``docs/configuration.md``) is rendered
from the same table (``tests/test_docs.py`` builds it and compares it with the table, and
``tests/test_options.py`` names a test that sets each option). The rest of the extension
reads one typed, frozen ``BlogSettings``.

The field of option ``blog_<x>`` is ``<x>``, unless the option names another field
(``blog_route_base_path`` fills ``route``). Fields without an option (``base_url``,
``link_suffix``...) are computed from Sphinx's own settings by :func:`.settings_from_config`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from ..util.globs import normalize_patterns
from . import checks
from .phone_options import PhoneOptions
from .spec import Option, option, strip_slashes

__all__ = ["DRAFTS_ENV_VAR", "OPTIONS", "OPTIONS_BY_NAME", "BlogSettings", "Option", "option"]

#: Environment variable that makes a build include ``draft: true`` posts (for previews).
DRAFTS_ENV_VAR = "SPHINX_BLOG_DRAFTS"


@dataclass(frozen=True)
class BlogSettings(PhoneOptions):
    """The validated options, as one typed object read by the rest of the extension.

    Blocks of options may live in a base class of their own module (:mod:`.phone_options`);
    the reference lists this class's options first, then theirs.
    """

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
        60,
        (int,),
        "For posts without a ``<!-- truncate -->`` (or ``<!--more-->``) marker, show "
        "whole paragraphs (and the headings above them) on list pages until this many "
        "words, then 'Read more'. 0 shows the whole post, as Docusaurus does.",
        rebuild="html",
        check=checks.non_negative_int,
    )
    date_format: str = option(
        "long",
        (str,),
        "Babel date format for displayed dates: ``short``, ``medium``, ``long``, ``full``"
        " or a pattern such as ``d MMMM y`` (a date: no time-of-day fields, no ``%``).",
        rebuild="html",
        check=checks.date_format,
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
        "Order of posts on the blog index and the tag, author, category and group pages: "
        "``date`` (newest first) or ``title``. Feeds, the recent-posts sidebar, the "
        "Newer/Older links and ``postlist`` (see its ``:sort:``) stay newest first.",
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
        "Show images hosted on other sites (avatars such as ``https://github.com/x.png``,"
        " remote cover images) in the blog's own templates. Off by default, so readers on"
        " watched networks make no third-party requests; remote avatars become initials. "
        "Images written in a post's body are the author's choice and are kept.",
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
        check=checks.feed_formats,
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
        "",
        (str,),
        "The locale published at the site root (Docusaurus's ``defaultLocale``). Empty: "
        "the ``language`` set in ``conf.py`` (not a ``-D language=`` override), else ``en``;"
        " a plain ``sphinx-build`` and the ``build`` command agree on it.",
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
        "%d %B %Y",
        (str,),
        "ABlog's ``strftime`` format of post dates: tried first when a date is read (ISO "
        "dates and the usual spellings such as ``Nov 23, 2022`` are read too), and the "
        "format of the date in ``update`` notes (``Updated on 21 August 2014``).",
        name="post_date_format",
    )

    # -- safety ------------------------------------------------------------------------
    follow_symlinks: bool = option(
        False,
        (bool,),
        "Publish posts, images and translations reached through symbolic links, as long as "
        "the links stay inside the source folder. Off by default: a link (or a ``..`` path) "
        "could publish any file of the machine. Links out of the source folder are always "
        "refused, with a ``blog.path`` warning.",
    )

    # -- ABlog drop-in ---------------------------------------------------------------------
    locations: dict[str, Any] = option(
        {},
        (dict,),
        "ABlog's places: ``{key: (name, url)}``. A post's ``location`` names a key (shown "
        "with its name) or any place; each place has a page of its posts, like a category.",
        name="blog_locations",
        rebuild="html",
        read=dict,
    )
    languages: dict[str, Any] = option(
        {},
        (dict,),
        "ABlog's languages of posts: ``{code: (name, url)}``. A post's ``language`` names "
        "a code (shown with its name) or any language; each has a page of its posts.",
        name="blog_languages",
        rebuild="html",
        read=dict,
    )
    default_author: tuple[str, ...] = option(
        None,
        (type(None), str, list, tuple),
        "ABlog: the author key(s) given to dated ABlog posts that name no author.",
        name="blog_default_author",
        check=checks.optional_str_or_str_list,
        read=normalize_patterns,
    )
    default_location: tuple[str, ...] = option(
        None,
        (type(None), str, list, tuple),
        "ABlog: the location(s) given to dated ABlog posts that name none.",
        name="blog_default_location",
        check=checks.optional_str_or_str_list,
        read=normalize_patterns,
    )
    default_language: tuple[str, ...] = option(
        None,
        (type(None), str, list, tuple),
        "ABlog: the language(s) given to dated ABlog posts that name none.",
        name="blog_default_language",
        check=checks.optional_str_or_str_list,
        read=normalize_patterns,
    )
    post_date_format_short: str = option(
        "%d %B",
        (str,),
        "ABlog's ``strftime`` format of the ``{date}`` of ``postlist`` lists written with "
        "ABlog's options.",
        name="post_date_format_short",
        rebuild="html",
    )
    post_auto_excerpt: int = option(
        1,
        (int,),
        "ABlog: the number of paragraphs in the excerpt of a reST post whose ``post`` "
        "directive has neither content nor ``:excerpt:`` (0: no excerpt).",
        name="post_auto_excerpt",
        check=checks.non_negative_int,
    )
    post_auto_image: int = option(
        0,
        (int,),
        "ABlog: the N-th image of a reST post added to its excerpt when the ``post`` "
        "directive has no ``:image:`` (0: none).",
        name="post_auto_image",
        check=checks.non_negative_int,
    )
    show_prev_next: bool = option(
        True,
        (bool,),
        "Links to the newer and older post at the end of each post (ABlog's "
        "``post_show_prev_next``).",
        name="post_show_prev_next",
        rebuild="html",
    )
    # -- campaigns: events, scheduled posts, series, related posts --
    include_future: bool = option(
        False,
        (bool,),
        "Publish posts dated after the build date too (for previews). Otherwise such a post "
        "is held back (no page, not in lists, feeds, the sitemap or search) until a build "
        "on or after its date; the build says how many were held back and when the next "
        "is due. The build date is ``SOURCE_DATE_EPOCH`` when set, else the current time.",
    )
    related_posts: int = option(
        3,
        (int,),
        "Related posts shown at the end of each post (chosen by shared tags, then the same "
        "series or category, then nearness in date); 0 shows none.",
        rebuild="html",
        check=checks.non_negative_int,
    )
    index_events: int = option(
        3,
        (int,),
        "Upcoming events shown above the posts on the first page of the blog index, when "
        "there are any; 0 shows none.",
        rebuild="html",
        check=checks.non_negative_int,
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
    own = BlogSettings.__annotations__
    for settings_field in sorted(fields(BlogSettings), key=lambda f: f.name not in own):
        spec = settings_field.metadata.get("option")
        if spec is None:
            continue
        name = spec["name"] or f"blog_{settings_field.name}"
        table.append(Option(**{**spec, "name": name, "setting": settings_field.name}))
    return tuple(table)


#: Every option, in the order of the configuration reference.
OPTIONS: tuple[Option, ...] = _options()
OPTIONS_BY_NAME = {entry.name: entry for entry in OPTIONS}
