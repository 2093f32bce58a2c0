"""A post's own ``<head>`` block, made safe and resolved for its page.

Docusaurus lets a post override its page's head tags with a ``<head>`` block. Here each of
its tags is checked (only ``<title>``, ``<meta>`` and ``<link>`` with known attributes and
safe URLs), relative URLs are resolved (``./favicon.png`` is the file beside the post,
copied to the output; ``og:image`` becomes absolute), and an override that moves the page's
canonical URL elsewhere is reported. The file system and URL building are passed in, so
the logic is pure.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from ..model.post import HeadTag
from ..model.problem import Problem
from ..util.urls import is_absolute_url, safe_url
from .headtags import meta_key

#: Attributes kept on each element; others (``http-equiv``, event handlers...) are dropped.
ALLOWED_ATTRIBUTES = {
    "meta": frozenset({"name", "property", "content", "itemprop"}),
    "link": frozenset(
        {"rel", "href", "hreflang", "type", "sizes", "title", "media", "crossorigin", "as"}
    ),
}
#: ``<meta>`` whose content is a URL, written absolute as social networks require.
URL_META = frozenset(
    {
        "og:url",
        "og:image",
        "og:image:url",
        "og:image:secure_url",
        "og:video",
        "og:video:url",
        "og:audio",
        "twitter:image",
        "twitter:image:src",
    }
)
#: ``<link rel>`` values that name another address of this page, written absolute.
PAGE_RELS = frozenset({"canonical", "alternate"})
#: ``<link rel>`` values that make the browser fetch the file when the page opens.
RESOURCE_RELS = frozenset(
    {
        "stylesheet",
        "preload",
        "prefetch",
        "dns-prefetch",
        "preconnect",
        "modulepreload",
        "manifest",
        "icon",
        "shortcut",
        "apple-touch-icon",
        "apple-touch-icon-precomposed",
        "mask-icon",
    }
)


@dataclass(frozen=True)
class Resolver:
    """What the head block needs to know about the post's page and the site."""

    #: The post's source file relative to the source directory (and, for a translation,
    #: the original post's file too), where ``./favicon.png`` is looked up.
    source_paths: tuple[str, ...]
    #: The page's own canonical URL (``""`` without ``html_baseurl``).
    canonical: str
    #: Does this file (relative to the source directory) exist?
    file_exists: Callable[[str], bool]
    #: Where a file beside the post is published (path below the output root).
    published_path: Callable[[str], str]
    #: Absolute URL of a path below the output root (root-relative without a base URL).
    absolute: Callable[[str], str]
    #: Relative link from the page to a path below the output root.
    relative: Callable[[str], str]
    #: ``blog_remote_media``: files on other hosts may be loaded by the page.
    remote_ok: bool = False
    #: The site's own host (from ``html_baseurl``), whose files are not third-party.
    own_host: str = ""
    #: The post asks for a canonical URL elsewhere on purpose (ABlog's ``:canonical_link:``
    #: of a post first published on another site): no warning.
    canonical_elsewhere_ok: bool = False


@dataclass
class ResolvedHead:
    """The head block ready for the page."""

    tags: list[HeadTag] = field(default_factory=list)
    #: The ``<title>`` text, when the block sets one.
    title: str = ""
    #: Files to copy: ``(path relative to srcdir, path below the output root)``.
    copies: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: The block's ``<link rel="canonical">`` names another page: search engines index that
    #: one instead, so the sitemap leaves this page out.
    canonical_elsewhere: bool = False
    #: The block's ``og:url`` names another page (shares point there); the page's own
    #: canonical URL is still itself, so the sitemap lists it, as Docusaurus does.
    og_url_elsewhere: bool = False


def _same_page(first: str, second: str) -> bool:
    def normal(url: str) -> tuple[str, str, str]:
        parts = urlsplit(url)
        path = parts.path.rstrip("/") or "/"
        return (parts.netloc.lower(), path, parts.query)

    return normal(first) == normal(second)


def _local_file(value: str, resolver: Resolver) -> str | None:
    """The file (relative to srcdir) a relative URL of the block names, if it exists."""
    path = value.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return None
    for source in resolver.source_paths:
        candidate = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        if (
            not candidate.startswith("../")
            and candidate != ".."
            and resolver.file_exists(candidate)
        ):
            return candidate
    return None


