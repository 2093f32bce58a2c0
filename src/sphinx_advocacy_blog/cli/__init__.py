"""The command line: ``python -m sphinx_advocacy_blog build|check|new`` (:mod:`.main`).

``build`` runs every locale's Sphinx build (:mod:`.build_all`), ``check`` lints the blog
without building it (:mod:`.check`), ``new`` writes a post's skeleton (:mod:`.new_post`).
The top layer: may import everything; nothing imports it.
"""
