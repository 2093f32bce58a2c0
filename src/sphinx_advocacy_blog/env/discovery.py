"""Name each post's document after its permalink.

Sphinx writes a document at its name (``blog/welcome`` -> ``blog/welcome.html``), so the
cheapest way to publish a post at its Docusaurus URL is to give its document that name.
:class:`BlogProject` extends Sphinx's :class:`~sphinx.project.Project` discovery: after
Sphinx has found the source files, every post under the blog folder is renamed from its
path (``blog/2022-07-3-welcome/index``) to its permalink (``blog/2022/07/3/welcome``).
Links, search, images and incremental builds then work unchanged, and the document keeps
reading its real file (or, in a translated build, the translation of it).

ABlog posts (``blogpost: true`` in their front matter, or matched by ``blog_post_pattern``)
may live anywhere in the project; they keep their document name, which is their ABlog URL.

Drafts are dropped here in production builds, so they are never read nor written.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from datetime import datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from sphinx.project import Project
from sphinx.util import logging

from ..config import is_ablog_project
from ..diagnostics import report
from ..i18n.locales import I18N_BLOG_DIR
from ..model.problem import Problem
from ..model.routes import renamed_sections, reserved_page
from ..readers.location import PostLocation, peek_post
from ..readers.settings import ReadSettings
from ..util.globs import matches_post_pattern
from ..util.processes import BuildWideCache, in_worker
from .clock import build_now
from .git_dates import modification_time, post_date_fallback
from .site_data import get_site
from .source_checks import PublishableFiles, portability_problems

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.config import Config

POST_SUFFIXES = (".md", ".mdx")
logger = logging.getLogger("sphinx_advocacy_blog")


class BlogProject(Project):
    """A Sphinx project whose blog posts are named after their permalinks."""

    blog_path: str = "blog"
    blog_route: str = "blog"
    blog_include_drafts: bool = False
    #: Publish posts dated after :attr:`blog_now` (``blog_include_future``).
    blog_include_future: bool = True
    blog_now: datetime | None = None
    blog_locale: str = ""
    blog_url_pattern: str = ""
    blog_post_patterns: tuple[str, ...] = ()
    blog_date_formats: tuple[str, ...] = ()
    #: URL prefixes of the site's other locales (folders no post may take).
    blog_locale_prefixes: frozenset[str] = frozenset()
    #: :func:`~..model.routes.renamed_sections`: list pages the site moved.
    blog_renamed_sections: tuple[tuple[str, str], ...] = ()
    #: An ABlog ``conf.py``: its ``blog_path`` folder holds no Docusaurus posts.
    blog_ablog_project: bool = False
    #: ``blog_follow_symlinks``: posts reached through links inside the source folder count.
    blog_follow_symlinks: bool = False
    #: The date of a post with none in its front matter or path (``git_dates``); not
    #: pickled with the project.
    blog_undated: Callable[[str], datetime] | None = None

    def configure_blog(
        self,
        *,
        path: str,
        route: str,
        include_drafts: bool,
        locale: str,
        url_pattern: str = "",
        post_patterns: tuple[str, ...] = (),
        date_formats: tuple[str, ...] = (),
        undated: Callable[[str], datetime] | None = None,
        locale_prefixes: frozenset[str] = frozenset(),
        follow_symlinks: bool = False,
        include_future: bool = True,
        now: datetime | None = None,
        renamed_sections: tuple[tuple[str, str], ...] = (),
        ablog_project: bool = False,
    ) -> None:
        """Set the blog folder, URL route, draft policy and locale before discovery.

        *url_pattern* is ``blog_post_url``; *post_patterns* and *date_formats* are ABlog's
        ``blog_post_pattern`` and ``post_date_format``; *undated* dates a post without a
        date (from its absolute path); posts after *now* only with *include_future*."""
        self.blog_path = path
        self.blog_route = route
        self.blog_include_drafts = include_drafts
        self.blog_locale = locale
        self.blog_url_pattern = url_pattern
        self.blog_post_patterns = post_patterns
        self.blog_date_formats = date_formats
        self.blog_undated = undated
        self.blog_locale_prefixes = locale_prefixes
        self.blog_follow_symlinks = follow_symlinks
        self.blog_include_future = include_future
        self.blog_now = now
        self.blog_renamed_sections = renamed_sections
        self.blog_ablog_project = ablog_project
        # The peek cache keys every post by its ReadSettings: one object, pickled once.
        self._read_settings_made: dict[bool, ReadSettings] = {}
        if not hasattr(self, "blog_posts"):
            self._init_blog_state()

    def _init_blog_state(self) -> None:
        #: docname -> source path (relative to srcdir) of every post in this build.
        self.blog_posts: dict[str, str] = {}
        #: docname -> source path of posts whose file is a translation.
        self.blog_translated: dict[str, str] = {}
        self.blog_problems: list[Problem] = []
        #: ``(date, source path)`` of the posts held back as dated after the build.
        self.blog_held_back: list[tuple[datetime, str]] = []
        #: Docnames of the ABlog posts (kept at their own path).
        self.blog_ablog: set[str] = set()
        #: path -> (mtime, settings, location), so unchanged files are not read again.
        self._blog_peek_cache: dict[str, tuple[float, Any, PostLocation]] = BuildWideCache()

    def __getstate__(self) -> dict[str, Any]:
        dropped = ["blog_undated", "_publishable_files", "_docnames_by_source"]
        if in_worker():  # the build's process keeps its own project's maps
            dropped += ["_blog_peek_cache", "blog_posts", "blog_translated"]
        return {name: value for name, value in self.__dict__.items() if name not in dropped}

    def docnames_by_source(self) -> dict[str, str]:
        """``{source path: docname}`` of every post and translation (made once per build)."""
        cached = self.__dict__.get("_docnames_by_source")
        if cached and cached[0] is self.blog_posts and cached[1] is self.blog_translated:
            return cached[2]
        sources = {path: name for name, path in self.blog_posts.items()}
        sources.update({path: name for name, path in self.blog_translated.items()})
        self._docnames_by_source = (self.blog_posts, self.blog_translated, sources)
        return sources

    def restore(self, other: Project) -> None:
        super().restore(other)
        if not hasattr(self, "blog_posts"):
            self._init_blog_state()
        if isinstance(other, BlogProject) and hasattr(other, "_blog_peek_cache"):
            self._blog_peek_cache = other._blog_peek_cache
            self.blog_posts = other.blog_posts
            self.blog_translated = other.blog_translated
            self.blog_ablog = getattr(other, "blog_ablog", set())

    def _read_settings(self, ablog: bool) -> ReadSettings:
        made = self.__dict__.setdefault("_read_settings_made", {})
        settings: ReadSettings | None = made.get(ablog)
        if settings is None:
            settings = made[ablog] = ReadSettings(
                route=self.blog_route,
                url_pattern=self.blog_url_pattern,
                date_formats=self.blog_date_formats,
                ablog=ablog,
            )
        return settings

    def _peek(self, relative: str, blog_relative: str, ablog: bool) -> PostLocation | None:
        absolute = os.path.join(self.srcdir, relative)
        try:
            mtime = os.path.getmtime(absolute)
        except OSError:
            return None
        settings = self._read_settings(ablog)
        key = (settings, blog_relative)
        cached = self._blog_peek_cache.get(relative)
        if cached is not None and cached[0] == mtime and cached[1] == key:
            return cached[2]
        try:
            with open(absolute, "rb") as handle:
                raw = handle.read()
        except OSError:
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            # Sphinx would stop the whole build on this file; it is left out instead.
            line = raw[: error.start].count(b"\n") + 1
            location = PostLocation("", draft=False, unreadable_line=line)
            self._blog_peek_cache[relative] = (mtime, key, location)
            return location
        undated = self.blog_undated or modification_time
        location = peek_post(blog_relative, text, settings, fallback_date=lambda: undated(absolute))
        self._blog_peek_cache[relative] = (mtime, key, location)
        return location

    def translation_of(self, blog_relative: str) -> str | None:
        """Path (relative to srcdir) of the locale's translation of a post, if it exists."""
        if not self.blog_locale:
            return None
        folder = I18N_BLOG_DIR.format(locale=self.blog_locale)
        candidate = posixpath.join(folder, blog_relative)  # both relative and normalized
        return candidate if self._publishable().allows(candidate) else None

    def _publishable(self) -> PublishableFiles:
        """This build's :class:`PublishableFiles` (made again by each discovery)."""
        files = self.__dict__.get("_publishable_files")
        if files is None:
            files = self._publishable_files = PublishableFiles(
                str(self.srcdir), self.blog_path, self.blog_follow_symlinks
            )
        return files

    def _path_key(self, relative: str) -> Any:
        """*relative* as Sphinx keeps paths (``Path`` since Sphinx 8, ``str`` in 7.4)."""
        sample = next(iter(self._path_to_docname), None)
        if sample is None or isinstance(sample, PurePath):
            return Path(relative)
        return os.path.normpath(relative)

    def path2doc(self, filename: Any) -> str | None:
        """The document of a file, under its permalink name when it is a post.

        MyST resolves ``[text](../2022-07-3-welcome/index.md)`` through here with an
        absolute path; Sphinx's own lookup only knows relative keys, so it would answer
        with the file's original name.
        """
        path = filename if isinstance(filename, PurePath) else PurePath(filename)
        if path.is_absolute():
            try:
                path = path.relative_to(self.srcdir)
            except ValueError:
                return super().path2doc(filename)
        key = self._path_key(path.as_posix())
        found = self._path_to_docname.get(key)
        return found if found is not None else super().path2doc(filename)

    def _taken_by(
        self, name: str, docname: str, claimed: dict[str, str], docnames: set[str]
    ) -> str:
        """Who already has the page *name*: another post, a document, a generated page."""
        if name in claimed:
            return claimed[name]
        if name != docname and name in docnames:
            return str(self._docname_to_path.get(name, name))
        return reserved_page(
            self.blog_route, name, self.blog_locale_prefixes, self.blog_renamed_sections
        )

    def _free_name(
        self,
        permalink: str,
        docname: str,
        path_permalink: str,
        relative: str,
        claimed: dict[str, str],
        docnames: set[str],
    ) -> str:
        """The page name a post gets: its permalink, unless another post, a document or a
        generated page has it (an error naming both); then its Docusaurus date URL, its
        source path, or that path with ``-post``, whichever is free."""
        owner = self._taken_by(permalink, docname, claimed, docnames)
        if not owner:
            return permalink
        fallbacks = [path_permalink, docname, f"{docname}-post"]
        target = next(
            (
                name
                for name in fallbacks
                if name and not self._taken_by(name, docname, claimed, docnames)
            ),
            f"{docname}-post",
        )
        if permalink in claimed:
            reason = f"two posts claim the URL /{permalink}: {owner} and {relative}"
        else:
            reason = f"this post's URL /{permalink} is the address of {owner}"
        self.blog_problems.append(
            Problem(
                "duplicate",
                f"{reason}. Give the post another 'slug'; it is published at /{target}",
                relative,
                1,
            )
        )
        return target

    def _scheduled(self, located: PostLocation) -> bool:
        """Whether a post is dated after the build and so not published yet."""
        return (
            not self.blog_include_future
            and self.blog_now is not None
            and located.published is not None
            and located.published > self.blog_now
        )

    def _forget(self, path: Path, docname: str, docnames: set[str]) -> None:
        """Take a source file out of the project: it is not read nor written."""
        docnames.discard(docname)
        self._path_to_docname.pop(path, None)
        self._docname_to_path.pop(docname, None)

    def discover(
        self, exclude_paths: Iterable[str] = (), include_paths: Iterable[str] = ("**",)
    ) -> set[str]:
        docnames = super().discover(exclude_paths, include_paths)
        if not hasattr(self, "blog_posts"):
            self._init_blog_state()
        self.blog_posts = {}
        self.blog_translated = {}
        self.__dict__.pop("_docnames_by_source", None)
        self.blog_problems = []
        self.__dict__.pop("_publishable_files", None)
        self.blog_held_back = []
        self.blog_ablog = set()
        prefix = self.blog_path.strip("/") + "/"
        seen_paths = set()
        claimed: dict[str, str] = {}
        claimed_folded: dict[str, str] = {}
        for path, docname in sorted(self._path_to_docname.items()):
            relative = path.as_posix() if isinstance(path, PurePath) else PurePath(path).as_posix()
            if not relative.endswith(POST_SUFFIXES) or relative.startswith("i18n/"):
                continue
            # ABlog's ``blog_path`` holds its pages: posts there are found as ABlog's.
            in_blog = relative.startswith(prefix) and not self.blog_ablog_project
            by_pattern = matches_post_pattern(relative, self.blog_post_patterns)
            # Elsewhere only ABlog posts count: every Markdown file is peeked at (cached).
            seen_paths.add(relative)
            blog_relative = relative[len(prefix) :] if in_blog else relative
            located = self._peek(relative, blog_relative, by_pattern)
            if located is None:
                continue
            ablog = by_pattern or located.ablog
            if not in_blog and not ablog and located.unreadable_line is None:
                continue
            if not self._publishable().allows(relative):
                self.blog_problems.append(
                    Problem(
                        "path",
                        "this post is a symbolic link, or lies in a linked folder: it could "
                        "publish a file from outside the site, so it was left out. Copy the "
                        "file here, or set blog_follow_symlinks = True if the link stays "
                        "inside the source folder",
                        relative,
                        1,
                    )
                )
                self._forget(path, docname, docnames)
                continue
            if located.unreadable_line is not None:
                self.blog_problems.append(
                    Problem(
                        "encoding",
                        "this file is not valid UTF-8 (copied from another program?); save it "
                        "as UTF-8 in your editor. It was left out of the build",
                        relative,
                        located.unreadable_line,
                    )
                )
                self._forget(path, docname, docnames)
                continue
            if located.draft_and_unlisted_line is not None:
                self.blog_problems.append(
                    Problem(
                        "draft",
                        "a post cannot be both 'draft' and 'unlisted'; remove one of them "
                        "(it is treated as a draft)",
                        relative,
                        located.draft_and_unlisted_line,
                    )
                )
            permalink, draft = located.permalink, located.draft
            if ablog:
                # ABlog published a post at its document name; it stays there.
                permalink = docname
            if draft and not self.blog_include_drafts:
                self._forget(path, docname, docnames)
                continue
            if self._scheduled(located):
                assert located.published is not None
                self.blog_held_back.append((located.published, relative))
                self._forget(path, docname, docnames)
                continue
            if ablog:
                self.blog_ablog.add(docname)
            target = self._free_name(
                permalink, docname, located.path_permalink, relative, claimed, docnames
            )
            claimed[target] = relative
            self.blog_problems += portability_problems(target, relative, claimed_folded)
            source = (None if ablog else self.translation_of(blog_relative)) or relative
            if target != docname:
                docnames.discard(docname)
                del self._docname_to_path[docname]
                docnames.add(target)
            key = path if source == relative else self._path_key(source)  # one object, both maps
            self._docname_to_path[target] = key
            self._path_to_docname[key] = target
            self._path_to_docname[path] = target
            self.blog_posts[target] = relative
            if source != relative:
                self.blog_translated[target] = source
        for stale in set(self._blog_peek_cache) - seen_paths:
            del self._blog_peek_cache[stale]
        return docnames


