"""Compile the UI translations. Needs only Babel, so the package build can import it."""

from __future__ import annotations

import os


def compile_catalogs(source_dir: str, target_dir: str) -> None:
    """Compile every ``<lang>/LC_MESSAGES/*.po`` below *source_dir* into ``.mo`` files.

    Only out-of-date files are written. Used by the package build (``setup.py``) and, for
    source checkouts and editable installs, the first time a build needs the catalogs.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for language in sorted(os.listdir(source_dir)):
        messages = os.path.join(source_dir, language, "LC_MESSAGES")
        if not os.path.isdir(messages):
            continue
        for name in sorted(os.listdir(messages)):
            if not name.endswith(".po"):
                continue
            po_path = os.path.join(messages, name)
            mo_path = os.path.join(target_dir, language, "LC_MESSAGES", name[:-3] + ".mo")
            if os.path.exists(mo_path) and os.path.getmtime(mo_path) >= os.path.getmtime(po_path):
                continue
            with open(po_path, "rb") as po_file:
                catalog = read_po(po_file, locale=language)
            os.makedirs(os.path.dirname(mo_path), exist_ok=True)
            with open(mo_path, "wb") as mo_file:
                write_mo(mo_file, catalog)
