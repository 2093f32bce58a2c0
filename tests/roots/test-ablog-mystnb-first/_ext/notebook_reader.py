"""Stands in for MyST-NB (not a test dependency): like it, it sets MyST up and owns `.md`."""

from myst_parser.sphinx_ext.main import setup_sphinx


def setup(app):
    setup_sphinx(app, load_parser=True)
    return {"parallel_read_safe": True}
