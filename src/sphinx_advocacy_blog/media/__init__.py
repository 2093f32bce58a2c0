"""Media in the output: cover images copied beside the blog, static folders served at the
site root. May import :mod:`..pages` and everything below it.
"""
