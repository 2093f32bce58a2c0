project = "Free Nations"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
html_baseurl = "https://freenations.example.org/"
html_title = "Free Nations"
exclude_patterns = ["_build"]
blog_publisher = {"name": "Free Nations", "url": "https://freenations.example.org/"}
blog_author_pages = "all"
