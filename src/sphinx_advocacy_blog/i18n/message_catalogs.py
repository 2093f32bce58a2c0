"""Compile the UI translations. Needs only Babel, so the package build can import it."""

from __future__ import annotations

import os


def _catalogs(source_dir: str, target_dir: str) -> list[tuple[str, str, str]]:
    """``(language, .po path, .mo path)`` of every catalog below *source_dir*."""
    found = []
    for language in sorted(os.listdir(source_dir)):
        messages = os.path.join(source_dir, language, "LC_MESSAGES")
        if not os.path.isdir(messages):
            continue
        for name in sorted(os.listdir(messages)):
            if name.endswith(".po"):
                mo_path = os.path.join(target_dir, language, "LC_MESSAGES", name[:-3] + ".mo")
                found.append((language, os.path.join(messages, name), mo_path))
    return found


def _current(po_path: str, mo_path: str) -> bool:
    return os.path.exists(mo_path) and os.path.getmtime(mo_path) >= os.path.getmtime(po_path)


def catalogs_up_to_date(source_dir: str, target_dir: str) -> bool:
    """Whether *target_dir* has a ``.mo`` file, newer than its ``.po``, for each catalog."""
    return all(_current(po, mo) for _language, po, mo in _catalogs(source_dir, target_dir))


def compile_catalogs(source_dir: str, target_dir: str) -> None:
    """Compile every ``<lang>/LC_MESSAGES/*.po`` below *source_dir* into ``.mo`` files
    below *target_dir*.

    Only out-of-date files are written. Used by the package build (``setup.py``) and, for
    source checkouts and editable installs, by builds (into their doctree folder).
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for language, po_path, mo_path in _catalogs(source_dir, target_dir):
        if _current(po_path, mo_path):
            continue
        with open(po_path, "rb") as po_file:
            catalog = read_po(po_file, locale=language)
        os.makedirs(os.path.dirname(mo_path), exist_ok=True)
        # Written aside, then moved: a build starting meanwhile never reads half a file.
        partial = f"{mo_path}.{os.getpid()}.tmp"
        with open(partial, "wb") as mo_file:
            write_mo(mo_file, catalog)
        os.replace(partial, mo_path)
