# An ABlog site's conf.py, unchanged but for the extension it loads.
project = "Open Rivers Coalition"
extensions = ["myst_parser", "sphinx_advocacy_blog"]  # was: ["myst_parser", "ablog"]

blog_path = "news"  # ABlog: the URL of the blog's index page
blog_title = "Open Rivers news"
blog_baseurl = "https://open-rivers.example.org/"
blog_authors = {
    "Lena": ("Lena Petrova", "https://example.org/lena"),
    "Omar": ("Omar Haddad", None),
}
blog_post_pattern = ["posts/*/*"]
post_date_format = "%b %d, %Y"
blog_feed_archives = True  # an ABlog option this extension does not need

# Author pages for every authors.yml author, as this site had before `page:` was read.
blog_author_pages = "all"
