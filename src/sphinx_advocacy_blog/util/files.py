"""Every file the extension writes, copies or deletes goes through here.

:func:`output_path` is the one guard: a path below the output folder, or
:class:`OutsideOutput` when user data (a key, a permalink, a file name read back from a
state file) would put it anywhere else, symlinks included. Writes are atomic (a temporary
file renamed into place), so a build killed half-way never leaves a truncated file, and
leave a file alone when it already holds the same bytes, so its modification time stays
(incremental builds, ``rsync`` deployments and browsers' caches see no change). Files
copied from the source are copied again only when the source is newer or of another size.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import stat
import threading
from collections.abc import Iterable, Iterator

from .urls import is_absolute_url


class OutsideOutput(ValueError):
    """A path that would leave the output folder."""


#: ``os.path.realpath`` of the folders :func:`inside` has resolved in this build: a site
#: writes thousands of files into a few hundred folders. Emptied by :func:`forget_folders`
#: when a build starts, so that a link made between two builds is seen.
_REAL_FOLDERS: dict[str, str] = {}


#: The output folders :func:`publish_cached` has made (or found) in this build.
_MADE_FOLDERS: set[str] = set()


def forget_folders() -> None:
    """Resolve every folder again (called when a build starts)."""
    _REAL_FOLDERS.clear()
    _MADE_FOLDERS.clear()


def _link(source: str, link: str) -> None:
    """A hard link *link* to *source*, in a folder made once per build (and again if
    something deleted it meanwhile)."""
    folder = os.path.dirname(link)
    if folder not in _MADE_FOLDERS:
        os.makedirs(folder, exist_ok=True)
        _MADE_FOLDERS.add(folder)
    try:
        os.link(source, link)
    except FileNotFoundError:
        if not os.path.exists(source):
            raise
        os.makedirs(folder, exist_ok=True)
        os.link(source, link)


def _real_folder(folder: str) -> str:
    real = _REAL_FOLDERS.get(folder)
    if real is None:
        real = _REAL_FOLDERS[folder] = os.path.realpath(folder)
    return real


def inside(root: str, relative: str) -> str | None:
    """The absolute path of *relative* below *root* if it stays there (symlinks resolved),
    else None. *root* itself is not "below" it."""
    if not relative or "\x00" in relative or os.path.isabs(relative):
        return None
    base = _real_folder(root)
    joined = os.path.join(base, relative)
    if ".." in relative.replace("\\", "/").split("/"):
        # A link followed by ".." leads elsewhere than the text says: resolve it all.
        path = os.path.realpath(joined)
    else:
        folder, name = os.path.split(os.path.normpath(joined))
        path = os.path.join(_real_folder(folder), name)
        if os.path.islink(path):
            path = os.path.realpath(path)
    if path == base or os.path.commonpath([base, path]) != base:
        return None
    return path


def output_path(outdir: str, relative: str) -> str:
    """The absolute path of an output file; :class:`OutsideOutput` when it would leave
    *outdir*."""
    path = inside(outdir, relative)
    if path is None:
        raise OutsideOutput(f"{relative!r} is not a path inside the output folder")
    return path


def _temporary_name(path: str, suffix: str) -> str:
    """A name beside *path* that no other process or thread writing it uses at once.

    Not :func:`tempfile.mkstemp`: its files are private (mode 0600), and a page, feed or
    card renamed from one could not be read by a web server running as another user.
    Files opened by name get the mode of every other file Sphinx writes (umask).
    """
    folder, name = os.path.split(path)
    return os.path.join(folder, f".tmp-{name}.{os.getpid()}.{threading.get_ident()}{suffix}")


@functools.cache
def file_mode() -> int:
    """The mode of a new file here (0o644 under the usual umask of 022)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def _removed_on_failure(temporary: str) -> Iterator[None]:
    """Delete the temporary file *temporary* if the block fails (before or while it is
    renamed into place), so a failed or killed write leaves no ``.tmp-`` file behind."""
    try:
        yield
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise


