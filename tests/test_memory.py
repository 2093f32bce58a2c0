"""The write phase runs the garbage collector so written doctrees do not pile up."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from sphinx_advocacy_blog.env import memory


class _App:
    def __init__(self, documents: int, parallel_ok: bool) -> None:
        self.builder = SimpleNamespace(parallel_ok=parallel_ok)
        self.env = SimpleNamespace(all_docs=dict.fromkeys(f"doc{n}" for n in range(documents)))


@pytest.fixture
def collections(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    made: list[int] = []
    monkeypatch.setattr(memory.gc, "collect", lambda *args: made.append(1) or 0)
    return made


def _write(app: _App, documents: int) -> None:
    for n in range(documents):
        memory._after_resolving(app, None, f"doc{n}")  # type: ignore[arg-type]


def test_a_serial_write_collects_after_each_half_of_the_documents(
    collections: list[int],
) -> None:
    app = _App(1000, parallel_ok=False)
    _write(app, 499)
    assert collections == []
    _write(app, 1)
    assert len(collections) == 1
    _write(app, 500)
    assert len(collections) == 2


def test_small_sites_and_parallel_writes_never_collect(collections: list[int]) -> None:
    _write(_App(150, parallel_ok=False), 99)
    _write(_App(5000, parallel_ok=True), 5000)
    assert collections == []


def test_a_full_run_python_made_restarts_the_count(
    collections: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _App(800, parallel_ok=False)
    runs = memory._full_runs()
    monkeypatch.setattr(memory, "_full_runs", lambda: runs)
    _write(app, 300)
    monkeypatch.setattr(memory, "_full_runs", lambda: runs + 1)  # Python made one
    _write(app, 399)
    assert collections == []
    _write(app, 1)
    assert len(collections) == 1


def test_the_count_of_full_runs_follows_the_collector() -> None:
    before = memory._full_runs()
    memory.gc.collect()
    assert memory._full_runs() == before + 1


# -- what a -j N reading worker sends back -----------------------------------------------


def test_a_reading_worker_sends_back_only_what_it_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    from sphinx_advocacy_blog.util import processes

    records = processes.DocumentRecords(read={"a": 1}, elsewhere={"b": 2})
    cache = processes.BuildWideCache(path=(1.0, (), None))
    processes.mark_build_process()
    processes.note_read("read")  # in the build's process: nothing to note
    assert pickle.loads(pickle.dumps(records)) == records
    assert pickle.loads(pickle.dumps(cache)) == cache

    monkeypatch.setattr(processes, "_build_process", -1)  # as in a forked worker
    monkeypatch.setattr(processes, "_read_here", set())
    processes.note_read("read")
    in_worker = pickle.loads(pickle.dumps(records))
    assert in_worker == {"read": {"a": 1}}
    assert type(in_worker) is processes.DocumentRecords
    assert pickle.loads(pickle.dumps(cache)) == {}


def test_parallel_reading_keeps_every_record_in_the_saved_environment(tmp_path):
    import pickle

    from conftest import build_site, copy_root

    srcdir = copy_root("docusaurus", tmp_path / "src")
    serial = build_site(srcdir, builddir=tmp_path / "serial", freshenv=True)
    parallel = build_site(srcdir, builddir=tmp_path / "parallel", freshenv=True, parallel=2)
    envs = [
        pickle.loads((site.app.doctreedir / "environment.pickle").read_bytes())
        for site in (serial, parallel)
    ]
    for name in ("advocacy_blog_posts", "advocacy_blog_peek_cache"):
        assert set(getattr(envs[1], name)) == set(getattr(envs[0], name))
        assert len(getattr(envs[1], name)) >= 12
    assert envs[1].project.blog_posts == envs[0].project.blog_posts


def test_a_posts_source_path_is_one_object_in_both_of_sphinxs_maps(docusaurus_site):
    """Sphinx's project maps each document to its file and back; every -j N reading
    worker pickles both maps, and the build's process unpickles them once per chunk. A
    post's path in both is one object, so it is pickled once (as Sphinx's own discovery
    has it): two equal objects doubled the paths parsed while merging (~15,000 more for
    1,000 posts with -j 2)."""
    project = docusaurus_site.app.env.project
    posts = project.blog_posts
    assert len(posts) >= 12
    keys = {path: path for path in project._path_to_docname}
    for docname in posts:
        if docname in project.blog_translated:
            continue
        path = project._docname_to_path[docname]
        assert keys[path] is path, docname


# -- post doctrees are freed as their pages are written ----------------------------------


def test_cut_cycles_lets_reference_counting_free_a_doctree() -> None:
    import gc
    import weakref

    from docutils import nodes
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.transforms.universal import Decorations
    from docutils.utils import new_document

    gc.disable()
    try:
        doctree = new_document("post.md", get_default_settings(Parser))
        section = nodes.section("", nodes.title("", "Title"), ids=["title"])
        doctree += section
        section += nodes.paragraph("", "", nodes.Text("A "), nodes.emphasis("", "paragraph"))
        section += nodes.bullet_list("", nodes.list_item("", nodes.paragraph("", "one")))
        doctree.note_explicit_target(section)
        doctree.transformer.add_transform(Decorations)
        doctree.transformer.apply_transforms()  # the reporter's observer: a cycle too
        paragraph = weakref.ref(next(iter(doctree.findall(nodes.paragraph))))
        kept = weakref.ref(section)
        alive = weakref.ref(doctree)
        memory.cut_cycles(doctree)
        del section
        assert kept() is None
        assert paragraph() is None
        del doctree
        assert alive() is None
    finally:
        gc.enable()


def test_written_post_doctrees_are_freed_without_the_collector(tmp_path) -> None:
    import gc
    import io
    import weakref

    from sphinx.testing.util import SphinxTestApp

    from conftest import copy_root
    from sphinx_advocacy_blog.env.discovery import is_post

    srcdir = copy_root("docusaurus", tmp_path / "src")
    app = SphinxTestApp("html", srcdir=srcdir, status=io.StringIO(), warning=io.StringIO())
    written: dict[str, weakref.ref] = {}
    others: dict[str, weakref.ref] = {}

    def quiet_collector(app, env):
        # Every doctree read is old now (the oldest generation, which only a full run of
        # the collector walks), and from here on no full run comes.
        gc.collect()
        gc.set_threshold(700, 10, 2**30)

    def watch(app, pagename, templatename, context, doctree):
        if doctree is not None:
            target = written if is_post(app.env, pagename) else others
            # The document object itself may stay with the translator that wrote it.
            target[pagename] = weakref.ref(doctree.children[0])

    app.connect("html-page-context", watch)
    app.connect("env-updated", quiet_collector)
    thresholds = gc.get_threshold()
    try:
        app.build()
        gc.collect(1)  # the young generations only
        alive = [name for name, ref in written.items() if ref() is not None]
        others_alive = [name for name, ref in others.items() if ref() is not None]
    finally:
        gc.set_threshold(*thresholds)
        app.cleanup()
    assert len(written) >= 10
    # A node that a transform replaced still points at its old parent (docutils does not
    # cut that link), so a post whose old nodes were replaced may wait for a full run.
    assert len(alive) <= len(written) // 4, alive
    # A project's own pages are left to the collector.
    assert others_alive


def test_list_pages_are_written_in_one_chunk_per_worker_of_about_equal_weight():
    from sphinx_advocacy_blog.util.processes import balanced_chunks

    pages = ["archive", *[f"tag-{n}" for n in range(9)]]
    weight = {"archive": 9.0, **{f"tag-{n}": float(n % 3 + 1) for n in range(9)}}.__getitem__
    chunks = balanced_chunks(pages, 2, weight)
    assert len(chunks) == 2
    assert sorted(page for chunk in chunks for page in chunk) == sorted(pages)
    loads = sorted(sum(weight(page) for page in chunk) for chunk in chunks)
    assert loads == [13.0, 14.0]  # 27 in all: no split is closer
    for chunk in chunks:  # each keeps the pages' order
        assert chunk == [page for page in pages if page in chunk]
    assert balanced_chunks(pages[:1], 4, weight) == [["archive"]]
    assert balanced_chunks([], 2, weight) == []
