"""Where the package's data files are: templates, static files, message catalogs."""

from __future__ import annotations

import os

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: Jinja templates of the blog's HTML (``advocacy_blog/*.html``), overridable by a site.
TEMPLATE_DIR = os.path.join(PACKAGE_DIR, "templates")
#: Sphinx templates added to ``templates_path``: the sidebars and the SEO title block.
SIDEBAR_TEMPLATE_DIR = os.path.join(TEMPLATE_DIR, "sidebars")
#: ABlog's old sidebar names (``postcard.html``...), added only for sites that use them.
LEGACY_SIDEBAR_TEMPLATE_DIR = os.path.join(TEMPLATE_DIR, "sidebars_ablog_legacy")
SEO_TEMPLATE_DIR = os.path.join(TEMPLATE_DIR, "seo")
#: CSS and the feeds' XSLT stylesheet.
STATIC_DIR = os.path.join(PACKAGE_DIR, "static")
#: ``<lang>/LC_MESSAGES/sphinx_advocacy_blog.po`` (and ``.mo`` in built packages).
LOCALE_DIR = os.path.join(PACKAGE_DIR, "locale")
#: The font of social cards (a subset of DejaVu Sans Bold, see ``fonts/README.md``).
CARD_FONT = os.path.join(PACKAGE_DIR, "fonts", "DejaVuSans-Bold-cards.ttf")
