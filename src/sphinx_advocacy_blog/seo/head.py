"""Head tags for search engines and social networks, and JSON-LD, on every page.

At ``html-page-context`` every page (post, generated blog page, document of the docs) gets
its description, canonical URL, hreflang alternates, Open Graph and Twitter tags and, for
posts, the blog index and author pages, JSON-LD; they are appended to the ``metatags`` that
every theme prints in ``<head>``. The theme's own canonical link is replaced by ours, so
there is exactly one. Post and blog pages get a Docusaurus-style ``<title>`` ("Post title |
Site title") through a small template that overrides the theme's ``htmltitle`` block.

The facts about a page come from :mod:`.facts`; the tags are made by pure functions in
:mod:`.tag_layers`, :mod:`.headtags`, :mod:`.headblock` and :mod:`.jsonld`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docutils import nodes
from markupsafe import Markup

from ..diagnostics import report
from ..env.records import posts_of
from ..env.site_data import get_site
from ..env.summary import first_paragraph_text
from ..model.post import HeadTag, Post
from ..model.problem import Problem
from ..model.routes import index_page
from ..model.site import BlogSite
from ..util.files import copy_to_output
from ..util.resources import SEO_TEMPLATE_DIR
from . import jsonld
from .cards import prune_cards
from .facts import (
    author_facts,
    author_image,
    author_ref,
    canonical_url,
    check_publisher,
    default_image,
    event_json_ld,
    hreflang_alternates,
    html_lang,
    post_dates,
    post_description,
    post_head_block,
    post_image_facts,
    post_json_ld,
    publisher_ref,
    site_facts,
    site_title,
)
from .headblock import ResolvedHead
from .headtags import merge_layers, render_tags, tag_key, without_keys
from .images import site_image
from .tag_layers import ImageFacts, PageFacts, config_layer, generated_layers, trim_description

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from ..pages.plan import GeneratedPage

#: Extends the page's own template and overrides its ``htmltitle`` block.
TITLE_TEMPLATE = "advocacy_blog_seo/title.html"
#: Docusaurus's ``titleDelimiter``.
TITLE_SEPARATOR = " | "


@dataclass
class PageHead:
    """What the SEO work adds to one page."""

    tags: list[HeadTag] = field(default_factory=list)
    json_ld: list[dict[str, Any]] = field(default_factory=list)
    #: The full ``<title>``, when this extension sets it (posts and blog pages).
    html_title: str = ""
    problems: list[Problem] = field(default_factory=list)
    copies: list[tuple[str, str]] = field(default_factory=list)


# -- posts -------------------------------------------------------------------------------


def post_head(app: Sphinx, site: BlogSite, post: Post) -> PageHead:
    """Every head tag of a post page."""
    published, modified = post_dates(app, post)
    title = post.title_meta or post.title
    facts = PageFacts(
        title=title,
        description=post_description(site, post),
        canonical=canonical_url(app, site, post.docname),
        og_type="article",
        image=post_image_facts(app, site, post),
        noindex=not post.listed,
        published=published,
        modified=modified,
        authors=tuple(author_facts(app, site, a) for a in site.post_authors(post)),
        tags=tuple(tag.label for tag in site.post_tags(post)),
        section=post.category,
        keywords=post.keywords,
        alternates=hreflang_alternates(app, site, post.docname),
    )
    block = post_head_block(app, site, post)
    return PageHead(
        tags=merge_layers(*generated_layers(facts, site_facts(app, site)), block.tags),
        json_ld=post_json_lds(app, site, post, block),
        html_title=block.title or f"{title}{TITLE_SEPARATOR}{site_title(app.config)}",
        problems=block.problems,
        copies=block.copies,
    )


def post_json_lds(
    app: Sphinx, site: BlogSite, post: Post, block: ResolvedHead | None = None
) -> list[dict[str, Any]]:
    """The post's ``BlogPosting`` and the ``Event`` it announces. A post typed ``Event``
    through ``schema_type`` gets the full Event in place of its own (one Event a page),
    with its ``schema`` front matter applied last. *block* is the post's resolved
    ``<head>`` block, when the caller has it."""
    posting = post_json_ld(app, site, post, block)
    event = event_json_ld(app, site, post)
    if event is None:
        return [posting]
    if post.schema_type == "Event":
        schema = dict(post.extra).get("schema")
        if isinstance(schema, dict):
            event.update((str(k), v) for k, v in schema.items() if k != "@context")
        return [event]
    return [posting, event]


# -- generated blog pages ----------------------------------------------------------------


def _generated_description(site: BlogSite, page: GeneratedPage) -> str:
    data = page.data
    text = ""
    if page.kind == "index":
        text = str(data.get("description") or "")
    elif page.kind == "tag":
        text = data["tag"].description
    elif page.kind == "author":
        text = data["author"].description or data["author"].title
    return trim_description(text or site.settings.description, site.settings.description_length)


def generated_head(app: Sphinx, site: BlogSite, page: GeneratedPage) -> PageHead:
    """Every head tag of a generated blog page (index, tag, author, archive...)."""
    canonical = canonical_url(app, site, page.name)
    image = None
    if page.kind == "author":
        author = page.data["author"]
        image_url = author_image(site, author)
        image = ImageFacts(image_url, alt=author.name) if image_url else None
    facts = PageFacts(
        title=page.title,
        description=_generated_description(site, page),
        canonical=canonical,
        og_type="profile" if page.kind == "author" else "website",
        image=image,
        alternates=hreflang_alternates(app, site, page.name),
    )
    language = html_lang(app, site)
    json_ld: list[dict[str, Any]] = []
    if page.kind == "index":
        json_ld.append(
            jsonld.blog(
                url=canonical,
                name=page.title,
                description=facts.description,
                language=language,
                posts=[post_json_ld(app, site, post) for post in page.posts],
                publisher=publisher_ref(app, site),
            )
        )
    elif page.kind == "author":
        json_ld.append(
            jsonld.profile_page(
                url=canonical,
                name=page.title,
                person=author_ref(app, site, page.data["author"]),
                language=language,
                blog_url=canonical_url(app, site, index_page(site)),
                blog_name=site.settings.title,
            )
        )
    return PageHead(
        tags=merge_layers(*generated_layers(facts, site_facts(app, site))),
        json_ld=json_ld,
        html_title=f"{page.title}{TITLE_SEPARATOR}{site_title(app.config)}",
    )


# -- documents and Sphinx's own pages ----------------------------------------------------


def document_meta(doctree: nodes.Node | None) -> list[HeadTag]:
    """The ``<meta>`` tags a document declares itself (MyST ``html_meta``, ``.. meta::``);
    Sphinx prints them already."""
    if doctree is None:
        return []
    return [
        HeadTag("meta", tuple((str(k), str(v)) for k, v in node.non_default_attributes().items()))
        for node in doctree.findall(nodes.meta)
    ]


def document_head(
    app: Sphinx, site: BlogSite, pagename: str, context: dict[str, Any], doctree: Any
) -> PageHead:
    """Every head tag of a page of the docs, or of a page such as the search page."""
    env = app.env
    declared = document_meta(doctree)
    description = next(
        (
            tag.attribute("content") or ""
            for tag in declared
            if tag_key(tag) == ("meta", "description")
        ),
        "",
    )
    if not description:
        metadata = env.metadata.get(pagename, {})
        text = metadata.get("description") if isinstance(metadata, dict) else None
        if isinstance(text, str) and text.strip():
            description = " ".join(text.split())
        elif doctree is not None:
            description = trim_description(
                first_paragraph_text(doctree), site.settings.description_length
            )
    title_node = env.titles.get(pagename)
    if title_node is not None:
        title = title_node.astext()
    else:
        # Sphinx's own pages (search, genindex) carry their title as HTML.
        title = Markup(context.get("title") or "").striptags()  # noqa: S704 - tags are removed
    facts = PageFacts(
        title=title or site_title(app.config),
        description=description,
        canonical=canonical_url(app, site, pagename),
        alternates=hreflang_alternates(app, site, pagename),
    )
    return PageHead(tags=merge_layers(*generated_layers(facts, site_facts(app, site))))


# -- events ------------------------------------------------------------------------------


def _writes_web_pages(app: Sphinx) -> bool:
    return app.builder.format == "html" and app.builder.name != "epub"


def page_head(app: Sphinx, pagename: str, context: dict[str, Any], doctree: Any) -> PageHead:
    """What this extension adds to the ``<head>`` of page *pagename*."""
    site = get_site(app)
    post = posts_of(app.env).get(pagename)
    generated = context.get("advocacy_blog_page")
    if post is not None:
        head = post_head(app, site, post)
    elif generated is not None:
        head = generated_head(app, site, generated)
    else:
        head = document_head(app, site, pagename, context, doctree)
    # Tags the document declares itself are printed by Sphinx; one of each is enough.
    head.tags = without_keys(head.tags, [tag_key(tag) for tag in document_meta(doctree)])
    return head


def _site_meta_only(app: Sphinx) -> list[HeadTag]:
    return merge_layers(config_layer(site_facts(app, get_site(app))))


def _copy(app: Sphinx, source: str, target: str) -> None:
    """Copy *source* (below the source folder) to *target* (below the output folder)."""
    copy_to_output(os.path.join(app.srcdir, source), str(app.outdir), target)


def _on_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> str | None:
    if not _writes_web_pages(app):
        return None
    site = get_site(app)
    if not site.settings.seo:
        tags = without_keys(_site_meta_only(app), [tag_key(t) for t in document_meta(doctree)])
        context["metatags"] = (context.get("metatags") or "") + str(render_tags(tags))
        return None
    head = page_head(app, pagename, context, doctree)
    report(app, head.problems)
    for source, target in head.copies:
        _copy(app, source, target)
    html = render_tags(head.tags) + Markup("").join(jsonld.script_tag(d) for d in head.json_ld)
    context["metatags"] = (context.get("metatags") or "") + str(html)
    if any(tag_key(tag)[:2] == ("link", "canonical") for tag in head.tags):
        # The theme prints ``pageurl`` as a canonical link; ours replaces it.
        context["pageurl"] = None
    if head.html_title:
        context["advocacy_blog_seo_title"] = head.html_title
        context["advocacy_blog_seo_base"] = templatename
        return TITLE_TEMPLATE
    return None


def _copy_site_images(app: Sphinx) -> None:
    site = get_site(app)
    publisher_logo = str(site.settings.publisher.get("logo") or "")
    for value in (site.settings.default_image, publisher_logo):
        image = site_image(str(app.srcdir), site.settings.static_dirs, value)
        if image is not None and image.copy_to and image.source:
            _copy(app, os.path.relpath(image.source, app.srcdir), image.copy_to)


def _on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or not _writes_web_pages(app) or app.builder.name == "singlehtml":
        return
    _copy_site_images(app)
    prune_cards(app, get_site(app), posts_of(app.env))


def _on_builder_inited(app: Sphinx) -> None:
    if not _writes_web_pages(app):
        return
    site = get_site(app)
    problems = check_publisher(site.settings.publisher)
    if site.settings.default_image and default_image(app, site) is None:
        problems.append(
            Problem(
                "seo",
                f"blog_default_image {site.settings.default_image!r} is neither a URL nor a "
                "file in the static folders or the source directory",
            )
        )
    report(app, problems)


def _add_template_dir(app: Sphinx, config: Config) -> None:
    if SEO_TEMPLATE_DIR not in config.templates_path:
        config.templates_path = [*config.templates_path, SEO_TEMPLATE_DIR]


def setup_head(app: Sphinx) -> None:
    """Connect head tags and JSON-LD; check the site-wide SEO options at start."""
    app.connect("config-inited", _add_template_dir, priority=800)
    app.connect("builder-inited", _on_builder_inited, priority=600)
    app.connect("html-page-context", _on_page_context, priority=600)
    app.connect("build-finished", _on_build_finished)
