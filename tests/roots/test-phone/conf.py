# The phone test blog measured by tests/test_lighthouse.py (issue #19): posts with a cover
# photo, a large photo in the body, headings, a table, code and an author with an avatar.
#
# The photos are not in the repository: tests/test_lighthouse.py writes them (JPEGs of the
# weight of real photos, made with Pillow from a fixed seed) into its copy of this folder
# before building, together with the furo setup from docs/themes.md and the URL the site is
# served at (html_baseurl).
project = "Riverside Residents"
extensions = ["myst_parser", "sphinx_advocacy_blog"]
html_baseurl = "https://riverside.example.org/"
blog_title = "Riverside news"
html_title = "Riverside Residents"
author = "Riverside Residents' Association"
language = "en"
exclude_patterns = ["_build"]
