"""The resized copies of images (WebP for pages, the 1200-wide one for link previews).

:mod:`..pages.images` names the copies a page uses as the page is resolved; they are made
here with Pillow, in background threads (Pillow releases the GIL while it decodes, resizes
and encodes, so the build goes on meanwhile), into a cache folder beside Sphinx's doctrees
(``blog_image_cache`` may name another, kept between clean builds), and copied into the
output. A copy's name holds its image's content hash: a copy in the cache is never made
again, and incremental builds only look at whether the files are there.
"""

from __future__ import annotations

import contextlib
import json
import os
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ..diagnostics import report
from ..env.records import posts_of
from ..model.problem import Problem
from ..pages.images import cover_file, responsive_enabled, take_requests
from ..util.files import (
    output_path,
    publish_cached,
    remove_output,
    write_atomically,
    write_if_changed,
)
from ..util.image_variants import (
    OUTPUT_FOLDER,
    ImagePlan,
    Variant,
    configured_cache,
    known_headers,
    plan_image,
    remember_headers,
    turned,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CACHE_FOLDER = "advocacy_blog_images"
#: What was read of each image (size, format, content hash), so no build reads it again.
INDEX_FILE = "index.json"
#: Encoder settings: quality for the eye, effort for a build that stays quick (WebP's
#: method 2 encodes twice as fast as 3 and 4, for files 3 % larger).
WEBP_OPTIONS = {"quality": 78, "method": 2}
JPEG_OPTIONS = {"quality": 82, "optimize": True, "progressive": True}
PNG_OPTIONS = {"optimize": False}


def cache_folder(app: Sphinx) -> str:
    """Where made copies are kept (``blog_image_cache``, else beside the doctrees)."""
    configured = configured_cache(str(app.confdir), str(app.config.blog_image_cache or ""))
    return configured or os.path.join(str(app.doctreedir), CACHE_FOLDER)


def make_variants(source: str, variants: list[Variant], folder: str) -> list[str]:
    """Make the copies of *source* missing from *folder*; the paths of all of them."""
    from PIL import Image, ImageOps

    paths = [os.path.join(folder, variant.name) for variant in variants]
    missing = [(v, p) for v, p in zip(variants, paths, strict=True) if not os.path.exists(p)]
    if not missing:
        return paths
    widest = max((variant for variant, _ in missing), key=lambda variant: variant.width)
    with Image.open(source) as opened:
        # JPEG decodes at 1/2, 1/4 or 1/8 scale when that is still wide enough: much faster.
        size = (widest.width, widest.height)
        opened.draft("RGB", size[::-1] if turned(opened) else size)
        image = ImageOps.exif_transpose(opened)
        image.load()
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    # Widest first: each copy is resized from the previous one (quicker, as sharp).
    current = image
    for variant, path in sorted(missing, key=lambda item: -item[0].width):
        if current.width != variant.width:
            # Bicubic: as sharp as Lanczos for photos made smaller, a quarter quicker.
            current = current.resize(
                (variant.width, variant.height), Image.Resampling.BICUBIC, reducing_gap=3.0
            )
        write_atomically(path, _encode(current, variant.format))
    return paths


def _encode(image: object, image_format: str) -> bytes:
    import io

    from PIL import Image

    assert isinstance(image, Image.Image)
    buffer = io.BytesIO()
    if image_format == "WEBP":
        image.save(buffer, "WEBP", **WEBP_OPTIONS)
    elif image_format == "JPEG":
        rgb = image if image.mode in ("RGB", "L") else image.convert("RGB")
        rgb.save(buffer, "JPEG", **JPEG_OPTIONS)
    else:
        image.save(buffer, image_format, **PNG_OPTIONS)
    return buffer.getvalue()


class VariantMaker:
    """The copies of one build: made in worker threads, published at the build's end."""

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.folder = cache_folder(app)
        # As many as there are cores: the build's own work is done long before the images.
        workers = max(1, min(4, os.cpu_count() or 1))
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="blog-images")
        self.jobs: list[tuple[str, list[Variant], Future[list[str]]]] = []
        self.submitted: set[str] = set()

    def submit(self, requests: dict[str, tuple[str, Variant]]) -> None:
        """Start making the copies of *requests* that the output lacks."""
        outdir = str(self.app.outdir)
        by_source: dict[str, list[Variant]] = {}
        for relative, (source, variant) in requests.items():
            if relative in self.submitted or os.path.exists(os.path.join(outdir, relative)):
                continue
            self.submitted.add(relative)
            by_source.setdefault(source, []).append(variant)
        if by_source:
            os.makedirs(self.folder, exist_ok=True)
        for source, variants in by_source.items():
            future = self.pool.submit(make_variants, source, variants, self.folder)
            self.jobs.append((source, variants, future))

    def finish(self) -> None:
        """Wait for the copies and put them into the output."""
        outdir = str(self.app.outdir)
        try:
            for source, variants, future in self.jobs:
                try:
                    paths = future.result()
                except Exception as error:  # a broken image is a warning, not a failed build
                    where = os.path.relpath(source, self.app.srcdir)
                    message = f"cannot resize the image ({error}); it is shown at its full size"
                    report(self.app, [Problem("image", message, where, 1)])
                    continue
                for variant, path in zip(variants, paths, strict=True):
                    publish_cached(path, outdir, variant.path)
        finally:
            self.jobs.clear()
            self.pool.shutdown(wait=True)


