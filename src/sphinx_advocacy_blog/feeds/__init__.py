"""RSS 2.0, Atom and JSON Feed: which feeds (:mod:`.plan`), their serializers
(:mod:`.formats`), posts' full content (:mod:`.content`) and writing them (:mod:`.writer`).

May import :mod:`..seo`, :mod:`..pages` and everything below them.
"""
