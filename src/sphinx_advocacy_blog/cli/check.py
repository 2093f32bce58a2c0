"""Lint a whole blog without building it: ``python -m sphinx_advocacy_blog check SOURCEDIR``.

The same readers as the build find the posts (:class:`~.discovery.BlogProject`), read
them (``readers/``) and the site data (``authors.yml``, ``tags.yml``, ``conf.py``); on top
of the build's own warnings this reports what a reviewer would: unknown authors and tags,
missing images, duplicate URLs, missing descriptions and images for search engines and
link previews, titles too long for search results. Nothing is written anywhere.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import Any

from ..config import is_ablog_project, settings_from_config, validate_config
from ..config.options import OPTIONS, BlogSettings
from ..env.discovery import BlogProject, blog_exclude_patterns
from ..env.git_dates import file_histories, undated_post_date
from ..env.site_data import load_site_data
from ..migrate.ablog_options import apply_ablog_options
from ..migrate.old_urls import redirect_map
from ..model.catalog import build_catalog
from ..model.post import Post
from ..model.problem import Problem
from ..model.routes import renamed_sections
from ..model.site import BlogSite
from ..pages.plan import plan_pages
from ..readers.docusaurus import read_post
from ..readers.frontmatter import normalize_text
from ..readers.settings import ReadSettings
from ..seo.headtags import meta_key
from ..util.files import find_source_file, shipped_files
from ..util.urls import is_absolute_url

#: ``<meta>`` of a ``<head>`` block that give link previews their picture.
SOCIAL_IMAGE_KEYS = frozenset({"og:image", "og:image:url", "og:image:secure_url", "twitter:image"})
#: Longest title search engines show in full.
MAX_TITLE_LENGTH = 60
#: Kinds of problems that break the post or its URL; the others are advice.
ERROR_SUBTYPES = frozenset(
    {"yaml", "frontmatter", "date", "author", "authors", "duplicate", "image", "draft", "url"}
    | {"redirect", "config"}
)
#: Sphinx options that ``conf.py`` may read but that only the HTML builder registers.
_HTML_OPTIONS: dict[str, Any] = {
    "html_baseurl": "",
    "html_link_suffix": None,
    "html_file_suffix": None,
    "html_static_path": [],
    "html_extra_path": [],
}

_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_HTML_IMAGE = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*([\"'])(.*?)\1", re.IGNORECASE)
_HTML_ALT = re.compile(r"\balt\s*=\s*([\"'])(.*?)\1", re.IGNORECASE)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


@dataclass(frozen=True)
class Finding:
    """One problem found by the linter."""

    path: str
    line: int
    severity: str
    subtype: str
    message: str

    def format(self) -> str:
        """``file:line: severity: [blog.subtype] message``."""
        return f"{self.path}:{self.line}: {self.severity}: [blog.{self.subtype}] {self.message}"

    def as_dict(self) -> dict[str, Any]:
        """The finding for ``--json``."""
        return {
            "file": self.path,
            "line": self.line,
            "severity": self.severity,
            "type": f"blog.{self.subtype}",
            "message": self.message,
        }


@dataclass
class LintResult:
    """Every finding, and how many posts were read."""

    findings: list[Finding] = field(default_factory=list)
    posts: int = 0

    @property
    def errors(self) -> int:
        """Number of errors (exit status 1 when there is any)."""
        return sum(1 for finding in self.findings if finding.severity == "error")

    @property
    def warnings(self) -> int:
        """Number of warnings."""
        return sum(1 for finding in self.findings if finding.severity == "warning")


# -- loading the project without building it ------------------------------------------------


def load_config(srcdir: str, *, ablog_options: bool = True) -> tuple[Any, list[Problem]]:
    """Sphinx's config of *srcdir* (``conf.py`` run, as ``sphinx-build`` would) with the
    extension's options registered, ABlog options applied (unless *ablog_options* is
    false) and every option validated."""
    from sphinx.config import Config
    from sphinx.errors import ConfigError
    from sphinx.util.tags import Tags

    problems: list[Problem] = []
    if os.path.isfile(os.path.join(srcdir, "conf.py")):
        try:
            config = Config.read(srcdir, overrides={}, tags=Tags())
        except (ConfigError, Exception) as error:
            problems.append(Problem("config", f"cannot read conf.py: {error}", "conf.py", 1))
            config = Config({}, {})
    else:
        config = Config({}, {})
    for option in OPTIONS:
        if option.name not in config:
            config.add(option.name, option.default, option.rebuild, option.types)  # type: ignore[arg-type]
    for name, default in _HTML_OPTIONS.items():
        if name not in config:
            config.add(name, default, "html", ())
    config.init_values()
    if ablog_options:
        apply_ablog_options(config, srcdir)
    try:
        validate_config(None, config)
    except ConfigError as error:
        problems.append(Problem("config", str(error), "conf.py", 1))
        defaults = Config({}, {})
        for option in OPTIONS:
            defaults.add(option.name, option.default, option.rebuild, option.types)  # type: ignore[arg-type]
        for name, default in _HTML_OPTIONS.items():
            defaults.add(name, default, "html", ())
        defaults.init_values()
        config = defaults
    return config, problems


def discover_posts(
    srcdir: str, config: Any, settings: BlogSettings, undated: Callable[[str], datetime]
) -> BlogProject:
    """Find the posts the way the build does (drafts included: they are linted too).

    *undated* gives the date of a post without one (from its absolute path).
    """
    suffixes = dict.fromkeys([*config.source_suffix, ".md", ".mdx"])
    project = BlogProject(srcdir, list(suffixes))
    project.configure_blog(
        path=settings.path,
        route=settings.route,
        include_drafts=True,
        locale="",
        url_pattern=settings.post_url,
        post_patterns=settings.post_pattern,
        date_formats=(settings.post_date_format,),
        undated=undated,
        renamed_sections=renamed_sections(settings),
        ablog_project=is_ablog_project(srcdir, config),
    )
    exclude = [
        *config.exclude_patterns,
        *config.templates_path,
        *blog_exclude_patterns(settings.path, settings.static_dirs),
    ]
    project.discover(exclude)
    return project


# -- checks on one post -----------------------------------------------------------------------


def body_images(text: str) -> list[tuple[int, str]]:
    """``(line, target)`` of each image in a post's Markdown (not inside code blocks)."""
    return [(number, target) for number, target, _alt in _images_with_alt(text)]


