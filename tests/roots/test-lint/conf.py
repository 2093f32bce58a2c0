project = "Lint test"
extensions = ["myst_parser", "sphinx_advocacy_blog"]

# Author pages for every authors.yml author, as this site had before `page:` was read.
blog_author_pages = "all"