def is_ablog_post(env: Any, docname: str) -> bool:
    """Whether *docname* is an ABlog post (kept at its own path) in this build."""
    project = env.project
    return isinstance(project, BlogProject) and docname in getattr(project, "blog_ablog", ())


def is_post(env: Any, docname: str) -> bool:
    """Whether *docname* is a blog post in this build."""
    project = env.project
    return isinstance(project, BlogProject) and docname in project.blog_posts


def post_source(env: Any, docname: str) -> str:
    """The post's source path (the original, not its translation) relative to srcdir."""
    return env.project.blog_posts[docname]


def blog_exclude_patterns(blog_path: str, static_dirs: Iterable[str]) -> list[str]:
    """Docusaurus's non-post files: translations, ``_``-prefixed files, tests, static."""
    blog = str(blog_path).strip("/")
    return [
        "i18n/**",
        f"{blog}/**/_*",
        f"{blog}/_*",
        f"{blog}/**/__tests__/**",
        *(f"{folder}/**" for folder in static_dirs),
    ]


def _exclude_non_posts(app: Sphinx, config: Config) -> None:
    """Keep Docusaurus's non-post files out of Sphinx's reading."""
    extra = blog_exclude_patterns(config.blog_path, config.blog_static_dirs)
    config.exclude_patterns = [*config.exclude_patterns, *extra]


