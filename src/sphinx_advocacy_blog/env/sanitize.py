"""Optional sanitizing of raw HTML in posts, for sites that publish guest posts.

With ``blog_sanitize_html = True``, every raw HTML block and inline tag in a post is passed
through nh3 (a Rust allowlist sanitizer, the ``sanitize`` extra): scripts, event handlers,
``javascript:`` URLs and unknown elements go; ordinary formatting stays; ``<iframe>``
embeds stay only when their ``src`` is on an allowed host (``blog_embed_hosts``).
Markdown itself is always safe: only raw HTML needs this.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.errors import ConfigError
from sphinx.transforms import SphinxTransform

from .records import READING_KEY

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Elements a post's raw HTML may use once sanitized (nh3's defaults plus media).
EXTRA_TAGS = {"iframe", "video", "audio", "source", "figure", "figcaption", "details", "summary"}
EXTRA_ATTRIBUTES = {
    "iframe": {"src", "width", "height", "title", "allow", "allowfullscreen", "loading"},
    "video": {"src", "controls", "width", "height", "poster", "preload"},
    "audio": {"src", "controls", "preload"},
    "source": {"src", "type"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "*": {"class", "id", "lang", "dir", "title"},
}


# Inline HTML reaches docutils one tag at a time (``<b>``, text, ``</b>``), so a tag is
# cleaned on its own: a bare tag of this list carries nothing to clean and is kept as is.
_BARE_INLINE = re.compile(
    r"^</?(?:a|abbr|b|bdi|bdo|br|cite|code|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span"
    r"|strong|sub|sup|time|u|var|wbr)\s*/?>$",
    re.IGNORECASE,
)
_START_TAG = re.compile(r"^<([a-z][a-z0-9]*)\b[^<>]*>$", re.IGNORECASE)


def sanitizer(embed_hosts: Iterable[str]) -> Any:
    """A function that cleans one HTML fragment (needs the ``sanitize`` extra)."""
    import nh3

    hosts = {host.lower() for host in embed_hosts}
    tags = set(nh3.ALLOWED_TAGS) | EXTRA_TAGS
    attributes = {tag: set(values) for tag, values in nh3.ALLOWED_ATTRIBUTES.items()}
    for tag, values in EXTRA_ATTRIBUTES.items():
        attributes.setdefault(tag, set()).update(values)

    def keep(element: str, attribute: str, value: str) -> str | None:
        if element == "iframe" and attribute == "src":
            host = (urlsplit(value).hostname or "").lower()
            return value if host in hosts and value.startswith("https://") else None
        return value

    def clean_inline(html: str) -> str:
        """One inline tag: bare ones stay; a start tag is cleaned with its closing tag
        added for the sanitizer's sake, then that closing tag is taken off again."""
        text = html.strip()
        if _BARE_INLINE.match(text):
            return html
        start = _START_TAG.match(text)
        if start is not None:
            closing = f"</{start.group(1).lower()}>"
            cleaned = clean(text + closing)
            return cleaned[: -len(closing)] if cleaned.endswith(closing) else cleaned
        return clean(html)

    def clean(html: str) -> str:
        cleaned = str(
            nh3.clean(
                html,
                tags=tags,
                attributes=attributes,
                attribute_filter=keep,
                clean_content_tags={"script", "style"},
                url_schemes={"http", "https", "mailto"},
                link_rel="noopener noreferrer",
            )
        )
        return _without_empty_iframes(cleaned) if "<iframe" in cleaned else cleaned

    clean.inline = clean_inline  # type: ignore[attr-defined]
    return clean


def _without_empty_iframes(html: str) -> str:
    """Drop the iframes whose ``src`` the sanitizer removed (an embed from another host)."""
    import lxml.html

    parts = lxml.html.fragments_fromstring(html)
    kept = []
    for part in parts:
        if isinstance(part, str):
            kept.append(part)
            continue
        frames = [part] if part.tag == "iframe" else list(part.iter("iframe"))
        for frame in frames:
            if not frame.get("src"):
                if frame is part:
                    part = None
                    break
                frame.drop_tree()
        if part is not None:
            kept.append(lxml.html.tostring(part, encoding="unicode"))
    return "".join(kept)


class SanitizeRawHtml(SphinxTransform):
    """Clean raw HTML in posts when ``blog_sanitize_html`` is on."""

    default_priority = 185

    def apply(self, **kwargs: Any) -> None:
        if not self.config.blog_sanitize_html or self.env.temp_data.get(READING_KEY) is None:
            return
        clean = sanitizer(self.config.blog_embed_hosts)
        for raw in list(self.document.findall(nodes.raw)):
            if "html" not in raw.get("format", "").split():
                continue
            text = raw.astext()
            if text.strip() in ("<!-- truncate -->",):
                continue
            inline = isinstance(raw.parent, nodes.TextElement)
            cleaned = clean.inline(text) if inline else clean(text)
            if cleaned != text:
                raw.replace_self(nodes.raw("", cleaned, format="html"))


def _require_nh3(app: Sphinx, config: Config) -> None:
    if not config.blog_sanitize_html:
        return
    try:
        import nh3  # noqa: F401
    except ImportError:
        raise ConfigError(
            "sphinx-advocacy-blog: the option 'blog_sanitize_html' needs the nh3 sanitizer: "
            "pip install 'sphinx-advocacy-blog[sanitize]'"
        ) from None


def setup_sanitize(app: Sphinx) -> None:
    """Register the sanitizing transform."""
    app.add_transform(SanitizeRawHtml)
    app.connect("config-inited", _require_nh3, priority=650)
