"""Render the extension's HTML from Jinja templates, always with autoescaping.

Templates live in ``templates/advocacy_blog/`` and can be overridden by a file of the same
name in the project's ``templates_path``. Every template receives *views*: plain dicts of
already-computed, display-ready values (see :func:`post_view`), never raw markup.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import i18n
from .links import link, link_to_file, media_path
from .site import BlogSite
from .sources.urls import is_absolute_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .post import Author, Post, Tag

TEMPLATE_DIR = os.path.join(os.path.dirname(__file__), "templates")
_ENVIRONMENTS: WeakKeyDictionary[Sphinx, Environment] = WeakKeyDictionary()


def template_environment(app: Sphinx) -> Environment:
    """The autoescaping Jinja environment of this build (user templates first)."""
    environment = _ENVIRONMENTS.get(app)
    if environment is None:
        # The sidebar templates (added to templates_path for Sphinx) are not ours to render.
        sidebars = os.path.join(TEMPLATE_DIR, "sidebars")
        search = [
            os.path.join(app.confdir, path)
            for path in app.config.templates_path
            if os.path.join(app.confdir, path) != sidebars
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
        )
        environment.add_extension("jinja2.ext.i18n")
        environment.install_gettext_callables(  # type: ignore[attr-defined]
            gettext=i18n._, ngettext=i18n.ngettext, newstyle=True
        )
        _ENVIRONMENTS[app] = environment
    return environment


def render(app: Sphinx, name: str, **context: Any) -> Markup:
    """Render ``advocacy_blog/<name>`` to safe markup."""
    template = template_environment(app).get_template(f"advocacy_blog/{name}")
    return Markup(template.render(**context))  # noqa: S704 - the template autoescapes


def initials(name: str) -> str:
    """Up to two initials for an avatar placeholder."""
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


def image_link(
    builder: Builder, site: BlogSite, from_page: str, image: str, *, remote_ok: bool
) -> str:
    """A usable ``src`` for an image given as URL, static ``/path`` or srcdir path."""
    if not image:
        return ""
    if is_absolute_url(image):
        return image if remote_ok else ""
    if image.startswith("/"):
        return link_to_file(builder, from_page, image)
    return link_to_file(builder, from_page, media_path(site.settings, image))


def author_view(builder: Builder, site: BlogSite, from_page: str, author: Author) -> dict[str, Any]:
    """Display values of an author."""
    from .pages import author_page

    page = author_page(site, author)
    avatar = image_link(
        builder, site, from_page, author.image_url, remote_ok=site.settings.remote_media
    )
    return {
        "key": author.key,
        "name": author.name,
        "title": author.title,
        "url": author.url,
        "page_url": link(builder, from_page, page) if page else "",
        "avatar": avatar,
        "initials": initials(author.name),
        "description": author.description,
        "socials": [{"network": network, "url": url} for network, url in author.socials],
        "email": author.email,
    }


def tag_view(builder: Builder, site: BlogSite, from_page: str, tag: Tag) -> dict[str, Any]:
    """Display values of a tag."""
    from .pages import tag_page

    return {
        "label": tag.label,
        "url": link(builder, from_page, tag_page(site, tag)),
        "description": tag.description,
        "permalink": tag.permalink,
    }


def post_view(
    builder: Builder, site: BlogSite, from_page: str, post: Post, language: str
) -> dict[str, Any]:
    """Display values of a post as seen from page *from_page*."""
    from .pages import category_page, group_page

    settings = site.settings
    return {
        "docname": post.docname,
        "title": post.title,
        "label": post.sidebar_label or post.title,
        "url": link(builder, from_page, post.docname),
        "date_iso": post.published.isoformat()
        if post.has_time
        else post.published.date().isoformat(),
        "date_text": i18n.display_date(post.published, language, settings.date_format),
        "year": post.published.year,
        "reading_time": i18n.reading_time_text(post.reading_minutes)
        if settings.show_reading_time
        else "",
        "authors": [
            author_view(builder, site, from_page, author) for author in site.post_authors(post)
        ],
        "tags": [tag_view(builder, site, from_page, tag) for tag in site.post_tags(post)],
        "category": post.category,
        "category_url": link(builder, from_page, category_page(site, post.category))
        if post.category
        else "",
        "group": post.group,
        "group_url": link(builder, from_page, group_page(site, post.group)) if post.group else "",
        "image": image_link(builder, site, from_page, post.image, remote_ok=settings.remote_media),
        "image_alt": post.title,
        "description": post.description or post.summary,
        "pinned": post.pinned,
        "unlisted": post.unlisted,
        "draft": post.draft,
    }
