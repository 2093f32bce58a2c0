"""Directives authors use in posts and pages: ``postlist``, ``tagcloud``, ``blog-authors``,
``blog-archive``, Docusaurus admonitions and ``language-switcher``.

May import :mod:`..pages` and everything below it.
"""
