"""Profile one build of a benchmark form with cProfile and show where the time goes.

    /work/venv/bin/python benchmarks/profile_build.py --posts 1000            # fresh build
    /work/venv/bin/python benchmarks/profile_build.py --posts 1000 --step edit

``--step edit`` builds once unprofiled, edits one post, then profiles the rebuild;
``--step nochange`` profiles a rebuild with nothing changed. The profile is saved (for
``snakeviz`` or ``python -m pstats``) and summarized: the functions of the extension by
cumulative time, and every function by own time.
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from corpus import EDIT_MARK, EDITED, SHAPES, generate, site_files
from forms import FORMS
from measure import precompile

HERE = Path(__file__).resolve().parent
PACKAGE = "sphinx_advocacy_blog"


def _build(python: str, srcdir: Path, builddir: Path, profile: Path | None) -> float:
    command = [python]
    if profile is not None:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += ["-m", "sphinx", "-b", "html", "-q", "-d", str(builddir / "doctrees")]
    command += [str(srcdir), str(builddir / "html")]
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def summarize(profile: Path, limit: int) -> None:
    """Print the extension's functions by cumulative time, then all by own time."""
    stats = pstats.Stats(str(profile))
    stats.sort_stats("cumulative")
    print(f"\n== {PACKAGE} functions by cumulative time ==")
    stats.print_stats(PACKAGE, limit)
    stats.sort_stats("tottime")
    print("\n== all functions by own time ==")
    stats.print_stats(limit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--form", default="ours", choices=sorted(FORMS))
    parser.add_argument("--step", default="full", choices=("full", "edit", "nochange"))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--workdir", type=Path, default=HERE / "_work")
    parser.add_argument("--out", type=Path, help="profile file (default: in the workdir)")
    parser.add_argument("--limit", type=int, default=30, help="rows per summary")
    parser.add_argument("--shape", default="prose", choices=SHAPES)
    args = parser.parse_args(argv)
    form = FORMS[args.form]
    precompile(args.python)
    root = args.workdir / f"profile-n{args.posts}-{args.form}-{args.step}"
    shutil.rmtree(root, ignore_errors=True)
    posts = generate(args.posts, shape=args.shape)
    form.write(root / "src", posts, site_files(args.shape))
    profile = args.out or root / f"{args.step}.prof"
    if args.step == "full":
        seconds = _build(args.python, root / "src", root / "build", profile)
    else:
        _build(args.python, root / "src", root / "build", None)
        if args.step == "edit":
            post = posts[len(posts) // 2]
            path = form.post_path(root / "src", post)
            text = path.read_text(encoding="utf-8")
            mark = EDIT_MARK.format(number=post.number)
            path.write_text(text.replace(mark, EDITED.format(number=post.number)), "utf-8")
        seconds = _build(args.python, root / "src", root / "build", profile)
    print(f"{args.form}, N={args.posts}, {args.step}: {seconds:.1f} s under cProfile -> {profile}")
    summarize(profile, args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