_MAKERS: WeakKeyDictionary[Sphinx, VariantMaker] = WeakKeyDictionary()


def _maker(app: Sphinx) -> VariantMaker:
    maker = _MAKERS.get(app)
    if maker is None:
        maker = _MAKERS[app] = VariantMaker(app)
        _load_index(maker.folder)
    return maker


def _submit(app: Sphinx, *args: object) -> None:
    """Hand the copies the pages resolved so far asked for to the workers, so they are
    made while the build goes on."""
    requests = take_requests(app.builder)
    if requests:
        _maker(app).submit(requests)


def needed_copies(app: Sphinx) -> dict[str, tuple[str, Variant]]:
    """Every copy the blog's pages use: each post's images and cover, and the covers'
    copies for link previews. Found again at the end of every build (a stat of each file),
    so a build that was interrupted or lost its output is completed by the next one."""
    images_of: dict[str, list[str]] = {}
    for filename, (docnames, _unique) in app.env.images.items():
        for docname in docnames:
            images_of.setdefault(docname, []).append(filename)
    widths = tuple(app.config.blog_image_widths)
    needed: dict[str, tuple[str, Variant]] = {}
    plans: dict[str, ImagePlan | None] = {}  # a picture many posts show is planned once
    for docname, post in posts_of(app.env).items():
        paths = [os.path.join(str(app.srcdir), name) for name in images_of.get(docname, ())]
        cover = cover_file(app.builder, post) if post.image else None
        for path in [*paths, cover]:
            if not path:
                continue
            if path not in plans:
                plans[path] = plan_image(path, widths)
            plan = plans[path]
            if plan is None:
                continue
            social = plan.social() if path == cover else None
            for variant in (*plan.webp, *((social,) if social else ())):
                needed[variant.path] = (plan.source, variant)
    return needed


def _load_index(folder: str) -> None:
    path = os.path.join(folder, INDEX_FILE)
    with contextlib.suppress(OSError, ValueError), open(path, encoding="utf-8") as handle:
        remember_headers(json.load(handle))


def _save_index(folder: str, sources: set[str]) -> None:
    data = json.dumps(known_headers(sources), separators=(",", ":")).encode()
    os.makedirs(folder, exist_ok=True)
    write_if_changed(os.path.join(folder, INDEX_FILE), data)


def _remove_stale(app: Sphinx, keep: set[str]) -> None:
    """Delete copies no page uses any more (an image changed or left), as a clean build
    would not have them."""
    folder = output_path(str(app.outdir), OUTPUT_FOLDER)
    with contextlib.suppress(OSError):
        for name in os.listdir(folder):
            relative = f"{OUTPUT_FOLDER}/{name}"
            if relative not in keep:
                remove_output(str(app.outdir), relative)


def _finish(app: Sphinx, exception: BaseException | None) -> None:
    maker = _MAKERS.pop(app, None)
    if exception is not None:
        if maker is not None:
            maker.pool.shutdown(wait=True, cancel_futures=True)
        return
    if app.builder.format != "html":
        return
    needed: dict[str, tuple[str, Variant]] = {}
    if responsive_enabled(app.builder):
        if maker is None:
            maker = VariantMaker(app)
            _load_index(maker.folder)
        needed = needed_copies(app)
        take_requests(app.builder)
        maker.submit(needed)
        os.makedirs(output_path(str(app.outdir), OUTPUT_FOLDER), exist_ok=True)
        maker.finish()
        _save_index(maker.folder, {source for source, _variant in needed.values()})
    elif maker is not None:
        maker.pool.shutdown(wait=True)
    _remove_stale(app, set(needed))


def _load_known_images(app: Sphinx) -> None:
    """What earlier builds read of each image, before the first page is planned."""
    if responsive_enabled(app.builder):
        _load_index(cache_folder(app))


def setup_responsive(app: Sphinx) -> None:
    """Make and publish the resized copies pages ask for."""
    app.connect("builder-inited", _load_known_images)
    app.connect("doctree-resolved", _submit, priority=900)
    app.connect("build-finished", _finish, priority=400)
