"""Translated UI strings and localized dates.

UI strings go through Sphinx's message catalog machinery (``sphinx.locale``), with the
catalog ``sphinx_advocacy_blog`` shipped in ``locale/``; dates are formatted by Babel.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from sphinx.locale import get_translator, is_translator_registered

from ..util.resources import LOCALE_DIR
from .message_catalogs import catalogs_up_to_date, compile_catalogs

if TYPE_CHECKING:
    from sphinx.application import Sphinx

MESSAGE_CATALOG = "sphinx_advocacy_blog"


def _(message: str) -> str:
    """Translate a UI string into the build's language (``_("Tags")``)."""
    if not is_translator_registered(MESSAGE_CATALOG):
        return message
    return get_translator(MESSAGE_CATALOG).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a UI string with plural forms (``1 минута``, ``2 минуты``, ``5 минут``)."""
    if not is_translator_registered(MESSAGE_CATALOG):
        return singular if count == 1 else plural
    return get_translator(MESSAGE_CATALOG).ngettext(singular, plural, count)


#: Folder names that are not BCP 47 tags (Docusaurus sites use ISO 639-2/3 codes too).
LANGUAGE_TAG_ALIASES = {"ukr": "uk", "rus": "ru", "eng": "en", "deu": "de", "fra": "fr"}


def language_tag(code: str) -> str:
    """BCP 47 tag for a locale folder name (``ukr`` -> ``uk``, ``pt_BR`` -> ``pt-BR``)."""
    code = LANGUAGE_TAG_ALIASES.get(code, code)
    return code.replace("_", "-")


@lru_cache(maxsize=64)
def babel_locale(code: str) -> Locale:
    """The Babel locale for a language code, English for codes Babel does not know."""
    try:
        return Locale.parse(language_tag(code or "en"), sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en")


def display_date(moment: datetime, code: str, date_format: str = "long") -> str:
    """A post date as readers of *code* write it: ``July 3, 2022``, ``3 июля 2022 г.``.

    The calendar date is the one written in the post (its own UTC offset is kept), never
    shifted by a timezone conversion.
    """
    return _formatted_date(moment.date(), code, date_format)


@lru_cache(maxsize=8192)
def _formatted_date(day: date, code: str, date_format: str) -> str:
    # Every post's date is shown on its page and on each list page that lists it.
    return format_date(day, format=date_format, locale=babel_locale(code))


def reading_time_text(minutes: int) -> str:
    """``One min read`` / ``5 min read`` in the build's language."""
    return ngettext("One min read", "{minutes} min read", minutes).format(minutes=minutes)


#: Folder below the build's doctree folder where a checkout's catalogs are compiled.
CATALOG_CACHE = "advocacy_blog_locale"


def _user_cache() -> str:
    """This checkout's folder in the user's cache (``~/.cache/sphinx-advocacy-blog``): one
    per version and package folder, so two checkouts never share compiled catalogs."""
    from ..version import __version__

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    digest = hashlib.sha256(LOCALE_DIR.encode("utf-8")).hexdigest()[:12]
    return os.path.join(base, "sphinx-advocacy-blog", f"locale-{__version__}-{digest}")


def catalog_dir(cache_root: str | None = None) -> str:
    """A folder with up-to-date ``.mo`` files; nothing is ever written into the package.

    An installed wheel has them beside its ``.po`` files (compiled when the package was
    built, see ``setup.py``). A source checkout or an editable install has only the
    ``.po`` files: they are compiled once into the user's cache folder (a clean build
    would compile them again in its doctree folder: 0.1 s), else into *cache_root* (the
    build's doctree folder), else into the system's temporary folder.
    """
    if catalogs_up_to_date(LOCALE_DIR, LOCALE_DIR):
        return LOCALE_DIR
    import tempfile

    from ..version import __version__

    targets = [_user_cache()]
    if cache_root:
        targets.append(os.path.join(cache_root, CATALOG_CACHE))
    temporary = f"sphinx_advocacy_blog-{__version__}-locale"
    targets.append(os.path.join(tempfile.gettempdir(), temporary))
    for target in targets[:-1]:
        try:
            compile_catalogs(LOCALE_DIR, target)
        except OSError:
            continue  # not writable here
        return target
    compile_catalogs(LOCALE_DIR, targets[-1])
    return targets[-1]


def setup_i18n(app: Sphinx) -> None:
    """Register the extension's message catalog (``.po`` files compiled, when the package
    has no ``.mo`` files, into the user's cache or the build's doctree folder).

    The catalogs are named by BCP 47 tag (``uk``), so a site whose locale folder is
    ``ukr`` still gets Ukrainian UI strings; unknown codes (``hal``) fall back to English.
    """
    from sphinx import locale

    language = app.config.language or "en"
    locale.init(
        [catalog_dir(str(app.doctreedir))],
        language_tag(language).replace("-", "_"),
        MESSAGE_CATALOG,
    )
