"""What a reader needs to know about the site (route, URL pattern, date formats...)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class MdxSettings:
    """What the MDX layer needs to know about the site."""

    #: ``blog_mdx_components``: component name -> directive name or ``"children"``.
    components: tuple[tuple[str, str], ...] = ()
    #: sphinx-design is loaded: tabs become its ``tab-set``.
    design: bool = False


@dataclass(frozen=True)
class ReadSettings:
    """What the reader needs to know about the site."""

    route: str = "blog"
    words_per_minute: int = 200
    locale: str = ""
    #: ``blog_post_url``: a URL pattern such as ``/posts/{slug}``; empty for Docusaurus URLs.
    url_pattern: str = ""
    #: ABlog's ``post_date_format``, tried before the usual ABlog date spellings.
    date_formats: tuple[str, ...] = ()
    #: Read the front matter the ABlog way even without ``blogpost: true`` (posts matched
    #: by ``blog_post_pattern``).
    ablog: bool = False
    #: ``blog_default_author`` / ``_location`` / ``_language``: ``(field, values)`` given to
    #: dated ABlog posts that name none.
    ablog_defaults: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The site loads ``sphinxcontrib.mermaid``: ```` ```mermaid ```` fences are diagrams.
    mermaid: bool = False
    #: How MDX components are rendered (``blog_mdx_components``, sphinx-design).
    mdx: MdxSettings = field(default_factory=MdxSettings)
