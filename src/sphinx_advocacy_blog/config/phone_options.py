"""Options for readers on phones: resized images and the blog in the site's navigation.

A base class of :class:`~.options.BlogSettings`, listed last in the reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import checks
from .option import option


@dataclass(frozen=True)
class PhoneOptions:
    """The options of images and navigation."""

    responsive_images: bool = option(
        True,
        (bool,),
        "Give the images of posts and lists their size, lazy loading and WebP copies at "
        "``blog_image_widths`` (made with Pillow, cached by content) for the browser to "
        "choose from, and link previews a 1200-pixel-wide cover. ``False`` publishes the "
        "images as they are.",
        rebuild="html",
    )
    image_widths: tuple[int, ...] = option(
        [480, 960],
        (list, tuple),
        "Widths, in pixels, of the WebP copies of each image (none wider than the image).",
        rebuild="html",
        check=checks.width_list,
        read=tuple,
    )
    image_cache: str = option(
        "",
        (str,),
        "Folder (relative to ``conf.py``) that keeps the resized copies between builds; "
        "by default a folder beside Sphinx's doctrees. Name one outside the build folder "
        "to keep them across clean builds (in CI, a cached folder).",
        rebuild="html",
    )
    navigation: bool = option(
        True,
        (bool,),
        "Add a link to the blog (``blog_title``) to the theme's navigation (alabaster, "
        "furo, pydata-sphinx-theme, sphinx-book-theme; phone menus included) and, on a "
        "site in several languages, the language switcher.",
        rebuild="html",
    )
