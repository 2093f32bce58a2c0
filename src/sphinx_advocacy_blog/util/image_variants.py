"""Which resized copies of an image a page uses, named after the image's content.

The plan is pure and cheap (the file is read and hashed, its header alone decoded): pages
write ``srcset`` from it at once, and :mod:`..media.responsive` makes the files, in the
background, into a cache folder keyed by the same names. A name holds the content hash, so a
changed image gets new names (browsers and CDNs never see a stale copy under an old name)
and an unchanged one is never resized again.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Raster formats that are resized (Pillow's names); GIFs (maybe animated) and SVGs are not.
RESIZED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
#: Widths of the WebP copies of images shown in posts and lists (CSS pixels of a column are
#: at most ~800; a phone's 375 px at 2x wants ~750).
DEFAULT_WIDTHS = (480, 960)
#: Width of the copy used for link previews (Open Graph, Twitter cards, JSON-LD).
SOCIAL_WIDTH = 1200
#: The folder below the output root that holds the copies.
OUTPUT_FOLDER = "_images/blog"

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Variant:
    """One resized copy: its file name (below :data:`OUTPUT_FOLDER`), width, height, format."""

    name: str
    width: int
    height: int
    format: str

    @property
    def path(self) -> str:
        """Its path below the output root."""
        return f"{OUTPUT_FOLDER}/{self.name}"


@dataclass(frozen=True)
class ImagePlan:
    """A local image's size, content hash and the copies made of it."""

    source: str
    width: int
    height: int
    format: str
    digest: str
    #: WebP copies, narrowest first (may be empty: an image Pillow cannot read).
    webp: tuple[Variant, ...] = ()

    def variant(self, width: int, image_format: str) -> Variant:
        """The copy of this image *width* wide (never wider than the image) in *image_format*."""
        width = min(width, self.width)
        height = max(1, round(self.height * width / self.width))
        stem = _UNSAFE.sub("-", posixpath.splitext(os.path.basename(self.source))[0])[:40]
        extension = RESIZED_FORMATS.get(image_format, image_format.lower())
        name = f"{stem.strip('-') or 'image'}-{self.digest}-{width}w.{extension}"
        return Variant(name, width, height, image_format)

    def social(self) -> Variant | None:
        """The copy for link previews: :data:`SOCIAL_WIDTH` wide in the image's own format
        (social networks do not all read WebP); None when the image is no wider."""
        if self.width <= SOCIAL_WIDTH:
            return None
        return self.variant(SOCIAL_WIDTH, self.format)

    def sizes(self, widest: int) -> str:
        """A ``sizes`` attribute: the image fills the column up to its own width."""
        width = min(self.width, widest)
        return f"(max-width: {width}px) 100vw, {width}px"


def turned(image: object) -> bool:
    """Whether a Pillow image's EXIF orientation turns it a quarter (browsers and the copies
    show it turned: width and height swap)."""
    getexif = getattr(image, "getexif", None)
    if getexif is None:
        return False
    try:
        return getexif().get(0x0112) in (5, 6, 7, 8)
    except Exception:  # a broken EXIF block is no orientation
        return False


#: What was read of each image file: (path, mtime_ns, size) -> (width, height, format,
#: digest), or None for a file that is not a resizable image. Kept between builds in the
#: cache folder's index (:func:`known_headers`, :func:`remember_headers`), so a build that
#: changes nothing reads no image.
_HEADERS: dict[tuple[str, int, int], tuple[int, int, str, str] | None] = {}


def configured_cache(confdir: str, configured: str) -> str | None:
    """The folder ``blog_image_cache`` names (relative to the folder of ``conf.py``), where
    made images are kept between builds; None when it is not set."""
    return os.path.join(confdir, os.path.expanduser(configured)) if configured else None


def plan_image(path: str, widths: tuple[int, ...] = DEFAULT_WIDTHS) -> ImagePlan | None:
    """The plan of the local image at *path*; None when it is not a raster image Pillow
    reads (or not a file)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _HEADERS:
        _HEADERS[key] = _read_header(path)
    header = _HEADERS[key]
    if header is None:
        return None
    width, height, image_format, digest = header
    plan = ImagePlan(path, width, height, image_format, digest)
    targets = sorted({min(target, width) for target in widths if target > 0})
    webp = tuple(plan.variant(target, "WEBP") for target in targets)
    return ImagePlan(path, width, height, image_format, digest, webp)


def _read_header(path: str) -> tuple[int, int, str, str] | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with open(path, "rb") as handle:
            data = handle.read()
        with Image.open(path) as image:
            width, height = (int(value) for value in image.size)
            if turned(image):
                width, height = height, width
            image_format = str(image.format or "")
            animated = bool(getattr(image, "is_animated", False))
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError):
        return None
    if image_format not in RESIZED_FORMATS or animated or not width or not height:
        return None
    return width, height, image_format, hashlib.blake2b(data, digest_size=6).hexdigest()


def known_headers(paths: Iterable[str]) -> list[list[object]]:
    """What was read of the images at *paths*, as JSON-ready rows (for the cache folder's
    index)."""
    rows: list[list[object]] = []
    for path in sorted(set(paths)):
        try:
            stat = os.stat(path)
        except OSError:
            continue
        key = (path, stat.st_mtime_ns, stat.st_size)
        if key in _HEADERS:
            rows.append([*key, *(_HEADERS[key] or ())])
    return rows


def remember_headers(rows: object) -> None:
    """Take rows of :func:`known_headers` (from an earlier build) as read; rows of another
    shape are ignored, and a file whose time or size changed is read again."""
    if not isinstance(rows, list):
        return
    for row in rows:
        if not isinstance(row, list) or len(row) not in (3, 7):
            continue
        path, mtime_ns, size = row[:3]
        if not (isinstance(path, str) and isinstance(mtime_ns, int) and isinstance(size, int)):
            continue
        header = tuple(row[3:])
        valid = (
            len(header) == 4
            and all(isinstance(value, int) and value > 0 for value in header[:2])
            and header[2] in RESIZED_FORMATS
            and isinstance(header[3], str)
        )
        if valid:
            _HEADERS[(path, mtime_ns, size)] = header
        elif not header:
            _HEADERS[(path, mtime_ns, size)] = None
