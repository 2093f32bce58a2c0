"""Small helpers that every layer may use: URLs, slugs, globs, files, package resources.

Pure functions over strings and paths (``files`` also touches the file system). Imports
nothing from the rest of the package and nothing from Sphinx.
"""
