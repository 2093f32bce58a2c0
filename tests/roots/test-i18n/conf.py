project = "Free Voices"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
html_baseurl = "https://free-voices.example.org/"
html_link_suffix = ""
blog_title = "Free Voices blog"
blog_locales = {
    "en": {"label": "English"},
    "ru": {"label": "Русский"},
    "ukr": {"label": "Українська", "html_lang": "uk"},
}
html_sidebars = {"**": ["advocacy_blog/language-switcher.html", "searchbox.html"]}

# Author pages for every authors.yml author, as this site had before `page:` was read.
blog_author_pages = "all"
