"""A call to action at the end of every post (``blog_cta``): sign, give, volunteer.

``blog_cta`` is one call to action or a list of them; each has a ``title``, a ``text``, a
``button`` label and a ``url``, optionally a ``kind`` (``petition``, ``donation``,
``volunteering``: a CSS class), and is limited to posts with some ``tags`` and to some
``locales``. The first one that fits a post is shown under it (``cta_card.html``, in
sphinx-design's card markup when the site loads sphinx-design); a post with
``cta: false`` in its front matter shows none. The ``cta`` directive
(``directives/cta.py``) puts one anywhere in a page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..util.urls import safe_url
from .render import render

if TYPE_CHECKING:
    from markupsafe import Markup
    from sphinx.application import Sphinx

    from ..model.post import Post
    from ..model.site import BlogSite

KINDS = ("petition", "donation", "volunteering", "other")


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value or ()]


def entries(setting: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The calls to action of ``blog_cta`` (one dict or a list of them)."""
    if isinstance(setting, Mapping):
        return [setting] if setting else []
    return list(setting)


def choose(
    setting: Mapping[str, Any] | Sequence[Mapping[str, Any]],
    tags: Iterable[str],
    locale: str,
) -> Mapping[str, Any] | None:
    """The first call to action that fits a post with *tags* (keys and labels, folded) in
    *locale*, or None."""
    folded = {tag.casefold() for tag in tags}
    for entry in entries(setting):
        wanted_tags = {tag.casefold() for tag in _as_list(entry.get("tags"))}
        if wanted_tags and not wanted_tags & folded:
            continue
        locales = _as_list(entry.get("locales"))
        if locales and locale not in locales:
            continue
        return entry
    return None


def cta_view(entry: Mapping[str, Any], design: bool) -> dict[str, Any]:
    """Display values of a call to action."""
    kind = str(entry.get("kind") or "other")
    return {
        "title": str(entry.get("title") or ""),
        "text": str(entry.get("text") or ""),
        "button": str(entry.get("button") or ""),
        "url": safe_url(str(entry.get("url") or "")) or "",
        "kind": kind if kind in KINDS else "other",
        "design": design,
    }


def post_cta(app: Sphinx, site: BlogSite, post: Post) -> Markup | None:
    """The call to action shown under *post*, rendered (None: none fits, or ``cta: false``)."""
    setting = site.settings.cta
    if not setting or not post.show_cta:
        return None
    tags = [value for tag in site.post_tags(post) for value in (tag.key, tag.label)]
    locale = site.locale.code if site.locale else (app.config.language or "en")
    entry = choose(setting, tags, locale)
    if entry is None:
        return None
    view = cta_view(entry, "sphinx_design" in app.extensions)
    return render(app, "cta_card.html", cta=view)
