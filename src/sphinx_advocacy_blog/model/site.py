"""The site-wide blog data of one build: settings, authors, tags and locales.

Posts refer to authors and tags by key; they are resolved against the site when pages are
written, so editing ``authors.yml`` rewrites pages without re-reading posts.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field, replace
from typing import Any

from ..config.options import BlogSettings
from .locale import LocaleInfo
from .post import Author, Post, Tag
from .problem import Problem


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
    #: ABlog's ``blog_locations`` and ``blog_languages``: key -> display name.
    locations: dict[str, str] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)

    def fingerprint(self) -> str:
        """Changes when anything shown on every post page (authors, tags) changes."""
        digest = hashlib.sha256()
        digest.update(pickle.dumps((sorted(self.authors.items()), sorted(self.tags.items()))))
        digest.update(
            pickle.dumps((sorted(self.locations.items()), sorted(self.languages.items())))
        )
        return digest.hexdigest()

    def resolve_author(self, author: Author) -> Author:
        """The full record of a post's author: ``authors.yml`` entry, else inline data.

        An inline (legacy ``author: Name``) author whose name matches an ``authors.yml``
        entry's key or name is that entry, so Hugo-style posts join their author's page.
        """
        if not author.inline:
            known = self.authors.get(author.key, author)
            changes: dict[str, Any] = dict(author.overrides)
            return replace(known, **changes) if changes else known
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

    def location_name(self, label: str) -> str:
        """The display name of an ABlog location (``blog_locations``), else the label."""
        return self.locations.get(label, label)

    def language_name(self, label: str) -> str:
        """The display name of an ABlog language (``blog_languages``), else the label."""
        return self.languages.get(label, label)

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
