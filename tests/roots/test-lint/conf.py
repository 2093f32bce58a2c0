project = "Lint test"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
