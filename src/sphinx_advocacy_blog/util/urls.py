"""Which user-given URLs may reach an HTML attribute."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_ABSOLUTE_URL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_CONTROL_CHARS = re.compile(r"[\x00-\x20\x7f]+")
_SAFE_DATA_IMAGE = re.compile(r"^data:image/(?:png|gif|jpe?g|webp|avif);base64,[A-Za-z0-9+/=]+$")


def safe_url(value: str, *, allow_data_image: bool = False) -> str | None:
    """Return *value* if it is safe in an ``href``/``src``/``content`` attribute, else None.

    Allowed: ``http``, ``https``, ``mailto`` and relative URLs (``./x.png``, ``/img/x.png``,
    ``#top``); with *allow_data_image*, base64 ``data:image/...`` URLs of raster formats.
    Browsers ignore control characters and blanks inside a scheme (``java\\tscript:``), so
    the scheme is read with those removed.
    """
    text = value.strip()
    if not text:
        return None
    probe = _CONTROL_CHARS.sub("", text)
    if allow_data_image and _SAFE_DATA_IMAGE.match(probe):
        return text
    try:
        scheme = urlsplit(probe).scheme.lower()
    except ValueError:
        return None
    if scheme == "":
        # ``\\evil.example`` is read by browsers as a network path.
        return None if probe.startswith("\\") or ":" in probe.split("/", 1)[0] else text
    if scheme in SAFE_SCHEMES:
        return text
    return None


def is_absolute_url(value: str) -> bool:
    """True for ``scheme://...`` and protocol-relative ``//host/...`` URLs."""
    return _ABSOLUTE_URL.match(value) is not None


def is_source_path(value: str) -> bool:
    """True for a path of a file in the source folder (``blog/people/ana.jpg``): neither
    empty, nor root-relative (``/img/x.png``, a static file), nor a URL (``data:`` too)."""
    return bool(value) and not value.startswith("/") and not is_absolute_url(value)


def own_site_path(base_url: str, url: str) -> str | None:
    """The root-relative path (``/img/x.jpg``) of *url* when it is an address on the site
    itself (*base_url*, ``html_baseurl``: same host, below its path), else None."""
    if not base_url or not is_absolute_url(url):
        return None
    base, target = urlsplit(base_url), urlsplit(url)
    if not target.netloc or target.netloc.lower() != base.netloc.lower():
        return None
    if target.scheme.lower() not in ("http", "https") or target.query:
        return None
    prefix = base.path.rstrip("/")
    if not target.path.startswith(prefix + "/"):
        return None
    path = unquote(target.path[len(prefix) :])
    if ".." in path.split("/") or "\x00" in path or path == "/":
        return None
    return path
