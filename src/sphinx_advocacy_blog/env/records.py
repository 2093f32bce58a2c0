"""What the extension keeps in the Sphinx environment, per document (one place, one name each).

Everything here is pickled with the environment: post records, listing specs, the stamps
that say what each page showed when last written, documents' ``robots`` values.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

from ..util.processes import DocumentRecords

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from ..model.listing import ListingSpec
    from ..model.post import Post

#: Key in ``env.temp_data`` for the post being read.
READING_KEY = "advocacy_blog_post"
#: ``env.temp_data`` key of the Markdown text MyST parses for the post being read.
TEXT_KEY = "advocacy_blog_text"
#: Keys in ``env.temp_data`` for ABlog's ``post`` directives (their options and lines) and
#: ``update`` dates of the document being read.
ABLOG_POSTS_KEY = "advocacy_blog_ablog_posts"
ABLOG_UPDATES_KEY = "advocacy_blog_ablog_updates"
#: Key in ``env.temp_data`` for the section posts of the document being read.
SECTION_POSTS_KEY = "advocacy_blog_section_posts"


def _attribute(env: BuildEnvironment, name: str) -> Any:
    if not hasattr(env, name):
        setattr(env, name, {})
    return getattr(env, name)


def _per_document(env: BuildEnvironment, name: str) -> Any:
    """Entries merged from parallel readers (see :class:`..util.processes.DocumentRecords`)."""
    records = getattr(env, name, None)
    if type(records) is not DocumentRecords:
        records = DocumentRecords(records or {})
        setattr(env, name, records)
    return records


def posts_of(env: BuildEnvironment) -> dict[str, Post]:
    """Every post of the build, by document name."""
    return _per_document(env, "advocacy_blog_posts")


def section_posts_of(env: BuildEnvironment) -> dict[str, tuple[Post, ...]]:
    """ABlog's section posts (second and later ``post`` directives), by document name."""
    return _per_document(env, "advocacy_blog_section_posts")


def listable_posts(env: BuildEnvironment) -> list[Post]:
    """Every post of the build, section posts after their document's post: what the
    catalog lists."""
    posts = list(posts_of(env).values())
    for sections in section_posts_of(env).values():
        posts.extend(sections)
    return posts


def stamps_of(env: BuildEnvironment) -> dict[str, Any]:
    """What each post page showed when last written (neighbours, site fingerprint)."""
    return _attribute(env, "advocacy_blog_stamps")


def listings_of(env: BuildEnvironment) -> dict[str, list[ListingSpec]]:
    """The listing directives of each document."""
    return _per_document(env, "advocacy_blog_listings")


def listing_stamps_of(env: BuildEnvironment) -> dict[str, str]:
    """What each page with listings showed when last written."""
    return _attribute(env, "advocacy_blog_listing_stamps")


def related_cache_of(env: BuildEnvironment) -> dict[str, Any]:
    """The related posts of the last build that computed them, by the digest of their
    inputs: ``{"key": digest, "related": {docname: (docname, ...)}}``."""
    return _attribute(env, "advocacy_blog_related")


def robots_of(env: BuildEnvironment) -> dict[str, str]:
    """The ``robots`` meta value each document declares (``noindex``...), by docname."""
    return _per_document(env, "advocacy_blog_robots")


def site_links_of(env: BuildEnvironment) -> dict[str, tuple[tuple[str, int, str, str], ...]]:
    """Each post's links to site paths that are no document: ``(file, line, path, suffix)``,
    checked against the output when the build ends."""
    return _per_document(env, "advocacy_blog_site_links")


def code_languages_of(env: BuildEnvironment) -> dict[str, list[tuple[str, str]]]:
    """Each document's code blocks in a language no highlighter knows:
    ``(language, "file:line")``, summed up in one line when the build ends."""
    return _per_document(env, "advocacy_blog_code_languages")


def merge_documents(
    mine: dict[str, Any], theirs: dict[str, Any], docnames: AbstractSet[str]
) -> None:
    """Copy the entries a parallel reader made for *docnames* into the main environment."""
    for docname in docnames:
        if docname in theirs:
            mine[docname] = theirs[docname]
