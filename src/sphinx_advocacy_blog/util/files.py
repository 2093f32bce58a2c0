"""Writing output files only when their bytes change, and finding a site's source files.

Output files keep their modification time when a build produces the same bytes again, so
incremental builds, ``rsync`` deployments and browsers' caches see no change. Files copied
from the source are copied again only when the source is newer or of another size.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable

from .urls import is_absolute_url


def write_if_changed(path: str, data: bytes) -> bool:
    """Write *data* to *path* unless the file holds exactly it; return whether it wrote."""
    try:
        with open(path, "rb") as handle:
            if handle.read() == data:
                return False
    except OSError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
    return True


def copy_if_newer(source: str, target: str) -> None:
    """Copy *source* to *target* unless the target is as new and of the same size."""
    try:
        if os.path.getmtime(target) >= os.path.getmtime(source) and os.path.getsize(
            target
        ) == os.path.getsize(source):
            return
    except OSError:
        pass
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copyfile(source, target)


def find_source_file(srcdir: str, static_dirs: Iterable[str], path: str) -> str | None:
    """The file behind a path a post names (a cover ``image``, a body image), or None.

    ``/img/x.png`` is looked up in the source directory, then in each static folder (served
    at the site root); other paths are relative to the source directory. Remote URLs and
    missing files give None.
    """
    if not path or is_absolute_url(path):
        return None
    if path.startswith("/"):
        for folder in ("", *static_dirs):
            candidate = os.path.join(srcdir, folder, path.lstrip("/"))
            if os.path.isfile(candidate):
                return candidate
        return None
    candidate = os.path.join(srcdir, path)
    return candidate if os.path.isfile(candidate) else None


def shipped_files(root: str, folders: Iterable[str]) -> dict[str, str]:
    """Files that folders copied to the output root ship: ``{output path: source path}``.

    For ``html_extra_path`` and the static folders (relative to *root*): ``static/x.html``
    is published as ``x.html``. Hidden files and folders are left out, as Sphinx does.
    """
    shipped: dict[str, str] = {}
    for folder in folders:
        base = os.path.join(root, folder)
        for directory, subfolders, names in os.walk(base):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            for name in sorted(names):
                if name.startswith("."):
                    continue
                path = os.path.join(directory, name)
                published = os.path.relpath(path, base).replace(os.sep, "/")
                origin = os.path.relpath(path, root).replace(os.sep, "/")
                shipped.setdefault(published, origin)
    return shipped
