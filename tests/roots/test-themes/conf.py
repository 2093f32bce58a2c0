# The theme settings (html_theme, html_sidebars, html_theme_options) are appended by
# tests/test_browser.py from the snippets of docs/themes.md, so the documented setup is
# the one the browser tests check.
project = "Riverside Residents"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
html_baseurl = "https://riverside.example.org/"
blog_title = "Riverside news"
html_title = "Riverside Residents"
author = "Riverside Residents' Association"
exclude_patterns = ["_build"]

# Author pages for every authors.yml author, as this site had before `page:` was read.
blog_author_pages = "all"