def write_atomically(path: str, data: bytes) -> None:
    """Write *data* to *path* through a temporary file renamed into place."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = _temporary_name(path, ".part")
    with _removed_on_failure(temporary):
        with open(temporary, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)


def write_if_changed(path: str, data: bytes) -> bool:
    """Write *data* to *path* unless the file holds exactly it; return whether it wrote."""
    try:
        with open(path, "rb") as handle:
            if handle.read() == data:
                return False
    except OSError:
        pass
    write_atomically(path, data)
    return True


def write_output(outdir: str, relative: str, data: bytes) -> bool:
    """:func:`write_if_changed` for a file below *outdir* (guarded by :func:`output_path`)."""
    return write_if_changed(output_path(outdir, relative), data)


def copy_if_newer(source: str, target: str) -> None:
    """Copy *source* to *target* unless the target is as new and of the same size."""
    try:
        made, existing = os.stat(source), os.stat(target)
        if existing.st_mtime >= made.st_mtime and existing.st_size == made.st_size:
            return
    except OSError:
        pass
    os.makedirs(os.path.dirname(target), exist_ok=True)
    temporary = _temporary_name(target, ".part")
    with _removed_on_failure(temporary):
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)


def copy_to_output(source: str, outdir: str, relative: str) -> None:
    """:func:`copy_if_newer` into a file below *outdir* (guarded by :func:`output_path`)."""
    copy_if_newer(source, output_path(outdir, relative))


def publish_cached(cached: str, outdir: str, relative: str) -> None:
    """Put a file of one of the extension's caches (social cards, resized images) into the
    output below *outdir*: a hard link when both are on one file system, else a copy.

    A link writes no bytes, where copying a thousand cards wrote tens of megabytes in every
    full build. It is safe because a cached file is never written in place: a new version
    is a new file (:func:`write_atomically`), so the output keeps the old one. Source files
    are always copied (:func:`copy_to_output`): a tool that edits the output in place must
    not change what the author wrote.
    """
    target = output_path(outdir, relative)
    cached_stat = os.stat(cached)
    try:
        target_stat: os.stat_result | None = os.stat(target)
    except OSError:
        target_stat = None
    if target_stat is not None and os.path.samestat(cached_stat, target_stat):
        return
    try:
        if stat.S_IMODE(cached_stat.st_mode) != file_mode():
            os.chmod(cached, file_mode())  # a cache written private by an older version
        if target_stat is None:
            # Nothing to replace (a full build): the link is made in place, in one step.
            with contextlib.suppress(FileExistsError):  # unless it appeared meanwhile
                _link(cached, target)
                return
        temporary = _temporary_name(target, ".link")
        _link(cached, temporary)
    except OSError:  # another file system, or one without hard links
        copy_if_newer(cached, target)
        return
    with _removed_on_failure(temporary):
        os.replace(temporary, target)


def remove_output(outdir: str, relative: str) -> bool:
    """Delete a file below *outdir*, and the folders it leaves empty (as a clean build would
    not have them); a path outside *outdir* is never touched. Whether the file went."""
    path = inside(outdir, relative)
    if path is None or not os.path.isfile(path):
        return False
    try:
        os.remove(path)
    except OSError:
        return False
    root = os.path.realpath(outdir)
    folder = os.path.dirname(path)
    while folder != root and os.path.commonpath([root, folder]) == root:
        try:
            os.rmdir(folder)  # only when empty
        except OSError:
            break
        folder = os.path.dirname(folder)
    return True


def source_file(srcdir: str, relative: str, *, follow_symlinks: bool = False) -> str | None:
    """The file at *relative* below *srcdir*, if it is there and stays there, else None.

    The source-side guard: a ``..`` out of the source folder, or a symbolic link on the
    way, gives None (with *follow_symlinks*, links are followed while they stay inside),
    so no file of the machine is published because a post or a data file names it.
    """
    base = os.path.realpath(srcdir)
    if "\x00" in relative:
        return None
    candidate = os.path.normpath(os.path.join(base, relative))
    if os.path.commonpath([base, candidate]) != base or not os.path.isfile(candidate):
        return None
    real = os.path.realpath(candidate)
    if os.path.commonpath([base, real]) != base:
        return None
    if real != candidate and not follow_symlinks:
        return None
    return candidate


def plain_files(srcdir: str, folder: str) -> set[str]:
    """Every file below *folder* (relative to *srcdir*) reached without a symbolic link,
    as ``/`` paths relative to *srcdir*: one walk of the folder, so that checking a post
    against it costs no system call (:func:`source_file` resolves each path)."""
    found: set[str] = set()
    top = os.path.join(srcdir, folder.strip("/"))
    if os.path.realpath(top) != os.path.join(os.path.realpath(srcdir), folder.strip("/")):
        return found  # the folder itself, or a folder above it, is a link
    pending = [folder.strip("/")]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(os.path.join(srcdir, current)))
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink():
                continue
            relative = f"{current}/{entry.name}" if current else entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append(relative)
            elif entry.is_file(follow_symlinks=False):
                found.add(relative)
    return found


def static_folders_text(static_dirs: Iterable[str]) -> str:
    """The static folders as a warning names them (``static/, public/``; ``no folder``)."""
    return ", ".join(f"{folder}/" for folder in static_dirs) or "no folder"


def find_source_file(
    srcdir: str, static_dirs: Iterable[str], path: str, *, follow_symlinks: bool = False
) -> str | None:
    """The file behind a path a post names (a cover ``image``, a body image), or None.

    ``/img/x.png`` is looked up in the source directory, then in each static folder (served
    at the site root); other paths are relative to the source directory. Remote URLs,
    missing files and files outside the source folder (:func:`source_file`) give None.
    """
    if not path or is_absolute_url(path):
        return None
    if path.startswith("/"):
        for folder in ("", *static_dirs):
            relative = os.path.join(folder, path.lstrip("/"))
            found = source_file(srcdir, relative, follow_symlinks=follow_symlinks)
            if found is not None:
                return found
        return None
    return source_file(srcdir, path, follow_symlinks=follow_symlinks)


#: What makes an SVG file a program rather than a picture (it runs on the site's origin),
#: each with the words that name it in a warning.
_ACTIVE_SVG = (
    (re.compile(rb"<\s*script", re.IGNORECASE), "a script"),
    (re.compile(rb"\bon[a-z]+\s*=", re.IGNORECASE), "an event handler (onload=...)"),
    (re.compile(rb"javascript\s*:", re.IGNORECASE), "a javascript: link"),
    (
        re.compile(rb"<\s*foreignobject", re.IGNORECASE),
        "embedded HTML (<foreignObject>; draw.io writes its labels so: export the diagram "
        "with 'Convert labels to SVG' ticked, or as PNG)",
    ),
    (re.compile(rb"<\s*(?:iframe|embed|object)", re.IGNORECASE), "an embedded page"),
    (re.compile(rb"<!entity", re.IGNORECASE), "XML entities"),
)


def svg_activity(path: str) -> str | None:
    """What makes the SVG file at *path* active (scripts, event handlers, ``javascript:``
    links, embedded HTML or pages, entities; refused: published on the site's own origin,
    it could act as the site), in words; ``None`` for a plain picture or another file."""
    if not path.lower().endswith((".svg", ".svgz")):
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read(4_000_000)
    except OSError:
        return None
    if path.lower().endswith(".svgz") or data[:2] == b"\x1f\x8b":
        return "compressed content that cannot be checked"
    for pattern, words in _ACTIVE_SVG:
        if pattern.search(data):
            return words
    return None


def is_active_svg(path: str) -> bool:
    """Whether the file at *path* is an active SVG (see :func:`svg_activity`)."""
    return svg_activity(path) is not None


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
