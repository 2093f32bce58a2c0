"""What in a piece of HTML would make the reader's browser contact another site.

Pure functions over HTML text, no Sphinx: :func:`find_remote` lists the resources of raw
HTML that load from another host (``<img>``, ``srcset``, ``<iframe>``, ``<script src>``,
``<link rel=stylesheet>``, ``<video>``/``<audio>``/``<source>``/``<track>``, ``<object>``,
``<embed>``, ``poster``, CSS ``url()`` and ``@import``); :func:`rewrite_remote` replaces
them with what loads nothing: an iframe becomes what *facade* makes of it (a click-to-load
facade, see :mod:`.embeds`), an image, a video or a sound a plain link to it, a remote
script or stylesheet goes, a CSS ``url()`` becomes ``none``.

Tags are found by a tokenizer over the text (not re-serialized by a parser), so the rest
of the author's HTML reaches the page byte for byte. Only start tags are rewritten; the
matching end tag of an element that is replaced goes with it when it is in the same piece
of HTML, as it nearly always is (``<iframe ...></iframe>``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

#: Attributes of each element that make the browser fetch a URL.
_FETCHING = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "script": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "link": ("href",),
}
#: ``<link rel=...>`` values that fetch their ``href`` when the page loads.
FETCHING_LINK_RELS = frozenset(
    {"stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload"}
    | {"icon", "shortcut", "apple-touch-icon", "manifest", "prerender", "mask-icon"}
)
_TAG = re.compile(
    r"<(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>(?:\s+[^\s\"'>/=]+"
    r"(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>",
)
_ATTRIBUTE = re.compile(
    r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?",
)
CSS_URL = re.compile(r"url\(\s*(?P<quote>['\"]?)(?P<url>[^'\")]*)(?P=quote)\s*\)", re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import\s+(?:url\()?\s*['\"]?(?P<url>[^'\")\s;]+)", re.IGNORECASE)
_STYLE_BLOCK = re.compile(r"(<style\b[^>]*>)(.*?)(</style\s*>)", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class RemoteResource:
    """One thing in the HTML that loads from another host."""

    #: ``img``, ``iframe``, ``script``, ``css``...
    element: str
    url: str
    host: str


def remote_host(url: str, own_hosts: frozenset[str] = frozenset()) -> str:
    """The host *url* loads from when it is another site (``""`` for local URLs)."""
    if "//" not in url and "&" not in url:
        return ""  # no scheme and host (nor an escaped one): a path of the site
    text = html.unescape(url).strip()
    if text.startswith("//"):
        text = "https:" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    host = parts.hostname.lower()
    return "" if host in own_hosts else host


def attributes(tag_text: str) -> dict[str, str]:
    """The attributes of one start tag, names lower-cased, values unescaped."""
    match = _TAG.match(tag_text)
    if match is None:
        return {}
    found: dict[str, str] = {}
    for attribute in _ATTRIBUTE.finditer(match.group("attrs")):
        name = attribute.group(1).lower()
        value = next((v for v in attribute.group(2, 3, 4) if v is not None), "")
        found.setdefault(name, html.unescape(value))
    return found


def srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset`` value."""
    return [part.split()[0] for part in value.split(",") if part.strip()]


def _tag_resources(name: str, attrs: dict[str, str], own: frozenset[str]) -> list[RemoteResource]:
    found = []
    for attribute in _FETCHING.get(name, ()):
        value = attrs.get(attribute)
        if not value:
            continue
        if name == "link":
            rels = set(attrs.get("rel", "").lower().split())
            if not rels & FETCHING_LINK_RELS:
                continue
        urls = srcset_urls(value) if attribute == "srcset" else [value]
        for url in urls:
            host = remote_host(url, own)
            if host:
                found.append(RemoteResource(name, url, host))
    for url in _css_urls(attrs.get("style", "")):
        host = remote_host(url, own)
        if host:
            found.append(RemoteResource("css", url, host))
    return found


def _css_urls(css: str) -> list[str]:
    urls = [m.group("url") for m in CSS_URL.finditer(css)]
    urls += [m.group("url") for m in CSS_IMPORT.finditer(css)]
    return list(dict.fromkeys(urls))


