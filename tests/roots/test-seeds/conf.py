project = "Free Nations"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
html_baseurl = "https://free-nations.example.org/"
html_link_suffix = ""

# Author pages for every authors.yml author, as this site had before `page:` was read.
blog_author_pages = "all"
