"""Pure readers: source files in, :class:`~..model.post.Post` records and problems out.

Docusaurus and Hugo-style posts (:mod:`.docusaurus`, :mod:`.markdown`), ABlog's front
matter (:mod:`.ablog`), ``authors.yml``/``tags.yml`` (:mod:`.datafiles`), front matter and
safe YAML (:mod:`.frontmatter`, :mod:`.safe_yaml`), dates and paths. Nothing here imports
Sphinx, so it is unit-tested on strings. May import :mod:`..model` and :mod:`..util`.
"""
