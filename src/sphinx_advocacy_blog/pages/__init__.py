"""The HTML the blog writes: list pages, post pages' header and footer, sidebars.

Links between pages (:mod:`.links`), Jinja rendering (:mod:`.render`) and the values
templates receive (:mod:`.views`), the plan of generated pages (:mod:`.plan`), list pages
(:mod:`.list_pages`, :mod:`.archive`), excerpts (:mod:`.excerpts`), the post page
(:mod:`.post_page`), sidebars, the language switcher and the removal of deleted posts'
pages. May import :mod:`..env` and everything below it.
"""
