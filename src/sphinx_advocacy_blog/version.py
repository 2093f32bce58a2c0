"""The package's version and the version of what it keeps in Sphinx's environment.

A module of its own at the bottom of the package, so that any layer can name the version
(in its caches' stamps) without importing the package's ``setup``.
"""

__version__ = "0.1.0"

#: Bump when the data stored in the Sphinx environment changes shape or moves module
#: (pickled records name their class's module).
ENV_VERSION = 6