def _images_with_alt(text: str) -> list[tuple[int, str, str | None]]:
    """``(line, target, alt)`` of each image; alt None when the author gave none
    (``![](x.png)``, an ``<img>`` without ``alt``; ``alt=""`` marks a decorative one)."""
    found: list[tuple[int, str, str | None]] = []
    fence: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker[0] * len(marker)
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is not None:
            continue
        # Code spans show Markdown as text (the hint of a post made by ``new``).
        line = _CODE_SPAN.sub("", line)
        for image in _MARKDOWN_IMAGE.finditer(line):
            text_alt = image[0][2 : image[0].index("]")].strip()
            found.append((number, image[1], text_alt or None))
        for image in _HTML_IMAGE.finditer(line):
            attribute = _HTML_ALT.search(image[0] + line[image.end() :].split(">", 1)[0])
            found.append((number, image[2], attribute[2] if attribute else None))
    return found


def _image_exists(srcdir: str, static_dirs: Iterable[str], post_path: str, target: str) -> bool:
    if is_absolute_url(target) or target.startswith(("data:", "#")):
        return True
    path = target.split("#", 1)[0].split("?", 1)[0]
    if path.startswith("/"):
        return find_source_file(srcdir, tuple(static_dirs), path) is not None
    resolved = os.path.normpath(os.path.join(srcdir, os.path.dirname(post_path), path))
    return os.path.isfile(resolved)


def _line_containing(text: str, needle: str) -> int:
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return number
    return 1


