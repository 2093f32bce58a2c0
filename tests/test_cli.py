"""The command line: ``check`` finds every planted problem, ``new`` writes a post."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOTS, build_site, copy_root
from sphinx_advocacy_blog.cli.main import COMMANDS, build_parser, main
from sphinx_advocacy_blog.readers.docusaurus import read_post
from sphinx_advocacy_blog.readers.settings import ReadSettings

LINT = ROOTS / "test-lint"
CLEAN = ROOTS / "test-lint-clean"

#: Every problem planted in tests/roots/test-lint: (file, line, severity, type).
PLANTED = {
    ("blog/2024-01-1-broken-yaml.md", 4, "error", "blog.yaml"),
    ("blog/2024-01-2-unclosed.md", 1, "error", "blog.frontmatter"),
    ("blog/2024-01-3-bad-date.md", 4, "error", "blog.date"),
    ("blog/2024-01-4-unknown.md", 4, "error", "blog.author"),
    ("blog/2024-01-4-unknown.md", 5, "warning", "blog.tags"),
    ("blog/2024-02-1-folder/index.md", 4, "error", "blog.image"),
    ("blog/2024-02-1-folder/index.md", 9, "error", "blog.image"),
    ("blog/2024-02-1-folder/index.md", 11, "error", "blog.image"),
    ("blog/2024-03-2-second.md", 1, "error", "blog.duplicate"),
    ("blog/2024-04-1-bare.md", 1, "warning", "blog.seo"),  # no description
    ("blog/2024-04-2-long-title.md", 2, "warning", "blog.seo"),
    ("blog/2024-04-3-draft-unlisted.md", 6, "error", "blog.draft"),
    ("blog/2024-04-4-alias.md", 5, "error", "blog.redirect"),
}
LINE_FORMAT = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+): (?P<severity>error|warning): \[blog\.\w+\] .+$"
)


def run_json(capsys, root: Path) -> tuple[int, dict]:
    status = main(["check", str(root), "--json"])
    return status, json.loads(capsys.readouterr().out)


def test_check_finds_every_planted_problem(capsys):
    status, report = run_json(capsys, LINT)
    assert status == 1
    found = {
        (Path(p["file"]).relative_to(LINT).as_posix(), p["line"], p["severity"], p["type"])
        for p in report["problems"]
    }
    assert found == PLANTED
    # One post has neither a description nor an image: two findings on its line 1.
    bare = [p for p in report["problems"] if p["file"].endswith("2024-04-1-bare.md")]
    assert len(bare) == 2
    assert {p["message"].split(":")[0] for p in bare} == {"no 'description'", "no 'image'"}
    assert report["errors"] == 10 and report["warnings"] == 4 and report["posts"] == 11


def test_check_names_both_files_of_a_duplicate(capsys):
    _status, report = run_json(capsys, LINT)
    duplicate = next(p for p in report["problems"] if p["type"] == "blog.duplicate")
    assert "2024-03-1-first.md" in duplicate["message"]
    assert "2024-03-2-second.md" in duplicate["file"]


def test_check_text_output_is_file_line_severity_type_message(capsys):
    assert main(["check", str(LINT)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == len(PLANTED) + 1  # the bare post has two findings
    for line in lines:
        assert LINE_FORMAT.match(line), line
    assert "11 posts checked: 10 errors, 4 warnings" in captured.err


def test_check_passes_a_clean_blog(capsys):
    status, report = run_json(capsys, CLEAN)
    assert status == 0
    assert report["problems"] == [] and report["posts"] == 2


def test_warnings_alone_exit_zero(capsys, tmp_path):
    srcdir = copy_root("lint-clean", tmp_path / "src")
    post = srcdir / "blog" / "2024-06-1-summer.md"
    post.write_text(post.read_text().replace("description: A week of workshops.\n", ""))
    status, report = run_json(capsys, srcdir)
    assert status == 0
    assert [p["type"] for p in report["problems"]] == ["blog.seo"]


def test_python_dash_m_runs_the_cli():
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_advocacy_blog", "check", str(CLEAN)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "2 posts checked: 0 errors, 0 warnings" in result.stderr


def test_subcommands_are_a_table():
    assert [command.name for command in COMMANDS] == ["build", "check", "new", "serve"]
    with pytest.raises(SystemExit):
        build_parser().parse_args([])


# -- new ------------------------------------------------------------------------------------


def test_new_creates_a_dated_post_folder_that_builds(tmp_path, capsys):
    srcdir = copy_root("lint-clean", tmp_path / "src")
    title = "Our new campaign: phase 2"
    status = main(
        [
            *("new", title, "--author", "ana", "--tags", "news", "events,rallies"),
            *("--dir", str(srcdir), "--date", "2025-03-04"),
        ]
    )
    assert status == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == srcdir / "blog" / "2025-03-04-our-new-campaign-phase-2" / "index.md"
    text = path.read_text(encoding="utf-8")
    parsed = read_post(
        "blog/2025-03-04-our-new-campaign-phase-2/index.md",
        "2025-03-04-our-new-campaign-phase-2/index.md",
        text,
        ReadSettings(),
    )
    assert parsed.problems == []
    post = parsed.post
    assert post.title == title
    assert post.author_keys == ("ana",)
    assert [tag.label for tag in post.tags] == ["news", "events", "rallies"]
    assert post.published.date() == date(2025, 3, 4)
    assert post.permalink == "blog/2025/03/04/our-new-campaign-phase-2"
    assert post.has_truncate_marker
    site = build_site(srcdir)
    page = site.html("blog/2025/03/04/our-new-campaign-phase-2.html")
    assert page.find("h1").get_text(strip=True).rstrip("¶") == title


def test_new_never_overwrites(tmp_path, capsys):
    srcdir = copy_root("lint-clean", tmp_path / "src")
    args = ["new", "Same title", "--dir", str(srcdir), "--date", "2025-01-02"]
    assert main(args) == 0
    path = Path(capsys.readouterr().out.strip())
    path.write_text("my words", encoding="utf-8")
    assert main(args) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "my words"


def test_new_defaults_to_today_and_warns_about_unknown_authors(tmp_path, capsys):
    srcdir = copy_root("lint-clean", tmp_path / "src")
    assert main(["new", "Hello", "--author", "zed", "--dir", str(srcdir)]) == 0
    captured = capsys.readouterr()
    assert Path(captured.out.strip()).parent.name == f"{date.today().isoformat()}-hello"
    assert "author 'zed' is not in blog/authors.yml" in captured.err


def test_new_in_an_ablog_project_keeps_its_index_url(tmp_path, capsys):
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_advocacy_blog"]\nblog_path = "news"\n')
    assert main(["new", "Hello", "--dir", str(tmp_path)]) == 1
    assert "blog_route_base_path = 'news'" in capsys.readouterr().err
    assert not (tmp_path / "news").exists()


def test_console_script_entry_point_names_main():
    import importlib

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    pyproject = tomllib.loads((ROOTS.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    module, _, function = pyproject["project"]["scripts"]["sphinx-advocacy-blog"].partition(":")
    assert getattr(importlib.import_module(module), function) is main


def test_a_head_block_gives_the_description_and_the_title_seen_by_search_engines():
    from sphinx_advocacy_blog.cli.check import load_config, post_problems
    from sphinx_advocacy_blog.config import settings_from_config
    from sphinx_advocacy_blog.model.site import BlogSite

    config, problems = load_config(str(CLEAN))
    assert problems == []
    site = BlogSite(settings=settings_from_config(config), blog_dir=str(CLEAN / "blog"))
    long_title = "A head title far longer than what any search result will show in full"
    text = (
        "---\ntitle: Short\nimage: https://example.org/x.png\n---\n\n<head>\n"
        f"<title>{long_title}</title>\n"
        '<meta name="description" content="Said in the head block." />\n</head>\n\nBody.\n'
    )
    post = read_post("blog/x.md", "x.md", text, ReadSettings()).post
    found = post_problems(post, text, site, str(CLEAN))
    assert [(p.subtype, p.line) for p in found] == [("seo", 7)]
    assert "<title> of the <head> block" in found[0].message


def test_a_head_block_og_image_is_the_posts_image_for_check(tmp_path, capsys):
    srcdir = copy_root("lint-clean", tmp_path / "src")
    post = srcdir / "blog" / "2024-06-1-summer.md"
    text = post.read_text(encoding="utf-8").replace("image: /img/cover.png\n", "")
    post.write_text(
        text + '\n<head>\n  <meta property="og:image" content="https://example.org/summer.png" />\n'
        "</head>\n",
        encoding="utf-8",
    )
    status, report = run_json(capsys, srcdir)
    assert status == 0
    assert report["problems"] == []
    # Without the block, the same post has no picture for link previews.
    post.write_text(text, encoding="utf-8")
    _status, report = run_json(capsys, srcdir)
    assert [p["message"].split(":")[0] for p in report["problems"]] == ["no 'image'"]


def test_a_new_post_builds_and_checks_without_a_problem_and_shows_no_image(tmp_path, capsys):
    """The image hint of a new post is text, not an image: no warning (``-W`` passes), no
    broken image on the page, and ``check`` finds no error."""
    srcdir = copy_root("lint-clean", tmp_path / "src")
    args = ["new", "Hello", "--author", "ana", "--tags", "News", "--date", "2025-03-04"]
    assert main([*args, "--dir", str(srcdir)]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert "![description](./image.jpg)" in path.read_text(encoding="utf-8")
    site = build_site(srcdir, freshenv=True)
    assert site.warnings == ""
    body = site.html("blog/2025/03/04/hello.html").select_one(".body, [role=main]")
    assert body.find("img") is None
    assert "![description](./image.jpg)" in body.get_text()
    status, report = run_json(capsys, srcdir)
    assert status == 0
    assert not [p for p in report["problems"] if p["type"] == "blog.image"]


def test_check_ignores_images_inside_code_spans():
    from sphinx_advocacy_blog.cli.check import body_images

    text = "Show `![a](./x.png)` and ``![b](./y.png)``, then ![c](./z.png).\n"
    assert body_images(text) == [(1, "./z.png")]
