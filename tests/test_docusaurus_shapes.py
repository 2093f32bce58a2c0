"""Shapes met in real Docusaurus blogs that a round of unseen sites showed wrong
(tests/roots/test-docusaurus-shapes: babel/website, openfeature.dev, ent/ent)."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from conftest import Site, build_site, copy_root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    srcdir = copy_root("docusaurus-shapes", tmp_path_factory.mktemp("shapes") / "src")
    return build_site(srcdir, freshenv=True)


def _body(site: Site, page: str):
    return site.html(page).select_one("div.body")


def test_the_shapes_build_without_a_warning(site):
    # Titled code blocks in excerpts warned "Any IDs not assigned for container node" on
    # every list page showing them; a rule inside <details> "Transition must be child of
    # <document> or <section>"; a link to "#" "cross-reference target not found: ''".
    # Only the remote badge is named (it is not loaded).
    lines = [line for line in site.warnings.splitlines() if "WARNING" in line]
    assert len(lines) == 1 and "[blog.remote_media]" in lines[0], site.warnings


def test_a_rule_inside_details_stays_there(site):
    details = _body(site, "blog/2024/01/06/rule-in-details.html").select_one("details")
    assert details.find("hr") is not None
    assert "Then apply it." in details.get_text()


def test_a_remote_badge_linked_to_the_top_is_one_link(site):
    paragraph = next(
        p
        for p in _body(site, "blog/2024/01/07/badge-to-top.html").select("p")
        if "create" in p.get_text()
    )
    links = paragraph.select("a")
    # No link inside a link (the badge's own link inside the "#" one was invalid HTML).
    assert [(a["href"], a.get_text(strip=True)) for a in links] == [
        ("#", "create (image on img.shields.io)")
    ]


def test_a_plus_in_the_file_name_stays_in_the_url(site):
    # Docusaurus: /blog/2018/06/26/es2015+-packages (other posts link to it). Sphinx
    # writes the link percent-encoded (%2B), which servers map to the same file.
    assert site.exists("blog/2018/06/26/es2015+-packages.html")
    links = [unquote(a["href"]) for a in site.html("blog.html").select("article h2 a")]
    assert "blog/2018/06/26/es2015+-packages" in links


def test_site_alias_images_are_the_site_folder_files(site):
    images = _body(site, "blog/2024/01/02/site-alias.html").select("img")
    assert [img["alt"] for img in images] == ["From require", "From Markdown"]
    for img in images:
        assert "@site" not in img["src"]
        assert (site.outdir / "blog/2024/01/02" / img["src"]).resolve().is_file()


def test_a_fence_closed_on_a_tab_indented_line_ends_there(site):
    body = _body(site, "blog/2024/01/03/tab-fence.html")
    captions = [c.get_text(strip=True).rstrip("¶") for c in body.select(".code-block-caption")]
    assert captions == ["a.go", "b.go"]
    assert "Then:" in [p.get_text(strip=True) for p in body.select("p")]
    assert "blog-code" not in body.get_text()


def test_a_titled_code_block_in_a_quote_keeps_its_title(site):
    quote = _body(site, "blog/2024/01/04/quoted-code.html").select_one("blockquote")
    assert quote.select_one(".code-block-caption").get_text(strip=True).rstrip("¶") == "input.js"
    assert "const answer = 42;" in quote.get_text()


def test_an_explicit_id_in_a_spaced_comment(site):
    body = _body(site, "blog/2024/01/05/comment-id.html")
    heading = body.find("h2")
    assert heading.get_text(strip=True).rstrip("¶") == "Stage 0: Class Properties"
    assert heading.parent["id"] == "stage-0:-class-properties"
    assert body.find("a", string="the first stage")["href"] == "#stage-0:-class-properties"
