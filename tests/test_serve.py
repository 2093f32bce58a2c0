"""``python -m sphinx_advocacy_blog serve``: Docusaurus-style URLs, every locale, rebuilds,
the reload script; and the build's notice about suffixless links."""

from __future__ import annotations

import io
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import build_site, copy_root
from sphinx_advocacy_blog.cli.serve import BUILD_URL, Preview, resolve


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def test_urls_without_suffix_map_to_files(tmp_path):
    (tmp_path / "blog" / "tags").mkdir(parents=True)
    for name in ("blog.html", "blog/x.html", "blog/tags/index.html", "index.html"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    root = str(tmp_path)
    assert resolve(root, "/") == str(tmp_path / "index.html")
    assert resolve(root, "/blog") == str(tmp_path / "blog.html")  # not the blog/ folder
    assert resolve(root, "/blog/x") == str(tmp_path / "blog" / "x.html")
    assert resolve(root, "/blog/x.html") == str(tmp_path / "blog" / "x.html")
    assert resolve(root, "/blog/tags/") == str(tmp_path / "blog" / "tags" / "index.html")
    assert resolve(root, "/blog/nothing") is None
    assert resolve(root, "/../etc/passwd") is None


@pytest.fixture
def preview(tmp_path):
    srcdir = copy_root("i18n", tmp_path / "src")
    preview = Preview(str(srcdir), str(tmp_path / "out"), port=0)
    output = io.StringIO()
    thread = threading.Thread(target=preview.run, kwargs={"out": output}, daemon=True)
    thread.start()
    deadline = time.time() + 240
    while preview.builds < 1 or "open http" not in output.getvalue():
        assert time.time() < deadline, "the first build did not finish"
        time.sleep(0.2)
    yield preview, srcdir, output
    preview.stop()
    thread.join(timeout=30)


def test_serve_builds_every_locale_and_serves_docusaurus_urls(preview):
    server, _srcdir, output = preview
    assert server.url.startswith("http://127.0.0.1:")
    assert server.url in output.getvalue()
    status, page = _get(server.url + "blog")
    assert status == 200 and "<article" in page
    assert BUILD_URL in page  # the reload script, added by the server only
    assert BUILD_URL not in (Path(server.outdir) / "blog.html").read_text(encoding="utf-8")
    status, russian = _get(server.url + "ru/blog")
    assert status == 200 and 'lang="ru"' in russian
    # Every internal link of the page answers (html_link_suffix = "" in this site).
    for href in ("blog/tags", "ru/blog/tags"):
        assert _get(server.url + href)[0] == 200, href
    assert _get(server.url + "blog/no-such-post")[0] == 404


def test_serve_rebuilds_when_a_file_changes(preview):
    server, srcdir, _output = preview
    number = _get(server.url + BUILD_URL.lstrip("/"))[1]
    post = next((srcdir / "blog").rglob("*.md"))
    post.write_text(post.read_text(encoding="utf-8") + "\nA freshly added sentence.\n")
    deadline = time.time() + 240
    while _get(server.url + BUILD_URL.lstrip("/"))[1] == number:
        assert time.time() < deadline, "no rebuild after the change"
        time.sleep(0.5)
    found = [p for p in Path(server.outdir).rglob("*.html") if "freshly added" in p.read_text()]
    assert found


def test_a_build_with_suffixless_links_says_how_to_preview(tmp_path):
    srcdir = copy_root("i18n", tmp_path / "src")
    site = build_site(srcdir)
    status = site.app._status.getvalue()
    assert status.count("python -m sphinx_advocacy_blog serve") == 1
    plain = build_site(copy_root("themes", tmp_path / "themes"))
    assert "sphinx_advocacy_blog serve" not in plain.app._status.getvalue()
