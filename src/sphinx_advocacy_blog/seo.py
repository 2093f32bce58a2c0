"""Head tags for search engines and social networks, JSON-LD, the sitemap and robots.txt.

At ``html-page-context`` every page (post, generated blog page, document of the docs) gets
its description, canonical URL, hreflang alternates, Open Graph and Twitter tags and, for
posts, the blog index and author pages, JSON-LD; they are appended to the ``metatags`` that
every theme prints in ``<head>``. The theme's own canonical link is replaced by ours, so
there is exactly one. Post and blog pages get a Docusaurus-style ``<title>`` ("Post title |
Site title") through a small template that overrides the theme's ``htmltitle`` block.

The facts about a page are gathered here; the tags are made by pure functions in
:mod:`seotags`, :mod:`headtags`, :mod:`headblock` and :mod:`jsonld`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from docutils import nodes
from markupsafe import Markup
from sphinx.util import logging

from . import jsonld
from .collector import first_paragraph_text
from .diagnostics import report
from .gitdates import file_date, forget_histories, history_of, post_modified, source_histories
from .headblock import ResolvedHead, Resolver, resolve_head_block
from .headtags import merge_layers, render_tags, tag_key, without_keys
from .i18n import language_tag
from .links import absolute, absolute_page_url, link_to_file, media_path, public_uri
from .locales import alternates
from .outputstate import is_current, remember
from .post import Author, HeadTag, Post, Problem
from .robots import is_noindex, setup_robots
from .seotags import (
    AuthorFacts,
    ImageFacts,
    PageFacts,
    SiteFacts,
    config_layer,
    generated_layers,
    trim_description,
    twitter_handle,
)
from .site import BlogSite, get_site
from .sitemap import (
    NOT_CONTENT,
    ROBOTS_FILE,
    SITEMAP_FILE,
    SitemapEntry,
    at_host_root,
    project_has_robots,
    render_robots,
    render_sitemap,
    write_file,
)
from .socialimages import PublishedImage, image_size, post_image, site_image
from .sources.urls import is_absolute_url, safe_url
from .state import get_catalog
from .store import posts_of, robots_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from .pages import GeneratedPage

logger = logging.getLogger("sphinx_advocacy_blog")

#: Folder added to ``templates_path`` for :data:`TITLE_TEMPLATE`.
TEMPLATE_DIR = os.path.join(os.path.dirname(__file__), "templates", "seo")
#: Extends the page's own template and overrides its ``htmltitle`` block.
TITLE_TEMPLATE = "advocacy_blog_seo/title.html"
#: Docusaurus's ``titleDelimiter``.
TITLE_SEPARATOR = " | "
#: Social networks whose profile gives ``twitter:creator``.
TWITTER_NETWORKS = ("x", "twitter")


@dataclass
class PageHead:
    """What the SEO work adds to one page."""

    tags: list[HeadTag] = field(default_factory=list)
    json_ld: list[dict[str, Any]] = field(default_factory=list)
    #: The full ``<title>``, when this extension sets it (posts and blog pages).
    html_title: str = ""
    problems: list[Problem] = field(default_factory=list)
    copies: list[tuple[str, str]] = field(default_factory=list)


# -- site-wide facts ---------------------------------------------------------------------


def site_title(config: Config) -> str:
    """The site's name for titles and ``og:site_name``: ``html_title`` when the project set
    one, else ``project`` (Sphinx's default "<project> documentation" suits no blog)."""
    # Sphinx's own catalog (not this extension's) translates its default title.
    from sphinx.locale import _ as sphinx_gettext

    default = sphinx_gettext("%s %s documentation") % (config.project, config.release)
    title = " ".join(str(config.html_title or "").split())
    if not title or title == " ".join(default.split()):
        return str(config.project)
    return title


def _twitter_site(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    return twitter_handle(value) if "/" in value else "@" + value.lstrip("@")


def _published_url(site: BlogSite, image: PublishedImage | None) -> str:
    """Absolute URL of a published image (``""`` when it cannot be absolute)."""
    if image is None:
        return ""
    if is_absolute_url(image.location):
        return image.location if safe_url(image.location) else ""
    if not site.settings.base_url:
        return ""
    return absolute(site.settings, image.location)


def _image_facts(site: BlogSite, image: PublishedImage | None, alt: str = "") -> ImageFacts | None:
    url = _published_url(site, image)
    if not url or image is None:
        return None
    size = image_size(image.source)
    return ImageFacts(
        url=url, width=size[0] if size else None, height=size[1] if size else None, alt=alt
    )


def _json_image(facts: ImageFacts | None, caption: str = "") -> jsonld.ImageRef | None:
    if facts is None:
        return None
    return jsonld.ImageRef(facts.url, facts.width, facts.height, caption or facts.alt)


def _default_image(app: Sphinx, site: BlogSite) -> PublishedImage | None:
    return site_image(str(app.srcdir), site.settings.static_dirs, site.settings.default_image)


_SITE_FACTS: WeakKeyDictionary[Sphinx, tuple[BlogSite, SiteFacts]] = WeakKeyDictionary()


def site_facts(app: Sphinx, site: BlogSite) -> SiteFacts:
    """What every page of this build shares (computed once per build and site data)."""
    known = _SITE_FACTS.get(app)
    if known is not None and known[0] is site:
        return known[1]
    settings = site.settings
    locale = site.locale
    facts = SiteFacts(
        site_name=site_title(app.config),
        locale=locale.og_locale if locale else language_tag(settings.language).replace("-", "_"),
        other_locales=tuple(
            info.og_locale for info in site.locales if locale is None or info.code != locale.code
        ),
        twitter_site=_twitter_site(settings.twitter_site),
        default_image=_image_facts(site, _default_image(app, site)),
        head_meta=tuple((str(k), str(v)) for k, v in settings.head_meta.items()),
    )
    _SITE_FACTS[app] = (site, facts)
    return facts


def _html_lang(app: Sphinx, site: BlogSite) -> str:
    return site.locale.html_lang if site.locale else language_tag(app.config.language or "en")


def publisher_ref(app: Sphinx, site: BlogSite) -> jsonld.AgentRef | None:
    """``blog_publisher`` as a JSON-LD Organization (None when it is not configured)."""
    publisher = site.settings.publisher
    name = str(publisher.get("name") or "").strip()
    if not name:
        return None
    logo = site_image(str(app.srcdir), site.settings.static_dirs, str(publisher.get("logo") or ""))
    url = safe_url(str(publisher.get("url") or "")) or ""
    return jsonld.AgentRef(
        name=name,
        url=url,
        organization=True,
        logo=_json_image(_image_facts(site, logo)),
        same_as=tuple(str(u) for u in publisher.get("same_as", ()) if safe_url(str(u))),
    )


def check_publisher(publisher: Mapping[str, Any]) -> list[Problem]:
    """Problems with ``blog_publisher`` (unknown keys, wrong kinds)."""
    known = {"name", "url", "logo", "organizations", "same_as"}
    problems = []
    for key, value in publisher.items():
        if key not in known:
            problems.append(
                Problem("config", f"blog_publisher: unknown key {key!r} (known: {sorted(known)})")
            )
        elif key in ("organizations", "same_as"):
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                problems.append(
                    Problem("config", f"blog_publisher: {key!r} must be a list of strings")
                )
        elif not isinstance(value, str):
            problems.append(Problem("config", f"blog_publisher: {key!r} must be a string"))
    if publisher and not publisher.get("name"):
        problems.append(Problem("config", "blog_publisher needs a 'name'"))
    return problems


# -- addresses ---------------------------------------------------------------------------


def canonical_url(app: Sphinx, site: BlogSite, pagename: str) -> str:
    """The page's absolute canonical URL (``""`` without ``html_baseurl``)."""
    if not site.settings.base_url:
        return ""
    return absolute_page_url(app.builder, site.settings, pagename)


def hreflang_alternates(app: Sphinx, site: BlogSite, pagename: str) -> tuple[tuple[str, str], ...]:
    """``(hreflang, URL)`` of the page in every locale plus ``x-default`` (the default
    locale); empty for a site with one locale or without ``html_baseurl``."""
    if len(site.locales) < 2 or site.locale is None or not site.settings.base_url:
        return ()
    versions = alternates(
        site.locales, site.locale, public_uri(app.builder, pagename), site.settings.base_url
    )
    pairs = [(version.locale.html_lang, version.url) for version in versions]
    default = next(
        (version.url for version in versions if not version.locale.prefix), versions[0].url
    )
    return (*pairs, ("x-default", default))


# -- authors -----------------------------------------------------------------------------


def _author_page_url(app: Sphinx, site: BlogSite, author: Author) -> str:
    from .pages import author_page

    page = author_page(site, author)
    if page is None or (author.inline and author.key not in site.authors):
        return ""
    return canonical_url(app, site, page)


def _author_image(site: BlogSite, author: Author) -> str:
    image = author.image_url
    if not image or image.startswith("data:"):
        return ""
    if is_absolute_url(image):
        return image
    if image.startswith("/") and site.settings.base_url:
        return absolute(site.settings, image)
    return ""


def _is_organization(site: BlogSite, author: Author) -> bool:
    publisher = site.settings.publisher
    keys = publisher.get("organizations") or ()
    name = str(publisher.get("name") or "").casefold()
    return author.key in keys or (bool(name) and author.name.casefold() == name)


def author_ref(app: Sphinx, site: BlogSite, author: Author) -> jsonld.AgentRef:
    """An author for JSON-LD: Person, or Organization for the publisher's own accounts."""
    page_url = _author_page_url(app, site, author)
    return jsonld.AgentRef(
        name=author.name,
        url=author.url or page_url,
        organization=_is_organization(site, author),
        image=_author_image(site, author),
        description=author.description,
        job_title=author.title,
        same_as=tuple(url for _network, url in author.socials if url.startswith("http")),
    )


def author_facts(app: Sphinx, site: BlogSite, author: Author) -> AuthorFacts:
    """An author for head tags."""
    twitter = next(
        (twitter_handle(url) for network, url in author.socials if network in TWITTER_NETWORKS),
        "",
    )
    return AuthorFacts(
        name=author.name, url=author.url or _author_page_url(app, site, author), twitter=twitter
    )


# -- posts -------------------------------------------------------------------------------


def _extra(post: Post, key: str) -> Any:
    return dict(post.extra).get(key)


def post_image_facts(app: Sphinx, site: BlogSite, post: Post) -> ImageFacts | None:
    """The post's own social image."""
    if not post.image:
        return None
    published = post_image(
        str(app.srcdir),
        site.settings.static_dirs,
        post.image,
        media_path(site.settings, post.image),
    )
    alt = _extra(post, "image_alt")
    return _image_facts(site, published, alt if isinstance(alt, str) and alt else post.title)


def post_dates(app: Sphinx, post: Post) -> tuple[datetime, datetime | None]:
    """``(published, modified)``: modified from ``last_update`` or a later git commit."""
    history = history_of(app, os.path.join(app.srcdir, post.source_path))
    committed = history.changed_after_added if history is not None else None
    return post.published, post_modified(post, committed)


def post_description(site: BlogSite, post: Post) -> str:
    """Front matter ``description``, else the first paragraph cut at a word boundary."""
    if post.description:
        return " ".join(post.description.split())
    return trim_description(post.summary, site.settings.description_length)


def post_json_ld(app: Sphinx, site: BlogSite, post: Post) -> dict[str, Any]:
    """The post's ``BlogPosting`` (or its chosen type)."""
    from .pages import index_page

    published, modified = post_dates(app, post)
    image = post_image_facts(app, site, post)
    tags = [tag.label for tag in site.post_tags(post)]
    schema = _extra(post, "schema")
    return jsonld.blog_posting(
        schema_type=post.schema_type,
        url=canonical_url(app, site, post.docname),
        headline=post.title,
        description=post_description(site, post),
        published=published,
        modified=modified,
        authors=[author_ref(app, site, author) for author in site.post_authors(post)],
        image=_json_image(image),
        keywords=[*post.keywords, *tags],
        language=_html_lang(app, site),
        blog_url=canonical_url(app, site, index_page(site)),
        blog_name=site.settings.title,
        publisher=publisher_ref(app, site),
        extra=schema if isinstance(schema, Mapping) else None,
    )


def _head_resolver(app: Sphinx, site: BlogSite, post: Post, canonical: str) -> Resolver:
    from .discovery import is_post, post_source

    sources = [post.source_path]
    if is_post(app.env, post.docname) and post_source(app.env, post.docname) not in sources:
        sources.append(post_source(app.env, post.docname))
    srcdir = str(app.srcdir)
    settings = site.settings
    return Resolver(
        source_paths=tuple(sources),
        canonical=canonical,
        file_exists=lambda path: os.path.isfile(os.path.join(srcdir, path)),
        published_path=lambda path: media_path(settings, path),
        absolute=lambda path: absolute(settings, path),
        relative=lambda path: link_to_file(app.builder, post.docname, path),
    )


def post_head_block(app: Sphinx, site: BlogSite, post: Post) -> ResolvedHead:
    """The post's own ``<head>`` block, resolved for its page."""
    canonical = canonical_url(app, site, post.docname)
    return resolve_head_block(
        post.head_tags,
        _head_resolver(app, site, post, canonical),
        path=post.source_path,
        line=None,
    )


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
        json_ld=[post_json_ld(app, site, post)],
        html_title=block.title or f"{title}{TITLE_SEPARATOR}{site_title(app.config)}",
        problems=block.problems,
        copies=block.copies,
    )


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
    from .pages import index_page

    canonical = canonical_url(app, site, page.name)
    image = None
    if page.kind == "author":
        author = page.data["author"]
        image_url = _author_image(site, author)
        image = ImageFacts(image_url, alt=author.name) if image_url else None
    facts = PageFacts(
        title=page.title,
        description=_generated_description(site, page),
        canonical=canonical,
        og_type="profile" if page.kind == "author" else "website",
        image=image,
        alternates=hreflang_alternates(app, site, page.name),
    )
    language = _html_lang(app, site)
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
    source_file = os.path.join(app.srcdir, source)
    target_file = os.path.join(app.outdir, target)
    try:
        if os.path.getmtime(target_file) >= os.path.getmtime(source_file):
            return
    except OSError:
        pass
    os.makedirs(os.path.dirname(target_file), exist_ok=True)
    shutil.copyfile(source_file, target_file)


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


# -- sitemap and robots.txt --------------------------------------------------------------


def _post_lastmod(app: Sphinx, post: Post) -> datetime:
    published, modified = post_dates(app, post)
    return modified or published


def _canonical_elsewhere(app: Sphinx, site: BlogSite, post: Post) -> bool:
    if not any(tag.tag in ("link", "meta") for tag in post.head_tags):
        return False
    return post_head_block(app, site, post).canonical_elsewhere


def sitemap_entries(app: Sphinx) -> list[SitemapEntry]:
    """Every public page of the build, at its canonical URL, with its last change."""
    from .pages import plan_pages

    env = app.env
    site = get_site(app)
    posts = posts_of(env)
    robots = robots_of(env)
    entries = []
    for docname in sorted(env.found_docs):
        post = posts.get(docname)
        lastmod: datetime | None
        if post is not None:
            if not post.listed or _canonical_elsewhere(app, site, post):
                continue
            lastmod = _post_lastmod(app, post)
        else:
            if docname in NOT_CONTENT or is_noindex(robots.get(docname, "")):
                continue
            lastmod = file_date(app, str(env.doc2path(docname)))
        entries.append(
            SitemapEntry(
                canonical_url(app, site, docname), lastmod, hreflang_alternates(app, site, docname)
            )
        )
    catalog = get_catalog(app)
    newest = max((_post_lastmod(app, post) for post in catalog.posts), default=None)
    for page in plan_pages(site, catalog):
        dates = [_post_lastmod(app, post) for post in page.posts]
        entries.append(
            SitemapEntry(
                canonical_url(app, site, page.name),
                max(dates) if dates else newest,
                hreflang_alternates(app, site, page.name),
            )
        )
    return entries


def write_sitemap(app: Sphinx) -> None:
    """Write ``sitemap.xml`` and (for the default locale) ``robots.txt``.

    Skipped when their inputs did not change since the last build (see :mod:`outputstate`).
    """
    site = get_site(app)
    settings = site.settings
    if not settings.sitemap:
        return
    if not settings.base_url:
        logger.info("sphinx-advocacy-blog: no sitemap.xml, since html_baseurl is not set")
        return
    default_locale = site.locale is None or not site.locale.prefix
    with_robots = bool(
        settings.robots_txt
        and default_locale
        and at_host_root(settings.base_url)
        and not project_has_robots(app)
    )
    files = [SITEMAP_FILE, ROBOTS_FILE] if with_robots else [SITEMAP_FILE]
    if is_current(app, "sitemap", files, extra=repr(files)):
        return
    write_file(os.path.join(app.outdir, SITEMAP_FILE), render_sitemap(sitemap_entries(app)))
    if with_robots:
        robots = render_robots([f"{settings.base_url}/{SITEMAP_FILE}"])
        write_file(os.path.join(app.outdir, ROBOTS_FILE), robots.encode("utf-8"))
    remember(app, "sitemap", extra=repr(files))


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
    write_sitemap(app)


def _on_builder_inited(app: Sphinx) -> None:
    forget_histories(app)
    if not _writes_web_pages(app):
        return
    site = get_site(app)
    problems = check_publisher(site.settings.publisher)
    if site.settings.default_image and _default_image(app, site) is None:
        problems.append(
            Problem(
                "seo",
                f"blog_default_image {site.settings.default_image!r} is neither a URL nor a "
                "file in the static folders or the source directory",
            )
        )
    report(app, problems)


def _prime_dates(app: Sphinx, env: Any) -> list[str]:
    # Computed before writing, so parallel writers inherit one answer instead of each
    # asking git again.
    if _writes_web_pages(app):
        source_histories(app)
    return []


def _add_template_dir(app: Sphinx, config: Config) -> None:
    if TEMPLATE_DIR not in config.templates_path:
        config.templates_path = [*config.templates_path, TEMPLATE_DIR]


def setup_seo(app: Sphinx) -> None:
    """Connect head tags, JSON-LD, sitemap and robots.txt."""
    setup_robots(app)
    app.connect("config-inited", _add_template_dir, priority=800)
    app.connect("builder-inited", _on_builder_inited, priority=600)
    app.connect("env-updated", _prime_dates, priority=900)
    app.connect("html-page-context", _on_page_context, priority=600)
    app.connect("build-finished", _on_build_finished)
