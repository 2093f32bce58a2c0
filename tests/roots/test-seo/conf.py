project = "Free Nations"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
html_baseurl = "https://free-nations.example.org/"
html_link_suffix = ""

blog_title = "News"
blog_description = "News & statements of the <Free Nations> League."
blog_description_length = 80
blog_publisher = {
    "name": "Free Nations League",
    "url": "https://free-nations.example.org/",
    "logo": "img/logo.png",
    "organizations": ["secretariat"],
}
blog_default_image = "/img/social/default.png"
blog_twitter_site = "freenations"
blog_head_meta = {"og:site_name": "The Free Nations League", "theme-color": "#003366"}
blog_locales = {
    "en": {"label": "English"},
    "ukr": {"label": "Українська", "html_lang": "uk"},
}

# Author pages for every authors.yml author, as this site had before `page:` was read.
blog_author_pages = "all"
