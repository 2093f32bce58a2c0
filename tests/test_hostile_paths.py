"""User data never becomes a path outside the output, and no post takes a generated page.

Author keys, tag permalinks and labels, categories, groups, slugs, ``url`` and aliases are
written by people; each attack below is planted beside good posts, and the build must keep
every file it writes (and deletes) inside the output folder, publish every good post, and
say what it did with the bad one.
"""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest

from conftest import build_site
from sphinx_advocacy_blog.util.files import (
    OutsideOutput,
    forget_folders,
    inside,
    output_path,
    remove_output,
    write_output,
)
from sphinx_advocacy_blog.util.slugs import MAX_SEGMENT_BYTES, clean_url_path, path_segment

CONF = 'project = "Hostile"\nextensions = ["myst_parser", "sphinx_advocacy_blog"]\n'
CONF += 'html_baseurl = "https://example.org/"\n'


def write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def plain(warnings: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", warnings)


def files_below(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def good_post(root: Path) -> None:
    write(root, "blog/2022-01-01-good.md", "---\ntitle: Good\n---\nGood body.\n")


# -- the one function and the one guard --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("events", "events"),
        ("/some/dir/index", "some-dir-index"),
        ("../../index", "..-..-index"),
        ("..", ""),
        (".", ""),
        ("a\x00b", "a-b"),
        ("x\ud800y", "x-y"),
        ("Caf\u0065\u0301", "Caf\u00e9"),  # NFC: one accented letter, as on macOS
        ("  spaced out  ", "spaced-out"),
    ],
)
def test_path_segment(text, expected):
    assert path_segment(text) == expected


def test_long_segments_are_shortened_deterministically_with_a_hash():
    long = path_segment("a" * 300)
    assert len(long.encode()) <= MAX_SEGMENT_BYTES
    assert long == path_segment("a" * 300)
    assert long != path_segment("a" * 299 + "b"), "two long names must not become one"
    cyrillic = path_segment("я" * 200)  # two bytes a letter
    assert len(cyrillic.encode()) <= MAX_SEGMENT_BYTES
    assert clean_url_path("x/" + "b" * 400 + "/y").split("/")[1] == path_segment("b" * 400)


def test_the_output_guard_refuses_every_way_out(tmp_path):
    outdir = tmp_path / "out"
    outdir.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (outdir / "link").symlink_to(tmp_path / "elsewhere")
    for escape in ("../x", "/etc/passwd", "a/../../x", "link/x", "", "a\x00b"):
        assert inside(str(outdir), escape) is None, escape
        with pytest.raises(OutsideOutput):
            output_path(str(outdir), escape)
        with pytest.raises(OutsideOutput):
            write_output(str(outdir), escape, b"x")
    (tmp_path / "victim").write_text("keep", encoding="utf-8")
    assert not remove_output(str(outdir), "../victim")
    assert (tmp_path / "victim").read_text(encoding="utf-8") == "keep"
    assert write_output(str(outdir), "blog/ok.txt", b"ok")
    assert not write_output(str(outdir), "blog/ok.txt", b"ok"), "same bytes: not rewritten"
    assert not list(outdir.rglob("*.part")), "no temporary file left behind"


def test_the_output_guard_sees_links_made_between_builds(tmp_path):
    """Folders are resolved once per build (a cache): a link made before the next build,
    a link to a file, and a link followed by ``..`` are all seen."""
    outdir = tmp_path / "out"
    (outdir / "blog").mkdir(parents=True)
    (tmp_path / "elsewhere" / "deep").mkdir(parents=True)
    forget_folders()
    assert inside(str(outdir), "blog/x.html") == str(outdir / "blog" / "x.html")
    (outdir / "blog").rmdir()
    (outdir / "blog").symlink_to(tmp_path / "elsewhere")
    forget_folders()
    assert inside(str(outdir), "blog/x.html") is None
    (outdir / "up").symlink_to(tmp_path / "elsewhere" / "deep")
    assert inside(str(outdir), "up/../x.html") is None, "the link's parent is outside"
    (outdir / "page.html").symlink_to(tmp_path / "elsewhere" / "file.html")
    assert inside(str(outdir), "page.html") is None
    assert inside(str(outdir), "./page.html") is None


