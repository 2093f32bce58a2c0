"""Build the same projects with two versions of the extension and compare the output bytes.

Used to show that a restructuring changes no output: the demo site (``docs/``), every test
root (``tests/roots/test-*``, html; the Docusaurus root also as dirhtml; the i18n root also
through the all-locales ``build`` command) and the benchmark's N-post blog are built with
the source tree given by ``--src`` (its ``src/`` folder is put first on ``PYTHONPATH``), into
``--out``. ``--compare A B`` then lists every file that differs between two such outputs.

    python benchmarks/compare_outputs.py build --src /tmp/before --out /tmp/cmp/before
    python benchmarks/compare_outputs.py build --src . --out /tmp/cmp/after
    python benchmarks/compare_outputs.py compare /tmp/cmp/before /tmp/cmp/after

Every build copies its sources to the same path (``--work``), so absolute paths cannot
differ between the two runs, and runs with ``SOURCE_DATE_EPOCH`` set, so dates cannot
either. Doctrees and Sphinx's pickled environment are not compared (they hold the
extension's module paths); everything a reader or a crawler gets is.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

#: SOURCE_DATE_EPOCH of every build, and the modification time of every source file.
EPOCH = 1700000000
#: Folders of the output that are caches, not output.
NOT_OUTPUT = {".doctrees", "doctrees"}


def _projects(posts: int) -> list[tuple[str, Path, list[str]]]:
    """``(name, source folder, extra sphinx-build arguments)`` of every project to build."""
    projects = [("docs", ROOT / "docs", [])]
    for root in sorted((ROOT / "tests" / "roots").glob("test-*")):
        projects.append((root.name, root, []))
    projects.append(
        ("test-docusaurus-dirhtml", ROOT / "tests/roots/test-docusaurus", ["-b", "dirhtml"])
    )
    if posts:
        projects.append((f"bench-{posts}", Path(f"bench:{posts}"), []))
    return projects


def _prepare(name: str, source: Path, work: Path) -> Path:
    target = work / "src" / name
    if target.exists():
        shutil.rmtree(target)
    if str(source).startswith("bench:"):
        from corpus import generate, site_files
        from forms import write_ours

        write_ours(target, generate(int(str(source).split(":", 1)[1])), site_files("prose"))
    else:
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("_build"))
    # Without git, a page's date in the sitemap is its file's modification time.
    for path in [target, *target.rglob("*")]:
        os.utime(path, (EPOCH, EPOCH), follow_symlinks=False)
    return target


def build(src: Path, out: Path, work: Path, posts: int) -> int:
    """Build every project with the extension in *src*; return how many builds failed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(src.resolve() / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["SOURCE_DATE_EPOCH"] = str(EPOCH)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    failures = 0
    if out.exists():
        shutil.rmtree(out)
    for name, source, extra in _projects(posts):
        srcdir = _prepare(name, source, work)
        outdir = work / "out" / name
        if outdir.exists():
            shutil.rmtree(outdir)
        if name == "test-i18n":
            command = [
                sys.executable,
                "-m",
                "sphinx_advocacy_blog",
                "build",
                str(srcdir),
                str(outdir),
            ]
            command += ["-q", "-d", str(work / "doctrees" / name)]
        else:
            command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", *extra]
            command += ["-d", str(work / "doctrees" / name), str(srcdir), str(outdir)]
        if (work / "doctrees" / name).exists():
            shutil.rmtree(work / "doctrees" / name)
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        status = "ok" if result.returncode == 0 else f"exit {result.returncode}"
        print(f"{name}: {status}", flush=True)
        if result.returncode != 0:
            failures += 1
        shutil.copytree(outdir, out / name, ignore=shutil.ignore_patterns(*NOT_OUTPUT))
        (out / name / "_warnings.txt").write_text(result.stderr, encoding="utf-8")
        (out / name / "_exit.txt").write_text(str(result.returncode), encoding="utf-8")
    return failures


def compare(first: Path, second: Path) -> list[str]:
    """Every file that is in one output only or whose bytes differ."""
    differences = []

    def walk(comparison: filecmp.dircmp, prefix: str) -> None:
        for name in comparison.left_only:
            differences.append(f"only in {first.name}: {prefix}{name}")
        for name in comparison.right_only:
            differences.append(f"only in {second.name}: {prefix}{name}")
        _match, mismatch, errors = filecmp.cmpfiles(
            comparison.left, comparison.right, comparison.common_files, shallow=False
        )
        differences.extend(f"differs: {prefix}{name}" for name in mismatch + errors)
        for name, sub in sorted(comparison.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(first, second), "")
    return sorted(differences)


def count_files(folder: Path) -> int:
    return sum(1 for path in folder.rglob("*") if path.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build", help="build every project with one source tree")
    make.add_argument("--src", type=Path, default=ROOT, help="checkout whose src/ is used")
    make.add_argument("--out", type=Path, required=True, help="where the outputs are kept")
    make.add_argument("--work", type=Path, default=Path("/tmp/advocacy-blog-compare"))
    make.add_argument("--posts", type=int, default=1000, help="benchmark blog size (0: none)")
    check = commands.add_parser("compare", help="list the files that differ")
    check.add_argument("first", type=Path)
    check.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    if args.command == "build":
        failures = build(args.src, args.out, args.work, args.posts)
        print(f"{count_files(args.out)} files in {args.out}; {failures} builds exited non-zero")
        return 0
    differences = compare(args.first, args.second)
    for line in differences:
        print(line)
    print(
        f"{count_files(args.first)} and {count_files(args.second)} files; {len(differences)} differ"
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
