"""Demo site and user guide of sphinx-advocacy-blog."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "_ext"))

project = "sphinx-advocacy-blog"
author = "sphinx-advocacy-blog developers"
copyright = "2026, sphinx-advocacy-blog developers"

extensions = ["myst_parser", "sphinx_advocacy_blog", "options_reference"]

html_theme = "furo"
html_title = "sphinx-advocacy-blog"
html_baseurl = "https://sphinx-advocacy-blog.example.org/"

exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# The sample blog: the organisation's own posts, unchanged.
blog_title = "Free Nations blog"
blog_description = "News and statements of the Free Nations League."
blog_publisher = {
    "name": "Free Nations League",
    "url": "https://example.org/free-nations-league",
    "logo": "images/fnl-logo.png",
}
blog_default_image = "/images/posts/philadelphia_rally.jpg"
# A call to action under every post (see the directives page).
blog_cta = {
    "title": "Support the Free Nations League",
    "text": "Our work is done by volunteers and paid for by readers like you.",
    "button": "Donate",
    "url": "https://example.org/free-nations-league/donate",
    "kind": "donation",
}
# The seed posts have no <!-- truncate --> marker: list pages show their first paragraphs.
blog_excerpt_words = 60

html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "advocacy_blog/blog-link.html",
        "advocacy_blog/recent-posts.html",
        "advocacy_blog/tags.html",
        "advocacy_blog/archive.html",
        "sidebar/scroll-end.html",
    ]
}
