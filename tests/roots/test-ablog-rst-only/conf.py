# An ABlog site that reads reST only (was: extensions = ["ablog"]).
project = "reST only"
extensions = ["sphinx_advocacy_blog"]
source_suffix = ".rst"
exclude_patterns = ["_build"]
