"""Run one Sphinx build in a subprocess and measure it; snapshot output files' times.

Peak memory is the ``ru_maxrss`` that ``os.wait4`` returns for the build process: the
largest resident set of that process or of any of its children it waited for (the ``-j``
workers), in KiB on Linux. It is exact per build, unlike deltas of
``getrusage(RUSAGE_CHILDREN)``, which only ever report the maximum over all children so far.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildRun:
    """What one build cost."""

    seconds: float
    cpu_seconds: float
    max_rss_kib: int


#: The packages a build imports, precompiled before the first timed build (see
#: :func:`precompile`).
BUILD_PACKAGES = ("sphinx", "docutils", "myst_parser", "sphinx_advocacy_blog", "ablog")


def precompile(python: str) -> None:
    """Write the bytecode of every package a build imports, as ``pip install`` does.

    An editable install (this checkout) has no bytecode until a module is first imported,
    and with ``PYTHONDONTWRITEBYTECODE`` set (as in CI) it never gets any: every build
    would then compile the extension's modules from source while Sphinx's come compiled,
    a cost no installed copy pays. Packages the interpreter lacks are skipped.
    """
    code = (
        "import compileall, importlib.util, os\n"
        f"for name in {BUILD_PACKAGES!r}:\n"
        "    spec = importlib.util.find_spec(name)\n"
        "    if spec and spec.submodule_search_locations:\n"
        "        for folder in spec.submodule_search_locations:\n"
        "            compileall.compile_dir(folder, quiet=1)\n"
    )
    subprocess.run([python, "-c", code], check=True, stdout=subprocess.DEVNULL)


class BuildFailed(RuntimeError):
    """The build exited with an error."""


def sphinx_build(
    python: str, srcdir: Path, outdir: Path, doctreedir: Path, jobs: int = 1
) -> BuildRun:
    """``python -m sphinx -b html -q`` with separate doctrees; raise if it fails."""
    command = [python, "-m", "sphinx", "-b", "html", "-q", "-d", str(doctreedir)]
    if jobs > 1:
        command += ["-j", str(jobs)]
    command += [str(srcdir), str(outdir)]
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace")[-3000:]
            raise BuildFailed(f"{' '.join(command)} exited {process.returncode}:\n{tail}")
    return BuildRun(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def html_times(outdir: Path) -> dict[str, int]:
    """Modification time (ns) of every ``*.html`` file under *outdir*, by relative path."""
    return {
        path.relative_to(outdir).as_posix(): path.stat().st_mtime_ns
        for path in outdir.rglob("*.html")
    }


def rewritten(before: dict[str, int], after: dict[str, int]) -> list[str]:
    """Files that are new or have a different time than before."""
    return sorted(name for name, mtime in after.items() if before.get(name) != mtime)


def folder_size(path: Path) -> int:
    """Total size in bytes of the files under *path*."""
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())