def find_remote(text: str, own_hosts: frozenset[str] = frozenset()) -> list[RemoteResource]:
    """Every resource of the HTML *text* that loads from another host."""
    if "//" not in text:
        return []
    found = []
    for match in _TAG.finditer(text):
        name = match.group("name").lower()
        found.extend(_tag_resources(name, attributes(match.group(0)), own_hosts))
    for block in _STYLE_BLOCK.finditer(text):
        for url in _css_urls(block.group(2)):
            host = remote_host(url, own_hosts)
            if host:
                found.append(RemoteResource("css", url, host))
    return found


#: Elements and attributes of raw HTML that show a file of the site.
_SHOWING = {"img": ("src",), "source": ("src",), "video": ("src", "poster"), "audio": ("src",)}


def find_local_media(text: str) -> list[tuple[str, str]]:
    """``(element, path)`` of each image, video or sound of the HTML *text* that is a file
    of the site (``./chart.png``, ``/img/x.png``), not of another host."""
    if "src" not in text and "poster" not in text:
        return []
    found = []
    for match in _TAG.finditer(text):
        name = match.group("name").lower()
        if name not in _SHOWING:
            continue
        attrs = attributes(match.group(0))
        for attribute in _SHOWING[name]:
            value = attrs.get(attribute, "").strip()
            if _is_site_path(value):
                found.append((name, value))
    return found


def _is_site_path(value: str) -> bool:
    """A path of the site: not empty, an address (``https:``, ``//host``, ``data:``), a
    fragment or a JSX expression left over."""
    if not value or value.startswith(("#", "{", "//")):
        return False
    return ":" not in value.split("/")[0]


#: Makes the replacement of one element: ``(element, attributes, host) -> HTML``.
Replacer = Callable[[str, dict[str, str], str], str]


def _end_of_element(text: str, name: str, start: int) -> int:
    """Where the element *name* opened before *start* ends (after its end tag), or *start*
    when its end tag is not in *text*."""
    match = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(text, start)
    return match.end() if match else start


def _without_remote_css(css: str, own: frozenset[str]) -> str:
    def replace_url(match: re.Match[str]) -> str:
        return "none" if remote_host(match.group("url"), own) else match.group(0)

    css = re.sub(
        r"@import[^;]*;",
        lambda m: "" if any(remote_host(u, own) for u in _css_urls(m.group(0))) else m.group(0),
        css,
    )
    return CSS_URL.sub(replace_url, css)


def _replace_style_attribute(tag: str, own: frozenset[str]) -> str:
    def fix(match: re.Match[str]) -> str:
        quote = match.group(1)
        value = html.unescape(match.group(2))
        cleaned = _without_remote_css(value, own)
        return f"style={quote}{html.escape(cleaned, quote=True)}{quote}"

    return re.sub(
        r"(?<![\w-])style\s*=\s*([\"'])(.*?)\1", fix, tag, flags=re.IGNORECASE | re.DOTALL
    )


