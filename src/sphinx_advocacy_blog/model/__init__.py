"""The blog's data: posts, authors, tags, the site, its catalog and the URL of every page.

Pure records and functions over them, no Sphinx: :mod:`.post` (Post, Author, Tag, HeadTag),
:mod:`.problem`, :mod:`.locale`, :mod:`.site` (the site's authors and tags and how a post's
references resolve), :mod:`.catalog` and :mod:`.ordering` (posts grouped and ordered),
:mod:`.listing` (what a listing directive selects) and :mod:`.routes` (the name of every
generated page, where covers and feeds go). May import :mod:`..util` and :mod:`..config`.
"""
