"""One locale of the site: its code, label, URL prefix and language tag."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LocaleInfo:
    """One locale of the site."""

    #: The folder name and Sphinx ``language`` value (``ru``, ``ukr``, ``hal``).
    code: str
    #: Its name in its own language, for the language switcher.
    label: str
    #: URL prefix, ``""`` for the default locale (published at the site root).
    prefix: str
    #: BCP 47 tag for ``<html lang>``, hreflang and og:locale (``ukr`` -> ``uk``).
    html_lang: str

    @property
    def og_locale(self) -> str:
        """``ru_RU``-style tag for og:locale (``en`` -> ``en``, ``pt-BR`` -> ``pt_BR``)."""
        return self.html_lang.replace("-", "_")
