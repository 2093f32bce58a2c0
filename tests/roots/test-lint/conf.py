project = "Lint test"
extensions = ["myst_parser", "sphinx_advocacy_blog"]

# Author pages for every authors.yml author (as before Docusaurus page: true was read).
blog_author_pages = "all"
