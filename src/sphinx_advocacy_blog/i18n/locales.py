"""The site's locales: which exist, their URL prefixes and their HTML language tags.

Docusaurus keeps translations in ``i18n/<locale>/docusaurus-plugin-content-blog/``; a
locale's pages are published under ``/<prefix>/`` (the default locale at the root). The
list comes from ``blog_locales`` or, when that is empty, from the ``i18n/`` folders.
"""

from __future__ import annotations

import contextlib
import json
import os
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from babel import Locale, UnknownLocaleError

from ..model.locale import LocaleInfo
from ..model.problem import Problem
from ..model.routes import SITE_ROOT_NAMES
from ..util.slugs import path_segment
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


def _locale(code: str, entry: Any, default: str, *, alone: bool = False) -> LocaleInfo:
    """*alone*: the site's only locale, which no language switcher names (its label is
    its code: looking up its own name loads Babel's data for nothing)."""
    entry = entry if isinstance(entry, dict) else {}
    prefix = "" if code == default else str(entry.get("prefix", code)).strip("/")
    return LocaleInfo(
        code=code,
        label=str(entry.get("label") or (code if alone else native_label(code))),
        prefix=prefix,
        html_lang=str(entry.get("html_lang") or language_tag(code)),
    )


#: A language tag as locale folders and ``blog_locales`` keys spell them: BCP 47
#: (``pt-BR``, ``zh-Hans``), Docusaurus's underscores (``pt_BR``), ISO 639-2/3 (``ukr``).
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")


def locale_problem(info: LocaleInfo, taken: Iterable[str] = ()) -> str:
    """Why *info* cannot be a locale of the site (``""`` when it can): its code or HTML tag
    is not a language tag, or its URL prefix is a folder or page of the site (``blog``)."""
    if not _LANGUAGE_TAG.match(info.code):
        return f"{info.code!r} is not a language tag such as 'ru', 'pt-BR' or 'zh-Hans'"
    if not _LANGUAGE_TAG.match(info.html_lang):
        return f"its html_lang {info.html_lang!r} is not a language tag"
    if info.prefix:
        if path_segment(info.prefix) != info.prefix:
            return f"its URL prefix {info.prefix!r} must be one plain path segment"
        if info.prefix.casefold() in {name.casefold() for name in taken}:
            return f"its URL prefix /{info.prefix}/ is already a folder or page of the site"
    return ""


def _locale_folders(srcdir: str, follow_symlinks: bool) -> list[str]:
    i18n_dir = os.path.join(srcdir, "i18n")
    if not os.path.isdir(i18n_dir):
        return []
    return sorted(
        name
        for name in os.listdir(i18n_dir)
        if os.path.isdir(os.path.join(i18n_dir, name))
        and not name.startswith(".")
        and (follow_symlinks or not os.path.islink(os.path.join(i18n_dir, name)))
    )


def _all_locales(
    srcdir: str, configured: dict[str, Any], default: str, follow_symlinks: bool
) -> list[LocaleInfo]:
    codes: list[str] = list(configured) or _locale_folders(srcdir, follow_symlinks)
    if not codes:
        return [_locale(default, {}, default, alone=True)]
    others = sorted(code for code in codes if code != default)
    return [_locale(default, configured.get(default), default)] + [
        _locale(code, configured.get(code), default) for code in others
    ]


def site_locales(
    srcdir: str,
    configured: dict[str, Any],
    default: str,
    *,
    taken: Iterable[str] = (),
    follow_symlinks: bool = False,
) -> list[LocaleInfo]:
    """Every locale of the site, the default first, then by code; a locale whose code is
    not a language tag or whose URL prefix is taken (*taken*: the site's own folders and
    pages at its root) is left out (:func:`locale_problems` says why)."""
    return [
        info
        for info in _all_locales(srcdir, configured, default, follow_symlinks)
        if not locale_problem(info, taken)
    ]


def locale_problems(
    srcdir: str,
    configured: dict[str, Any],
    default: str,
    *,
    taken: Iterable[str] = (),
    follow_symlinks: bool = False,
) -> list[Problem]:
    """A ``blog.i18n`` problem for each locale :func:`site_locales` leaves out."""
    problems = []
    names = list(taken)
    for info in _all_locales(srcdir, configured, default, follow_symlinks):
        reason = locale_problem(info, names)
        if reason:
            where = "conf.py" if configured else f"i18n/{info.code}"
            problems.append(
                Problem(
                    "i18n",
                    f"the locale {where} was left out: {reason}",
                    "conf.py" if configured else "",
                    None,
                )
            )
    return problems


def locale_of(locales: list[LocaleInfo], language: str | None, default: str) -> LocaleInfo:
    """The locale of a build with Sphinx ``language`` *language*.

    A language that is none of the site's locales gets one made for it; when it is not a
    language tag, its HTML tag is ``und`` (undetermined) and its prefix a plain segment.
    """
    wanted = language or default
    for info in locales:
        if info.code == wanted:
            return info
    info = _locale(wanted, {}, default)
    if locale_problem(info):
        info = LocaleInfo(info.code, info.code, path_segment(info.prefix), "und")
    return info


def site_root_names(srcdir: str, route: str) -> set[str]:
    """What a locale's URL prefix may not be: the blog's route, Sphinx's folders and the
    site's own top-level folders and pages."""
    names = {route.strip("/").split("/", 1)[0], *SITE_ROOT_NAMES, "i18n"}
    with contextlib.suppress(OSError):
        for entry in os.listdir(srcdir):
            names.add(entry if os.path.isdir(os.path.join(srcdir, entry)) else entry.split(".")[0])
    return {name for name in names if name}


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
