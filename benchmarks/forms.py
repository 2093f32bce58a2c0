"""The three forms of the same blog: bare Sphinx + MyST (the floor), this extension, ABlog.

Each form writes a complete Sphinx project (``conf.py``, ``index.md``, the posts) into a
folder and knows which file holds a given post, so the benchmark can edit it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from corpus import AUTHORS, PostSpec

BASEURL = "https://blog.example.org/"
INDEX = "# Benchmark site\n\nA site with a blog of synthetic posts.\n"


def _yaml_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(json.dumps(value) for value in values) + "]"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_files(root: Path, post_path: Path, post: PostSpec, files: dict[str, bytes]) -> None:
    """The site's shared files (once) and the files beside one post."""
    for relative, data in files.items():
        target = root / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    for relative, data in post.files:
        target = post_path.parent / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


# -- floor: bare Sphinx + MyST, posts as orphan pages ---------------------------------------


def floor_post_path(root: Path, post: PostSpec) -> Path:
    return root / "posts" / f"{post.stem}.md"


def write_floor(root: Path, posts: list[PostSpec], files: dict[str, bytes] | None = None) -> None:
    _write(
        root / "conf.py",
        f'project = "Benchmark"\nextensions = ["myst_parser"]\nhtml_baseurl = "{BASEURL}"\n',
    )
    _write(root / "index.md", INDEX)
    for post in posts:
        # Same metadata as the other forms; Sphinx keeps it as page metadata only.
        front = (
            "---\norphan: true\n"
            f"date: {post.published.isoformat()}\n"
            f"author: {_yaml_list(post.authors)}\n"
            f"tags: {_yaml_list(post.tags)}\n---\n\n"
        )
        _write(floor_post_path(root, post), f"{front}# {post.title}\n\n{post.body}")
        _write_files(root, floor_post_path(root, post), post, files or {})


# -- ours: a Docusaurus blog folder -----------------------------------------------------------


def ours_post_path(root: Path, post: PostSpec) -> Path:
    return root / "blog" / f"{post.stem}.md"


def write_ours(root: Path, posts: list[PostSpec], files: dict[str, bytes] | None = None) -> None:
    _write(
        root / "conf.py",
        'project = "Benchmark"\n'
        'extensions = ["myst_parser", "sphinx_advocacy_blog"]\n'
        f'html_baseurl = "{BASEURL}"\n'
        # The resized copies of the images outlive the build folder (which each "full"
        # build deletes), as a site's CI keeps them in a cached folder (docs/images.md).
        'blog_image_cache = "../image-cache"\n',
    )
    _write(root / "index.md", INDEX)
    authors = []
    for key, (name, title) in AUTHORS.items():
        authors.append(
            f"{key}:\n  name: {name}\n  title: {title}\n  url: https://example.org/team/{key}\n"
        )
    _write(root / "blog" / "authors.yml", "".join(authors))
    for post in posts:
        front = (
            f"---\ntitle: {json.dumps(post.title)}\n"
            f"authors: {_yaml_list(post.authors)}\n"
            f"tags: {_yaml_list(post.tags)}\n{post.campaign}---\n\n"
        )
        _write(ours_post_path(root, post), front + post.body)
        _write_files(root, ours_post_path(root, post), post, files or {})


# -- ABlog ------------------------------------------------------------------------------------


def ablog_post_path(root: Path, post: PostSpec) -> Path:
    return root / "posts" / f"{post.stem}.md"


def write_ablog(root: Path, posts: list[PostSpec], files: dict[str, bytes] | None = None) -> None:
    authors = {key: (name, f"https://example.org/team/{key}") for key, (name, _) in AUTHORS.items()}
    _write(
        root / "conf.py",
        'project = "Benchmark"\n'
        'extensions = ["ablog", "myst_parser"]\n'
        f'html_baseurl = "{BASEURL}"\n'
        'blog_path = "blog"\n'
        'blog_title = "Blog"\n'
        f'blog_baseurl = "{BASEURL}"\n'
        f"blog_authors = {authors!r}\n"
        'post_date_format = "%Y-%m-%d"\n',
    )
    _write(root / "index.md", INDEX)
    for post in posts:
        front = (
            "---\nblogpost: true\n"
            f"date: {post.published.isoformat()}\n"
            f"author: {', '.join(post.authors)}\n"
            f"tags: {', '.join(post.tags)}\n---\n\n"
        )
        _write(ablog_post_path(root, post), f"{front}# {post.title}\n\n{post.body}")
        _write_files(root, ablog_post_path(root, post), post, files or {})


# -- interpreters -----------------------------------------------------------------------------


def _versions(python: str) -> dict[str, str]:
    code = (
        "import json, importlib.metadata as m\n"
        "print(json.dumps({n: m.version(n) for n in ('sphinx', 'myst-parser', 'docutils')}))"
    )
    output = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(output.stdout)


def ablog_python(workdir: Path, reference_python: str) -> str:
    """ABlog's interpreter: a virtualenv of its own, with the reference's Sphinx and MyST.

    Pinning Sphinx, myst-parser and docutils to the versions the other forms use makes the
    extension the only difference between the forms.
    """
    venv = workdir / "venv-ablog"
    python = venv / "bin" / "python"
    pins = _versions(reference_python)
    wanted = [f"sphinx=={pins['sphinx']}", f"myst-parser=={pins['myst-parser']}"]
    wanted.append(f"docutils=={pins['docutils']}")
    stamp = venv / "benchmark-pins.json"
    if python.exists() and stamp.exists() and json.loads(stamp.read_text()) == wanted:
        return str(python)
    if venv.exists():
        shutil.rmtree(venv)
    print(f"creating {venv} (ablog, {', '.join(wanted)})", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "ablog", *wanted],
        capture_output=True,
        text=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    if installed.returncode != 0:
        raise RuntimeError(f"pip install ablog failed:\n{installed.stdout}{installed.stderr}")
    stamp.write_text(json.dumps(wanted))
    return str(python)


@dataclass(frozen=True)
class Form:
    """How to write one form of the blog and which file holds a post."""

    name: str
    label: str
    write: Callable[[Path, list[PostSpec], dict[str, bytes] | None], None]
    post_path: Callable[[Path, PostSpec], Path]


FORMS = {
    "floor": Form("floor", "Sphinx + MyST (floor)", write_floor, floor_post_path),
    "ours": Form("ours", "sphinx-advocacy-blog", write_ours, ours_post_path),
    "ablog": Form("ablog", "ABlog", write_ablog, ablog_post_path),
}
