"""Head tags for search engines and social networks (filled in by the SEO work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_seo(app: Sphinx) -> None:
    """Connect head tags, JSON-LD, sitemap and robots.txt."""