# -- author keys, tags, categories ----------------------------------------------------------


@pytest.fixture
def attacked(tmp_path):
    """A site whose posts and data files aim paths outside the output (and at good pages)."""
    root = tmp_path / "site"
    outside = tmp_path / "outside"
    outside.mkdir()
    write(root, "conf.py", CONF)
    write(root, "index.md", "# Home\n")
    good_post(root)
    absolute = (outside / "dir" / "index").as_posix()
    write(
        root,
        "blog/2022-01-02-evil.md",
        f"""
        ---
        title: Evil
        authors: ["{absolute}", "../2022/01/01/good", "../../index", "inline-evil"]
        tags: ["../../x", {{label: Obj, permalink: "../../../tagged"}}]
        category: "../../../category"
        group: "/../group"
        ---
        Evil body.
        """,
    )
    write(
        root,
        "blog/authors.yml",
        f"""
        "../../yml":
          name: From the yml
        "{outside.as_posix()}/yml2":
          name: Absolute in yml
        inline-evil:
          name: Permalinked
          page:
            permalink: "../../../../perm"
        """,
    )
    write(
        root,
        "blog/tags.yml",
        """
        "../../x":
          label: Dotted
          permalink: "../../../tagfile"
        """,
    )
    return root, outside


def test_no_author_tag_or_category_page_is_written_outside_the_output(attacked, tmp_path):
    root, outside = attacked

    def outside_the_site() -> set[str]:
        return {name for name in files_below(tmp_path) if not name.startswith("site")}

    before = outside_the_site()
    site = build_site(root, freshenv=True, show_warning_types=True)
    assert files_below(outside) == set(), "a file was written outside the output"
    assert outside_the_site() == before
    assert "Good body." in site.html("blog/2022/01/01/good.html").get_text()
    home = site.html("index.html").get_text()
    assert "Home" in home, "the site's index page was overwritten"
    # Every generated page is in the blog's own folders.
    outdir = site.outdir
    for path in outdir.rglob("*.html"):
        relative = path.relative_to(outdir).as_posix()
        assert not relative.startswith("..")
    authors = sorted(p.relative_to(outdir).as_posix() for p in (outdir / "blog/authors").rglob("*"))
    assert "blog/authors/..-2022-01-01-good.html" in authors
    assert "blog/authors/..-..-index.html" in authors
    assert all(name.count("/") <= 3 for name in authors), authors
    warnings = plain(site.warnings)
    assert re.search(
        r"authors\.yml:\d+: WARNING: author key '\.\./\.\./yml'.*\[blog\.authors\]", warnings
    )


def test_deleting_the_attacking_post_deletes_nothing_outside(attacked, tmp_path):
    root, outside = attacked
    build_site(root, freshenv=True)
    (outside / "dir").mkdir()
    planted = outside / "dir" / "index.html"
    planted.write_text("not the blog's", encoding="utf-8")
    (root / "blog" / "2022-01-02-evil.md").unlink()
    build_site(root)
    assert planted.read_text(encoding="utf-8") == "not the blog's"


def test_a_state_file_cannot_make_the_build_delete_outside(tmp_path):
    """Names read back from the build's own state files are deleted only inside."""
    root = tmp_path / "site"
    write(root, "conf.py", CONF)
    write(root, "index.md", "# Home\n")
    good_post(root)
    site = build_site(root, freshenv=True)
    victim = tmp_path / "victim.html"
    victim.write_text("keep", encoding="utf-8")
    doctrees = root / "_build" / "doctrees"
    for state in doctrees.glob("html-advocacy_blog_*.json"):
        text = state.read_text(encoding="utf-8")
        if text.startswith("{"):
            state.write_text('{"../../../victim": "x", "/tmp/../' + str(victim) + '": "y"}')
        else:
            state.write_text('["../../../victim.html", "' + str(victim) + '"]')
    write(root, "blog/2022-01-02-second.md", "---\ntitle: Second\n---\nSecond.\n")
    build_site(root)
    assert victim.read_text(encoding="utf-8") == "keep"
    assert site.exists("blog/2022/01/02/second.html")


