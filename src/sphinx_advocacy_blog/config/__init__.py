"""Configuration: the option table, its checks and the typed settings read from ``conf.py``.

Holds :mod:`.options` (every option, once, as a field of ``BlogSettings``) and
:mod:`.checks`. Imports only :mod:`..util` and Sphinx's config API; every other layer may
import it. A bad value stops the build at ``config-inited`` with an error naming the option.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sphinx.errors import ConfigError

from ..util.globs import normalize_patterns
from .options import DRAFTS_ENV_VAR, OPTIONS, OPTIONS_BY_NAME, BlogSettings, Option

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = [
    "DRAFTS_ENV_VAR",
    "OPTIONS",
    "OPTIONS_BY_NAME",
    "BlogSettings",
    "Option",
    "conf_language",
    "is_ablog_project",
    "settings_from_config",
    "setup_config",
    "site_default_locale",
    "validate_config",
]


def site_default_locale(configured: object, conf_language: object) -> str:
    """The locale at the site root: ``blog_default_locale``, else the ``language`` of
    ``conf.py``, else ``en``. The ``build`` command (which reads ``conf.py`` itself) and
    every single build compute it here, so they agree."""
    return str(configured or conf_language or "en")


def conf_language(config: Config) -> str | None:
    """The ``language`` written in ``conf.py``: not a ``-D language=`` override, which is
    how the ``build`` command builds each locale."""
    raw = getattr(config, "_raw_config", None)
    if isinstance(raw, dict):
        value = raw.get("language")
        return str(value) if value else None
    return config.language or None


def settings_from_config(config: Config) -> BlogSettings:
    """Build the typed settings from a Sphinx config (after :func:`validate_config`)."""
    values = {}
    for entry in OPTIONS:
        value = getattr(config, entry.name)
        values[entry.setting] = entry.read(value) if entry.read is not None else value
    settings = BlogSettings(**values)
    drafts_env = os.environ.get(DRAFTS_ENV_VAR, "").strip().lower() in ("1", "true", "yes")
    suffix = config.html_link_suffix
    if suffix is None:
        suffix = config.html_file_suffix or ".html"
    return replace(
        settings,
        include_drafts=settings.include_drafts or drafts_env,
        base_url=(config.html_baseurl or settings.ablog_baseurl or "").rstrip("/"),
        url_prefix="",
        link_suffix=suffix,
        language=config.language or "en",
        default_locale=site_default_locale(settings.default_locale, conf_language(config)),
    )


#: Options only an ABlog ``conf.py`` sets: not options of this extension (ABlog's
#: ``post_date_format``, ``post_auto_excerpt``... are, and any site may use them).
ABLOG_ONLY_OPTIONS = frozenset(
    {
        "post_auto_orphan",
        "post_redirect_refresh",
        "post_always_section",
        "blog_feed_archives",
        "blog_feed_fulltext",
        "blog_feed_subtitle",
        "blog_feed_titles",
        "blog_feed_templates",
        "blog_archive_titles",
        "disqus_shortname",
        "disqus_pages",
        "disqus_drafts",
        "fontawesome_included",
        "fontawesome_link_cdn",
        "fontawesome_css_file",
        "skip_injecting_base_ablog_templates",
    }
)


def conf_values(config: Any) -> dict[str, Any]:
    """What ``conf.py`` (and ``-D`` overrides) set, by name."""
    values = dict(getattr(config, "_raw_config", {}) or {})
    values.update(getattr(config, "_overrides", {}) or {})
    return values


#: :func:`is_ablog_project`'s answer for each configuration of the process.
_ABLOG_PROJECTS: WeakKeyDictionary[Any, bool] = WeakKeyDictionary()


def is_ablog_project(srcdir: str, config: Any) -> bool:
    """Whether ``conf.py`` reads like ABlog's: a post pattern; ``blog_path`` no folder,
    or a folder of reST files without Markdown posts (ABlog writes its pages there, sites
    keep a placeholder); ABlog's own options; ``blog_authors`` as ``(name, url)`` tuples.

    Decided once per configuration, at ``config-inited`` (before ABlog's author tuples are
    converted), so the route, discovery and every ``postlist`` agree."""
    known = _ABLOG_PROJECTS.get(config)
    if known is None:
        known = _ABLOG_PROJECTS[config] = _reads_like_ablog(srcdir, config)
    return known


def _reads_like_ablog(srcdir: str, config: Any) -> bool:
    if normalize_patterns(getattr(config, "blog_post_pattern", ())):
        return True
    folder = os.path.join(srcdir, str(getattr(config, "blog_path", "blog")).strip("/"))
    if folder == srcdir or not os.path.isdir(folder):
        return folder != srcdir
    authors = getattr(config, "blog_authors", None)
    if isinstance(authors, dict) and any(isinstance(v, (tuple, list)) for v in authors.values()):
        return True
    if ABLOG_ONLY_OPTIONS & conf_values(config).keys():
        return True
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return False
    # reST files and no Markdown post with front matter: ABlog's folder with a placeholder
    # (a Docusaurus blog may hold a reST post among its Markdown ones).
    return any(name.endswith(".rst") for name in names) and not any(
        name.endswith((".md", ".mdx")) and _starts_with_front_matter(os.path.join(folder, name))
        for name in names
    )


def _starts_with_front_matter(path: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.readline().strip() in ("---", "+++")
    except OSError:
        return False


def validate_config(app: Sphinx | None, config: Config) -> None:
    """Check every option once; raise :class:`ConfigError` naming the first bad one."""
    for entry in OPTIONS:
        value = getattr(config, entry.name)
        if not isinstance(value, entry.types) or (
            entry.types == (int,) and isinstance(value, bool)
        ):
            expected = " or ".join(t.__name__ for t in entry.types)
            raise ConfigError(
                f"sphinx-advocacy-blog: the option {entry.name!r} must be of type "
                f"{expected}, not {type(value).__name__} ({value!r})."
            )
        if entry.check is not None and (problem := entry.check(value)) is not None:
            raise ConfigError(
                f"sphinx-advocacy-blog: the option {entry.name!r} {problem} (got {value!r})."
            )


def setup_config(app: Sphinx) -> None:
    """Register every option of :data:`OPTIONS` with Sphinx and validate them at start."""
    for entry in OPTIONS:
        app.add_config_value(
            entry.name,
            entry.default,
            entry.rebuild,  # type: ignore[arg-type]
            entry.types,
        )
    app.connect("config-inited", validate_config, priority=100)
