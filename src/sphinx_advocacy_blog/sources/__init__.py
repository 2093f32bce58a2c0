"""Pure readers: source files in, :class:`~sphinx_advocacy_blog.post.Post` records out.

Nothing in this package imports Sphinx, so it is unit-tested on strings.
"""
