"""Images for social previews and JSON-LD: where they are published and how big they are.

A post's ``image`` is an absolute URL, a static path (``/img/x.png``, served from one of
``blog_static_dirs``) or a file beside the post (copied by :mod:`..media.covers` to
``model.routes.media_path``). Site-wide images (``blog_default_image``, the publisher's logo) are an
absolute URL or a path that is looked up in the static folders first and then in the
source directory (and copied to the same path in the output).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from ..util.files import find_source_file
from ..util.urls import is_absolute_url


@dataclass(frozen=True)
class PublishedImage:
    """Where an image is published and the file behind it."""

    #: Absolute URL, or a path relative to the output root (``img/x.png``).
    location: str
    #: The local file, when there is one (its size can be read).
    source: str | None = None
    #: Path below the output root the file must be copied to (``""``: copied by others).
    copy_to: str = ""


def post_image(
    srcdir: str, static_dirs: tuple[str, ...], image: str, media_path: str
) -> PublishedImage | None:
    """A post's ``image`` value; *media_path* is where :mod:`..media.covers` copies a local file."""
    if not image:
        return None
    if is_absolute_url(image):
        return PublishedImage(image)
    source = find_source_file(srcdir, static_dirs, image)
    if image.startswith("/"):
        return PublishedImage(image.lstrip("/"), source)
    return PublishedImage(media_path, source) if source is not None else None


def site_image(srcdir: str, static_dirs: tuple[str, ...], value: str) -> PublishedImage | None:
    """A site-wide image option (``blog_default_image``, ``blog_publisher['logo']``)."""
    value = value.strip()
    if not value:
        return None
    if is_absolute_url(value):
        return PublishedImage(value)
    path = value.lstrip("/")
    for folder in static_dirs:
        candidate = os.path.join(srcdir, folder, path)
        if os.path.isfile(candidate):
            return PublishedImage(path, candidate)
    candidate = os.path.join(srcdir, path)
    if ".." not in path.split("/") and os.path.isfile(candidate):
        return PublishedImage(path, candidate, copy_to=path)
    return None


@lru_cache(maxsize=4096)
def _cached_size(path: str, mtime: float) -> tuple[int, int] | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            width, height = image.size
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    return (int(width), int(height)) if width and height else None


def image_size(path: str | None) -> tuple[int, int] | None:
    """``(width, height)`` of a local raster image (its header only is read), else None."""
    if not path:
        return None
    try:
        mtime = os.path.getmtime(path)
    except OSError:
        return None
    return _cached_size(path, mtime)
