project = "Free Voices"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
html_baseurl = "https://free-voices.example.org/"
html_link_suffix = ""

# Author pages for every authors.yml author, as this site had before `page:` was read.
blog_author_pages = "all"
