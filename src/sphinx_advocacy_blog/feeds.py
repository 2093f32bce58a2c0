"""Atom, RSS 2.0 and JSON Feed (filled in by the feeds work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_feeds(app: Sphinx) -> None:
    """Write the feeds and their autodiscovery links."""