def rewrite_remote(
    text: str,
    *,
    facade: Replacer,
    link: Replacer,
    own_hosts: frozenset[str] = frozenset(),
    unclosed: list[str] | None = None,
) -> str:
    """*text* with every remote resource replaced (see the module doc).

    *facade* makes the HTML that takes the place of an ``<iframe>`` (with its end tag);
    *link* the HTML that takes the place of an image, a video, a sound, an object or an
    embed that loads from another host. The names of replaced elements whose end tag is
    not in *text* are appended to *unclosed* (their end tag is in a later piece).
    """
    if "//" not in text:
        return text
    out: list[str] = []
    position = 0
    for match in _TAG.finditer(text):
        if match.start() < position:
            continue
        name = match.group("name").lower()
        tag_text = match.group(0)
        attrs = attributes(tag_text)
        resources = _tag_resources(name, attrs, own_hosts)
        if not resources and name in ("video", "audio"):
            resources = [
                RemoteResource("source", url, remote_host(url, own_hosts))
                for url in _media_sources(text, name, match.end(), own_hosts)
            ]
        if not resources:
            continue
        out.append(text[position : match.start()])
        position = match.end()
        fetched = [r for r in resources if r.element != "css"]
        src_host = remote_host(attrs.get("src", ""), own_hosts)
        if name in ("iframe", "frame") and src_host:
            out.append(facade(name, attrs, src_host))
            position = _closed(text, name, position, unclosed)
        elif name == "script" and src_host:
            position = _end_of_element(text, name, position)
            post = attrs.get("data-telegram-post", "")
            if re.fullmatch(r"[A-Za-z0-9_]+/\d+", post):
                # Telegram's widget script: the post it would show, behind a facade.
                out.append(facade("iframe", {"src": f"https://t.me/{post}"}, "t.me"))
        elif name == "link" and fetched:
            pass
        elif name in ("video", "audio", "object"):
            own_url = attrs.get("data" if name == "object" else "src", "")
            media_urls = [own_url] if remote_host(own_url, own_hosts) else []
            media_urls += _media_sources(text, name, position, own_hosts)
            if not media_urls:
                # Only the poster (or a style) is remote: the element stays without it.
                remote_poster = remote_host(attrs.get("poster", ""), own_hosts)
                cleaned = _drop_attribute(tag_text, "poster") if remote_poster else tag_text
                out.append(_replace_style_attribute(cleaned, own_hosts))
                continue
            position = _closed(text, name, position, unclosed)
            target = media_urls[0]
            out.append(link(name, {**attrs, "src": target}, remote_host(target, own_hosts)))
        elif name in ("img", "embed", "input", "source", "track"):
            if name == "img" and not attrs.get("src") and attrs.get("srcset"):
                attrs = {**attrs, "src": srcset_urls(attrs["srcset"])[0]}
            if remote_host(attrs.get("src", ""), own_hosts):
                out.append(link(name, attrs, remote_host(attrs["src"], own_hosts)))
            elif fetched:
                # A local image with a remote srcset candidate or style: keep it, without them.
                cleaned = _drop_attribute(tag_text, "srcset") if "srcset" in attrs else tag_text
                out.append(_replace_style_attribute(cleaned, own_hosts))
            else:
                out.append(_replace_style_attribute(tag_text, own_hosts))
        else:
            out.append(_replace_style_attribute(tag_text, own_hosts))
    out.append(text[position:])
    result = "".join(out)
    if "<style" in result.lower():
        result = _STYLE_BLOCK.sub(
            lambda m: m.group(1) + _without_remote_css(m.group(2), own_hosts) + m.group(3),
            result,
        )
    return result


def _closed(text: str, name: str, start: int, unclosed: list[str] | None) -> int:
    """Where the replaced element *name* ends (see :func:`_end_of_element`); notes it in
    *unclosed* when its end tag is not in *text*."""
    end = _end_of_element(text, name, start)
    if end == start and unclosed is not None:
        unclosed.append(name)
    return end


def remove_end_tag(text: str, name: str) -> tuple[str, bool]:
    """*text* without the first end tag of *name*, and whether there was one."""
    pattern = re.compile(rf"</{name}\s*>", re.IGNORECASE)
    changed = pattern.sub("", text, count=1)
    return changed, changed != text


def _media_sources(text: str, name: str, start: int, own: frozenset[str]) -> list[str]:
    """The remote ``src`` of ``<source>`` elements inside the element opened before *start*."""
    end = _end_of_element(text, name, start)
    inner = text[start:end]
    urls = []
    for match in _TAG.finditer(inner):
        if match.group("name").lower() in ("source", "track"):
            source = attributes(match.group(0)).get("src", "")
            if remote_host(source, own):
                urls.append(source)
    return urls


def _drop_attribute(tag_text: str, name: str) -> str:
    return re.sub(
        rf"\s+{name}\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+)",
        "",
        tag_text,
        flags=re.IGNORECASE,
    )


def restore_in_feed(root: Any) -> None:
    """In an lxml tree of a post's content for the feeds: facades become the embeds' iframes
    and links that stood for remote images the images again (feed readers choose what they
    load; the feeds keep the real URLs)."""
    from lxml import etree

    for box in list(root.xpath("//div[@data-embed-src]")):
        frame = etree.Element("iframe")
        frame.set("src", box.get("data-embed-src"))
        frame.set("title", box.get("data-embed-title") or "")
        frame.set("width", "560")
        frame.set("height", "315")
        frame.set("allowfullscreen", "allowfullscreen")
        frame.tail = box.tail
        parent = box.getparent()
        if parent is not None:
            parent.replace(box, frame)
    for link in list(root.xpath("//a[@data-remote='img']")):
        image = etree.Element("img")
        image.set("src", link.get("href") or "")
        image.set("alt", link.get("data-alt") or "")
        image.tail = link.tail
        parent = link.getparent()
        if parent is not None:
            parent.replace(link, image)
