project = "Open Rivers Coalition"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
html_baseurl = "https://open-rivers.example.org/"
html_link_suffix = ""
blog_title = "Open Rivers blog"
blog_posts_per_page = 2
blog_redirects = {
    "news/2019/launch": "/blog/welcome#start",
    "about-us/": "index",
    "donate": "https://give.example.org/rivers?campaign=old-site&ref=<blog>",
    "reports/annual.pdf.html": "downloads/annual-report.pdf",
}

# The site was built with plain Sphinx before: its posts' source-file pages were public.
blog_source_redirects = True

# Author pages for every authors.yml author, as this site had before `page:` was read.
blog_author_pages = "all"
