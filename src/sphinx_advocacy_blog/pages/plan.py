"""Every generated page of the blog: its name, title, kind and the posts it lists.

:func:`plan_pages` is pure (site + catalog in, pages out, names from ``model/routes``);
list pages, the sitemap, the redirects, ``:ref:`` labels and the ``check`` command all
use the same plan. Titles are translated here, in the build's language.
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..i18n.translate import _
from ..model.catalog import Catalog, paginate
from ..model.post import Post
from ..model.routes import (
    archive_page,
    author_page,
    authors_index_page,
    category_page,
    events_page,
    group_page,
    index_page,
    language_page,
    location_page,
    series_index_page,
    series_page,
    tag_page,
    tags_index_page,
    terms_page,
)
from ..model.site import BlogSite


def archive_fields(post: Post) -> tuple[str, Any, str, str, tuple[str, str, str]]:
    """All that the archive shows of a post: title, date, group, series, and where its
    link goes (document, section, permalink). The archive reads them here, so that an edit
    of anything else (the text, the summary, the tags) leaves its page as it is."""
    where = (post.docname, post.section, post.permalink)
    return (post.title, post.published, post.group, post.series, where)


@dataclass
class GeneratedPage:
    """One page to write: its name, title, what it lists and how to render it.

    Its ``repr`` leaves out the posts and data: Sphinx writes the ``repr`` of every event's
    arguments to its debug log, the page context with this page among them (for the
    archive, the records of all posts: megabytes, for each build).
    """

    name: str
    title: str
    kind: str
    posts: list[Post] = field(default_factory=list, repr=False)
    #: Extra data for the template and for head tags (author, tag, pagination...).
    data: dict[str, Any] = field(default_factory=dict, repr=False)

    def signature(self, keys: Mapping[str, bytes], extra: str) -> str:
        """Changes whenever the page's rendered HTML could change.

        *keys* maps each post's key to bytes that change with the post (see
        :func:`post_keys`): computed once per build, not once per page listing the post.
        """
        digest = hashlib.sha256()
        digest.update(repr((self.name, self.title, self.kind, extra)).encode())
        digest.update(repr(sorted((k, repr(v)) for k, v in self.data.items())).encode())
        if self.kind == "archive":  # lists each post once, and only these fields of it
            digest.update(repr([archive_fields(post) for post in self.posts]).encode())
            return digest.hexdigest()
        for post in self.posts:
            digest.update(keys.get(post.key) or repr(post).encode())
        return digest.hexdigest()


def post_keys(posts: Iterable[Post], stamps: Mapping[str, Any]) -> dict[str, bytes]:
    """For each post, bytes that change when its record or its document's stamp does."""
    return {
        post.key: hashlib.sha256(repr((post, stamps.get(post.docname))).encode()).digest()
        for post in posts
    }


def _paginated(
    site: BlogSite,
    kind: str,
    title: str,
    posts: list[Post],
    name_of: Any,
    data: dict[str, Any] | None = None,
) -> Iterator[GeneratedPage]:
    chunks = paginate(posts, site.settings.posts_per_page)
    for number, chunk in enumerate(chunks, start=1):
        page_data = dict(data or {})
        page_data.update(
            page=number,
            pages=len(chunks),
            newer=name_of(number - 1) if number > 1 else None,
            older=name_of(number + 1) if number < len(chunks) else None,
            first=name_of(1),
        )
        shown_title = (
            title if number == 1 else _("{title} (page {page})").format(title=title, page=number)
        )
        yield GeneratedPage(name_of(number), str(shown_title), kind, chunk, page_data)


#: The last plan made: (the catalog, weakly; the site; the pages).
_LAST_PLAN: tuple[weakref.ref[Catalog], BlogSite, list[GeneratedPage]] | None = None


def plan_pages(site: BlogSite, catalog: Catalog) -> list[GeneratedPage]:
    """Every generated page of the blog, in a stable order.

    Pure; the last plan is kept while its catalog lives (one build), since page labels,
    list pages, the sitemap and the redirects all ask for it.
    """
    global _LAST_PLAN
    last = _LAST_PLAN
    if last is None or last[0]() is not catalog or last[1] is not site:
        last = (weakref.ref(catalog), site, _plan_pages(site, catalog))
        _LAST_PLAN = last
    return list(last[2])


