"""Optional sanitizing of raw HTML in posts, for sites that publish guest posts.

With ``blog_sanitize_html = True``, every raw HTML block and inline tag in a post is passed
through nh3 (a Rust allowlist sanitizer, the ``sanitize`` extra): scripts, event handlers,
``javascript:`` URLs and unknown elements go; ordinary formatting stays; ``<iframe>``
embeds stay only when their ``src`` is on an allowed host (``blog_embed_hosts``). Links and
images made by any other markup (``{image}`` with ``:target:``, ``{eval-rst}``, roles) are
checked on the resolved doctree, and the rendered page body once more before it is
written: no URL but http(s), mailto and relative ones survives.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.errors import ConfigError
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..util.urls import safe_url
from .records import READING_KEY, posts_of

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


#: Doctree attributes that hold a URL a browser follows or loads.
_URL_ATTRIBUTES = ("refuri", "uri", "reftarget")
#: HTML attributes that hold URLs (``srcset`` holds several).
_HTML_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "cite")


def _is_unsafe(value: str, *, image: bool = False) -> bool:
    return bool(value.strip()) and safe_url(value, allow_data_image=image) is None


class SanitizeUrls(SphinxPostTransform):
    """Drop every link and image of a guest post whose URL is not http(s), mailto or
    relative, whatever markup made it (``{image}`` with ``:target:``, ``{eval-rst}`` links,
    roles...). Runs on the resolved doctree, so the page, its excerpt on list pages and
    its feed entries are all clean."""

    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        if not self.config.blog_sanitize_html or self.env.docname not in posts_of(self.env):
            return
        for node in list(self.document.findall(nodes.Element)):
            for attribute in _URL_ATTRIBUTES:
                value = node.get(attribute)
                if isinstance(value, str) and _is_unsafe(value, image=attribute == "uri"):
                    if isinstance(node, nodes.reference):
                        # The link goes; its text stays.
                        node.replace_self(nodes.inline("", "", *node.children))
                        break
                    del node[attribute]
            candidates = node.get("candidates")
            if isinstance(candidates, dict):
                for key, value in list(candidates.items()):
                    if isinstance(value, str) and _is_unsafe(value, image=True):
                        del candidates[key]


def clean_body_urls(html: str) -> str:
    """*html* (a rendered page body) without any URL attribute that is not http(s),
    mailto or relative; unchanged (the same string) when every URL is safe."""
    if ":" not in html:
        return html
    import lxml.html

    root = lxml.html.fragment_fromstring(html, create_parent="div")
    changed = False
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in _HTML_URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None and _is_unsafe(value, image=attribute == "src"):
                del element.attrib[attribute]
                changed = True
        srcset = element.get("srcset")
        if srcset is not None:
            parts = [part.strip() for part in srcset.split(",") if part.strip()]
            if any(_is_unsafe(part.split()[0], image=True) for part in parts):
                del element.attrib["srcset"]
                changed = True
    if not changed:
        return html
    parts = [lxml.html.tostring(child, encoding="unicode") for child in root]
    return (root.text or "") + "".join(parts)


def _clean_page_body(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if not app.config.blog_sanitize_html or pagename not in posts_of(app.env):
        return
    body = context.get("body")
    if isinstance(body, str):
        context["body"] = clean_body_urls(body)


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
    """Register the sanitizing transforms and the last check of a guest post's page."""
    app.add_transform(SanitizeRawHtml)
    app.add_post_transform(SanitizeUrls)
    # Before the feeds keep the page's body (html-page-context, priority 500).
    app.connect("html-page-context", _clean_page_body, priority=400)
    app.connect("config-inited", _require_nh3, priority=650)
