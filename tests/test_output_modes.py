"""Every file the extension writes can be read as Sphinx's own pages can.

Files renamed into place from ``tempfile.mkstemp`` are private (mode 0600): a feed, a
calendar or a social card the web server (another user) cannot read is a 403 for readers.
"""

from __future__ import annotations

import os
import stat

from conftest import build_site, copy_root


def test_feeds_calendars_cards_and_redirects_have_the_mode_of_sphinx_pages(tmp_path):
    old_mask = os.umask(0o022)
    try:
        srcdir = copy_root("campaigns", tmp_path / "src")
        site = build_site(srcdir, freshenv=True, blog_social_cards=True)
    finally:
        os.umask(old_mask)
    expected = stat.S_IMODE((site.outdir / "index.html").stat().st_mode)
    assert expected == 0o644
    ours = [
        path for path in site.outdir.rglob("*") if path.is_file() and ".doctrees" not in path.parts
    ]
    kinds = {path.suffix for path in ours}
    assert {".xml", ".json", ".ics", ".png"} <= kinds
    private = [
        str(path.relative_to(site.outdir))
        for path in ours
        if stat.S_IMODE(path.stat().st_mode) != expected
    ]
    assert private == []
