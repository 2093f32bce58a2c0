"""The table's second part: what the site publishes (head tags, sitemap, feeds, locales,
old URLs and the URL patterns of sites that move here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..util.globs import normalize_patterns
from . import checks
from .option import option


@dataclass(frozen=True)
class PublishingOptions:
    """Options of SEO, the sitemap, feeds, translations, redirects and migration."""

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
    source_redirects: bool = option(
        False,
        (bool,),
        "Also redirect the page plain Sphinx would have given each renamed post, at its "
        "source file's path (``blog/2021-03-8-welcome.html``), to the post: for a site "
        "that published its posts with Sphinx before. A Docusaurus site never had those "
        "URLs; off, a build writes one file fewer per post.",
        rebuild="html",
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
