"""The table's third part: safety and the features built on the blog (ABlog's drop-in,
campaigns, Docusaurus's authors, code blocks and MDX components)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..util.globs import normalize_patterns
from . import checks
from .option import option


@dataclass(frozen=True)
class FeatureOptions:
    """Options of safety, ABlog's drop-in, campaigns and Docusaurus's features."""

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

    # -- Docusaurus authors --
    author_pages: str = option(
        "page",
        (str,),
        "Which ``authors.yml`` authors get a page listing their posts: ``'page'`` (as "
        "Docusaurus: those with ``page: true`` or ``page: {permalink: ...}``) or ``'all'`` "
        "(every author without ``page: false``).",
        check=checks.author_pages,
    )

    # -- Docusaurus code blocks --
    code_magic_comments: tuple[dict[str, Any], ...] = option(
        [],
        (list, tuple),
        "Docusaurus's ``prism.magicComments``: comments in code that emphasize lines "
        "(``[{'className': 'x', 'line': 'highlight-next-line', 'block': {'start': "
        "'highlight-start', 'end': 'highlight-end'}}]``). Empty: Docusaurus's default, "
        "the one shown.",
        check=checks.magic_comments,
        read=tuple,
    )
    code_default_language: str = option(
        "",
        (str,),
        "Docusaurus's ``prism.defaultLanguage``: the language of code fences in posts "
        "that name none (empty: plain text).",
    )
    code_languages: dict[str, str] = option(
        {},
        (dict,),
        "Code languages of posts mapped to Pygments lexers, on top of the built-in map "
        "of Prism's names (``flow``, ``hbs``, ``gql``...), e.g. ``{'mylang': 'python'}``.",
        check=checks.str_dict,
        read=dict,
    )

    # -- MDX components --
    mdx_components: dict[str, str] = option(
        {},
        (dict,),
        "MDX components of posts that the blog does not render itself, mapped to the "
        "name of a MyST directive (their ``title`` becomes its argument and their "
        "children its content) or to ``'children'`` (shown without the component, "
        "and without a warning), e.g. ``{'TLDR': 'note', 'Snippet': 'children'}``.",
        check=checks.str_dict,
        read=dict,
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
