# Shapes found in real Docusaurus blogs (see README.md), with the documented conf.py.
project = "Docusaurus shapes"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
html_baseurl = "https://example.org/"
html_link_suffix = ""
exclude_patterns = ["README.md", "_build"]
