project = "Campaigns"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
html_baseurl = "https://campaigns.example.org/"
blog_title = "Campaign blog"
blog_publisher = {"name": "Free Nations League", "url": "https://example.org/fnl"}
exclude_patterns = ["_build"]
blog_posts_per_page = 5
