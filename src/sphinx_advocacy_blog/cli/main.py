"""The command line: ``python -m sphinx_advocacy_blog COMMAND`` or ``sphinx-advocacy-blog``.

``check SOURCEDIR [--json]``
    lint the whole blog without building it; exit status 1 when there are errors.
``new "Title" [--author KEY] [--tags TAG ...] [--dir SOURCEDIR]``
    create ``blog/YYYY-MM-DD-<slug>/index.md`` with its front matter.
``serve SOURCEDIR [--port N]``
    build every locale, serve it on 127.0.0.1 and rebuild when a file changes.

Each command is a :class:`Command` in :data:`COMMANDS`: a name, a help line, a function that
adds its arguments to an :mod:`argparse` parser and one that runs it and returns the exit
status. Adding a command is adding one entry.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from ..version import __version__


@dataclass(frozen=True)
class Command:
    """One subcommand of the command line."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


# -- check ----------------------------------------------------------------------------------


def _configure_check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("srcdir", metavar="SOURCEDIR", help="the Sphinx source folder (conf.py)")
    parser.add_argument(
        "--json", action="store_true", help="print the problems as JSON (for CI tools)"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _run_check(args: argparse.Namespace) -> int:
    from .check import lint_site

    if not os.path.isdir(args.srcdir):
        print(f"sphinx-advocacy-blog: no such folder: {args.srcdir}", file=sys.stderr)
        return 2
    result = lint_site(args.srcdir)
    if args.json:
        report = {
            "posts": result.posts,
            "errors": result.errors,
            "warnings": result.warnings,
            "problems": [finding.as_dict() for finding in result.findings],
        }
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for finding in result.findings:
            print(finding.format())
        print(
            f"{_count(result.posts, 'post')} checked: {_count(result.errors, 'error')}, "
            f"{_count(result.warnings, 'warning')}",
            file=sys.stderr,
        )
    return 1 if result.errors else 0


# -- new ------------------------------------------------------------------------------------


def _split_words(values: Sequence[str] | None) -> list[str]:
    """``--tags a b,c`` -> ``[a, b, c]``."""
    words: list[str] = []
    for value in values or ():
        words.extend(part.strip() for part in value.split(",") if part.strip())
    return list(dict.fromkeys(words))


def _configure_new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("title", help="the post's title")
    parser.add_argument(
        "--author",
        "--authors",
        dest="authors",
        action="append",
        metavar="KEY",
        help="an author key from authors.yml (repeat for several authors)",
    )
    parser.add_argument("--tags", nargs="+", metavar="TAG", help="tags of the post")
    parser.add_argument(
        "--dir",
        dest="srcdir",
        default=".",
        metavar="SOURCEDIR",
        help="the Sphinx source folder (default: the current folder)",
    )
    parser.add_argument(
        "--date", type=date.fromisoformat, help="the post's date, YYYY-MM-DD (default: today)"
    )
    parser.add_argument("--draft", action="store_true", help="mark the post as a draft")


def _ablog_index_trap(srcdir: str, config: object) -> str | None:
    """Why creating the posts folder would move an ABlog blog's index, if it would."""
    from ..migrate.ablog_options import DEFAULT_ROUTE
    from ..util.globs import normalize_patterns

    blog_path = str(getattr(config, "blog_path", "blog")).strip("/")
    route = str(getattr(config, "blog_route_base_path", DEFAULT_ROUTE)).strip("/")
    if (
        not normalize_patterns(getattr(config, "blog_post_pattern", ()))
        and blog_path
        and not os.path.isdir(os.path.join(srcdir, blog_path))
        and route == DEFAULT_ROUTE
        and blog_path != DEFAULT_ROUTE
    ):
        return (
            f"conf.py's blog_path = {blog_path!r} is read as ABlog's index URL because there "
            f"is no folder {blog_path!r}; creating it would move the blog index to "
            f"/{DEFAULT_ROUTE}. Add blog_route_base_path = {blog_path!r} to conf.py first."
        )
    return None


def _run_new(args: argparse.Namespace) -> int:
    from ..config import settings_from_config
    from ..env.site_data import load_site_data
    from .check import load_config
    from .new_post import create_post

    srcdir = args.srcdir
    if not os.path.isdir(srcdir):
        print(f"sphinx-advocacy-blog: no such folder: {srcdir}", file=sys.stderr)
        return 2
    config, problems = load_config(srcdir, ablog_options=False)
    for problem in problems:
        print(f"sphinx-advocacy-blog: {problem.message}", file=sys.stderr)
    trap = _ablog_index_trap(srcdir, config)
    if trap is not None:
        print(f"sphinx-advocacy-blog: {trap}", file=sys.stderr)
        return 1
    settings = settings_from_config(config)
    authors = _split_words(args.authors)
    known = load_site_data(srcdir, settings, config.language).authors
    for key in authors:
        if key not in known:
            print(
                f"sphinx-advocacy-blog: warning: author {key!r} is not in "
                f"{settings.path}/authors.yml ({', '.join(sorted(known)) or 'no authors yet'})",
                file=sys.stderr,
            )
    try:
        path = create_post(
            os.path.join(srcdir, settings.path),
            args.title,
            day=args.date or date.today(),
            authors=authors,
            tags=_split_words(args.tags),
            draft=args.draft,
        )
    except FileExistsError as error:
        print(
            f"sphinx-advocacy-blog: {error.args[0]} already exists; nothing was changed. "
            "Choose another title or date.",
            file=sys.stderr,
        )
        return 1
    print(path)
    return 0


# -- build ----------------------------------------------------------------------------------


def _configure_build(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("srcdir", metavar="SOURCEDIR", help="the Sphinx source folder (conf.py)")
    parser.add_argument("outdir", metavar="OUTDIR", help="where the whole site is written")
    parser.add_argument(
        "sphinx_args",
        metavar="SPHINX-BUILD-OPTIONS",
        nargs=argparse.REMAINDER,
        help="passed to every sphinx-build run (e.g. -b dirhtml -W -j auto)",
    )


def _run_build(args: argparse.Namespace) -> int:
    from .build_all import build_all_locales

    return build_all_locales(args.srcdir, args.outdir, args.sphinx_args)


# -- serve ----------------------------------------------------------------------------------


def _configure_serve(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("srcdir", metavar="SOURCEDIR", help="the Sphinx source folder (conf.py)")
    parser.add_argument("--port", type=int, default=8000, help="the port (default: 8000)")
    parser.add_argument(
        "--outdir", help="where the preview is built (default: a folder in the temp folder)"
    )
    parser.add_argument(
        "--no-watch", action="store_true", help="build once and serve, without rebuilding"
    )


def _run_serve(args: argparse.Namespace) -> int:
    from .serve import Preview, default_outdir

    if not os.path.isfile(os.path.join(args.srcdir, "conf.py")):
        print(f"sphinx-advocacy-blog: no conf.py in {args.srcdir}", file=sys.stderr)
        return 2
    preview = Preview(args.srcdir, args.outdir or default_outdir(args.srcdir), args.port)
    return preview.run(watch=not args.no_watch)


COMMANDS: list[Command] = [
    Command(
        "build",
        "build every locale into one site: the default at OUTDIR, the others at OUTDIR/<prefix>",
        _configure_build,
        _run_build,
    ),
    Command("check", "lint the blog without building it", _configure_check, _run_check),
    Command("new", "create a new post with its front matter", _configure_new, _run_new),
    Command(
        "serve",
        "build every locale, serve it on 127.0.0.1 with Docusaurus-style URLs, rebuild and "
        "reload the browser when a file changes",
        _configure_serve,
        _run_serve,
    ),
]


def build_parser(commands: Sequence[Command] = ()) -> argparse.ArgumentParser:
    """The argument parser with a subcommand for each of *commands* (default: all)."""
    parser = argparse.ArgumentParser(
        prog="sphinx-advocacy-blog",
        description="Tools for a blog published with sphinx-advocacy-blog.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in commands or COMMANDS:
        sub = subparsers.add_parser(command.name, help=command.help, description=command.help)
        command.configure(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    return int(args.run(args))
