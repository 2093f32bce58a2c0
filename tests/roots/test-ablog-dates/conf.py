# An ABlog site whose dates ABlog reads with dateutil (no format of post_date_format fits).
project = "Dates"
extensions = ["sphinx_advocacy_blog"]  # was: ["ablog", "myst_parser"]
blog_post_pattern = "posts/*"
post_date_format = "%d/%m/%y"  # as a real site has it; its posts are written otherwise