def _use_blog_project(app: Sphinx) -> None:
    site = get_site(app)
    project = app.project
    if not isinstance(project, BlogProject):
        project.__class__ = BlogProject
    assert isinstance(project, BlogProject)
    project.configure_blog(
        path=site.settings.path,
        route=site.settings.route,
        include_drafts=site.settings.include_drafts,
        locale=app.config.language or "",
        url_pattern=site.settings.post_url,
        post_patterns=site.settings.post_pattern,
        date_formats=(site.settings.post_date_format,),
        undated=lambda path: post_date_fallback(app, path),
        locale_prefixes=frozenset(locale.prefix for locale in site.locales if locale.prefix),
        follow_symlinks=site.settings.follow_symlinks,
        include_future=site.settings.include_future,
        now=build_now(app),
        renamed_sections=renamed_sections(site.settings),
        ablog_project=is_ablog_project(str(app.srcdir), app.config),
    )
    # Sphinx restores the saved project into a plain Project before this class is in
    # place, which drops the cache; it lives on the environment so it survives builds.
    cache = getattr(app.env, "advocacy_blog_peek_cache", None)
    if type(cache) is not BuildWideCache:
        cache = BuildWideCache(project._blog_peek_cache if cache is None else cache)
    app.env.advocacy_blog_peek_cache = cache  # type: ignore[attr-defined]
    project._blog_peek_cache = cache


def held_back_message(held_back: list[tuple[datetime, str]]) -> str:
    """What the build says about the posts it held back: how many, and the next one due."""
    (due, path), count = min(held_back), len(held_back)
    posts = "1 post is" if count == 1 else f"{count} posts are"
    return (
        f"{posts} dated after the build date and held back (blog_include_future = False); "
        f"the next, {path}, is due on {due.isoformat()}"
    )


def _report_discovery(app: Sphinx, env: Any, docnames: list[str]) -> None:
    project = app.project
    if isinstance(project, BlogProject):
        report(app, project.blog_problems)
        if project.blog_held_back:
            logger.info(held_back_message(project.blog_held_back))


def setup_discovery(app: Sphinx) -> None:
    """Install :class:`BlogProject` and the exclude patterns for a Docusaurus blog folder."""
    app.add_source_suffix(".mdx", "markdown")
    app.connect("config-inited", _exclude_non_posts, priority=600)
    app.connect("builder-inited", _use_blog_project, priority=450)
    app.connect("env-before-read-docs", _report_discovery)
