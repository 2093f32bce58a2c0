# A Hugo-style site: posts were at /posts/<slug>/, the list at /posts/.
project = "Free Nations League"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
html_baseurl = "https://fnl.example.org/"
blog_route_base_path = "posts"
blog_post_url = "/posts/:slug/"

# Author pages for every authors.yml author, as this site had before `page:` was read.
blog_author_pages = "all"