# -- slugs, url and file names -----------------------------------------------------------------


def test_posts_that_would_stop_the_build_are_built_with_a_warning(tmp_path):
    root = tmp_path / "site"
    write(root, "conf.py", CONF)
    write(root, "index.md", "# Home\n")
    good_post(root)
    write(root, "blog/2022-01-02-long.md", f"---\ntitle: Long\nslug: {'a' * 300}\n---\nLong.\n")
    write(root, "blog/2022-01-03-longtag.md", f"---\ntitle: T\ntags: [{'t' * 300}]\n---\nT.\n")
    write(root, "blog/2022-01-04-atom.md", "---\ntitle: Atom\nslug: atom.xml/x\n---\nAtom.\n")
    write(root, "blog/2022-01-05-inv.md", "---\ntitle: Inv\nurl: /objects.inv/x\n---\nInv.\n")
    (root / "blog" / "2022-01-06-ff.md").write_text(
        '---\ntitle: "Form\\ffeed \\uD800 title"\ntime_to_read_in_minutes: .inf\n---\n'
        "Body with a form feed \x0c here.\n",
        encoding="utf-8",
    )
    write(root, "blog/2022-01-07-nul.md", '---\ntitle: Nul\nauthors: ["a\\0b"]\n---\nNul.\n')
    site = build_site(root, freshenv=True, show_warning_types=True)
    warnings = plain(site.warnings)
    for path in site.outdir.rglob("*"):
        assert len(path.name.encode()) <= 255, path
    assert "Good body." in site.html("blog/2022/01/01/good.html").get_text()
    assert site.exists("blog/atom.xml") and (site.outdir / "blog/atom.xml").is_file()
    assert (site.outdir / "objects.inv").is_file()
    atom = site.html("blog/2022/01/04/atom.html").get_text()
    assert "Atom." in atom
    assert re.search(r"2022-01-04-atom\.md:1: WARNING: .*/blog/atom\.xml/x.*Atom feed", warnings)
    assert re.search(r"2022-01-05-inv\.md:1: WARNING: .*/objects\.inv/x.*inventory", warnings)
    assert re.search(r"2022-01-02-long\.md:3: WARNING: slug .* too long .*\[blog\.slug\]", warnings)
    ff = site.html("blog/2022/01/06/ff.html")
    assert ff.find("h1").get_text().startswith("Form feed  title")
    assert "\x0c" not in (site.outdir / "blog/rss.xml").read_text(encoding="utf-8")
    assert re.search(r"2022-01-06-ff\.md:5: WARNING: .*\[blog\.encoding\]", warnings)
    assert re.search(r"2022-01-06-ff\.md:3: WARNING: time_to_read_in_minutes", warnings)
    assert site.exists("blog/authors/ab.html")


