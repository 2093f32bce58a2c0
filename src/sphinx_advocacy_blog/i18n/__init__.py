"""Translated UI strings, localized dates and the site's locales.

:mod:`.translate` (the ``sphinx_advocacy_blog`` message catalog, Babel dates),
:mod:`.message_catalogs` (``.po`` -> ``.mo``) and :mod:`.locales` (which locales the site
has, their URL prefixes, a page's alternates). May import :mod:`..model` and :mod:`..util`.
"""
