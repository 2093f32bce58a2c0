"""What search engines and social networks read: head tags, JSON-LD, sitemap, robots.txt.

Pure builders (:mod:`.tag_layers`, :mod:`.headtags`, :mod:`.headblock`, :mod:`.jsonld`),
the facts they are made from (:mod:`.facts`, :mod:`.images`), the per-page head
(:mod:`.head`) and the sitemap (:mod:`.sitemap`). May import :mod:`..pages` and everything
below it.
"""
