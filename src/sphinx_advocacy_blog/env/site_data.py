"""Load the site-wide blog data of a build: settings, authors, tags and locales.

Loaded once per build at ``builder-inited`` from ``conf.py``, ``authors.yml``,
``tags.yml`` and, in a translated build, the locale's own copies of them. The ``check``
command loads it with the same function (:func:`load_site_data`), without Sphinx.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ..config import settings_from_config
from ..config.options import BlogSettings
from ..diagnostics import report
from ..i18n.locales import (
    I18N_BLOG_DIR,
    locale_of,
    locale_problems,
    parse_options_json,
    site_locales,
    site_root_names,
)
from ..model.post import Author
from ..model.problem import Problem
from ..model.site import BlogSite
from ..readers.ablog import ablog_names
from ..readers.datafiles import author_from_mapping, parse_authors_file, parse_tags_file
from ..readers.safe_yaml import load_yaml
from ..util.files import find_source_file, static_folders_text
from ..util.slugs import clean_url_path
from ..util.urls import is_source_path

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


_SITES: WeakKeyDictionary[Sphinx, BlogSite] = WeakKeyDictionary()


def _read_text(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise OSError(str(error)) from error


def load_site_data(srcdir: str, settings: BlogSettings, language: str | None) -> BlogSite:
    """Read ``authors.yml``, ``tags.yml`` and the locales of the blog in *srcdir*.

    *language* is Sphinx's ``language`` of the build. In a translated build (``i18n/<language>/``
    present), the locale's ``authors.yml``, ``tags.yml`` and ``options.json`` replace the
    source ones. Problems are collected in the site's ``problems``, never raised.
    """
    blog_dir = os.path.join(srcdir, settings.path)
    default = settings.default_locale or "en"
    if not settings.locales and not os.path.isdir(os.path.join(srcdir, "i18n")):
        # A one-language site is published at the root in whatever language it is.
        default = language or default
    taken = site_root_names(srcdir, settings.route)
    follow = settings.follow_symlinks
    locales = site_locales(srcdir, settings.locales, default, taken=taken, follow_symlinks=follow)
    locale = locale_of(locales, language, default)
    translation_dir = I18N_BLOG_DIR.format(locale=locale.code)
    if not os.path.isdir(os.path.join(srcdir, translation_dir)):
        translation_dir = ""
    settings = replace(settings, url_prefix=locale.prefix)
    site = BlogSite(
        settings=settings,
        blog_dir=blog_dir,
        locales=locales,
        locale=locale,
        translation_dir=translation_dir,
    )
    if not locale.prefix:
        # Reported once, by the build of the locale at the site root.
        site.problems.extend(
            locale_problems(srcdir, settings.locales, default, taken=taken, follow_symlinks=follow)
        )
    if translation_dir:
        options = _data_file(srcdir, site, "options.json", translation_dir)
        if options is not None:
            translated, problems = parse_options_json(*options)
            site.problems.extend(problems)
            site.settings = replace(
                settings,
                title=translated.title or settings.title,
                description=translated.description or settings.description,
                sidebar_title=translated.sidebar_title or settings.sidebar_title,
            )
    site.locations = ablog_names(settings.locations)
    site.languages = ablog_names(settings.languages)
    for key, data in settings.extra_authors.items():
        if isinstance(data, dict):
            author, problems = author_from_mapping(str(key), data, path="conf.py", line=None)
            # ABlog's author pages are named by the key as written (``authors/Lena``).
            permalink = author.page_permalink or clean_url_path(str(key))
            site.authors[str(key)] = replace(author, page_permalink=permalink)
            site.problems.extend(problems)
    authors_text = _translated_data_file(srcdir, site, "authors.yml")
    if authors_text is not None:
        authors, problems = parse_authors_file(
            *authors_text, pages_for_all=settings.author_pages == "all"
        )
        missing = _missing_avatars(srcdir, settings.static_dirs, authors, *authors_text)
        site.authors.update(authors)
        site.problems.extend(problems)
        site.problems.extend(missing)
    tags_text = _translated_data_file(srcdir, site, "tags.yml")
    if tags_text is not None:
        tags, problems = parse_tags_file(*tags_text)
        site.tags.update(tags)
        site.problems.extend(problems)
    return site


def load_site(app: Sphinx) -> BlogSite:
    """The site data of this build, from its ``conf.py`` settings."""
    return load_site_data(str(app.srcdir), settings_from_config(app.config), app.config.language)


def _image_line(text: str, key: str) -> int:
    """The line of author *key*'s ``image_url`` in ``authors.yml`` *text* (else of the
    key, else 1), from the YAML reader's key lines (read again only for a missing
    picture)."""
    lines = load_yaml(text)[1]
    return lines.get(f"{key}.image_url") or lines.get(f"{key}.imageURL") or lines.get(key) or 1


def _missing_avatars(
    srcdir: str, static_dirs: Iterable[str], authors: dict[str, Author], text: str, path: str
) -> list[Problem]:
    """A problem for each ``image_url`` of ``authors.yml`` that names a missing file (a
    path in the source folder, or ``/img/x.jpg`` in it or in a static folder); such an
    author is shown with initials, not a broken picture (*authors* is updated)."""
    problems = []
    for key, author in list(authors.items()):
        image = author.image_url
        if is_source_path(image):
            found = os.path.isfile(os.path.join(srcdir, image))
            where = image
        elif image.startswith("/") and not image.startswith("//"):
            found = find_source_file(srcdir, static_dirs, image, follow_symlinks=True) is not None
            folders = static_folders_text(static_dirs)
            where = f"{image} (looked for in the source folder and in {folders})"
        else:
            continue
        if not found:
            authors[key] = replace(author, image_url="")
            problems.append(
                Problem(
                    "image",
                    f"author {key!r}: image_url names {where}, which does not exist, so the "
                    "author is shown with initials. Put the picture there or fix the path",
                    path,
                    _image_line(text, key),
                )
            )
    return problems


def _translated_data_file(srcdir: str, site: BlogSite, filename: str) -> tuple[str, str] | None:
    """The locale's version of a data file if there is one, else the source's."""
    if site.translation_dir:
        translated = _data_file(srcdir, site, filename, site.translation_dir)
        if translated is not None:
            return translated
    return _data_file(srcdir, site, filename, site.settings.path)


def _data_file(srcdir: str, site: BlogSite, filename: str, folder: str) -> tuple[str, str] | None:
    """``(text, path relative to srcdir)`` of a blog data file, if it exists."""
    relative = os.path.join(folder, filename)
    try:
        text = _read_text(os.path.join(srcdir, relative))
    except OSError as error:
        site.problems.append(Problem("yaml", f"cannot read {filename}: {error}", relative))
        return None
    return None if text is None else (text, relative)


def app_of(env: BuildEnvironment) -> Sphinx:
    """The application of an environment, for code that only has ``self.env`` (transforms):
    ``env.app`` is deprecated from Sphinx 9 (and ``SphinxTransform.app`` with it)."""
    app = getattr(env, "_app", None)
    return app if app is not None else env.app


def get_site(app: Sphinx) -> BlogSite:
    """The :class:`BlogSite` of this build (loaded on first use)."""
    site = _SITES.get(app)
    if site is None:
        site = load_site(app)
        _SITES[app] = site
    return site


def _on_builder_inited(app: Sphinx) -> None:
    site = load_site(app)
    _SITES[app] = site
    report(app, site.problems)


def setup_site_data(app: Sphinx) -> None:
    """Load the site data at the start of every build."""
    app.connect("builder-inited", _on_builder_inited, priority=400)
