"""Blog index, pagination, tag/author/category/group pages and the archive."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import build_site, copy_root
from test_post_pages import POSTS

# Newest first, by date (front matter date wins: election watch is 2024-09-10).
NEWEST_FIRST = [
    "blog/2025/03/3/anniversary",
    "blog/2024/09/9/election-watch",
    "blog/2024/01/15/new-year",
    "blog/2023/11/30/annual-report",
    "blog/2023/02/25/vilnius-rally",
    "blog/2022/10/11/press-release",
    "blog/welcome",
    "blog/solidarity-letter",
    "blog/2022/01/20/winter-school",
    "blog/2021/09/14/language-rights",
    "blog/2021/05/28/spring-assembly",
    "blog/2021/03/8/founding-statement",
]

TAGS = {
    "announcements": {
        "blog/2025/03/3/anniversary",
        "blog/2024/01/15/new-year",
        "blog/2022/10/11/press-release",
        "blog/welcome",
        "blog/solidarity-letter",
        "blog/2021/03/8/founding-statement",
    },
    "events": {
        "blog/2024/09/9/election-watch",
        "blog/2023/02/25/vilnius-rally",
        "blog/welcome",
        "blog/2022/01/20/winter-school",
        "blog/2021/05/28/spring-assembly",
    },
    "education": {"blog/2022/01/20/winter-school", "blog/2021/09/14/language-rights"},
    "language-rights": {"blog/2021/09/14/language-rights"},
    "press-freedom": {"blog/2022/10/11/press-release"},
    "assembly": {"blog/2021/05/28/spring-assembly"},
    "elections": {"blog/2024/09/9/election-watch"},
    "reports": {"blog/2023/11/30/annual-report"},
}

AUTHORS = {
    "maria": {
        "blog/2025/03/3/anniversary",
        "blog/2024/01/15/new-year",
        "blog/2023/11/30/annual-report",
        "blog/welcome",
        "blog/2022/01/20/winter-school",
        "blog/2021/05/28/spring-assembly",
        "blog/2021/03/8/founding-statement",
    },
    "oleh": {
        "blog/2024/09/9/election-watch",
        "blog/2023/11/30/annual-report",
        "blog/2023/02/25/vilnius-rally",
        "blog/welcome",
        "blog/2021/09/14/language-rights",
        "blog/2021/05/28/spring-assembly",
    },
    "guest-writer": {"blog/2022/10/11/press-release"},
}


@pytest.fixture(scope="module")
def site(docusaurus_site):
    return docusaurus_site


def listed(site, page: str) -> list[str]:
    """Permalinks of the posts a list page shows, in order (links are relative)."""
    import posixpath

    soup = site.html(page)
    base = posixpath.dirname(page)
    return [
        posixpath.normpath(posixpath.join(base, a["href"]))
        for a in soup.select(".blog-list-title a")
    ]


def all_pages(site, first: str) -> list[str]:
    """Follow pagination from *first* and collect every listed post."""
    import posixpath

    found, page = [], first
    while page:
        found += listed(site, page)
        older = site.html(page).select_one(".blog-pagination-older")
        page = (
            posixpath.normpath(posixpath.join(posixpath.dirname(page), older["href"])) + ".html"
            if older
            else None
        )
    return found


def test_index_lists_ten_newest_then_page_two(site):
    assert set(NEWEST_FIRST) == set(POSTS)
    assert listed(site, "blog.html") == NEWEST_FIRST[:10]
    assert listed(site, "blog/page/2.html") == NEWEST_FIRST[10:]
    assert not site.exists("blog/page/3.html")


def test_index_shows_excerpt_cover_date_authors_reading_time_read_more(site):
    soup = site.html("blog.html")
    items = soup.select(".blog-list-item")
    assert len(items) == 10
    for item in items:
        assert item.find("time") is not None
        assert item.select_one(".blog-reading-time") is not None
        assert item.select(".blog-author-name")
        assert item.select_one(".blog-read-more") is not None  # all have truncate markers
    annual = items[NEWEST_FIRST.index("blog/2023/11/30/annual-report")]
    cover = annual.select_one("img.blog-cover")
    assert cover is not None and cover["alt"]
    assert (site.outdir / cover["src"]).exists()
    # The excerpt stops at the truncate marker.
    assert "Data protection" not in annual.select_one(".blog-excerpt").get_text()
    assert "report is also available" in annual.select_one(".blog-excerpt").get_text()


CROWD = {"The crowd on the square": "crowd.png"}


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # The excerpts of the rally and of the language-rights post show a picture each;
        # the language-rights one is also its cover, shown above the title instead.
        ("blog.html", CROWD),
        ("blog/tags/language-rights.html", {}),
        ("blog/authors/oleh.html", CROWD),
    ],
)
def test_excerpt_images_and_links_work_from_the_list_page(site, page, expected):
    """Each list page (at its own depth) shows the excerpts' pictures from files that are
    there, the very files beside the posts; every relative link of an excerpt leads to a
    file of the site."""
    import posixpath

    soup = site.html(page)
    folder = posixpath.dirname(page)
    images = {image["alt"]: image["src"] for image in soup.select(".blog-excerpt img")}
    assert set(images) == set(expected)
    sources = {
        "crowd.png": site.srcdir / "blog" / "2023-02-25-vilnius-rally" / "crowd.png",
        "classroom.png": site.srcdir / "blog" / "2021-09-14-language-rights" / "classroom.png",
    }
    for alt, src in images.items():
        published = site.outdir / posixpath.normpath(posixpath.join(folder, src))
        assert published.read_bytes() == sources[expected[alt]].read_bytes(), (page, src)
    links = [a["href"] for a in soup.select(".blog-excerpt a[href]")]
    for href in links:
        if "://" in href or href.startswith(("mailto:", "#")):
            continue
        target = posixpath.normpath(posixpath.join(folder, href.split("#")[0]))
        assert (site.outdir / target).exists() or (site.outdir / (target + ".html")).exists()


def test_head_block_does_not_leak_into_lists(site):
    assert "Solidarity letter - Free Voices" not in site.html("blog.html").get_text()


@pytest.mark.parametrize("tag", sorted(TAGS))
def test_each_tag_page_lists_exactly_its_posts(site, tag):
    assert all_pages(site, f"blog/tags/{tag}.html") == [p for p in NEWEST_FIRST if p in TAGS[tag]]


def test_tag_page_shows_tags_yml_description(site):
    soup = site.html("blog/tags/language-rights.html")
    assert "the right to learn and speak" in soup.select_one(".blog-term-description").get_text()


def test_tags_index_has_counts(site):
    soup = site.html("blog/tags.html")
    counts = {
        a.get_text(strip=True): a.find_next_sibling("span").get_text(strip=True)
        for a in soup.select(".blog-term")
    }
    assert counts["Announcements"] == "(6)"
    assert counts["Events"] == "(5)"
    assert len(counts) == len(TAGS)


@pytest.mark.parametrize("author", sorted(AUTHORS))
def test_each_author_page_lists_exactly_their_posts(site, author):
    soup = site.html(f"blog/authors/{author}.html")
    assert soup.select_one(".blog-author-profile") is not None
    assert all_pages(site, f"blog/authors/{author}.html") == [
        p for p in NEWEST_FIRST if p in AUTHORS[author]
    ]


def test_author_profile_and_page_false(site):
    soup = site.html("blog/authors/maria.html")
    profile = soup.select_one(".blog-author-profile")
    assert "language rights" in profile.get_text()
    socials = {a.get_text(): a["href"] for a in profile.select(".blog-author-socials a")}
    assert socials["X"] == "https://x.com/mariakov"
    assert socials["Mastodon"] == "https://mastodon.example/@maria"
    # "board" has page: false: no page, not in the index, its post is still listed.
    assert not site.exists("blog/authors/board.html")
    assert "The Board" not in site.html("blog/authors.html").get_text()


def test_archive_groups_by_year_with_every_post_once(site):
    soup = site.html("blog/archive.html")
    years = [h.get_text() for h in soup.select(".blog-archive-year > h2")]
    assert years == ["2025", "2024", "2023", "2022", "2021"]
    links = [a["href"] for a in soup.select(".blog-archive-year a")]
    counted = Counter(links)
    assert len(links) == 12 and max(counted.values()) == 1


def test_unlisted_and_draft_are_in_no_list(site):
    for page in [
        "blog.html",
        "blog/page/2.html",
        "blog/archive.html",
        "blog/tags/announcements.html",
    ]:
        text = site.html(page).get_text()
        assert "A note for members only" not in text
        assert "Unfinished draft" not in text
    assert not site.exists("blog/tags/drafts.html")


def test_postlist_on_home_page_lists_three_newest(site):
    soup = site.html("index.html")
    titles = [a.get_text() for a in soup.select(".blog-postlist-title")]
    assert titles == [POSTS[p] for p in NEWEST_FIRST[:3]]


def test_excerpt_links_keep_anchors_and_point_at_the_post(tmp_path):
    """On a list page, '#details' of a post must lead to the post, and a cross-document
    link keeps its anchor; with html then dirhtml on shared doctrees, each keeps its own."""
    import posixpath

    from conftest import build_site, copy_root

    srcdir = copy_root("feeds", tmp_path / "src")
    for builder in ("html", "dirhtml", "html"):
        site = build_site(srcdir, buildername=builder, builddir=tmp_path / "build")
    item = next(
        article
        for article in site.html("blog.html").select(".blog-list-item")
        if article.select_one(".blog-list-title a").get_text() == "Links of every kind"
    )
    hrefs = {a.get_text(strip=True): a["href"] for a in item.select(".blog-excerpt a[href]")}
    # blog.html is at the site root, beside the blog/ folder.
    assert hrefs["see below"] == "blog/links.html#details"
    assert hrefs["its details"] == "blog/2024/04/01/first.html#first-details"
    assert hrefs["about us"] == "about.html"
    # Links written as raw HTML are the author's own markup and are not rebased.
    raw = {"raw relative link", "a root-relative one"}
    for text, href in hrefs.items():
        if "://" in href or href.startswith("mailto:") or text in raw:
            continue
        path = posixpath.normpath(href.split("#")[0])
        assert (site.outdir / path).exists(), href


def _served(outdir, page_file: str, href: str):
    """The output file a relative link of *page_file* leads to (``None`` if none)."""
    import posixpath

    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_file), href.split("#")[0]))
    for candidate in (path, path + ".html", posixpath.join(path, "index.html")):
        if (outdir / candidate).is_file():
            return candidate
    return None


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_every_link_of_every_list_entry_leads_where_it_says(build, buildername):
    """Entries are rendered once and fitted to each list page: on every index, tag and
    author page (at three folder depths), each entry's links and images lead to files of
    the site, its title to the post's own page, and an author's name to their page, except
    on that very page, where it leads to their own site."""
    site = build("docusaurus", buildername=buildername)
    outdir = site.outdir
    by_title = {title: permalink for permalink, title in POSTS.items()}

    def page_file(name: str) -> str:
        return f"{name}/index.html" if buildername == "dirhtml" else f"{name}.html"

    def post_file(permalink: str) -> str:
        return page_file(permalink)

    pages = ["blog", "blog/page/2", *(f"blog/tags/{t}" for t in TAGS)]
    pages += [f"blog/authors/{a}" for a in AUTHORS]
    checked = 0
    for name in pages:
        file = page_file(name)
        entries = site.html(file).select(".blog-list-item")
        assert entries, name
        for entry in entries:
            title = entry.select_one(".blog-list-title a")
            assert _served(outdir, file, title["href"]) == post_file(by_title[title.get_text()])
            for link in entry.select("a[href]"):
                href = link["href"]
                if "://" in href or href.startswith(("mailto:", "#")):
                    continue
                assert _served(outdir, file, href), (name, href)
            for image in entry.select("img[src]"):
                if "://" not in image["src"]:
                    assert _served(outdir, file, image["src"]), (name, image["src"])
            for author in entry.select("a.blog-author-name"):
                if author.get_text() != "Maria Kovalenko":
                    continue
                expected = (
                    "https://free-voices.example.org/team/maria"
                    if name == "blog/authors/maria"
                    else None
                )
                if expected:
                    assert author["href"] == expected
                else:
                    assert _served(outdir, file, author["href"]) == page_file("blog/authors/maria")
            checked += 1
    assert checked > 40


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        ("Q&A/page/2", "blog/tags/a&b", "../../blog/tags/a&amp;b.html"),
        ("Q&A/page/2", "Q&A/x", "../x.html"),
        ("Q&A/x", "Q&A/page/2", "page/2.html"),
        ("blog/tags/a&b", "index", "../../index.html"),
        ("index", "blog/2024/01/01/post", "blog/2024/01/01/post.html"),
        ("blog/2024/01/01/post", "blog/tags/a&b", "../../../tags/a&amp;b.html"),
        ("blog/2024/01/01/post", "blog/2024/01/01/post", ""),
    ],
)
def test_deferred_links_resolve_to_the_relative_link_from_each_page(page, target, expected):
    """A link made before its page is known and fitted to the page afterwards is the
    relative link from that page (HTML-escaped, as it sits in rendered HTML)."""
    from markupsafe import escape

    from sphinx_advocacy_blog.pages.links import DEFERRED, link, resolve_deferred

    class Builder:
        def get_target_uri(self, docname: str) -> str:
            return docname + ".html"

    builder = Builder()
    html = f'<a href="{escape(link(builder, DEFERRED, target))}">'
    assert resolve_deferred(html, builder, page) == f'<a href="{expected}">'


def test_excerpts_are_kept_in_one_file_and_never_used_for_a_post_read_since(build):
    import os

    from sphinx_advocacy_blog.pages.excerpt_store import EXCERPT_FILE, excerpt_store
    from sphinx_advocacy_blog.pages.excerpts import excerpt_html, render_signature

    site = build("docusaurus")
    app = site.app
    doctrees = str(app.doctreedir)
    assert os.path.isfile(os.path.join(doctrees, EXCERPT_FILE.format(builder="html")))
    assert not [name for name in os.listdir(doctrees) if "excerpt" in name and "." not in name]
    docname = "blog/2023/11/30/annual-report"
    assert "report is also available" in excerpt_html(app, "blog", docname)
    store = excerpt_store(app)
    stamp, signature = app.env.all_docs[docname], render_signature(app.builder)
    # An excerpt kept for an earlier read of the post, or rendered by other settings or
    # another translator, is ignored: the post is rendered again.
    for kept in (("an earlier read", signature), (stamp, "another translator")):
        store.put(docname, *kept, "<p>stale words</p>")
        assert "stale words" not in excerpt_html(app, "blog", docname)
        assert "report is also available" in excerpt_html(app, "blog", docname)
    store.put(docname, stamp, signature, "<p>kept words</p>")
    assert excerpt_html(app, "blog", docname) == "<p>kept words</p>"


def test_list_entries_are_dropped_after_their_last_page_and_pages_repr_briefly(site):
    """Sphinx logs the repr of every event's arguments, the page context among them: a
    generated page must not print every post it lists. A build keeps a post's entry only
    until the last page that lists it."""
    from sphinx_advocacy_blog.env.build_state import get_catalog
    from sphinx_advocacy_blog.env.site_data import get_site
    from sphinx_advocacy_blog.pages.list_pages import ListEntries
    from sphinx_advocacy_blog.pages.plan import plan_pages

    app = site.app
    pages = plan_pages(get_site(app), get_catalog(app))
    archive = next(page for page in pages if page.kind == "archive")
    assert len(archive.posts) >= 10
    assert len(repr(archive)) < 200
    entries = ListEntries(app, pages)
    kept = []
    for page in pages:
        if page.kind in ("index", "tag", "author", "category", "group"):
            for post in page.posts:
                entries.html(page.name, post)
            kept.append(len(entries._deferred))
    assert max(kept) > 0
    assert not entries._deferred and not entries._uses


SELF_AWARE_ITEM = """\
<article class="blog-list-item"><h2><a href="{{ post.url }}">{{ post.title }}</a></h2>
{% for tag in post.tags %}{% if tag.url %}<a class="tag-elsewhere" href="{{ tag.url }}">\
{{ tag.label }}</a>{% else %}<b class="tag-here">{{ tag.label }}</b>{% endif %}{% endfor %}
</article>
"""


def test_a_project_template_that_tells_a_link_to_its_own_page_gets_it_empty(tmp_path):
    """Entries are shared between list pages, but a project's own post_list_item.html may
    treat a link to the page it is on differently (here: a tag on its own tag page is
    not a link); on that page it gets the empty link it would get rendered alone."""
    srcdir = copy_root("docusaurus", tmp_path / "custom")
    templates = srcdir / "_templates" / "advocacy_blog"
    templates.mkdir(parents=True)
    (templates / "post_list_item.html").write_text(SELF_AWARE_ITEM, encoding="utf-8")
    site = build_site(srcdir, freshenv=True, templates_path=["_templates"])
    for tag, posts in TAGS.items():
        page = site.html(f"blog/tags/{tag}.html")
        entries = page.select(".blog-list-item")
        assert len(entries) == len(posts)
        here = set()
        for entry in entries:
            [label] = [b.get_text() for b in entry.select("b.tag-here")]
            assert label not in [a.get_text() for a in entry.select("a.tag-elsewhere")]
            here.add(label)
        assert len(here) == 1, tag
    index = site.html("blog.html")
    assert index.select(".blog-list-item a.tag-elsewhere")
    assert not index.select("b.tag-here")


def test_excerpts_of_workers_reach_the_store_and_a_killed_workers_file_is_dropped(
    tmp_path, monkeypatch
):
    """A -j N worker appends each excerpt it renders to a file of its own, which the
    build's process takes in; a record cut short (a worker killed mid-write) ends that
    file, and a file left by an interrupted build is removed when the next one starts."""
    import pickle

    from sphinx_advocacy_blog.pages import excerpt_store as module
    from sphinx_advocacy_blog.pages.excerpt_store import EXCERPT_FILE, ExcerptStore

    path = str(tmp_path / "store.pickle")
    monkeypatch.setattr(module, "in_worker", lambda: True)
    worker = ExcerptStore(path)
    worker.put("blog/a", 1, "sig", "<p>a</p>")
    worker.put("blog/b#part", 2, "sig", "<p>b</p>")
    [part] = list(tmp_path.glob("store.pickle.*.part"))
    with open(part, "ab") as handle:
        handle.write(pickle.dumps(("blog/c", (3, "sig", "<p>c</p>")))[:-5])
    monkeypatch.setattr(module, "in_worker", lambda: False)
    main = ExcerptStore(path)
    assert main.get("blog/a", 1, "sig") == "<p>a</p>"  # taken in on the first miss
    assert main.get("blog/b#part", 2, "sig") == "<p>b</p>"
    assert main.get("blog/c", 3, "sig") is None
    assert not part.exists()
    main.save()
    assert ExcerptStore(path).get("blog/b#part", 2, "sig") == "<p>b</p>"

    site = build_site(copy_root("docusaurus", tmp_path / "src"), freshenv=True)
    doctrees = site.app.doctreedir
    store_file = doctrees / EXCERPT_FILE.format(builder="html")
    docname = "blog/2023/11/30/annual-report"
    stamp, signature, html = pickle.loads(store_file.read_bytes())[docname]
    assert "report is also available" in html
    left = doctrees / f"{store_file.name}.12345.part"
    left.write_bytes(pickle.dumps((docname, (stamp, signature, "<p>left over</p>"))))
    build_site(site.app.srcdir)
    assert not left.exists()
    assert pickle.loads(store_file.read_bytes())[docname][2] == html


def test_a_quiet_build_writes_the_same_list_pages(site, tmp_path):
    """``sphinx-build -q`` skips the progress messages of the list pages, not the pages."""
    srcdir = copy_root("docusaurus", tmp_path / "src")
    quiet = build_site(srcdir, freshenv=True, quiet=True)
    assert quiet.app.quiet
    generated = sorted(
        str(path.relative_to(site.outdir))
        for folder in ("blog/page", "blog/tags", "blog/authors")
        for path in (site.outdir / folder).rglob("*.html")
    )
    assert len(generated) > 10
    for page in [*generated, "blog.html", "blog/archive.html"]:
        assert (quiet.outdir / page).read_bytes() == (site.outdir / page).read_bytes(), page
