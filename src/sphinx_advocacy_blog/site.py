"""The site-wide blog data of one build: settings, authors and tags.

Loaded once per build at ``builder-inited`` from ``conf.py``, ``authors.yml`` and
``tags.yml``; posts refer to authors and tags by key and are resolved against this when
pages are written, so editing ``authors.yml`` rewrites pages without re-reading posts.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from .config import BlogSettings, settings_from_config
from .diagnostics import report
from .locales import I18N_BLOG_DIR, LocaleInfo, locale_of, parse_options_json, site_locales
from .post import Author, Post, Problem, Tag
from .sources.datafiles import (
    author_from_mapping,
    parse_authors_file,
    parse_tags_file,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


@dataclass
class BlogSite:
    """Everything about the blog that is not a post."""

    settings: BlogSettings
    #: Absolute path of the blog folder.
    blog_dir: str
    authors: dict[str, Author] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: Every locale of the site (the default first) and the one being built.
    locales: list[LocaleInfo] = field(default_factory=list)
    locale: LocaleInfo | None = None
    #: ``i18n/<locale>/docusaurus-plugin-content-blog`` when this build is a translation.
    translation_dir: str = ""

    def fingerprint(self) -> str:
        """Changes when anything shown on every post page (authors, tags) changes."""
        digest = hashlib.sha256()
        digest.update(pickle.dumps((sorted(self.authors.items()), sorted(self.tags.items()))))
        return digest.hexdigest()

    def resolve_author(self, author: Author) -> Author:
        """The full record of a post's author: ``authors.yml`` entry, else inline data.

        An inline (legacy ``author: Name``) author whose name matches an ``authors.yml``
        entry's key or name is that entry, so Hugo-style posts join their author's page.
        """
        if not author.inline:
            return self.authors.get(author.key, author)
        for key in (author.key, author.name):
            if key in self.authors:
                return self.authors[key]
        for known in self.authors.values():
            if known.name.casefold() == author.name.casefold():
                return known
        return author

    def is_known_author(self, author: Author) -> bool:
        """Whether a keyed author is defined in ``authors.yml`` or ``conf.py``."""
        return author.inline or author.key in self.authors

    def unknown_authors(self, post: Post, path: str) -> list[Problem]:
        """A problem for each of the post's author keys that no ``authors.yml`` defines."""
        problems = []
        known = ", ".join(sorted(self.authors)) or "none"
        for author in post.authors:
            if not self.is_known_author(author):
                problems.append(
                    Problem(
                        "author",
                        f"unknown author {author.key!r}: add it to "
                        f"{self.settings.path}/authors.yml or use one of its keys ({known})",
                        path,
                        post.line_of("authors") or post.line_of("author") or 1,
                    )
                )
        return problems

    def resolve_tag(self, tag: Tag) -> Tag:
        """A post's tag as defined in ``tags.yml``, else the inline tag."""
        if tag.key in self.tags:
            return self.tags[tag.key]
        # Migrated posts often write the label ("Captive Nations") for a tags.yml key.
        wanted = {tag.key.casefold(), tag.permalink}
        for known_key, known in self.tags.items():
            if known_key.casefold() in wanted or known.label.casefold() in wanted:
                return known
        return tag

    def post_authors(self, post: Post) -> tuple[Author, ...]:
        """The post's authors, resolved."""
        return tuple(self.resolve_author(author) for author in post.authors)

    def post_tags(self, post: Post) -> tuple[Tag, ...]:
        """The post's tags, resolved."""
        return tuple(self.resolve_tag(tag) for tag in post.tags)


_SITES: WeakKeyDictionary[Sphinx, BlogSite] = WeakKeyDictionary()


def _read_text(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise OSError(str(error)) from error


def load_site(app: Sphinx) -> BlogSite:
    """Read settings, ``authors.yml`` and ``tags.yml`` for this build.

    In a translated build (``language`` set and ``i18n/<language>/`` present), the locale's
    ``authors.yml``, ``tags.yml`` and ``options.json`` replace the source ones.
    """
    settings = settings_from_config(app.config)
    blog_dir = os.path.join(app.srcdir, settings.path)
    default = settings.default_locale
    if not settings.locales and not os.path.isdir(os.path.join(app.srcdir, "i18n")):
        # A one-language site is published at the root in whatever language it is.
        default = app.config.language or default
    locales = site_locales(str(app.srcdir), settings.locales, default)
    locale = locale_of(locales, app.config.language, default)
    translation_dir = I18N_BLOG_DIR.format(locale=locale.code)
    if not os.path.isdir(os.path.join(app.srcdir, translation_dir)):
        translation_dir = ""
    settings = replace(settings, url_prefix=locale.prefix)
    site = BlogSite(
        settings=settings,
        blog_dir=blog_dir,
        locales=locales,
        locale=locale,
        translation_dir=translation_dir,
    )
    if translation_dir:
        options = _data_file(app, site, "options.json", translation_dir)
        if options is not None:
            translated, problems = parse_options_json(*options)
            site.problems.extend(problems)
            site.settings = replace(
                settings,
                title=translated.title or settings.title,
                description=translated.description or settings.description,
                sidebar_title=translated.sidebar_title or settings.sidebar_title,
            )
    for key, data in settings.extra_authors.items():
        if isinstance(data, dict):
            author, problems = author_from_mapping(str(key), data, path="conf.py", line=None)
            site.authors[str(key)] = author
            site.problems.extend(problems)
    authors_text = _translated_data_file(app, site, "authors.yml")
    if authors_text is not None:
        authors, problems = parse_authors_file(*authors_text)
        site.authors.update(authors)
        site.problems.extend(problems)
    tags_text = _translated_data_file(app, site, "tags.yml")
    if tags_text is not None:
        tags, problems = parse_tags_file(*tags_text)
        site.tags.update(tags)
        site.problems.extend(problems)
    return site


def _translated_data_file(app: Sphinx, site: BlogSite, filename: str) -> tuple[str, str] | None:
    """The locale's version of a data file if there is one, else the source's."""
    if site.translation_dir:
        translated = _data_file(app, site, filename, site.translation_dir)
        if translated is not None:
            return translated
    return _data_file(app, site, filename, site.settings.path)


def _data_file(app: Sphinx, site: BlogSite, filename: str, folder: str) -> tuple[str, str] | None:
    """``(text, path relative to srcdir)`` of a blog data file, if it exists."""
    relative = os.path.join(folder, filename)
    try:
        text = _read_text(os.path.join(app.srcdir, relative))
    except OSError as error:
        site.problems.append(Problem("yaml", f"cannot read {filename}: {error}", relative))
        return None
    return None if text is None else (text, relative)


def get_site(app: Sphinx) -> BlogSite:
    """The :class:`BlogSite` of this build (loaded on first use)."""
    site = _SITES.get(app)
    if site is None:
        site = load_site(app)
        _SITES[app] = site
    return site


def _on_builder_inited(app: Sphinx) -> None:
    site = load_site(app)
    _SITES[app] = site
    report(app, site.problems)


def setup_site(app: Sphinx) -> None:
    """Load the site data at the start of every build."""
    app.connect("builder-inited", _on_builder_inited, priority=400)