@pytest.mark.parametrize(
    ("front", "taken"),
    [
        ("slug: archive", "the archive"),
        ("slug: tags", "the tag pages"),
        ("slug: tags/events", "the tag pages"),
        ("slug: authors", "the author pages"),
        ("slug: page/2", "the blog index's pages"),
        ("slug: category/x", "the category pages"),
        ("slug: rss.xml", "the RSS feed"),
        ("url: /genindex", "general index"),
        ("url: /search", "search page"),
        ("url: /blog", "the blog index"),
    ],
)
def test_a_post_never_takes_a_generated_page(tmp_path, front, taken):
    root = tmp_path / "site"
    write(root, "conf.py", CONF)
    write(root, "index.md", "# Home\n")
    good_post(root)
    write(root, "blog/2022-03-04-claimer.md", f"---\ntitle: Claimer\n{front}\n---\nClaims.\n")
    write(root, "blog/2022-03-05-tagged.md", "---\ntitle: Tagged\ntags: [events]\n---\nT.\n")
    site = build_site(root, freshenv=True, show_warning_types=True)
    warnings = plain(site.warnings)
    assert re.search(
        rf"2022-03-04-claimer\.md:1: WARNING: this post's URL .* is the address of .*{taken}.*"
        r"published at /blog/2022/03/04/claimer \[blog\.duplicate\]",
        warnings,
    ), warnings
    assert "Claims." in site.html("blog/2022/03/04/claimer.html").get_text()
    assert site.html("blog/archive.html").find("h1").get_text() == "Archive"
    assert site.html("blog.html").find("h1").get_text() == "Blog"
    assert "Claimer" in (site.outdir / "blog/rss.xml").read_text(encoding="utf-8")


def test_a_file_named_like_the_blog_index_is_a_post_elsewhere(tmp_path):
    root = tmp_path / "site"
    write(root, "conf.py", CONF)
    write(root, "index.md", "# Home\n")
    good_post(root)
    write(root, "blog/index.md", "---\ntitle: Not the index\ndate: 2022-05-05\n---\nI.\n")
    site = build_site(root, freshenv=True, buildername="dirhtml", show_warning_types=True)
    assert site.html("blog/index.html").find("h1").get_text() == "Blog"
    titled = {
        path.relative_to(site.outdir).as_posix()
        for path in site.outdir.rglob("index.html")
        if "<h1>Not the index" in path.read_text("utf-8")
    }
    assert titled == {"blog/2022/05/05/index/index.html"} or len(titled) == 1, titled
    assert "blog/index.html" not in titled
    assert "[blog.duplicate]" in plain(site.warnings)


def test_taken_urls_give_the_same_pages_incrementally(tmp_path):
    """After an edit the incremental build swaps nothing: it equals a clean build."""
    root = tmp_path / "site"
    write(root, "conf.py", CONF)
    write(root, "index.md", "# Home\n")
    good_post(root)
    write(root, "blog/2022-03-04-claimer.md", "---\ntitle: Claimer\nslug: archive\n---\nOne.\n")
    build_site(root, freshenv=True)
    write(root, "blog/2022-03-04-claimer.md", "---\ntitle: Claimer\nslug: archive\n---\nTwo.\n")
    incremental = build_site(root)
    clean = build_site(root, freshenv=True, builddir=tmp_path / "clean")
    for name in ("blog/archive.html", "blog/2022/03/04/claimer.html", "blog.html"):
        assert (incremental.outdir / name).read_bytes() == (clean.outdir / name).read_bytes()


def test_urls_that_differ_only_in_case_are_named(tmp_path):
    root = tmp_path / "site"
    write(root, "conf.py", CONF)
    write(root, "index.md", "# Home\n")
    write(root, "blog/a.md", "---\ntitle: A\nslug: Launch\ndate: 2022-01-01\n---\nA.\n")
    write(root, "blog/b.md", "---\ntitle: B\nslug: launch\ndate: 2022-01-02\n---\nB.\n")
    write(root, "blog/c.md", "---\ntitle: C\nslug: aux\ndate: 2022-01-03\n---\nC.\n")
    site = build_site(root, freshenv=True, show_warning_types=True)
    warnings = plain(site.warnings)
    assert re.search(
        r"b\.md:1: WARNING: the URL /blog/launch differs .* only in upper and lower", warnings
    )
    assert re.search(
        r"c\.md:1: WARNING: the URL /blog/aux holds a name Windows cannot store", warnings
    )
    assert os.path.exists(site.outdir / "blog" / "aux.html")
