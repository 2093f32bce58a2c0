"""The order of posts: ``blog_sort`` orders the list pages, and nothing else.

Feeds keep the newest posts, the recent-posts sidebar and the Newer/Older links follow the
dates, and ``postlist`` follows its own ``:sort:``. Every expected order below is written
out by hand from the posts' dates and titles (tests/roots/test-docusaurus).
"""

from __future__ import annotations

import posixpath

import feedparser
import pytest

from conftest import build_site, copy_root
from test_indexes import NEWEST_FIRST
from test_post_pages import POSTS

BY_TITLE = [
    "A letter of solidarity",
    "Annual report 2023",
    "Election watch",
    "Four years of Free Voices",
    "Language rights in schools",
    "Our founding statement",
    "Plans for the new year",
    "Press release on the new media law",
    "Rally in Vilnius",
    "Spring assembly",
    "Welcome to our new blog",
    "Winter school for young reporters",
]
NEWEST_TITLES = [POSTS[permalink] for permalink in NEWEST_FIRST]

LISTINGS = """
## Default

```{postlist}
:limit: 4
```

## By date

```{postlist}
:sort: date
:limit: 4
```

## Oldest first

```{postlist}
:sort: date-ascending
:limit: 4
```

## 2022 by title

```{postlist}
:year: 2022
:sort: title
```

## 2022 oldest first

```{postlist}
:year: 2022
:sort: date-ascending
```
"""


@pytest.fixture(scope="module")
def by_title(tmp_path_factory):
    """The Docusaurus test blog with ``blog_sort = "title"``."""
    srcdir = copy_root("docusaurus", tmp_path_factory.mktemp("sorted") / "src")
    (srcdir / "lists.md").write_text("---\norphan: true\n---\n# Lists\n" + LISTINGS)
    return build_site(
        srcdir,
        freshenv=True,
        blog_sort="title",
        blog_feed_length=3,
        html_sidebars={"**": ["advocacy_blog/recent-posts.html"]},
    )


def _titles(soup, selector: str) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select(selector)]


def _section(soup, heading: str):
    title = next(h for h in soup.find_all("h2") if h.get_text(strip=True).rstrip("¶") == heading)
    return title.find_parent("section")


def test_blog_sort_title_orders_the_list_pages(by_title):
    assert _titles(by_title.html("blog.html"), ".blog-list-title a") == BY_TITLE[:10]
    assert _titles(by_title.html("blog/page/2.html"), ".blog-list-title a") == BY_TITLE[10:]
    events = _titles(by_title.html("blog/tags/events.html"), ".blog-list-title a")
    assert events == [
        "Election watch",
        "Rally in Vilnius",
        "Spring assembly",
        "Welcome to our new blog",
        "Winter school for young reporters",
    ]


def test_postlist_sort_date_and_default_stay_newest_first_under_blog_sort_title(by_title):
    page = by_title.html("lists.html")
    for heading in ("Default", "By date"):
        assert _titles(_section(page, heading), ".blog-postlist-title") == NEWEST_TITLES[:4]


def test_postlist_sort_date_ascending_is_oldest_first(by_title):
    page = by_title.html("lists.html")
    assert _titles(_section(page, "Oldest first"), ".blog-postlist-title") == [
        "Our founding statement",
        "Spring assembly",
        "Language rights in schools",
        "Winter school for young reporters",
    ]
    assert _titles(_section(page, "2022 oldest first"), ".blog-postlist-title") == [
        "Winter school for young reporters",
        "A letter of solidarity",
        "Welcome to our new blog",
        "Press release on the new media law",
    ]


def test_postlist_sort_title_within_a_year_of_several_posts(by_title):
    page = by_title.html("lists.html")
    # 2022 has four posts; newest first they read Press release, Welcome, A letter, Winter.
    assert _titles(_section(page, "2022 by title"), ".blog-postlist-title") == [
        "A letter of solidarity",
        "Press release on the new media law",
        "Welcome to our new blog",
        "Winter school for young reporters",
    ]


def test_feeds_keep_the_newest_posts_under_blog_sort_title(by_title):
    feed = feedparser.parse((by_title.outdir / "blog" / "rss.xml").read_bytes())
    assert [entry.title for entry in feed.entries] == NEWEST_TITLES[:3]
    events = feedparser.parse((by_title.outdir / "blog/tags/events/atom.xml").read_bytes())
    assert [entry.title for entry in events.entries] == [
        "Election watch",
        "Rally in Vilnius",
        "Welcome to our new blog",
    ]


def test_recent_posts_sidebar_is_newest_first_under_blog_sort_title(by_title):
    recent = by_title.html("index.html").select_one(".blog-sidebar-recent")
    # Links, not titles: the sidebar shows a post's shorter sidebar_label when it has one.
    hrefs = [a["href"] for a in recent.select(".blog-sidebar-list a")]
    assert hrefs == NEWEST_FIRST[:5]  # html_link_suffix = ""


def test_newer_and_older_links_follow_the_dates_under_blog_sort_title(by_title):
    page = "blog/2023/02/25/vilnius-rally.html"
    pager = by_title.html(page).select_one(".blog-post-pager")

    def target(selector: str) -> str:
        href = pager.select_one(selector)["href"]
        return posixpath.normpath(posixpath.join(posixpath.dirname(page), href))

    assert target(".blog-post-newer") == "blog/2023/11/30/annual-report"
    assert target(".blog-post-older") == "blog/2022/10/11/press-release"
