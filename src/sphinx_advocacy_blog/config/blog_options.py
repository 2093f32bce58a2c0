"""The table's first part: the blog itself (where it is, its titles, its lists and posts)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import checks
from .option import option, strip_slashes


@dataclass(frozen=True)
class BlogOptions:
    """Options of the blog's folder, URL, titles, lists, reading and site-wide media."""

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
        "posts live at ``/<route>/<slug>``, the index at ``/<route>``. ``'/'`` publishes "
        "the blog at the site root (the index is then the site's home page).",
        name="blog_route_base_path",
        check=checks.route_path,
        read=strip_slashes,
    )
    tags_base_path: str = option(
        "tags",
        (str,),
        "URL path, below the blog's route, of the tags page and the tag pages "
        "(Docusaurus's ``tagsBasePath``): ``/<route>/<tags_base_path>/<tag>``.",
        name="blog_tags_base_path",
        check=checks.url_path,
        read=strip_slashes,
    )
    authors_base_path: str = option(
        "authors",
        (str,),
        "URL path, below the blog's route, of the authors page and the author pages "
        "(Docusaurus's ``authorsBasePath``).",
        name="blog_authors_base_path",
        check=checks.url_path,
        read=strip_slashes,
    )
    archive_base_path: str = option(
        "archive",
        (str,),
        "URL path, below the blog's route, of the archive (Docusaurus's ``archiveBasePath``).",
        name="blog_archive_base_path",
        check=checks.url_path,
        read=strip_slashes,
    )
    page_base_path: str = option(
        "page",
        (str,),
        "URL path of the second and later pages of every list: ``/<route>/<page_base_path>/2`` "
        "(Docusaurus's ``pageBasePath``).",
        name="blog_page_base_path",
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
        (int, str),
        "Posts on each page of the blog index, tag, author and category pages "
        '(Docusaurus\'s ``postsPerPage``; ``"ALL"``: every post on one page).',
        rebuild="html",
        check=checks.positive_int_or_all,
        read=checks.read_count,
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
        (int, str),
        'Number of posts in the recent-posts sidebar template (``"ALL"``: every post, as '
        "Docusaurus's ``blogSidebarCount: 'ALL'``).",
        rebuild="html",
        check=checks.positive_int_or_all,
        read=checks.read_count,
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
