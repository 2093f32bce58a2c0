"""Cover images and the site's static folders in the output.

A post's ``image: ./cover.jpg`` may appear nowhere in its body, so Sphinx would not copy
it; list pages, cards and social previews need it, so it is copied to
``<route>/_media/<path in the blog folder>``. Docusaurus/Hugo ``static/`` folders are
added to ``html_extra_path`` so ``/img/x.png`` keeps its URL.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..env.records import posts_of
from ..env.site_data import get_site
from ..model.routes import media_path
from ..util.files import copy_to_output, inside
from ..util.urls import is_source_path

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def copy_cover_images(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: copy every post's local cover image into the output."""
    if exception is not None or app.builder.format != "html":
        return
    site = get_site(app)
    images = [post.image for post in posts_of(app.env).values()]
    # ``authors.yml``'s ``image_url: ./people/ana.jpg`` (read from the source folder).
    images += [author.image_url for author in site.authors.values()]
    for image in dict.fromkeys(images):
        if not is_source_path(image):
            continue
        source = inside(str(app.srcdir), image)
        if source is not None and os.path.isfile(source):
            copy_to_output(source, str(app.outdir), media_path(site.settings, image))


def _serve_static_dirs(app: Sphinx, config: Config) -> None:
    for folder in config.blog_static_dirs:
        if os.path.isdir(os.path.join(app.srcdir, folder)) and folder not in config.html_extra_path:
            config.html_extra_path = [*config.html_extra_path, folder]


def setup_covers(app: Sphinx) -> None:
    """Copy cover images; serve static folders at the site root."""
    app.connect("config-inited", _serve_static_dirs, priority=700)
    app.connect("build-finished", copy_cover_images)
