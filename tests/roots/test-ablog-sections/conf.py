# An ABlog site whose pages announce several posts, one per section (ABlog's section posts).
project = "Section posts"
extensions = ["sphinx_advocacy_blog"]  # was: ["ablog"]
exclude_patterns = ["_build"]

blog_title = "Sections blog"
blog_baseurl = "https://sections.example.org/"
blog_authors = {"Ahmet": ("Ahmet Bakan", "https://ahmetbakan.com")}
templates_path = ["_templates"]
# ABlog's old sidebar names, and the site's own templates that read ABlog's `ablog` variable.
html_sidebars = {"**": ["postcardHeader.html", "ablog-custom.html", "recentposts.html"]}
