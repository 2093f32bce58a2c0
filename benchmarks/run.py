"""Benchmark this extension against bare Sphinx + MyST (the floor) and ABlog.

Generates N synthetic posts in three forms (see ``forms.py``), builds each form with its own
interpreter in a subprocess and prints, per N, a table of absolute figures and ratios to the
floor::

    /work/venv/bin/python benchmarks/run.py --posts 1000 --repeat 3 --json out.json

See ``benchmarks/README.md`` for what is measured and how.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from corpus import EDIT_MARK, EDITED, SHAPES, PostSpec, generate, site_files
from forms import FORMS, Form, ablog_python
from measure import folder_size, html_times, precompile, rewritten, sphinx_build

HERE = Path(__file__).resolve().parent
MEASURES = ("full", "edit", "nochange", "parallel")

#: Issue 20's targets at N = 1,000 on prose posts, as ratios of ours to the floor.
TARGETS = {
    "full_s": 1.15,
    "edit_s": 1.5,
    "nochange_s": 1.3,
    "max_rss_mib": 1.2,
    "env_pickle_kib": 2.0,
}
#: -j 2 must speed ours up at least this share of what it speeds the floor up.
PARALLEL_SHARE = 0.9


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def package_stamp() -> int:
    """Newest modification time under ``src/sphinx_advocacy_blog`` (0 if not there).

    In a shared checkout, someone saving a template mid-round makes Sphinx rewrite every
    page of the next incremental build; such a round is measured again.
    """
    package = HERE.parent / "src" / "sphinx_advocacy_blog"
    return max(
        (path.stat().st_mtime_ns for path in package.rglob("*") if "__pycache__" not in path.parts),
        default=0,
    )


def _edit_post(path: Path, post: PostSpec) -> str:
    original = path.read_text(encoding="utf-8")
    mark = EDIT_MARK.format(number=post.number)
    assert mark in original, f"{mark!r} not in {path}"
    path.write_text(original.replace(mark, EDITED.format(number=post.number), 1), "utf-8")
    return original


#: The measures of a round in the order they are taken: every form's full build, then
#: every form's ``-j`` build, then the short builds (edit, no change) of the forms in turn.
PHASES = ("full", "parallel", "short")


def measure_full(python: str, root: Path) -> dict[str, Any]:
    """A build from nothing into ``build-j1`` (kept: the short builds start from it)."""
    serial = root / "build-j1"
    shutil.rmtree(serial, ignore_errors=True)
    run = sphinx_build(python, root / "src", serial / "html", serial / "doctrees")
    return {
        "full_s": run.seconds,
        "full_cpu_s": run.cpu_seconds,
        "max_rss_mib": run.max_rss_kib / 1024,
        "env_pickle_kib": (serial / "doctrees" / "environment.pickle").stat().st_size / 1024,
        "doctrees_mib": folder_size(serial / "doctrees") / 2**20,
        "html_files": len(html_times(serial / "html")),
    }


def measure_parallel(python: str, root: Path, jobs: int) -> dict[str, Any]:
    """A build from nothing with ``-j`` *jobs*, in its own folder (removed after)."""
    parallel = root / f"build-j{jobs}"
    shutil.rmtree(parallel, ignore_errors=True)
    run = sphinx_build(python, root / "src", parallel / "html", parallel / "doctrees", jobs=jobs)
    shutil.rmtree(parallel, ignore_errors=True)
    return {"parallel_s": run.seconds, "parallel_max_rss_mib": run.max_rss_kib / 1024}


class _ShortBuilds:
    """The short builds of one form: edit one post and build, then build with no change.

    Each is made *short_repeats* times and the fastest is kept, as ``timeit`` does: on a
    shared machine a one-second build is slowed by whatever else runs, never sped up. The
    edit builds edit the post and put it back in turn (each reads and writes the same
    pages). :func:`measure_short` takes one build of each form in turn.
    """

    def __init__(self, form: Form, python: str, root: Path, posts: list[PostSpec]) -> None:
        self.python, self.srcdir = python, root / "src"
        self.serial = root / "build-j1"
        target = posts[len(posts) // 2]
        self.path = form.post_path(self.srcdir, target)
        self.before = html_times(self.serial / "html")
        self.original = self.path.read_text(encoding="utf-8")
        self.edited = self.original
        self.target = target
        self.result: dict[str, Any] = {"edit_samples": [], "nochange_samples": []}

    def _build(self) -> float:
        serial = self.serial
        return sphinx_build(self.python, self.srcdir, serial / "html", serial / "doctrees").seconds

    def edit(self, repeat: int) -> None:
        """Edit build number *repeat* (0: the first edit; then back and forth)."""
        time.sleep(0.05)  # a rewritten file gets a visibly newer time
        if repeat == 0:
            _edit_post(self.path, self.target)
            self.edited = self.path.read_text(encoding="utf-8")
        else:
            self.path.write_text(self.original if repeat % 2 else self.edited, encoding="utf-8")
        self.result["edit_samples"].append(self._build())
        if repeat == 0:
            after = html_times(self.serial / "html")
            changed = rewritten(self.before, after)
            self.result.update(edit_rewritten=len(changed), edit_rewritten_files=changed)

    def nochange(self, repeat: int) -> None:
        """No-change build number *repeat*."""
        if repeat == 0:
            self.before = html_times(self.serial / "html")
            time.sleep(0.05)
        self.result["nochange_samples"].append(self._build())
        if repeat == 0:
            changed = rewritten(self.before, html_times(self.serial / "html"))
            self.result.update(nochange_rewritten=len(changed), nochange_rewritten_files=changed)

    def restore(self) -> None:
        self.path.write_text(self.original, encoding="utf-8")

    def figures(self) -> dict[str, Any]:
        result = dict(self.result)
        for key in ("edit", "nochange"):
            samples = result[f"{key}_samples"]
            if samples:
                result[f"{key}_s"] = min(samples)
            else:
                del result[f"{key}_samples"]
        return result


def measure_short(
    order: list[str],
    pythons: dict[str, str],
    roots: dict[str, Path],
    posts: list[PostSpec],
    measures: set[str],
    short_repeats: int,
) -> dict[str, dict[str, Any]]:
    """The short builds of every form in *order*, one build of each form in turn (the
    builds of a ratio are seconds apart)."""
    if "edit" not in measures and "nochange" not in measures:
        return {name: {} for name in order}
    runs = {name: _ShortBuilds(FORMS[name], pythons[name], roots[name], posts) for name in order}
    try:
        for repeat in range(short_repeats):
            for name in order:
                runs[name].edit(repeat)
        if "nochange" in measures:
            for repeat in range(short_repeats):
                for name in order:
                    runs[name].nochange(repeat)
    finally:
        for run in runs.values():
            run.restore()
    return {name: run.figures() for name, run in runs.items()}


def measure_round(
    order: list[str],
    pythons: dict[str, str],
    roots: dict[str, Path],
    posts: list[PostSpec],
    measures: set[str],
    jobs: int,
    short_repeats: int,
) -> dict[str, dict[str, Any]]:
    """One round: each phase of :data:`PHASES`, every form in *order* back to back.

    The floor's full build and ours are taken one right after the other (about half a
    minute apart, not the minute and a half of a form's whole round), and their short
    builds alternate: a shared machine's speed drifts over minutes, and a ratio of two
    builds far apart measured the drift.
    """
    figures: dict[str, dict[str, Any]] = {name: {} for name in order}
    for name in order:
        print(f"  full: {name}", flush=True)
        figures[name].update(measure_full(pythons[name], roots[name]))
    if "parallel" in measures:
        for name in order:
            print(f"  -j {jobs}: {name}", flush=True)
            figures[name].update(measure_parallel(pythons[name], roots[name], jobs))
    print("  short builds", flush=True)
    for name, short in measure_short(order, pythons, roots, posts, measures, short_repeats).items():
        figures[name].update(short)
    return figures


ROWS = [
    # (key, label, format, compare to floor)
    ("full_s", "full build, -j 1 (s)", "{:.1f}", True),
    ("full_cpu_s", "  CPU time (s)", "{:.1f}", True),
    ("full_fastest_s", "  fastest round (s)", "{:.1f}", True),
    ("per_post_ms", "  per post (ms)", "{:.1f}", True),
    ("edit_s", "edit one post (s)", "{:.1f}", True),
    ("edit_rewritten", "  .html rewritten", "{:.0f}", False),
    ("nochange_s", "no change (s)", "{:.1f}", True),
    ("nochange_rewritten", "  .html rewritten", "{:.0f}", False),
    ("parallel_s", "full build, -j 2 (s)", "{:.1f}", True),
    ("parallel_speedup", "  -j 1 / -j 2", "{:.2f}", False),
    ("max_rss_mib", "peak memory, -j 1 (MiB)", "{:.0f}", True),
    ("env_pickle_kib", "environment.pickle (KiB)", "{:.0f}", True),
    ("doctrees_mib", "doctrees folder (MiB)", "{:.1f}", True),
    ("html_files", ".html files", "{:.0f}", False),
]


def summarize(rounds: list[dict[str, Any]], count: int) -> dict[str, float]:
    """Median of each numeric measure over the rounds, plus derived figures."""
    keys = {key for r in rounds for key, value in r.items() if not isinstance(value, list)}
    summary = {key: _median([r[key] for r in rounds if key in r]) for key in sorted(keys)}
    summary["per_post_ms"] = summary["full_s"] * 1000 / count
    # Noise on a shared machine only ever adds time: the fastest round is the cost of the
    # work with the least noise (shown beside the median; the targets use the median).
    summary["full_fastest_s"] = min(r["full_s"] for r in rounds)
    if "parallel_s" in summary:
        summary["parallel_speedup"] = _median(
            [r["full_s"] / r["parallel_s"] for r in rounds if "parallel_s" in r]
        )
    return summary


def paired_ratios(
    rounds: list[dict[str, Any]], floor_rounds: list[dict[str, Any]]
) -> dict[str, float]:
    """Median over rounds of each figure divided by the floor's figure of the same round.

    A round measures the forms one after the other, so pairing them cancels most of the
    drift of a shared machine's load, which the ratio of two medians would not.
    """
    keys = {k for r in rounds for k, v in r.items() if isinstance(v, (int, float))}
    ratios = {}
    for key in keys:
        pairs = [
            mine[key] / floor[key]
            for mine, floor in zip(rounds, floor_rounds, strict=False)
            if key in mine and floor.get(key)
        ]
        if pairs:
            ratios[key] = _median(pairs)
    if "full_s" in ratios:
        ratios["per_post_ms"] = ratios["full_s"]
        # The ratio of the two fastest rounds (which need not be the same round).
        ratios["full_fastest_s"] = min(r["full_s"] for r in rounds) / min(
            r["full_s"] for r in floor_rounds
        )
    return ratios


def table(
    count: int,
    repeat: int,
    summaries: dict[str, dict[str, float]],
    ratios: dict[str, dict[str, float]],
) -> str:
    """The results of one N as a plain-text table, ratios to the floor in brackets."""
    forms = list(summaries)
    floor = summaries.get("floor")
    header = ["measure", *(FORMS[name].label for name in forms)]
    lines = [header]
    for key, label, fmt, compare in ROWS:
        if not any(key in summaries[name] for name in forms):
            continue
        row = [label]
        for name in forms:
            value = summaries[name].get(key)
            if value is None:
                row.append("-")
                continue
            cell = fmt.format(value)
            if compare and floor and name != "floor" and key in ratios.get(name, {}):
                cell += f" ({ratios[name][key]:.2f}x)"
            row.append(cell)
        lines.append(row)
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    text = [
        f"N = {count:,} posts, median of {repeat} run(s); (ratio to the floor, median of"
        " the rounds' ratios)"
    ]
    for index, line in enumerate(lines):
        text.append(
            " | ".join(
                cell.ljust(width) if column == 0 else cell.rjust(width)
                for column, (cell, width) in enumerate(zip(line, widths, strict=True))
            )
        )
        if index == 0:
            text.append("-+-".join("-" * width for width in widths))
    return "\n".join(text)


def check_targets(
    summaries: dict[str, dict[str, float]], ratios: dict[str, float], floor_pages: int
) -> list[str]:
    """Issue 20's targets for 'ours', as lines ``PASS``/``MISS``."""
    ours, floor = summaries.get("ours"), summaries.get("floor")
    if not ours or not floor:
        return []
    lines = []
    for key, limit in TARGETS.items():
        if key in ratios:
            ratio = ratios[key]
            verdict = "PASS" if ratio <= limit else "MISS"
            lines.append(f"{verdict} {key}: {ratio:.2f}x (target <= {limit}x)")
    if "nochange_rewritten" in ours:
        verdict = "PASS" if ours["nochange_rewritten"] <= floor_pages else "MISS"
        lines.append(
            f"{verdict} no change rewrites {ours['nochange_rewritten']:.0f} .html "
            f"(the floor: {floor_pages}, Sphinx's own genindex/search)"
        )
    if "parallel_speedup" in ours and "parallel_speedup" in floor:
        # A speed-up of s means (s - 1) less time; ours must gain 90 % of the floor's gain.
        gain, floor_gain = ours["parallel_speedup"] - 1, floor["parallel_speedup"] - 1
        verdict = "PASS" if gain >= PARALLEL_SHARE * floor_gain else "MISS"
        lines.append(
            f"{verdict} -j 2 is {ours['parallel_speedup']:.2f}x as fast as -j 1 "
            f"(the floor: {floor['parallel_speedup']:.2f}x; target >= {PARALLEL_SHARE:.0%} of "
            "its gain)"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[1000], help="values of N")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; the table shows medians")
    parser.add_argument("--forms", default="floor,ours,ablog", help="comma-separated forms")
    parser.add_argument(
        "--measures", default=",".join(MEASURES), help=f"comma-separated, of {MEASURES}"
    )
    parser.add_argument("--jobs", type=int, default=2, help="-j for the parallel build")
    parser.add_argument(
        "--short-repeats",
        type=int,
        default=3,
        help="builds per short measure (edit, no change) in a round; the fastest is kept",
    )
    parser.add_argument(
        "--shape", default="prose", choices=SHAPES, help="the shape of the posts (corpus.py)"
    )
    parser.add_argument(
        "--campaigns",
        action="store_true",
        help="one post in 20 announces an event, one in 8 is a part of a series (ours only)",
    )
    parser.add_argument("--json", type=Path, help="write every round's figures here")
    parser.add_argument(
        "--conf",
        action="append",
        default=[],
        help="a line added to the extension's conf.py (repeatable): 'blog_social_cards = True'",
    )
    parser.add_argument("--workdir", type=Path, default=HERE / "_work")
    parser.add_argument(
        "--python", default=sys.executable, help="interpreter of the floor and 'ours' forms"
    )
    args = parser.parse_args(argv)
    forms = [name.strip() for name in args.forms.split(",") if name.strip()]
    unknown = set(forms) - set(FORMS)
    if unknown:
        parser.error(f"unknown forms: {sorted(unknown)}")
    measures = {name.strip() for name in args.measures.split(",")}
    pythons = {name: args.python for name in forms}
    if "ablog" in forms:
        pythons["ablog"] = ablog_python(args.workdir, args.python)
    for python in set(pythons.values()):
        precompile(python)
    report: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_before": os.getloadavg(),
        },
        "shape": args.shape,
        "results": {},
    }
    output = []
    for count in args.posts:
        posts = generate(count, shape=args.shape, campaigns=args.campaigns)
        roots = {}
        for name in forms:
            variant = f"{args.shape}-campaigns" if args.campaigns else args.shape
            root = args.workdir / f"n{count}-{variant}" / name
            shutil.rmtree(root, ignore_errors=True)
            FORMS[name].write(root / "src", posts, site_files(args.shape))
            if name == "ours" and args.conf:
                with (root / "src" / "conf.py").open("a", encoding="utf-8") as conf:
                    conf.write("".join(f"{line}\n" for line in args.conf))
            roots[name] = root
        rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in forms}
        if site_files(args.shape):
            # One unmeasured build per form first: the images (the prose shape's shared
            # picture, the images shape's one per post) are resized once, then measured
            # cached (issue #20), and every form starts with warm file caches.
            for name in forms:
                print(f"N={count}: warm-up build of {name}", flush=True)
                warm = roots[name] / "build-warm-up"
                sphinx_build(pythons[name], roots[name] / "src", warm / "html", warm / "doctrees")
                shutil.rmtree(warm, ignore_errors=True)
        for round_number in range(args.repeat):
            # Rotate the order each round so background load does not always hit one form.
            order = forms[round_number % len(forms) :] + forms[: round_number % len(forms)]
            print(f"N={count} round {round_number + 1}/{args.repeat}: {order}", flush=True)
            for _attempt in range(3):
                stamp = package_stamp()
                figures = measure_round(
                    order, pythons, roots, posts, measures, args.jobs, args.short_repeats
                )
                if "ours" not in forms or package_stamp() == stamp:
                    break
                print("  the extension's files changed during the round: again", flush=True)
            for name in order:
                figures[name]["load"] = os.getloadavg()[0]
                rounds[name].append(figures[name])
        summaries = {name: summarize(rounds[name], count) for name in forms}
        floor_pages = int(summaries.get("floor", {}).get("nochange_rewritten", 0))
        ratios = {
            name: paired_ratios(rounds[name], rounds["floor"])
            for name in forms
            if "floor" in rounds and name != "floor"
        }
        text = table(count, args.repeat, summaries, ratios)
        checks = check_targets(summaries, ratios.get("ours", {}), floor_pages)
        output.append(text + ("\n" + "\n".join(checks) if checks else ""))
        print("\n" + output[-1] + "\n", flush=True)
        report["results"][str(count)] = {
            name: {
                "median": summaries[name],
                "ratio_to_floor": ratios.get(name, {}),
                "rounds": rounds[name],
            }
            for name in forms
        }
    if len(args.posts) > 1 and all("full_s" in r for r in report["results"].values()):
        base = min(args.posts)
        lines = [f"time per post (full build, -j 1) relative to N = {base:,}:"]
        for name in forms:
            per_post = {
                count: report["results"][str(count)][name]["median"]["per_post_ms"]
                for count in args.posts
            }
            ratios = [
                f"N={count:,}: {per_post[count] / per_post[base]:.2f}x"
                for count in args.posts
                if count != base
            ]
            lines.append(f"  {FORMS[name].label}: " + ", ".join(ratios))
        output.append("\n".join(lines))
        print(output[-1], flush=True)
    if args.json:
        report["tables"] = output
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
