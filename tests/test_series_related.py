"""Series ("Part N of M", series pages, the series directive) and related posts."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from conftest import copy_root
from sphinx_advocacy_blog.model import related as related_module
from sphinx_advocacy_blog.model.post import Post, Tag
from sphinx_advocacy_blog.model.related import related_posts
from test_events import BASE, BUILD_DATE, RALLY, build_at

PARTS = [
    ("blog/2024/10/01/rights-part-one", "Know your rights: at a protest"),
    ("blog/2024/11/01/rights-part-two", "Know your rights: when detained"),
    ("blog/2024/09/15/rights-part-three", "Know your rights: online"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    srcdir = copy_root("campaigns", tmp_path_factory.mktemp("series") / "src")
    return build_at(srcdir, BUILD_DATE, freshenv=True)


# -- series -------------------------------------------------------------------------------


@pytest.mark.parametrize("number", [1, 2, 3])
def test_each_part_shows_its_place_and_links_every_part(site, number):
    docname, _title = PARTS[number - 1]
    box = site.html(f"{docname}.html").select_one(".blog-post-header .blog-series")
    assert box.select_one(".blog-series-position").get_text() == f"Part {number} of 3"
    assert box.select_one(".blog-series-name").get_text() == "Know your rights"
    series_url = (site.outdir / docname).parent / box.select_one(".blog-series-name")["href"]
    assert series_url.resolve() == (site.outdir / "blog/series/know-your-rights.html").resolve()
    items = box.select(".blog-series-parts li")
    # Reading order: "series_order: 3" puts the earliest post last; the others by date.
    assert [item.get_text(strip=True) for item in items] == [t for _d, t in PARTS]
    current = items[number - 1]
    assert current.find("a") is None and current.select_one("[aria-current=page]")
    for index, item in enumerate(items):
        if index != number - 1:
            target = (site.outdir / docname).parent / item.find("a")["href"]
            assert target.resolve() == (site.outdir / f"{PARTS[index][0]}.html").resolve()


def test_series_page_and_index(site):
    soup = site.html("blog/series/know-your-rights.html")
    assert soup.select_one("h1").get_text(strip=True).rstrip("¶") == "Series “Know your rights”"
    titles = [a.get_text(strip=True) for a in soup.select(".blog-list-title a")]
    assert titles == [t for _d, t in PARTS]
    index = site.html("blog/series.html")
    [term] = index.select(".blog-term")
    assert term.get_text() == "Know your rights"
    assert term["href"] == "series/know-your-rights.html"


def test_series_directive(site):
    section = site.html("index.html").find(id="know-your-rights")
    parts = [li.get_text(strip=True) for li in section.select(".blog-series-parts li")]
    assert parts == [t for _d, t in PARTS]
    assert section.select_one(".blog-series-name")["href"] == "blog/series/know-your-rights.html"


def test_series_in_json_ld(site):
    soup = site.html(f"{PARTS[1][0]}.html")
    posting = next(
        data
        for data in (
            json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")
        )
        if data["@type"] == "BlogPosting"
    )
    blog, series = posting["isPartOf"]
    assert blog["@type"] == "Blog"
    assert series == {
        "@type": "CreativeWorkSeries",
        "@id": f"{BASE}blog/series/know-your-rights.html",
        "name": "Know your rights",
        "url": f"{BASE}blog/series/know-your-rights.html",
    }
    assert posting["position"] == 2


def test_series_in_the_archive(site):
    badges = site.html("blog/archive.html").select(".blog-series-badge")
    assert [badge.get_text() for badge in badges] == ["Know your rights"] * 3
    assert badges[0]["href"] == "series/know-your-rights.html"


def test_posts_outside_a_series_have_no_series_box(site):
    assert site.html(f"{RALLY}.html").select_one(".blog-series") is None


# -- related posts ------------------------------------------------------------------------


def related(site, docname: str) -> list[str]:
    block = site.html(f"{docname}.html").select_one(".blog-post-footer .blog-related")
    return [a.get_text() for a in block.select("a")] if block else []


def test_related_posts_by_shared_tags_then_date(site):
    # The rally (rallies, vilnius) shares a tag with the picket, the march and the vigil.
    assert related(site, RALLY) == ["Spring picket", "Summer march", "Winter vigil"]


def test_related_posts_prefer_more_shared_tags_then_series_or_category():
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)

    def post(name, days, tags=(), series="", category=""):
        return Post(
            docname=name,
            source_path=f"{name}.md",
            permalink=name,
            title=name,
            published=base + timedelta(days=days),
            tags=tuple(Tag(t, t, t) for t in tags),
            series=series,
            category=category,
        )

    me = post("me", 100, ("a", "b"), series="s")
    posts = [
        me,
        post("one-shared-near", 101, ("a",)),
        post("two-shared-far", 10, ("a", "b")),
        post("series-no-tags", 99, series="s"),
        post("category-no-tags", 98, category="c"),
        post("nothing-near", 100.5),
        post("one-shared-series", 300, ("b",), series="s"),
    ]
    result = related_posts(posts, posts, 4, lambda p: [t.key for t in p.tags])
    assert [p.docname for p in result["me"]] == [
        "two-shared-far",
        "one-shared-series",
        "one-shared-near",
        "series-no-tags",
    ]
    # Without tags: same series first, then nearness in date.
    loner = post("loner", 99.9, category="c")
    found = related_posts([loner], posts, 3, lambda p: [t.key for t in p.tags])["loner"]
    assert [p.docname for p in found] == ["category-no-tags", "me", "nothing-near"]
    # Deterministic whatever the order of the input.
    again = related_posts(posts[::-1], posts[::-1], 4, lambda p: [t.key for t in p.tags])
    assert again == result


def test_related_posts_look_at_a_bounded_number_of_posts(monkeypatch):
    """Linear in the posts: each post looks at a few neighbours in each of its lists, however
    many posts share its tags (all 4,000 share one tag here)."""
    seen = []
    original = related_module._DateList.nearest

    def counting(self, key, width):
        found = original(self, key, width)
        seen.append(len(found))
        return found

    monkeypatch.setattr(related_module._DateList, "nearest", counting)
    base = datetime(2020, 1, 1, tzinfo=timezone.utc)
    posts = [
        Post(
            docname=f"p{i}",
            source_path="",
            permalink=f"p{i}",
            title=f"P{i}",
            published=base + timedelta(hours=i),
            tags=(Tag("all", "all", "all"), Tag(f"t{i % 7}", "t", f"t{i % 7}")),
        )
        for i in range(4000)
    ]
    result = related_posts(posts, posts, 3, lambda p: [t.key for t in p.tags])
    assert all(len(found) == 3 for found in result.values())
    assert sum(seen) <= len(posts) * 2 * (2 * 3 + 1)


@pytest.mark.parametrize(("count", "shown"), [(0, None), (1, 1)])
def test_related_posts_option(tmp_path, count, shown):
    built = build_at(
        copy_root("campaigns", tmp_path / "src"),
        BUILD_DATE,
        freshenv=True,
        blog_related_posts=count,
    )
    block = built.html(f"{RALLY}.html").select_one(".blog-related")
    if shown is None:
        assert block is None
    else:
        assert len(block.select("li")) == shown