def post_problems(post: Post, text: str, site: BlogSite, srcdir: str) -> list[Problem]:
    """What the linter adds to the reader's problems for one post."""
    settings = site.settings
    problems: list[Problem] = []
    path = post.source_path
    problems += site.unknown_authors(post, path)
    if site.tags:
        for tag in post.tags:
            if site.resolve_tag(tag) is tag:
                problems.append(
                    Problem(
                        "tags",
                        f"tag {tag.label!r} is not in {settings.path}/tags.yml; add it there "
                        "or use one of its keys",
                        path,
                        post.line_of("tags") or 1,
                    )
                )
    if (
        post.image
        and not is_absolute_url(post.image)
        and find_source_file(srcdir, settings.static_dirs, post.image) is None
    ):
        problems.append(
            Problem(
                "image",
                f"the cover image {post.image!r} does not exist",
                path,
                post.line_of("image") or 1,
            )
        )
    for line, target, alt in _images_with_alt(text):
        if not _image_exists(srcdir, settings.static_dirs, path, target):
            problems.append(Problem("image", f"the image {target!r} does not exist", path, line))
        elif alt is None:
            problems.append(
                Problem(
                    "image",
                    f"the image {target!r} has no alt text: readers who cannot see it (and "
                    "search engines) get the post's title instead; describe the picture in "
                    "![the brackets](...)",
                    path,
                    line,
                )
            )
    head_description = next(
        (
            tag.attribute("content")
            for tag in post.head_tags
            if tag.tag == "meta" and tag.attribute("name") == "description"
        ),
        None,
    )
    head_title = next((tag.text for tag in post.head_tags if tag.tag == "title"), "")
    head_image = any(meta_key(tag) in SOCIAL_IMAGE_KEYS for tag in post.head_tags)
    if not post.description and not head_description:
        problems.append(
            Problem(
                "seo",
                "no 'description': search results and link previews show the first paragraph "
                "instead; write one sentence that makes people click",
                path,
                1,
            )
        )
    if not post.image and not head_image and not settings.default_image:
        problems.append(
            Problem(
                "seo",
                "no 'image': link previews on social networks will have no picture (set "
                "'image' here or blog_default_image in conf.py)",
                path,
                1,
            )
        )
    shown_title = head_title or post.title_meta or post.title
    if len(shown_title) > MAX_TITLE_LENGTH:
        if head_title:
            where, line = "the <title> of the <head> block", _line_containing(text, "<title")
            advice = "shorten it"
        else:
            key = "title_meta" if post.title_meta else "title"
            where, line = "the title", post.line_of(key) or 1
            advice = "shorten it or add a shorter 'title_meta'"
        problems.append(
            Problem(
                "seo",
                f"{where} has {len(shown_title)} characters; search results cut titles "
                f"after about {MAX_TITLE_LENGTH} ({advice})",
                path,
                line,
            )
        )
    return problems


# -- the whole blog -----------------------------------------------------------------------------


def _finding(problem: Problem, srcdir_label: str, srcdir: str) -> Finding:
    path = problem.path or "conf.py"
    if os.path.isabs(path):
        path = os.path.relpath(path, srcdir)
    shown = os.path.normpath(os.path.join(srcdir_label, path))
    severity = "error" if problem.subtype in ERROR_SUBTYPES else "warning"
    return Finding(shown, problem.line or 1, severity, problem.subtype, problem.message)


def lint_site(srcdir: str) -> LintResult:
    """Lint every post of the Sphinx project in *srcdir*."""
    absolute = os.path.abspath(srcdir)
    config, problems = load_config(absolute)
    settings = settings_from_config(config)
    site = load_site_data(absolute, settings, config.language)
    problems.extend(site.problems)
    histories: list[dict[str, Any]] = []

    def undated(path: str) -> datetime:
        # Git is asked once, and only when a post has no date of its own.
        if not histories:
            histories.append(file_histories(absolute))
        return undated_post_date(histories[0], path)

    project = discover_posts(absolute, config, settings, undated)
    problems.extend(project.blog_problems)
    posts: list[Post] = []
    for docname, relative in sorted(project.blog_posts.items()):
        full = os.path.join(absolute, relative)
        try:
            with open(full, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem("frontmatter", f"cannot read the post: {error}", relative, 1))
            continue
        prefix = settings.path + "/"
        parsed = read_post(
            relative,
            relative[len(prefix) :] if relative.startswith(prefix) else relative,
            text,
            ReadSettings(
                route=settings.route,
                words_per_minute=settings.words_per_minute,
                url_pattern=settings.post_url,
                date_formats=(settings.post_date_format,),
                ablog=docname in project.blog_ablog,
            ),
            fallback_date=partial(undated, full),
        )
        post = replace(parsed.post, docname=docname, permalink=docname)
        posts.append(post)
        problems.extend(parsed.problems)
        unreadable = any(p.subtype in ("yaml", "frontmatter") for p in parsed.problems)
        # Without its front matter every key looks missing; the one error says it all.
        if not unreadable:
            problems.extend(post_problems(post, normalize_text(text), site, absolute))
    catalog = build_catalog(posts, site)
    pages = {docname: str(project.doc2path(docname, False)) for docname in project.docnames}
    for page in plan_pages(site, catalog):
        pages.setdefault(page.name, f"the blog page /{page.name}")
    plan = redirect_map(
        posts,
        site,
        catalog,
        pages,
        dirhtml=False,
        ablog_docnames=frozenset(project.blog_ablog),
        sources=project.blog_posts,
        shipped=shipped_files(absolute, [*config.html_extra_path, *settings.static_dirs]),
    )
    problems.extend(plan.problems)
    findings = sorted(
        {_finding(problem, srcdir, absolute) for problem in problems},
        key=lambda f: (f.path, f.line, f.severity, f.subtype, f.message),
    )
    return LintResult(findings=findings, posts=len(posts))
