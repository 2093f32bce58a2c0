"""The site's locales: which exist, their URL prefixes and their HTML language tags.

Docusaurus keeps translations in ``i18n/<locale>/docusaurus-plugin-content-blog/``; a
locale's pages are published under ``/<prefix>/`` (the default locale at the root). The
list comes from ``blog_locales`` or, when that is empty, from the ``i18n/`` folders.
"""

from __future__ import annotations

import json
import os
import posixpath
from dataclasses import dataclass
from typing import Any

from babel import Locale, UnknownLocaleError

from ..model.locale import LocaleInfo
from ..model.problem import Problem
from .translate import language_tag

#: Where Docusaurus keeps a locale's blog translations, relative to the source directory.
I18N_BLOG_DIR = "i18n/{locale}/docusaurus-plugin-content-blog"


def native_label(code: str) -> str:
    """The language's own name (``Русский``), or the code when Babel does not know it."""
    try:
        name = Locale.parse(language_tag(code), sep="-").get_display_name()
    except (UnknownLocaleError, ValueError, TypeError):
        return code
    return (name or code)[:1].upper() + (name or code)[1:]


def _locale(code: str, entry: Any, default: str) -> LocaleInfo:
    entry = entry if isinstance(entry, dict) else {}
    prefix = "" if code == default else str(entry.get("prefix", code)).strip("/")
    return LocaleInfo(
        code=code,
        label=str(entry.get("label") or native_label(code)),
        prefix=prefix,
        html_lang=str(entry.get("html_lang") or language_tag(code)),
    )


def site_locales(srcdir: str, configured: dict[str, Any], default: str) -> list[LocaleInfo]:
    """Every locale of the site, the default first, then by code."""
    codes: list[str] = list(configured)
    if not codes:
        i18n_dir = os.path.join(srcdir, "i18n")
        if os.path.isdir(i18n_dir):
            codes = sorted(
                name
                for name in os.listdir(i18n_dir)
                if os.path.isdir(os.path.join(i18n_dir, name)) and not name.startswith(".")
            )
    if not codes:
        return [_locale(default, {}, default)]
    others = sorted(code for code in codes if code != default)
    return [_locale(default, configured.get(default), default)] + [
        _locale(code, configured.get(code), default) for code in others
    ]


def locale_of(locales: list[LocaleInfo], language: str | None, default: str) -> LocaleInfo:
    """The locale of a build with Sphinx ``language`` *language*."""
    wanted = language or default
    for info in locales:
        if info.code == wanted:
            return info
    return _locale(wanted, {}, default)


@dataclass(frozen=True)
class TranslatedOptions:
    """``options.json`` of a locale: the blog's translated title and descriptions."""

    title: str = ""
    description: str = ""
    sidebar_title: str = ""


def parse_options_json(text: str, path: str) -> tuple[TranslatedOptions, list[Problem]]:
    """Read Docusaurus's ``options.json`` (``{"title": {"message": ...}, ...}``)."""
    try:
        data = json.loads(text)
    except ValueError as error:
        return TranslatedOptions(), [
            Problem("i18n", f"options.json is not valid JSON: {error}", path, 1)
        ]
    if not isinstance(data, dict):
        return TranslatedOptions(), [Problem("i18n", "options.json must be a JSON object", path, 1)]

    def message(key: str) -> str:
        value = data.get(key)
        if isinstance(value, dict):
            value = value.get("message")
        return value.strip() if isinstance(value, str) else ""

    return (
        TranslatedOptions(
            title=message("title"),
            description=message("description"),
            sidebar_title=message("sidebar.title"),
        ),
        [],
    )


@dataclass(frozen=True)
class Alternate:
    """The same page in one locale."""

    locale: LocaleInfo
    #: Absolute URL (from ``html_baseurl``), or root-relative without it.
    url: str
    #: Relative link from the current page (for a language switcher).
    relative_url: str
    current: bool


def alternates(
    locales: list[LocaleInfo],
    current: LocaleInfo,
    page_uri: str,
    base_url: str,
) -> list[Alternate]:
    """The page at *page_uri* (relative to a locale's root) in every locale.

    Permalinks are the same in every locale (Docusaurus falls back to the source post when a
    translation is missing), so each alternate is the same URI under the locale's prefix.
    """
    from sphinx.util.osutil import relative_uri

    here = f"{current.prefix}/{page_uri}" if current.prefix else page_uri
    result = []
    for info in locales:
        there = f"{info.prefix}/{page_uri}" if info.prefix else page_uri
        absolute = f"{base_url}/{there}" if base_url else f"/{there}"
        result.append(
            Alternate(
                locale=info,
                url=absolute,
                relative_url=relative_uri(here, there) or posixpath.basename(there) or "./",
                current=info.code == current.code,
            )
        )
    return result
