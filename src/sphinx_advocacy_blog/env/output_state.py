"""Whether the blog's whole-site outputs (list pages, feeds, sitemap, redirects) are current.

The list pages, feeds, the sitemap and the redirect pages are made from the whole blog
after the documents are written. A build where nothing they depend on changed (the common
"rebuild with no change") need not make them again. Each output records a digest of its
inputs; when the digest and the files are still there, it is skipped.

The digest is deliberately broad, so that it can only err towards rewriting: every
document's read stamp (a changed, added or removed file of any kind), every post record,
the site data (``authors.yml``, ``tags.yml``), the options, the theme's and the project's
templates, the extension's version and the git dates of the sources.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sphinx.util import logging

from ..model.post import Post
from ..util.files import forget_folders, write_atomically
from ..version import __version__
from .discovery import BlogProject
from .git_dates import source_histories
from .records import posts_of
from .site_data import get_site

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger("sphinx_advocacy_blog")

STATE_FILE = "advocacy_blog_outputs.json"
_STAMPS: WeakKeyDictionary[Sphinx, str] = WeakKeyDictionary()
_DIGESTS: WeakKeyDictionary[Sphinx, str] = WeakKeyDictionary()


def build_stamp(app: Sphinx) -> str:
    """What every blog page depends on besides its posts: the extension's version, the
    builder, the options (Sphinx's config hash and ours), the theme's and the project's
    templates, ``authors.yml``/``tags.yml`` and the language (once per build)."""
    known = _STAMPS.get(app)
    if known is not None:
        return known
    site = get_site(app)
    build_info = getattr(app.builder, "build_info", None)
    templates = getattr(app.builder, "templates", None)
    known = repr(
        (
            __version__,
            app.builder.name,
            str(app.outdir),
            getattr(build_info, "config_hash", ""),
            app.config.html_theme,
            # A changed layout.html reaches every page, as Sphinx itself decides.
            templates.newest_template_mtime() if templates is not None else 0,
            site.fingerprint(),
            site.settings,
            app.config.language,
        )
    )
    _STAMPS[app] = known
    return known


def _post_sources(app: Sphinx) -> bytes:
    """Which source file (and translation) each post is read from."""
    project = app.project
    if not isinstance(project, BlogProject):
        return b""
    maps = (sorted(project.blog_posts.items()), sorted(project.blog_translated.items()))
    return repr(maps).encode()


def inputs_digest(app: Sphinx) -> str:
    """A digest of everything the end-of-build outputs are made from (once per build)."""
    known = _DIGESTS.get(app)
    if known is not None:
        return known
    env = app.env
    digest = hashlib.sha256(build_stamp(app).encode())
    for docname, stamp in sorted(env.all_docs.items()):
        digest.update(f"{docname}\t{stamp}\n".encode())
    for _docname, post in sorted(posts_of(env).items()):
        digest.update(repr(post).encode())
    digest.update(_post_sources(app))
    digest.update(repr(sorted(source_histories(app).items())).encode())
    known = digest.hexdigest()
    _DIGESTS[app] = known
    return known


#: Post fields read from the body rather than from the front matter or the file's path.
BODY_FIELDS = frozenset(
    {"summary", "word_count", "reading_minutes", "has_truncate_marker", "head_tags"}
)
_POST_METADATA = attrgetter(
    *(field.name for field in dataclasses.fields(Post) if field.name not in BODY_FIELDS)
)
_METADATA_DIGESTS: WeakKeyDictionary[Sphinx, str] = WeakKeyDictionary()


def metadata_digest(app: Sphinx) -> str:
    """Like :func:`inputs_digest`, for outputs made only from the documents' names and
    titles and the posts' paths and front matter (the redirect pages): an edit inside a
    post's body (its text, not its title) leaves it unchanged."""
    known = _METADATA_DIGESTS.get(app)
    if known is not None:
        return known
    env = app.env
    posts = posts_of(env)
    digest = hashlib.sha256(build_stamp(app).encode())
    for docname in sorted(env.all_docs):
        node = None if docname in posts else env.titles.get(docname)
        digest.update(f"{docname}\t{node.astext() if node is not None else ''}\n".encode())
    for _docname, post in sorted(posts.items()):
        digest.update(repr(_POST_METADATA(post)).encode())
    digest.update(_post_sources(app))
    known = _METADATA_DIGESTS[app] = digest.hexdigest()
    return known


def forget_digest(app: Sphinx) -> None:
    """Drop the stamp and digests of the previous build (at the start of a build)."""
    _STAMPS.pop(app, None)
    _DIGESTS.pop(app, None)
    _METADATA_DIGESTS.pop(app, None)


#: Present in the doctrees folder while a builder writes: a build that finds it was killed.
BUILDING_MARK = "advocacy_blog_building"
_INTERRUPTED: WeakKeyDictionary[Sphinx, bool] = WeakKeyDictionary()


def was_interrupted(app: Sphinx) -> bool:
    """Whether the previous build of this builder stopped before it finished (killed, out of
    disk, an exception). Then nothing it wrote is trusted: every page, list page, feed and
    redirect is made again, so the output equals a clean build's."""
    return _INTERRUPTED.get(app, False)


def _forget_folders(app: Sphinx) -> None:
    """Before anything is written: resolve the output's folders afresh (a link may have been
    made since the last build in this process)."""
    forget_folders()


def _mark_building(app: Sphinx) -> None:
    forget_digest(app)
    mark = state_path(app, BUILDING_MARK)
    _INTERRUPTED[app] = os.path.exists(mark)
    if _INTERRUPTED[app]:
        logger.info(
            "sphinx-advocacy-blog: the previous build did not finish; writing every page again"
        )
    write_atomically(mark, b"")


def _mark_finished(app: Sphinx, exception: BaseException | None) -> None:
    if exception is None:
        with contextlib.suppress(OSError):
            os.remove(state_path(app, BUILDING_MARK))


def state_path(app: Sphinx, name: str) -> str:
    """A state file of this builder beside the doctrees (html and dirhtml keep their own)."""
    return os.path.join(app.doctreedir, f"{app.builder.name}-{name}")


def load_state(app: Sphinx, name: str) -> Any:
    """The JSON in state file *name*, or ``None`` when it is missing or unreadable."""
    try:
        with open(state_path(app, name), encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def save_state(app: Sphinx, name: str, data: Any) -> None:
    """Write *data* as JSON to state file *name* (sorted keys, so builds are repeatable),
    atomically: a build killed here leaves the old state, never half of it."""
    text = json.dumps(data, sort_keys=True, indent=0)
    write_atomically(state_path(app, name), text.encode("utf-8"))


def _load(app: Sphinx) -> dict[str, str]:
    state = load_state(app, STATE_FILE)
    return state if isinstance(state, dict) else {}


Digest = Callable[["Sphinx"], str]


def _signature(app: Sphinx, extra: str, digest: Digest) -> str:
    return hashlib.sha256(f"{digest(app)}\n{extra}".encode()).hexdigest()


def _narrow_key(output: str) -> str:
    return f"{output}:narrow"


def is_current(
    app: Sphinx,
    output: str,
    files: Iterable[str],
    extra: str = "",
    narrow: Digest | None = None,
) -> bool:
    """Whether *output* was made from the same inputs last time and its *files* (below the
    output folder) are all still there. *extra* is anything else it depends on.

    The inputs are first compared whole (:func:`inputs_digest`, shared by every output and
    made once per build); an output made from less than everything gives *narrow*, a digest
    of just what it is made from, compared when something else changed (and computed only
    then)."""
    if was_interrupted(app):
        return False
    state = _load(app)
    broad = _signature(app, extra, inputs_digest)
    if state.get(output) != broad:
        if narrow is None or state.get(_narrow_key(output)) != _signature(app, extra, narrow):
            return False
        state[output] = broad  # the next build without a change stops at the first test
        save_state(app, STATE_FILE, state)
    outdir = str(app.outdir)
    return all(os.path.exists(os.path.join(outdir, name)) for name in files)


def remember(app: Sphinx, output: str, extra: str = "", narrow: Digest | None = None) -> None:
    """Record that *output* is now made from this build's inputs (*narrow*: see
    :func:`is_current`)."""
    state = _load(app)
    state[output] = _signature(app, extra, inputs_digest)
    if narrow is not None:
        state[_narrow_key(output)] = _signature(app, extra, narrow)
    save_state(app, STATE_FILE, state)


def setup_output_state(app: Sphinx) -> None:
    """Compute the inputs digest afresh in every build; notice a build that was killed."""
    app.connect("builder-inited", _forget_folders, priority=0)
    app.connect("builder-inited", _mark_building)
    # Last of all: the build has finished only when every output is written.
    app.connect("build-finished", _mark_finished, priority=999)
