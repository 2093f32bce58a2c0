# An ABlog site's conf.py: only "ablog" was replaced in extensions.
project = "Blogging with reST"
extensions = ["sphinx_advocacy_blog"]  # was: ["ablog"]
exclude_patterns = ["_build"]

blog_title = "Rest blog"
blog_baseurl = "https://rest.example.org/"
blog_authors = {
    "Ahmet": ("Ahmet Bakan", "https://ahmetbakan.com"),
    "Lena": ("Lena Petrova", None),
}
blog_locations = {
    "Pittsburgh": ("Pittsburgh, PA", "https://en.wikipedia.org/wiki/Pittsburgh"),
    "SF": ("San Francisco, CA", None),
}
blog_languages = {"en": ("English", None), "uk": ("Ukrainian", None)}
blog_default_language = "en"
blog_post_pattern = "pattern/*.rst"
html_sidebars = {
    "**": [
        "ablog/postcard.html",
        "ablog/recentposts.html",
        "ablog/tagcloud.html",
        "ablog/categories.html",
        "ablog/archives.html",
        "ablog/authors.html",
        "ablog/languages.html",
        "ablog/locations.html",
    ]
}
