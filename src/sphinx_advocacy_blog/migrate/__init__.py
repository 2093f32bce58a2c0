"""Moving a site here without losing a URL: ABlog's options (:mod:`.ablog_options`), the
old URLs of every post and page (:mod:`.old_urls`, pure) and the redirect pages that answer
them (:mod:`.redirect_pages`). May import :mod:`..feeds` and everything below it.
"""