def _plan_pages(site: BlogSite, catalog: Catalog) -> list[GeneratedPage]:
    pages: list[GeneratedPage] = []
    index = list(
        _paginated(
            site,
            "index",
            site.settings.title,
            catalog.index,
            lambda n: index_page(site, n),
            {"description": site.settings.description},
        )
    )
    if site.settings.index_events and catalog.upcoming:
        # Upcoming events above the posts of the first page (their records: what it shows).
        index[0].data["events"] = tuple(catalog.upcoming[: site.settings.index_events])
    # A blog at the site root (``blog_route_base_path = "/"``): its first page is the site's
    # root document, which Sphinx requires (a ``postlist`` there lists the posts).
    pages.extend(page for page in index if site.settings.route or page.name != "index")
    pages.append(
        GeneratedPage(
            tags_index_page(site),
            str(_("Tags")),
            "tags",
            data={
                "terms": [
                    (t.permalink, t.label, len(catalog.by_tag[k])) for k, t in catalog.tags.items()
                ]
            },
        )
    )
    for key, tag in catalog.tags.items():
        pages.extend(
            _paginated(
                site,
                "tag",
                str(_("Posts tagged “{tag}”").format(tag=tag.label)),
                catalog.shown(catalog.by_tag[key]),
                lambda n, tag=tag: tag_page(site, tag, n),
                {"tag": tag},
            )
        )
    pages.append(
        GeneratedPage(
            authors_index_page(site),
            str(_("Authors")),
            "authors",
            data={
                "authors": [(k, a, len(catalog.by_author[k])) for k, a in catalog.authors.items()]
            },
        )
    )
    for key, author in catalog.authors.items():
        pages.extend(
            _paginated(
                site,
                "author",
                author.name,
                catalog.shown(catalog.by_author[key]),
                lambda n, author=author: author_page(site, author, n),
                {"author": author},
            )
        )
    for slug, label in catalog.categories.items():
        pages.extend(
            _paginated(
                site,
                "category",
                str(_("Posts in “{category}”").format(category=label)),
                catalog.shown(catalog.by_category[slug]),
                lambda n, label=label: category_page(site, label, n),
                {"category": label},
            )
        )
    for kind, title, terms, by_term, name_of, heading in (
        (
            "category",
            _("Categories"),
            catalog.categories,
            catalog.by_category,
            category_page,
            _("Posts in “{category}”"),
        ),
        (
            "location",
            _("Locations"),
            catalog.locations,
            catalog.by_location,
            location_page,
            _("Posts from “{location}”"),
        ),
        (
            "language",
            _("Languages"),
            catalog.languages,
            catalog.by_language,
            language_page,
            _("Posts in “{language}”"),
        ),
    ):
        if not terms:
            continue
        pages.append(
            GeneratedPage(
                terms_page(site, kind),
                str(title),
                "terms",
                data={
                    "terms": [
                        (name_of(site, name), name, len(by_term[slug]))
                        for slug, name in terms.items()
                    ]
                },
            )
        )
        if kind == "category":
            continue  # their pages are above
        for slug, name in terms.items():
            pages.extend(
                _paginated(
                    site,
                    kind,
                    str(heading).format(**{kind: name}),
                    by_term[slug],
                    lambda n, name=name, name_of=name_of: name_of(site, name, n),
                    {kind: name},
                )
            )
    for slug, label in catalog.groups.items():
        pages.extend(
            _paginated(
                site,
                "group",
                label,
                catalog.shown(catalog.by_group[slug]),
                lambda n, label=label: group_page(site, label, n),
                {"group": label},
            )
        )
    pages.append(GeneratedPage(archive_page(site), str(_("Archive")), "archive", catalog.posts))
    pages.extend(_campaign_pages(site, catalog))
    return pages


def _campaign_pages(site: BlogSite, catalog: Catalog) -> Iterator[GeneratedPage]:
    """The events page and the series pages, when the blog has events and series."""
    if catalog.upcoming or catalog.past:
        yield GeneratedPage(
            events_page(site),
            str(_("Events")),
            "events",
            catalog.events,
            # Which events are upcoming changes with the build date, not only the posts.
            data={
                "upcoming": tuple(post.docname for post in catalog.upcoming),
                "past": tuple(post.docname for post in catalog.past),
            },
        )
    if not catalog.series:
        return
    yield GeneratedPage(
        series_index_page(site),
        str(_("Series")),
        "series-index",
        data={
            "terms": [
                (slug, name, len(catalog.by_series[slug])) for slug, name in catalog.series.items()
            ]
        },
    )
    for slug, name in catalog.series.items():
        yield from _paginated(
            site,
            "series",
            str(_("Series “{series}”").format(series=name)),
            catalog.by_series[slug],
            lambda n, name=name: series_page(site, name, n),
            {"series": name},
        )
