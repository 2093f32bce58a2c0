# An ABlog site that loads MyST-NB before the blog (was: ["myst_nb", "ablog"]).
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "_ext"))

project = "Notebook site"
extensions = ["notebook_reader", "sphinx_advocacy_blog"]
