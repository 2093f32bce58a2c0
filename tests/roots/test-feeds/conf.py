project = "Tiny Voices"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
# A site below a path of its host, with Sphinx's default ``.html`` links.
html_baseurl = "https://voices.example.org/campaign/"
myst_footnote_transition = False
# "[see below](#details)": heading anchors, as MyST < 5 needs them spelled out.
myst_heading_anchors = 2

blog_title = "Campaign <news> & notes"
blog_description = "What the campaign did this week."

# Author pages for every authors.yml author, as this site had before `page:` was read.
blog_author_pages = "all"