def resolve_head_block(
    tags: Sequence[HeadTag], resolver: Resolver, *, path: str = "", line: int | None = None
) -> ResolvedHead:
    """Check and resolve the tags of a post's ``<head>`` block."""
    resolved = ResolvedHead()

    for tag in tags:

        def problem(subtype: str, message: str, tag_line: int = tag.line) -> None:
            resolved.problems.append(Problem(subtype, message, path, tag_line or line))

        if tag.tag == "title":
            resolved.title = " ".join(tag.text.split())
            continue
        allowed = ALLOWED_ATTRIBUTES.get(tag.tag)
        if allowed is None:
            continue
        dropped = [name for name, _value in tag.attributes if name.lower() not in allowed]
        if dropped:
            problem(
                "seo",
                f"the <head> block's <{tag.tag}> attribute {dropped[0]!r} is not supported; "
                "the tag was left out",
            )
            continue
        if tag.tag == "link":
            new = _resolve_link(tag, resolver, resolved, problem)
        else:
            new = _resolve_meta(tag, resolver, resolved, problem)
        if new is not None:
            resolved.tags.append(new)
    return resolved


def _with_attribute(tag: HeadTag, name: str, value: str) -> HeadTag:
    return HeadTag(
        tag.tag,
        tuple((key, value if key == name else old) for key, old in tag.attributes),
        tag.text,
    )


def _resolve_url(
    value: str,
    resolver: Resolver,
    resolved: ResolvedHead,
    *,
    absolute: bool,
    page_address: bool,
) -> str | None:
    """An attribute URL of the block, made usable on the page (None: nothing to link)."""
    if is_absolute_url(value):
        return value
    if value.startswith("/"):
        target = value.lstrip("/")
        return resolver.absolute(target) if absolute else resolver.relative(target)
    local = _local_file(value, resolver)
    if local is not None:
        published = resolver.published_path(local)
        resolved.copies.append((local, published))
        return resolver.absolute(published) if absolute else resolver.relative(published)
    if page_address and resolver.canonical:
        # ``./other-post`` next to the page's own address.
        return urljoin(resolver.canonical, value)
    return None


def _resolve_link(
    tag: HeadTag,
    resolver: Resolver,
    resolved: ResolvedHead,
    problem: Callable[[str, str], None],
) -> HeadTag | None:
    href = tag.attribute("href") or ""
    rels = (tag.attribute("rel") or "").lower().split()
    if not href or not rels:
        return None
    if safe_url(href) is None:
        problem("url", f"the <head> block's link {href!r} is not an http(s) or relative URL")
        return None
    page_address = any(rel in PAGE_RELS for rel in rels)
    host = (urlsplit(href).hostname or "").lower() if is_absolute_url(href) else ""
    fetched = any(rel in RESOURCE_RELS for rel in rels)
    if fetched and host and host != resolver.own_host and not resolver.remote_ok:
        problem(
            "seo",
            f"the <head> block loads {href!r} from another site ({host}) on every visit, "
            "which tells that site who reads the post; it was left out (copy the file into "
            "the site, or set blog_remote_media = True)",
        )
        return None
    url = _resolve_url(href, resolver, resolved, absolute=page_address, page_address=page_address)
    if url is None:
        problem("seo", f"the <head> block links {href!r}, which is not a file beside the post")
        return None
    if "canonical" in rels and resolver.canonical and not _same_page(url, resolver.canonical):
        resolved.canonical_elsewhere = True
        if not resolver.canonical_elsewhere_ok:
            problem(
                "seo",
                f"the <head> block sets the canonical URL to {url}, another page than this "
                f"post ({resolver.canonical}); search engines will index that page instead",
            )
    return _with_attribute(tag, "href", url)


def _resolve_meta(
    tag: HeadTag,
    resolver: Resolver,
    resolved: ResolvedHead,
    problem: Callable[[str, str], None],
) -> HeadTag | None:
    key = meta_key(tag)
    content = tag.attribute("content")
    if not key or content is None:
        return None
    if key not in URL_META:
        return tag
    if safe_url(content) is None:
        problem("url", f"the <head> block's {key} {content!r} is not an http(s) or relative URL")
        return None
    url = _resolve_url(content, resolver, resolved, absolute=True, page_address=key == "og:url")
    if url is None:
        problem("seo", f"the <head> block's {key} {content!r} is not a file beside the post")
        return None
    if key == "og:url" and resolver.canonical and not _same_page(url, resolver.canonical):
        resolved.og_url_elsewhere = True
        problem(
            "seo",
            f"the <head> block sets og:url to {url}, another page than this post "
            f"({resolver.canonical}); shares will point there",
        )
    return _with_attribute(tag, "content", url)
