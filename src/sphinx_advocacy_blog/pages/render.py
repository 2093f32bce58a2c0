"""Render the extension's HTML from Jinja templates, always with autoescaping.

Templates live in ``templates/advocacy_blog/`` and can be overridden by a file of the same
name in the project's ``templates_path``. Every template receives *views*: plain dicts of
already-computed, display-ready values (see :mod:`.views`), never raw markup.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    Template,
    select_autoescape,
)
from markupsafe import Markup

from ..i18n import translate as i18n
from ..util.resources import SIDEBAR_TEMPLATE_DIR, TEMPLATE_DIR

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_ENVIRONMENTS: WeakKeyDictionary[Sphinx, Environment] = WeakKeyDictionary()


def _cache_folder(app: Sphinx, name: str = "advocacy_blog_templates") -> str:
    folder = os.path.join(app.doctreedir, name)
    os.makedirs(folder, exist_ok=True)
    return folder


#: Beside the doctrees: the theme's templates compiled by earlier builds.
THEME_CACHE = "advocacy_blog_theme_templates"


def _cache_theme_templates(app: Sphinx) -> None:
    """Keep the theme's compiled templates between builds, as ours are.

    Sphinx compiles every template of the theme (``layout.html``, ``page.html``, the
    sidebars...) again in each build: 13 templates, a tenth of a second of a build that
    changes nothing. Jinja's bytecode cache keys each by its source, so a changed template
    is compiled anew.

    Nor are the theme's files looked at again for every page: Jinja's ``auto_reload`` asks
    each template of a page's chain whether its file changed (a ``stat`` each, ~11 per
    page), but a build reads them once (as ``sphinx-autobuild`` starts a build anew).
    """
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if isinstance(environment, Environment) and environment.bytecode_cache is None:
        environment.bytecode_cache = FileSystemBytecodeCache(_cache_folder(app, THEME_CACHE))
        environment.auto_reload = False


def setup_render(app: Sphinx) -> None:
    """Cache the theme's compiled templates beside the doctrees."""
    app.connect("builder-inited", _cache_theme_templates)


def template_environment(app: Sphinx) -> Environment:
    """The autoescaping Jinja environment of this build (user templates first)."""
    environment = _ENVIRONMENTS.get(app)
    if environment is None:
        # The sidebar templates (added to templates_path for Sphinx) are not ours to render.
        search = [
            os.path.join(app.confdir, path)
            for path in app.config.templates_path
            if os.path.join(app.confdir, path) != SIDEBAR_TEMPLATE_DIR
        ]
        environment = Environment(
            loader=FileSystemLoader([*search, TEMPLATE_DIR]),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            # One environment per build: templates do not change while it runs, so no
            # file is checked again each time a template is used.
            auto_reload=False,
            # Compiled templates are kept between builds beside the doctrees (keyed by the
            # template's source, written atomically): a build compiles only what changed.
            bytecode_cache=FileSystemBytecodeCache(_cache_folder(app)),
        )
        environment.add_extension("jinja2.ext.i18n")
        environment.install_gettext_callables(  # type: ignore[attr-defined]
            gettext=i18n._, ngettext=i18n.ngettext, newstyle=True
        )
        _ENVIRONMENTS[app] = environment
    return environment


_TEMPLATES: WeakKeyDictionary[Environment, dict[str, Template]] = WeakKeyDictionary()


def is_bundled(app: Sphinx, *names: str) -> bool:
    """Whether the templates ``advocacy_blog/<name>`` are the extension's own (no file of
    the project's ``templates_path`` stands in for any of them)."""
    environment = template_environment(app)
    bundled = os.path.join(TEMPLATE_DIR, "")
    return all(
        (environment.get_template(f"advocacy_blog/{name}").filename or "").startswith(bundled)
        for name in names
    )


def render(app: Sphinx, name: str, **context: Any) -> Markup:
    """Render ``advocacy_blog/<name>`` to safe markup."""
    environment = template_environment(app)
    # Each template is looked up once per build (a post page renders two, a list page
    # one per post): Jinja's own lookup checks its cache key and the loader every time.
    templates = _TEMPLATES.setdefault(environment, {})
    template = templates.get(name)
    if template is None:
        template = templates[name] = environment.get_template(f"advocacy_blog/{name}")
    return Markup(template.render(**context))  # noqa: S704 - the template autoescapes
