"""``postlist`` finds tags and authors by every name a writer may give them.

A tag by its ``tags.yml`` key, its label or its permalink (all three differ here); an author
by their key, also when their page has another permalink or when they have no page.
"""

from __future__ import annotations

import pytest

from conftest import build_site, copy_root

FIRST = "Tom & Jerry <script>alert(1)</script> meet"
LINKS = "Links of every kind"
BOARD = "A word from the board"

TAGS_YML = """\
events:
  label: Rallies & events
  permalink: gatherings
reports:
  label: Reports
  permalink: reports
"""

LISTINGS = {
    "tag key": ":tags: events",
    "tag label": ":tags: Rallies & events",
    "tag permalink": ":tags: gatherings",
    "tag label in other case": ":tags: rallies & EVENTS",
    "author key with a page permalink": ":author: maria",
    "author page permalink": ":author: maria-k",
    "author without a page": ":author: board",
    "unknown tag": ":tags: nothing-like-this",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    srcdir = copy_root("feeds", tmp_path_factory.mktemp("listings") / "src")
    (srcdir / "blog" / "tags.yml").write_text(TAGS_YML)
    authors = srcdir / "blog" / "authors.yml"
    authors.write_text(authors.read_text() + "board:\n  name: The Board\n  page: false\n")
    (srcdir / "blog" / "2024-03-01-board.md").write_text(
        f"---\ntitle: {BOARD}\nauthors: [board]\ntags: [reports]\n---\n\nFrom the board.\n"
    )
    sections = "".join(
        f"\n## {heading}\n\n```{{postlist}}\n{option}\n```\n"
        for heading, option in LISTINGS.items()
    )
    (srcdir / "lists.md").write_text("---\norphan: true\n---\n# Lists\n" + sections)
    return build_site(srcdir, freshenv=True)


def _listed(site, heading: str) -> list[str]:
    page = site.html("lists.html")
    title = next(h for h in page.find_all("h2") if h.get_text(strip=True).rstrip("¶") == heading)
    return [a.get_text() for a in title.find_parent("section").select(".blog-postlist-title")]


@pytest.mark.parametrize(
    "heading", ["tag key", "tag label", "tag permalink", "tag label in other case"]
)
def test_postlist_tags_by_key_label_or_permalink(site, heading):
    assert _listed(site, heading) == [LINKS, FIRST]


@pytest.mark.parametrize("heading", ["author key with a page permalink", "author page permalink"])
def test_postlist_author_whose_page_has_another_permalink(site, heading):
    assert _listed(site, heading) == [LINKS]


def test_postlist_author_without_a_page(site):
    assert _listed(site, "author without a page") == [BOARD]


def test_postlist_unknown_tag_lists_nothing(site):
    assert _listed(site, "unknown tag") == []
    assert site.warnings == ""
