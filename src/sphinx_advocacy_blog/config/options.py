"""The one table of configuration options: :class:`BlogSettings`.

Every option the extension reads is a field of :class:`BlogSettings`, declared once with
its default, the types ``conf.py`` may give, the sentence that documents it, when a change
needs a rebuild, a check and how the value is read (:func:`.option.option`). The table is
written in four parts, by topic (:mod:`.blog_options`, :mod:`.publishing_options`,
:mod:`.feature_options`, :mod:`.phone_options`); ``BlogSettings`` is all of them, in that
order. Sphinx registers :data:`OPTIONS` (made from the fields); the configuration reference
(``docs/configuration.md``) is rendered from the same table (``tests/test_docs.py`` builds
it and compares it with the table, and ``tests/test_options.py`` names a test that sets
each option). The rest of the extension reads one typed, frozen ``BlogSettings``.

The field of option ``blog_<x>`` is ``<x>``, unless the option names another field
(``blog_route_base_path`` fills ``route``). Fields without an option (``base_url``,
``link_suffix``...) are computed from Sphinx's own settings by :func:`.settings_from_config`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .blog_options import BlogOptions
from .feature_options import FeatureOptions
from .option import DRAFTS_ENV_VAR, Option, option, strip_slashes
from .phone_options import PhoneOptions
from .publishing_options import PublishingOptions

__all__ = ["DRAFTS_ENV_VAR", "OPTIONS", "OPTIONS_BY_NAME", "BlogSettings", "Option", "option"]
__all__ += ["strip_slashes"]


# Fields come base by base, the last base first: the blog, publishing, features, phones.
@dataclass(frozen=True)
class BlogSettings(PhoneOptions, FeatureOptions, PublishingOptions, BlogOptions):
    """The validated options, as one typed object read by the rest of the extension."""

    # -- computed from Sphinx's own settings (not options of this extension) --------------
    #: ``html_baseurl`` (else ABlog's ``blog_baseurl``) without its trailing slash.
    base_url: str = ""
    #: URL prefix of the locale being built (``""`` for the default locale, ``ru``...).
    url_prefix: str = ""
    #: ``html_link_suffix`` (``".html"``, or ``""`` for Docusaurus-style URLs).
    link_suffix: str = ".html"
    #: Sphinx's ``language`` of this build.
    language: str = "en"


def _options() -> tuple[Option, ...]:
    table = []
    for settings_field in fields(BlogSettings):
        spec = settings_field.metadata.get("option")
        if spec is None:
            continue
        name = spec["name"] or f"blog_{settings_field.name}"
        table.append(Option(**{**spec, "name": name, "setting": settings_field.name}))
    return tuple(table)


#: Every option, in the order of the configuration reference.
OPTIONS: tuple[Option, ...] = _options()
OPTIONS_BY_NAME = {entry.name: entry for entry in OPTIONS}
