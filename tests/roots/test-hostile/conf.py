project = "Hostile"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
html_baseurl = "https://hostile.example.org/"
html_link_suffix = ""
