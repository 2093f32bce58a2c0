"""Build every locale of a site into one output tree, as Docusaurus does.

``python -m sphinx_advocacy_blog build SOURCEDIR OUTDIR [sphinx-build options]`` writes the
default locale at ``OUTDIR`` and each other locale at ``OUTDIR/<prefix>``. Each locale is a
separate ``sphinx-build`` run (in its own process, so that translations never mix) with
``-D language=<code>``; its pages link their versions in the other locales.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import site_default_locale
from ..i18n.locales import site_locales, site_root_names
from ..model.locale import LocaleInfo


@dataclass(frozen=True)
class LocaleBuild:
    """One ``sphinx-build`` run of the all-locales build."""

    locale: LocaleInfo
    outdir: str
    command: tuple[str, ...]


def _read_conf(confdir: str) -> dict[str, object]:
    """The raw values of ``conf.py`` (without loading any extension)."""
    import sphinx
    from sphinx.config import eval_config_file
    from sphinx.util.tags import Tags

    # Absolute: Sphinx 9 reads the file after changing into its folder.
    path = Path(confdir, "conf.py").resolve()
    # Sphinx 8 takes a Path here, Sphinx 7.4 a str.
    return eval_config_file(path if sphinx.version_info >= (8,) else str(path), Tags())  # type: ignore[arg-type]


def plan_builds(
    srcdir: str, outdir: str, sphinx_args: Sequence[str], confdir: str | None = None
) -> list[LocaleBuild]:
    """The ``sphinx-build`` commands for every locale, the default one first."""
    raw = _read_conf(confdir or srcdir)
    configured = raw.get("blog_locales") or {}
    default = site_default_locale(raw.get("blog_default_locale"), raw.get("language"))
    route = str(raw.get("blog_route_base_path") or raw.get("blog_path") or "blog")
    locales = site_locales(
        srcdir,
        configured if isinstance(configured, dict) else {},
        default,
        taken=site_root_names(srcdir, route),
        follow_symlinks=bool(raw.get("blog_follow_symlinks")),
    )
    builds = []
    for info in locales:
        target = os.path.join(outdir, info.prefix) if info.prefix else outdir
        command = (
            sys.executable,
            "-m",
            "sphinx",
            *sphinx_args,
            "-D",
            f"language={info.code}",
            srcdir,
            target,
        )
        builds.append(LocaleBuild(locale=info, outdir=target, command=command))
    return builds


def build_all_locales(
    srcdir: str, outdir: str, sphinx_args: Sequence[str] = (), confdir: str | None = None
) -> int:
    """Run every locale's build; return the first non-zero exit status, else 0."""
    status = 0
    for build in plan_builds(srcdir, outdir, sphinx_args, confdir):
        label = build.locale.code + (
            f" -> /{build.locale.prefix}/" if build.locale.prefix else " -> /"
        )
        print(f"sphinx-advocacy-blog: building locale {label}", flush=True)
        result = subprocess.run(build.command, check=False)
        if result.returncode != 0 and status == 0:
            status = result.returncode
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m sphinx_advocacy_blog.multibuild SOURCEDIR OUTDIR [sphinx-build options]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 2:
        print(__doc__.strip().splitlines()[0] if __doc__ else "", file=sys.stderr)
        print("usage: build SOURCEDIR OUTDIR [sphinx-build options]", file=sys.stderr)
        return 2
    srcdir, outdir, *sphinx_args = args
    return build_all_locales(srcdir, outdir, sphinx_args)


if __name__ == "__main__":
    sys.exit(main())
