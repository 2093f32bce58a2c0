"""The archive: posts by named group, then by year and month (page and directive)."""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..env.site_data import get_site
from ..i18n import translate as i18n
from ..model.catalog import archive_sections
from ..model.post import Post
from ..model.routes import group_page, series_page
from .links import link, post_link
from .plan import archive_fields
from .render import render

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def render_archive(app: Sphinx, pagename: str, posts: list[Post], level: int = 2) -> Markup:
    """The archive body for *posts*: named groups, then year and month sections.

    *level* is the heading level of a year (months are one below).
    """
    site = get_site(app)
    language = app.config.language or "en"
    builder = app.builder

    def short(post: Post) -> dict[str, Any]:
        # Only these fields: the archive page is written again when one of them changes.
        title, published, group, series, _where = archive_fields(post)
        return {
            "title": title,
            "url": post_link(builder, pagename, post),
            "date_iso": published.date().isoformat(),
            "date_text": i18n.display_date(published, language, site.settings.date_format),
            "group": group,
            "series": series,
            "series_url": link(builder, pagename, series_page(site, series)) if series else "",
        }

    groups: dict[str, list[Post]] = {}
    for post in posts:
        if post.group:
            groups.setdefault(post.group, []).append(post)
    locale = i18n.babel_locale(language)
    years = [
        {
            "year": year,
            "months": [
                {
                    "label": locale.months["stand-alone"]["wide"].get(
                        month, calendar.month_name[month]
                    ),
                    "posts": [short(post) for post in month_posts],
                }
                for month, month_posts in months
            ],
        }
        for year, months in archive_sections(posts)
    ]
    group_views = [
        {
            "label": label,
            "url": link(builder, pagename, group_page(site, label)),
            "posts": [short(post) for post in group_posts],
        }
        for label, group_posts in sorted(groups.items())
    ]
    return render(app, "archive.html", years=years, groups=group_views, level=min(level, 5))
